import type { Category, Offer, PriceTier, Prices } from '../catalog/schema.js';
import { roundMoney } from './money.js';
import { perDay, type Period, type Workload } from './workload.js';

/**
 * What a workload costs on one offer. Pure arithmetic on the offer's prices (USD per 1M tokens,
 * per search, per request); every amount is rounded with roundMoney on the way out.
 */

export interface CostParts {
  input: number;
  cachedInput: number;
  /** Input tokens written to the provider's prompt cache, at its cache-write price. */
  cacheWrite: number;
  output: number;
  perRequest: number;
  perSearch: number;
  /** Negative: the negotiated discount. */
  discount: number;
}

export interface CostBreakdown {
  /** False when a price the workload needs is unknown: totals are then null, never guessed. */
  complete: boolean;
  missing: string[];
  /** Per-day parts; they sum to `periods.day`. */
  partsPerDay: CostParts;
  periods: Record<Period, number | null>;
  perRequest: number | null;
  perSearch: number | null;
  volumePerDay: {
    requests?: number;
    searches?: number;
    inputTokens: number;
    cachedInputTokens: number;
    cacheWriteTokens: number;
    outputTokens: number;
  };
  /** The long-context tier applied, if any. */
  tier?: { above: number };
  notes: string[];
}

/** A price billed per search: a per-search price and no token price (or a token price of 0 beside it). */
export function billedPerSearch(p: Prices | null | undefined): boolean {
  return p?.perSearch !== undefined && !p.input;
}

/** Defaults for reranking when the workload does not say (stated in the output). */
export const RERANK_DEFAULTS = { docsPerSearch: 50, tokensPerDoc: 300, queryTokens: 30 };

/** The arithmetic of a workload on one offer, per day, unrounded: the parts and their total. */
interface DayArithmetic extends CostParts {
  day: number;
  requests: number | undefined;
  searches: number | undefined;
  inputTokens: number;
  cachedTokens: number;
  writeTokens: number;
  outputTokens: number;
  tier: PriceTier | undefined;
  /** Prices the workload needs and the offer lacks; undefined when none. */
  missing: string[] | undefined;
}

/**
 * The cost arithmetic, shared by the full breakdown and the bare totals ranking needs. Notes for
 * people are collected only when `notes` is given (ranking prices every rated model and reads
 * none of them).
 */
function dayArithmetic(p: Prices, category: Category, w: Workload, notes?: string[]): DayArithmetic {
  let missing: string[] | undefined;

  const requests = perDay(w.requests, w);
  let searches: number | undefined;
  let inputTokens: number;
  let outputTokens: number;
  let perSearchCost = 0;

  if (category === 'reranking' && (w.searches !== undefined || w.requests !== undefined)) {
    searches = perDay(w.searches ?? w.requests, w)!;
    const docs = w.docsPerSearch ?? RERANK_DEFAULTS.docsPerSearch;
    const tokensPerDoc = w.tokensPerDoc ?? RERANK_DEFAULTS.tokensPerDoc;
    const queryTokens = w.queryTokens ?? RERANK_DEFAULTS.queryTokens;
    if (p.perSearch !== undefined) {
      const units = p.docsPerSearch ? Math.ceil(docs / p.docsPerSearch) : 1;
      perSearchCost = searches * units * p.perSearch;
      inputTokens = 0;
      if (units > 1) notes?.push(`${docs} documents per search bill as ${units} searches (${p.docsPerSearch} documents each)`);
    } else {
      // A cross-encoder reads the query with every document.
      inputTokens = searches * docs * (queryTokens + tokensPerDoc);
      notes?.push(`reranker billed per token: ${docs} documents x (${queryTokens} query + ${tokensPerDoc} document tokens) per search`);
    }
    outputTokens = 0;
  } else if (w.requests !== undefined) {
    inputTokens = requests! * (w.input ?? 0);
    outputTokens = requests! * (w.output ?? 0);
  } else {
    inputTokens = perDay(w.inputTokens, w) ?? 0;
    outputTokens = perDay(w.outputTokens, w) ?? 0;
  }

  // Long-context tiers: the whole request pays the tier price once its input crosses the threshold.
  let prices: Prices = p;
  let tier: PriceTier | undefined;
  if (p.tiers && p.tiers.length > 0) {
    if (w.requests !== undefined && w.input !== undefined) {
      tier = [...p.tiers].reverse().find((t) => w.input! > t.above);
      if (tier) {
        prices = { ...p, ...definedOnly(tier) };
        // Batch keeps its discount on long-context prices.
        if (p.batchInput !== undefined && p.input && prices.input !== undefined)
          prices.batchInput = (prices.input * p.batchInput) / p.input;
        if (p.batchOutput !== undefined && p.output && prices.output !== undefined)
          prices.batchOutput = (prices.output * p.batchOutput) / p.output;
        notes?.push(`each request's ${w.input} input tokens exceed ${tier.above}: long-context prices apply`);
      }
    } else if (inputTokens > 0) {
      notes?.push(
        `long-context prices above ${p.tiers.map((t) => t.above).join(', ')} input tokens per request not applied: give --requests with --input to apply them per request`,
      );
    }
  }

  const writes = w.cacheWrites ?? 0;
  const cachedTokens = inputTokens * w.cached;
  const writeTokens = inputTokens * writes;
  const freshTokens = inputTokens * (1 - w.cached - writes);
  const b = w.batch;

  // Each part is priced only when it has tokens, so its notes and missing prices are only for parts in use.
  const charge = (tokens: number, what: string, rate: () => number | undefined): number => {
    if (tokens <= 0) return 0;
    const r = rate();
    if (r === undefined) (missing ??= []).push(what);
    return r === undefined ? 0 : (tokens * r) / 1e6;
  };
  const input = charge(freshTokens, 'input price', () => blendedRate(prices.input, prices.batchInput, b, 'input', notes));
  const cachedInput = charge(cachedTokens, 'input price', () =>
    cacheRate(prices.cacheRead, prices.input, 'no cache-read price: cached input tokens are priced as input', notes),
  );
  const cacheWrite = charge(writeTokens, 'input price', () => {
    if (prices.cacheWrite !== undefined)
      notes?.push(`tokens written to the cache are billed at the cache-write price, $${prices.cacheWrite} per 1M`);
    return cacheRate(prices.cacheWrite, prices.input, 'no cache-write price: tokens written to the cache are priced as input', notes);
  });
  const output = charge(outputTokens, 'output price', () => blendedRate(prices.output, prices.batchOutput, b, 'output', notes));
  const perRequest = requests !== undefined && p.perRequest !== undefined ? requests * p.perRequest : 0;
  const gross = input + cachedInput + cacheWrite + output + perRequest + perSearchCost;
  const discount = -gross * w.discount;
  return {
    input,
    cachedInput,
    cacheWrite,
    output,
    perRequest,
    perSearch: perSearchCost,
    discount,
    day: gross + discount,
    requests,
    searches,
    inputTokens,
    cachedTokens,
    writeTokens,
    outputTokens,
    tier,
    missing,
  };
}

export function computeWorkloadCost(offer: Pick<Offer, 'prices'>, category: Category, w: Workload): CostBreakdown {
  const notes: string[] = [];
  const a = dayArithmetic(offer.prices, category, w, notes);
  const { day, requests, searches } = a;
  const complete = a.missing === undefined;

  const periods: Record<Period, number | null> = complete
    ? {
        day: inPeriod(day, 'day', w),
        week: inPeriod(day, 'week', w),
        month: inPeriod(day, 'month', w),
        year: inPeriod(day, 'year', w),
      }
    : { day: null, week: null, month: null, year: null };

  return {
    complete,
    missing: a.missing === undefined ? [] : [...new Set(a.missing)],
    partsPerDay: {
      input: roundMoney(a.input),
      cachedInput: roundMoney(a.cachedInput),
      cacheWrite: roundMoney(a.cacheWrite),
      output: roundMoney(a.output),
      perRequest: roundMoney(a.perRequest),
      perSearch: roundMoney(a.perSearch),
      discount: roundMoney(a.discount),
    },
    periods,
    perRequest: complete && requests ? roundMoney(day / requests) : null,
    perSearch: complete && searches ? roundMoney(day / searches) : null,
    volumePerDay: {
      requests: requests === undefined ? undefined : roundMoney(requests),
      searches: searches === undefined ? undefined : roundMoney(searches),
      inputTokens: roundMoney(a.inputTokens),
      cachedInputTokens: roundMoney(a.cachedTokens),
      cacheWriteTokens: roundMoney(a.writeTokens),
      outputTokens: roundMoney(a.outputTokens),
    },
    tier: a.tier ? { above: a.tier.above } : undefined,
    notes: notes.length > 1 ? [...new Set(notes)] : notes,
  };
}

/**
 * What the workload costs per `period` on an offer, or null when the offer lacks a price it needs:
 * the same figure as computeWorkloadCost(...).periods[period], without building the breakdown
 * (ranking prices every rated model and shows a handful).
 */
export function periodCost(offer: Pick<Offer, 'prices'>, category: Category, w: Workload, period: Period): number | null {
  const a = dayArithmetic(offer.prices, category, w);
  return a.missing === undefined ? inPeriod(a.day, period, w) : null;
}

/** The price per 1M tokens with a share `b` of traffic at the batch price (standard where there is none). */
/** A cache price, or the input price (with a note saying so) where the offer has none. */
function cacheRate(own: number | undefined, input: number | undefined, fallbackNote: string, notes?: string[]): number | undefined {
  if (own !== undefined) return own;
  if (input !== undefined) notes?.push(fallbackNote);
  return input;
}

function blendedRate(
  standard: number | undefined,
  batch: number | undefined,
  b: number,
  what: string,
  notes?: string[],
): number | undefined {
  if (standard === undefined) return undefined;
  if (b > 0 && batch === undefined) {
    notes?.push(`no batch price for ${what}: the batch share is priced at the standard rate`);
    return standard;
  }
  return (1 - b) * standard + b * (batch ?? standard);
}

/** A day's cost over a period, rounded (a year is 12 months). */
function inPeriod(day: number, period: Period, w: Workload): number {
  if (period === 'day') return roundMoney(day);
  if (period === 'week') return roundMoney(day * 7);
  if (period === 'month') return roundMoney(day * w.daysPerMonth);
  return roundMoney(day * 12 * w.daysPerMonth);
}

function definedOnly(t: PriceTier): Prices {
  const out: Prices = {};
  if (t.input !== undefined) out.input = t.input;
  if (t.output !== undefined) out.output = t.output;
  if (t.cacheRead !== undefined) out.cacheRead = t.cacheRead;
  if (t.cacheWrite !== undefined) out.cacheWrite = t.cacheWrite;
  return out;
}
