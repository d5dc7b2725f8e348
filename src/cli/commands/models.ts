import type { Catalog } from '../../catalog/store.js';
import { listedInState, matches, SORT_KEYS, sortRows, stateAndCategoryOnly, toRow, type ListedModel, type ModelFilter, type ModelRow, type SortKey } from '../../core/list.js';
import { formatPrice } from '../../core/money.js';
import { UserError } from '../../errors.js';
import { formatTokens } from '../../render/format.js';
import type { Grid } from '../../render/table.js';
import { parseCapabilities } from '../capabilities.js';
import type { Context } from '../context.js';
import { number, oneOf, parseFlags, quantity, text, wholeNumber } from '../flags.js';

const MODELS_FLAGS = {
  category: oneOf(['chat', 'embedding', 'reranking', 'moderation'] as const),
  provider: text,
  lab: text,
  capability: text,
  minContext: quantity,
  maxInputPrice: number(0, 1e6, 'a price; use USD per 1M tokens such as 0.5 or $2.50'),
  maxOutputPrice: number(0, 1e6, 'a price; use USD per 1M tokens such as 0.5 or $2.50'),
  search: text,
  sort: oneOf(SORT_KEYS),
  limit: wholeNumber(0, 1_000_000),
};

export interface ModelsResult {
  schemaVersion: 1;
  command: 'models';
  total: number;
  matched: number;
  shown: number;
  sort: string;
  priceNote: string;
  models: ModelRow[];
}

/**
 * The rows a filter lists, sorted, the first `limit` of them (0: all). The usual list (by id,
 * filtered by state and category at most) is worked out from the listing's index, parsing only
 * the rows shown; any other filter or order reads every model's entry.
 */
export function listModels(catalog: Catalog, filter: ModelFilter, sort: SortKey, limit: number, search: string | undefined) {
  const index = catalog.listingIndex();
  const letters = catalog.categoryLetters;
  if (index?.sorted && letters && sort === 'id' && stateAndCategoryOnly(filter)) {
    const count = index.o.length - 1;
    const life = new Map(index.life.map(([i, status, confidence, deprecatedOn, shutdownOn]) => [i, { status, confidence, ...(deprecatedOn !== null ? { deprecatedOn } : {}), ...(shutdownOn !== null ? { shutdownOn } : {}) }]));
    const deprecated = new Set(index.deprecated);
    const letter = filter.category?.[0];
    const matching: number[] = [];
    for (let i = 0; i < count; i++) {
      if (letter && letters[i] !== letter) continue;
      if (listedInState(life.get(i) as ListedModel['lifecycle'], deprecated.has(i), filter)) matching.push(i);
    }
    const page = limit === 0 ? matching : matching.slice(0, limit);
    return { total: count, matched: matching.length, shown: catalog.listedRows(page).map((m) => toRow(m, filter.today)) };
  }
  const all = catalog.listing();
  const rows = sortRows(
    all.filter((m) => matches(m, filter)).map((m) => toRow(m, filter.today)),
    sort,
    search,
  );
  return { total: all.length, matched: rows.length, shown: limit === 0 ? rows : rows.slice(0, limit) };
}

export async function modelsCommand(ctx: Context, raw: Record<string, unknown>): Promise<void> {
  const format = ctx.format(raw as { json?: boolean; format?: string });
  const f = parseFlags(MODELS_FLAGS, raw);
  const sort = f.sort ?? 'id';
  const limit = f.limit ?? 50;
  const filter: ModelFilter = {
    category: f.category,
    provider: f.provider,
    lab: f.lab,
    capabilities: f.capability ? parseCapabilities(f.capability, '--capability') : undefined,
    openWeights: raw.openWeights === true,
    minContext: f.minContext,
    maxInputPrice: f.maxInputPrice,
    maxOutputPrice: f.maxOutputPrice,
    search: f.search,
    includeDeprecated: raw.includeDeprecated === true,
    includeRetired: raw.includeRetired === true,
    today: ctx.today(),
  };
  const catalog = await ctx.catalog();
  const { total, matched, shown } = listModels(catalog, filter, sort, limit, f.search);
  const result: ModelsResult = {
    schemaVersion: 1,
    command: 'models',
    total,
    matched,
    shown: shown.length,
    sort,
    priceNote: "USD per 1M tokens from the maker's own offer, or the cheapest plausible host when the maker sells none",
    models: shown,
  };
  if (format === 'json') return ctx.printJson(result);
  const { renderBox } = await import('../../render/table.js');
  const grid: Grid = {
    head: ['Model', 'Lab', 'Category', 'Context', 'Input', 'Output', 'Priced at', 'Offers'],
    align: ['left', 'left', 'left', 'right', 'right', 'right', 'left', 'right'],
    rows: shown.map((r) => [
      r.state === 'active' && !r.kind ? r.id : `${r.id} [${r.kind ?? r.state}]`,
      r.lab,
      r.category,
      r.contextWindow === null ? 'unknown' : formatTokens(r.contextWindow),
      r.inputPrice === null ? (r.perSearch === null ? 'unknown' : `${formatPrice(r.perSearch)}/search`) : formatPrice(r.inputPrice),
      r.outputPrice === null ? (r.inputPrice === null ? '' : 'n/a') : formatPrice(r.outputPrice),
      r.priceProvider ?? '',
      String(r.offers),
    ]),
  };
  if (format === 'csv' || format === 'markdown') {
    const { renderResultCsv, renderResultMarkdown } = await import('../../render/records.js');
    return ctx.print(format === 'csv' ? renderResultCsv(result as never) : renderResultMarkdown(result as never));
  }
  // At a terminal, a column that says the same thing on every row is said once, below.
  const uniform = shown.length > 1 && shown.every((r) => r.category === shown[0]!.category);
  if (uniform) dropColumn(grid, 2);
  if (shown.length === 0) {
    ctx.io.stderr.write('no models match these filters\n');
    return;
  }
  // Ids (model, lab, provider) never wrap; in a narrow terminal the least needed columns go first.
  grid.nowrap = grid.head.map((h) => h === 'Model' || h === 'Lab' || h === 'Priced at');
  grid.droppable = ['Offers', 'Lab', 'Category', 'Priced at', 'Output'].map((h) => grid.head.indexOf(h)).filter((i) => i >= 0);
  const table = renderBox(grid, { maxWidth: ctx.width });
  const dropped = ['Lab', 'Priced at', 'Output'].filter((h) => grid.head.includes(h) && !table.split('\n')[1]!.includes(` ${h} `));
  ctx.print(table);
  const { wrap } = await import('../../render/wrap.js');
  const more = dropped.length ? ` ${dropped.join(' and ')} left out to fit ${ctx.width} columns (--json has them).` : '';
  ctx.print(
    (await ctx.style()).dim(
      wrap(
        `${uniform ? `All ${shown[0]!.category} models. ` : ''}${shown.length} of ${matched} matching models (catalog: ${total}); ${result.priceNote}.${matched > shown.length ? ' --limit 0 shows all.' : ''}${more}`,
        ctx.width,
      ),
    ),
  );
}

function dropColumn(grid: Grid, i: number): void {
  grid.head.splice(i, 1);
  grid.align?.splice(i, 1);
  for (const r of grid.rows) r.splice(i, 1);
}
