import { calcPrice, findProvider } from '@pydantic/genai-prices';
import type { Catalog } from '../../src/catalog/store.js';
import { computeWorkloadCost } from '../../src/core/cost.js';
import { modelState, offerAt } from '../../src/core/lifecycle.js';

/**
 * The differential check of our makers' prices against genai-prices' own calculator: for every
 * model of the big makers that @pydantic/genai-prices' calcPrice prices on `day`, the cost of a
 * typical request (1,000 input and 200 output tokens; embeddings 1,000 input) on our maker offer.
 * Left out, each for a stated reason: audio, realtime, image and speech models (outside the
 * catalog's scope), hosts' listings filed under a maker (Claude on Google's list, -maas routes,
 * ":extended" variants), prices genai-prices itself says it imported from OpenRouter, and models
 * our lifecycle data says are retired on `day`.
 */

export const MAKERS: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistral',
  deepseek: 'deepseek',
  'x-ai': 'xai',
  cohere: 'cohere',
};

export interface DifferentialRow {
  provider: string;
  model: string;
  ours: { id: string; perRequest: number | null } | null;
  theirs: number;
  agrees: boolean;
}

export interface Differential {
  day: string;
  rows: DifferentialRow[];
  live: number;
  priced: number;
  agreeing: number;
}

interface GenaiModel {
  id: string;
  price_comments?: string;
}

export function priceDifferential(catalog: Catalog, day: string, tolerance = 0.005): Differential {
  const rows: DifferentialRow[] = [];
  for (const [provider, lab] of Object.entries(MAKERS)) {
    const p = findProvider({ providerId: provider }) as unknown as { models: GenaiModel[] } | undefined;
    for (const m of p?.models ?? []) {
      if (/realtime|tts|transcribe|image|audio|:|-maas$/.test(m.id)) continue;
      if (/imported from/i.test(m.price_comments ?? '')) continue;
      const embedding = /embed|rerank/.test(m.id);
      const usage = { input_tokens: 1000, output_tokens: embedding ? 0 : 200 };
      const r = calcPrice(usage as never, m.id, { providerId: provider, timestamp: new Date(`${day}T12:00:00Z`) });
      if (!r || !(r.total_price > 0)) continue;
      const model = catalog.findExact(m.id)?.model;
      if (model && modelState(model, day).state === 'retired') continue;
      if (model && model.lab !== lab) continue;
      const ref = model?.offers.find((o) => o.reference && o.provider === lab);
      if (!model || !ref) {
        rows.push({ provider, model: m.id, ours: null, theirs: r.total_price, agrees: false });
        continue;
      }
      const w = { period: 'day' as const, requests: 1, input: 1000, output: model.category === 'chat' ? 200 : 0, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };
      const mine = computeWorkloadCost(offerAt(ref, day), model.category, w).periods.day;
      const agrees = mine !== null && Math.abs(mine - r.total_price) <= tolerance * r.total_price;
      rows.push({ provider, model: m.id, ours: { id: model.id, perRequest: mine }, theirs: Number(r.total_price.toPrecision(12)), agrees });
    }
  }
  return {
    day,
    rows,
    live: rows.length,
    priced: rows.filter((r) => r.ours?.perRequest != null).length,
    agreeing: rows.filter((r) => r.agrees).length,
  };
}
