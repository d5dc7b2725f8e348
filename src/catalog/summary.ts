import { modelState, offerRetired } from '../core/lifecycle.js';
import { offerLatency } from '../core/latency.js';
import { buildDistributions, taskQuality } from '../core/quality.js';
import { CATALOG_WIDE_ESTIMATE, reasoningFactor } from '../core/reasoning.js';
import { TASK_IDS, TASKS, type TaskDef } from '../core/tasks.js';
import {
  fromLifeKey,
  lifeKey,
  MAJOR_MAKERS,
  recentCandidates,
  recentSince,
  served,
  type Candidate,
  type LifeKey,
  type ReasoningClass,
} from './recent.js';
import type { Model } from './schema.js';

export { MAJOR_MAKERS, type Candidate, type LifeKey, type ReasoningClass };

/**
 * What `catalog info` counts, in two stages: summarize() reads every model once and keeps what
 * does not depend on the day (totals, each model's lifecycle dates, which recent-model candidates
 * are rated, measured and priced how); coverage() works out the rest for the day asked (states,
 * the 18-month window). The catalog file carries the first stage as a line of its own, so the
 * command reads a few kilobytes instead of parsing every model. A test checks that both ways give
 * the same answer.
 */

export interface CatalogSummary {
  models: number;
  offers: number;
  byCategory: Record<string, number>;
  /** Offers per provider. */
  byProvider: Record<string, number>;
  /** Models per lab. */
  byLab: Record<string, number>;
  flagged: { priceDeviation: number; sourcesDisagree: number; free: number; noPrice: number };
  notModels: Record<string, number>;
  /** Models' lifecycles, each distinct one with how many models have it (a model without one counts under [null, ...]). */
  lifecycles: [LifeKey, number][];
  /** Offers' own (host) lifecycles, distinct, with counts. */
  offerLifecycles: [LifeKey, number][];
  candidates: Candidate[];
  /** Open-weight chat models sold by 3+ hosts: release, lifecycle, and whether 3 hosts have a measured time to first token. */
  openWeight: [string, LifeKey, 0 | 1][];
  chatTasks: string[];
}

export interface Coverage {
  lifecycle: {
    today: string;
    byState: Record<string, number>;
    fromMakersPages: number;
    fromThirdParties: number;
    fromDatabasesOnly: number;
    notModels: Record<string, number>;
    hostRetiredOffers: number;
  };
  /**
   * Recent models rated from 2+ independent benchmarks: for every chat-type task each can do, and
   * per task (`byTask`) out of those that can do it (`ableByTask`).
   */
  evidence: { recentMakerModels: number; ratedForEveryTask: number; byTask: Record<string, number>; ableByTask: Record<string, number> };
  reasoning: {
    reasoningModels: number;
    measured: number;
    estimatedBase: number;
    makerEstimate: number;
    catalogEstimate: number;
    offByDefault: number;
    unknown: number;
  };
  latency: {
    recentMakerModels: number;
    withBoth: number;
    ttftOnly: number;
    speedOnly: number;
    byMethod: Record<string, number>;
    missing: string[];
    /**
     * Recent maker models left out of the count, with why: models that also generate images (a
     * gateway's tokens per second mixes image and text output, so none is entered) and moving
     * names (`-latest`) the catalog cannot yet place on the model they serve.
     */
    notCounted: { imageOutput: string[]; movingNames: string[] };
    openWeightModels: number;
    openWeightWithThreeHosts: number;
  };
}

function tally(counts: Map<string, [LifeKey, number]>, k: LifeKey): void {
  const key = JSON.stringify(k);
  const cur = counts.get(key);
  if (cur) cur[1]++;
  else counts.set(key, [k, 1]);
}

/** Whether a model can do a task at all: what recommend checks before it ranks one. */
function canDo(m: Model, t: TaskDef): boolean {
  return t.needs.every((n) => m.capabilities?.[n] === true) && (t.minContext === undefined || (m.contextWindow ?? 0) >= t.minContext);
}

function reasoningClass(m: Model): ReasoningClass | null {
  if (!m.capabilities?.reasoning) return null;
  const f = reasoningFactor(m);
  if (f === undefined) return 'offByDefault';
  if (f === 'unknown') return 'unknown';
  if (f.estimate && f.estimate === m.reasoningEstimate?.basis)
    return f.estimate.startsWith(CATALOG_WIDE_ESTIMATE) ? 'catalogEstimate' : 'makerEstimate';
  return f.estimate ? 'estimatedBase' : 'measured';
}

/** The day-independent stage: every model read once. */
export function summarize(models: Model[]): CatalogSummary {
  const s: CatalogSummary = {
    models: models.length,
    offers: 0,
    byCategory: {},
    byProvider: {},
    byLab: {},
    flagged: { priceDeviation: 0, sourcesDisagree: 0, free: 0, noPrice: 0 },
    notModels: {},
    lifecycles: [],
    offerLifecycles: [],
    candidates: [],
    openWeight: [],
    chatTasks: TASK_IDS.filter((t) => TASKS[t].category === 'chat'),
  };
  const lives = new Map<string, [LifeKey, number]>();
  const offerLives = new Map<string, [LifeKey, number]>();
  const major = new Set(MAJOR_MAKERS);
  for (const m of models) {
    if (m.kind) s.notModels[m.kind] = (s.notModels[m.kind] ?? 0) + 1;
    tally(lives, lifeKey(m.lifecycle, m.deprecated));
    s.byCategory[m.category] = (s.byCategory[m.category] ?? 0) + 1;
    s.byLab[m.lab] = (s.byLab[m.lab] ?? 0) + 1;
    for (const o of m.offers) {
      s.offers++;
      s.byProvider[o.provider] = (s.byProvider[o.provider] ?? 0) + 1;
      if (o.lifecycle) tally(offerLives, lifeKey(o.lifecycle));
      // Offers, not flags: an offer off on both input and output counts once.
      const kinds = new Set((o.flags ?? []).map((f) => f.kind));
      if (kinds.has('price-deviation')) s.flagged.priceDeviation++;
      if (kinds.has('sources-disagree')) s.flagged.sourcesDisagree++;
      if (kinds.has('free')) s.flagged.free++;
      if (kinds.has('no-price')) s.flagged.noPrice++;
    }
  }
  s.lifecycles = [...lives.values()];
  s.offerLifecycles = [...offerLives.values()];
  const chat = models.filter((m) => m.category === 'chat' && !m.kind);
  // Scores are percentiles among all chat models, as recommend ranks them.
  const dists = buildDistributions(chat);
  // A model without a release date is never in the window: left out.
  for (const m of chat) {
    if (m.releaseDate === undefined) continue;
    if (major.has(m.lab) && m.offers.some((o) => o.reference)) {
      const l = offerLatency(m, m.offers.find((o) => o.reference)?.provider);
      s.candidates.push({
        id: m.id,
        release: m.releaseDate,
        life: lifeKey(m.lifecycle, m.deprecated),
        unable: s.chatTasks.filter((t) => !canDo(m, TASKS[t as keyof typeof TASKS])),
        rated: s.chatTasks.filter(
          (t) => taskQuality(m, TASKS[t as keyof typeof TASKS], dists).evidence.filter((e) => !e.selfReported).length >= 2,
        ),
        reasoning: reasoningClass(m),
        latency: l ? { ttft: !!l.ttftMs, speed: !!l.outputTokensPerSecond, kind: l.kind ?? 'not stated' } : null,
        ...(m.modalities?.output?.includes('image') ? { imageOutput: true as const } : {}),
      });
    }
    const hosts = new Set(m.offers.map((o) => o.provider));
    if (m.openWeights === true && hosts.size >= 3) {
      const measured = [...hosts].filter((p) => offerLatency(m, p)?.ttftMs).length;
      s.openWeight.push([m.releaseDate, lifeKey(m.lifecycle, m.deprecated), measured >= 3 ? 1 : 0]);
    }
  }
  return s;
}

/** The day's stage: states on `today` and the models released in the 18 months before it. */
export function coverage(s: CatalogSummary, today: string): Coverage {
  const lifecycle: Coverage['lifecycle'] = {
    today,
    byState: { preview: 0, active: 0, deprecated: 0, retired: 0 },
    fromMakersPages: 0,
    fromThirdParties: 0,
    fromDatabasesOnly: 0,
    notModels: s.notModels,
    hostRetiredOffers: 0,
  };
  for (const [k, n] of s.lifecycles) {
    const st = modelState(fromLifeKey(k), today);
    lifecycle.byState[st.state] = (lifecycle.byState[st.state] ?? 0) + n;
    if (st.confidence === 'maker') lifecycle.fromMakersPages += n;
    else if (st.confidence === 'third-party') lifecycle.fromThirdParties += n;
    else if (st.confidence === 'upstream') lifecycle.fromDatabasesOnly += n;
  }
  for (const [k, n] of s.offerLifecycles)
    if (offerRetired({ lifecycle: fromLifeKey(k).lifecycle }, today)) lifecycle.hostRetiredOffers += n;

  const since = recentSince(today);
  const recent = recentCandidates(s, today);

  const byTask: Record<string, number> = Object.fromEntries(s.chatTasks.map((t) => [t, 0]));
  const ableByTask: Record<string, number> = Object.fromEntries(s.chatTasks.map((t) => [t, 0]));
  let everywhere = 0;
  for (const c of recent) {
    const able = s.chatTasks.filter((t) => !c.unable.includes(t));
    for (const t of able) {
      ableByTask[t]!++;
      if (c.rated.includes(t)) byTask[t]!++;
    }
    if (able.every((t) => c.rated.includes(t))) everywhere++;
  }

  const reasoning = {
    reasoningModels: 0,
    measured: 0,
    estimatedBase: 0,
    makerEstimate: 0,
    catalogEstimate: 0,
    offByDefault: 0,
    unknown: 0,
  };
  for (const c of recent) {
    if (!c.reasoning) continue;
    reasoning.reasoningModels++;
    reasoning[c.reasoning]++;
  }

  const latency: Coverage['latency'] = {
    recentMakerModels: 0,
    withBoth: 0,
    ttftOnly: 0,
    speedOnly: 0,
    byMethod: {},
    missing: [],
    notCounted: { imageOutput: [], movingNames: [] },
    openWeightModels: 0,
    openWeightWithThreeHosts: 0,
  };
  for (const c of recent) {
    if (c.imageOutput) {
      latency.notCounted.imageOutput.push(c.id);
      continue;
    }
    if (/-latest$/.test(c.id)) {
      latency.notCounted.movingNames.push(c.id);
      continue;
    }
    latency.recentMakerModels++;
    const l = c.latency;
    if (!l) {
      latency.missing.push(c.id);
      continue;
    }
    if (l.ttft && l.speed) latency.withBoth++;
    else if (l.ttft) latency.ttftOnly++;
    else latency.speedOnly++;
    latency.byMethod[l.kind] = (latency.byMethod[l.kind] ?? 0) + 1;
  }
  for (const [release, life, three] of s.openWeight) {
    if (release < since || !served(life, today)) continue;
    latency.openWeightModels++;
    if (three) latency.openWeightWithThreeHosts++;
  }

  return {
    lifecycle,
    evidence: { recentMakerModels: recent.length, ratedForEveryTask: everywhere, byTask, ableByTask },
    reasoning,
    latency,
  };
}
