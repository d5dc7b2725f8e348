import type { Curated } from './curated.js';
import type { RawSpec } from './importers/types.js';
import { keyEvidence } from './evidence.js';
import { LAB_PROVIDERS, type Draft, type OfferDraft } from './merge-state.js';
import type { Benchmark, Category, Latency, Lifecycle, Model, Offer, OfferFlag, Prices, Source } from './schema.js';

/**
 * The finishing stage of the build: a draft (a model as the sources and overlays describe it) turned
 * into a catalog model. Spec fields come from the best-ranked source that has them; offers get their
 * batch prices, flags and the reference mark; upstream lifecycle hints become a dated record that the
 * curated lifecycle overlay (applied after) can replace.
 */

export interface Extras {
  spec?: Curated['specs'][number];
  benchmarks: Curated['benchmarks'];
  latency: Curated['latency'];
  notes?: Curated['notes'][number];
  batch: (provider: string) => Curated['batch'][number] | undefined;
}

const SPEC_FIELDS = [
  'name',
  'family',
  'contextWindow',
  'maxOutput',
  'modalities',
  'openWeights',
  'license',
  'releaseDate',
  'knowledgeCutoff',
] as const;

export function finishModel(d: Draft, x: Extras): Model {
  const specs = [...d.specs].sort((a, b) => a.rank - b.rank);
  const spec: RawSpec = {};
  let specSource: Source | undefined;
  for (const field of SPEC_FIELDS) {
    for (const s of specs) {
      const v = s.spec[field];
      if (v === undefined) continue;
      (spec as Record<string, unknown>)[field] = v;
      specSource ??= s.source;
      break;
    }
  }
  const capabilities: NonNullable<Model['capabilities']> = {};
  for (const s of specs)
    for (const [k, v] of Object.entries(s.spec.capabilities ?? {}))
      if (v !== undefined && capabilities[k as keyof typeof capabilities] === undefined) capabilities[k as keyof typeof capabilities] = v;

  const lab = d.identity?.lab ?? d.lab ?? 'unknown';
  const category: Category = d.category ?? 'chat';
  const offers = [...d.offers.values()].map((o) => finishOffer(o, x.batch(o.provider)));
  const lifecycle = upstreamLifecycle(d);
  const refProviders = d.identity?.referenceProvider ? [d.identity.referenceProvider] : (LAB_PROVIDERS[lab] ?? []);
  const reference = refProviders.map((p) => offers.find((o) => o.provider === p && !o.providerModelId.endsWith(':free'))).find(Boolean);
  if (reference) reference.reference = true;
  flagDeviations(offers, reference);
  offers.sort((a, b) => (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0));

  if (reference) {
    if (reference.prices.cacheRead !== undefined) capabilities.promptCaching ??= true;
    if (reference.prices.batchInput !== undefined) capabilities.batchApi = true;
  }
  if (category !== 'chat') delete spec.maxOutput; // models.dev puts dimensions or 1 there

  const curated = x.benchmarks.map(({ model: _m, ...b }) => b);
  // A database's copy of a figure a curated file enters from the leaderboard's own data (same
  // benchmark, same score: models.dev's Aider rows, say) is the same measurement shown twice.
  const copies = new Set(curated.map((b) => `${b.benchmark}|${b.score}`));
  const upstream = d.benchmarks.filter((b) => !copies.has(`${b.benchmark}|${b.score}`));
  const benchmarks = dedupeBenchmarks([...upstream, ...curated].map(keyEvidence));
  const latency: Latency[] = x.latency.map(({ model: _m, ...l }) => l);
  const aliases = [...d.aliases].filter((a) => a !== d.id).sort();

  const model: Model = {
    id: d.id,
    name: d.identity?.name ?? spec.name ?? d.id,
    lab,
    family: d.identity?.family ?? spec.family,
    category,
    aliases: aliases.length > 0 ? aliases : undefined,
    contextWindow: spec.contextWindow,
    maxOutput: spec.maxOutput,
    modalities: spec.modalities,
    capabilities: Object.keys(capabilities).length > 0 ? capabilities : undefined,
    openWeights: d.identity?.openWeights ?? spec.openWeights,
    license: x.spec?.license ?? spec.license,
    releaseDate: spec.releaseDate,
    knowledgeCutoff: spec.knowledgeCutoff,
    lifecycle,
    servedAs: d.servedAs.length > 0 ? d.servedAs.map((a) => prune({ ...a })) : undefined,
    specSource: specSource ?? (d.identity ? { source: d.identity.source, asOf: d.identity.asOf } : undefined),
    benchmarks: benchmarks.length > 0 ? benchmarks : undefined,
    latency: latency.length > 0 ? latency : undefined,
    notes: x.notes ? { source: x.notes.source, asOf: x.notes.asOf, bestFor: x.notes.bestFor, avoidFor: x.notes.avoidFor } : undefined,
    offers,
  };
  if (x.spec) {
    model.parameters = {
      total: x.spec.parameters ?? null,
      active: x.spec.activeParameters ?? undefined,
      disclosed: x.spec.disclosed,
      source: x.spec.source,
      asOf: x.spec.asOf,
      note: x.spec.note,
    };
  }
  return prune(model);
}

/**
 * One figure once: the same benchmark, score and source is a copy, unless both name different
 * settings (two effort rows of one leaderboard that happen to score the same are two figures).
 */
function dedupeBenchmarks(list: Benchmark[]): Benchmark[] {
  const seen = new Map<string, Set<string>>();
  const out: Benchmark[] = [];
  for (const b of list) {
    const k = `${b.benchmark}|${b.score}|${b.source}`;
    const settings = seen.get(k);
    const setting = b.setting ?? '';
    if (settings && (setting === '' || settings.has(setting) || settings.has(''))) continue;
    seen.set(k, (settings ?? new Set()).add(setting));
    out.push(b);
  }
  return out;
}

function finishOffer(o: OfferDraft, batch: Curated['batch'][number] | undefined): Offer {
  // The first source (curated, then by capture date) that prices the route at all is primary; one
  // that lists the route without a price does not hide another's figure.
  const priced = (e: OfferDraft['entries'][number]) =>
    e.prices.input !== undefined || e.prices.output !== undefined || e.prices.perSearch !== undefined || e.prices.perRequest !== undefined;
  let first = o.entries.find(priced) ?? o.entries[0];
  // A curated figure (rank < 0) yields to a database's dated price change that took effect after
  // the curated page was read: precedence by the date a figure became true, not by capture date
  // (a database captured later can still carry an old list).
  if (first && first.rank < 0) {
    const newer = o.entries.find((e) => e.rank >= 0 && priced(e) && (inForceSince(e) ?? '') > (first!.asOf ?? ''));
    if (newer) first = newer;
  }
  const [primary, ...rest] = first ? [first, ...o.entries.filter((e) => e !== first)] : [];
  if (!primary) throw new Error('offer without a source');
  const prices: Prices = { ...primary.prices };
  const offer: Offer = {
    lifecycle: o.hostRetirement
      ? {
          status: 'deprecated',
          shutdownOn: o.hostRetirement.shutdownOn,
          source: o.hostRetirement.source,
          asOf: o.hostRetirement.asOf,
          confidence: 'upstream',
          note: 'the host retires this route; the model itself may live on elsewhere',
        }
      : undefined,
    provider: o.provider,
    providerName: o.providerName,
    providerModelId: primary.providerModelId,
    prices,
    source: primary.source,
    asOf: primary.asOf,
    note: primary.note,
    // Dated price changes, from the primary source when it has them.
    history: primary.history,
  };
  const flags: OfferFlag[] = [];
  if (rest.length > 0) {
    offer.alternatives = rest.map((r) => ({ source: r.source, asOf: r.asOf, prices: r.prices }));
    const disagree = rest.filter((r) => differs(r.prices.input, prices.input) || differs(r.prices.output, prices.output));
    if (disagree.length > 0)
      flags.push({
        kind: 'sources-disagree',
        message: [primary, ...disagree].map((e) => `${e.source} says ${fmtPair(e.prices)}`).join('; '),
      });
  }
  // Batch prices: the offer's own source, another source's, or the provider's published discount.
  if (prices.batchInput === undefined && prices.batchOutput === undefined) {
    const alt = rest.find((r) => r.prices.batchInput !== undefined || r.prices.batchOutput !== undefined);
    if (alt) {
      prices.batchInput = alt.prices.batchInput;
      prices.batchOutput = alt.prices.batchOutput;
      offer.batchSource = { source: alt.source, asOf: alt.asOf };
    } else if (batch && (prices.input !== undefined || prices.output !== undefined)) {
      const f = 1 - batch.discount;
      if (prices.input !== undefined) prices.batchInput = round12(prices.input * f);
      if (prices.output !== undefined) prices.batchOutput = round12(prices.output * f);
      offer.batchSource = {
        source: batch.source,
        asOf: batch.asOf,
        note: `${Math.round(batch.discount * 100)}% batch discount${batch.note ? `: ${batch.note}` : ''}`,
      };
    }
  }
  // A cached-input price of 0 beside a paid input price is a database's blank, not a free cache:
  // unknown, unless another source gives a figure.
  if (prices.cacheRead === 0 && (prices.input ?? 0) > 0) {
    const other = rest.find((r) => r.prices.cacheRead !== undefined && r.prices.cacheRead > 0);
    if (other) prices.cacheRead = other.prices.cacheRead;
    else delete prices.cacheRead;
  }
  const hasTokenPrice = prices.input !== undefined || prices.output !== undefined;
  const hasAnyPrice = hasTokenPrice || prices.perSearch !== undefined || prices.perRequest !== undefined;
  if (!hasAnyPrice) flags.push({ kind: 'no-price', message: 'the source lists this route without a price' });
  else if (!(prices.input ?? 0) && !(prices.output ?? 0) && !(prices.perSearch ?? 0) && !(prices.perRequest ?? 0))
    flags.push({
      kind: 'free',
      message: 'listed at $0: a free tier or promotion, usually rate-limited; not used for cost estimates unless chosen',
    });
  if (flags.length > 0) offer.flags = flags;
  return prune(offer);
}

function flagDeviations(offers: Offer[], reference: Offer | undefined): void {
  const paid = offers.filter((o) => !o.flags?.some((f) => f.kind === 'free' || f.kind === 'no-price'));
  for (const field of ['input', 'output', 'perSearch'] as const) {
    let base: number | undefined;
    let label: string;
    let lo: number;
    let hi: number;
    if (reference && reference.prices[field]) {
      base = reference.prices[field];
      label = `the maker's own price (${reference.provider})`;
      [lo, hi] = [0.5, 5];
    } else {
      const vals = paid.map((o) => o.prices[field]).filter((v): v is number => v !== undefined && v > 0);
      if (vals.length < 3) continue;
      base = median(vals);
      label = `the median of ${vals.length} offers`;
      [lo, hi] = [1 / 3, 4];
    }
    if (!base) continue;
    for (const o of paid) {
      const v = o.prices[field];
      if (o === reference || v === undefined || v === 0) continue;
      const ratio = v / base;
      if (ratio >= lo && ratio <= hi) continue;
      const flags = (o.flags ??= []);
      flags.push({
        kind: 'price-deviation',
        message: `${field} price $${v} is ${fmtRatio(ratio)} ${label}, $${base}: ${ratio < 1 ? 'implausible' : 'an outlier'}, check before relying on it`,
      });
    }
  }
}

function fmtRatio(r: number): string {
  return r < 1 ? `${Number((1 / r).toPrecision(2))}x below` : `${Number(r.toPrecision(2))}x above`;
}

function median(vals: number[]): number {
  const s = [...vals].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function differs(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return false;
  const m = Math.max(Math.abs(a), Math.abs(b));
  return m > 0 && Math.abs(a - b) / m > 0.01;
}

function fmtPair(p: Prices): string {
  if (p.perSearch !== undefined) return `$${p.perSearch} per search`;
  return `$${p.input ?? '?'} in / $${p.output ?? '?'} out`;
}

function round12(n: number): number {
  return Number(n.toPrecision(12));
}

export function prune<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

/**
 * What the upstream databases say of the maker's own route (LiteLLM's deprecation_date, models.dev's
 * status, genai-prices' deprecated): a hint, marked as such, until a curated record from the maker's
 * pages replaces it.
 */
function upstreamLifecycle(d: Draft): Lifecycle | undefined {
  const hints = d.specs.filter((s) => (s.firstParty || s.rank < 0) && (s.spec.deprecated || s.spec.shutdownOn));
  if (hints.length === 0) return undefined;
  const dated = hints.find((h) => h.spec.shutdownOn) ?? hints[0]!;
  return {
    status: 'deprecated',
    shutdownOn: dated.spec.shutdownOn,
    source: dated.source.source,
    asOf: dated.source.asOf,
    confidence: 'upstream',
    note: `flagged by ${[...new Set(hints.map((h) => h.source.source))].join(', ')}`,
  };
}

/** The day the price list a source gives for an offer took effect, when its history dates it. */
function inForceSince(e: { asOf: string; history?: { from?: string }[] }): string | undefined {
  let since: string | undefined;
  for (const h of e.history ?? []) if (h.from && h.from <= e.asOf) since = h.from;
  return since;
}
