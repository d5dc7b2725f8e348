import { modelState } from '../core/lifecycle.js';
import type { Model, Offer, Prices } from './schema.js';

/**
 * What changed between two catalogs (the one in use before `catalog update` and the one it
 * built): models and offers added and removed, every price that moved, and models whose life
 * cycle moved on (deprecated, retired). Offers are keyed by model id and provider.
 */

export const DIFFED_PRICES = [
  'input',
  'output',
  'cacheRead',
  'cacheWrite',
  'batchInput',
  'batchOutput',
  'perSearch',
  'perRequest',
] as const;
export type DiffedPrice = (typeof DIFFED_PRICES)[number];

export interface PriceChange {
  model: string;
  provider: string;
  /** The model maker's own offer. */
  reference: boolean;
  price: DiffedPrice;
  /** null: the price was (or is now) unknown. */
  from: number | null;
  to: number | null;
  /** Where the new figure comes from, and the day it was true. */
  source: string;
  asOf: string;
}

export interface LifecycleChange {
  model: string;
  from: string;
  to: string;
  shutdownOn?: string;
  successor?: string;
}

export interface CatalogDiff {
  models: { before: number; after: number; added: string[]; removed: string[] };
  offers: { before: number; after: number; added: { model: string; provider: string }[]; removed: { model: string; provider: string }[] };
  priceChanges: PriceChange[];
  lifecycle: LifecycleChange[];
}

export function diffCatalogs(before: Model[], after: Model[], today: string): CatalogDiff {
  const old = new Map(before.map((m) => [m.id, m]));
  const now = new Map(after.map((m) => [m.id, m]));
  const diff: CatalogDiff = {
    models: { before: before.length, after: after.length, added: [], removed: [] },
    offers: { before: countOffers(before), after: countOffers(after), added: [], removed: [] },
    priceChanges: [],
    lifecycle: [],
  };
  for (const m of after) {
    const was = old.get(m.id);
    if (!was) {
      diff.models.added.push(m.id);
      continue;
    }
    for (const [p, o] of pairOffers(was.offers, m.offers)) {
      if (!p) diff.offers.added.push({ model: m.id, provider: o!.provider });
      else if (!o) diff.offers.removed.push({ model: m.id, provider: p.provider });
      else diff.priceChanges.push(...priceChanges(m.id, p, o));
    }
    const a = modelState(was, today);
    const b = modelState(m, today);
    if (a.state !== b.state)
      diff.lifecycle.push({
        model: m.id,
        from: a.state,
        to: b.state,
        ...(m.lifecycle?.shutdownOn ? { shutdownOn: m.lifecycle.shutdownOn } : {}),
        ...(m.lifecycle?.successor ? { successor: m.lifecycle.successor } : {}),
      });
  }
  for (const m of before) if (!now.has(m.id)) diff.models.removed.push(m.id);
  // Offers of added and removed models count as added and removed offers too.
  for (const id of diff.models.added) for (const o of now.get(id)!.offers) diff.offers.added.push({ model: id, provider: o.provider });
  for (const id of diff.models.removed) for (const o of old.get(id)!.offers) diff.offers.removed.push({ model: id, provider: o.provider });
  diff.priceChanges.sort((x, y) => Number(y.reference) - Number(x.reference) || (x.model < y.model ? -1 : x.model > y.model ? 1 : 0));
  return diff;
}

/**
 * Old and new offers of one model, paired: by provider and the provider's model id, then, for a
 * provider left with one unpaired offer on each side, by provider alone (a renamed route).
 */
function pairOffers(before: Offer[], after: Offer[]): [Offer | undefined, Offer | undefined][] {
  const key = (o: Offer) => `${o.provider}\n${o.providerModelId}`;
  const oldByKey = new Map(before.map((o) => [key(o), o]));
  const pairs: [Offer | undefined, Offer | undefined][] = [];
  const leftNew: Offer[] = [];
  for (const o of after) {
    const p = oldByKey.get(key(o));
    if (p) {
      pairs.push([p, o]);
      oldByKey.delete(key(o));
    } else leftNew.push(o);
  }
  const leftOld = [...oldByKey.values()];
  const alone = (list: Offer[], provider: string) => list.filter((x) => x.provider === provider).length === 1;
  for (const o of leftNew) {
    const i = leftOld.findIndex((p) => p.provider === o.provider);
    if (i >= 0 && alone(leftNew, o.provider) && alone(leftOld, o.provider)) pairs.push([leftOld.splice(i, 1)[0], o]);
    else pairs.push([undefined, o]);
  }
  for (const p of leftOld) pairs.push([p, undefined]);
  return pairs;
}

function priceChanges(model: string, before: Offer, after: Offer): PriceChange[] {
  const out: PriceChange[] = [];
  for (const k of DIFFED_PRICES) {
    const from = value(before.prices, k);
    const to = value(after.prices, k);
    if (from === to) continue;
    out.push({
      model,
      provider: after.provider,
      reference: after.reference === true,
      price: k,
      from,
      to,
      source: after.source,
      asOf: after.asOf,
    });
  }
  return out;
}

function value(p: Prices, k: DiffedPrice): number | null {
  const v = p[k];
  return typeof v === 'number' ? v : null;
}

function countOffers(models: Model[]): number {
  return models.reduce((n, m) => n + m.offers.length, 0);
}
