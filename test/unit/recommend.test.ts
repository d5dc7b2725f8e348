import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/catalog/schema.js';
import { buildDistributions, percentile, taskQuality } from '../../src/core/quality.js';
import { COUNTED_ONLY, defaultWorkload, PREFERENCES, rankForTask, type Constraints } from '../../src/core/recommend.js';
import { planRoute } from '../../src/core/route.js';
import { findTask, TASK_IDS, TASKS } from '../../src/core/tasks.js';
import { bundled } from '../support/catalog.js';

const models: Model[] = bundled().all();
const dists = buildDistributions(models);
const ids = (r: { candidates: { model: { id: string } }[] }) => new Set(r.candidates.map((c) => c.model.id));

describe('quality evidence', () => {
  it('percentile is a mid-rank in 0..100', () => {
    expect(percentile([1, 2, 3, 4], 1)).toBe(12.5);
    expect(percentile([1, 2, 3, 4], 4)).toBe(87.5);
    expect(percentile([5, 5], 5)).toBe(50);
  });

  it("rates a model from the task's benchmarks, with each score's source", () => {
    const mini = bundled().resolve('gpt-4o-mini').model;
    const q = taskQuality(mini, TASKS.classification, dists);
    expect(q.score).toBeGreaterThan(0);
    expect(q.evidence.map((e) => e.benchmark)).toContain('mmlu');
    for (const e of q.evidence) expect(e.source).toMatch(/^https?:/);
  });

  it('leaves a model without evidence unrated', () => {
    const reranker = bundled().resolve('bge-reranker-base').model;
    expect(taskQuality({ benchmarks: [] }, TASKS.classification, dists).score).toBeNull();
    expect(taskQuality(reranker, TASKS.math, dists).score).toBeNull();
  });

  it('finds tasks by id and alias', () => {
    expect(findTask('classification')?.id).toBe('classification');
    expect(findTask('tool-use')?.id).toBe('agentic');
    expect(findTask('long context')?.id).toBe('long-document');
    expect(findTask('knitting')).toBeUndefined();
  });
});

describe('rankForTask: table-driven', () => {
  it.each(TASK_IDS)("%s: candidates are of the task's kind, rated, and meet its needs", (id) => {
    const task = TASKS[id];
    const r = rankForTask(models, { task: id, distributions: dists, constraints: { qualityFloor: 0 }, prefer: 'cheapest' });
    for (const c of r.candidates) {
      const m = models.find((x) => x.id === c.model.id)!;
      expect(m.category).toBe(task.category);
      expect(c.quality.score).not.toBeNull();
      for (const need of task.needs) expect(m.capabilities?.[need]).toBe(true);
    }
  });

  it('cheapest ranks by monthly cost, quality by score', () => {
    const cheap = rankForTask(models, { task: 'summarization', prefer: 'cheapest', distributions: dists });
    const costs = cheap.candidates.map((c) => c.perMonth);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
    const best = rankForTask(models, { task: 'summarization', prefer: 'quality', distributions: dists });
    const qs = best.candidates.map((c) => c.quality.score!);
    expect(qs).toEqual([...qs].sort((a, b) => b - a));
  });

  it.each([
    [{ needs: ['vision'] }, 'capability'],
    [{ openWeights: true }, 'open-weights'],
    [{ minContext: 1_000_000 }, 'context'],
    [{ maxLatencyMs: 500 }, 'latency'],
    [{ budget: { amount: 1, period: 'month' } }, 'budget'],
    [{ providers: ['mistral'] }, 'providers'],
  ] as [Constraints, string][])('%j excludes with reason %s', (constraints, reason) => {
    const r = rankForTask(models, { task: 'classification', constraints, distributions: dists });
    expect(r.excludedCounts[reason as keyof typeof r.excludedCounts]).toBeGreaterThan(0);
  });
});

const constraintArb = fc.record(
  {
    needs: fc.subarray(['tools', 'structuredOutput', 'vision', 'reasoning'] as const),
    minContext: fc.constantFrom(32_000, 128_000, 200_000, 1_000_000),
    maxLatencyMs: fc.constantFrom(300, 800, 2000),
    budget: fc.record({
      amount: fc.double({ min: 1, max: 100_000, noNaN: true }),
      period: fc.constantFrom('day', 'month') as fc.Arbitrary<'day' | 'month'>,
    }),
    openWeights: fc.constant(true),
    providers: fc.subarray(['openai', 'google', 'mistral', 'openrouter', 'togetherai'], { minLength: 1 }),
  },
  { requiredKeys: [] },
);
const taskArb = fc.constantFrom(...TASK_IDS.filter((t) => TASKS[t].category === 'chat'));

describe('rankForTask: properties', () => {
  it('adding a constraint never adds candidates', () => {
    fc.assert(
      fc.property(taskArb, constraintArb, constraintArb, fc.constantFrom(...PREFERENCES), (task, base, extra, prefer) => {
        const merged: Constraints = { ...base };
        for (const [k, v] of Object.entries(extra))
          if ((merged as Record<string, unknown>)[k] === undefined) (merged as Record<string, unknown>)[k] = v;
        const before = ids(rankForTask(models, { task, constraints: base, prefer, distributions: dists }));
        const after = ids(rankForTask(models, { task, constraints: merged, prefer, distributions: dists }));
        for (const id of after) expect(before.has(id)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('raising the budget never removes any', () => {
    fc.assert(
      fc.property(
        taskArb,
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 10, noNaN: true }),
        (task, low, factor) => {
          const a = ids(rankForTask(models, { task, constraints: { budget: { amount: low, period: 'month' } }, distributions: dists }));
          const b = ids(
            rankForTask(models, { task, constraints: { budget: { amount: low * factor, period: 'month' } }, distributions: dists }),
          );
          for (const id of a) expect(b.has(id)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('a latency bound', () => {
  it("prices the cheapest host that meets it when the usual pick does not, and says why", async () => {
    const { candidateLatency } = await import('../../src/core/recommend.js');
    const task = TASKS.chat;
    const w = defaultWorkload(task);
    const out = w.output ?? 250;
    // A rated chat model whose maker's API is measured slower than another host of it.
    const found = models
      .filter((m) => m.category === 'chat' && m.offers.some((o) => o.reference))
      .flatMap((m) => {
        const maker = m.offers.find((o) => o.reference)!.provider;
        const slow = candidateLatency(m, maker, out)?.endToEndMs;
        if (slow == null) return [];
        const fast = [...new Set(m.offers.map((o) => o.provider))]
          .filter((p) => p !== maker)
          .map((p) => ({ p, ms: candidateLatency(m, p, out)?.endToEndMs }))
          .filter((x): x is { p: string; ms: number } => x.ms != null && x.ms < slow * 0.8);
        return fast.length ? [{ m, maker, slow, fast: Math.min(...fast.map((x) => x.ms)) }] : [];
      })
      .find(({ m }) => rankForTask([m], { task, distributions: dists, constraints: { qualityFloor: 0, includeDeprecated: true, minEvidence: 1 } }).candidates.length);
    expect(found).toBeDefined();
    const { m, maker, slow, fast } = found!;
    const bound = Math.round((slow + fast) / 2);
    const r = rankForTask([m], { task, distributions: dists, constraints: { qualityFloor: 0, includeDeprecated: true, minEvidence: 1, maxLatencyMs: bound } });
    expect(r.candidates).toHaveLength(1);
    const line = r.candidates[0]!.cost;
    expect(line.offer!.provider).not.toBe(maker);
    expect(line.offer!.reason).toMatch(/cheapest host measured within/);
    expect(line.perMonth).toBe(r.candidates[0]!.perMonth);
  });
});

describe('a budget', () => {
  it('prices the cheapest host within it when the maker’s API is over it, and says why', () => {
    const task = TASKS.chat;
    const loose = { qualityFloor: 0, includeDeprecated: true, minEvidence: 1 };
    const monthly = (m: Model, providers?: string[]) =>
      rankForTask([m], { task, distributions: dists, constraints: { ...loose, ...(providers ? { providers } : {}) } }).candidates[0]?.perMonth;
    // A ranked chat model sold by its maker and, for under four fifths of that, by another host.
    const found = models
      .filter((m) => m.category === 'chat' && m.offers.some((o) => o.reference))
      .slice(0, 400)
      .flatMap((m) => {
        const maker = m.offers.find((o) => o.reference)!.provider;
        const usual = monthly(m);
        if (usual === undefined || rankForTask([m], { task, distributions: dists, constraints: loose }).candidates[0]?.cost.offer?.provider !== maker) return [];
        const cheaper = [...new Set(m.offers.map((o) => o.provider))]
          .filter((p) => p !== maker)
          .map((p) => monthly(m, [p]))
          .filter((x): x is number => x !== undefined && x > 0 && x < usual * 0.8);
        return cheaper.length ? [{ m, maker, usual, low: Math.min(...cheaper) }] : [];
      })[0];
    expect(found).toBeDefined();
    const { m, maker, usual, low } = found!;
    const budget = (usual + low) / 2;
    const r = rankForTask([m], { task, distributions: dists, constraints: { ...loose, budget: { amount: budget, period: 'month' } } });
    expect(r.candidates).toHaveLength(1);
    const line = r.candidates[0]!.cost;
    expect(line.offer!.provider).not.toBe(maker);
    expect(line.offer!.reason).toMatch(/cheapest host within the budget/);
    expect(r.candidates[0]!.perMonth).toBeLessThanOrEqual(budget);
    // Below every host's price: left out for the budget.
    const none = rankForTask([m], { task, distributions: dists, constraints: { ...loose, budget: { amount: low / 2, period: 'month' } } });
    expect(none.candidates).toHaveLength(0);
    expect(none.excluded[0]?.reason).toBe('budget');
  });
});

describe('planRoute', () => {
  const mixArb = fc
    .uniqueArray(taskArb, { minLength: 1, maxLength: 3 })
    .chain((tasks) =>
      fc.tuple(fc.constant(tasks), fc.array(fc.integer({ min: 1, max: 100 }), { minLength: tasks.length, maxLength: tasks.length })),
    );

  it('shares sum to the mix, and the routed cost never exceeds all-strong', () => {
    fc.assert(
      fc.property(mixArb, fc.integer({ min: 1000, max: 10_000_000 }), ([tasks, weights], requests) => {
        const total = weights.reduce((a, b) => a + b, 0);
        const mix = tasks.map((t, i) => ({ task: t, share: weights[i]! / total }));
        const r = planRoute(models, mix, {
          distributions: dists,
          workloadFor: (task, share) => ({ ...defaultWorkload(task), requests: requests * share }),
        });
        expect(r.legs.reduce((s, l) => s + l.share, 0)).toBeCloseTo(1, 9);
        if (r.allStrong && r.perMonth !== null) expect(r.perMonth).toBeLessThanOrEqual(r.allStrong.perMonth + 1e-6);
      }),
      { numRuns: 15 },
    );
  });

  it('sends classification to a cheap model and math to a strong one, and states the saving', () => {
    const r = planRoute(
      models,
      [
        { task: 'classification', share: 0.8 },
        { task: 'math', share: 0.2 },
      ],
      {
        distributions: dists,
        workloadFor: (task, share) => ({ ...defaultWorkload(task), requests: 1_000_000 * share }),
      },
    );
    const [cls, math] = r.legs;
    expect(cls!.model).not.toBeNull();
    expect(math!.model).not.toBeNull();
    expect(cls!.model!.model.id).not.toBe(math!.model!.model.id);
    expect(math!.model!.quality.score!).toBeGreaterThanOrEqual(TASKS.math.floor);
    // The cheap classifier is not good enough for math: that is why the traffic is split.
    const clsModel = models.find((m) => m.id === cls!.model!.model.id)!;
    expect(taskQuality(clsModel, TASKS.math, dists).score ?? 0).toBeLessThan(TASKS.math.floor);
    expect(cls!.model!.cost.offer!.prices.input!).toBeLessThanOrEqual(math!.model!.cost.offer!.prices.input!);
    expect(r.saving!.perMonth).toBeGreaterThan(0);
  });

  it('names the constraint that left a leg empty, not the retired or unrated models it also skipped', () => {
    const r = planRoute(models, [{ task: 'chat', share: 1 }], {
      distributions: dists,
      constraints: { minContext: 1e12 },
      workloadFor: (task, share) => ({ ...defaultWorkload(task), requests: 1000 * share }),
    });
    expect(r.legs[0]!.model).toBeNull();
    const reason = /^no model qualifies; most were excluded for: ([a-z-]+) \(\d+\)$/.exec(r.legs[0]!.problem ?? '')?.[1];
    expect(reason).toBeDefined();
    expect(COUNTED_ONLY).not.toContain(reason);
  });
});
