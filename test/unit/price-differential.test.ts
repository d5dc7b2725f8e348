import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/store.js';
import { priceDifferential } from '../../scripts/lib/price-differential.js';

// Our makers' prices against @pydantic/genai-prices' own calculator (a pinned dev dependency), on a
// fixed day. The figures for today: npm run prices:diff.
const root = join(__dirname, '..', '..');
const catalog = Catalog.fromFile(join(root, 'data', 'catalog.jsonl'));
const explained = (
  JSON.parse(readFileSync(join(root, 'data', 'curated', 'price-differences.json'), 'utf8')) as {
    entries: { provider: string; model: string; explanation: string; source: string; asOf: string }[];
  }
).entries;
const d = priceDifferential(catalog, '2026-11-22');

describe('differential test against genai-prices calcPrice', () => {
  it('covers the makers’ live models', () => {
    expect(d.live).toBeGreaterThan(50);
    expect(new Set(d.rows.map((r) => r.provider))).toEqual(new Set(['openai', 'anthropic', 'google', 'mistral', 'deepseek', 'x-ai', 'cohere']));
  });

  it('prices at least 90% of them on the maker’s own offer, and agrees within 0.5% on at least 97%', () => {
    expect(d.priced / d.live).toBeGreaterThanOrEqual(0.9);
    expect(d.agreeing / d.live).toBeGreaterThanOrEqual(0.97);
  });

  it('explains every other difference in data, with a source, and keeps no explanation that is no longer needed', () => {
    const differing = d.rows.filter((r) => !r.agrees).map((r) => `${r.provider}/${r.model}`);
    const listed = explained.map((e) => `${e.provider}/${e.model}`);
    expect(differing.filter((x) => !listed.includes(x))).toEqual([]);
    expect(listed.filter((x) => !differing.includes(x))).toEqual([]);
    for (const e of explained) expect(e.source).toMatch(/^https?:\/\//);
  });
});
