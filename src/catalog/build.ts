import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CuratedFiles, emptyCurated, type Curated } from './curated.js';
import { importGenaiPrices } from './importers/genaiprices.js';
import { importLiteLLM } from './importers/litellm.js';
import { importModelsDev } from './importers/modelsdev.js';
import type { ImportResult } from './importers/types.js';
import { buildCatalog } from './merge.js';
import { CatalogFileSchema, type CapturedSource, type CatalogFile } from './schema.js';

/**
 * The one catalog build: upstream databases plus the curated overlays -> a catalog. Used by
 * `npm run catalog:build` (snapshots in ../shared/upstream -> data/catalog.jsonl) and by
 * `catalog update` (live downloads -> the user's cache), so both apply the same importers, merge
 * and precedence.
 */

export const UPSTREAM_IDS = ['models.dev', 'litellm', 'genai-prices'] as const;
export type UpstreamId = (typeof UPSTREAM_IDS)[number];

/** One upstream database's parsed JSON and what it is. */
export interface UpstreamInput {
  source: CapturedSource & { id: UpstreamId };
  json: unknown;
}

const IMPORTERS: Record<UpstreamId, (json: unknown, opts: { asOf: string }) => ImportResult> = {
  'models.dev': importModelsDev,
  litellm: importLiteLLM,
  'genai-prices': importGenaiPrices,
};

/** Runs one source's importer; throws (TypeError) when the JSON is not that database's shape. */
export function importUpstream(id: UpstreamId, json: unknown, capturedAt: string): ImportResult {
  return IMPORTERS[id](json, { asOf: capturedAt });
}

/** Models and offers one import yields, for sanity checks and the update's report. */
export function importCounts(r: ImportResult): { models: number; offers: number } {
  const ids = new Set<string>(r.models.map((m) => m.id));
  for (const o of r.offers) ids.add(o.providerModelId);
  return { models: ids.size, offers: r.offers.length };
}

/**
 * The curated overlays of a data/curated folder, each file checked against its kind's schema.
 * `benchmarks-a.json` is of kind benchmarks; `gateways.json` holds prices.
 */
export function readCuratedDir(dir: string): Curated {
  const curated = emptyCurated();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const whole = file.replace(/\.json$/, '');
    const kind = whole in CuratedFiles ? whole : file.replace(/(-[a-z0-9]+)?\.json$/, '');
    const target = (kind === 'gateways' ? 'prices' : kind) as keyof Curated;
    const schema = CuratedFiles[target];
    if (!schema) throw new Error(`data/curated/${file}: unknown overlay kind "${kind}"`);
    const parsed = schema.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
      throw new Error(`data/curated/${file} is invalid:\n${lines.join('\n')}`);
    }
    (curated[target] as unknown[]).push(...parsed.data.entries);
  }
  return curated;
}

export interface BuiltCatalog {
  catalog: CatalogFile;
  warnings: string[];
  /** What each source's importer yielded. */
  counts: Record<string, { models: number; offers: number }>;
}

/**
 * Imports each source, orders them by capture date (the newest is asked first: precedence by
 * date, not by name; curated figures, each citing its own page and date, come before all), merges
 * and checks the result against the catalog schema.
 */
export function buildFromUpstream(inputs: UpstreamInput[], curated: Curated): BuiltCatalog {
  const counts: BuiltCatalog['counts'] = {};
  const imports = inputs
    .map(({ source, json }) => {
      const result = importUpstream(source.id, json, source.capturedAt);
      counts[source.id] = importCounts(result);
      return { result, source: source as CapturedSource };
    })
    .sort((a, b) => (a.source.capturedAt < b.source.capturedAt ? 1 : a.source.capturedAt > b.source.capturedAt ? -1 : 0));
  const builtAt = inputs
    .map((i) => i.source.capturedAt)
    .sort()
    .at(-1)!;
  const { catalog, warnings } = buildCatalog({ imports, curated, builtAt });
  const check = CatalogFileSchema.safeParse(catalog);
  if (!check.success) {
    const lines = check.error.issues.slice(0, 10).map((i) => {
      const m = catalog.models[i.path[1] as number];
      return `  ${i.path.join('.')}: ${i.message}${m ? ` (model "${m.id}")` : ''}`;
    });
    throw new Error(`the built catalog does not match its own schema:\n${lines.join('\n')}`);
  }
  return { catalog, warnings, counts };
}
