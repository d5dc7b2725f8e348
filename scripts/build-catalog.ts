/**
 * `npm run catalog:build`: ../shared/upstream (models.dev, LiteLLM, genai-prices snapshots) plus the
 * curated overlays in data/curated -> data/catalog.jsonl (committed, so users never run this).
 * Deterministic: the same inputs give the same bytes.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CuratedFiles, emptyCurated, type Curated } from '../src/catalog/curated.js';
import { importGenaiPrices } from '../src/catalog/importers/genaiprices.js';
import { importLiteLLM } from '../src/catalog/importers/litellm.js';
import { importModelsDev } from '../src/catalog/importers/modelsdev.js';
import { serializeCatalog } from '../src/catalog/jsonl.js';
import { buildCatalog } from '../src/catalog/merge.js';
import { genaiPricesFromPackage } from './lib/genai-prices-package.js';
import { CatalogFileSchema, type CapturedSource } from '../src/catalog/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const upstream = process.env.MODEL_ADVISOR_UPSTREAM ?? join(root, '..', 'shared', 'upstream');
const curatedDir = join(root, 'data', 'curated');

const readJson = (p: string): unknown => JSON.parse(readFileSync(p, 'utf8'));

const litellmJson = readJson(join(upstream, 'litellm', 'model_prices_and_context_window.json')) as Record<string, unknown>;
const litellmDate = String(litellmJson.last_updated ?? '2026-07-24').slice(0, 10);

// genai-prices: the data bundled in the @pydantic/genai-prices release pinned in package-lock.json
// (0.1.8, published to npm 2026-09-23) is a month newer than the 2026-08-21 snapshot in
// ../shared/upstream; the snapshot is the fallback when the package is not installed.
const PACKAGE_PUBLISHED: Record<string, string> = { '0.1.8': '2026-09-23' };
const fromPackage = genaiPricesFromPackage();
const genai =
  fromPackage && PACKAGE_PUBLISHED[fromPackage.version]
    ? {
        data: fromPackage.providers as unknown,
        capturedAt: PACKAGE_PUBLISHED[fromPackage.version]!,
        name: `pydantic/genai-prices (npm @pydantic/genai-prices ${fromPackage.version}, its bundled price data)`,
      }
    : {
        data: readJson(join(upstream, 'genai-prices', 'data.json')),
        capturedAt: '2026-08-21',
        name: 'pydantic/genai-prices (prices/new_data/v2/data.json, commit 47df840)',
      };

const SOURCES: CapturedSource[] = [
  {
    id: 'genai-prices',
    name: genai.name,
    url: 'https://github.com/pydantic/genai-prices',
    capturedAt: genai.capturedAt,
  },
  {
    id: 'models.dev',
    name: 'models.dev catalog.json (anomalyco/models.dev, commit f3fc692)',
    url: 'https://models.dev/catalog.json',
    capturedAt: '2026-07-02',
  },
  {
    id: 'litellm',
    name: 'LiteLLM cost map (BerriAI/litellm model_prices_and_context_window.json)',
    url: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
    capturedAt: litellmDate,
  },
];

// Precedence by date, not by name: the source captured last is asked first (curated figures, each
// citing its own page and date, come before all of them).
const imports = [
  { result: importGenaiPrices(genai.data, { asOf: genai.capturedAt }), source: SOURCES[0]! },
  { result: importModelsDev(readJson(join(upstream, 'models.dev', 'catalog.json')), { asOf: '2026-07-02' }), source: SOURCES[1]! },
  { result: importLiteLLM(litellmJson, { asOf: litellmDate }), source: SOURCES[2]! },
].sort((a, b) => (a.source.capturedAt < b.source.capturedAt ? 1 : a.source.capturedAt > b.source.capturedAt ? -1 : 0));

const curated: Curated = emptyCurated();
for (const file of readdirSync(curatedDir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  // benchmarks-a.json is of kind benchmarks; price-differences.json is a kind of its own.
  const whole = file.replace(/\.json$/, '');
  const kind = (whole in CuratedFiles ? whole : file.replace(/(-[a-z0-9]+)?\.json$/, '')) as keyof Curated;
  const schema = CuratedFiles[kind === ('gateways' as string) ? 'prices' : kind];
  if (!schema) throw new Error(`data/curated/${file}: unknown overlay kind "${kind}"`);
  const parsed = schema.safeParse(readJson(join(curatedDir, file)));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`data/curated/${file} is invalid:\n${lines.join('\n')}`);
  }
  const target = kind === ('gateways' as string) ? 'prices' : kind;
  (curated[target] as unknown[]).push(...parsed.data.entries);
}

const { catalog, warnings } = buildCatalog({
  imports,
  curated,
  builtAt: SOURCES.map((s) => s.capturedAt)
    .sort()
    .at(-1)!,
});
const check = CatalogFileSchema.safeParse(catalog);
if (!check.success) {
  for (const i of check.error.issues.slice(0, 10)) {
    const m = catalog.models[i.path[1] as number];
    console.error(i.path.join('.'), i.message, JSON.stringify(m).slice(0, 300));
  }
  throw new Error('the built catalog does not match its own schema');
}
for (const w of warnings) console.warn(`warning: ${w}`);
const out = join(root, 'data', 'catalog.jsonl');
writeFileSync(out, serializeCatalog(catalog));
console.log(`wrote ${out}: ${JSON.stringify(catalog.stats)}`);
