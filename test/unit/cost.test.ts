import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Model, Prices } from '../../src/catalog/schema.js';
import { reasoningFactor } from '../../src/core/reasoning.js';
import { computeWorkloadCost, periodCost } from '../../src/core/cost.js';
import { PERIODS, daysIn, type Workload } from '../../src/core/workload.js';

const mini: { prices: Prices } = { prices: { input: 0.15, output: 0.6, cacheRead: 0.075, batchInput: 0.075, batchOutput: 0.3 } };
const base: Workload = { period: 'day', cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };

describe('computeWorkloadCost: hand-worked cases', () => {
  it('10M input tokens a day on gpt-4o-mini: $1.50 a day, $45.00 a month', () => {
    const c = computeWorkloadCost(mini, 'chat', { ...base, inputTokens: 10_000_000 });
    expect(c.periods.day).toBe(1.5);
    expect(c.periods.month).toBe(45);
    expect(c.periods.week).toBe(10.5);
    expect(c.periods.year).toBe(540);
  });

  it('1M requests a day of 500 in / 100 out: $135.00 a day', () => {
    const c = computeWorkloadCost(mini, 'chat', { ...base, requests: 1_000_000, input: 500, output: 100 });
    expect(c.periods.day).toBe(135);
    expect(c.partsPerDay).toMatchObject({ input: 75, output: 60 });
    expect(c.perRequest).toBe(0.000135);
  });

  it('the same through the batch API halves it', () => {
    const c = computeWorkloadCost(mini, 'chat', { ...base, requests: 1_000_000, input: 500, output: 100, batch: 1 });
    expect(c.periods.day).toBe(67.5);
  });

  it('cached input at the cache-read price: 40% of 10M tokens at $0.075', () => {
    const c = computeWorkloadCost(mini, 'chat', { ...base, inputTokens: 10_000_000, cached: 0.4 });
    // 6M x 0.15 + 4M x 0.075 = 0.9 + 0.3
    expect(c.partsPerDay.input).toBe(0.9);
    expect(c.partsPerDay.cachedInput).toBe(0.3);
    expect(c.periods.day).toBe(1.2);
  });

  it('no cache-read price: cached tokens priced as input, with a note', () => {
    const c = computeWorkloadCost({ prices: { input: 1, output: 2 } }, 'chat', { ...base, inputTokens: 1_000_000, cached: 0.5 });
    expect(c.periods.day).toBe(1);
    expect(c.notes.join()).toMatch(/no cache-read price/);
  });

  it('cache writes at the write price; without one, at the input price with a note', () => {
    const w = { ...base, inputTokens: 1_000_000, cached: 0.5, cacheWrites: 0.25 };
    // 250k fresh x $3 + 500k read x $0.3 + 250k written x $3.75
    const priced = computeWorkloadCost({ prices: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 } }, 'chat', w);
    expect(priced.partsPerDay).toMatchObject({ input: 0.75, cachedInput: 0.15, cacheWrite: 0.9375 });
    expect(priced.notes.join()).toMatch(/cache-write price, \$3.75 per 1M/);
    const unpriced = computeWorkloadCost({ prices: { input: 3, output: 15, cacheRead: 0.3 } }, 'chat', w);
    expect(unpriced.partsPerDay.cacheWrite).toBe(0.75);
    expect(unpriced.notes.join()).toMatch(/no cache-write price/);
  });

  it('no batch price: the batch share at the standard rate, with a note', () => {
    const c = computeWorkloadCost({ prices: { input: 1, output: 2 } }, 'chat', { ...base, inputTokens: 1_000_000, batch: 1 });
    expect(c.periods.day).toBe(1);
    expect(c.notes.join()).toMatch(/no batch price/);
  });

  describe('long-context tiers apply per request', () => {
    // Gemini 2.5 Pro: $1.25 / $10 up to 200k input tokens per request, $2.50 / $15 above.
    const pro: { prices: Prices } = { prices: { input: 1.25, output: 10, tiers: [{ above: 200_000, input: 2.5, output: 15 }] } };
    it('below the threshold: base prices', () => {
      const c = computeWorkloadCost(pro, 'chat', { ...base, requests: 1000, input: 100_000, output: 1000 });
      // 1000 x (100k x 1.25 + 1k x 10) / 1M = 125 + 10
      expect(c.periods.day).toBe(135);
      expect(c.tier).toBeUndefined();
    });
    it('above the threshold: the whole request at the tier price', () => {
      const c = computeWorkloadCost(pro, 'chat', { ...base, requests: 1000, input: 300_000, output: 1000 });
      // 1000 x (300k x 2.5 + 1k x 15) / 1M = 750 + 15
      expect(c.periods.day).toBe(765);
      expect(c.tier).toEqual({ above: 200_000 });
    });
    it('totals only: base prices and a note saying tiers were not applied', () => {
      const c = computeWorkloadCost(pro, 'chat', { ...base, inputTokens: 300_000_000 });
      expect(c.periods.day).toBe(375);
      expect(c.notes.join()).toMatch(/not applied/);
    });
  });

  it('a per-search reranker: 10k searches a day at $2 per 1000 searches is $20 a day', () => {
    const c = computeWorkloadCost({ prices: { perSearch: 0.002 } }, 'reranking', { ...base, searches: 10_000 });
    expect(c.periods.day).toBe(20);
    expect(c.perSearch).toBe(0.002);
  });

  it('a per-search reranker billing 100 documents per search unit', () => {
    const c = computeWorkloadCost({ prices: { perSearch: 0.002, docsPerSearch: 100 } }, 'reranking', {
      ...base,
      searches: 1000,
      docsPerSearch: 250,
    });
    expect(c.periods.day).toBe(6);
  });

  it('a per-token reranker: query and every document are read', () => {
    // 1000 searches x 10 docs x (20 + 480) tokens = 5M tokens at $0.01/1M = $0.05
    const c = computeWorkloadCost({ prices: { input: 0.01 } }, 'reranking', {
      ...base,
      searches: 1000,
      docsPerSearch: 10,
      tokensPerDoc: 480,
      queryTokens: 20,
    });
    expect(c.periods.day).toBe(0.05);
  });

  it('a negotiated discount comes off the total as its own part', () => {
    const c = computeWorkloadCost(mini, 'chat', { ...base, inputTokens: 10_000_000, discount: 0.2 });
    expect(c.periods.day).toBe(1.2);
    expect(c.partsPerDay.discount).toBe(-0.3);
  });

  it('an unknown price makes the cost unknown, never zero', () => {
    const c = computeWorkloadCost({ prices: { input: 0.5 } }, 'chat', { ...base, requests: 10, input: 100, output: 100 });
    expect(c.complete).toBe(false);
    expect(c.periods.day).toBeNull();
    expect(c.missing).toContain('output price');
  });

  it('periods: per week, month and year follow the stated convention', () => {
    const c = computeWorkloadCost(mini, 'chat', { ...base, inputTokens: 300_000_000, period: 'month' });
    expect(c.periods.month).toBe(45);
    expect(c.periods.day).toBe(1.5);
    const c31 = computeWorkloadCost(mini, 'chat', { ...base, inputTokens: 10_000_000, daysPerMonth: 31 });
    expect(c31.periods.month).toBe(46.5);
  });
});

const price = fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true });
const prices = fc.record({ input: price, output: price, cacheRead: price, batchInput: price, batchOutput: price });
const share = fc.double({ min: 0, max: 1, noNaN: true });
const workload = fc.record({
  requests: fc.integer({ min: 0, max: 10_000_000 }),
  input: fc.integer({ min: 0, max: 100_000 }),
  output: fc.integer({ min: 0, max: 20_000 }),
  cached: share,
  batch: share,
  // Negotiated discounts are well below 100%; near 1 the total is all rounding noise.
  discount: fc.double({ min: 0, max: 0.95, noNaN: true }),
  period: fc.constantFrom(...PERIODS),
  daysPerMonth: fc.integer({ min: 28, max: 31 }),
});
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('computeWorkloadCost: properties', () => {
  it('is linear in volume', () => {
    fc.assert(
      fc.property(prices, workload, fc.integer({ min: 2, max: 50 }), (p, w, k) => {
        const one = computeWorkloadCost({ prices: p }, 'chat', w).periods.day!;
        const many = computeWorkloadCost({ prices: p }, 'chat', { ...w, requests: w.requests * k }).periods.day!;
        return close(many, one * k);
      }),
    );
  });

  it('is monotone in every price', () => {
    const keys = ['input', 'output', 'cacheRead', 'batchInput', 'batchOutput'] as const;
    fc.assert(
      fc.property(prices, workload, fc.constantFrom(...keys), fc.double({ min: 0, max: 10, noNaN: true }), (p, w, key, bump) => {
        const before = computeWorkloadCost({ prices: p }, 'chat', w).periods.day!;
        const after = computeWorkloadCost({ prices: { ...p, [key]: p[key] + bump } }, 'chat', w).periods.day!;
        return after >= before - 1e-9 * Math.max(1, before);
      }),
    );
  });

  it('has parts that sum to the total', () => {
    fc.assert(
      fc.property(prices, workload, (p, w) => {
        const c = computeWorkloadCost({ prices: p }, 'chat', w);
        const parts = Object.values(c.partsPerDay);
        const sum = parts.reduce((a, b) => a + b, 0);
        // Each part is rounded to 12 significant digits, so compare at the scale of the parts.
        const scale = Math.max(1, ...parts.map(Math.abs));
        return Math.abs(sum - c.periods.day!) <= 1e-9 * scale;
      }),
    );
  });

  it('has period conversions that agree', () => {
    fc.assert(
      fc.property(prices, workload, (p, w) => {
        const c = computeWorkloadCost({ prices: p }, 'chat', w);
        return PERIODS.every((per) => close(c.periods[per]!, c.periods.day! * daysIn(per, w.daysPerMonth)));
      }),
    );
  });

  it('gives the same daily cost whichever period the same traffic is stated in', () => {
    fc.assert(
      fc.property(prices, workload, fc.constantFrom(...PERIODS), (p, w, per) => {
        const daily = computeWorkloadCost({ prices: p }, 'chat', { ...w, period: 'day' }).periods.day!;
        const scaled = { ...w, period: per, requests: w.requests * daysIn(per, w.daysPerMonth) };
        return close(computeWorkloadCost({ prices: p }, 'chat', scaled).periods.day!, daily);
      }),
    );
  });
});

describe('periodCost: the bare total ranking uses', () => {
  // Prices with gaps (undefined), tiers and per-search/per-request parts, for chat and reranking.
  const maybe = fc.option(price, { nil: undefined });
  const anyPrices = fc.record(
    {
      input: maybe,
      output: maybe,
      cacheRead: maybe,
      batchInput: maybe,
      batchOutput: maybe,
      perRequest: maybe,
      perSearch: maybe,
      docsPerSearch: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
      tiers: fc.option(
        fc.array(fc.record({ above: fc.integer({ min: 1, max: 300_000 }), input: price, output: price }), { maxLength: 2 }),
        {
          nil: undefined,
        },
      ),
    },
    { requiredKeys: [] },
  );
  const rerank = fc.record({ searches: fc.integer({ min: 0, max: 1_000_000 }), docsPerSearch: fc.integer({ min: 1, max: 500 }) });

  it('is exactly the breakdown figure of every period, or null exactly when the breakdown is incomplete', () => {
    fc.assert(
      fc.property(
        anyPrices,
        workload,
        fc.constantFrom('chat', 'reranking') as fc.Arbitrary<'chat' | 'reranking'>,
        rerank,
        (p, w, cat, r) => {
          const wl = cat === 'reranking' ? { ...w, ...r } : w;
          const full = computeWorkloadCost({ prices: p as Prices }, cat, wl);
          for (const per of PERIODS) expect(periodCost({ prices: p as Prices }, cat, wl, per)).toBe(full.periods[per]);
          expect(periodCost({ prices: p as Prices }, cat, wl, 'day') === null).toBe(!full.complete);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('hidden reasoning tokens', () => {
  const rows = (base: number, medium: number) => [
    { setting: 'none' as const, outputTokens: base, suite: 'suite', source: 'https://x.example', asOf: '2026-05-21' },
    { setting: 'medium' as const, outputTokens: medium, suite: 'suite', source: 'https://x.example', asOf: '2026-05-21' },
  ];
  it('multiplies the output by the measured factor at the effort asked (the maker’s default when none is)', async () => {
    const { reasoningFactor, withReasoning } = await import('../../src/core/reasoning.js');
    const m = { lab: 'openai', capabilities: { reasoning: true }, reasoningTokens: rows(1_000, 8_000) };
    const f = reasoningFactor(m);
    expect(f).toMatchObject({ factor: 8, setting: 'reasoning effort medium' });
    const w = { period: 'day' as const, requests: 100, input: 300, output: 10, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };
    expect(withReasoning(w, f).output).toBe(80);
    expect(reasoningFactor(m, 'none')).toBeUndefined();
    // A reasoning model with no measurement for the effort asked: said, not guessed.
    expect(reasoningFactor(m, 'high')).toBe('unknown');
    expect(reasoningFactor({ lab: 'x', capabilities: { reasoning: true } })).toBe('unknown');
    expect(reasoningFactor({ lab: 'x', capabilities: { reasoning: false } })).toBeUndefined();
  });
});

describe("a reasoning model nobody measured: its maker's median factor, said as an estimate", () => {
  const row = (setting: 'none' | 'default' | 'high', outputTokens: number) => ({ setting, outputTokens, suite: 'suite', source: 'https://example.org/runs', asOf: '2026-05-01' });
  const model = (id: string, lab: string, rows: ReturnType<typeof row>[]) =>
    ({ id, name: id, lab, category: 'chat', capabilities: { reasoning: true }, reasoningTokens: rows.length ? rows : undefined, offers: [] }) as unknown as Model;

  it("takes the median over the maker's measured models, names them and the spread; with fewer than three, every maker's, said to be rough", async () => {
    const { estimateReasoningTokens } = await import('../../src/catalog/overlays.js');
    const models = [
      model('a1', 'acme', [row('none', 100), row('default', 200)]),
      model('a2', 'acme', [row('none', 100), row('default', 1000)]),
      model('a3', 'acme', [row('none', 100), row('default', 400)]),
      model('a-new', 'acme', []),
      model('b1', 'beta', [row('none', 100), row('default', 300)]),
      model('b2', 'beta', [row('none', 100), row('default', 300)]),
      model('b-new', 'beta', []),
    ];
    estimateReasoningTokens(models);
    const est = models.find((m) => m.id === 'a-new')!.reasoningEstimate!;
    expect(est.factor).toBe(4);
    expect(est.basis).toMatch(/median of its maker's 3 measured models \(2x to 10x: a1, a2, a3\)/);
    // beta has two measured models: b-new gets the median of all five measured ones, said as such.
    const wide = models.find((m) => m.id === 'b-new')!.reasoningEstimate!;
    expect(wide.factor).toBe(3);
    expect(wide.basis).toMatch(/no measurement of this model or of 3 models of its maker: the median of all 5 measured reasoning models of every maker \(2x to 10x\), a rough figure/);
    // Measured models keep their own factor; the estimate prices the unmeasured one, said as such.
    expect(models.find((m) => m.id === 'a1')!.reasoningEstimate).toBeUndefined();
    const f = reasoningFactor(models.find((m) => m.id === 'a-new')!);
    expect(f).toMatchObject({ factor: 4, setting: 'the default reasoning setting' });
    expect((f as { estimate: string }).estimate).toMatch(/no measurement of this model/);
    // An effort other than the maker's default is not guessed.
    expect(reasoningFactor(models.find((m) => m.id === 'a-new')!, 'high')).toBe('unknown');
  });

  it('estimates a model whose own measurements do not give its default setting, and says why', async () => {
    const { estimateReasoningTokens } = await import('../../src/catalog/overlays.js');
    const models = [
      model('a1', 'acme', [row('none', 100), row('default', 200)]),
      model('a2', 'acme', [row('none', 100), row('default', 1000)]),
      model('a3', 'acme', [row('none', 100), row('default', 400)]),
      // Measured at high effort only: no run without reasoning to divide by.
      model('a-high', 'acme', [row('high', 900)]),
    ];
    expect(reasoningFactor(models[3]!)).toBe('unknown');
    estimateReasoningTokens(models);
    const f = reasoningFactor(models[3]!);
    expect(f).toMatchObject({ factor: 4 });
    expect((f as { estimate: string }).estimate).toMatch(/its own measurements do not give its default setting/);
  });
});
