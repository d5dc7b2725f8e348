import { describe, expect, it } from 'vitest';
import { stripAnsi, visibleLength } from '../../src/render/table.js';
import { json, runCli } from '../support/cli.js';

const maxWidth = (s: string) => Math.max(...s.split('\n').map(visibleLength));

describe('compare', () => {
  it('gpt-4o-mini vs bge-reranker-v2: not substitutes, a pipeline with its cost, no winner on input price', async () => {
    const r = json(await runCli(['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--json']));
    expect(r.substitutes).toBe(false);
    expect(r.verdicts).toEqual([]);
    expect(r.pipeline.stages.map((s: any) => s.role)).toEqual(['rerank', 'generate']);
    expect(r.pipeline.perMonth).toBeCloseTo(
      r.pipeline.stages.reduce((a: number, s: any) => a + s.perMonth, 0),
      6,
    );
    expect(r.notes[0]).toMatch(/not substitutes/);
    const params = Object.fromEntries(r.models.map((m: any) => [m.id, m.parameters]));
    expect(params['gpt-4o-mini']).toBe('not disclosed');
    expect(params['bge-reranker-v2-m3']).toBe('568000000');
  });

  it("gpt-4o vs gpt-4o-mini: verdicts computed from the maker's prices", async () => {
    const r = json(await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--json']));
    expect(r.substitutes).toBe(true);
    const input = r.verdicts.find((v: any) => v.kind === 'input-price');
    expect(input.winner).toBe('gpt-4o-mini');
    expect(input.ratio).toBeCloseTo(2.5 / 0.15, 6);
    expect(input.text).toBe('gpt-4o-mini is 17x cheaper on input tokens than gpt-4o');
    const cost = r.costs.find((c: any) => c.model.id === 'gpt-4o');
    // Default workload: 10,000 requests a day of 1,000 in and 250 out at $2.50 / $10.
    expect(cost.perDay).toBe(50);
    expect(r.workload.defaulted).toBe(true);
  });

  it('no verdict rests on an unknown figure', async () => {
    const r = json(await runCli(['compare', 'gpt-4o-mini', 'gemma-3-12b', '--json']));
    for (const v of r.verdicts) if (v.text.includes('unknown')) expect(v.winner).toBeNull();
    const speed = r.verdicts.find((v: any) => v.kind === 'output-speed');
    expect(speed.winner).toBeNull();
  });

  it('the workload flags apply to every model', async () => {
    const r = json(await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--requests', '1M', '--input', '500', '--output', '100', '--json']));
    expect(r.costs.find((c: any) => c.model.id === 'gpt-4o-mini').perDay).toBe(135);
  });

  it('shows a much cheaper plausible offer beside the reference one', async () => {
    const r = json(await runCli(['compare', 'gemma-3-12b', 'mistral-small-3-1', '--json']));
    for (const m of r.models) if (m.cheaperOffer) expect(m.cheaperOffer.savingShare).toBeGreaterThanOrEqual(0.25);
  });

  it('fits an 80-column terminal, four models included', async () => {
    for (const args of [
      ['compare', 'gpt-4o-mini', 'bge-reranker-v2'],
      ['compare', 'gpt-4o', 'gpt-4o-mini'],
      ['compare', 'mistral-small-3-1', 'bge-reranker-v2'],
      ['compare', 'gpt-4o-mini', 'mistral-small-3-1', 'gemma-3-12b', 'claude-haiku-3.5'],
    ]) {
      const r = await runCli(args, { columns: 80 });
      expect(r.code).toBe(0);
      const tables = r.stdout
        .split('\n')
        .filter((l) => /[│┌└├]/.test(l))
        .join('\n');
      expect(maxWidth(tables), args.join(' ')).toBeLessThanOrEqual(80);
    }
  });

  it('needs two different models', async () => {
    expect((await runCli(['compare', 'gpt-4o-mini'])).code).toBe(1);
    const dup = await runCli(['compare', 'gpt-4o-mini', 'gpt4o-mini']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/named twice/);
  });

  it('markdown and csv carry one row per model: its facts and its cost', async () => {
    const md = await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--format', 'markdown']);
    expect(md.stdout).toMatch(/\| id \| name \| lab \|/);
    const csv = await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--format', 'csv']);
    const [head, ...rows] = csv.stdout.trim().split('\n');
    expect(head!.split(',')).toEqual(expect.arrayContaining(['id', 'context_window', 'cost.per_month', 'cost.per_day', 'verdicts_won']));
    expect(rows.map((r) => r.split(',')[0])).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(stripAnsi(csv.stdout)).toBe(csv.stdout);
  });
});

describe('compare never pools figures measured differently', () => {
  const model = (id: string, benchmarks: unknown[]) => ({
    id,
    name: id,
    lab: 'acme',
    category: 'chat',
    benchmarks,
    offers: [{ provider: 'acme', providerModelId: id, reference: true, prices: { input: 1, output: 2 }, source: 'test', asOf: '2026-11-01' }],
  });
  const fig = (score: number, harness: string, version?: string) => ({ benchmark: 'mmlu-pro', score, metric: 'accuracy %', harness, version, source: 'https://example.org', asOf: '2026-10-01' });
  const files = {
    'f.json': JSON.stringify({
      schemaVersion: 1,
      models: [model('pool-a', [fig(90, 'self-reported'), fig(60, 'artificial-analysis', 'v2')]), model('pool-b', [fig(70, 'artificial-analysis', 'v2'), fig(80, 'artificial-analysis', 'v1')])],
    }),
  };

  it('a row per benchmark, version and harness; a verdict only over rows both report', async () => {
    const r = json(await runCli(['--catalog', 'f.json', 'compare', 'pool-a', 'pool-b', '--json'], { files }));
    const [a, b] = r.models as { benchmarks: Record<string, { score: number }> }[];
    expect(a!.benchmarks['mmlu-pro (maker)']!.score).toBe(90);
    expect(a!.benchmarks['mmlu-pro v2 (artificial-analysis)']!.score).toBe(60);
    expect(b!.benchmarks['mmlu-pro v1 (artificial-analysis)']!.score).toBe(80);
    const verdict = (r.verdicts as { kind: string; winner: string | null; text: string }[]).find((v) => v.kind === 'benchmarks')!;
    // Only v2 by the same harness is shared: pool-b's 70 beats pool-a's 60, whatever pool-a's maker says.
    expect(verdict.winner).toBe('pool-b');
    expect(verdict.text).toMatch(/1 of 1 benchmarks both report/);
  });
});

describe('compare: the short default and --full', () => {
  const lines = (s: string) => s.replace(/\n$/, '').split('\n').length;

  it('two models: at most 50 lines at 80 columns, the headline command included', async () => {
    for (const args of [
      ['compare', 'gpt-4o-mini', 'bge-reranker-v2'],
      ['compare', 'mistral-small-3-1', 'bge-reranker-v2'],
      ['compare', 'gpt-4.1-mini', 'gpt-4.1-nano'],
    ]) {
      const r = await runCli(args, { columns: 80 });
      expect(r.code).toBe(0);
      expect(lines(r.stdout), args.join(' ')).toBeLessThanOrEqual(50);
      expect(maxWidth(r.stdout), args.join(' ')).toBeLessThanOrEqual(80);
    }
  });

  it('three models: at most 70 lines at 80 columns (15 of them the three lifecycle notices)', async () => {
    const r = await runCli(['compare', 'claude-sonnet-4-5', 'gpt-4.1', 'gemini-2.5-flash'], { columns: 80 });
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toBeLessThanOrEqual(70);
    const full = await runCli(['compare', 'claude-sonnet-4-5', 'gpt-4.1', 'gemini-2.5-flash', '--full'], { columns: 80 });
    expect(lines(full.stdout)).toBeGreaterThan(lines(r.stdout) * 2);
  });

  it('the default shows only benchmarks every model reports, at most five, and no "no verdict" lines', async () => {
    const j = json(await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--json']));
    const [a, b] = j.models as { benchmarks: Record<string, unknown> }[];
    const shared = Object.keys(a!.benchmarks).filter((k) => b!.benchmarks[k]);
    const only = Object.keys(a!.benchmarks).filter((k) => !b!.benchmarks[k]);
    expect(shared.length).toBeGreaterThan(5);
    const out = (await runCli(['compare', 'gpt-4o', 'gpt-4o-mini'])).stdout;
    const rows = out.split('\n').filter((l) => [...shared, ...only].some((k) => l.startsWith(`${k}  `)));
    expect(rows.length).toBe(5);
    for (const row of rows) expect(shared.some((k) => row.startsWith(`${k}  `))).toBe(true);
    expect(out).not.toMatch(/so no verdict/);
    expect(j.verdicts.some((v: any) => v.text.includes('so no verdict'))).toBe(true);

    const reranker = (await runCli(['compare', 'gpt-4o-mini', 'bge-reranker-v2'])).stdout;
    expect(reranker).not.toMatch(/aider-polyglot|beir-ndcg10/);
  });

  it('--full has every fact, every benchmark row and every verdict; --json is the same with or without it', async () => {
    const args = ['compare', 'gpt-4o', 'gpt-4o-mini'];
    const j = json(await runCli([...args, '--json']));
    expect(json(await runCli([...args, '--full', '--json']))).toEqual(j);
    const full = (await runCli([...args, '--full'], { env: { COLUMNS: '200' } })).stdout;
    const labels = new Set<string>(j.models.flatMap((m: any) => Object.keys(m.benchmarks)));
    for (const l of labels) expect(full).toContain(`│ ${l} `);
    for (const v of j.verdicts) expect(full.replace(/\n\s+/g, ' ')).toContain(v.text);
    for (const fact of ['Lab', 'Parameters', 'Latency source', 'Modalities', 'Fine-tuning', 'Knowledge']) expect(full).toContain(`│ ${fact} `);
  });

  it('tables of one-line rows have no rule between rows', async () => {
    const out = (await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--requests', '1M', '--input', '500', '--output', '100'])).stdout;
    // The cost table: one rule under the head, none between its two rows.
    expect(out.split('\n').filter((l) => l.startsWith('├')).length).toBe(1);
    const full = (await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--full'], { env: { COLUMNS: '200' } })).stdout;
    expect(full.split('\n').filter((l) => l.startsWith('├')).length).toBe(2);
  });
});
