import { describe, expect, it } from 'vitest';
import { emptyCurated, type Curated } from '../../src/catalog/curated.js';
import type { RawOffer } from '../../src/catalog/importers/types.js';
import { buildCatalog } from '../../src/catalog/merge.js';
import { CatalogFileSchema, type Model } from '../../src/catalog/schema.js';
import { Catalog } from '../../src/catalog/store.js';
import { pickOffer } from '../../src/core/offers.js';
import { rankForTask } from '../../src/core/recommend.js';
import { TASKS } from '../../src/core/tasks.js';

/** One upstream database listing these routes (prices USD per 1M). */
function offer(provider: string, providerModelId: string, input: number, output: number, extra: Partial<RawOffer> = {}): RawOffer {
  return { source: 'db', asOf: '2026-07-01', provider, providerModelId, prices: { input, output }, spec: {}, ...extra };
}

function build(offers: RawOffer[], edit: (c: Curated) => void = () => {}) {
  const curated = emptyCurated();
  edit(curated);
  const { catalog, warnings } = buildCatalog({
    imports: [{ result: { models: [], offers, skipped: {} }, source: { id: 'db', name: 'db', url: 'https://db.example', capturedAt: '2026-07-01' } }],
    curated,
    builtAt: '2026-07-01',
  });
  expect(CatalogFileSchema.safeParse(catalog).success).toBe(true);
  const byId = (id: string) => catalog.models.find((m) => m.id === id);
  return { catalog, warnings, byId, store: Catalog.fromModels(catalog.models) };
}

const SRC = { source: 'https://maker.example/deprecations', asOf: '2026-04-14' };

describe('identity: one model per model, whatever the spelling', () => {
  it("folds hosts' spellings of the same open weights into one model, each host route an offer", () => {
    const { catalog, byId, store } = build([
      offer('llama', 'Llama-3.3-70B-Instruct', 0.6, 0.6),
      offer('groq', 'llama-3.3-70b-versatile', 0.59, 0.79),
      offer('groq', 'llama-3.3-70b-specdec', 0.59, 0.99),
      offer('togetherai', 'meta-llama/Llama-3.3-70B-Instruct-Turbo', 0.88, 0.88),
      offer('google-vertex', 'meta/llama-3.3-70b-instruct-maas', 0.72, 0.72),
      offer('cloudflare-workers-ai', '@cf/meta/llama-3.3-70b-instruct-fp8-fast', 0.29, 2.25),
      offer('nano-gpt', 'huihui-ai/llama-3.3-70b-instruct-abliterated', 0.5, 0.5),
    ]);
    const llamas = catalog.models.filter((m) => m.id.includes('llama-3.3-70b'));
    // The abliterated fine-tune is other weights: it stays apart.
    expect(llamas.map((m) => m.id).sort()).toEqual(['llama-3.3-70b-instruct', 'llama-3.3-70b-instruct-abliterated']);
    const llama = byId('llama-3.3-70b-instruct')!;
    expect(llama.offers.filter((o) => o.provider === 'groq').map((o) => o.providerModelId).sort()).toEqual([
      'llama-3.3-70b-specdec',
      'llama-3.3-70b-versatile',
    ]);
    expect(llama.offers.map((o) => o.provider)).toEqual(expect.arrayContaining(['togetherai', 'google-vertex', 'cloudflare-workers-ai']));
    expect(store.resolve('llama-3.3-70b-versatile').model.id).toBe('llama-3.3-70b-instruct');
  });

  it("reads Claude's two namings and the hosts' spellings as one model", () => {
    const { catalog } = build([
      offer('anthropic', 'claude-sonnet-4-20250514', 3, 15),
      offer('deepinfra', 'anthropic/claude-4-sonnet', 3.3, 16.5),
      offer('sap-ai-core', 'anthropic--claude-4-sonnet', 3, 15),
      offer('amazon-bedrock', 'regional.anthropic.claude-sonnet-4-20250514-v1:0', 3, 15),
    ]);
    const sonnets = catalog.models.filter((m) => /sonnet/.test(m.id));
    expect(sonnets.map((m) => m.id)).toEqual(['claude-sonnet-4-20250514']);
    expect(sonnets[0]!.offers.map((o) => o.provider).sort()).toEqual(['amazon-bedrock', 'anthropic', 'deepinfra', 'sap-ai-core']);
  });
});

describe('moving aliases', () => {
  const routes = [
    offer('mistral', 'mistral-medium-2508', 0.4, 2),
    offer('mistral', 'mistral-medium-2604', 1.5, 7.5),
    offer('mistral', 'mistral-medium-latest', 0.4, 2),
  ];

  it('a -latest name resolves to what the maker serves today, and leaves the model it used to name', () => {
    const { byId, store, catalog } = build(routes, (c) => {
      c.aliases.push({ alias: 'mistral-medium-latest', target: 'mistral-medium-2508', since: '2025-08-12', ...SRC });
      c.aliases.push({ alias: 'mistral-medium-latest', target: 'mistral-medium-2604', since: '2026-06-16', ...SRC });
    });
    // The -latest route was its own model upstream; now it is a name of the current model.
    expect(byId('mistral-medium-latest')).toBeUndefined();
    const r = store.resolve('mistral-medium-latest');
    expect(r.model.id).toBe('mistral-medium-2604');
    expect(r.via?.kind).toBe('alias');
    expect(r.via?.reason).toContain('since 2026-06-16');
    expect(byId('mistral-medium-2508')!.aliases ?? []).not.toContain('mistral-medium-latest');
    // The maker's own route to the current model keeps its own price, not the alias's old one.
    expect(byId('mistral-medium-2604')!.offers.find((o) => o.reference)!.prices.input).toBe(1.5);
    expect(catalog.models.filter((m) => m.id.startsWith('mistral-medium'))).toHaveLength(2);
  });

  it('warns about an alias whose target the catalog does not know', () => {
    const { warnings } = build(routes, (c) => c.aliases.push({ alias: 'mistral-medium-latest', target: 'mistral-medium-2712', ...SRC }));
    expect(warnings.join('\n')).toContain('unknown target "mistral-medium-2712"');
  });
});

describe('lifecycle records', () => {
  const routes = [
    offer('anthropic', 'claude-sonnet-4-20250514', 3, 15),
    offer('anthropic', 'claude-sonnet-4-6', 3, 15),
    offer('openrouter', 'anthropic/claude-sonnet-4', 3, 15),
    offer('deepseek', 'deepseek-v3.2', 0.28, 0.42),
    offer('google-vertex', 'deepseek-ai/deepseek-v3.2-maas', 0.56, 1.68),
    offer('togetherai', 'deepseek-ai/DeepSeek-V3.2', 0.6, 1.7),
  ];
  const curated = (c: Curated) => {
    c.lifecycle.push({
      model: 'claude-sonnet-4-20250514',
      ids: ['claude-sonnet-4-0'],
      status: 'retired',
      deprecatedOn: '2026-04-14',
      shutdownOn: '2026-06-15',
      successor: 'claude-sonnet-4-6',
      confidence: 'maker',
      ...SRC,
    });
    c.lifecycle.push({
      model: 'deepseek-v3.2',
      provider: 'google-vertex',
      status: 'deprecated',
      deprecatedOn: '2026-07-21',
      shutdownOn: '2026-10-21',
      confidence: 'maker',
      source: 'https://cloud.google.com/vertex-ai/deprecations/open-models',
      asOf: '2026-07-21',
    });
  };

  it("attaches the maker's record with its successor as a catalog id", () => {
    const { byId } = build(routes, curated);
    expect(byId('claude-sonnet-4-20250514')!.lifecycle).toMatchObject({ status: 'retired', shutdownOn: '2026-06-15', successor: 'claude-sonnet-4-6' });
  });

  it("a host's retirement is a state of its offer: the model lives on, the route is not priced after the date", () => {
    const { byId } = build(routes, curated);
    const v32 = byId('deepseek-v3.2')!;
    expect(v32.lifecycle).toBeUndefined();
    expect(v32.offers.find((o) => o.provider === 'google-vertex')!.lifecycle?.shutdownOn).toBe('2026-10-21');
    const w = { period: 'day' as const, requests: 1000, input: 1000, output: 100, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };
    const cheapest = (today: string) => pickOffer({ ...v32, offers: v32.offers.filter((o) => !o.reference) }, w, { cheapest: true, today })!;
    expect(cheapest('2026-10-01').offer.provider).toBe('google-vertex');
    expect(cheapest('2026-11-01').offer.provider).toBe('togetherai');
    const asked = pickOffer(v32, w, { provider: 'google-vertex', today: '2026-11-01' })!;
    expect(asked.warnings.join(' ')).toContain('no longer serves this route (since 2026-10-21');
  });

  it('never ranks a retired model; a deprecated one only on request, with its shutdown date', () => {
    const withEvidence = (m: Model): Model => ({
      ...m,
      benchmarks: [{ benchmark: 'lmarena-text', score: 1400, metric: 'elo', source: 'https://x.example', asOf: '2026-01-01' }],
    });
    const { catalog } = build(routes, (c) => {
      curated(c);
      c.lifecycle.push({ model: 'claude-sonnet-4-6', status: 'deprecated', shutdownOn: '2027-02-01', confidence: 'maker', ...SRC });
    });
    const models = catalog.models.map(withEvidence);
    const rank = (includeDeprecated?: boolean) =>
      rankForTask(models, { task: TASKS.chat, prefer: 'quality', constraints: { today: '2026-12-02', includeDeprecated, minEvidence: 1 } });
    const plain = rank();
    expect(plain.candidates.map((c) => c.model.id)).not.toContain('claude-sonnet-4-20250514');
    expect(plain.candidates.map((c) => c.model.id)).not.toContain('claude-sonnet-4-6');
    expect(plain.excludedCounts.retired).toBe(1);
    const asked = rank(true);
    expect(asked.candidates.map((c) => c.model.id)).not.toContain('claude-sonnet-4-20250514');
    const dep = asked.candidates.find((c) => c.model.id === 'claude-sonnet-4-6')!;
    expect(dep.lifecycle?.warning).toContain('shuts down 2027-02-01');
  });
});

describe('what is not a model, and open weights', () => {
  it('marks orchestrators and resellers\' presets and never ranks them', () => {
    const { byId, catalog } = build(
      [
        offer('sakana', 'fugu-ultra', 10, 50),
        offer('anthropic', 'claude-opus-4-6', 5, 25),
        offer('nano-gpt', 'claude-opus-4-6-thinking', 5, 25),
        offer('nano-gpt', 'claude-opus-4.6:thinking:low', 5, 25),
      ],
      (c) => c.kinds.push({ model: 'fugu-ultra', kind: 'orchestrator', source: 'https://console.sakana.ai/models', asOf: '2026-06-15' }),
    );
    expect(byId('fugu-ultra')).toMatchObject({
      kind: 'orchestrator',
      kindSource: { source: 'https://console.sakana.ai/models', asOf: '2026-06-15' },
    });
    expect(byId('claude-opus-4-6-thinking')!.kindSource!.source).toBe('model-advisor naming rule');
    expect(byId('claude-opus-4-6')!.kindSource).toBeUndefined();
    expect(byId('claude-opus-4-6-thinking')).toMatchObject({ kind: 'preset', variantOf: 'claude-opus-4-6' });
    // A preset of a preset is a setting of the model underneath.
    expect(byId('claude-opus-4.6:thinking:low')).toMatchObject({ kind: 'preset', variantOf: 'claude-opus-4-6' });
    const models = catalog.models.map((m) => ({
      ...m,
      benchmarks: [{ benchmark: 'lmarena-text', score: 1500, metric: 'elo', source: 'https://x.example', asOf: '2026-01-01' }],
    }));
    const r = rankForTask(models, { task: TASKS.chat, prefer: 'quality', constraints: { today: '2026-12-02', minEvidence: 1 } });
    expect(r.candidates.map((c) => c.model.id)).toEqual(['claude-opus-4-6']);
    expect(r.excludedCounts['not-a-model']).toBe(3);
  });

  it('a licence for published weights makes a model open-weight, whatever a database flag says', () => {
    const { byId } = build(
      [
        offer('togetherai', 'openai/gpt-oss-20b', 0.05, 0.2, { spec: { openWeights: false } }),
        offer('alibaba', 'qwen3-max', 1.2, 6),
        offer('alibaba', 'qwen3-30b-a3b', 0.1, 0.4),
      ],
      (c) => {
        c.licences.push({ models: ['gpt-oss-20b'], lab: 'openai', license: 'Apache-2.0', source: 'https://huggingface.co/openai/gpt-oss-20b', asOf: '2025-08-05' });
        c.licences.push({ models: ['qwen3-*b', 'qwen3-*b-*'], lab: 'alibaba', license: 'Apache-2.0', source: 'https://huggingface.co/Qwen/Qwen3-30B-A3B', asOf: '2025-04-29' });
      },
    );
    expect(byId('gpt-oss-20b')).toMatchObject({ openWeights: true, license: 'Apache-2.0' });
    expect(byId('qwen3-30b-a3b')!.openWeights).toBe(true);
    // An API-only model of the family (no size in its name) is not covered.
    expect(byId('qwen3-max')!.openWeights).not.toBe(true);
  });
});
