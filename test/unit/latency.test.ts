import { describe, expect, it } from 'vitest';
import type { Latency, Model } from '../../src/catalog/schema.js';
import { describeMethod, endToEnd, formatMs, offerLatency, summarize } from '../../src/core/latency.js';
import { defaultWorkload, lowLatencyBound, rankForTask } from '../../src/core/recommend.js';
import { TASKS } from '../../src/core/tasks.js';
import { bundled } from '../support/catalog.js';

const fig = (l: Partial<Latency>): Latency => ({ source: 'https://example.com', asOf: '2026-08-22', ...l });

describe('which figure stands for an offer', () => {
  const m: Pick<Model, 'latency'> = {
    latency: [
      fig({ provider: 'openai', ttftMs: 700, kind: 'gateway-live-stats', asOf: '2025-10-10' }),
      fig({ provider: 'openai', ttftMs: 500, outputTokensPerSecond: 60, kind: 'gateway-live-stats' }),
      fig({ provider: 'openai', ttftMs: 900, outputTokensPerSecond: 80, kind: 'independent-benchmark', asOf: '2026-01-01' }),
      fig({ provider: 'azure', ttftMs: 300, outputTokensPerSecond: 90, kind: 'independent-benchmark' }),
    ],
  };
  it.each([
    ['openai', 900], // complete, independent before gateway, whatever the date
    ['azure', 300],
    ['google', undefined], // another host's figure never stands in
    [undefined, undefined],
  ] as const)('%s -> %s', (provider, ttft) => {
    expect(offerLatency(m, provider)?.ttftMs).toBe(ttft);
  });

  it('a figure measured on your account comes first, even alone', () => {
    const mine = fig({ provider: 'openai', ttftMs: 1234, kind: 'your-account', asOf: '2026-12-02' });
    expect(offerLatency({ latency: [...m.latency!, mine] }, 'openai')).toBe(mine);
  });

  it('a complete figure beats one with time to first token only', () => {
    const only = {
      latency: [
        fig({ provider: 'x', ttftMs: 100, kind: 'independent-benchmark' }),
        fig({ provider: 'x', ttftMs: 200, outputTokensPerSecond: 50, kind: 'gateway-live-stats' }),
      ],
    };
    expect(offerLatency(only, 'x')?.ttftMs).toBe(200);
  });
});

describe('end-to-end time of one request', () => {
  it.each([
    // ttft, speed, visible output, factor, expected ms
    [500, 50, 250, undefined, 5500],
    [1000, 100, 10, undefined, 1100],
    [500, 50, 250, 4, 20500], // hidden reasoning tokens streamed at the same speed
    [1282, 58, 250, undefined, 5592],
  ] as const)('%d ms + %d tokens at %d tok/s (factor %s) = %d ms', (ttft, tps, out, factor, want) => {
    const r = factor ? { factor, setting: 'x', source: '', asOf: '', suite: '' } : undefined;
    expect(endToEnd(fig({ ttftMs: ttft, outputTokensPerSecond: tps }), out, r).ms).toBe(want);
  });

  it('is unknown, and says why, without both figures', () => {
    expect(endToEnd(fig({ ttftMs: 300 }), 100)).toMatchObject({ ms: null, caveat: 'output speed unknown' });
    expect(endToEnd(null, 100)).toMatchObject({ ms: null, caveat: 'time to first token unknown' });
  });

  it('adds only the visible output where the first token already includes the reasoning', () => {
    const r = { factor: 4, setting: 'high', source: '', asOf: '', suite: '' };
    // 14 s to the first answer token (thinking inside), 250 visible tokens at 100 tok/s.
    const inside = fig({ ttftMs: 14000, outputTokensPerSecond: 100, includesReasoning: true });
    expect(endToEnd(inside, 250, r)).toEqual({ ms: 16500, outputTokens: 250, caveat: "reasoning inside the time to first token, at the measured run's setting" });
    expect(endToEnd(inside, 250, 'unknown').ms).toBe(16500);
    // The same figure without the mark: the reasoning tokens are streamed after it.
    expect(endToEnd(fig({ ttftMs: 14000, outputTokensPerSecond: 100 }), 250, r).ms).toBe(24000);
    // A model that does not reason: nothing to say.
    expect(endToEnd(inside, 250)).toEqual({ ms: 16500, outputTokens: 250 });
  });

  it('says when hidden reasoning tokens are unmeasured', () => {
    expect(endToEnd(fig({ ttftMs: 300, outputTokensPerSecond: 100 }), 100, 'unknown')).toEqual({
      ms: 1300,
      outputTokens: 100,
      caveat: 'hidden reasoning tokens unmeasured: visible output only',
    });
  });
});

describe('statistics and words', () => {
  it.each([
    [[5], { median: 5, p90: 5, min: 5, max: 5 }],
    [[3, 1, 2], { median: 2, p90: 3, min: 1, max: 3 }],
    [[4, 1, 3, 2], { median: 2.5, p90: 4, min: 1, max: 4 }],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { median: 5.5, p90: 9, min: 1, max: 10 }],
  ])('summarize(%j)', (xs, want) => expect(summarize(xs)).toEqual(want));

  it('formats milliseconds', () => {
    expect(formatMs(850)).toBe('850 ms');
    expect(formatMs(5592)).toBe('5.6 s');
    expect(formatMs(21000)).toBe('21 s');
  });

  it('describes the method, who measured it and the statistic', () => {
    expect(describeMethod(fig({ kind: 'gateway-live-stats', measuredBy: 'OpenRouter', statistic: 'median' }))).toBe(
      'gateway live statistics (OpenRouter), median',
    );
    expect(describeMethod(fig({ kind: 'your-account', statistic: 'median', samples: 5, promptTokens: 1000 }))).toBe(
      'measured on your account, median, 5 runs, 1,000-token prompts',
    );
    expect(describeMethod(fig({}))).toBe('method not stated');
  });

  it('low-latency is the faster half (the median, ties in)', () => {
    expect(lowLatencyBound([])).toBeNull();
    expect(lowLatencyBound([3])).toBe(3);
    expect(lowLatencyBound([4, 1, 3, 2])).toBe(2);
    expect(lowLatencyBound([5, 1, 3, 2, 4])).toBe(3);
  });
});

describe('recommend and latency', () => {
  const models = bundled().all();

  it('recommend --task chat --needs low-latency ranks at least ten current models, each with a measured end-to-end time on the offer priced', () => {
    const r = rankForTask(models, { task: 'chat', constraints: { lowLatency: true, today: '2026-12-02' } });
    expect(r.candidates.length).toBeGreaterThanOrEqual(10);
    for (const c of r.candidates) {
      expect(c.latency?.endToEndMs).toBeLessThanOrEqual(r.latency!.boundMs!);
      expect(c.latency?.provider).toBe(c.cost.offer?.provider);
      expect(c.lifecycle?.state).not.toBe('deprecated');
    }
    expect(r.latency!.rule).toMatch(/end-to-end time of one request/);
    expect(r.latency!.unknown + r.latency!.tooSlow).toBe(r.excludedCounts.latency);
  });

  it('unknown latency excludes a model only when a latency bound is asked', () => {
    const free = rankForTask(models, { task: 'chat', constraints: { today: '2026-12-02' } });
    expect(free.excludedCounts.latency).toBeUndefined();
    expect(free.latency).toBeUndefined();
    const bound = rankForTask(models, { task: 'chat', constraints: { maxLatencyMs: 60_000, today: '2026-12-02' } });
    const unmeasured = free.candidates.filter((c) => c.latency?.endToEndMs == null).map((c) => c.model.id);
    expect(unmeasured.length).toBeGreaterThan(0);
    // Unmeasured on the host it is usually priced at: with a bound, it is judged on a host that is
    // measured within it (and priced there), or left out.
    const measuredHost = (id: string) => models.find((m) => m.id === id)!.latency?.some((l) => l.ttftMs && l.outputTokensPerSecond);
    const nowhere = unmeasured.filter((id) => !measuredHost(id));
    for (const id of nowhere) expect(bound.candidates.map((c) => c.model.id)).not.toContain(id);
    for (const c of bound.candidates.filter((x) => unmeasured.includes(x.model.id))) {
      expect(c.latency!.endToEndMs).toBeLessThanOrEqual(60_000);
      expect(c.cost.offer!.provider).toBe(c.latency!.provider);
    }
    expect(bound.latency!.unknown).toBeGreaterThanOrEqual(nowhere.length);
  });

  it('--max-latency judges the end-to-end time for the workload: more output, fewer models', () => {
    const short = rankForTask(models, {
      task: 'chat',
      workload: { ...defaultWorkload(TASKS.chat), output: 50 },
      constraints: { maxLatencyMs: 8000, today: '2026-12-02' },
    });
    const long = rankForTask(models, {
      task: 'chat',
      workload: { ...defaultWorkload(TASKS.chat), output: 1000 },
      constraints: { maxLatencyMs: 8000, today: '2026-12-02' },
    });
    expect(short.candidates.length).toBeGreaterThan(long.candidates.length);
    for (const c of long.candidates) expect(c.latency!.endToEndMs).toBeLessThanOrEqual(8000);
  });
});
