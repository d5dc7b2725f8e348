import type { Model } from '../catalog/schema.js';
import { estimateModel, type CostLine } from './estimate.js';
import { roundMoney } from './money.js';
import { allPrecomputed, buildDistributions, taskQuality, type Distributions } from './quality.js';
import { constraintToRelax, rankForTask, type Candidate, type Constraints, type Ranking } from './recommend.js';
import { TASKS, type TaskDef, type TaskId } from './tasks.js';
import { perDay as perDayOf, type Workload } from './workload.js';

/**
 * `route`: a task mix to a routing split. Each task goes to the cheapest model that meets its
 * quality bar and constraints; the blended cost is compared with sending all traffic to the single
 * cheapest model good enough for every task in the mix. Since that model is a candidate for each
 * task, the routed cost can never exceed it. Also a cascade: every request tried on a cheap model,
 * a share escalated to a strong one, against all-strong.
 */

export interface MixPart {
  task: TaskId;
  share: number;
}

export interface RouteLeg {
  task: TaskId;
  share: number;
  floor: number;
  workload: Workload;
  model: Candidate | null;
  /** Why no model, when none qualifies. */
  problem: string | null;
  perDay: number | null;
  perMonth: number | null;
}

export interface RouteResult {
  legs: RouteLeg[];
  perDay: number | null;
  perMonth: number | null;
  /** The single cheapest model that meets every leg's bar, priced for all the traffic. */
  allStrong: SingleModel | null;
  saving: { perMonth: number; share: number } | null;
  /** The best-rated single model that meets every bar (on the hardest task), priced for all the traffic. */
  bestSingle: SingleModel | null;
  savingVsBest: { perMonth: number; share: number } | null;
  /** What the routed figure assumes, said beside it. */
  assumptions: string[];
  /** What the router adds: its own cost, and the misrouted share priced on the dearest leg's model. */
  overhead: { routerPerMonth: number; misroutePerMonth: number } | null;
  notes: string[];
}

export interface SingleModel {
  model: string;
  name: string;
  perDay: number;
  perMonth: number;
  legs: { task: TaskId; perMonth: number }[];
  /** Its quality on the hardest task of the mix (the highest bar). */
  quality?: number | null;
}

export interface RouterCosts {
  /** USD per 1,000 requests the router (a classifier, an LLM call) costs. */
  routerPer1k?: number;
  /** Share of requests the router sends to the wrong task's model (0..1). */
  misroute?: number;
}

export function planRoute(
  models: Model[],
  mix: MixPart[],
  opts: {
    workloadFor: (task: TaskDef, share: number) => Workload;
    constraints?: Constraints;
    floors?: Partial<Record<TaskId, number>>;
    distributions?: Distributions;
    router?: RouterCosts;
  },
): RouteResult {
  // Ranking views bring their quality; full models need the catalog's distributions.
  const dists = opts.distributions ?? (allPrecomputed(models) ? undefined : buildDistributions(models));
  const notes: string[] = [];
  const rankings: Ranking[] = [];
  const legs: RouteLeg[] = mix.map(({ task: id, share }) => {
    const task = TASKS[id];
    const floor = opts.floors?.[id] ?? task.floor;
    const workload = opts.workloadFor(task, share);
    const ranking = rankForTask(models, {
      task,
      workload,
      constraints: { ...opts.constraints, qualityFloor: floor },
      prefer: 'cheapest',
      distributions: dists,
    });
    rankings.push(ranking);
    const model = ranking.candidates[0] ?? null;
    return {
      task: id,
      share,
      floor,
      workload,
      model,
      problem: model ? null : describeNone(ranking),
      perDay: model?.cost.perDay ?? null,
      perMonth: model?.cost.perMonth ?? null,
    };
  });
  const known = legs.every((l) => l.perMonth !== null);
  const perDay = known ? roundMoney(legs.reduce((s, l) => s + l.perDay!, 0)) : null;
  const perMonth = known ? roundMoney(legs.reduce((s, l) => s + l.perMonth!, 0)) : null;

  // Baselines: the cheapest single model that is a candidate for every leg, and the best rated of
  // them on the hardest task (the one with the highest bar). A leg's ranking holds every model
  // that clears its bar, priced for its workload: a single model is one found in all of them.
  let allStrong: RouteResult['allStrong'] = null;
  let bestSingle: RouteResult['bestSingle'] = null;
  const hardest = [...legs].sort((a, b) => b.floor - a.floor)[0];
  const categories = new Set(legs.map((l) => TASKS[l.task].category));
  if (categories.size === 1) {
    const byLeg = rankings.map((r) => new Map(r.candidates.map((c) => [c.model.id, c])));
    const hardestLeg = legs.findIndex((l) => l.task === hardest?.task);
    type Fit = { model: Model; picks: Candidate[]; month: number; quality: number | null };
    let cheapest: Fit | undefined;
    let strongest: Fit | undefined;
    for (const m of models) {
      if (m.category !== TASKS[legs[0]!.task].category) continue;
      const picks = byLeg.map((b) => b.get(m.id));
      if (picks.some((c) => !c)) continue;
      const fit: Fit = { model: m, picks: picks as Candidate[], month: 0, quality: picks[hardestLeg]?.quality.score ?? null };
      fit.month = roundMoney(fit.picks.reduce((s, c) => s + c.perMonth, 0));
      if (!cheapest || fit.month < cheapest.month) cheapest = fit;
      const q = fit.quality ?? -1;
      const bq = strongest ? (strongest.quality ?? -1) : -1;
      if (!strongest || q > bq || (q === bq && fit.month < strongest.month)) strongest = fit;
    }
    // The full cost lines (per day as well) only for the two kept.
    const single = (f: Fit | undefined): SingleModel | null =>
      f
        ? {
            model: f.model.id,
            name: f.model.name,
            perDay: roundMoney(f.picks.reduce((s, c) => s + c.cost.perDay!, 0)),
            perMonth: roundMoney(f.picks.reduce((s, c) => s + c.cost.perMonth!, 0)),
            legs: f.picks.map((c, i) => ({ task: legs[i]!.task, perMonth: c.cost.perMonth! })),
            quality: f.quality,
          }
        : null;
    allStrong = single(cheapest);
    bestSingle = single(strongest);
    if (!allStrong) notes.push("no single model meets every task's bar, so there is no all-in-one model to compare with");
  } else notes.push('the mix spans kinds of model (e.g. chat and reranking), so no single model can serve all of it');
  // What the router adds: its own price per request, and misrouted requests priced on the dearest
  // leg's model (an upper bound on cost; the quality lost when a hard request reaches a cheap model
  // is not priced).
  const router = opts.router ?? {};
  let overhead: RouteResult['overhead'] = null;
  let routed = perMonth;
  if (perMonth !== null && (router.routerPer1k || router.misroute)) {
    const requestsPerMonth = legs.reduce((s, l) => s + monthlyRequests(l.workload), 0);
    const routerPerMonth = roundMoney(((router.routerPer1k ?? 0) * requestsPerMonth) / 1000);
    const dearest = Math.max(...legs.map((l) => (l.perMonth ?? 0) / Math.max(monthlyRequests(l.workload), 1)));
    const misroutePerMonth = roundMoney(
      (router.misroute ?? 0) * legs.reduce((s, l) => s + (dearest * monthlyRequests(l.workload) - (l.perMonth ?? 0)), 0),
    );
    overhead = { routerPerMonth, misroutePerMonth };
    routed = roundMoney(perMonth + routerPerMonth + misroutePerMonth);
  }
  const savingAgainst = (base: SingleModel | null) =>
    base && routed !== null
      ? { perMonth: roundMoney(base.perMonth - routed), share: base.perMonth > 0 ? roundMoney(1 - routed / base.perMonth) : 0 }
      : null;
  const assumptions = [
    router.misroute
      ? `${Math.round(router.misroute * 1000) / 10}% of requests reach the wrong task's model, priced on the dearest leg's model (the quality lost on them is not priced)`
      : "each request's task is known before it is sent (a perfect router): no request reaches the wrong model (--misroute to price mistakes)",
    router.routerPer1k ? `the router costs $${router.routerPer1k} per 1,000 requests` : 'the router itself costs nothing (--router-cost to add it)',
    "each leg's quality is its model's benchmark-based task quality, not measured on your traffic",
  ];
  const days = legs[0]?.workload.daysPerMonth ?? 30;
  return {
    legs,
    perDay: perDay !== null && routed !== null ? roundMoney(perDay + (routed - perMonth!) / days) : perDay,
    perMonth: routed,
    allStrong,
    saving: savingAgainst(allStrong),
    bestSingle,
    savingVsBest: savingAgainst(bestSingle),
    assumptions,
    overhead,
    notes,
  };
}

function monthlyRequests(w: Workload): number {
  return (perDayOf(w.requests ?? 0, w) ?? 0) * w.daysPerMonth;
}

function describeNone(ranking: Ranking): string {
  const top = constraintToRelax(ranking);
  return top ? `no model qualifies; most were excluded for: ${top.reason} (${top.count})` : 'no model of this kind in the catalog';
}

export interface CascadeResult {
  cheap: { model: string; perMonth: number | null };
  strong: { model: string; perMonth: number | null };
  escalate: number;
  /** Every request on the cheap model, plus the escalated share again on the strong one. */
  perMonth: number | null;
  perDay: number | null;
  allStrong: { perMonth: number | null; perDay: number | null };
  saving: { perMonth: number; share: number } | null;
  qualityNote: string;
  /** USD per 1,000 requests for the judge that decides to escalate. */
  judgePer1k: number;
}

export function planCascade(
  cheap: Model,
  strong: Model,
  escalate: number,
  w: Workload,
  task?: TaskDef,
  dists?: Distributions,
  judgePer1k = 0,
): CascadeResult {
  const c = estimateModel(cheap, w);
  const s = estimateModel(strong, w);
  // The judge that decides to escalate runs on every request.
  const judgeDay = (judgePer1k * (perDayOf(w.requests, w) ?? 0)) / 1000;
  const perDay = c.perDay !== null && s.perDay !== null ? roundMoney(c.perDay + escalate * s.perDay + judgeDay) : null;
  const perMonth =
    c.perMonth !== null && s.perMonth !== null ? roundMoney(c.perMonth + escalate * s.perMonth + judgeDay * w.daysPerMonth) : null;
  const saving =
    perMonth !== null && s.perMonth !== null
      ? { perMonth: roundMoney(s.perMonth - perMonth), share: s.perMonth > 0 ? roundMoney(1 - perMonth / s.perMonth) : 0 }
      : null;
  let qualityNote = `assumes ${Math.round(escalate * 1000) / 10}% of requests are escalated (the share you gave; measure it on your traffic)${
    judgePer1k ? ` and a judge at $${judgePer1k} per 1,000 requests` : ', and a judge that costs nothing (--judge-cost to add it)'
  }; quality of a cascade depends on how well escalation picks the hard requests: the figures price it, they do not rate it`;
  if (task && dists) {
    const qc = taskQuality(cheap, task, dists).score;
    const qs = taskQuality(strong, task, dists).score;
    qualityNote = `${task.label} quality: ${cheap.id} ${qc ?? 'unrated'}, ${strong.id} ${qs ?? 'unrated'}; ${qualityNote}`;
  }
  return {
    cheap: { model: cheap.id, perMonth: c.perMonth },
    strong: { model: strong.id, perMonth: s.perMonth },
    escalate,
    perDay,
    perMonth,
    allStrong: { perMonth: s.perMonth, perDay: s.perDay },
    saving,
    qualityNote,
    judgePer1k,
  };
}
