import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ModelSchema } from '../../src/catalog/schema.js';
import { bundled } from '../support/catalog.js';

const URL_OR_DB = /^(https?:\/\/\S+|models\.dev|litellm|genai-prices)$/;

describe('the bundled catalog (data/catalog.jsonl)', () => {
  const catalog = bundled();
  const models = catalog.all();

  it('validates against the schema, model by model', () => {
    for (const m of models) {
      const r = ModelSchema.safeParse(m);
      if (!r.success) throw new Error(`${m.id}: ${r.error.issues[0]?.path.join('.')} ${r.error.issues[0]?.message}`);
    }
  });

  it('covers more than a thousand models and several thousand offers', () => {
    expect(models.length).toBeGreaterThan(1000);
    expect(models.reduce((n, m) => n + m.offers.length, 0)).toBeGreaterThan(5000);
    expect(models.filter((m) => m.category === 'embedding').length).toBeGreaterThan(50);
    expect(models.filter((m) => m.category === 'reranking').length).toBeGreaterThan(10);
  });

  it("shows a database's copy of a leaderboard figure once: the curated entry from the leaderboard's own data stands", () => {
    for (const m of models) {
      const curated = new Set((m.benchmarks ?? []).filter((b) => !b.note?.startsWith('via ')).map((b) => `${b.benchmark}|${b.score}`));
      const copies = (m.benchmarks ?? []).filter((b) => b.note?.startsWith('via ') && curated.has(`${b.benchmark}|${b.score}`));
      expect(copies.map((b) => `${m.id} ${b.benchmark} ${b.score} (${b.note})`)).toEqual([]);
    }
  });

  it('has unique ids', () => {
    expect(new Set(models.map((m) => m.id)).size).toBe(models.length);
  });

  it('gives every price, spec, benchmark, latency and parameter figure a source and a date', () => {
    for (const m of models) {
      for (const o of m.offers) {
        expect(o.source, `${m.id} ${o.provider}`).toMatch(URL_OR_DB);
        expect(o.asOf).toMatch(/^\d{4}-\d{2}/);
        if (o.prices.batchInput !== undefined && o.batchSource) expect(o.batchSource.source).toMatch(URL_OR_DB);
      }
      const hasSpec = m.contextWindow !== undefined || m.releaseDate !== undefined || m.modalities !== undefined;
      if (hasSpec) expect(m.specSource ?? m.releaseSource, m.id).toBeDefined();
      if (m.lifecycle) expect(m.lifecycle.source, `${m.id} lifecycle`).toMatch(URL_OR_DB);
      for (const b of m.benchmarks ?? []) expect(b.source, `${m.id} ${b.benchmark}`).toMatch(/^https?:\/\//);
      for (const l of m.latency ?? []) expect(l.source).toMatch(/^https?:\/\//);
      if (m.parameters) expect(m.parameters.source).toMatch(/^https?:\/\//);
    }
  });

  it('records when each source was captured', () => {
    expect(catalog.sources.map((s) => s.id).sort()).toEqual(['genai-prices', 'litellm', 'models.dev']);
    for (const s of catalog.sources) expect(s.capturedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('marks exactly one reference offer where the maker sells the model', () => {
    for (const m of models) expect(m.offers.filter((o) => o.reference).length, m.id).toBeLessThanOrEqual(1);
    const mini = catalog.resolve('gpt-4o-mini').model;
    expect(mini.offers.find((o) => o.reference)?.provider).toBe('openai');
  });

  it("flags the comparison-site price for gpt-4o-mini that is a tenth of OpenAI's", () => {
    const x = catalog.resolve('gpt-4o-mini').model.offers.find((o) => o.provider === 'xalen')!;
    expect(x.prices.input).toBe(0.015);
    expect(x.flags?.some((f) => f.kind === 'price-deviation')).toBe(true);
  });

  it('keeps parameter counts where disclosed and "not disclosed" for closed models', () => {
    expect(catalog.resolve('bge-reranker-v2').model.parameters?.total).toBe(568_000_000);
    expect(catalog.resolve('mistral-small-3-1').model.parameters?.total).toBe(24_000_000_000);
    const mini = catalog.resolve('gpt-4o-mini').model.parameters!;
    expect(mini.disclosed).toBe(false);
    expect(mini.total).toBeNull();
  });

  it('takes each model’s reasoning factor within one eval suite: no model mixes token counts of two suites', () => {
    const mixed = models.filter((m) => new Set((m.reasoningTokens ?? []).map((r) => r.suite)).size > 1).map((m) => m.id);
    expect(mixed).toEqual([]);
    // Both sources are in use: the tool's measured factors come from more than one suite.
    expect(new Set(models.flatMap((m) => (m.reasoningTokens ?? []).map((r) => r.suite))).size).toBeGreaterThan(1);
  });

  it("places a partial board's figures only on a release of the same board whose scale they share", () => {
    const diffs: number[] = [];
    for (const m of models)
      for (const b of m.benchmarks ?? []) {
        if (!b.placedOn) continue;
        const onRelease = (x: typeof b) => x.benchmark === b.benchmark && x.version === b.placedOn!.version && x.harness === b.placedOn!.harness;
        // The release exists and rates enough models to place anything on it.
        expect(models.filter((o) => o.benchmarks?.some(onRelease)).length, `${m.id} ${b.benchmark}`).toBeGreaterThanOrEqual(3);
        const same = m.benchmarks!.find((x) => onRelease(x) && x.setting === b.setting);
        if (same) diffs.push(Math.abs(b.score - same.score));
      }
    // Where both rate the same model at the same setting, the two agree: one scale, not two.
    diffs.sort((a, b) => a - b);
    expect(diffs.length).toBeGreaterThanOrEqual(5);
    expect(diffs[Math.floor(diffs.length / 2)]).toBeLessThanOrEqual(2);
    expect(diffs.at(-1)).toBeLessThanOrEqual(10);
  });
});

describe('curated overlays (data/curated)', () => {
  const dir = join(__dirname, '..', '..', 'data', 'curated');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  it.each(files)('%s: every entry has a source and a date', (f) => {
    const data = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { entries: { source?: string; asOf?: string }[] };
    expect(data.entries.length).toBeGreaterThan(0);
    for (const e of data.entries as { source?: string; asOf?: string; note?: string; readAt?: string }[]) {
      expect(e.source, JSON.stringify(e).slice(0, 120)).toMatch(/^https?:\/\//);
      // A lifecycle record or alias read from an undated copy of the maker's page has no asOf; it
      // must then say where and how it was read.
      if (e.asOf === undefined && (f === 'lifecycle.json' || f === 'aliases.json'))
        expect(e.note ?? e.readAt, JSON.stringify(e).slice(0, 120)).toBeTruthy();
      else expect(e.asOf).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    }
  });
});
