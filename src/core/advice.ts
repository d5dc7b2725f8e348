import type { Model } from '../catalog/schema.js';
import { describeWorkload, type CostLine, type WorkloadSummary } from './estimate.js';
import { allPrecomputed, buildDistributions, withSources } from './quality.js';
import type { Ranking } from './recommend.js';
import {
  BALANCED_PRICE_BAND,
  constraintToRelax,
  pricedAt,
  rankForTask,
  candidateLatency,
  type Candidate,
  type Constraints,
  type ExclusionReason,
  type Excluded,
  type Preference,
} from './recommend.js';
import { CAUTIOUS_TODAY } from './lifecycle.js';
import { reasoningFactor } from './reasoning.js';
import { planCascade, planRoute, type CascadeResult, type RouterCosts, type RouteResult } from './route.js';
import type { TaskDef, TaskId } from './tasks.js';
import type { Workload } from './workload.js';

/** Result objects of `recommend` and `route` (what --json prints and the tables are drawn from). */

export const QUALITY_METHOD =
  "Quality for a task: each benchmark figure becomes a percentile among the catalog's recent models (released in the 18 months before the newest rated one) reporting the same benchmark, version and harness, an older model's figure placed on that scale (never pooled across keys; fewer than 3 reports: not used; a leaderboard's top 30 takes its percentile on the same board's full release, whose scale it shares); per benchmark one figure per model, an independent leaderboard's (LiveBench, LMArena, SWE-bench bash-only, Aider, τ-bench as Sierra runs it, BFCL as Berkeley runs it, Artificial Analysis, Scale, Vals AI, Mercor, WMT, Kaggle) before the maker's own, the newest version, the model's default setting (never the best of several; with --reasoning, the row measured at that effort, even from an older release). The weighted mean of the percentiles, a maker's own figure weighing half, is shrunk toward 50 by a prior worth one benchmark, so a score resting on little evidence stays near the middle; 'k of n' says how many of the task's benchmarks it rests on (one test run by several parties counts once, and its runs weigh together as the task weighs the test), and models rated on fewer than 2 are not ranked unless --min-evidence 1. 0-100; unrated without evidence.";

export interface TaskSummary {
  id: TaskId;
  label: string;
  category: string;
  needs: string[];
  minContext: number | null;
  profile: TaskDef['profile'];
  benchmarks: { id: string; weight: number }[];
  floor: number;
}

export function summarizeTask(t: TaskDef): TaskSummary {
  return {
    id: t.id,
    label: t.label,
    category: t.category,
    needs: t.needs,
    minContext: t.minContext ?? null,
    profile: t.profile,
    benchmarks: t.benchmarks,
    floor: t.floor,
  };
}

export interface Recommendation {
  rank: number;
  model: Candidate['model'];
  quality: Candidate['quality'];
  perRequest: number | null;
  perDay: number;
  perMonth: number;
  qualityPerDollar: number | null;
  offer: CostLine['offer'];
  why: string;
  /** The reasoning effort it is priced at when its rating needs reasoning its API does not turn on by default. */
  reasoning?: Candidate['reasoning'];
  /** A preview, or a deprecated model ranked on request: its state and the warning shown. */
  lifecycle?: Candidate['lifecycle'];
  /** The offer's measured latency and one request's end-to-end time, where measured on that host. */
  latency?: Candidate['latency'];
}

const RELAX_HINTS: Record<ExclusionReason, string> = {
  budget: 'raise --budget',
  latency:
    'raise --max-latency (or drop low-latency): it bounds the end-to-end time of one request, on hosts with a measured figure; model-advisor latency probe measures one on your account',
  'quality-floor': 'lower --quality-floor',
  capability: 'drop a capability from --needs',
  context: 'lower --min-context',
  'open-weights': 'drop --open-weights',
  providers: 'allow more --providers',
  'no-price': 'choose another task or --provider',
  unrated: 'add --include-unrated to consider models without benchmark evidence',
  deprecated: 'add --include-deprecated',
  retired: 'retired models are never recommended: their successors are in the ranking',
  'not-a-model': 'orchestrators, routers and presets are not ranked as models',
  'thin-evidence': 'add --min-evidence 1 to rank models rated on a single benchmark (their scores say little)',
};

export interface RecommendResult {
  schemaVersion: 1;
  command: 'recommend';
  task: TaskSummary;
  workload: WorkloadSummary;
  constraints: Constraints;
  prefer: Preference;
  preferNote: string;
  recommendations: Recommendation[];
  qualified: number;
  excluded: Excluded[];
  excludedCounts: Partial<Record<ExclusionReason, number>>;
  relax: { reason: ExclusionReason; count: number; hint: string } | null;
  /** Present when a latency bound was asked: how latency was judged and what it excluded. */
  latency?: Ranking['latency'];
  /** How far the quality evidence behind this ranking can be trusted (see evidenceNote). */
  evidence: EvidenceNote;
  method: string;
}

/** A year: a model whose newest figure for the task is older than this rests on stale evidence. */
export const STALE_EVIDENCE_DAYS = 365;

/**
 * How much the ranking's quality evidence is worth: the task's coverage among the major makers'
 * recent models (catalog info's count), and of the models shown, those resting only on their
 * makers' own figures or only on figures more than a year old. `weak` when any shown model does,
 * or when fewer than a third of the recent models that can do the task are rated for it.
 */
export interface EvidenceNote {
  /** Recent models of the major makers that can do the task, and how many are rated from 2+ independent benchmarks. */
  coverage: { rated: number; able: number } | null;
  /** Shown models whose every figure for the task is the maker's own. */
  makerOnly: string[];
  /** Shown models whose newest figure for the task is more than STALE_EVIDENCE_DAYS old, with its date. */
  stale: { id: string; newest: string }[];
  /** Models rated on a single benchmark, left out of the ranking (--min-evidence 1 ranks them). */
  thin: number;
  weak: boolean;
}

export function evidenceNote(
  shown: Pick<Recommendation, 'model' | 'quality'>[],
  coverage: EvidenceNote['coverage'],
  thin: number,
  /** The day judged on; without one, nothing is called stale. */
  today: string | undefined,
): EvidenceNote {
  const cutoff = today ? new Date(Date.parse(`${today}T00:00:00Z`) - STALE_EVIDENCE_DAYS * 86_400_000).toISOString().slice(0, 10) : '';
  const makerOnly: string[] = [];
  const stale: EvidenceNote['stale'] = [];
  for (const r of shown) {
    const ev = r.quality.evidence;
    if (ev.length === 0) continue;
    if (ev.every((e) => e.selfReported)) makerOnly.push(r.model.id);
    const newest = ev.reduce((d, e) => (e.asOf > d ? e.asOf : d), '');
    if (newest && cutoff && newest < cutoff) stale.push({ id: r.model.id, newest });
  }
  const sparse = !!coverage && coverage.able > 0 && coverage.rated * 3 < coverage.able;
  return { coverage, makerOnly, stale, thin, weak: makerOnly.length > 0 || stale.length > 0 || sparse };
}

export function recommend(
  models: Model[],
  task: TaskDef,
  w: Workload,
  defaulted: boolean,
  c: Constraints,
  prefer: Preference,
  top: number,
  /** Models of the task's kind left out unparsed because they have no evidence at all. */
  unratedSkipped = 0,
  /** The full model behind a ranking view, for the ones shown (their sources, offers' sources). */
  hydrate?: (id: string) => Model | undefined,
  /** The task's coverage among the major makers' recent models (from the catalog's summary), where known. */
  coverage: EvidenceNote['coverage'] = null,
): RecommendResult {
  const distributions = allPrecomputed(models) ? undefined : buildDistributions(models);
  const ranking = rankForTask(models, { task, workload: w, constraints: c, prefer, distributions });
  if (unratedSkipped > 0) ranking.excludedCounts.unrated = (ranking.excludedCounts.unrated ?? 0) + unratedSkipped;
  if (hydrate) for (const cand of ranking.candidates.slice(0, top)) fillFrom(cand, hydrate, w, c);
  const relax = ranking.candidates.length === 0 ? constraintToRelax(ranking) : null;
  return {
    schemaVersion: 1,
    command: 'recommend',
    task: summarizeTask(task),
    workload: describeWorkload(w, defaulted, task.category),
    constraints: c,
    prefer,
    preferNote:
      prefer === 'balanced'
        ? `balanced: models that clear the ${task.label} quality bar (${c.qualityFloor ?? task.floor}), cheapest first; within ${Math.round((BALANCED_PRICE_BAND - 1) * 100)}% of the same cost, the better rated first`
        : prefer === 'cheapest'
          ? 'cheapest qualified model first'
          : 'best rated first',
    recommendations: ranking.candidates.slice(0, top).map((cand) => ({
      rank: cand.rank,
      model: cand.model,
      quality: cand.quality,
      perRequest: cand.cost.perRequest ?? cand.cost.perSearch,
      perDay: cand.cost.perDay!,
      perMonth: cand.perMonth,
      qualityPerDollar: cand.qualityPerDollar,
      offer: cand.cost.offer,
      why: cand.why,
      ...(cand.reasoning ? { reasoning: cand.reasoning } : {}),
      ...(cand.lifecycle ? { lifecycle: cand.lifecycle } : {}),
      ...(cand.latency ? { latency: cand.latency } : {}),
    })),
    qualified: ranking.candidates.length,
    excluded: ranking.excluded.slice(0, 5),
    excludedCounts: ranking.excludedCounts,
    relax: relax ? { ...relax, hint: RELAX_HINTS[relax.reason] } : null,
    ...(ranking.latency ? { latency: ranking.latency } : {}),
    evidence: evidenceNote(ranking.candidates.slice(0, top), coverage, ranking.excludedCounts['thin-evidence'] ?? 0, c.today),
    method: QUALITY_METHOD,
  };
}

/** Replaces a candidate ranked from a view with the same figures read from the full model. */
function fillFrom(cand: Candidate, hydrate: (id: string) => Model | undefined, w: Workload, c: Constraints): void {
  const full = hydrate(cand.model.id);
  if (!full) return;
  cand.quality = withSources(cand.quality, full);
  cand.cost = pricedAt(full, cand.reasoning, w, {
    allowedProviders: c.providers?.length ? c.providers : undefined,
    today: c.today ?? CAUTIOUS_TODAY,
  });
  // The same figure, now with its source and date (views carry only the numbers).
  if (cand.latency) {
    const l = cand.latency;
    cand.latency = candidateLatency(full, l.provider, l.visibleOutputTokens, reasoningFactor(full, w.reasoning ?? cand.reasoning)) ?? l;
  }
}

export interface RouteOutput {
  schemaVersion: 1;
  command: 'route';
  workload: WorkloadSummary;
  constraints: Constraints;
  route: {
    legs: {
      task: TaskSummary;
      share: number;
      floor: number;
      model: { id: string; name: string; lab: string } | null;
      quality: Candidate['quality'] | null;
      offer: CostLine['offer'];
      perDay: number | null;
      perMonth: number | null;
      problem: string | null;
      /** What the leg's quality evidence is worth (see evidenceNote); null without a model. */
      evidence: EvidenceNote | null;
    }[];
    perDay: number | null;
    perMonth: number | null;
    allStrong: RouteResult['allStrong'];
    saving: RouteResult['saving'];
    bestSingle: RouteResult['bestSingle'];
    savingVsBest: RouteResult['savingVsBest'];
    assumptions: string[];
    overhead: RouteResult['overhead'];
    /** Stages every request passes in order (--pipeline), not shares of the traffic. */
    pipeline?: boolean;
  } | null;
  cascade: CascadeResult | null;
  notes: string[];
  method: string;
}

export function route(
  models: Model[],
  mix: { task: TaskDef; share: number }[],
  w: Workload,
  defaulted: boolean,
  c: Constraints,
  floors: Partial<Record<TaskId, number>>,
  workloadFor: (task: TaskDef, share: number) => Workload,
  hydrate?: (id: string) => Model | undefined,
  router?: RouterCosts,
  /** A task's coverage among the major makers' recent models (from the catalog's summary), where known. */
  coverageFor: (task: TaskId) => EvidenceNote['coverage'] = () => null,
): RouteOutput['route'] & { notes: string[]; workload: WorkloadSummary } {
  const distributions = allPrecomputed(models) ? undefined : buildDistributions(models);
  const r = planRoute(
    models,
    mix.map((m) => ({ task: m.task.id, share: m.share })),
    { workloadFor, constraints: c, floors, distributions, router },
  );
  if (hydrate) r.legs.forEach((l) => l.model && fillFrom(l.model, hydrate, l.workload, c));
  return {
    workload: describeWorkload(w, defaulted, 'chat'),
    legs: r.legs.map((l, i) => ({
      task: summarizeTask(mix[i]!.task),
      share: l.share,
      floor: l.floor,
      model: l.model?.model ?? null,
      quality: l.model?.quality ?? null,
      offer: l.model?.cost.offer ?? null,
      perDay: l.perDay,
      perMonth: l.perMonth,
      problem: l.problem,
      evidence: l.model ? evidenceNote([l.model], coverageFor(mix[i]!.task.id), 0, c.today) : null,
    })),
    perDay: r.perDay,
    perMonth: r.perMonth,
    allStrong: r.allStrong,
    saving: r.saving,
    bestSingle: r.bestSingle,
    savingVsBest: r.savingVsBest,
    assumptions: r.assumptions,
    overhead: r.overhead,
    notes: r.notes,
  };
}

export function cascade(
  cheap: Model,
  strong: Model,
  escalate: number,
  w: Workload,
  task: TaskDef | undefined,
  catalogModels: Model[],
  judgePer1k = 0,
): CascadeResult {
  return planCascade(cheap, strong, escalate, w, task, task ? buildDistributions(catalogModels) : undefined, judgePer1k);
}
