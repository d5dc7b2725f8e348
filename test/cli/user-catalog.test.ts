import { describe, expect, it } from 'vitest';
import { json, runCli } from '../support/cli.js';

const ours = (models: unknown) => JSON.stringify({ schemaVersion: 1, models });
const privateModel = {
  id: 'acme-llm-7b',
  name: 'Acme LLM 7B',
  lab: 'acme',
  category: 'chat',
  offers: [
    {
      provider: 'self-hosted',
      providerModelId: 'acme-7b',
      prices: { input: 0.05, output: 0.1 },
      source: 'internal GPU cost model',
      asOf: '2026-11-01',
    },
  ],
};

describe('--catalog: a user catalog layered over the bundled one', () => {
  it('adds a private model', async () => {
    const r = await runCli(['--catalog', 'mine.json', 'cost', 'acme-llm-7b', '--input-tokens', '10M', '--json'], {
      files: { 'mine.json': ours([privateModel]) },
    });
    expect(r.code).toBe(0);
    expect(json(r).results[0].perDay).toBe(0.5);
  });

  it('overrides an offer with a negotiated price', async () => {
    const negotiated = {
      id: 'gpt-4o-mini',
      name: 'GPT-4o mini',
      lab: 'openai',
      category: 'chat',
      offers: [
        {
          provider: 'openai',
          providerModelId: 'gpt-4o-mini',
          reference: true,
          prices: { input: 0.1, output: 0.4 },
          source: 'our contract',
          asOf: '2026-10-01',
        },
      ],
    };
    const r = json(
      await runCli(['--catalog', 'n.json', 'cost', 'gpt-4o-mini', '--input-tokens', '10M', '--json'], {
        files: { 'n.json': ours([negotiated]) },
      }),
    );
    expect(r.results[0].perDay).toBe(1);
    expect(r.results[0].offer.source).toBe('our contract');
  });

  it('a private model with evidence takes part in recommend', async () => {
    const rated = {
      ...privateModel,
      benchmarks: [
        { benchmark: 'mmlu', score: 85, metric: 'accuracy %', source: 'https://example.com/eval', asOf: '2026-10-01' },
        { benchmark: 'mmlu-pro', score: 75, metric: 'accuracy %', source: 'https://example.com/eval', asOf: '2026-10-01' },
      ],
    };
    // Ranked by quality (no bar), on its own host: it is rated from its own figures, on the catalog's scale.
    const r = json(
      await runCli(
        [
          '--catalog',
          'mine.json',
          'recommend',
          '--task',
          'classification',
          '--prefer',
          'quality',
          '--providers',
          'self-hosted',
          '--requests',
          '1M',
          '--json',
        ],
        {
          files: { 'mine.json': ours([rated]) },
        },
      ),
    );
    const mine = r.recommendations.find((c: any) => c.model.id === 'acme-llm-7b');
    expect(mine?.quality.score).toBeGreaterThan(0);
    expect(mine?.quality.coverage.k).toBe(2);
  });

  it('reads a models.dev file', async () => {
    const md = JSON.stringify({
      acme: {
        id: 'acme',
        name: 'Acme',
        models: {
          'acme-9': {
            id: 'acme-9',
            name: 'Acme 9',
            cost: { input: 1, output: 2 },
            limit: { context: 1000, output: 100 },
            modalities: { input: ['text'], output: ['text'] },
          },
        },
      },
    });
    const r = await runCli(['--catalog', 'md.json', 'show', 'acme-9', '--json'], { files: { 'md.json': md } });
    expect(r.code).toBe(0);
    expect(json(r).model.offers[0].prices).toMatchObject({ input: 1, output: 2 });
  });

  it('reads a LiteLLM file', async () => {
    const ll = JSON.stringify({
      'acme/acme-10': { litellm_provider: 'acme', mode: 'chat', input_cost_per_token: 0.000002, output_cost_per_token: 0.000004 },
    });
    const r = await runCli(['--catalog', 'll.json', 'show', 'acme-10', '--json'], { files: { 'll.json': ll } });
    expect(r.code).toBe(0);
    expect(json(r).model.offers[0].prices).toMatchObject({ input: 2, output: 4 });
  });
});

describe('invalid user catalogs are rejected naming file, entry and field', () => {
  const cases: [string, string, RegExp][] = [
    [
      'wrong type',
      ours([{ ...privateModel, contextWindow: 'big' }]),
      /bad\.json[\s\S]*models\[0\] \(id "acme-llm-7b"\) field contextWindow/,
    ],
    [
      'negative price',
      ours([{ ...privateModel, offers: [{ ...privateModel.offers[0], prices: { input: -1 } }] }]),
      /models\[0\] \(id "acme-llm-7b"\) field offers\[0\]\.prices\.input/,
    ],
    ['missing id', ours([{ ...privateModel, id: undefined }]), /models\[0\] field id/],
    ['duplicate id', ours([privateModel, privateModel]), /models\[1\] \(id "acme-llm-7b"\): duplicate id/],
    ['missing source', ours([{ ...privateModel, offers: [{ ...privateModel.offers[0], source: undefined }] }]), /offers\[0\]\.source/],
    ['not JSON', '{ this is not json', /bad\.json[\s\S]*not valid JSON/],
    ['__proto__ key', '{"schemaVersion":1,"models":[{"__proto__":{"polluted":true}}]}', /"__proto__" is not allowed/],
    ['unknown shape', '{"hello":"world"}', /not a recognised catalog/],
  ];
  it.each(cases)('%s', async (_name, text, expected) => {
    const r = await runCli(['--catalog', 'bad.json', 'show', 'gpt-4o-mini'], { files: { 'bad.json': text } });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: invalid catalog bad\.json/);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a huge file is refused before it is parsed', async () => {
    const huge = `{"schemaVersion":1,"models":[${' '.repeat(65 * 1024 * 1024)}]}`;
    const r = await runCli(['--catalog', 'huge.json', 'show', 'gpt-4o-mini'], { files: { 'huge.json': huge } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/huge\.json[\s\S]*the limit is 64 MiB/);
  });

  it('catalog validate accepts a good file and rejects a bad one the same way', async () => {
    const good = await runCli(['catalog', 'validate', 'good.json', '--json'], { files: { 'good.json': ours([privateModel]) } });
    expect(good.code).toBe(0);
    expect(json(good)).toMatchObject({ valid: true, format: 'model-advisor', models: 1, offers: 1 });
    const bad = await runCli(['catalog', 'validate', 'bad.json'], { files: { 'bad.json': ours([{ id: 'x' }]) } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/models\[0\] \(id "x"\) field name/);
  });

  it('a missing file', async () => {
    const r = await runCli(['catalog', 'validate', '/nonexistent/file.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/file not found/);
  });
});
