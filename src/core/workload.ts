/**
 * A workload: how much traffic, over which period, with which modifiers. Either token totals per
 * period, or requests per period with tokens per request (which lets long-context tiers apply per
 * request, as providers bill them). Rerankers are described by searches.
 */
export const PERIODS = ['day', 'week', 'month', 'year'] as const;
export type Period = (typeof PERIODS)[number];

export interface Workload {
  period: Period;
  /** Requests per period. */
  requests?: number;
  /** Input tokens per request. */
  input?: number;
  /** Output tokens per request. */
  output?: number;
  /** Input tokens per period, when given as totals. */
  inputTokens?: number;
  /** Output tokens per period, when given as totals. */
  outputTokens?: number;
  /** Share of input tokens read from the prompt cache (0..1). */
  cached: number;
  /** Share of input tokens written to the prompt cache (0..1), billed at the cache-write price. */
  cacheWrites?: number;
  /** Reasoning effort, for pricing a reasoning model's hidden tokens (default: the model's own). */
  reasoning?: 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh';
  /** Share of traffic sent through a batch API (0..1). */
  batch: number;
  /** Negotiated discount (0..1) off the whole bill. */
  discount: number;
  daysPerMonth: number;
  /** Reranking: searches per period, documents per search, tokens per document and per query. */
  searches?: number;
  docsPerSearch?: number;
  tokensPerDoc?: number;
  queryTokens?: number;
}

export const DEFAULT_DAYS_PER_MONTH = 30;

/** Days in one period. A year is 12 months, so a monthly budget times 12 is the yearly one. */
export function daysIn(period: Period, daysPerMonth: number): number {
  switch (period) {
    case 'day':
      return 1;
    case 'week':
      return 7;
    case 'month':
      return daysPerMonth;
    case 'year':
      return 12 * daysPerMonth;
  }
}

/** Scale a per-period quantity to a per-day one. */
export function perDay(q: number | undefined, w: Pick<Workload, 'period' | 'daysPerMonth'>): number | undefined {
  return q === undefined ? undefined : q / daysIn(w.period, w.daysPerMonth);
}

export function conventionNote(daysPerMonth: number): string {
  return `1 month = ${daysPerMonth} days, 1 year = 12 months (${12 * daysPerMonth} days), 1 week = 7 days`;
}

export function hasTokenVolume(w: Workload): boolean {
  return w.requests !== undefined || w.inputTokens !== undefined || w.outputTokens !== undefined;
}
