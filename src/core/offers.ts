import type { Model, Offer } from '../catalog/schema.js';
import { UserError } from '../errors.js';
import { periodCost } from './cost.js';
import { offerAt, offerRetired } from './lifecycle.js';
import type { Workload } from './workload.js';

/**
 * Choosing which offer prices a model. By default the reference offer (the maker's own API); a
 * model without one uses its cheapest plausible offer. Flagged offers (implausible price, $0 free
 * tier, no price) are never chosen silently: only by naming their provider.
 */

export type OfferChoice = 'reference' | 'cheapest' | 'provider' | 'fallback';

export interface PickedOffer {
  offer: Offer;
  choice: OfferChoice;
  /** Why this offer, in a sentence for people. */
  reason: string;
  warnings: string[];
}

export function isUsable(o: Offer): boolean {
  return !o.flags?.some((f) => f.kind === 'price-deviation' || f.kind === 'free' || f.kind === 'no-price');
}

export interface PickOptions {
  provider?: string;
  cheapest?: boolean;
  /** Providers the person can use (recommend/route --providers). */
  allowedProviders?: string[];
  /** The day asked (YYYY-MM-DD): a route its host has retired by then is not chosen. */
  today?: string;
}

export function pickOffer(model: Model, w: Workload, opts: PickOptions = {}): PickedOffer | undefined {
  // Prices in time: each offer as priced on the day asked (its dated list in force then).
  if (opts.today && model.offers.some((o) => o.history)) model = { ...model, offers: model.offers.map((o) => offerAt(o, opts.today!)) };
  if (opts.provider) {
    const wanted = opts.provider.toLowerCase();
    const offer = preferredRoute(model.offers.filter((o) => o.provider === wanted), opts.today);
    if (!offer) {
      const list = [...new Set(model.offers.map((o) => o.provider))].sort();
      throw new UserError(
        `${model.id} has no offer from provider "${opts.provider}"`,
        `providers selling ${model.id}: ${list.slice(0, 15).join(', ')}${list.length > 15 ? ', ...' : ''}`,
      );
    }
    const warnings = (offer.flags ?? []).filter((f) => f.kind !== 'sources-disagree').map((f) => `${offer.provider}: ${f.message}`);
    if (opts.today && offerRetired(offer, opts.today))
      warnings.push(`${offer.provider}: the host no longer serves this route (since ${offer.lifecycle!.shutdownOn ?? 'an unknown date'}, ${offer.lifecycle!.source})`);
    return { offer, choice: 'provider', reason: `provider ${offer.provider}, as asked`, warnings };
  }
  const allowed = (o: Offer) => !opts.allowedProviders || opts.allowedProviders.includes(o.provider);
  const live = (o: Offer) => !opts.today || !offerRetired(o, opts.today);
  const candidates = model.offers.filter((o) => isUsable(o) && allowed(o) && live(o));
  const reference = candidates.find((o) => o.reference);
  // The maker's own offer, when it can price the workload, needs no comparison.
  if (reference && !opts.cheapest && periodCost(reference, model.category, w, 'day') !== null)
    return { offer: reference, choice: 'reference', reason: "reference offer: the maker's own API", warnings: [] };
  const day = new Map<Offer, number>();
  for (const o of candidates) {
    const c = periodCost(o, model.category, w, 'day');
    if (c !== null) day.set(o, c);
  }
  const usable = [...day.keys()];
  const cheapest = cheapestOf(usable, model, w, day);
  if (!cheapest) return undefined;
  if (opts.cheapest) return { offer: cheapest, choice: 'cheapest', reason: 'the cheapest plausible offer for this workload', warnings: [] };
  // Without the maker's own price, the typical market price stands in: the median offer, not the
  // cheapest listing, which is where a reseller's too-good-to-be-true price would sit.
  const typical = medianOf(usable, model, w, day)!;
  return {
    offer: typical,
    choice: 'fallback',
    reason: model.offers.some((o) => o.reference)
      ? "the maker's own offer cannot price this workload: the typical (median) host price instead"
      : `no maker API: the typical (median) price of ${usable.length} host${usable.length > 1 ? 's' : ''}`,
    warnings: [],
  };
}

/**
 * Of one provider's routes to a model (Groq's versatile and specdec), the one to price: a live,
 * plausible, priced route first, then the one more sources agree on, then the most recently dated.
 */
function preferredRoute(offers: Offer[], today?: string): Offer | undefined {
  const score = (o: Offer) =>
    (today && offerRetired(o, today) ? 0 : 8) + (isUsable(o) ? 4 : 0) + (o.providerModelId.endsWith(':free') ? 0 : 2) + (o.reference ? 1 : 0);
  return [...offers].sort(
    (a, b) =>
      score(b) - score(a) ||
      (b.alternatives?.length ?? 0) - (a.alternatives?.length ?? 0) ||
      (b.asOf ?? '').localeCompare(a.asOf ?? '') ||
      a.providerModelId.length - b.providerModelId.length,
  )[0];
}

/** The offer at the lower median of workload cost. */
export function medianOf(offers: Offer[], model: Model, w: Workload, known?: Map<Offer, number>): Offer | undefined {
  const priced = offers
    .map((o) => ({ o, c: known?.get(o) ?? periodCost(o, model.category, w, 'day') }))
    .filter((x): x is { o: Offer; c: number } => x.c !== null)
    .sort((a, b) => a.c - b.c || (a.o.provider < b.o.provider ? -1 : 1));
  return priced[Math.floor((priced.length - 1) / 2)]?.o;
}

export function cheapestOf(offers: Offer[], model: Model, w: Workload, known?: Map<Offer, number>): Offer | undefined {
  let best: { o: Offer; c: number } | undefined;
  for (const o of offers) {
    const c = known?.get(o) ?? periodCost(o, model.category, w, 'day');
    if (c === null) continue;
    if (!best || c < best.c || (c === best.c && o.reference)) best = { o, c };
  }
  return best?.o;
}

/** The price ladder: offers cheapest first for the workload, unpriceable ones last. */
export function priceLadder(model: Model, w: Workload): { offer: Offer; day: number | null }[] {
  return model.offers
    .map((offer) => ({ offer, day: periodCost(offer, model.category, w, 'day') }))
    .sort((a, b) => {
      // Plausible offers first, then flagged ones, then those without a price.
      const ua = isUsable(a.offer) ? 0 : 1;
      const ub = isUsable(b.offer) ? 0 : 1;
      if (ua !== ub && a.day !== null && b.day !== null) return ua - ub;
      if (a.day === null && b.day === null) return a.offer.provider < b.offer.provider ? -1 : 1;
      if (a.day === null) return 1;
      if (b.day === null) return -1;
      return a.day - b.day || (a.offer.reference ? -1 : b.offer.reference ? 1 : a.offer.provider < b.offer.provider ? -1 : 1);
    });
}
