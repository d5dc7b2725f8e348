import type { Model, ReasoningTokens } from '../catalog/schema.js';
import type { Workload } from './workload.js';

/**
 * Hidden reasoning tokens, priced as output. A reasoning model bills the tokens it thinks with as
 * output tokens, which a workload's "output tokens per request" does not include. The factor comes
 * from a measurement: the output tokens the model spent on one eval suite at the setting asked,
 * over what it spent there without reasoning (or at its minimal setting). A request's billed output
 * is its visible output times that factor. Pure.
 */

export const REASONING_EFFORTS = ['none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const;
export type ReasoningEffort = (typeof REASONING_EFFORTS)[number];

export interface ReasoningFactor {
  /** The setting the factor is for (the model's default when none was asked). */
  setting: string;
  factor: number;
  source: string;
  asOf: string;
  suite: string;
  /** Set when the factor is not wholly this model's own measurement: how it was made. */
  estimate?: string;
}

/** How the basis of a catalog-wide estimate (no maker median to go on) begins. */
export const CATALOG_WIDE_ESTIMATE = 'no measurement of this model or of 3 models of its maker';

/** Makers whose API runs reasoning at medium effort unless told otherwise. */
const MEDIUM_BY_DEFAULT = new Set(['openai']);

/**
 * Makers whose API does not reason unless the request asks (Anthropic: thinking is off when the
 * request has no `thinking` parameter; https://platform.claude.com/docs/en/build-with-claude/extended-thinking).
 * Their models' measured thinking run is what `--reasoning high` prices: adaptive thinking's
 * default effort is high.
 */
const OFF_BY_DEFAULT = new Set(['anthropic']);

/**
 * The factor for `effort` (the model's default when undefined); `unknown` when the model reasons but
 * no measurement gives the factor; undefined for a model that does not reason (or not at this setting).
 */
export function reasoningFactor(
  m: Pick<Model, 'lab' | 'capabilities' | 'reasoningTokens' | 'reasoningEstimate' | 'reasoningDefault'>,
  effort?: ReasoningEffort,
): ReasoningFactor | 'unknown' | undefined {
  const rows = m.reasoningTokens ?? [];
  if (!m.capabilities?.reasoning && rows.length === 0) return undefined;
  // The maker's own default for this model, where it names one, before the maker-wide rule.
  if (effort === undefined && m.reasoningDefault) effort = m.reasoningDefault.setting;
  if (effort === 'none') return undefined;
  if (effort === undefined && OFF_BY_DEFAULT.has(m.lab)) return undefined;
  const base = rows.find((r) => r.setting === 'none') ?? rows.find((r) => r.setting === 'minimal');
  const wanted: ReasoningTokens['setting'][] = effort
    ? OFF_BY_DEFAULT.has(m.lab) && effort === 'high'
      ? ['high', 'default']
      : [effort]
    : MEDIUM_BY_DEFAULT.has(m.lab)
      ? ['medium', 'default']
      : ['default', 'medium'];
  const row = wanted.map((s) => rows.find((r) => r.setting === s)).find(Boolean);
  if (!base || !row || row === base) {
    const e = m.reasoningEstimate;
    if (e && (effort === undefined || effort === e.setting))
      return {
        setting: e.setting === 'default' ? 'the default reasoning setting' : `reasoning effort ${e.setting}`,
        factor: e.factor,
        source: e.source,
        asOf: e.asOf,
        suite: 'the measured models named',
        estimate: e.basis,
      };
    return 'unknown';
  }
  return {
    setting:
      row.setting === 'default'
        ? effort
          ? `reasoning effort ${effort} (the thinking run measured)`
          : 'the default reasoning setting'
        : `reasoning effort ${row.setting}`,
    factor: Number((row.outputTokens / base.outputTokens).toPrecision(3)),
    source: row.source,
    asOf: row.asOf,
    suite: row.suite,
    ...(base.estimate ? { estimate: `the run without reasoning is a stand-in, the ${base.estimate}` } : {}),
  };
}

/**
 * For a model that can reason but does not by default: says so, with who says so, so a cost
 * without hidden tokens is read as the default's cost, not as an oversight. Undefined otherwise.
 */
export function reasoningOffByDefault(m: Pick<Model, 'id' | 'lab' | 'capabilities' | 'reasoningDefault'>, effort?: ReasoningEffort): string | undefined {
  if (effort !== undefined || !m.capabilities?.reasoning) return undefined;
  const d = m.reasoningDefault;
  if (d?.setting === 'none')
    return `${m.id} does not reason unless the request asks (its API's default effort is none, per ${d.confidence === 'maker' ? 'its maker' : 'a third party'}: ${d.source}); --reasoning <effort> prices its thinking`;
  if (!d && OFF_BY_DEFAULT.has(m.lab))
    return `${m.id} does not think unless the request asks (${m.lab}'s API default); --reasoning high prices its thinking`;
  return undefined;
}

/** The workload with each request's output scaled by the reasoning factor (visible + hidden tokens). */
export function withReasoning(w: Workload, f: ReasoningFactor | 'unknown' | undefined): Workload {
  if (!f || f === 'unknown') return w;
  return {
    ...w,
    output: w.output === undefined ? undefined : w.output * f.factor,
    outputTokens: w.outputTokens === undefined ? undefined : w.outputTokens * f.factor,
  };
}
