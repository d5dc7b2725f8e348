import type { Curated } from './curated.js';
import { finishModel, type Extras } from './finish.js';
import { MAJOR_MAKERS } from './recent.js';
import {
  applyLifecycle,
  applyModelKinds,
  applyMovingAliases,
  applyReasoningTokens,
  estimateReasoningTokens,
  applyReleasesAndLicences,
  markPresets,
} from './overlays.js';
import { MergeState, type BuildInput, type Draft } from './merge-state.js';
import { distKey } from '../core/quality.js';
import { hostSpellingKeys, labFromId, orgOf, withoutDate } from './names.js';
import type { CatalogFile, Model, Prices } from './schema.js';

export { LAB_PROVIDERS } from './merge-state.js';
export type { BuildInput } from './merge-state.js';

/**
 * Merges the upstream imports and the curated overlays into one catalog: the same model sold by
 * many providers, and found in several sources, becomes one model with many offers. Which source
 * said what is kept: an offer's prices come from the first source (in the order given) that lists
 * it, and every other source's prices for it are kept as alternatives, flagged when they disagree.
 *
 * The build runs in stages, in this order; each reads the drafts the earlier ones left.
 */
export interface BuildResult {
  catalog: CatalogFile;
  warnings: string[];
}

export function buildCatalog(input: BuildInput): BuildResult {
  const b = new MergeState(input);
  seedIdentities(b);
  addProviderIndependentModels(b);
  addFirstPartyOffers(b);
  foldDatedSnapshots(b);
  b.indexUndatedSpellings();
  addCuratedOffers(b);
  addHostOffers(b);
  foldHostSpellings(b);
  applyMovingAliases(b);
  markPresets(b);
  const models = finishModels(b);
  applyModelKinds(b);
  applyLifecycle(b, models);
  applyReleasesAndLicences(b, models);
  applyReasoningTokens(b);
  estimateReasoningTokens(models);
  warnUnrated(b, models);
  return { catalog: assemble(input, models), warnings: b.warnings };
}

/** Half a year: a major maker's model this recent, sold on its maker's API, should have quality evidence. */
const RECENT_UNRATED_DAYS = 183;

/**
 * Says which recent models of the major makers, sold on their maker's API, have no quality
 * evidence at all: `recommend` cannot rank them, so each is a gap to fill in data/curated.
 */
function warnUnrated(b: MergeState, models: Model[]): void {
  const builtAt = b.input.builtAt;
  if (!builtAt) return;
  const since = new Date(Date.parse(`${builtAt}T00:00:00Z`) - RECENT_UNRATED_DAYS * 86_400_000).toISOString().slice(0, 10);
  const major = new Set(MAJOR_MAKERS);
  for (const m of models)
    if (
      m.category === 'chat' &&
      !m.kind &&
      major.has(m.lab) &&
      (m.releaseDate ?? '') >= since &&
      !m.benchmarks?.length &&
      m.offers.some((o) => o.reference)
    )
      b.warnings.push(
        `no quality evidence for ${m.id} (${m.lab}, released ${m.releaseDate}, sold on its maker's API): recommend cannot rank it`,
      );
}

/** A. Curated identities: the spellings they list are this model. */
function seedIdentities(b: MergeState): void {
  for (const idn of b.curated.identities) {
    const d = b.create(idn.id.toLowerCase());
    d.identity = idn;
    d.lab = idn.lab;
    if (idn.category) {
      d.category = idn.category;
      d.categorySource = 'curated';
    }
    for (const m of [...idn.match, ...idn.aliases]) b.claim(m, d);
  }
}

/** B. Provider-independent models (models.dev `models`): canonical ids, matched exactly. */
function addProviderIndependentModels(b: MergeState): void {
  b.input.imports.forEach(({ result }, rank) => {
    for (const raw of result.models) {
      const d = b.exactly(raw.id) ?? b.create(raw.id.toLowerCase());
      d.lab ??= raw.lab;
      // The provider-independent record outranks any one provider's listing of the model.
      d.specs.push({ source: { source: raw.source, asOf: raw.asOf }, spec: raw.spec, rank: -1 + rank / 100 });
      d.benchmarks.push(...raw.benchmarks);
    }
  });
}

/** C. First-party offers (a lab's own API) are canonical too, matched exactly. */
function addFirstPartyOffers(b: MergeState): void {
  for (const { o, rank } of b.ordered) {
    if (!b.isFirstParty(o)) continue;
    const d = b.exactly(o.providerModelId) ?? b.createFor(o.providerModelId);
    d.lab ??= b.labOfProvider(o.provider);
    b.attach(d, o, rank, true);
  }
}

/** D. A dated snapshot priced like its undated alias by the maker is the same model. */
function foldDatedSnapshots(b: MergeState): void {
  for (const d of [...b.drafts]) {
    const undated = withoutDate(d.key);
    const target = undated ? b.exactKey(undated) : undefined;
    if (!target || target === d || target.identity) continue;
    const x = b.referencePrices(d);
    const y = b.referencePrices(target);
    if (x && y && x.input === y.input && x.output === y.output) b.fold(d, target);
  }
}

/** F. Curated offers (first-party prices the snapshots miss, comparison-site gateway routes). */
function addCuratedOffers(b: MergeState): void {
  for (const p of b.curated.prices) {
    const d = b.find(p.model);
    if (!d) {
      b.warnings.push(`curated price for unknown model "${p.model}" (${p.provider}) skipped`);
      continue;
    }
    const prices: Prices = {};
    for (const k of ['input', 'output', 'cacheRead', 'batchInput', 'batchOutput', 'perSearch', 'docsPerSearch'] as const) {
      const v = p[k];
      if (typeof v === 'number') prices[k] = v;
    }
    const offer = {
      source: p.source,
      asOf: p.asOf,
      provider: p.provider,
      providerName: p.providerName,
      providerModelId: p.providerModelId,
    };
    b.attach(d, { ...offer, prices, spec: {}, note: p.note }, -1, false);
  }
}

/** G. Everyone else's offers, matched forgivingly. */
function addHostOffers(b: MergeState): void {
  for (const { o, rank } of b.ordered) {
    if (b.isFirstParty(o)) continue;
    const d = b.find(o.providerModelId) ?? b.createFor(o.providerModelId);
    // Without a known maker, the organisation that published the weights (TheDrummer/..., Sao10K/...).
    d.lab ??= labFromId(o.providerModelId) ?? orgOf(o.providerModelId);
    b.attach(d, o, rank, false);
  }
}

/**
 * H. Hosts' spellings of the same open weights (llama-3.3-70b-versatile at Groq, -instruct-turbo at
 * Together, -maas at Vertex, -fp8-fast at Cloudflare) are one model with many offers: drafts whose
 * names reduce to the same weights key and whose labs agree fold into the best-known of them.
 */
function foldHostSpellings(b: MergeState): void {
  const groups = new Map<string, Draft[]>();
  for (const d of b.live()) {
    const k = b.weightsKeyOf(d);
    if (k === d.key && !groups.has(k)) {
      groups.set(k, [d]);
      continue;
    }
    groups.set(k, [...(groups.get(k) ?? []), d]);
  }
  for (const [key, ds] of groups) {
    if (ds.length < 2) continue;
    const target = [...ds].sort((x, y) => b.standing(y) - b.standing(x) || x.id.length - y.id.length || (x.id < y.id ? -1 : 1))[0]!;
    for (const d of ds) {
      if (d === target) continue;
      if (d.lab && target.lab && d.lab !== target.lab) continue;
      if (d.identity) continue;
      b.fold(d, target, { keepRoutes: true });
    }
    b.claimKey(key, target);
  }
  // Drafts first met under a host's spelling, before the model's own name was known: placed again.
  for (const d of b.live()) {
    if (d.identity || b.referencePrices(d)) continue;
    const home = hostSpellingKeys(d.id)
      .map((k) => b.exactKey(k))
      .find((x) => x && x !== d && (!d.lab || d.lab === 'unknown' || !x.lab || x.lab === d.lab));
    if (home) b.fold(d, home, { keepRoutes: true });
  }
}

function finishModels(b: MergeState): Model[] {
  const x = collectExtras(b);
  const out: Model[] = [];
  for (const d of b.live()) {
    if (d.offers.size === 0 && !d.identity) continue; // metadata with nowhere to buy it
    const model = finishModel(d, {
      spec: x.spec.get(d),
      benchmarks: x.benchmarks.get(d) ?? [],
      latency: x.latency.get(d) ?? [],
      notes: x.notes.get(d)?.[0],
      batch: (provider) => x.batch.get(`${provider}|${d.id}`) ?? x.batch.get(`${provider}|*`),
    });
    b.modelOf.set(d, model);
    out.push(model);
  }
  out.sort((p, q) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0));
  dedupeIds(out, b.warnings);
  checkScoreDirections(out);
  return out;
}

/**
 * Every figure of one benchmark, version and harness (and a partial board's, with the release it is
 * placed on) says the same of its direction: a rank among scores would rank the best models last.
 */
export function checkScoreDirections(models: Pick<Model, 'id' | 'benchmarks'>[]): void {
  const seen = new Map<string, { lower: boolean; model: string }>();
  for (const m of models)
    for (const bm of m.benchmarks ?? []) {
      const key = distKey(bm);
      const lower = bm.lowerIsBetter === true;
      const first = seen.get(key);
      if (!first) seen.set(key, { lower, model: m.id });
      else if (first.lower !== lower)
        throw new Error(
          `benchmark ${key.replace(/\|+$/, '')}: ${first.model}'s figure is ${first.lower ? 'lower' : 'higher'}-is-better, ${m.id}'s is not; set lowerIsBetter on all of them or none`,
        );
    }
}

/** The curated facts, by the draft they describe. */
function collectExtras(b: MergeState) {
  const resolve = (name: string, what: string): Draft | undefined => {
    const d = b.find(name);
    if (!d) b.warnings.push(`curated ${what} for unknown model "${name}" skipped`);
    return d;
  };
  const spec = new Map<Draft, Extras['spec'] & object>();
  for (const s of b.curated.specs) {
    const d = resolve(s.model, 'spec');
    if (d) spec.set(d, s);
  }
  const batch = new Map<string, Curated['batch'][number]>();
  for (const p of b.curated.batch) {
    if (p.models === '*') batch.set(`${p.provider}|*`, p);
    else
      for (const m of p.models) {
        const d = b.find(m);
        if (d) batch.set(`${p.provider}|${d.id}`, p);
        else b.warnings.push(`batch policy ${p.provider}: unknown model "${m}"`);
      }
  }
  return {
    spec,
    benchmarks: groupBy(b.curated.benchmarks, (x) => resolve(x.model, `benchmark ${x.benchmark}`)),
    latency: groupBy(b.curated.latency, (x) => resolve(x.model, 'latency')),
    notes: groupBy(b.curated.notes, (x) => resolve(x.model, 'notes')),
    batch,
  };
}

function assemble(input: BuildInput, out: Model[]): CatalogFile {
  const byCategory: Record<string, number> = {};
  let offers = 0;
  for (const m of out) {
    byCategory[m.category] = (byCategory[m.category] ?? 0) + 1;
    offers += m.offers.length;
  }
  const skipped: Record<string, number> = {};
  for (const { result } of input.imports) for (const [k, v] of Object.entries(result.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
  return {
    schemaVersion: 1,
    builtAt: input.builtAt,
    sources: input.imports.map((i) => i.source),
    stats: { models: out.length, offers, byCategory, skipped },
    models: out,
  };
}

function groupBy<T>(items: T[], keyOf: (t: T) => Draft | undefined): Map<Draft, T[]> {
  const m = new Map<Draft, T[]>();
  for (const it of items) {
    const k = keyOf(it);
    if (!k) continue;
    const list = m.get(k) ?? [];
    list.push(it);
    m.set(k, list);
  }
  return m;
}

function dedupeIds(models: Model[], warnings: string[]): void {
  const seen = new Set<string>();
  for (const m of models) {
    if (seen.has(m.id)) {
      warnings.push(`duplicate model id ${m.id}`);
      m.id = `${m.id}-${m.lab}`;
    }
    seen.add(m.id);
  }
}
