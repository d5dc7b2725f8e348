import { describe, expect, it } from 'vitest';
import { json, runCli } from '../support/cli.js';

describe('cost through the real CLI: hand-worked cases', () => {
  it('10M input tokens a day on gpt-4o-mini: $1.50 a day, $45.00 a month', async () => {
    const r = await runCli(['cost', 'gpt-4o-mini', '--input-tokens', '10M']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Per day\s+\$1\.50/);
    expect(r.stdout).toMatch(/Per month\s+\$45\.00/);
    expect(r.stdout).toContain('1 month = 30 days');
    const j = json(await runCli(['cost', 'gpt-4o-mini', '--input-tokens', '10M', '--json']));
    expect(j.results[0]).toMatchObject({ perDay: 1.5, perMonth: 45 });
    expect(j.workload.convention).toMatch(/1 month = 30 days/);
    expect(j.workload.moneyRule).toMatch(/12 significant digits/);
  });

  it('1M requests a day of 500 in / 100 out on gpt-4o-mini: $135.00 a day; --batch 1 halves it', async () => {
    const std = json(await runCli(['cost', 'gpt-4o-mini', '--requests', '1M', '--input', '500', '--output', '100', '--json']));
    expect(std.results[0].perDay).toBe(135);
    expect(std.results[0].perRequest).toBe(0.000135);
    const batch = json(
      await runCli(['cost', 'gpt-4o-mini', '--requests', '1M', '--input', '500', '--output', '100', '--batch', '1', '--json']),
    );
    expect(batch.results[0].perDay).toBe(67.5);
  });

  it('a cached case: 40% of 10M input tokens from the cache', async () => {
    const r = json(await runCli(['cost', 'gpt-4o-mini', '--input-tokens', '10M', '--cached', '40%', '--json']));
    expect(r.results[0].perDay).toBe(1.2);
    expect(r.results[0].partsPerDay).toMatchObject({ input: 0.9, cachedInput: 0.3 });
  });

  it('a tiered case: gemini-2.5-pro per request below and above 200k input tokens', async () => {
    // Without reasoning, so the hand-worked figures are the price list's alone.
    const below = json(
      await runCli(['cost', 'gemini-2.5-pro', '--reasoning', 'none', '--provider', 'google', '--requests', '1000', '--input', '100k', '--output', '1k', '--json']),
    );
    expect(below.results[0].perDay).toBe(135);
    const above = json(
      await runCli(['cost', 'gemini-2.5-pro', '--reasoning', 'none', '--provider', 'google', '--requests', '1000', '--input', '300k', '--output', '1k', '--json']),
    );
    expect(above.results[0].perDay).toBe(765);
    expect(above.results[0].tier).toEqual({ above: 200000 });
  });

  it('a per-search reranker: 10k searches a day on Cohere rerank-v3.5 at $2 per 1000 searches', async () => {
    const r = json(await runCli(['cost', 'rerank-v3.5', '--provider', 'cohere', '--searches', '10k', '--json']));
    expect(r.results[0].perDay).toBe(20);
    expect(r.results[0].perMonth).toBe(600);
  });

  it('shows a per-search price as one, not as a token price of $0', async () => {
    const r = await runCli(['cost', 'rerank-v3.5', 'bge-reranker-v2', '--searches', '10k']);
    expect(r.stdout).toMatch(/rerank-v3\.5: cohere rerank-v3\.5 .*\$0\.002\s+per search/s);
    expect(r.stdout).not.toMatch(/rerank-v3\.5: cohere[^\n]*\$0 in/);
  });

  it('several models: ranked by monthly cost, with a bar chart in the table only', async () => {
    const table = await runCli(['cost', 'gpt-4o', 'gpt-4o-mini', '--requests', '10k', '--input', '1000', '--output', '250']);
    expect(table.stdout).toMatch(/Monthly cost/);
    expect(table.stdout).toMatch(/█/);
    const j = json(await runCli(['cost', 'gpt-4o', 'gpt-4o-mini', '--requests', '10k', '--input', '1000', '--output', '250', '--json']));
    expect(j.results.map((l: any) => l.model.id)).toEqual(['gpt-4o-mini', 'gpt-4o']);
    expect(j.results.map((l: any) => l.rank)).toEqual([1, 2]);
    const csv = await runCli([
      'cost',
      'gpt-4o',
      'gpt-4o-mini',
      '--requests',
      '10k',
      '--input',
      '1000',
      '--output',
      '250',
      '--format',
      'csv',
    ]);
    expect(csv.stdout).not.toMatch(/█/);
    expect(csv.stdout.split('\n')[1]).toMatch(/^1,gpt-4o-mini,GPT-4o mini,openai,/);
  });

  it('shows small amounts with significant digits, never $0.00', async () => {
    const r = await runCli(['cost', 'gpt-4o-mini', '--requests', '1', '--input', '1', '--output', '1']);
    expect(r.stdout).not.toMatch(/Per day\s+\$0\.00\b/);
  });

  it('--discount and --days-per-month', async () => {
    const r = json(await runCli(['cost', 'gpt-4o-mini', '--input-tokens', '10M', '--discount', '20', '--days-per-month', '31', '--json']));
    expect(r.results[0].perDay).toBe(1.2);
    expect(r.results[0].perMonth).toBe(37.2);
  });

  it.each([
    [['--requests', '10X', '--input', '5'], /--requests: "10X" is not a quantity; use 1\.5k, 10M/],
    [['--requests', '-5', '--input', '5'], /--requests: "-5" is not a quantity/],
    [['--input-tokens', ''], /--input-tokens: "" is not a quantity/],
    [['--input-tokens', 'NaN'], /--input-tokens: "NaN" is not a quantity/],
    [['--input-tokens', '1M', '--cached', '40'], /--cached: "40" is not a share/],
    [['--input', '500'], /need --requests/],
    [['--requests', '1M', '--input-tokens', '5M'], /not both/],
  ])('refuses %j naming the flag', async (args, message) => {
    const r = await runCli(['cost', 'gpt-4o-mini', ...args]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: /);
  });

  it('an implausible offer is used only when named, and then with a warning', async () => {
    const def = json(await runCli(['cost', 'gpt-4o-mini', '--input-tokens', '10M', '--json']));
    expect(def.results[0].offer.provider).toBe('openai');
    const xalen = json(await runCli(['cost', 'gpt-4o-mini', '--input-tokens', '10M', '--provider', 'xalen', '--json']));
    expect(xalen.results[0].perDay).toBe(0.15);
    expect(xalen.results[0].warnings.join()).toMatch(/10x below/);
  });

  it('--cheapest picks the cheapest plausible offer', async () => {
    const r = json(await runCli(['cost', 'mistral-small-3-1', '--input-tokens', '10M', '--output-tokens', '1M', '--cheapest', '--json']));
    const cheapest = r.results[0];
    const ref = json(await runCli(['cost', 'mistral-small-3-1', '--input-tokens', '10M', '--output-tokens', '1M', '--json'])).results[0];
    expect(cheapest.perDay).toBeLessThanOrEqual(ref.perDay);
    expect(cheapest.offer.flags.some((f: string) => f.startsWith('price-deviation') || f.startsWith('free'))).toBe(false);
  });
});
