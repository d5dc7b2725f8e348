/**
 * `npm run prices:diff`: our makers' prices against genai-prices' calcPrice, for a typical request,
 * on a day (default today): how many agree within 0.5%, how many we price, and each difference with
 * its explanation from data/curated/price-differences.json (or "UNEXPLAINED").
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../src/catalog/store.js';
import { priceDifferential } from './lib/price-differential.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const day = process.argv[2] ?? new Date().toISOString().slice(0, 10);
const catalog = Catalog.fromFile(join(root, 'data', 'catalog.jsonl'));
const explained = (JSON.parse(readFileSync(join(root, 'data', 'curated', 'price-differences.json'), 'utf8')) as {
  entries: { provider: string; model: string; explanation: string; source: string; asOf: string }[];
}).entries;
const d = priceDifferential(catalog, day);
const pct = (n: number) => `${((n / d.live) * 100).toFixed(1)}%`;
console.log(`Makers' live models genai-prices prices on ${d.day}: ${d.live}`);
console.log(`  priced by us (maker offer): ${d.priced} (${pct(d.priced)})`);
console.log(`  agree within 0.5% on a 1,000 in / 200 out request: ${d.agreeing} (${pct(d.agreeing)})`);
for (const r of d.rows.filter((x) => !x.agrees)) {
  const e = explained.find((x) => x.provider === r.provider && x.model === r.model);
  console.log(
    `  ${r.provider}/${r.model}: ours ${r.ours ? `${r.ours.perRequest} (${r.ours.id})` : 'none'}, genai-prices ${r.theirs}; ${e ? `${e.explanation} (${e.source}, ${e.asOf})` : 'UNEXPLAINED'}`,
  );
}
