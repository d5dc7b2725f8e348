import type { Model, Offer } from '../catalog/schema.js';
import type { Resolved } from '../catalog/store.js';
import type { LifecycleNotice, LifecycleStatus } from './lifecycle.js';
import { priceLadder } from './offers.js';
import type { Workload } from './workload.js';

/**
 * The model card behind `show`: the model as catalogued, its offers as a price ladder (cheapest
 * first for a 3:1 input:output token mix, or per search for rerankers), and the reference offer.
 */

export const LADDER_NOTE = 'offers sorted by price for a 3:1 mix of input and output tokens (rerankers: per search); unpriced last';

export function ladderWorkload(model: Pick<Model, 'category'>): Workload {
  const base = { period: 'day' as const, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };
  if (model.category === 'reranking') return { ...base, searches: 1000 };
  return { ...base, inputTokens: 3_000_000, outputTokens: model.category === 'chat' ? 1_000_000 : 0 };
}

export interface ModelCard {
  schemaVersion: 1;
  command: 'show';
  model: Model;
  /** Offers cheapest first; `model.offers` holds the same offers in this order. */
  referenceOffer: string | null;
  ladderNote: string;
  flaggedOffers: number;
  /** The model's state on `today`, with its dates, source and successor. */
  lifecycle?: LifecycleStatus;
  /** The line said first when the model is retired or deprecated. */
  notices?: LifecycleNotice[];
  /** How the name asked for was understood, when it was not the model's own id. */
  resolvedFrom?: Resolved['via'] | null;
  today?: string;
}

export function buildModelCard(
  model: Model,
  life: Pick<ModelCard, 'lifecycle' | 'notices' | 'resolvedFrom' | 'today'> = {},
): ModelCard {
  const ladder = priceLadder(model, ladderWorkload(model)).map((l) => l.offer);
  const reference = ladder.find((o) => o.reference);
  return {
    schemaVersion: 1,
    command: 'show',
    model: { ...model, offers: ladder },
    referenceOffer: reference ? offerId(reference) : null,
    ladderNote: LADDER_NOTE,
    flaggedOffers: ladder.filter((o) => o.flags?.some((f) => f.kind === 'price-deviation')).length,
    ...life,
  };
}

export function offerId(o: Offer): string {
  return `${o.provider}/${o.providerModelId}`;
}
