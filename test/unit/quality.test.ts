import { describe, expect, it } from 'vitest';
import type { Benchmark, Model } from '../../src/catalog/schema.js';
import { buildDistributions, taskQuality } from '../../src/core/quality.js';
import { rankForTask } from '../../src/core/recommend.js';
import { TASKS } from '../../src/core/tasks.js';

// The method pinned on a fixture, not on today's model names.
const fig = (benchmark: string, score: number, extra: Partial<Benchmark> = {}): Benchmark => ({
  benchmark,
  score,
  metric: 'score',
  source: 'https://leaderboard.example',
  asOf: '2026-06-01',
  ...extra,
});
const model = (id: string, benchmarks: Benchmark[], input = 1): Model => ({
  id,
  name: id,
  lab: 'lab',
  category: 'chat',
  benchmarks,
  offers: [{ provider: 'p', providerModelId: id, prices: { input, output: input * 4 }, reference: true, source: 'https://p.example', asOf: '2026-01-01' }],
});
const maker = { selfReported: true, harness: 'self-reported' };
const livebench = { harness: 'livebench', version: '2026-01-08' };

// A field of ordinary models, so percentiles mean something.
const field = Array.from({ length: 8 }, (_, i) =>
  model(`m${i}`, [fig('livebench-coding', 40 + i * 3, livebench), fig('livebench-agentic-coding', 30 + i * 3, livebench), fig('swe-bench-pro', 20 + i * 4, maker)]),
);

describe('task quality', () => {
  it('a current model with two independent figures outranks an old one with a single strong self-reported figure', () => {
    const current = model('current', [fig('livebench-coding', 70, livebench), fig('livebench-agentic-coding', 60, livebench)]);
    const old = model('old', [fig('swe-bench-pro', 99, maker)]);
    const r = rankForTask([...field, current, old], { task: TASKS.code, prefer: 'quality', constraints: { today: '2026-12-02', minEvidence: 1 } });
    const ids = r.candidates.map((c) => c.model.id);
    expect(ids.indexOf('current')).toBeLessThan(ids.indexOf('old'));
    // Without --min-evidence 1 the single-figure model is not ranked at all.
    const strict = rankForTask([...field, current, old], { task: TASKS.code, prefer: 'quality', constraints: { today: '2026-12-02' } });
    expect(strict.candidates.map((c) => c.model.id)).not.toContain('old');
    expect(strict.excluded.find((e) => e.model.id === 'old')?.reason).toBe('thin-evidence');
  });

  it('shrinks toward 50 when evidence is thin, and says k of n', () => {
    const dists = buildDistributions(field);
    const top = taskQuality(field[7]!, TASKS.code, dists);
    expect(top.coverage).toEqual({ k: 3, n: TASKS.code.benchmarks.length });
    const one = taskQuality(model('one', [fig('livebench-coding', 99, livebench)]), TASKS.code, dists);
    expect(one.coverage?.k).toBe(1);
    // Best on its one benchmark, yet pulled halfway to the middle.
    expect(one.score).toBeGreaterThan(50);
    expect(one.score).toBeLessThan(top.score!);
  });

  it('never pools figures of different harnesses or versions, and never takes the best of several settings', () => {
    // Two harnesses of the same benchmark: a maker's 69 is not compared with a leaderboard's 15.
    const scale = Array.from({ length: 3 }, (_, i) => model(`s${i}`, [fig('swe-bench-pro', 40 + i, { harness: 'scale-seal' })]));
    const vendor = model('vendor', [fig('swe-bench-pro', 69, maker)]);
    const aa = model('aa', [fig('swe-bench-pro', 15, { harness: 'artificial-analysis' })]);
    const dists = buildDistributions([...field, ...scale, vendor, aa]);
    expect(dists.get('swe-bench-pro||scale-seal')).toEqual([40, 41, 42]);
    expect(dists.get('swe-bench-pro||artificial-analysis')).toEqual([15]);
    // Settings: the default row stands, not the higher "high" row.
    const settings = model('settings', [
      fig('livebench-coding', 50, { ...livebench, setting: 'default' }),
      fig('livebench-coding', 90, { ...livebench, setting: 'reasoning effort high' }),
      fig('livebench-agentic-coding', 40, livebench),
    ]);
    const q = taskQuality(settings, TASKS.code, buildDistributions([...field, settings]));
    expect(q.evidence.find((e) => e.benchmark === 'livebench-coding')?.score).toBe(50);
    // An independent figure stands before a maker's own for the same benchmark.
    const both = model('both', [fig('livebench-coding', 60, livebench), fig('livebench-coding', 95, { ...maker, version: '2026-01-08' })]);
    const q2 = taskQuality(both, TASKS.code, buildDistributions([...field, both]));
    expect(q2.evidence.find((e) => e.benchmark === 'livebench-coding')?.selfReported).toBeUndefined();
  });

  it('a maker’s own figure weighs half an independent one', () => {
    const dists = buildDistributions(field);
    const q = taskQuality(field[3]!, TASKS.code, dists);
    const pro = q.evidence.find((e) => e.benchmark === 'swe-bench-pro')!;
    const lb = q.evidence.find((e) => e.benchmark === 'livebench-agentic-coding')!;
    expect(pro.weight).toBe(lb.weight / 2);
  });

  it('--prefer cheapest keeps the bar; --include-unrated lists unrated models after the rated ones', () => {
    const weak = model('weak-cheap', [fig('livebench-coding', 1, livebench), fig('livebench-agentic-coding', 1, livebench)], 0.01);
    const unrated = model('unrated-cheapest', [], 0.001);
    const cheap = rankForTask([...field, weak, unrated], { task: TASKS.code, prefer: 'cheapest', constraints: { today: '2026-12-02', includeUnrated: true } });
    const ids = cheap.candidates.map((c) => c.model.id);
    expect(ids).not.toContain('weak-cheap');
    expect(ids.at(-1)).toBe('unrated-cheapest');
  });
});
