import type { Category, Model, Offer, Prices } from '../catalog/schema.js';
import { computeWorkloadCost, type CostBreakdown } from './cost.js';
import { formatCount, JSON_MONEY_RULE, roundMoney } from './money.js';
import { reasoningFactor, reasoningOffByDefault, withReasoning } from './reasoning.js';
import { pickOffer, type OfferChoice, type PickOptions } from './offers.js';
import { conventionNote, daysIn, type Period, type Workload } from './workload.js';

/**
 * The cost of one workload on several models: the object `cost` prints and `compare` embeds.
 * Ranked by monthly cost; a model whose prices cannot cover the workload is "unknown" and last.
 */

/** The workload used when none is given, per category (stated in every output that uses it). */
export const DEFAULT_WORKLOADS: Record<Category, { requests: number; input: number; output: number; label: string }> = {
  chat: { requests: 10_000, input: 1_000, output: 250, label: '10,000 requests a day of 1,000 input and 250 output tokens' },
  embedding: { requests: 10_000, input: 500, output: 0, label: '10,000 requests a day of 500 input tokens' },
  reranking: { requests: 10_000, input: 0, output: 0, label: '10,000 searches a day of 50 documents of 300 tokens' },
  moderation: { requests: 10_000, input: 500, output: 0, label: '10,000 requests a day of 500 input tokens' },
};

export interface OfferSummary {
  provider: string;
  providerModelId: string;
  choice: OfferChoice;
  reason: string;
  reference: boolean;
  prices: Prices;
  source: string;
  asOf: string;
  batchSource?: { source: string; asOf: string; note?: string };
  flags: string[];
}

export interface CostLine {
  rank: number | null;
  model: { id: string; name: string; lab: string; category: Category };
  offer: OfferSummary | null;
  /** The factor hidden reasoning tokens multiply the output by, with its source; null when none applies. */
  reasoning?: { setting: string; factor: number; source: string; asOf: string; estimate?: string } | null;
  complete: boolean;
  missing: string[];
  perRequest: number | null;
  perSearch: number | null;
  perDay: number | null;
  perWeek: number | null;
  perMonth: number | null;
  perYear: number | null;
  partsPerDay: CostBreakdown['partsPerDay'] | null;
  partsPerMonth: CostBreakdown['partsPerDay'] | null;
  volumePerDay: CostBreakdown['volumePerDay'] | null;
  tier: { above: number } | null;
  notes: string[];
  warnings: string[];
}

export interface WorkloadSummary extends Workload {
  defaulted: boolean;
  description: string;
  convention: string;
  moneyRule: string;
}

export function describeWorkload(w: Workload, defaulted: boolean, category?: Category): WorkloadSummary {
  const per = `a ${w.period}`;
  let description: string;
  if (w.searches !== undefined) description = `${fmt(w.searches)} searches ${per}`;
  else if (w.requests !== undefined)
    description =
      category === 'reranking'
        ? `${fmt(w.requests)} searches ${per}`
        : `${fmt(w.requests)} requests ${per} of ${fmt(w.input ?? 0)} input and ${fmt(w.output ?? 0)} output tokens`;
  else description = `${fmt(w.inputTokens ?? 0)} input and ${fmt(w.outputTokens ?? 0)} output tokens ${per}`;
  const mods: string[] = [];
  if (w.cached) mods.push(`${pct(w.cached)} of input from the prompt cache`);
  if (w.cacheWrites) mods.push(`${pct(w.cacheWrites)} of input written to the prompt cache`);
  if (w.batch) mods.push(`${pct(w.batch)} of traffic through a batch API`);
  if (w.discount) mods.push(`${pct(w.discount)} negotiated discount`);
  if (mods.length) description += `; ${mods.join(', ')}`;
  if (defaulted) description += ' (default workload: give --requests/--input/--output or --input-tokens for yours)';
  return { ...w, defaulted, description, convention: conventionNote(w.daysPerMonth), moneyRule: JSON_MONEY_RULE };
}

function fmt(n: number): string {
  return formatCount(n);
}
function pct(x: number): string {
  return `${Number((x * 100).toPrecision(4))}%`;
}

export function summarizeOffer(o: Offer, choice: OfferChoice, reason: string): OfferSummary {
  return {
    provider: o.provider,
    providerModelId: o.providerModelId,
    choice,
    reason,
    reference: o.reference === true,
    prices: o.prices,
    source: o.source,
    asOf: o.asOf,
    batchSource: o.batchSource,
    flags: (o.flags ?? []).map((f) => `${f.kind}: ${f.message}`),
  };
}

/** Tokens one request puts through the model (input and output), when the workload is per request. */
export function requestTokens(w: Workload): number {
  return w.requests !== undefined ? (w.input ?? 0) + (w.output ?? 0) : 0;
}

/** Why a request of this workload cannot go to the model (it exceeds the context window), if it cannot. */
export function exceedsContext(model: Pick<Model, 'id' | 'contextWindow'>, w: Workload): string | undefined {
  const n = requestTokens(w);
  if (!model.contextWindow || n <= model.contextWindow) return undefined;
  return `a request of ${n.toLocaleString('en-US')} tokens (${(w.input ?? 0).toLocaleString('en-US')} in, ${(w.output ?? 0).toLocaleString('en-US')} out) exceeds ${model.id}'s context window of ${model.contextWindow.toLocaleString('en-US')} tokens`;
}

export function estimateModel(model: Model, asked: Workload, opts: PickOptions = {}): CostLine {
  // A reasoning model bills its hidden reasoning as output: priced with a measured factor.
  const rf = reasoningFactor(model, asked.reasoning);
  const w = withReasoning(asked, rf);
  const reasoningNote =
    rf === 'unknown'
      ? `${model.id} reasons before it answers; no measured figure gives its hidden reasoning tokens, so they are not in this cost (--reasoning none to price it without reasoning)`
      : rf
        ? rf.estimate
          ? `includes hidden reasoning tokens, estimated: output tokens x ${rf.factor} at ${rf.setting} (${rf.estimate}; ${rf.source}, ${rf.asOf})`
          : `includes hidden reasoning tokens: output tokens x ${rf.factor} at ${rf.setting} (its output tokens on the ${rf.suite} at that setting over without reasoning; ${rf.source}, ${rf.asOf})`
        : reasoningOffByDefault(model, asked.reasoning);
  const picked = pickOffer(model, w, opts);
  const head = { id: model.id, name: model.name, lab: model.lab, category: model.category };
  if (!picked) {
    const reasons = model.offers.length === 0 ? 'no offers' : 'no plausible offer has the prices this workload needs';
    return {
      rank: null,
      model: head,
      offer: null,
      complete: false,
      missing: [reasons],
      perRequest: null,
      perSearch: null,
      perDay: null,
      perWeek: null,
      perMonth: null,
      perYear: null,
      partsPerDay: null,
      partsPerMonth: null,
      volumePerDay: null,
      tier: null,
      notes: [],
      warnings: [`${model.id}: ${reasons}; use --provider to pick one of its ${model.offers.length} offers explicitly`],
    };
  }
  const c = computeWorkloadCost(picked.offer, model.category, w);
  const month = daysIn('month', w.daysPerMonth);
  const scale = (p: CostBreakdown['partsPerDay']) =>
    Object.fromEntries(Object.entries(p).map(([k, v]) => [k, roundMoney(v * month)])) as unknown as CostBreakdown['partsPerDay'];
  return {
    rank: null,
    model: head,
    offer: summarizeOffer(picked.offer, picked.choice, picked.reason),
    complete: c.complete,
    missing: c.missing,
    perRequest: c.perRequest,
    perSearch: c.perSearch,
    perDay: c.periods.day,
    perWeek: c.periods.week,
    perMonth: c.periods.month,
    perYear: c.periods.year,
    partsPerDay: c.complete ? c.partsPerDay : null,
    partsPerMonth: c.complete ? scale(c.partsPerDay) : null,
    volumePerDay: c.volumePerDay,
    tier: c.tier ?? null,
    reasoning:
      rf && rf !== 'unknown'
        ? { setting: rf.setting, factor: rf.factor, source: rf.source, asOf: rf.asOf, ...(rf.estimate ? { estimate: rf.estimate } : {}) }
        : null,
    notes: reasoningNote ? [reasoningNote, ...c.notes] : c.notes,
    warnings: [...picked.warnings, ...[exceedsContext(model, asked)].filter((x): x is string => x !== undefined)],
  };
}

/** Ranks lines by monthly cost, cheapest first; unknown costs last, unranked. */
export function rankLines(lines: CostLine[]): CostLine[] {
  const known = lines.filter((l) => l.perMonth !== null).sort((a, b) => a.perMonth! - b.perMonth!);
  const unknown = lines.filter((l) => l.perMonth === null);
  known.forEach((l, i) => (l.rank = i + 1));
  return [...known, ...unknown];
}

export const PERIOD_FIELDS: Record<Period, keyof CostLine> = { day: 'perDay', week: 'perWeek', month: 'perMonth', year: 'perYear' };
