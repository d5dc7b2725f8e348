import { describe, expect, it } from 'vitest';
import type { Benchmark, Model } from '../../src/catalog/schema.js';
import { buildDistributions, taskQuality } from '../../src/core/quality.js';
import { rankForTask } from '../../src/core/recommend.js';
import { evidenceNote, recommend } from '../../src/core/advice.js';
import { TASKS, countTests, testOf } from '../../src/core/tasks.js';

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
  offers: [
    {
      provider: 'p',
      providerModelId: id,
      prices: { input, output: input * 4 },
      reference: true,
      source: 'https://p.example',
      asOf: '2026-01-01',
    },
  ],
});
const maker = { selfReported: true, harness: 'self-reported' };
const livebench = { harness: 'livebench', version: '2026-01-08' };

// A field of ordinary models, so percentiles mean something.
const field = Array.from({ length: 8 }, (_, i) =>
  model(`m${i}`, [
    fig('livebench-coding', 40 + i * 3, livebench),
    fig('livebench-agentic-coding', 30 + i * 3, livebench),
    fig('swe-bench-pro', 20 + i * 4, maker),
  ]),
);

describe('task quality', () => {
  it('a current model with two independent figures outranks an old one with a single strong self-reported figure', () => {
    const current = model('current', [fig('livebench-coding', 70, livebench), fig('livebench-agentic-coding', 60, livebench)]);
    const old = model('old', [fig('swe-bench-pro', 99, maker)]);
    const r = rankForTask([...field, current, old], {
      task: TASKS.code,
      prefer: 'quality',
      constraints: { today: '2026-12-02', minEvidence: 1 },
    });
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
    // n counts tests: one test run by several parties (SAME_TEST) counts once.
    expect(top.coverage).toEqual({ k: 3, n: countTests(TASKS.code.benchmarks.map((b) => b.id)) });
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

  it('takes percentiles among the recent models reporting a key: weak old models do not lift the current ones', () => {
    const dated = (id: string, releaseDate: string, score: number) => ({ ...model(id, [fig('aa-hle', score)]), releaseDate });
    const current = Array.from({ length: 4 }, (_, i) => dated(`c${i}`, '2026-06-01', 30 + i * 10)); // 30, 40, 50, 60
    const pctOf = (field: Model[], id: string) => {
      const m = field.find((x) => x.id === id)!;
      return taskQuality(m, TASKS.math, buildDistributions(field)).evidence[0]!.percentile;
    };
    const before = pctOf(current, 'c1');
    // Twenty models of 2023 that all score below every current one.
    const old = Array.from({ length: 20 }, (_, i) => dated(`o${i}`, '2023-01-01', 5 + i));
    expect(pctOf([...current, ...old], 'c1')).toBe(before);
    // An old model is placed on the recent field's scale: below all of it.
    expect(pctOf([...current, ...old], 'o0')).toBe(0);
    // Without release dates (or with too few recent reports) every model reporting the key is the field.
    const undated = [...current, ...old].map(({ releaseDate: _r, ...m }) => m);
    expect(pctOf(undated, 'c1')).toBeGreaterThan(before);
  });

  it('of two figures whose versions are names, not dates, the newer stands, then the one more models report', () => {
    const v = (version: string, asOf: string) => ({ ...maker, version, asOf });
    // Five models report MMMU-Pro "no tools", three "with tools": same day, so the wider comparison stands
    // (by name alone, "with tools" sorts last and would win).
    const wide = Array.from({ length: 5 }, (_, i) => model(`n${i}`, [fig('mmmu-pro', 60 + i, v('no tools', '2026-03-01'))]));
    const narrow = Array.from({ length: 3 }, (_, i) => model(`w${i}`, [fig('mmmu-pro', 70 + i, v('with tools', '2026-03-01'))]));
    const both = model('both', [fig('mmmu-pro', 62, v('no tools', '2026-03-01')), fig('mmmu-pro', 80, v('with tools', '2026-03-01'))]);
    const dists = buildDistributions([...wide, ...narrow, both]);
    expect(taskQuality(both, TASKS.vision, dists).evidence[0]?.score).toBe(62);
    // Different days: the newer one, whatever its name.
    const later = model('later', [fig('mmmu-pro', 62, v('b-setup', '2026-01-01')), fig('mmmu-pro', 75, v('a-setup', '2026-05-01'))]);
    const others = ['a-setup', 'b-setup'].flatMap((s) =>
      Array.from({ length: 3 }, (_, i) => model(`${s}${i}`, [fig('mmmu-pro', 50 + i, v(s, s === 'a-setup' ? '2026-05-01' : '2026-01-01'))])),
    );
    expect(taskQuality(later, TASKS.vision, buildDistributions([...others, later])).evidence[0]?.score).toBe(75);
  });

  it("places a partial board's figure on the full release it names: its percentile there, none of its own", () => {
    const full = { harness: 'arena', version: '2026-08-22' };
    const top = { harness: 'arena top 3', version: '2026-09-21', placedOn: full };
    // A full board of ten, and a top 3 of a later day that knows a model the full board does not.
    const board = Array.from({ length: 10 }, (_, i) => model(`a${i}`, [fig('lmarena-text', 1400 + i * 10, full)]));
    const newcomer = model('newcomer', [fig('lmarena-text', 1475, top)]);
    const dists = buildDistributions([...board, newcomer]);
    // The placed figure adds nothing to either key.
    expect(dists.get('lmarena-text|2026-08-22|arena')).toHaveLength(10);
    expect(dists.has('lmarena-text|2026-09-21|arena top 3')).toBe(false);
    const q = taskQuality(newcomer, TASKS.chat, dists);
    const e = q.evidence.find((x) => x.benchmark === 'lmarena-text')!;
    // 1475 sits above 8 of the full board's 10 (1400..1490): the 80th percentile, not the bottom of a top 3.
    expect(e.percentile).toBe(80);
    expect(e.reports).toBe(10);
    expect(e.placedOn).toEqual(full);
    // A model on both boards: the newer, placed figure stands.
    const both = model('both', [fig('lmarena-text', 1450, full), fig('lmarena-text', 1480, top)]);
    const q2 = taskQuality(both, TASKS.chat, buildDistributions([...board, both]));
    expect(q2.evidence.find((x) => x.benchmark === 'lmarena-text')?.score).toBe(1480);
  });

  it('ranks a score that is better lower (a rank) by the figures above it', () => {
    // Ranks 1..10 on a board where 1 is best: rank 2 beats 8 of the other 9 and ties itself.
    const ranked = { harness: 'board', version: '2026-04-20', lowerIsBetter: true as const };
    const board = Array.from({ length: 10 }, (_, i) => model(`r${i + 1}`, [fig('global-mmlu-lite', i + 1, ranked)]));
    const dists = buildDistributions(board);
    const pct = (id: string) => taskQuality(board.find((m) => m.id === id)!, TASKS.translation, dists).evidence[0]!;
    expect(pct('r2').percentile).toBe(85);
    expect(pct('r2').lowerIsBetter).toBe(true);
    expect(pct('r10').percentile).toBe(5);
    expect(pct('r1').percentile).toBeGreaterThan(pct('r5').percentile);
  });

  it('counts one test run by two parties once: two MMMU-Pro runs are one benchmark toward k of n', () => {
    const vision = (id: string, vals: number, mercor: number, arena?: number) => {
      const m = model(id, [
        fig('vals-mmmu-pro', vals, { harness: 'vals' }),
        fig('mercor-mmmu-pro', mercor, { harness: 'mercor' }),
        ...(arena === undefined ? [] : [fig('lmarena-vision', arena, { harness: 'arena' })]),
      ]);
      m.capabilities = { vision: true };
      return m;
    };
    const models = [vision('v1', 70, 60, 1200), vision('v2', 72, 61, 1210), vision('v3', 74, 62, 1220), vision('two-runs', 99, 99)];
    const q = taskQuality(models[3]!, TASKS.vision, buildDistributions(models));
    expect(q.evidence).toHaveLength(2);
    expect(q.coverage?.k).toBe(1);
    expect(q.coverage?.n).toBeLessThan(TASKS.vision.benchmarks.length);
    // Resting on one test, it is not ranked without --min-evidence 1; with the arena's figure too, it is.
    const r = rankForTask(models, { task: TASKS.vision, prefer: 'quality', constraints: { today: '2026-12-02' } });
    expect(r.excluded.find((e) => e.model.id === 'two-runs')?.reason).toBe('thin-evidence');
    expect(r.candidates.map((c) => c.model.id)).toContain('v3');
  });

  it('one test run by several parties weighs no more than the task weighs the test', () => {
    const bash = { harness: 'swe-bench' };
    const swe = (s: number) => [
      fig('swe-bench-verified-bash-only', s, bash),
      fig('vals-swe-bench', s, { harness: 'vals' }),
      fig('mercor-swe-bench-verified', s, { harness: 'mercor' }),
      fig('livebench-coding', 100 - s, livebench),
    ];
    const models = [10, 20, 30, 40].map((s) => model(`s${s}`, swe(s)));
    const q = taskQuality(models[3]!, TASKS.code, buildDistributions(models));
    // Three runs of SWE-bench Verified, best of the field on each, and LiveBench's worst: the three
    // runs weigh as SWE-bench Verified weighs in code (2), not 3, so the two tests pull equally.
    const sweWeight = Math.max(...TASKS.code.benchmarks.filter((b) => testOf(b.id) === 'swe-bench-verified').map((b) => b.weight));
    const lbWeight = TASKS.code.benchmarks.find((b) => b.id === 'livebench-coding')!.weight;
    const pct = (x: string) => q.evidence.find((e) => e.benchmark === x)!.percentile;
    const want = (pct('swe-bench-verified-bash-only') * sweWeight + pct('livebench-coding') * lbWeight + 50) / (sweWeight + lbWeight + 1);
    expect(q.coverage?.k).toBe(2);
    expect(q.score).toBeCloseTo(want, 1);
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
    const cheap = rankForTask([...field, weak, unrated], {
      task: TASKS.code,
      prefer: 'cheapest',
      constraints: { today: '2026-12-02', includeUnrated: true },
    });
    const ids = cheap.candidates.map((c) => c.model.id);
    expect(ids).not.toContain('weak-cheap');
    expect(ids.at(-1)).toBe('unrated-cheapest');
  });
});

describe('how much the evidence behind a ranking is worth', () => {
  const w = { period: 'day' as const, requests: 1000, input: 2000, output: 800, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };
  const c = { today: '2026-12-02' };

  it('is weak when the models shown rest only on makers’ figures or on figures over a year old', () => {
    // Two models rated by their makers alone, one of them on figures from 2025 only.
    const makerOnly = model('maker-only', [fig('swe-bench-pro', 99, maker), fig('livecodebench', 90, maker)]);
    const old = model('old-maker', [
      fig('swe-bench-pro', 98, { ...maker, asOf: '2025-03-01' }),
      fig('livecodebench', 89, { ...maker, asOf: '2025-03-01' }),
    ]);
    const others = ['a', 'b'].map((id, i) => model(id, [fig('livecodebench', 10 + i, maker)]));
    const r = recommend(
      [...field, makerOnly, old, ...others],
      TASKS.code,
      w,
      false,
      { ...c, qualityFloor: 0 },
      'quality',
      20,
      0,
      undefined,
      { rated: 8, able: 10 },
    );
    expect(r.recommendations.map((x) => x.model.id)).toEqual(expect.arrayContaining(['maker-only', 'old-maker', 'm7']));
    // The field's models rest on LiveBench as well: only the two are named.
    expect(r.evidence.makerOnly.sort()).toEqual(['maker-only', 'old-maker']);
    expect(r.evidence.stale).toEqual([{ id: 'old-maker', newest: '2025-03-01' }]);
    expect(r.evidence.weak).toBe(true);
  });

  it('is sound when the models shown rest on independent, recent figures and the task is widely covered', () => {
    const r = recommend(field, TASKS.code, w, false, c, 'quality', 3, 0, undefined, { rated: 8, able: 10 });
    expect(r.evidence).toMatchObject({ makerOnly: [], stale: [], weak: false });
    // Under a third of the recent models rated for the task: weak, whatever the models shown rest on.
    const sparse = recommend(field, TASKS.code, w, false, c, 'quality', 3, 0, undefined, { rated: 3, able: 10 });
    expect(sparse.evidence.weak).toBe(true);
    // Without a day to judge by, nothing is called stale.
    const undated = evidenceNote(
      [
        {
          model: { id: 'x', name: 'x', lab: 'l' },
          quality: {
            score: 60,
            evidence: [{ benchmark: 'b', score: 1, metric: 'm', percentile: 50, weight: 1, reports: 3, source: 's', asOf: '2020-01-01' }],
          },
        },
      ],
      null,
      0,
      undefined,
    );
    expect(undated.stale).toEqual([]);
  });
});
