import { UserError } from '../errors.js';
import { REASONING_EFFORTS } from '../core/reasoning.js';
import { DEFAULT_DAYS_PER_MONTH, PERIODS, type Period, type Workload } from '../core/workload.js';
import { number, oneOf, parseFlags, percent, quantity, share, wholeNumber, type FlagValues } from './flags.js';

/** The workload flags shared by cost, compare, recommend and route. */
export const WORKLOAD_FLAGS = {
  requests: quantity,
  input: quantity,
  output: quantity,
  inputTokens: quantity,
  outputTokens: quantity,
  per: oneOf(PERIODS),
  daysPerMonth: number(1, 31, 'a number of days from 1 to 31'),
  cached: share,
  cacheWrites: share,
  reasoning: oneOf(REASONING_EFFORTS),
  batch: share,
  discount: percent,
  searches: quantity,
  docsPerSearch: wholeNumber(1, 1_000_000),
  tokensPerDoc: quantity,
  queryTokens: quantity,
};
export type WorkloadFlags = FlagValues<typeof WORKLOAD_FLAGS>;

/** Flags as commander gives them, restricted to the workload ones. */
export function workloadFlags(opts: Record<string, unknown>): WorkloadFlags {
  return parseFlags(WORKLOAD_FLAGS, opts);
}

export interface WorkloadDefaults {
  /** Used when no volume flag is given at all (stated in the output). */
  requests?: number;
  input?: number;
  output?: number;
  period?: Period;
}

/**
 * A workload from flags. With no volume flag, the defaults (a command's or a task's typical
 * profile) apply and `defaulted` says so.
 */
export function toWorkload(f: WorkloadFlags, defaults: WorkloadDefaults = {}): { workload: Workload; defaulted: boolean } {
  const usesRequests = f.requests !== undefined;
  const usesTotals = f.inputTokens !== undefined || f.outputTokens !== undefined;
  if (usesRequests && usesTotals)
    throw new UserError(
      'give either --requests (with --input/--output per request) or --input-tokens/--output-tokens totals, not both',
      'per request: --requests 1M --input 500 --output 100; totals: --input-tokens 10M --output-tokens 2M',
    );
  if (!usesRequests && (f.input !== undefined || f.output !== undefined) && f.searches === undefined)
    throw new UserError(
      '--input and --output are tokens per request and need --requests',
      'for token totals per period use --input-tokens / --output-tokens',
    );
  if ((f.cached ?? 0) + (f.cacheWrites ?? 0) > 1 + 1e-9)
    throw new UserError(
      '--cached and --cache-writes are shares of the same input tokens and add up to more than 1',
      'for example --cached 0.6 --cache-writes 0.1: 60% read from the cache, 10% written to it, 30% uncached',
    );
  const base = {
    period: f.per ?? defaults.period ?? 'day',
    cached: f.cached ?? 0,
    ...(f.cacheWrites ? { cacheWrites: f.cacheWrites } : {}),
    ...(f.reasoning ? { reasoning: f.reasoning } : {}),
    batch: f.batch ?? 0,
    discount: f.discount ?? 0,
    daysPerMonth: f.daysPerMonth ?? DEFAULT_DAYS_PER_MONTH,
    searches: f.searches,
    docsPerSearch: f.docsPerSearch,
    tokensPerDoc: f.tokensPerDoc,
    queryTokens: f.queryTokens,
  };
  if (usesRequests)
    return {
      workload: { ...base, requests: f.requests, input: f.input ?? defaults.input, output: f.output ?? defaults.output },
      defaulted: false,
    };
  if (usesTotals) return { workload: { ...base, inputTokens: f.inputTokens, outputTokens: f.outputTokens }, defaulted: false };
  if (f.searches !== undefined) return { workload: base, defaulted: false };
  return {
    workload: { ...base, requests: defaults.requests, input: defaults.input, output: defaults.output },
    defaulted: defaults.requests !== undefined,
  };
}
