import { describe, expect, it } from 'vitest';
import { emptyCurated } from '../../src/catalog/curated.js';
import { diffCatalogs } from '../../src/catalog/diff.js';
import { importGenaiPrices } from '../../src/catalog/importers/genaiprices.js';
import { buildCatalog } from '../../src/catalog/merge.js';
import type { Model } from '../../src/catalog/schema.js';
import { fixture } from '../support/fixtures.js';

/** genai-prices' openai provider with gpt-4o-mini's price given as a dated history. */
function genaiWithChange(from: string) {
  const data = structuredClone(fixture('genai-prices.json')) as { id: string; models: { id: string; prices: unknown }[] }[];
  const mini = data.find((p) => p.id === 'openai')!.models.find((m) => m.id === 'gpt-4o-mini')!;
  mini.prices = [
    { prices: { input_mtok: 0.15, output_mtok: 0.6 } },
    { constraint: { start_date: from }, prices: { input_mtok: 0.12, output_mtok: 0.5 } },
  ];
  return data;
}

function openaiOffer(curatedAsOf: string, changeFrom: string) {
  const curated = emptyCurated();
  curated.prices.push({
    model: 'gpt-4o-mini',
    provider: 'openai',
    providerModelId: 'gpt-4o-mini',
    input: 0.15,
    output: 0.6,
    source: 'https://openai.com/api/pricing/',
    asOf: curatedAsOf,
  });
  const { catalog } = buildCatalog({
    imports: [
      {
        result: importGenaiPrices(genaiWithChange(changeFrom), { asOf: '2026-12-01' }),
        source: { id: 'genai-prices', name: 'genai-prices', url: 'x', capturedAt: '2026-12-01' },
      },
    ],
    curated,
    builtAt: '2026-12-01',
  });
  return catalog.models.find((m) => m.id === 'gpt-4o-mini')!.offers.find((o) => o.provider === 'openai')!;
}

describe('precedence between a curated figure and a database, by the date each became true', () => {
  it('a price change a database dates after the curated reading wins, the curated figure kept beside it', () => {
    const o = openaiOffer('2026-06-01', '2026-10-01');
    expect(o.prices).toMatchObject({ input: 0.12, output: 0.5 });
    expect(o.source).toBe('genai-prices');
    expect(o.alternatives?.map((a) => a.source)).toContain('https://openai.com/api/pricing/');
  });

  it('a curated figure read after the change wins, however recently the database was captured', () => {
    const o = openaiOffer('2026-11-01', '2026-10-01');
    expect(o.prices).toMatchObject({ input: 0.15, output: 0.6 });
    expect(o.source).toBe('https://openai.com/api/pricing/');
  });
});

const model = (id: string, offers: Partial<Model['offers'][number]>[], extra: Partial<Model> = {}): Model =>
  ({
    id,
    name: id,
    lab: 'openai',
    category: 'chat',
    offers: offers.map((o) => ({ provider: 'openai', providerModelId: id, prices: {}, source: 's', asOf: '2026-01-01', ...o })),
    ...extra,
  }) as Model;

describe('diffCatalogs', () => {
  it('lists added and removed models and offers, price changes and life-cycle moves', () => {
    const before = [
      model('a', [
        { reference: true, prices: { input: 5, output: 20 } },
        { provider: 'azure', prices: { input: 5 } },
      ]),
      model('gone', [{}]),
    ];
    const after = [
      model(
        'a',
        [
          { reference: true, prices: { input: 4, output: 20 }, source: 'genai-prices', asOf: '2026-08-21' },
          { provider: 'bedrock', prices: {} },
        ],
        {
          lifecycle: { status: 'deprecated', shutdownOn: '2027-01-01', source: 'x', confidence: 'maker', successor: 'b' },
        },
      ),
      model('b', [{}]),
    ];
    const d = diffCatalogs(before, after, '2026-12-01');
    expect(d.models).toEqual({ before: 2, after: 2, added: ['b'], removed: ['gone'] });
    expect(d.offers.added).toEqual([
      { model: 'a', provider: 'bedrock' },
      { model: 'b', provider: 'openai' },
    ]);
    expect(d.offers.removed).toEqual([
      { model: 'a', provider: 'azure' },
      { model: 'gone', provider: 'openai' },
    ]);
    expect(d.priceChanges).toEqual([
      { model: 'a', provider: 'openai', reference: true, price: 'input', from: 5, to: 4, source: 'genai-prices', asOf: '2026-08-21' },
    ]);
    expect(d.lifecycle).toEqual([{ model: 'a', from: 'active', to: 'deprecated', shutdownOn: '2027-01-01', successor: 'b' }]);
  });

  it('pairs several routes of one provider by their ids, and a lone renamed route by its provider', () => {
    const before = [
      model('a', [
        { providerModelId: 'x', prices: { input: 1 } },
        { providerModelId: 'y', prices: { input: 2 } },
      ]),
      model('c', [{ providerModelId: 'old', prices: { input: 1 } }]),
    ];
    const after = [
      model('a', [
        { providerModelId: 'y', prices: { input: 2 } },
        { providerModelId: 'x', prices: { input: 1 } },
      ]),
      model('c', [{ providerModelId: 'new', prices: { input: 1.5 } }]),
    ];
    const d = diffCatalogs(before, after, '2026-12-01');
    expect(d.offers.added).toEqual([]);
    expect(d.offers.removed).toEqual([]);
    expect(d.priceChanges.map((c) => [c.model, c.from, c.to])).toEqual([['c', 1, 1.5]]);
  });
});
