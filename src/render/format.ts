import type { Capabilities, Model, Offer } from '../catalog/schema.js';
import { billedPerSearch } from '../core/cost.js';
import { formatPrice } from '../core/money.js';

/** Small formatters shared by the renderers. "unknown" stands wherever a figure is missing. */

export const UNKNOWN = 'unknown';

export function formatTokens(n: number | undefined): string {
  if (n === undefined) return UNKNOWN;
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0 && n < 1_000_000) return `${n / 1000}K`;
  // Binary sizes read as people say them: 8192 -> 8K, 131072 -> 128K, 1048576 -> 1M.
  if (n >= 1_048_576 && n % 1_048_576 === 0) return `${n / 1_048_576}M`;
  if (n >= 1024 && n < 1_048_576 && n % 1024 === 0) return `${n / 1024}K`;
  if (n >= 1_000_000) return `${Number((n / 1_000_000).toPrecision(3))}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}K`;
  if (n >= 1000) return `${Number((n / 1000).toPrecision(3))}K`;
  return String(n);
}

export function formatParams(m: Pick<Model, 'parameters'>): string {
  const p = m.parameters;
  if (!p) return UNKNOWN;
  if (!p.disclosed || p.total === null) return 'not disclosed';
  const f = (n: number) =>
    n >= 1e12
      ? `${Number((n / 1e12).toPrecision(3))}T`
      : n >= 1e9
        ? `${Number((n / 1e9).toPrecision(3))}B`
        : `${Number((n / 1e6).toPrecision(3))}M`;
  return p.active ? `${f(p.total)} (${f(p.active)} active)` : f(p.total);
}

export const CAPABILITY_LABELS: Record<keyof Capabilities, string> = {
  tools: 'tools',
  structuredOutput: 'structured output',
  vision: 'vision',
  reasoning: 'reasoning',
  promptCaching: 'prompt caching',
  batchApi: 'batch API',
  fineTuning: 'fine-tuning',
  streaming: 'streaming',
};

/** yes / no / unknown for one capability. */
export function capability(m: Pick<Model, 'capabilities'>, k: keyof Capabilities): string {
  const v = m.capabilities?.[k];
  return v === undefined ? UNKNOWN : v ? 'yes' : 'no';
}

export function formatOfferPrices(o: Offer): { input: string; output: string; cached: string; batch: string } {
  const p = o.prices;
  if (billedPerSearch(p)) return { input: `${formatPrice(p.perSearch)}/search`, output: 'n/a', cached: 'n/a', batch: 'n/a' };
  return {
    input: formatPrice(p.input),
    output: p.output === undefined && p.input !== undefined ? 'n/a' : formatPrice(p.output),
    cached: p.cacheRead === undefined ? '-' : formatPrice(p.cacheRead),
    batch: p.batchInput === undefined && p.batchOutput === undefined ? '-' : `${formatPrice(p.batchInput)} / ${formatPrice(p.batchOutput)}`,
  };
}

export function providerLabel(o: Offer): string {
  return `${o.provider}${o.providerModelId.endsWith(':free') ? ' (free variant)' : ''}`;
}

export function yesNo(v: boolean | undefined): string {
  return v === undefined ? UNKNOWN : v ? 'yes' : 'no';
}

export const CAPABILITY_NAMES = Object.keys(CAPABILITY_LABELS) as (keyof Capabilities)[];

/** A score as people read it: an arena's 1317.77973717 is 1317.78 (JSON keeps every digit). */
export function shownScore(n: number): string {
  return String(Number(n.toFixed(2)));
}
