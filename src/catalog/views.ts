import {
  buildDistributions,
  chosenFigure,
  measuredReasoning,
  distKey,
  figuresByKey,
  percentile,
  PRECOMPUTED,
  SELF_REPORTED_WEIGHT,
  weightedQuality,
  type Evidence,
  type TaskQuality,
} from '../core/quality.js';
import { stateOf } from '../core/lifecycle.js';
import { offerLatency } from '../core/latency.js';
import { TASKS, type TaskId } from '../core/tasks.js';
import type { Model } from './schema.js';

/**
 * Ranking views: what ranking a model for a task reads, and nothing else. One line at the end of
 * the bundled catalog holds a view per rated model: no sources, notes, aliases or alternatives,
 * only the offers ranking can use, and each task's quality worked out at build time. `recommend`
 * ranks these, then reads the full lines of the few it shows. A test checks that ranking the views
 * and ranking the full models give the same recommendations.
 */

const LETTER: Record<Model['category'], string> = { chat: 'c', embedding: 'e', reranking: 'r', moderation: 'm' };
const CATEGORY: Record<string, Model['category']> = { c: 'chat', e: 'embedding', r: 'reranking', m: 'moderation' };

/**
 * The figure that stands for a benchmark, with its percentile worked out:
 * [benchmark, score, percentile, reports, self-reported 1/0].
 */
type ViewBenchmark = [string, number, number, number, 0 | 1] | [string, number, number, number, 0 | 1, 1];

/** [provider, ttftMs, outputTokensPerSecond, kind], then 1 where the first token includes the reasoning. */
type ViewLatency = [string, number | null, number | null, string | null] | [string, number | null, number | null, string | null, 1];

/** The benchmark ids views refer to by index (the header keeps the table): the ids tasks use. */
export function viewBenchmarkTable(): string[] {
  return [...new Set(Object.values(TASKS).flatMap((t) => t.benchmarks.map((b) => b.id)))].sort();
}

type Prices = Model['offers'][number]['prices'];
/** The usual prices by position (null: absent), then an object with any others (tiers, per request...). */
const PACKED = ['input', 'output', 'cacheRead', 'cacheWrite', 'batchInput', 'batchOutput'] as const;
type PackedPrices = (number | null | Partial<Prices>)[];

/** {input: 1, output: 5} -> [1, 5]: the key names were a fifth of a view. */
export function packPrices(p: Prices): PackedPrices {
  const out: PackedPrices = PACKED.map((k) => (p[k] === undefined ? null : p[k]!));
  while (out.length && out[out.length - 1] === null) out.pop();
  const rest: Partial<Prices> = {};
  let extra = false;
  for (const [k, v] of Object.entries(p)) {
    if ((PACKED as readonly string[]).includes(k) || v === undefined) continue;
    (rest as Record<string, unknown>)[k] = v;
    extra = true;
  }
  if (extra) {
    while (out.length < PACKED.length) out.push(null);
    out.push(rest);
  }
  return out;
}

export function unpackPrices(packed: PackedPrices): Prices {
  const p: Prices = {};
  PACKED.forEach((k, i) => {
    const v = packed[i];
    if (typeof v === 'number') p[k] = v;
  });
  const rest = packed[PACKED.length];
  return rest && typeof rest === 'object' ? { ...p, ...rest } : p;
}

/** Capabilities as letters: upper case yes, lower case no, absent unknown ("TsV"). */
const CAP_LETTERS: [keyof NonNullable<Model['capabilities']>, string][] = [
  ['tools', 't'],
  ['structuredOutput', 's'],
  ['vision', 'v'],
  ['reasoning', 'r'],
  ['promptCaching', 'p'],
  ['batchApi', 'b'],
  ['fineTuning', 'f'],
  ['streaming', 'm'],
];

export function encodeCaps(c: NonNullable<Model['capabilities']>): string {
  return CAP_LETTERS.map(([k, l]) => (c[k] === undefined ? '' : c[k] ? l.toUpperCase() : l)).join('');
}

export function decodeCaps(s: string): NonNullable<Model['capabilities']> {
  const out: NonNullable<Model['capabilities']> = {};
  for (const [k, l] of CAP_LETTERS) {
    if (s.includes(l.toUpperCase())) out[k] = true;
    else if (s.includes(l)) out[k] = false;
  }
  return out;
}

export interface RankingView {
  i: number;
  id: string;
  n: string;
  l: string;
  c: string;
  d?: 1;
  /** Lifecycle: [status, deprecatedOn, shutdownOn, confidence, successor] (state is worked out for the day asked). */
  lc?: [string, string | null, string | null, string, string | null];
  /** Kind, for what is not an ordinary model. */
  k?: string;
  /** Measured output tokens per reasoning setting: [setting, tokens] (sources on the full line). */
  rt?: [string, number][];
  /** The reasoning effort the maker's API defaults to, where known per model. */
  rd?: string;
  /** The maker-median reasoning estimate: [setting, factor] (its basis on the full line). */
  re?: [string, number];
  w?: number;
  ow?: boolean;
  /** Capabilities as letters (see encodeCaps). */
  cap?: string;
  /** Per host, the figure that stands for it: [provider, ttft ms, output tokens/s, method] (statistic, date and source on the full line). */
  lat?: ViewLatency[];
  /** Benchmarks reported by enough models to rank by, with their percentiles; on disk the id is its index in the header's table. */
  b: ViewBenchmark[] | [number, number, number, number, 0 | 1, 1?][];
  /** [provider, prices (see packPrices), reference 1/0, flag kinds joined by commas, host's lifecycle [status, shutdownOn] if any] */
  o: [string, PackedPrices, 0 | 1, string, ([string, string | null] | null)?, Model['offers'][number]['history']?][];
}

/**
 * Views of the rated models. Percentiles are taken among the rated models of the same kind, as
 * `recommend` takes them from the models it ranks.
 */
/** Why a rated model has no view: counted per category, so exclusions add up as on full models. */
export type DroppedCounts = Record<string, { retired?: number; 'not-a-model'?: number }>;

/**
 * Views of the rated models that can rank. Left out (and counted): what is not a model, and what its
 * maker had retired by the build date (so it is retired on any later day; a command asking about
 * an earlier day ranks the full lines). Each view keeps only the benchmarks its category's tasks use.
 */
export function buildViews(models: Model[], rated: number[], builtAt = ''): { views: RankingView[]; dropped: DroppedCounts } {
  const dropped: DroppedCounts = {};
  const table = viewBenchmarkTable();
  const index = new Map(table.map((id, i) => [id, i]));
  const views = allViews(models, rated).flatMap((v) => {
    const m = models[v.i]!;
    const why = m.kind ? 'not-a-model' : builtAt && stateOf(m.lifecycle, builtAt, m.deprecated).state === 'retired' ? 'retired' : undefined;
    if (why) {
      const d = (dropped[v.c] ??= {});
      d[why] = (d[why] ?? 0) + 1;
      return [];
    }
    v.b = (v.b as ViewBenchmark[]).flatMap(([id, ...rest]) =>
      index.has(id) ? [[index.get(id)!, ...rest] as [number, number, number, number, 0 | 1]] : [],
    );
    return [v];
  });
  return { views, dropped };
}

function allViews(models: Model[], rated: number[]): RankingView[] {
  const byKind = new Map<string, number[]>();
  for (const i of rated) {
    const k = models[i]!.category;
    byKind.set(k, [...(byKind.get(k) ?? []), i]);
  }
  const dists = new Map([...byKind].map(([k, idx]) => [k, buildDistributions(idx.map((i) => models[i]!))]));
  return rated.map((i) => {
    const m = models[i]!;
    const dist = dists.get(m.category)!;
    const b: ViewBenchmark[] = [];
    const figures = figuresByKey(m.benchmarks);
    for (const id of new Set([...figures.values()].map((f) => f.benchmark))) {
      const bm = chosenFigure(figures, id, dist);
      if (!bm) continue;
      const sorted = dist.get(distKey(bm))!;
      // Version, harness and setting are read from the full line for the few models shown.
      const row: ViewBenchmark = [id, bm.score, Math.round(percentile(sorted, bm.score, bm.lowerIsBetter) * 10) / 10, sorted.length, bm.selfReported ? 1 : 0];
      // Measured with reasoning on: a model whose API does not reason by default is then priced with it.
      if (measuredReasoning(bm.setting)) row.push(1);
      b.push(row);
    }
    const v: RankingView = {
      i,
      id: m.id,
      n: m.name,
      l: m.lab,
      c: LETTER[m.category],
      b,
      o: rankedOffers(m).map((o) => {
        const row: RankingView['o'][number] = [
          o.provider,
          packPrices(o.prices),
          o.reference ? 1 : 0,
          (o.flags ?? []).map((f) => f.kind).join(','),
        ];
        if (o.lifecycle || o.history) row.push(o.lifecycle ? [o.lifecycle.status, o.lifecycle.shutdownOn ?? null] : null);
        if (o.history) row.push(o.history);
        return row;
      }),
    };
    if (m.deprecated) v.d = 1;
    if (m.lifecycle) {
      const l = m.lifecycle;
      v.lc = [l.status, l.deprecatedOn ?? null, l.shutdownOn ?? null, l.confidence, l.successor ?? null];
    }
    if (m.kind) v.k = m.kind;
    if (m.reasoningTokens?.length) v.rt = m.reasoningTokens.map((r) => [r.setting, r.outputTokens]);
    if (m.reasoningEstimate) v.re = [m.reasoningEstimate.setting, m.reasoningEstimate.factor];
    if (m.reasoningDefault) v.rd = m.reasoningDefault.setting;
    if (m.contextWindow !== undefined) v.w = m.contextWindow;
    if (m.openWeights !== undefined) v.ow = m.openWeights;
    if (m.capabilities) v.cap = encodeCaps(m.capabilities);
    // Per host, the figure that stands for it (see core/latency.ts): what ranking reads.
    if (m.latency?.length) {
      const hosts = [...new Set(m.latency.map((l) => l.provider).filter((p): p is string => !!p))];
      v.lat = hosts.flatMap((p) => {
        const l = offerLatency(m, p);
        if (!l) return [];
        const row: ViewLatency = [p, l.ttftMs ?? null, l.outputTokensPerSecond ?? null, l.kind ?? null];
        if (l.includesReasoning) row.push(1);
        return [row];
      });
    }
    return v;
  });
}

/**
 * The offers ranking can use. With the default choice of offer (no --providers), a model whose
 * maker sells it at a full price list is always priced at that offer, so it is the only one kept;
 * otherwise every plausible offer is (the median of them prices the model). Commands that choose
 * offers by provider rank the full models instead.
 */
function rankedOffers(m: Model): Model['offers'] {
  const usable = m.offers.filter((o) => !o.flags?.some((f) => f.kind === 'price-deviation' || f.kind === 'free' || f.kind === 'no-price'));
  const ref = usable.find((o) => o.reference);
  const complete =
    ref &&
    (m.category === 'chat'
      ? ref.prices.input !== undefined && ref.prices.output !== undefined
      : ref.prices.input !== undefined || ref.prices.perSearch !== undefined);
  return complete ? [ref] : usable;
}

/** A model ranked from a view carries its precomputed quality under PRECOMPUTED. */
export type ViewedModel = Model & {
  /** The view's benchmark rows; with `table`, their ids are indexes into it (as on disk). */
  [PRECOMPUTED]?: { rows: RankingView['b']; table?: string[] };
};

/** A view as a Model-shaped object (sources empty): enough to rank and price, not to show. */
export function fromView(v: RankingView, table?: string[]): ViewedModel {
  return {
    id: v.id,
    name: v.n,
    lab: v.l,
    category: CATEGORY[v.c] ?? 'chat',
    deprecated: v.d ? true : undefined,
    lifecycle: v.lc
      ? {
          status: v.lc[0] as never,
          deprecatedOn: v.lc[1] ?? undefined,
          shutdownOn: v.lc[2] ?? undefined,
          confidence: v.lc[3] as never,
          successor: v.lc[4] ?? undefined,
          source: '',
          asOf: '',
        }
      : undefined,
    kind: v.k as Model['kind'],
    reasoningTokens: v.rt?.map(([setting, outputTokens]) => ({ setting: setting as never, outputTokens, source: '', asOf: '', suite: '' })),
    reasoningDefault: v.rd ? { setting: v.rd as never, confidence: 'maker', source: '', asOf: '' } : undefined,
    reasoningEstimate: v.re ? { setting: v.re[0] as never, factor: v.re[1], basis: 'estimate', source: '', asOf: '' } : undefined,
    contextWindow: v.w,
    openWeights: v.ow,
    capabilities: v.cap === undefined ? undefined : decodeCaps(v.cap),
    latency: v.lat?.map(([provider, ttftMs, outputTokensPerSecond, kind, inside]) => ({
      provider,
      ttftMs,
      outputTokensPerSecond,
      ...(kind ? { kind: kind as never } : {}),
      ...(inside ? { includesReasoning: true as const } : {}),
      source: '',
      asOf: '',
    })),
    offers: v.o.map(([provider, prices, ref, kinds, lc, history]) => ({
      ...(lc ? { lifecycle: { status: lc[0] as never, shutdownOn: lc[1] ?? undefined, source: '', confidence: 'upstream' as const } } : {}),
      ...(history ? { history } : {}),
      provider,
      providerModelId: '',
      prices: unpackPrices(prices),
      reference: ref === 1 ? true : undefined,
      flags: kinds ? kinds.split(',').map((kind) => ({ kind: kind as never, message: '' })) : undefined,
      source: '',
      asOf: '',
    })),
    [PRECOMPUTED]: { rows: v.b, table },
  };
}

type ViewRow = [string | number, number, number, number, 0 | 1, 1?];

/** Per header table, each task's benchmark ids as their indexes in it (-1: not in the table). */
const taskKeys = new WeakMap<string[], Map<TaskId, number[]>>();
function keysOf(table: string[], task: TaskId): number[] {
  let byTask = taskKeys.get(table);
  if (!byTask) taskKeys.set(table, (byTask = new Map()));
  let keys = byTask.get(task);
  if (!keys) {
    const index = new Map(table.map((x, i) => [x, i]));
    byTask.set(task, (keys = TASKS[task].benchmarks.map((b) => index.get(b.id) ?? -1)));
  }
  return keys;
}

/** A view's rows by table index, built once per view (a model is rated for several tasks). */
const rowsByIndex = new WeakMap<ViewRow[], ViewRow[]>();
function indexed(rows: ViewRow[]): ViewRow[] {
  let out = rowsByIndex.get(rows);
  if (!out) {
    out = [];
    for (const r of rows) out[r[0] as number] ??= r;
    rowsByIndex.set(rows, out);
  }
  return out;
}

/** The precomputed quality of a viewed model for a task (evidence without metric and source). */
export function viewQuality(m: ViewedModel, task: TaskId): TaskQuality | undefined {
  const pre = m[PRECOMPUTED];
  if (!pre) return undefined;
  const rows = pre.rows as (string | number)[][] as ViewRow[];
  const keys = pre.table ? keysOf(pre.table, task) : undefined;
  const byIndex = keys ? indexed(rows) : undefined;
  const evidence: Evidence[] = [];
  const benchmarks = TASKS[task].benchmarks;
  for (let i = 0; i < benchmarks.length; i++) {
    const { id, weight } = benchmarks[i]!;
    const hit = byIndex ? byIndex[keys![i]!] : rows.find((x) => x[0] === id);
    if (!hit) continue;
    const e: Evidence = { benchmark: id, score: hit[1], percentile: hit[2], weight, reports: hit[3], metric: '', source: '', asOf: '' };
    if (hit[5]) e.setting = 'thinking';
    if (hit[4]) {
      e.selfReported = true;
      e.weight = weight * SELF_REPORTED_WEIGHT;
    }
    evidence.push(e);
  }
  return weightedQuality(evidence, TASKS[task].benchmarks);
}
