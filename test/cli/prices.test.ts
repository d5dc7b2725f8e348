import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/store.js';
import { runCli } from '../support/cli.js';

const json = (r: { stdout: string }) => JSON.parse(r.stdout);
const catalog = Catalog.fromFile(join(__dirname, '..', '..', 'data', 'catalog.jsonl'));

describe('prices that hold up', () => {
  it('deepseek-chat is priced with the list DeepSeek set on 2025-09-29, not the V3 list that ended before', async () => {
    const r = json(await runCli(['--as-of', '2026-03-01', 'cost', 'deepseek-chat', '--input-tokens', '1M', '--output-tokens', '1M', '--json']));
    expect(r.results[0].offer.prices).toMatchObject({ input: 0.28, output: 0.42 });
    expect(r.results[0].offer.source).toMatch(/^https:\/\/api-docs\.deepseek\.com\//);
    expect(r.results[0].perDay).toBe(0.7);
  });

  it('gpt-oss is not sold "at openai": the figure genai-prices imported from OpenRouter is OpenRouter’s', async () => {
    const card = json(await runCli(['show', 'gpt-oss-20b', '--json']));
    expect(card.model.offers.map((o: { provider: string }) => o.provider)).not.toContain('openai');
    expect(card.referenceOffer).toBeNull();
    const rec = json(await runCli(['recommend', '--task', 'classification', '--providers', 'openai', '--top', '20', '--json']));
    expect(rec.recommendations.map((r: { model: { id: string } }) => r.model.id)).not.toEqual(expect.arrayContaining(['gpt-oss-20b']));
  });

  it('Mistral: the family names reach today’s models at today’s prices', async () => {
    const large = json(await runCli(['cost', 'mistral-large', '--input-tokens', '1M', '--output-tokens', '1M', '--json']));
    expect(large.results[0].model.id).toBe('mistral-large-2512');
    expect(large.results[0].offer.prices).toMatchObject({ input: 0.5, output: 1.5 });
    const medium = json(await runCli(['show', 'mistral-medium', '--json']));
    expect(medium.model.id).toBe('mistral-medium-2604');
    const ministral = json(await runCli(['show', 'ministral-8b', '--json']));
    expect(ministral.model.offers.find((o: { reference?: boolean }) => o.reference).prices.output).toBe(0.1);
  });

  it('a request larger than the context window is an error that says so', async () => {
    const r = await runCli(['cost', 'claude-sonnet-4-5', '--requests', '1', '--input', '300000', '--output', '10000']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: a request of 310,000 tokens .* exceeds claude-sonnet-4-5's context window of 200,000 tokens/);
  });

  it('gpt-5.5 above its long-context threshold is priced at its tier (OpenAI: <272K input at the standard rate; genai-prices 0.1.8)', async () => {
    const r = json(await runCli(['cost', 'gpt-5.5', '--requests', '1', '--input', '300000', '--output', '10000', '--reasoning', 'none', '--json']));
    expect(r.results[0].tier).toEqual({ above: 271999 });
    // 300,000 x $10 + 10,000 x $45 per 1M.
    expect(r.results[0].perRequest).toBe(3.45);
    const below = json(await runCli(['cost', 'gpt-5.5', '--requests', '1', '--input', '200000', '--output', '10000', '--reasoning', 'none', '--json']));
    expect(below.results[0].perRequest).toBe(1.3);
  });

  it('prices with the list in force on the day asked, and show lists the changes', async () => {
    const at = async (day: string) =>
      json(await runCli(['--as-of', day, 'cost', 'deepseek-v4-pro', '--input-tokens', '1M', '--output-tokens', '1M', '--json'])).results[0];
    const before = await at('2026-08-01');
    const after = await at('2026-09-01');
    expect(before.offer.prices).toMatchObject({ input: 0.435, output: 0.87 });
    expect(after.offer.prices.input).toBeGreaterThan(before.offer.prices.input);
    expect(after.offer.asOf).toBe('2026-08-17');
    const show = await runCli(['show', 'deepseek-v4-pro']);
    expect(show.stdout).toMatch(/Price changes[\s\S]*deepseek: until 2026-08-17 \$0\.435 in \/ \$0\.87 out; from 2026-08-17/);
  });

  it('--as-of takes a real date only', async () => {
    const r = await runCli(['--as-of', '2026-02-30', 'show', 'gpt-4o']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--as-of must be a date as YYYY-MM-DD/);
  });

  it('--cache-writes bills tokens written to the cache at the provider’s write price, in its own line', async () => {
    const r = json(
      await runCli(['cost', 'claude-sonnet-4-6', '--requests', '1000', '--input', '10000', '--output', '500', '--cached', '0.6', '--cache-writes', '0.1', '--json']),
    );
    const l = r.results[0];
    const p = l.offer.prices;
    expect(p.cacheWrite).toBeGreaterThan(p.input);
    // 1,000 requests x 10,000 tokens x 10% written, at the write price.
    expect(l.partsPerDay.cacheWrite).toBeCloseTo((1e6 * p.cacheWrite) / 1e6, 9);
    expect(l.partsPerDay.input).toBeCloseTo((3e6 * p.input) / 1e6, 9);
    const bad = await runCli(['cost', 'claude-sonnet-4-6', '--cached', '0.95', '--cache-writes', '0.1']);
    expect(bad.code).toBe(1);
  });
});

describe('numbers stored clean', () => {
  it('no price in the catalog carries float noise (12 significant digits at most)', () => {
    const noisy: string[] = [];
    for (const m of catalog.all())
      for (const o of m.offers)
        for (const [k, v] of Object.entries(o.prices))
          if (typeof v === 'number' && String(v) !== String(Number(v.toPrecision(12)))) noisy.push(`${m.id} ${o.provider} ${k} ${v}`);
    expect(noisy).toEqual([]);
  });

  it('a cached-input price of 0 beside a paid input price is not in the data (it would make cached input free)', () => {
    const zero = catalog
      .all()
      .flatMap((m) => m.offers.filter((o) => o.prices.cacheRead === 0 && (o.prices.input ?? 0) > 0).map((o) => `${m.id} ${o.provider}`));
    expect(zero).toEqual([]);
  });
});

describe('reasoning models are priced with their hidden reasoning tokens', () => {
  it('cost of a reasoning model includes them, says the factor and its source; --reasoning none leaves them out', async () => {
    const args = ['cost', 'gpt-5.5', '--requests', '10000', '--input', '300', '--output', '10', '--json'];
    const withR = json(await runCli(args)).results[0];
    const without = json(await runCli([...args, '--reasoning', 'none'])).results[0];
    expect(withR.reasoning.factor).toBeGreaterThan(1);
    expect(withR.reasoning.source).toMatch(/^https:\/\//);
    expect(withR.notes[0]).toMatch(/includes hidden reasoning tokens: output tokens x [\d.]+ at reasoning effort medium/);
    // Input is the same; the output part grows by the factor.
    expect(withR.partsPerDay.input).toBe(without.partsPerDay.input);
    expect(withR.partsPerDay.output).toBeCloseTo(without.partsPerDay.output * withR.reasoning.factor, 6);
    expect(without.reasoning).toBeNull();
  });

  it('a reasoning model without a measurement says its hidden tokens are not in the cost', async () => {
    const thinker = {
      id: 'acme-thinker',
      name: 'Acme Thinker',
      lab: 'acme',
      category: 'chat',
      capabilities: { reasoning: true },
      offers: [{ provider: 'acme', providerModelId: 'thinker', reference: true, prices: { input: 1, output: 4 }, source: 'internal', asOf: '2026-11-01' }],
    };
    const files = { 'f.json': JSON.stringify({ schemaVersion: 1, models: [thinker] }) };
    const r = json(await runCli(['--catalog', 'f.json', 'cost', 'acme-thinker', '--requests', '100', '--input', '300', '--output', '10', '--json'], { files })).results[0];
    expect(r.reasoning).toBeNull();
    expect(r.notes.join(' ')).toMatch(/no measured figure gives its hidden reasoning tokens/);
  });

  it('a model measured only with reasoning is priced over an estimated base, and says so', async () => {
    // o3 has no run without reasoning: the suite's median model run stands in for one.
    const r = json(await runCli(['cost', 'o3', '--requests', '100', '--input', '300', '--output', '10', '--json'])).results[0];
    expect(r.reasoning.estimate).toMatch(/stand-in, the median of the 114 non-reasoning/);
    expect(r.reasoning.factor).toBe(Number((48350584 / 8227950).toPrecision(3)));
    expect(r.notes.join(' ')).toMatch(/hidden reasoning tokens, estimated: .*the run without reasoning is a stand-in, the median of the 114/);
  });

  it("Claude does not think unless asked (Anthropic's default); --reasoning high prices its thinking run", async () => {
    const args = ['cost', 'claude-sonnet-4-6', '--requests', '100', '--input', '300', '--output', '10', '--json'];
    const plain = json(await runCli(args)).results[0];
    expect(plain.reasoning).toBeNull();
    expect(plain.notes.join(' ')).not.toMatch(/hidden reasoning/);
    expect(plain.notes.join(' ')).toMatch(/does not think unless the request asks/);
    const high = json(await runCli([...args, '--reasoning', 'high'])).results[0];
    expect(high.reasoning.factor).toBe(Number((198158559 / 13758308).toPrecision(3)));
    expect(high.perDay).toBeGreaterThan(plain.perDay);
  });

  it('recommend rates and prices Claude at the same setting: thinking on, since its evidence was measured with it', async () => {
    const wl = ['--requests', '10000', '--input', '500', '--output', '2000'];
    const rec = json(await runCli(['recommend', '--task', 'math', '--prefer', 'quality', '--providers', 'anthropic', '--top', '3', ...wl, '--json']));
    const recs = rec.recommendations as { model: { id: string }; reasoning?: string; perMonth: number }[];
    expect(recs[0]!.model.id).toMatch(/^claude-/);
    // Each is priced at the setting it was rated at; where the catalog has a measured multiplier for
    // the thinking tokens (not for every new Claude), that costs more than the API's default.
    let dearer = 0;
    for (const top of recs) {
      expect(top.reasoning).toBe('high');
      const plain = json(await runCli(['cost', top.model.id, ...wl, '--json'])).results[0];
      const high = json(await runCli(['cost', top.model.id, ...wl, '--reasoning', 'high', '--json'])).results[0];
      expect(top.perMonth).toBe(high.perMonth);
      expect(top.perMonth).toBeGreaterThanOrEqual(plain.perMonth);
      if (top.perMonth > plain.perMonth) dearer++;
    }
    expect(dearer).toBeGreaterThan(0);
    const text = await runCli(['recommend', '--task', 'math', '--prefer', 'quality', '--providers', 'anthropic', '--top', '1']);
    expect(text.stdout).toMatch(/priced with reasoning on \(--reasoning high\)/);
  });

  it("a model whose maker documents its own default (gpt-5.1: none) is priced at it, and says who says so", async () => {
    const args = ['cost', 'gpt-5.1', '--requests', '100', '--input', '300', '--output', '10', '--json'];
    const plain = json(await runCli(args)).results[0];
    expect(plain.reasoning).toBeNull();
    expect(plain.notes.join(' ')).toMatch(/default effort is none, per its maker: https:\/\/platform\.openai\.com/);
    // gpt-5 (before 5.1) still reasons at medium by default; gpt-5.2 (none by default, per a third
    // party) at medium when asked.
    expect(json(await runCli(['cost', 'gpt-5', ...args.slice(2)])).results[0].reasoning.setting).toBe('reasoning effort medium');
    const g52 = json(await runCli(['cost', 'gpt-5.2', ...args.slice(2)])).results[0];
    expect(g52.reasoning).toBeNull();
    expect(g52.notes.join(' ')).toMatch(/per a third party/);
    expect(json(await runCli(['cost', 'gpt-5.2', ...args.slice(2), '--reasoning', 'medium'])).results[0].reasoning.factor).toBeGreaterThan(1);
  });

  it('recommend prices a reasoning model as cost does', async () => {
    const rec = json(await runCli(['recommend', '--task', 'classification', '--prefer', 'quality', '--top', '10', '--json']));
    for (const c of rec.recommendations as { model: { id: string }; perMonth: number; reasoning?: string }[]) {
      // A model rated on runs with reasoning its API does not turn on by default is priced with it, and says at which effort.
      const effort = c.reasoning ? ['--reasoning', c.reasoning] : [];
      const cost = json(await runCli(['cost', c.model.id, '--requests', '10000', '--input', '300', '--output', '10', ...effort, '--json'])).results[0];
      expect(cost.perMonth, c.model.id).toBe(c.perMonth);
    }
  });
});

describe('quality and cost at the same reasoning effort', () => {
  it('--reasoning high rates a model on its leaderboard rows measured at high effort', async () => {
    const at = async (effort: string) =>
      json(await runCli(['recommend', '--task', 'code', '--prefer', 'quality', '--top', '60', '--reasoning', effort, '--json'])).recommendations.find(
        (r: { model: { id: string } }) => r.model.id === 'gpt-5.5',
      );
    const high = await at('high');
    const livebench = high.quality.evidence.filter((e: { benchmark: string }) => e.benchmark.startsWith('livebench'));
    expect(livebench.length).toBeGreaterThan(0);
    for (const e of livebench) expect(e.setting).toBe('reasoning effort high');
    const medium = await at('medium');
    for (const e of medium.quality.evidence.filter((x: { benchmark: string }) => x.benchmark.startsWith('livebench')))
      expect(e.setting).toBe('reasoning effort medium');
  });
});
