import type { Latency, LatencyMethod, Model } from '../catalog/schema.js';
import type { ReasoningFactor } from './reasoning.js';

/**
 * Latency per offer (model × provider): which of a model's figures stands for one host, and the
 * end-to-end time of one request computed from it. Pure.
 *
 * Precedence: a figure measured on the user's own account first; then figures with both time to
 * first token and output speed (an end-to-end time needs both from one measurement: figures of
 * different measurements are never combined); then by method (independent benchmarks, the
 * maker's own figures, gateways' live statistics, figures that do not say); then the newest.
 */

const METHOD_ORDER: (LatencyMethod | undefined)[] = ['your-account', 'independent-benchmark', 'maker', 'gateway-live-stats', undefined];

export const METHOD_WORDS: Record<LatencyMethod, string> = {
  'your-account': 'measured on your account',
  'independent-benchmark': 'independent benchmark',
  'gateway-live-stats': 'gateway live statistics',
  maker: "maker's own figure",
};

const complete = (l: Latency) => (l.ttftMs && l.outputTokensPerSecond ? 0 : 1);
const methodRank = (l: Latency) => METHOD_ORDER.indexOf(l.kind);

/** A host's figures, best first (see the precedence above); [] when none was measured there. */
export function offerLatencies(m: Pick<Model, 'latency'>, provider: string | undefined): Latency[] {
  if (!provider) return [];
  return (m.latency ?? [])
    .filter((l) => l.provider === provider && (l.ttftMs || l.outputTokensPerSecond))
    .map((l, i) => ({ l, i }))
    .sort(
      (a, b) =>
        (a.l.kind === 'your-account' ? 0 : 1) - (b.l.kind === 'your-account' ? 0 : 1) ||
        complete(a.l) - complete(b.l) ||
        methodRank(a.l) - methodRank(b.l) ||
        (a.l.asOf < b.l.asOf ? 1 : a.l.asOf > b.l.asOf ? -1 : 0) ||
        a.i - b.i,
    )
    .map((x) => x.l);
}

/** The figure that stands for one offer, or null when nothing was measured on that host. */
export function offerLatency(m: Pick<Model, 'latency'>, provider: string | undefined): Latency | null {
  return offerLatencies(m, provider)[0] ?? null;
}

/** How a figure was measured, in words: "gateway live statistics (OpenRouter), median". */
export function describeMethod(l: Latency): string {
  const parts = [`${l.kind ? METHOD_WORDS[l.kind] : 'method not stated'}${l.measuredBy ? ` (${l.measuredBy})` : ''}`];
  if (l.statistic) parts.push(l.statistic === 'single' ? 'one request' : l.statistic);
  if (l.samples && l.kind === 'your-account') parts.push(`${l.samples} runs`);
  if (l.promptTokens) parts.push(`${l.promptTokens.toLocaleString('en-US')}-token prompts`);
  return parts.join(', ');
}

export interface EndToEnd {
  /** Milliseconds for one request: time to first token plus the output at the measured speed. */
  ms: number | null;
  /** Output tokens one request streams: the visible output times the reasoning factor, where one applies. */
  outputTokens: number;
  /** Why ms is null, or what it leaves out. */
  caveat?: string;
}

/**
 * End-to-end time of one request from one figure: time to first token + output tokens / speed.
 * Hidden reasoning tokens are streamed (and billed) as output, so they are counted at the
 * measured speed; where a source's time to first token already runs to the answer (reasoning
 * inside it, `includesReasoning`), only the visible output is added, and the caveat says the
 * reasoning is the measured run's. Where the source does not say, a reasoning model's figure errs
 * on the slow side.
 */
export function endToEnd(l: Latency | null, visibleOutput: number, reasoning?: ReasoningFactor | 'unknown'): EndToEnd {
  const inside = l?.includesReasoning === true && reasoning !== undefined && (reasoning === 'unknown' || reasoning.factor > 1);
  const factor = reasoning && reasoning !== 'unknown' && !inside ? reasoning.factor : 1;
  const outputTokens = Math.round(visibleOutput * factor);
  const caveat = inside
    ? 'reasoning inside the time to first token, at the measured run\'s setting'
    : reasoning === 'unknown'
      ? 'hidden reasoning tokens unmeasured: visible output only'
      : undefined;
  if (!l?.ttftMs) return { ms: null, outputTokens, caveat: 'time to first token unknown' };
  if (!l.outputTokensPerSecond) return { ms: null, outputTokens, caveat: 'output speed unknown' };
  const ms = Math.round(l.ttftMs + (outputTokens / l.outputTokensPerSecond) * 1000);
  return caveat ? { ms, outputTokens, caveat } : { ms, outputTokens };
}

/** "1.2 s" or "850 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Math.round(ms)} ms`;
}

/** Median and 90th percentile of samples (nearest-rank), with the spread (min, max). */
export function summarize(xs: number[]): { median: number; p90: number; min: number; max: number } {
  if (xs.length === 0) throw new Error('no samples');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  const p90 = s[Math.min(s.length - 1, Math.ceil(0.9 * s.length) - 1)]!;
  return { median, p90, min: s[0]!, max: s[s.length - 1]! };
}
