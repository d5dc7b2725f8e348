import { modelKey } from './names.js';
import type { CatalogFile, Model } from './schema.js';
import { packCoverage } from './recent.js';
import { summarize } from './summary.js';
import { packListing } from './listing.js';
import { buildViews, viewBenchmarkTable, type DroppedCounts } from './views.js';
import { listed } from '../core/list.js';
import type { UpdateStamp } from './cache.js';

/**
 * The bundled catalog's on-disk form: JSON lines. Line 1 is a header (sources, stats, and byte
 * offsets); each further line is one model with its offers; then one line of ranking views per
 * category, the listing line (every model as `models` lists it), and last the names line (the ids in
 * line order and the name index). A command reads the header and only the lines it uses: two
 * models' lines for `compare` (and the names line, to find them), one category's views and a few
 * models for `recommend`, the listing for `models`.
 */

export interface CatalogHeader {
  schemaVersion: 1;
  builtAt?: string;
  sources?: CatalogFile['sources'];
  stats?: Record<string, unknown>;
  /** Byte offset of each model's line in the file (UTF-8), so a line is decoded only when used. */
  offsets: number[];
  /** Byte offset just past the last model's line. */
  modelsEnd: number;
  /** Byte range of the names line (see NamesLine). */
  names: [number, number];
  /** Byte range of the listing line: every model as `models` lists and filters it (packed rows, see listing.ts; ListedModel objects when there is no listingIndex). */
  listing?: [number, number];
  /** Byte range of the listing's index line (ListingIndex): where each row starts, and the lifecycle dates filters need. */
  listingIndex?: [number, number];
  /** Byte range of the summary line: what `catalog info` counts (CatalogSummary). */
  summary?: [number, number];
  /** Byte range of the coverage line: the summary's candidates packed for per-task counts (PackedCoverage). */
  coverage?: [number, number];
  /** One letter per model, its category (c chat, e embedding, r reranking, m moderation). */
  categories?: string;
  /** Indexes of the models with any benchmark score: the only candidates `recommend` rates. */
  rated?: number[];
  /** Byte range of each category's line of ranking views (see RankingView), by category letter. */
  views?: Record<string, [number, number]>;
  /** Rated models left out of the views, by category letter and reason (see buildViews). */
  viewsDropped?: DroppedCounts;
  /** The benchmark ids the views' rows refer to by index. */
  viewBenchmarks?: string[];
  /** Set in a catalog built by `catalog update` (see cache.ts); absent in the bundled one. */
  update?: UpdateStamp;
}

export interface NamesLine {
  /** Model ids in line order, one per line. */
  ids: string;
  /**
   * The name index as text: a line "key<TAB>index" per normalised name (id, alias, provider model
   * id), index -1 when ambiguous. Kept as one string because parsing it costs nothing, while a
   * JSON object of ten thousand keys costs milliseconds on every start.
   */
  names: string;
}

export const CATEGORY_LETTER = { chat: 'c', embedding: 'e', reranking: 'r', moderation: 'm' } as const;

/** Lookups in the text form of the name index. */
export class NameIndex {
  constructor(private readonly text: string) {}

  static fromRecord(names: Record<string, number>): NameIndex {
    return new NameIndex(
      `\n${Object.entries(names)
        .map(([k, i]) => `${k}\t${i}`)
        .join('\n')}\n`,
    );
  }

  get(key: string): number | undefined {
    if (key.includes('\n') || key.includes('\t')) return undefined;
    const at = this.text.indexOf(`\n${key}\t`);
    if (at < 0) return undefined;
    const from = at + key.length + 2;
    return Number(this.text.slice(from, this.text.indexOf('\n', from)));
  }

  *entries(): Generator<[string, number]> {
    for (const line of this.text.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) yield [line.slice(0, tab), Number(line.slice(tab + 1))];
    }
  }

  get textForm(): string {
    return this.text;
  }
}

/** Keys a model answers to, for the name index. */
export function namesOf(m: Model): string[] {
  const out = new Set<string>([modelKey(m.id)]);
  for (const a of m.aliases ?? []) out.add(modelKey(a));
  return [...out];
}

export function buildNameIndex(models: Model[]): Record<string, number> {
  const names: Record<string, number> = Object.create(null);
  // Ids first, so an id always beats someone else's alias.
  models.forEach((m, i) => {
    names[modelKey(m.id)] = i;
  });
  models.forEach((m, i) => {
    for (const k of namesOf(m)) {
      const cur = names[k];
      if (cur === undefined) names[k] = i;
      else if (cur !== i && modelKey(models[cur]!.id) !== k) names[k] = -1;
    }
  });
  return names;
}

export function serializeCatalog(c: CatalogFile, update?: UpdateStamp): string {
  const lines = c.models.map((m) => JSON.stringify(m));
  const rated = c.models.flatMap((m, i) => (m.benchmarks?.length ? [i] : []));
  const { views, dropped } = buildViews(c.models, rated, c.builtAt);
  const letters = [...new Set(views.map((v) => v.c))].sort();
  const viewLines = letters.map((l) => JSON.stringify(views.filter((v) => v.c === l)));
  const namesLine = JSON.stringify({
    ids: c.models.map((m) => m.id).join('\n'),
    names: NameIndex.fromRecord(buildNameIndex(c.models)).textForm,
  } satisfies NamesLine);
  const listing = packListing(c.models.map(listed));
  const summary = summarize(c.models);
  const coverageLine = JSON.stringify(packCoverage(summary.candidates, summary.chatTasks));
  const tail = [...viewLines, coverageLine, JSON.stringify(summary), listing.index, listing.rows, namesLine];
  const header = (offsets: number[], ranges: [number, number][], modelsEnd: number) =>
    JSON.stringify({
      schemaVersion: c.schemaVersion,
      builtAt: c.builtAt,
      sources: c.sources,
      stats: c.stats,
      offsets,
      modelsEnd,
      names: ranges[tail.length - 1] ?? [0, 0],
      listing: ranges[tail.length - 2] ?? [0, 0],
      listingIndex: ranges[tail.length - 3] ?? [0, 0],
      summary: ranges[tail.length - 4] ?? [0, 0],
      coverage: ranges[tail.length - 5] ?? [0, 0],
      categories: c.models.map((m) => CATEGORY_LETTER[m.category]).join(''),
      rated,
      views: Object.fromEntries(letters.map((l, i) => [l, ranges[i] ?? [0, 0]])),
      viewsDropped: dropped,
      viewBenchmarks: viewBenchmarkTable(),
      ...(update ? { update } : {}),
    } satisfies CatalogHeader);
  // The header holds the offsets of the lines after it, so its own length must settle first.
  let offsets = lines.map(() => 0);
  let ranges: [number, number][] = [];
  let modelsEnd = 0;
  for (let pass = 0; pass < 8; pass++) {
    let at = Buffer.byteLength(header(offsets, ranges, modelsEnd)) + 1;
    const place = (l: string): [number, number] => {
      const range: [number, number] = [at, at + Buffer.byteLength(l)];
      at = range[1] + 1;
      return range;
    };
    const next = lines.map((l) => place(l)[0]);
    const nextEnd = at;
    const nextRanges = tail.map(place);
    const settled = next.every((o, i) => o === offsets[i]) && nextEnd === modelsEnd && nextRanges.every((r, i) => r[0] === ranges[i]?.[0]);
    offsets = next;
    modelsEnd = nextEnd;
    ranges = nextRanges;
    if (settled) break;
  }
  return `${header(offsets, ranges, modelsEnd)}\n${[...lines, ...tail].join('\n')}\n`;
}
