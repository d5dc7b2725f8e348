import { describe, expect, it } from 'vitest';
import type { Benchmark, Model } from '../../src/catalog/schema.js';
import { compareModels } from '../../src/core/compare.js';

const fig = (benchmark: string, score: number, extra: Partial<Benchmark> = {}): Benchmark => ({
  benchmark,
  score,
  metric: 'score',
  version: '2026-04-20',
  harness: 'board',
  source: 'https://leaderboard.example',
  asOf: '2026-04-20',
  ...extra,
});
const model = (id: string, benchmarks: Benchmark[]): Model => ({
  id,
  name: id,
  lab: 'lab',
  category: 'chat',
  benchmarks,
  offers: [{ provider: 'p', providerModelId: id, prices: { input: 1, output: 4 }, reference: true, source: 'https://p.example', asOf: '2026-01-01' }],
});
const compare = (a: Model, b: Model) =>
  compareModels({
    models: [a, b],
    flagsWorkload: (d) => ({ workload: { period: 'day', requests: d.requests, input: d.input, output: d.output, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 }, defaulted: true }),
    pick: {},
  }).verdicts.find((v) => v.kind === 'benchmarks');

describe('compare: the benchmark verdict', () => {
  it('goes to the higher score, or to the lower where the score is a rank', () => {
    const rank = { lowerIsBetter: true as const, metric: 'rank, lower is better' };
    // a: better on the higher-is-better test and on both ranks; b: only on nothing.
    const a = model('a', [fig('mmlu-pro', 80), fig('euroeval-rank', 1.4, rank), fig('arena-rank', 3, rank)]);
    const b = model('b', [fig('mmlu-pro', 70), fig('euroeval-rank', 2.6, rank), fig('arena-rank', 9, rank)]);
    const v = compare(a, b)!;
    expect(v.winner).toBe('a');
    expect(v.text).toMatch(/^a does better on 3 of 3 benchmarks both report/);
    // Without ranks the verdict still reads as it did.
    expect(compare(model('a', [fig('mmlu-pro', 80)]), model('b', [fig('mmlu-pro', 70)]))!.text).toMatch(/^a scores higher on 1 of 1/);
  });
});
