import type { Benchmark, Model } from '../catalog/schema.js';
import { recentSince } from '../catalog/recent.js';
import { countTests, testOf, type TaskDef } from './tasks.js';

/**
 * Quality evidence for a task, from benchmark scores.
 *
 * - A figure is keyed by benchmark, version and harness (LiveBench 2026-01-08, SWE-bench Pro on
 *   Scale's harness, on Artificial Analysis' or as a maker reports it): figures under different keys
 *   are never pooled, and no maximum is taken across settings or sources.
 * - Benchmarks differ in scale and difficulty, so each score becomes a percentile among the
 *   catalog's recent models reporting the same key (see buildDistributions); a key reported by fewer
 *   than MIN_REPORTS models says too little and is not used.
 * - For each benchmark a task names, one figure per model: an independent leaderboard's before a
 *   maker's own report, the newest version first, the default setting of the model first.
 * - A task's quality is the weighted mean of those percentiles, a maker's self-reported figure
 *   weighing SELF_REPORTED_WEIGHT of an independent one, shrunk toward 50 by a prior worth
 *   PRIOR_WEIGHT of one benchmark: a score resting on little evidence stays near the middle.
 * - Each task score says how much it rests on: k of the task's n benchmarks, and the spread.
 */

export const MIN_REPORTS = 3;
/** A maker's own figure counts this much of an independent leaderboard's. */
export const SELF_REPORTED_WEIGHT = 0.5;
/** The pull toward the middle (50), in benchmark weights. */
export const PRIOR_WEIGHT = 1;

/** Sorted scores of every model per evidence key. */
export type Distributions = Map<string, number[]>;

/** Benchmark, version and harness: the figures that may be compared with each other. */
export function evidenceKey(b: Pick<Benchmark, 'benchmark' | 'version' | 'harness'>): string {
  return `${b.benchmark}|${b.version ?? ''}|${b.harness ?? ''}`;
}

/**
 * The figures a figure is compared with: its own key's, or for a partial board placed on a full
 * release's scale (`placedOn`), that release's.
 */
export function distKey(b: Pick<Benchmark, 'benchmark' | 'version' | 'harness' | 'placedOn'>): string {
  return b.placedOn ? evidenceKey({ benchmark: b.benchmark, ...b.placedOn }) : evidenceKey(b);
}

/** The setting that stands for a model when a key has several (its default, not its best). */
const SETTING_ORDER = [
  '',
  'default',
  'default (no effort suffix)',
  'medium',
  'reasoning effort medium',
  'no thinking (base)',
  'thinking level high',
  'high',
  'reasoning effort high',
  'thinking',
];
function settingRank(s: string | undefined): number {
  const t = (s ?? '').toLowerCase();
  const i = SETTING_ORDER.indexOf(t);
  if (i >= 0) return i;
  // "default (no thinking suffix)", "default (NVFP4 weights)": a default, said more precisely.
  return /^default\b/.test(t) ? 1 : SETTING_ORDER.length;
}

/** Whether a leaderboard row's setting says the model reasoned ("thinking", "effort high"...), not "no thinking". */
export function measuredReasoning(setting: string | undefined): boolean {
  if (!setting) return false;
  if (/^(default\b|no thinking|non-thinking|non-reasoning|none\b|instant|base\b)/i.test(setting)) return false;
  return /thinking|reasoning|effort|\bhigh\b|\bmax\b|xhigh|adaptive/i.test(setting);
}

/** Settings a leaderboard row may name for each reasoning effort. */
const EFFORT_SETTING: Record<string, RegExp> = {
  none: /^(no thinking|non-reasoning|non-thinking|none|base)\b/i,
  minimal: /minimal/i,
  low: /\blow\b/i,
  medium: /\bmedium\b/i,
  high: /\bhigh\b|thinking level high/i,
  xhigh: /xhigh/i,
};

/** Whether a row was measured at the reasoning effort asked ('high' is not 'xhigh'). */
function measuredAt(b: Benchmark, effort: string | undefined): boolean {
  const wanted = effort ? EFFORT_SETTING[effort] : undefined;
  return !!(wanted && b.setting && wanted.test(b.setting) && !(effort === 'high' && /xhigh/i.test(b.setting)));
}

/**
 * One figure per key per model: the row measured at the reasoning effort asked when there is one,
 * else the default setting's (never the maximum across settings).
 */
export function figuresByKey(list: Benchmark[] | undefined, effort?: string): Map<string, Benchmark> {
  const out = new Map<string, Benchmark>();
  const rank = (b: Benchmark) => (measuredAt(b, effort) ? -1 : settingRank(b.setting));
  for (const bm of list ?? []) {
    const k = evidenceKey(bm);
    const cur = out.get(k);
    if (!cur || rank(bm) < rank(cur)) out.set(k, bm);
  }
  return out;
}

function push(d: Distributions, k: string, score: number): void {
  const list = d.get(k);
  if (list) list.push(score);
  else d.set(k, [score]);
}

/**
 * Per key, the scores a figure's percentile is taken among: those of the key's recent models
 * (released in the 18 months before the newest model with a figure, the window `catalog info` counts
 * as recent) when at least MIN_REPORTS of them report it, else those of every model reporting it. Percentiles from fields of different ages are
 * averaged into one score: a key many weak older models report would put every current model near
 * its top and tell them apart less than a key only current models report. Older models' figures are
 * placed on the recent field's scale and add nothing to it.
 */
export function buildDistributions(models: Pick<Model, 'benchmarks' | 'releaseDate'>[]): Distributions {
  const all: Distributions = new Map();
  const recent: Distributions = new Map();
  let newest = '';
  for (const m of models) if (m.benchmarks?.length && m.releaseDate && m.releaseDate > newest) newest = m.releaseDate;
  const since = newest ? recentSince(newest) : '';
  for (const m of models) {
    const isRecent = !!since && !!m.releaseDate && m.releaseDate >= since;
    for (const [k, bm] of figuresByKey(m.benchmarks)) {
      // A placed figure is measured against its full release and adds nothing to it.
      if (bm.placedOn) continue;
      push(all, k, bm.score);
      if (isRecent) push(recent, k, bm.score);
    }
  }
  for (const [k, list] of recent) if (list.length >= MIN_REPORTS) all.set(k, list);
  for (const list of all.values()) list.sort((a, b) => a - b);
  return all;
}

/**
 * For a benchmark a task names, the model's figure that stands for it: independent before
 * self-reported, then (with an effort asked) one measured at that effort before a newer release
 * measured at another, then the newest (a release date in the version, else the day the figure was
 * true), then the one more models report, among keys that enough models report.
 */
export function chosenFigure(
  figures: Map<string, Benchmark>,
  benchmark: string,
  dists: Distributions,
  effort?: string,
): Benchmark | undefined {
  let best: Benchmark | undefined;
  let bestReports = 0;
  for (const bm of figures.values()) {
    if (bm.benchmark !== benchmark) continue;
    const reports = dists.get(distKey(bm))?.length ?? 0;
    if (reports < MIN_REPORTS) continue;
    if (!best || preferred(bm, best, effort, reports, bestReports)) [best, bestReports] = [bm, reports];
  }
  return best;
}

/** A figure's date: its version when that is a leaderboard's release date, else the day it was true. */
const dateOf = (b: Benchmark) => (b.version && /^\d{4}-\d{2}/.test(b.version) ? b.version : b.asOf);

function preferred(a: Benchmark, b: Benchmark, effort?: string, reportsA = 0, reportsB = 0): boolean {
  if (!!a.selfReported !== !!b.selfReported) return !a.selfReported;
  // Quality and cost at the same setting: LiveBench's 2026-06-25 release keeps one row per model at
  // its top effort, so with --reasoning medium the 2026-01-08 row measured at medium stands.
  if (effort && measuredAt(a, effort) !== measuredAt(b, effort)) return measuredAt(a, effort);
  // The newer figure; of two as new (variants a maker names in the version, "no tools" and "with
  // tools", two MRCR set-ups), the one more models report, so the comparison is the wider one.
  if (dateOf(a) !== dateOf(b)) return dateOf(a) > dateOf(b);
  if (reportsA !== reportsB) return reportsA > reportsB;
  return (a.version ?? '') > (b.version ?? '');
}

/** Mid-rank percentile of `score` among `sorted` (0..100). */
/**
 * Where a score stands among a key's sorted figures, 0..100 (ties count half): the share below it,
 * or for a score that is better lower (a rank), the share above it.
 */
export function percentile(sorted: number[], score: number, lowerIsBetter = false): number {
  let below = 0;
  let equal = 0;
  for (const s of sorted) {
    if (s < score) below++;
    else if (s === score) equal++;
  }
  const p = ((below + equal / 2) / sorted.length) * 100;
  return lowerIsBetter ? 100 - p : p;
}

export interface Evidence {
  benchmark: string;
  version?: string;
  harness?: string;
  setting?: string;
  selfReported?: boolean;
  /** A partial board's figure: its percentile is taken on this full release. */
  placedOn?: { version: string; harness?: string };
  /** The score is better lower (a rank): its percentile counts the figures above it. */
  lowerIsBetter?: boolean;
  score: number;
  metric: string;
  percentile: number;
  /** The task's weight for the benchmark, times SELF_REPORTED_WEIGHT for a maker's own figure. */
  weight: number;
  reports: number;
  source: string;
  asOf: string;
}

export interface TaskQuality {
  /** 0..100, shrunk toward 50 by how little evidence there is; null when unrated. */
  score: number | null;
  evidence: Evidence[];
  /** k of the task's n benchmarks have a usable figure for this model. */
  coverage?: { k: number; n: number };
  /** Lowest and highest percentile of the evidence. */
  spread?: [number, number];
}

export function taskQuality(m: Pick<Model, 'benchmarks'>, task: TaskDef, dists: Distributions, effort?: string): TaskQuality {
  // Quality and cost at the same setting: with an effort asked, the rows measured at it stand.
  const figures = figuresByKey(m.benchmarks, effort);
  const evidence: Evidence[] = [];
  for (const { id, weight } of task.benchmarks) {
    const bm = chosenFigure(figures, id, dists, effort);
    if (!bm) continue;
    const dist = dists.get(distKey(bm))!;
    evidence.push(evidenceOf(bm, round1(percentile(dist, bm.score, bm.lowerIsBetter)), weight, dist.length));
  }
  return weightedQuality(evidence, task.benchmarks);
}

export function evidenceOf(bm: Benchmark, pct: number, taskWeight: number, reports: number): Evidence {
  const e: Evidence = {
    benchmark: bm.benchmark,
    score: bm.score,
    metric: bm.metric,
    percentile: pct,
    weight: taskWeight * (bm.selfReported ? SELF_REPORTED_WEIGHT : 1),
    reports,
    source: bm.source,
    asOf: bm.asOf,
  };
  if (bm.version) e.version = bm.version;
  if (bm.harness) e.harness = bm.harness;
  if (bm.setting) e.setting = bm.setting;
  if (bm.selfReported) e.selfReported = true;
  if (bm.placedOn) e.placedOn = bm.placedOn;
  if (bm.lowerIsBetter) e.lowerIsBetter = true;
  return e;
}

/** Per task (its benchmark list): how many tests it names, and what it weighs each test at (its heaviest id's weight). */
const taskTests = new WeakMap<TaskDef['benchmarks'], { n: number; weight: Map<string, number> }>();
function testsOf(benchmarks: TaskDef['benchmarks']): { n: number; weight: Map<string, number> } {
  let t = taskTests.get(benchmarks);
  if (!t) {
    const weight = new Map<string, number>();
    for (const b of benchmarks) weight.set(testOf(b.id), Math.max(weight.get(testOf(b.id)) ?? 0, b.weight));
    taskTests.set(benchmarks, (t = { n: weight.size, weight }));
  }
  return t;
}

/** The task's score from its evidence: the shrunk weighted mean of the percentiles, or null (unrated). */
export function weightedQuality(evidence: Evidence[], benchmarks?: TaskDef['benchmarks']): TaskQuality {
  const task = benchmarks ? testsOf(benchmarks) : undefined;
  const n = task ? task.n : evidence.length;
  if (evidence.length === 0) return { score: null, evidence, coverage: { k: 0, n } };
  let w = 0;
  let sum = 0;
  let k = evidence.length;
  const tests = evidence.map((e) => testOf(e.benchmark));
  if (new Set(tests).size === tests.length) {
    for (const e of evidence) {
      w += e.weight;
      sum += e.percentile * e.weight;
    }
  } else {
    // One test run by several parties counts once: toward k, and in the mean, where its runs'
    // percentiles are averaged and weigh together no more than the task weighs the test.
    const groups = new Map<string, { w: number; sum: number; cap: number }>();
    evidence.forEach((e, i) => {
      const t = tests[i]!;
      const g = groups.get(t) ?? { w: 0, sum: 0, cap: task?.weight.get(t) ?? 0 };
      g.w += e.weight;
      g.sum += e.percentile * e.weight;
      if (!task?.weight.has(t)) g.cap = Math.max(g.cap, e.selfReported ? e.weight / SELF_REPORTED_WEIGHT : e.weight);
      groups.set(t, g);
    });
    k = groups.size;
    for (const g of groups.values()) {
      const weight = Math.min(g.w, g.cap);
      w += weight;
      sum += (g.sum / g.w) * weight;
    }
  }
  const pcts = evidence.map((e) => e.percentile);
  return {
    score: round1((sum + PRIOR_WEIGHT * 50) / (w + PRIOR_WEIGHT)),
    evidence,
    coverage: { k, n },
    spread: [Math.min(...pcts), Math.max(...pcts)],
  };
}

/**
 * Fills evidence worked out without sources (ranking views) from the model's full line: the figure
 * of that benchmark and score (an independent one first), with its version, harness, setting,
 * metric, source and date.
 */
export function withSources(q: TaskQuality, m: Pick<Model, 'benchmarks'>): TaskQuality {
  return {
    ...q,
    evidence: q.evidence.map((e) => {
      const same = (m.benchmarks ?? []).filter(
        (b) => b.benchmark === e.benchmark && b.score === e.score && !!b.selfReported === !!e.selfReported,
      );
      // The same score under two versions: the newer stands, as chosenFigure chooses.
      const bm = same.reduce<Benchmark | undefined>((best, b) => (!best || preferred(b, best) ? b : best), undefined);
      return bm ? evidenceOf(bm, e.percentile, e.weight / (bm.selfReported ? SELF_REPORTED_WEIGHT : 1), e.reports) : e;
    }),
  };
}

/** True when every model carries quality worked out at build time (then no distributions are needed). */
export function allPrecomputed(models: object[]): boolean {
  return models.every((m) => PRECOMPUTED in m);
}

/** The key under which a ranking view carries its precomputed quality (see catalog/views.ts). */
export const PRECOMPUTED = Symbol.for('model-advisor.view-quality');

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
