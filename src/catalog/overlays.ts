import { CATALOG_WIDE_ESTIMATE, reasoningFactor, type ReasoningFactor } from '../core/reasoning.js';
import type { Curated } from './curated.js';
import { prune } from './finish.js';
import type { Draft, MergeState } from './merge-state.js';
import { modelKey } from './names.js';
import type { Lifecycle, Model } from './schema.js';

/**
 * The identity and lifecycle overlays of the build (data/curated: aliases, kinds, lifecycle,
 * releases, licences). Each stage resolves the names an overlay uses with the build's own resolver
 * and warns about any it cannot place, so a typo in an overlay never passes silently.
 */

/**
 * I. Moving names: `mistral-medium-latest`, `claude-sonnet-4-0` and other undated ids resolve to
 * what the maker serves today. A draft that was only that name (a `-latest` route) folds into the
 * target; the name leaves every other model.
 */
export function applyMovingAliases(b: MergeState): void {
  // A retired model's id that the maker now routes to another model (gemini-2.5-pro answered by
  // gemini-3.8-flash) stays that model: its lifecycle record says it is retired and names the
  // successor. Only names that are nothing but aliases move.
  const recordOf = new Map<string, Curated['lifecycle'][number]>();
  for (const e of b.curated.lifecycle) if (!e.provider) for (const n of [e.model, ...(e.ids ?? [])]) recordOf.set(modelKey(n), e);
  for (const a of inForce(b.curated.aliases)) {
    const target = b.find(a.target);
    if (!target) {
      b.warnings.push(`alias ${a.alias}: unknown target "${a.target}" skipped`);
      continue;
    }
    // A retired id that the maker routes to another model: not a name of that model.
    const own = recordOf.get(modelKey(a.alias));
    const theirs = recordOf.get(modelKey(a.target));
    if (own?.successor && b.find(own.successor) === target) continue;
    if (own?.status === 'retired' && !(theirs && theirs.shutdownOn === own.shutdownOn)) continue;
    const named = b.exactly(a.alias);
    if (named && named !== target && modelKey(named.id) === modelKey(a.alias))
      // What a -latest route measured belongs to whatever it pointed at then: not carried over.
      b.fold(named, target, { benchmarks: !/latest/.test(a.alias) });
    b.release(a.alias, target);
    target.aliases.add(a.alias.toLowerCase());
    target.servedAs.push({ alias: a.alias, since: a.since, source: a.source, asOf: a.asOf, note: a.note });
  }
}

/**
 * An alias's history (deepseek-chat served V3, then V3.1, ... then V4-Flash) is kept in the overlay;
 * the build points each alias at its latest target the catalog knows.
 */
function inForce(entries: Curated['aliases']): Curated['aliases'] {
  const latest = new Map<string, Curated['aliases'][number]>();
  for (const a of entries) {
    const key = modelKey(a.alias);
    const cur = latest.get(key);
    if (!cur || (a.since ?? '') >= (cur.since ?? '')) latest.set(key, a);
  }
  return [...latest.values()];
}

/**
 * Resellers' presets of a model (`claude-sonnet-4-thinking` at nano-gpt, `gemini-3.1-pro-preview-high`):
 * the same weights at a fixed setting. Marked, never ranked beside the model. Only names without a
 * maker's route of their own: a maker's `-reasoning` endpoint is a model it sells.
 */
const PRESET_SUFFIX = /-(thinking|think|nothinking|non-thinking|high|low|medium|minimal|xhigh|max)$/;

export function markPresets(b: MergeState): void {
  for (const d of b.live()) {
    if (d.identity || b.referencePrices(d)) continue;
    // Qwen publishes -Thinking and -Instruct weights of the same size as separate models; only a
    // reseller's `:thinking` tag on them is a preset.
    if (d.lab === 'alibaba' && !/:(thinking|think)/.test(d.id)) continue;
    const m = PRESET_SUFFIX.exec(d.key);
    if (!m) continue;
    let base = b.find(d.key.slice(0, m.index));
    // A preset of a preset (thinking, then low effort) is a setting of the model underneath.
    for (let i = 0; base?.kind?.variantOf && i < 5; i++) base = b.follow(base.kind.variantOf);
    if (!base || base === d) continue;
    d.kind = { kind: 'preset', variantOf: base, source: { source: 'model-advisor naming rule', asOf: b.input.builtAt } };
  }
}

/** The model a curated name means, or a warning. */
function modelFor(b: MergeState, name: string, what: string): Model | undefined {
  const d = b.find(name);
  const m = d && b.modelOf.get(d);
  if (!m) b.warnings.push(`curated ${what} for unknown model "${name}" skipped`);
  return m;
}

/** Which of two records for the same thing stands: the maker's word, then the later statement. */
function outranks(a: Lifecycle, b: Lifecycle | undefined): boolean {
  if (!b) return true;
  const weight = { maker: 2, 'third-party': 1, upstream: 0 } as const;
  if (weight[a.confidence] !== weight[b.confidence]) return weight[a.confidence] > weight[b.confidence];
  return (a.asOf ?? '') > (b.asOf ?? '');
}

/**
 * Lifecycle records from the makers' pages: for the model and each of its API ids the catalog keeps
 * as a model of its own; with `provider`, for that host's route only. Successors are catalog ids.
 */
export function applyLifecycle(b: MergeState, models: Model[]): void {
  const byId = new Map(models.map((m) => [m.id, m]));
  for (const e of b.curated.lifecycle) {
    const record: Lifecycle = {
      status: e.status,
      deprecatedOn: e.deprecatedOn,
      shutdownOn: e.shutdownOn,
      successor: e.successor,
      source: e.source,
      asOf: e.asOf,
      confidence: e.confidence,
      note: e.note ?? (e.readAt ? `read at ${e.readAt}` : undefined),
    };
    if (e.successor) {
      const s = b.find(e.successor);
      const sm = s && b.modelOf.get(s);
      if (sm) record.successor = sm.id;
      else b.warnings.push(`lifecycle ${e.model}: successor "${e.successor}" is not in the catalog (kept as the maker names it)`);
    }
    prune(record);
    const targets = new Set<Model>();
    // The maker's exact ids: a record for gemini-2.5-pro-preview-06-05 is not one for gemini-2.5-pro.
    for (const name of [e.model, ...(e.ids ?? [])]) {
      const d = b.exactly(name) ?? (name === e.model ? b.find(name) : undefined);
      const m = d && b.modelOf.get(d);
      if (m) targets.add(m);
    }
    if (targets.size === 0) {
      b.warnings.push(`curated lifecycle for unknown model "${e.model}" skipped`);
      continue;
    }
    for (const m of targets) {
      if (record.successor === m.id) continue;
      if (e.provider) {
        const offers = m.offers.filter((o) => o.provider === e.provider);
        if (offers.length === 0) b.warnings.push(`lifecycle ${e.model}: no offer from ${e.provider}`);
        for (const o of offers) if (outranks(record, o.lifecycle)) o.lifecycle = record;
        continue;
      }
      if (outranks(record, m.lifecycle)) m.lifecycle = { ...record };
    }
  }
  // A preset lives and dies with the model it is a setting of.
  for (const m of models) {
    const base = m.variantOf ? byId.get(m.variantOf) : undefined;
    if (base?.lifecycle && !m.lifecycle) m.lifecycle = { ...base.lifecycle, note: `as ${base.id}, of which this is a preset` };
  }
}

/** Orchestrators, routers and presets: marked, with the model a preset is a setting of. */
export function applyModelKinds(b: MergeState): void {
  for (const d of b.live()) {
    const m = b.modelOf.get(d);
    if (!m || !d.kind) continue;
    m.kind = d.kind.kind;
    m.kindSource = d.kind.source;
    const base = d.kind.variantOf && b.modelOf.get(b.follow(d.kind.variantOf));
    if (base) m.variantOf = base.id;
  }
  for (const k of b.curated.kinds) {
    const m = modelFor(b, k.model, `kind ${k.kind}`);
    if (!m) continue;
    m.kind = k.kind === 'model' ? undefined : k.kind;
    m.kindSource = m.kind ? { source: k.source, asOf: k.asOf } : undefined;
    if (k.variantOf) {
      const base = modelFor(b, k.variantOf, 'variant base');
      if (base) m.variantOf = base.id;
    }
  }
}

/**
 * Release dates from the makers' own announcements, and licences of published weights: a model
 * whose weights are published under a licence is open-weight (whatever a database's flag says).
 */
export function applyReleasesAndLicences(b: MergeState, models: Model[]): void {
  for (const r of b.curated.releases) {
    const m = modelFor(b, r.model, 'release date');
    if (!m) continue;
    m.releaseDate = r.releaseDate;
    m.releaseSource = { source: r.source, asOf: r.asOf };
  }
  for (const c of b.curated.capabilities) {
    const m = modelFor(b, c.model, 'capabilities');
    if (m) applyCapabilities(m, c);
  }
  for (const l of b.curated.licences) for (const m of licensed(b, models, l)) setLicence(m, l);
  for (const m of models) if (m.license && m.openWeights !== true && isOpenLicence(m.license)) m.openWeights = true;
}

/**
 * A page's capabilities and modalities: a maker's page stands over the databases; a database's
 * newer copy or a third party only fills what is unknown.
 */
function applyCapabilities(m: Model, c: Curated['capabilities'][number]): void {
  const maker = c.confidence === 'maker';
  let used = false;
  const caps = { ...(m.capabilities ?? {}) };
  // A page that lists image input says the model takes images.
  const stated = { ...(c.modalities?.input.includes('image') ? { vision: true } : {}), ...c.capabilities };
  for (const [k, v] of Object.entries(stated) as [keyof typeof caps, boolean | undefined][]) {
    if (v === undefined || (!maker && caps[k] !== undefined) || caps[k] === v) continue;
    caps[k] = v;
    used = true;
  }
  if (used) m.capabilities = caps;
  if (c.modalities && (maker || !m.modalities)) {
    m.modalities = c.modalities;
    used = true;
  }
  // Several pages may complete one model: the most authoritative one used is named.
  const rank = { maker: 2, database: 1, 'third-party': 0 } as const;
  if (used && (!m.capabilitySource || rank[c.confidence] > rank[m.capabilitySource.confidence]))
    m.capabilitySource = { source: c.source, asOf: c.asOf, confidence: c.confidence };
}

function licensed(b: MergeState, models: Model[], l: Curated['licences'][number]): Model[] {
  const out: Model[] = [];
  const except = (l.except ?? []).map(globOf);
  for (const name of l.models) {
    if (name.includes('*')) {
      const re = globOf(name);
      const hits = models.filter(
        (m) => m.lab === l.lab && re.test(modelKey(m.id)) && !except.some((x) => x.test(modelKey(m.id))) && m.kind === undefined,
      );
      if (hits.length === 0) b.warnings.push(`licence ${l.license}: no ${l.lab} model matches "${name}"`);
      out.push(...hits);
    } else {
      const m = modelFor(b, name, `licence ${l.license}`);
      if (m) out.push(m);
    }
  }
  return out;
}

/** `qwen3-*b` -> a pattern over model keys (separators normalised as modelKey does). */
function globOf(pattern: string): RegExp {
  const parts = pattern.split('*').map((p) => (p ? modelKey(p) : '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const glue = pattern.split('*').map((p, i, all) => {
    const lead = i > 0 && p.startsWith('-') ? '-' : '';
    const trail = i < all.length - 1 && p.endsWith('-') ? '-' : '';
    return `${lead}${parts[i]}${trail}`;
  });
  return new RegExp(`^${glue.join('.*')}$`);
}

/** A model's own licence (from its card, in specs.json) stands; the family's fills a gap. */
function setLicence(m: Model, l: Curated['licences'][number]): void {
  m.license ??= l.license;
  m.openWeights = true;
}

/** A licence under which weights are published (anything but a closed model's terms). */
export function isOpenLicence(licence: string): boolean {
  return !/^(proprietary|closed|commercial|none|n\/a)$/i.test(licence.trim());
}

/** Measured output tokens per setting (reasoning included), for pricing hidden reasoning tokens. */
export function applyReasoningTokens(b: MergeState): void {
  for (const r of b.curated['reasoning-defaults']) {
    const m = modelFor(b, r.model, 'reasoning default');
    if (!m) continue;
    const { model: _m, ...row } = r;
    m.reasoningDefault = row;
  }
  for (const r of b.curated.reasoning) {
    const m = modelFor(b, r.model, 'reasoning tokens');
    if (!m) continue;
    const { model: _m, ...row } = r;
    (m.reasoningTokens ??= []).push(row);
  }
}

/** Makers with fewer measured reasoning models than this get the catalog-wide median instead of their own. */
const MIN_MEASURED_FOR_ESTIMATE = 3;

/**
 * A reasoning model nobody has measured (or whose measurements do not give its default setting)
 * would be priced without its hidden tokens, which for these models is most of the bill. It gets
 * the median factor of its maker's measured models at the maker's default setting instead, or,
 * where fewer than three of its maker's models are measured, the median of every measured model,
 * with the models and their spread named, so every cost of a reasoning model includes its thinking
 * and says how sure that figure is.
 */
export function estimateReasoningTokens(models: Model[]): void {
  const byLab = new Map<string, { id: string; f: ReasoningFactor }[]>();
  const all: { id: string; f: ReasoningFactor }[] = [];
  for (const m of models) {
    if (m.kind || !m.reasoningTokens?.length) continue;
    const f = reasoningFactor(m);
    if (!f || f === 'unknown' || f.estimate) continue;
    const list = byLab.get(m.lab) ?? [];
    list.push({ id: m.id, f });
    byLab.set(m.lab, list);
    all.push({ id: m.id, f });
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  for (const m of models) {
    if (m.kind || !m.capabilities?.reasoning || reasoningFactor(m) !== 'unknown') continue;
    const own = byLab.get(m.lab) ?? [];
    const measured = own.length >= MIN_MEASURED_FOR_ESTIMATE ? own : all;
    if (measured.length < MIN_MEASURED_FOR_ESTIMATE) continue;
    const factors = measured.map((x) => x.f.factor).sort((a, b) => a - b);
    const mine = measured === own;
    const setting = mine && measured[0]!.f.setting.includes('medium') ? 'medium' : 'default';
    const why = m.reasoningTokens?.length ? 'its own measurements do not give its default setting' : 'no measurement of this model';
    m.reasoningEstimate = {
      setting,
      factor: Number(median(factors).toPrecision(3)),
      basis: mine
        ? `${why}: the median of its maker's ${measured.length} measured models (${factors[0]}x to ${factors.at(-1)}x: ${measured
            .map((x) => x.id)
            .sort()
            .join(', ')})`
        : `${CATALOG_WIDE_ESTIMATE}: the median of all ${measured.length} measured reasoning models of every maker (${factors[0]}x to ${factors.at(-1)}x), a rough figure`,
      source: (mine ? measured[0]! : (measured.find((x) => /brokierouter|github/.test(x.f.source)) ?? measured[0]!)).f.source.replace(
        /\/blob\/[0-9a-f]{40}\/.*/,
        '',
      ),
      asOf: measured
        .map((x) => x.f.asOf)
        .sort()
        .at(-1)!,
    };
  }
}
