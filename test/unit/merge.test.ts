import { describe, expect, it } from 'vitest';
import { emptyCurated } from '../../src/catalog/curated.js';
import { importGenaiPrices } from '../../src/catalog/importers/genaiprices.js';
import { importLiteLLM } from '../../src/catalog/importers/litellm.js';
import { importModelsDev } from '../../src/catalog/importers/modelsdev.js';
import { buildCatalog } from '../../src/catalog/merge.js';
import { CatalogFileSchema } from '../../src/catalog/schema.js';
import { fixture } from '../support/fixtures.js';

function build(curated = emptyCurated()) {
  const src = (id: string, capturedAt: string) => ({ id, name: id, url: id, capturedAt });
  return buildCatalog({
    imports: [
      { result: importGenaiPrices(fixture('genai-prices.json'), { asOf: '2026-08-21' }), source: src('genai-prices', '2026-08-21') },
      { result: importModelsDev(fixture('models.dev.json'), { asOf: '2026-07-02' }), source: src('models.dev', '2026-07-02') },
      { result: importLiteLLM(fixture('litellm.json'), { asOf: '2026-07-24' }), source: src('litellm', '2026-07-24') },
    ],
    curated,
    builtAt: '2026-08-21',
  });
}

describe('buildCatalog', () => {
  it('produces a catalog that validates against its schema', () => {
    const { catalog } = build();
    expect(CatalogFileSchema.safeParse(catalog).success).toBe(true);
  });

  it('merges one model sold by many providers, from several sources, into one model with many offers', () => {
    const { catalog } = build();
    const mini = catalog.models.filter((m) => m.id === 'gpt-4o-mini');
    expect(mini).toHaveLength(1);
    const providers = mini[0]!.offers.map((o) => o.provider).sort();
    expect(providers).toEqual(expect.arrayContaining(['azure', 'openai', 'openrouter']));
    // The dated snapshot priced like its alias is the same model, not a second one.
    expect(catalog.models.some((m) => m.id === 'gpt-4o-mini-2024-07-18')).toBe(false);
  });

  it('keeps which source said what: the first source in order is primary, the others are alternatives', () => {
    const { catalog } = build();
    const openai = catalog.models.find((m) => m.id === 'gpt-4o-mini')!.offers.find((o) => o.provider === 'openai')!;
    expect(openai.source).toBe('genai-prices');
    expect(openai.alternatives?.map((a) => a.source).sort()).toEqual(['litellm', 'models.dev']);
  });

  it("marks the maker's own API as the reference offer", () => {
    const { catalog } = build();
    const mini = catalog.models.find((m) => m.id === 'gpt-4o-mini')!;
    expect(mini.offers.filter((o) => o.reference).map((o) => o.provider)).toEqual(['openai']);
  });

  it('flags disagreeing sources instead of averaging them', () => {
    const { catalog } = build();
    const azure = catalog.models.find((m) => m.id === 'gpt-4o-mini')!.offers.find((o) => o.provider === 'azure')!;
    const flag = azure.flags?.find((f) => f.kind === 'sources-disagree');
    expect(flag?.message).toMatch(/models\.dev says \$0\.15.*litellm says \$0\.165/);
    expect(azure.prices.input).toBe(0.15);
  });

  it('keeps snapshots the maker prices differently as separate models', () => {
    const { catalog } = build();
    const ids = catalog.models.map((m) => m.id);
    expect(ids).toContain('gpt-4o');
    expect(ids).toContain('gpt-4o-2024-05-13');
  });

  it('fills batch prices from another source or a curated provider discount, with its source', () => {
    const curated = emptyCurated();
    curated.batch.push({ provider: 'openai', discount: 0.5, models: '*', source: 'https://example.org/batch', asOf: '2025-01-01' });
    const { catalog } = build(curated);
    const gpt4o = catalog.models.find((m) => m.id === 'gpt-4o')!.offers.find((o) => o.provider === 'openai')!;
    expect(gpt4o.prices.batchInput).toBe(gpt4o.prices.input! / 2);
    expect(gpt4o.batchSource?.source).toBeTruthy();
  });

  it("flags a curated offer far below the maker's price as implausible", () => {
    const curated = emptyCurated();
    curated.prices.push({
      model: 'gpt-4o-mini',
      provider: 'xalen',
      providerModelId: 'gpt-4o-mini',
      input: 0.015,
      output: 0.06,
      source: 'https://xalen.io/x',
      asOf: '2026-05-21',
    });
    const { catalog } = build(curated);
    const x = catalog.models.find((m) => m.id === 'gpt-4o-mini')!.offers.find((o) => o.provider === 'xalen')!;
    expect(x.flags?.map((f) => f.kind)).toContain('price-deviation');
    expect(x.flags?.find((f) => f.kind === 'price-deviation')?.message).toMatch(/10x below/);
  });

  it('applies curated identities: spellings across providers become one model', () => {
    const curated = emptyCurated();
    curated.identities.push({
      id: 'mistral-small-2503',
      name: 'Mistral Small 3.1',
      lab: 'mistral',
      category: 'chat',
      match: ['mistral-small-3.1-24b-instruct'],
      aliases: ['mistral-small-3-1'],
      source: 'https://mistral.ai/news/mistral-small-3-1',
      asOf: '2025-03-17',
    });
    const { catalog } = build(curated);
    const m = catalog.models.find((x) => x.id === 'mistral-small-2503')!;
    expect(m.name).toBe('Mistral Small 3.1');
    expect(m.offers.map((o) => o.provider)).toEqual(expect.arrayContaining(['azure', 'openrouter', 'cloudflare-workers-ai']));
    expect(catalog.models.some((x) => x.id === 'mistral-small-3.1-24b-instruct')).toBe(false);
  });

  it('gives rerankers and embeddings their category', () => {
    const { catalog } = build();
    expect(catalog.models.find((m) => m.id === 'bge-reranker-v2-m3')?.category).toBe('reranking');
    expect(catalog.models.find((m) => m.id === 'rerank-v3.5')?.category).toBe('reranking');
    expect(catalog.models.find((m) => m.id === 'text-embedding-3-small')?.category).toBe('embedding');
  });

  it("completes capabilities from a page: a maker's page overrides the databases, a third party only fills what is unknown", () => {
    const base = build().catalog.models.find((m) => m.id === 'gpt-4o-mini')!;
    const known = Object.entries(base.capabilities ?? {}).find(([, v]) => v !== undefined)?.[0] as 'tools' | undefined;
    expect(known).toBeDefined();
    const flipped = !base.capabilities![known!];
    const curated = emptyCurated();
    const page = { model: 'gpt-4o-mini', source: 'https://maker.example/models', asOf: '2026-09-01' };
    curated.capabilities.push({ ...page, confidence: 'third-party', capabilities: { [known!]: flipped, fineTuning: true } });
    let m = build(curated).catalog.models.find((x) => x.id === 'gpt-4o-mini')!;
    // A third party does not overturn what a database states, but fills an unknown.
    expect(m.capabilities![known!]).toBe(base.capabilities![known!]);
    if (base.capabilities!.fineTuning === undefined) expect(m.capabilities!.fineTuning).toBe(true);
    const maker = emptyCurated();
    maker.capabilities.push({
      ...page,
      confidence: 'maker',
      capabilities: { [known!]: flipped },
      modalities: { input: ['text', 'image'], output: ['text'] },
    });
    m = build(maker).catalog.models.find((x) => x.id === 'gpt-4o-mini')!;
    expect(m.capabilities![known!]).toBe(flipped);
    // Image input on the page means vision.
    expect(m.capabilities!.vision).toBe(true);
    expect(m.modalities).toEqual({ input: ['text', 'image'], output: ['text'] });
    expect(m.capabilitySource).toEqual({ source: 'https://maker.example/models', asOf: '2026-09-01', confidence: 'maker' });
  });

  it("warns about a recent model of a major maker, sold on its maker's API, without any quality evidence", () => {
    const dated = (day: string) => {
      const c = emptyCurated();
      c.releases.push({ model: 'claude-sonnet-4-5', releaseDate: day, source: 'https://anthropic.example/news', asOf: day });
      return c;
    };
    const warned = (w: string[]) => w.some((x) => x.startsWith('no quality evidence for claude-sonnet-4-5 '));
    const curated = dated('2026-08-01');
    expect(build(curated).catalog.models.find((m) => m.id === 'claude-sonnet-4-5')!.benchmarks).toBeUndefined();
    expect(warned(build(curated).warnings)).toBe(true);
    curated.benchmarks.push({
      model: 'claude-sonnet-4-5',
      benchmark: 'mmlu-pro',
      score: 80,
      metric: 'accuracy %',
      source: 'https://leaderboard.example',
      asOf: '2026-08-02',
    });
    expect(warned(build(curated).warnings)).toBe(false);
    // Released long before the build: not a gap worth a warning.
    expect(warned(build(dated('2025-09-29')).warnings)).toBe(false);
  });

  it('keeps two effort rows that score the same, and drops a copy of one figure', () => {
    const curated = emptyCurated();
    const row = (setting: string | undefined) => ({
      model: 'claude-sonnet-4-5',
      benchmark: 'aa-gpqa-diamond',
      score: 93.7,
      metric: 'accuracy %',
      source: 'https://leaderboard.example',
      asOf: '2026-08-08',
      ...(setting ? { setting } : {}),
    });
    curated.benchmarks.push(row('reasoning effort high'), row('reasoning effort xhigh'), row('reasoning effort high'), row(undefined));
    const kept = build(curated).catalog.models.find((m) => m.id === 'claude-sonnet-4-5')!.benchmarks!;
    expect(kept.map((b) => b.setting)).toEqual(['reasoning effort high', 'reasoning effort xhigh']);
  });

  it('refuses a benchmark whose figures disagree on whether lower is better', () => {
    const curated = emptyCurated();
    const row = (model: string, lowerIsBetter: boolean) => ({
      model,
      benchmark: 'euroeval-rank',
      score: 2.1,
      metric: 'rank, lower is better',
      version: '2026-04-20',
      source: 'https://leaderboard.example',
      asOf: '2026-04-20',
      ...(lowerIsBetter ? { lowerIsBetter: true as const } : {}),
    });
    curated.benchmarks.push(row('claude-sonnet-4-5', true), row('gpt-4o-mini', true));
    expect(build(curated).catalog.models.find((m) => m.id === 'gpt-4o-mini')!.benchmarks!.find((b) => b.benchmark === 'euroeval-rank')!.lowerIsBetter).toBe(true);
    curated.benchmarks.push(row('gpt-4o', false));
    expect(() => build(curated)).toThrow(/euroeval-rank\|2026-04-20.* lower-is-better/);
  });

  it('warns about curated entries for models it cannot find', () => {
    const curated = emptyCurated();
    curated.specs.push({ model: 'no-such-model-xyz', disclosed: false, source: 'x', asOf: '2025-01-01' });
    expect(build(curated).warnings.join('\n')).toMatch(/no-such-model-xyz/);
  });
});

describe('serializeCatalog', () => {
  it('is deterministic: the same inputs give the same bytes', async () => {
    const { serializeCatalog } = await import('../../src/catalog/jsonl.js');
    expect(serializeCatalog(build().catalog)).toBe(serializeCatalog(build().catalog));
  });

  it('round-trips through the JSON-lines reader, header offsets included', async () => {
    const { serializeCatalog } = await import('../../src/catalog/jsonl.js');
    const { Catalog } = await import('../../src/catalog/store.js');
    const { catalog } = build();
    const back = Catalog.fromJsonl(serializeCatalog(catalog));
    expect(back.all()).toEqual(JSON.parse(JSON.stringify(catalog.models)));
    expect(back.resolve('openai/gpt-4o-mini').model.id).toBe('gpt-4o-mini');
  });
});
