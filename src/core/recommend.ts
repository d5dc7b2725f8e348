import type { Capabilities, Model } from '../catalog/schema.js';
import { periodCost } from './cost.js';
import { CAUTIOUS_TODAY, modelState, offerRetired } from './lifecycle.js';
import { reasoningFactor, reasoningOffByDefault, withReasoning, type ReasoningEffort } from './reasoning.js';
import { endToEnd, formatMs, offerLatency } from './latency.js';
import { estimateModel, requestTokens, type CostLine } from './estimate.js';
import { isUsable, pickOffer } from './offers.js';
import { roundMoney } from './money.js';
import { viewQuality } from '../catalog/views.js';
import { buildDistributions, measuredReasoning, taskQuality, type Distributions, type TaskQuality } from './quality.js';
import { TASKS, type TaskDef, type TaskId } from './tasks.js';
import { daysIn, type Period, type Workload } from './workload.js';

/**
 * `recommend`: from a task and constraints to a ranked list of models, each with its quality
 * evidence, its cost for the workload and why it ranks there, plus the best candidates that were
 * excluded and why. Pure: the catalog's models go in, a result object comes out.
 */

export const PREFERENCES = ['cheapest', 'balanced', 'quality'] as const;
export type Preference = (typeof PREFERENCES)[number];

/**
 * Balanced ranking: among models that clear the task's quality bar, the cheapest first; models
 * whose costs are within this factor of each other count as the same price, and the better rated
 * of them goes first.
 */
export const BALANCED_PRICE_BAND = 1.25;

export interface Constraints {
  needs?: (keyof Capabilities)[];
  minContext?: number;
  /** Longest end-to-end time of one request of the workload on the offer priced (ms). */
  maxLatencyMs?: number;
  /** --needs low-latency: a bound that scales with the request's output (see lowLatencyBound). */
  lowLatency?: boolean;
  budget?: { amount: number; period: Period };
  openWeights?: boolean;
  providers?: string[];
  includeUnrated?: boolean;
  /** Minimum task quality (0..100); default 0 for recommend, the task's bar for route. */
  qualityFloor?: number;
  includeDeprecated?: boolean;
  /** How many of a task's benchmarks a rated model needs (default 2): a score on one says little. */
  minEvidence?: number;
  /**
   * The day the advice is for (YYYY-MM-DD): lifecycle dates are read against it. Without it, every
   * dated shutdown counts as past, so nothing that has one is recommended.
   */
  today?: string;
}

/** How many of a task's benchmarks a model must be rated on to be ranked, unless asked otherwise. */
export const DEFAULT_MIN_EVIDENCE = 2;


export type ExclusionReason =
  | 'unrated'
  | 'capability'
  | 'context'
  | 'open-weights'
  | 'providers'
  | 'no-price'
  | 'latency'
  | 'budget'
  | 'quality-floor'
  | 'deprecated'
  | 'retired'
  | 'not-a-model'
  | 'thin-evidence';

/** Exclusions that are counted, never listed: listing them would crowd out the near misses people can act on. */
export const COUNTED_ONLY: readonly ExclusionReason[] = ['unrated', 'deprecated', 'retired', 'not-a-model'];

export interface Candidate {
  rank: number;
  /** The reasoning effort the candidate is priced at when its rating needs reasoning its API does not turn on by default. */
  reasoning?: ReasoningEffort;
  model: { id: string; name: string; lab: string };
  quality: TaskQuality;
  cost: CostLine;
  perMonth: number;
  /** Quality points per $100 a month. */
  qualityPerDollar: number | null;
  why: string;
  /** Present for a preview model, or a deprecated one ranked on request: its state, dates and successor. */
  lifecycle?: { state: 'preview' | 'deprecated'; shutdownOn?: string; successor?: string; warning: string };
  /** The latency of the offer priced, where one was measured there. */
  latency?: CandidateLatency;
}

/** One offer's measured latency and the end-to-end time of one request computed from it. */
export interface CandidateLatency {
  provider: string;
  ttftMs: number | null;
  outputTokensPerSecond: number | null;
  /** Time to first token + output tokens (hidden reasoning included) at the measured speed. */
  endToEndMs: number | null;
  /** Output tokens one request streams (hidden reasoning included); visibleOutputTokens before the reasoning factor. */
  outputTokens: number;
  visibleOutputTokens: number;
  kind: string | null;
  measuredBy?: string;
  statistic: string | null;
  source: string;
  asOf: string;
  caveat?: string;
}

/**
 * `--needs low-latency` without `--max-latency`: the faster half. Of the models that pass every
 * other check and have a figure on the host priced, those whose end-to-end time is at most the
 * median of theirs. A fixed bound would say nothing about this workload: a 10-token
 * classification and a 2,000-token proof differ a hundredfold, and hidden reasoning more.
 */
export function lowLatencyBound(endToEndMs: number[]): number | null {
  if (endToEndMs.length === 0) return null;
  const s = [...endToEndMs].sort((a, b) => a - b);
  return s[Math.ceil(s.length / 2) - 1]!;
}

/** Visible output tokens of one request: the workload's, else the task's typical request. */
export function requestOutputTokens(w: Workload, task: TaskDef): number {
  return w.requests !== undefined && w.output !== undefined ? w.output : task.profile.output;
}

export interface Excluded {
  model: { id: string; name: string; lab: string };
  reason: ExclusionReason;
  detail: string;
  quality: number | null;
  perMonth: number | null;
}

export interface Ranking {
  task: TaskId;
  prefer: Preference;
  candidates: Candidate[];
  excluded: Excluded[];
  /** Counts of exclusions by reason, over models of the task's kind. */
  excludedCounts: Partial<Record<ExclusionReason, number>>;
  /** Present when a latency bound was asked: how latency was judged, and what it excluded. */
  latency?: { rule: string; boundMs: number | null; outputTokens: number; unknown: number; tooSlow: number };
}

const CAPABILITY_WORDS: Record<string, string> = {
  tools: 'tool calling',
  structuredOutput: 'structured output',
  vision: 'image input',
  reasoning: 'reasoning',
  promptCaching: 'prompt caching',
  batchApi: 'a batch API',
  fineTuning: 'fine-tuning',
  streaming: 'streaming',
};

interface Assessed {
  model: Model;
  quality: TaskQuality;
  /** The price ranking needs; the full cost breakdown is built only for candidates read. */
  price?: { provider: string; perMonth: number | null };
  exclusion?: { reason: ExclusionReason; detail: string };
  latency?: CandidateLatency;
  /** Set when the model is priced at a reasoning effort its rating was measured at, not its API's default. */
  effort?: ReasoningEffort;
  /** Set when a latency bound or a budget made another host than the usual pick the one priced (see otherHost), with why. */
  host?: { provider: string; why: string };
}

/**
 * 'high' for a model whose API does not reason unless asked but whose rating rests on runs measured
 * with reasoning: quality and cost then describe the same setting. Undefined otherwise.
 */
export function ratedWithReasoning(m: Model, quality: TaskQuality): ReasoningEffort | undefined {
  if (!reasoningOffByDefault(m)) return undefined;
  return quality.evidence.some((e) => measuredReasoning(e.setting)) ? 'high' : undefined;
}

/** What every model is checked against: the task, the constraints, and what follows from them. */
interface Checks {
  task: TaskDef;
  w: Workload;
  c: Constraints;
  needs: (keyof Capabilities)[];
  minContext: number;
  allowedProviders: string[] | undefined;
  dists: () => Distributions;
  today: string;
  /** Tokens of one request: a model whose known context window is smaller cannot take it. */
  requestSize: number;
  /** Visible output tokens of one request, for end-to-end times. */
  outputTokens: number;
  /** The end-to-end bound asked (ms), if any. */
  latencyBound?: number;
}

const KIND_WORDS: Record<string, string> = {
  orchestrator: 'an orchestrator that calls other makers’ models, not a model',
  router: 'a router that picks another model per request, not a model',
  preset: 'a reseller’s preset of another model (ranked as that model)',
  tool: 'a tool priced per use, not a model',
};

function excluded(m: Model, quality: TaskQuality, reason: ExclusionReason, detail: string, price?: Assessed['price']): Assessed {
  return price ? { model: m, quality, price, exclusion: { reason, detail } } : { model: m, quality, exclusion: { reason, detail } };
}

/** Checks one model against the task and constraints; the first failed check is the reason. */
function assess(m: Model, k: Checks): Assessed {
  const { task, w, c } = k;
  // A ranking view brings its quality worked out at build time; a full model is rated here.
  const quality = (w.reasoning ? undefined : viewQuality(m, task.id)) ?? taskQuality(m, task, k.dists(), w.reasoning);
  if (m.kind) return excluded(m, quality, 'not-a-model', KIND_WORDS[m.kind] ?? m.kind);
  const life = modelState(m, k.today);
  if (life.state === 'retired')
    return excluded(m, quality, 'retired', `retired${life.shutdownOn ? ` on ${life.shutdownOn}` : ''}${life.successor ? `; successor ${life.successor}` : ''}`);
  if (life.state === 'deprecated' && !c.includeDeprecated)
    return excluded(
      m,
      quality,
      'deprecated',
      `deprecated${life.shutdownOn ? `, shuts down ${life.shutdownOn}` : ''}${life.successor ? `; successor ${life.successor}` : ''} (--include-deprecated to rank it)`,
    );
  if (quality.score === null && !c.includeUnrated)
    return excluded(m, quality, 'unrated', `no ${task.label} benchmark in the catalog (--include-unrated to consider it)`);
  const minEvidence = c.minEvidence ?? DEFAULT_MIN_EVIDENCE;
  if (quality.score !== null && (quality.coverage?.k ?? 0) < minEvidence)
    return excluded(
      m,
      quality,
      'thin-evidence',
      `rated on ${quality.coverage?.k ?? 0} of ${quality.coverage?.n ?? 0} ${task.label} benchmarks (--min-evidence 1 to rank it)`,
    );
  for (const need of k.needs) {
    const v = m.capabilities?.[need];
    if (v !== true)
      return excluded(m, quality, 'capability', `${v === false ? 'no' : 'unknown whether it has'} ${CAPABILITY_WORDS[need] ?? need}`);
  }
  if (k.minContext > 0 && (m.contextWindow ?? 0) < k.minContext)
    return excluded(
      m,
      quality,
      'context',
      m.contextWindow ? `context window ${m.contextWindow} < ${k.minContext}` : 'context window unknown',
    );
  if (m.contextWindow !== undefined && m.contextWindow < k.requestSize)
    return excluded(m, quality, 'context', `context window ${m.contextWindow} < one request of ${k.requestSize} tokens`);
  if (c.openWeights && m.openWeights !== true)
    return excluded(m, quality, 'open-weights', m.openWeights === false ? 'closed weights' : 'open weights unknown');
  if (k.allowedProviders && !m.offers.some((o) => k.allowedProviders!.includes(o.provider)))
    return excluded(m, quality, 'providers', `not sold by ${k.allowedProviders.join(', ')}`);
  // Priced as `cost` prices it, at the setting it is rated at: a model whose API does not reason
  // unless asked, rated on runs measured with reasoning, is priced with reasoning on.
  const effort = w.reasoning ?? ratedWithReasoning(m, quality);
  const factor = reasoningFactor(m, effort);
  const wr = withReasoning(w, factor);
  const picked = pickOffer(m, wr, { allowedProviders: k.allowedProviders, today: k.today });
  const perMonth = picked ? periodCost(picked.offer, m.category, wr, 'month') : null;
  const price = { provider: picked?.offer.provider ?? '', perMonth };
  if (perMonth === null) return excluded(m, quality, 'no-price', 'no plausible offer prices this workload', price);
  let latency = candidateLatency(m, price.provider, k.outputTokens, factor);
  let host: { provider: string; why: string } | undefined;
  if (k.latencyBound !== undefined && !(latency?.endToEndMs != null && latency.endToEndMs <= k.latencyBound)) {
    const faster = otherHost(m, wr, k, factor, price.provider, (_cost, l) => withinBound(l, k.latencyBound));
    if (faster) {
      price.provider = faster.provider;
      host = { provider: faster.provider, why: `the cheapest host measured within ${formatMs(k.latencyBound)} end to end` };
      price.perMonth = faster.perMonth;
      latency = faster.latency;
    }
  }
  if (k.latencyBound !== undefined) {
    // Judged on the host priced only: another host's speed says nothing about this one.
    if (latency?.endToEndMs == null)
      return excluded(m, quality, 'latency', `${latency?.caveat ?? 'latency not measured'} on ${price.provider}`, price);
    if (latency.endToEndMs > k.latencyBound)
      return excluded(
        m,
        quality,
        'latency',
        `end-to-end ${formatMs(latency.endToEndMs)} for ${latency.outputTokens} output tokens on ${price.provider} > ${formatMs(k.latencyBound)}`,
        price,
      );
  }
  if (c.budget) {
    const limit = (c.budget.amount / daysIn(c.budget.period, w.daysPerMonth)) * daysIn('month', w.daysPerMonth);
    if (price.perMonth! > limit + 1e-9) {
      // Over budget on the usual pick: the cheapest other host within it (and within a latency
      // bound, if any), as for a latency bound, so restricting the providers never admits a model.
      const cheaper = otherHost(m, wr, k, factor, price.provider, (cost, l) => cost <= limit + 1e-9 && withinBound(l, k.latencyBound));
      if (!cheaper) return excluded(m, quality, 'budget', `$${price.perMonth} a month > budget $${roundMoney(limit)}`, price);
      price.provider = cheaper.provider;
      host = {
        provider: cheaper.provider,
        why: `the cheapest host within the budget ($${roundMoney(limit)} a month)${k.latencyBound !== undefined ? ` and measured within ${formatMs(k.latencyBound)} end to end` : ''}`,
      };
      price.perMonth = cheaper.perMonth;
      latency = cheaper.latency;
    }
  }
  // An unrated model the person asked to see is listed after the rated ones, not held to the bar.
  if (quality.score !== null && c.qualityFloor !== undefined && c.qualityFloor > 0 && quality.score < c.qualityFloor)
    return excluded(m, quality, 'quality-floor', `quality ${quality.score ?? 'unrated'} < bar ${c.qualityFloor}`, price);
  return { model: m, quality, price, ...(latency ? { latency } : {}), ...(effort && !w.reasoning ? { effort } : {}), ...(host ? { host } : {}) };
}

const withinBound = (l: CandidateLatency | undefined, bound: number | undefined) =>
  bound === undefined || (l?.endToEndMs != null && l.endToEndMs <= bound);

/**
 * When the usual pick (the maker's API, else the cheapest host) misses a latency bound or a budget:
 * the cheapest other host that `fits`, so a model is judged on the best host for the constraint (and
 * restricting the providers can never admit a model that was left out).
 */
function otherHost(
  m: Model,
  w: Workload,
  k: Checks,
  factor: ReturnType<typeof reasoningFactor>,
  tried: string,
  fits: (perMonth: number, latency: CandidateLatency | undefined) => boolean,
): { provider: string; perMonth: number; latency: CandidateLatency | undefined } | undefined {
  let best: { provider: string; perMonth: number; latency: CandidateLatency | undefined } | undefined;
  for (const provider of new Set(m.offers.map((o) => o.provider))) {
    if (provider === tried || (k.allowedProviders && !k.allowedProviders.includes(provider))) continue;
    const picked = pickOffer(m, w, { provider, today: k.today });
    if (!picked || !isUsable(picked.offer) || offerRetired(picked.offer, k.today)) continue;
    const perMonth = periodCost(picked.offer, m.category, w, 'month');
    if (perMonth === null || (best && perMonth >= best.perMonth)) continue;
    const latency = candidateLatency(m, provider, k.outputTokens, factor);
    if (fits(perMonth, latency)) best = { provider, perMonth, latency };
  }
  return best;
}

/** The latency of a model's offer on `provider` and one request's end-to-end time; undefined when unmeasured there. */
export function candidateLatency(
  m: Model,
  provider: string,
  outputTokens: number,
  factor = reasoningFactor(m),
): CandidateLatency | undefined {
  const l = offerLatency(m, provider);
  if (!l) return undefined;
  const e = endToEnd(l, outputTokens, factor);
  const out: CandidateLatency = {
    provider,
    ttftMs: l.ttftMs ?? null,
    outputTokensPerSecond: l.outputTokensPerSecond ?? null,
    endToEndMs: e.ms,
    outputTokens: e.outputTokens,
    visibleOutputTokens: outputTokens,
    kind: l.kind ?? null,
    statistic: l.statistic ?? null,
    source: l.source,
    asOf: l.asOf,
  };
  if (l.measuredBy) out.measuredBy = l.measuredBy;
  if (e.caveat) out.caveat = e.caveat;
  return out;
}

export function rankForTask(
  models: Model[],
  opts: { task: TaskId | TaskDef; workload?: Workload; constraints?: Constraints; prefer?: Preference; distributions?: Distributions },
): Ranking {
  const task = typeof opts.task === 'string' ? TASKS[opts.task] : opts.task;
  const w = opts.workload ?? defaultWorkload(task);
  const c = opts.constraints ?? {};
  const prefer = opts.prefer ?? 'balanced';
  let built = opts.distributions;
  const dists = () => (built ??= buildDistributions(models));
  // Balanced and cheapest ask for good enough first: the task's bar applies unless the caller set
  // one (the cheapest useless model is no answer).
  const constraints = prefer !== 'quality' && c.qualityFloor === undefined ? { ...c, qualityFloor: task.floor } : c;
  const checks: Checks = {
    task,
    w,
    c: constraints,
    needs: [...new Set([...task.needs, ...(constraints.needs ?? [])])],
    minContext: Math.max(task.minContext ?? 0, constraints.minContext ?? 0),
    requestSize: requestTokens(w),
    outputTokens: requestOutputTokens(w, task),
    latencyBound: constraints.maxLatencyMs,
    allowedProviders: constraints.providers?.length ? constraints.providers : undefined,
    dists,
    today: constraints.today ?? CAUTIOUS_TODAY,
  };
  const assessed = models.filter((m) => m.category === task.category).map((m) => assess(m, checks));
  // The faster half of what qualifies otherwise (see lowLatencyBound).
  const relativeBound = constraints.lowLatency && checks.latencyBound === undefined;
  if (relativeBound) {
    const bound = lowLatencyBound(assessed.flatMap((a) => (!a.exclusion && a.latency?.endToEndMs != null ? [a.latency.endToEndMs] : [])));
    checks.latencyBound = bound ?? undefined;
    for (const a of assessed) {
      if (a.exclusion) continue;
      const e2e = a.latency?.endToEndMs;
      if (e2e == null) a.exclusion = { reason: 'latency', detail: `${a.latency?.caveat ?? 'latency not measured'} on ${a.price!.provider}` };
      else if (e2e > bound!)
        a.exclusion = {
          reason: 'latency',
          detail: `end-to-end ${formatMs(e2e)} for ${a.latency!.outputTokens} output tokens on ${a.price!.provider} > ${formatMs(bound!)}`,
        };
    }
  }
  const ok = assessed.filter((a) => !a.exclusion);
  const q = (a: Assessed) => a.quality.score ?? -1;
  const cost = (a: Assessed) => a.price!.perMonth!;
  const band = (a: Assessed) => (cost(a) > 0 ? Math.floor(Math.log(cost(a)) / Math.log(BALANCED_PRICE_BAND)) : -Infinity);
  const compare: Record<Preference, (a: Assessed, b: Assessed) => number> = {
    quality: (a, b) => q(b) - q(a) || cost(a) - cost(b),
    cheapest: (a, b) => cost(a) - cost(b) || q(b) - q(a),
    balanced: (a, b) => band(a) - band(b) || q(b) - q(a) || cost(a) - cost(b),
  };
  const unrated = (a: Assessed) => (a.quality.score === null ? 1 : 0);
  ok.sort((a, b) => unrated(a) - unrated(b) || compare[prefer](a, b) || (a.model.id < b.model.id ? -1 : 1));
  const candidates: Candidate[] = ok.map((a, i) => {
    const perMonth = a.price!.perMonth!;
    let full: CostLine | undefined;
    let why: string | undefined;
    return {
      rank: i + 1,
      model: { id: a.model.id, name: a.model.name, lab: a.model.lab },
      quality: a.quality,
      // Built on first read: ranking needs only the monthly figure.
      get cost(): CostLine {
        return (full ??= a.host
          ? hostLine(pricedAt(a.model, a.effort, w, { provider: a.host.provider, today: checks.today }), a.host.why)
          : pricedAt(a.model, a.effort, w, { allowedProviders: c.providers?.length ? c.providers : undefined, today: checks.today }));
      },
      set cost(line: CostLine) {
        full = line;
      },
      perMonth,
      qualityPerDollar: a.quality.score !== null && perMonth > 0 ? roundMoney((a.quality.score / perMonth) * 100) : null,
      // Also on first read: it counts the cheaper and better-rated candidates, for the few shown.
      get why(): string {
        return (why ??= explain(this, candidates, prefer));
      },
      ...(a.effort ? { reasoning: a.effort } : {}),
      ...lifecycleOf(a.model, checks.today),
      ...(a.latency ? { latency: a.latency } : {}),
    };
  });
  const excludedAll = assessed.filter((a) => a.exclusion);
  const excludedCounts: Ranking['excludedCounts'] = {};
  for (const a of excludedAll) excludedCounts[a.exclusion!.reason] = (excludedCounts[a.exclusion!.reason] ?? 0) + 1;
  // The best of the excluded: rated ones by quality, then by price. Deprecated and unrated models
  // are only counted: listing them would crowd out the near misses people can act on.
  const order: ExclusionReason[] = [
    'budget',
    'latency',
    'quality-floor',
    'capability',
    'context',
    'open-weights',
    'providers',
    'no-price',
    'unrated',
    'deprecated',
    'retired',
    'not-a-model',
  ];
  const excluded = excludedAll
    .filter((a) => !COUNTED_ONLY.includes(a.exclusion!.reason))
    .sort(
      (a, b) =>
        (b.quality.score ?? -1) - (a.quality.score ?? -1) ||
        order.indexOf(a.exclusion!.reason) - order.indexOf(b.exclusion!.reason) ||
        (a.price?.perMonth ?? Infinity) - (b.price?.perMonth ?? Infinity) ||
        (a.model.id < b.model.id ? -1 : 1),
    )
    .map((a) => ({
      model: { id: a.model.id, name: a.model.name, lab: a.model.lab },
      reason: a.exclusion!.reason,
      detail: a.exclusion!.detail,
      quality: a.quality.score,
      perMonth: a.price?.perMonth ?? null,
    }));
  const ranking: Ranking = { task: task.id, prefer, candidates, excluded, excludedCounts };
  if (checks.latencyBound !== undefined || relativeBound) {
    const lat = excludedAll.filter((a) => a.exclusion!.reason === 'latency');
    const unknown = lat.filter((a) => !a.exclusion!.detail.startsWith('end-to-end')).length;
    ranking.latency = {
      rule:
        `latency judged by the end-to-end time of one request on the offer priced: time to first token + ${checks.outputTokens} visible output tokens (times the reasoning factor where one applies) at the measured output speed, ` +
        (relativeBound
          ? checks.latencyBound === undefined
            ? 'and no model that qualifies otherwise has a figure on its host'
            : `at most ${formatMs(checks.latencyBound)} (low-latency: the faster half of the models that qualify otherwise and have a figure; --max-latency sets your own bound)`
          : `at most ${formatMs(checks.latencyBound!)}`) +
        '; a model with no figure on that host is excluded',
      boundMs: checks.latencyBound ?? null,
      outputTokens: checks.outputTokens,
      unknown,
      tooSlow: lat.length - unknown,
    };
  }
  return ranking;
}

/** A candidate's lifecycle note: previews and (on request) deprecated models carry one. */
function lifecycleOf(m: Model, today: string): Pick<Candidate, 'lifecycle'> {
  const s = modelState(m, today);
  if (s.state === 'deprecated')
    return {
      lifecycle: {
        state: 'deprecated',
        shutdownOn: s.shutdownOn,
        successor: s.successor,
        warning: `deprecated by its maker${s.shutdownOn ? `: shuts down ${s.shutdownOn}` : ''}${s.successor ? `; successor ${s.successor}` : ''}`,
      },
    };
  if (s.state === 'preview')
    return { lifecycle: { state: 'preview', warning: 'a preview: its maker may change or withdraw it at short notice' } };
  return {};
}

function explain(c: Candidate, all: Candidate[], prefer: Preference): string {
  const best = c.quality.evidence
    .slice()
    .sort((a, b) => b.weight - a.weight || b.percentile - a.percentile)
    .slice(0, 2)
    .map((e) => `${e.benchmark} ${Number(e.score.toFixed(2))}`)
    .join(', ');
  const q = c.quality.score === null ? 'unrated' : `quality ${c.quality.score}${best ? ` (${best})` : ''}`;
  const cheaper = all.filter((o) => o.perMonth < c.perMonth).length;
  const better = all.filter((o) => (o.quality.score ?? -1) > (c.quality.score ?? -1)).length;
  const position =
    prefer === 'cheapest'
      ? cheaper === 0
        ? `cheapest of ${all.length}`
        : `${ordinal(cheaper + 1)} cheapest of ${all.length}`
      : prefer === 'quality'
        ? better === 0
          ? `best rated of ${all.length}`
          : `${better} rated higher`
        : `${cheaper === 0 ? 'the cheapest' : `${cheaper} cheaper`} and ${better === 0 ? 'the best rated' : `${better} rated higher`} of the ${all.length} that clear the bar`;
  return `${q}; ${position}`;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

export const DEFAULT_REQUESTS = 10_000;

export function defaultWorkload(task: TaskDef, requests = DEFAULT_REQUESTS): Workload {
  const base = { period: 'day' as const, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };
  if (task.category === 'reranking')
    return {
      ...base,
      searches: requests,
      docsPerSearch: task.profile.docsPerSearch,
      tokensPerDoc: task.profile.tokensPerDoc,
      queryTokens: task.profile.queryTokens,
    };
  return { ...base, requests, input: task.profile.input, output: task.profile.output };
}

/** Which constraint to relax when nothing qualifies: the one that excluded the most rated models. */
export function constraintToRelax(r: Ranking): { reason: ExclusionReason; count: number } | null {
  const entries = Object.entries(r.excludedCounts).filter(([k]) => !COUNTED_ONLY.includes(k as ExclusionReason)) as [
    ExclusionReason,
    number,
  ][];
  if (entries.length === 0) return r.excludedCounts.unrated ? { reason: 'unrated', count: r.excludedCounts.unrated } : null;
  entries.sort((a, b) => b[1] - a[1]);
  return { reason: entries[0]![0], count: entries[0]![1] };
}

/** The cost line of a candidate at the effort it is rated at, saying why when that is not its API's default. */
/** The cost line of a host picked for a latency bound, saying why that host. */
function hostLine(line: CostLine, why: string): CostLine {
  if (line.offer) line.offer.reason = `${line.offer.provider}: ${why}`;
  return line;
}

export function pricedAt(m: Model, effort: ReasoningEffort | undefined, w: Workload, opts: Parameters<typeof estimateModel>[2]): CostLine {
  if (!effort) return estimateModel(m, w, opts);
  const line = estimateModel(m, { ...w, reasoning: effort }, opts);
  line.notes.unshift(
    line.reasoning
      ? `priced with reasoning on (--reasoning ${effort}): ${m.id} is rated on runs measured with reasoning, and its API does not reason unless the request asks`
      : `rated on runs measured with reasoning, which ${m.id}'s API does not turn on unless asked; priced at --reasoning ${effort}, though no measurement gives its hidden tokens there`,
  );
  return line;
}
