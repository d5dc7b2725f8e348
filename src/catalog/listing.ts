import type { Capabilities } from './schema.js';
import type { ListedModel } from '../core/list.js';
import { decodeCaps, encodeCaps, packPrices, unpackPrices } from './views.js';

/**
 * The listing as the catalog file stores it: `models` reads every model's list entry
 * (ListedModel), so the file keeps them packed and in two lines.
 *
 * - The rows line: `[row, row, ...]`, one array per model in catalog order (field by position,
 *   providers by number, capabilities as letters, prices packed as in the views). A row can be
 *   parsed alone from its bytes.
 * - The index line: where each row starts, the provider table, and what the usual filter needs
 *   (each model's lifecycle dates), so a plain `models` works out which models are listed today
 *   and parses only the rows it shows.
 */

/** [id, name, lab, category, flags, lifecycle, kind, context, capabilities, release, providers, offers, headline, family, aliases] */
export type ListingRow = [
  string,
  string,
  string,
  string,
  string,
  [string, string, string | null, string | null, string | null] | null,
  string | null,
  number | null,
  string,
  string | null,
  number[],
  number,
  (number | null | object)[] | null,
  string | null,
  string[] | null,
];

export interface ListingIndex {
  /** Provider ids the rows refer to by number. */
  p: string[];
  /** Byte offset of each row in the rows line, and one more: row i is the bytes [o[i], o[i + 1] - 1). */
  o: number[];
  /** Whether the rows are in id order (sortRows' order): then a list by id needs no sort. */
  sorted: boolean;
  /** [row, status, confidence, deprecatedOn, shutdownOn] of every model with a lifecycle record. */
  life: [number, string, string, string | null, string | null][];
  /** Rows of models the databases mark deprecated without a record. */
  deprecated: number[];
}

const decoded = new Map<string, Capabilities>();
/** Letters back to capabilities (see views.ts); models with the same letters share one (read-only) object. */
function sharedCaps(s: string): Capabilities {
  let c = decoded.get(s);
  if (!c) decoded.set(s, (c = decodeCaps(s)));
  return c;
}

const CATEGORY: Record<string, ListedModel['category']> = { c: 'chat', e: 'embedding', r: 'reranking', m: 'moderation' };

function packRow(m: ListedModel, provider: Map<string, number>): ListingRow {
  const l = m.lifecycle;
  return [
    m.id,
    m.name,
    m.lab,
    m.category[0]!,
    `${m.deprecated ? 'd' : ''}${m.maker ? 'm' : ''}${m.openWeights === true ? 'o' : m.openWeights === false ? 'c' : ''}${m.capabilities ? 'k' : ''}`,
    l ? [l.status, l.confidence, l.deprecatedOn ?? null, l.shutdownOn ?? null, l.successor ?? null] : null,
    m.kind ?? null,
    m.contextWindow ?? null,
    m.capabilities ? encodeCaps(m.capabilities) : '',
    m.releaseDate ?? null,
    m.providers.map((p) => provider.get(p)!),
    m.offerCount,
    m.headline ? [provider.get(m.headline.provider)!, ...packPrices(m.headline.prices)] : null,
    m.family ?? null,
    m.aliases ?? null,
  ];
}

export function unpackRow(r: ListingRow, providers: string[]): ListedModel {
  const [id, name, lab, cat, flags, life, kind, context, caps, release, provs, offerCount, headline, family, aliases] = r;
  const m: ListedModel = { id, name, lab, category: CATEGORY[cat]!, providers: provs.map((i) => providers[i]!), offerCount };
  if (family !== null) m.family = family;
  if (aliases !== null) m.aliases = aliases;
  if (flags.includes('d')) m.deprecated = true;
  if (life !== null) {
    const [status, confidence, deprecatedOn, shutdownOn, successor] = life;
    m.lifecycle = { status, confidence } as NonNullable<ListedModel['lifecycle']>;
    if (deprecatedOn !== null) m.lifecycle.deprecatedOn = deprecatedOn;
    if (shutdownOn !== null) m.lifecycle.shutdownOn = shutdownOn;
    if (successor !== null) m.lifecycle.successor = successor;
  }
  if (kind !== null) m.kind = kind as ListedModel['kind'];
  if (flags.includes('m')) m.maker = true;
  if (context !== null) m.contextWindow = context;
  if (flags.includes('o')) m.openWeights = true;
  else if (flags.includes('c')) m.openWeights = false;
  if (flags.includes('k')) m.capabilities = sharedCaps(caps);
  if (release !== null) m.releaseDate = release;
  if (headline !== null) {
    const [p, ...prices] = headline;
    m.headline = { provider: providers[p as number]!, prices: unpackPrices(prices as Parameters<typeof unpackPrices>[0]) };
  }
  return m;
}

/** The two lines: the index (JSON) and the rows (JSON), with the rows' byte offsets in the index. */
export function packListing(models: ListedModel[]): { index: string; rows: string } {
  const providers = [...new Set(models.flatMap((m) => [...m.providers, ...(m.headline ? [m.headline.provider] : [])]))].sort();
  const provider = new Map(providers.map((p, i) => [p, i]));
  const offsets: number[] = [];
  let at = 1; // after "["
  const parts = models.map((m) => {
    const s = JSON.stringify(packRow(m, provider));
    offsets.push(at);
    at += Buffer.byteLength(s) + 1; // the row and the comma (or "]") after it
    return s;
  });
  offsets.push(at); // one past the comma that would follow the last row: its end is this - 1, as for the others
  const index: ListingIndex = {
    p: providers,
    o: offsets,
    sorted: models.every((m, i) => i === 0 || models[i - 1]!.id < m.id),
    life: models.flatMap((m, i) => {
      const l = m.lifecycle;
      return l ? [[i, l.status, l.confidence, l.deprecatedOn ?? null, l.shutdownOn ?? null] as ListingIndex['life'][number]] : [];
    }),
    deprecated: models.flatMap((m, i) => (m.deprecated && !m.lifecycle ? [i] : [])),
  };
  return { index: JSON.stringify(index), rows: `[${parts.join(',')}]` };
}
