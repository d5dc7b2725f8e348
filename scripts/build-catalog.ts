/**
 * `npm run catalog:build`: ../shared/upstream (models.dev, LiteLLM, genai-prices snapshots) plus the
 * curated overlays in data/curated -> data/catalog.jsonl (committed, so users never run this).
 * Deterministic: the same inputs give the same bytes. The build itself is src/catalog/build.ts,
 * shared with `model-advisor catalog update`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromUpstream, readCuratedDir, type UpstreamInput } from '../src/catalog/build.js';
import { serializeCatalog } from '../src/catalog/jsonl.js';
import { genaiPricesFromPackage } from './lib/genai-prices-package.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const upstream = process.env.MODEL_ADVISOR_UPSTREAM ?? join(root, '..', 'shared', 'upstream');

const readJson = (p: string): unknown => JSON.parse(readFileSync(join(upstream, p), 'utf8'));

const litellmJson = readJson(join('litellm', 'model_prices_and_context_window.json')) as Record<string, unknown>;
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
        data: readJson(join('genai-prices', 'data.json')),
        capturedAt: '2026-08-21',
        name: 'pydantic/genai-prices (prices/new_data/v2/data.json, commit 47df840)',
      };

// In this order for sources captured the same day (the build orders them by capture date).
const inputs: UpstreamInput[] = [
  {
    source: { id: 'genai-prices', name: genai.name, url: 'https://github.com/pydantic/genai-prices', capturedAt: genai.capturedAt },
    json: genai.data,
  },
  {
    source: {
      id: 'models.dev',
      name: 'models.dev catalog.json (anomalyco/models.dev, commit f3fc692)',
      url: 'https://models.dev/catalog.json',
      capturedAt: '2026-07-02',
    },
    json: readJson(join('models.dev', 'catalog.json')),
  },
  {
    source: {
      id: 'litellm',
      name: 'LiteLLM cost map (BerriAI/litellm model_prices_and_context_window.json)',
      url: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
      capturedAt: litellmDate,
    },
    json: litellmJson,
  },
];

const { catalog, warnings } = buildFromUpstream(inputs, readCuratedDir(join(root, 'data', 'curated')));
for (const w of warnings) console.warn(`warning: ${w}`);
const out = join(root, 'data', 'catalog.jsonl');
writeFileSync(out, serializeCatalog(catalog));
console.log(`wrote ${out}: ${JSON.stringify(catalog.stats)}`);
