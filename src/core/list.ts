import type { Capabilities, Category, Lifecycle, LifecycleState, Model, Offer } from '../catalog/schema.js';
import { CAUTIOUS_TODAY, stateOf } from './lifecycle.js';
import { billedPerSearch } from './cost.js';
import { isUsable } from './offers.js';

/** Filtering and sorting for `models`. Pure. */


export interface ModelFilter {
  category?: Category;
  provider?: string;
  lab?: string;
  capabilities?: (keyof Capabilities)[];
  openWeights?: boolean;
  minContext?: number;
  maxInputPrice?: number;
  maxOutputPrice?: number;
  search?: string;
  includeDeprecated?: boolean;
  includeRetired?: boolean;
  /** The day lifecycle dates are read against (YYYY-MM-DD). */
  today?: string;
}

export const SORT_KEYS = ['id', 'price', 'input-price', 'output-price', 'context', 'release'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ModelRow {
  id: string;
  name: string;
  lab: string;
  category: Category;
  contextWindow: number | null;
  /** Prices of the reference offer, or of the cheapest plausible one when there is no reference. */
  inputPrice: number | null;
  outputPrice: number | null;
  perSearch: number | null;
  priceProvider: string | null;
  offers: number;
  openWeights: boolean | null;
  releaseDate: string | null;
  /** preview, active, deprecated or retired on the day asked; kind for what is not a model. */
  state: LifecycleState;
  shutdownOn: string | null;
  kind: string | null;
}

/**
 * What listing and filtering read of a model: its own fields, which providers sell it, how many
 * offers it has and its headline offer. The bundled catalog stores one per model, worked out at
 * build time, so `models` need not parse every model's full line.
 */
export interface ListedModel {
  id: string;
  name: string;
  lab: string;
  family?: string;
  aliases?: string[];
  category: Category;
  deprecated?: boolean;
  /** The lifecycle record without its source: enough to work out the state on any day. */
  lifecycle?: Pick<Lifecycle, 'status' | 'deprecatedOn' | 'shutdownOn' | 'successor' | 'confidence'>;
  kind?: Model['kind'];
  /** Sold on its maker's own API (it has a reference offer). */
  maker?: boolean;
  contextWindow?: number;
  openWeights?: boolean;
  capabilities?: Capabilities;
  releaseDate?: string;
  providers: string[];
  offerCount: number;
  headline?: { provider: string; prices: Offer['prices'] };
}

export function listed(m: Model): ListedModel {
  const o = headlineOffer(m);
  const l: ListedModel = { id: m.id, name: m.name, lab: m.lab, category: m.category, providers: [], offerCount: m.offers.length };
  if (m.family !== undefined) l.family = m.family;
  if (m.aliases?.length) l.aliases = m.aliases;
  if (m.deprecated) l.deprecated = true;
  if (m.lifecycle) {
    const { status, deprecatedOn, shutdownOn, successor, confidence } = m.lifecycle;
    l.lifecycle = { status, confidence };
    if (deprecatedOn) l.lifecycle.deprecatedOn = deprecatedOn;
    if (shutdownOn) l.lifecycle.shutdownOn = shutdownOn;
    if (successor) l.lifecycle.successor = successor;
  }
  if (m.kind) l.kind = m.kind;
  if (m.offers.some((o) => o.reference)) l.maker = true;
  if (m.contextWindow !== undefined) l.contextWindow = m.contextWindow;
  if (m.openWeights !== undefined) l.openWeights = m.openWeights;
  if (m.capabilities) l.capabilities = m.capabilities;
  if (m.releaseDate !== undefined) l.releaseDate = m.releaseDate;
  l.providers = [...new Set(m.offers.map((x) => x.provider))];
  if (o) l.headline = { provider: o.provider, prices: o.prices };
  return l;
}

/** The offer whose prices stand for the model in lists: the reference, else the cheapest plausible. */
export function headlineOffer(m: Model): Offer | undefined {
  const usable = m.offers.filter((o) => isUsable(o) && (o.prices.input !== undefined || o.prices.perSearch !== undefined));
  const ref = usable.find((o) => o.reference);
  if (ref) return ref;
  return usable.sort((a, b) => (a.prices.input ?? a.prices.perSearch ?? Infinity) - (b.prices.input ?? b.prices.perSearch ?? Infinity))[0];
}

export function toRow(m: ListedModel, today = CAUTIOUS_TODAY): ModelRow {
  const life = stateOf(m.lifecycle as Lifecycle | undefined, today, m.deprecated);
  const o = m.headline;
  // Per-search rerankers list a token price of 0 beside their real, per-search price.
  const perSearchOnly = billedPerSearch(o?.prices);
  return {
    id: m.id,
    name: m.name,
    lab: m.lab,
    category: m.category,
    contextWindow: m.contextWindow ?? null,
    inputPrice: perSearchOnly ? null : (o?.prices.input ?? null),
    outputPrice: perSearchOnly ? null : (o?.prices.output ?? null),
    perSearch: o?.prices.perSearch ?? null,
    priceProvider: o?.provider ?? null,
    offers: m.offerCount,
    openWeights: m.openWeights ?? null,
    releaseDate: m.releaseDate ?? null,
    state: life.state,
    shutdownOn: life.shutdownOn ?? null,
    kind: m.kind ?? null,
  };
}

/** Whether the filter lists a model in this lifecycle state (retired and deprecated ones only when asked). */
export function listedInState(lifecycle: ListedModel['lifecycle'], deprecated: boolean | undefined, f: ModelFilter): boolean {
  const state = stateOf(lifecycle as Lifecycle | undefined, f.today ?? CAUTIOUS_TODAY, deprecated).state;
  if (state === 'retired' && !f.includeRetired) return false;
  if (state === 'deprecated' && !f.includeDeprecated && !f.includeRetired) return false;
  return true;
}

/** Whether a filter asks for nothing beyond the lifecycle state and the category (what the listing's index answers). */
export function stateAndCategoryOnly(f: ModelFilter): boolean {
  return (
    !f.provider &&
    !f.lab &&
    !f.capabilities?.length &&
    !f.openWeights &&
    f.minContext === undefined &&
    f.maxInputPrice === undefined &&
    f.maxOutputPrice === undefined &&
    !f.search
  );
}

export function matches(m: ListedModel, f: ModelFilter): boolean {
  if (!listedInState(m.lifecycle, m.deprecated, f)) return false;
  if (f.category && m.category !== f.category) return false;
  if (f.lab && m.lab !== f.lab.toLowerCase()) return false;
  if (f.provider && !m.providers.includes(f.provider.toLowerCase())) return false;
  if (f.openWeights && m.openWeights !== true) return false;
  if (f.minContext !== undefined && (m.contextWindow ?? 0) < f.minContext) return false;
  for (const c of f.capabilities ?? []) if (m.capabilities?.[c] !== true) return false;
  if (f.maxInputPrice !== undefined || f.maxOutputPrice !== undefined) {
    const o = m.headline;
    if (f.maxInputPrice !== undefined && (o?.prices.input === undefined || o.prices.input > f.maxInputPrice)) return false;
    if (f.maxOutputPrice !== undefined && (o?.prices.output === undefined || o.prices.output > f.maxOutputPrice)) return false;
  }
  if (f.search) {
    const q = f.search.toLowerCase();
    const hay = [m.id, m.name, m.lab, m.family ?? '', ...(m.aliases ?? [])].join(' ').toLowerCase();
    if (!q.split(/\s+/).every((w) => hay.includes(w))) return false;
  }
  return true;
}

/** How well a row matches a search: exact id 0, id prefix 1, id contains 2, elsewhere 3. */
export function searchRank(r: Pick<ModelRow, 'id' | 'name'>, search: string): number {
  const q = search.toLowerCase().trim();
  const id = r.id.toLowerCase();
  if (id === q || r.name.toLowerCase() === q) return 0;
  if (id.startsWith(q)) return 1;
  if (id.includes(q)) return 2;
  return 3;
}

export function sortRows(rows: ModelRow[], key: SortKey, search?: string): ModelRow[] {
  if (search && key === 'id')
    return [...rows].sort((a, b) => searchRank(a, search) - searchRank(b, search) || a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
  const nullsLast = (a: number | string | null, b: number | string | null, dir = 1) => {
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return a < b ? -dir : a > b ? dir : 0;
  };
  const byId = (a: ModelRow, b: ModelRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const cmp: Record<SortKey, (a: ModelRow, b: ModelRow) => number> = {
    id: byId,
    price: (a, b) => nullsLast(blended(a), blended(b)) || byId(a, b),
    'input-price': (a, b) => nullsLast(a.inputPrice ?? a.perSearch, b.inputPrice ?? b.perSearch) || byId(a, b),
    'output-price': (a, b) => nullsLast(a.outputPrice, b.outputPrice) || byId(a, b),
    context: (a, b) => nullsLast(a.contextWindow, b.contextWindow, -1) || byId(a, b),
    release: (a, b) => nullsLast(a.releaseDate, b.releaseDate, -1) || byId(a, b),
  };
  return [...rows].sort(cmp[key]);
}

/** 3:1 input:output blend per 1M tokens, the usual single-number price. */
export function blended(r: Pick<ModelRow, 'inputPrice' | 'outputPrice' | 'perSearch'>): number | null {
  if (r.inputPrice === null) return r.perSearch;
  return (3 * r.inputPrice + (r.outputPrice ?? 0)) / 4;
}
