import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/store.js';
import { recommend } from '../../src/core/advice.js';
import { defaultWorkload } from '../../src/core/recommend.js';
import { TASK_IDS, TASKS } from '../../src/core/tasks.js';
import { listed } from '../../src/core/list.js';

const file = join(__dirname, '..', '..', 'data', 'catalog.jsonl');

describe('ranking views', () => {
  it.each(TASK_IDS)('%s: ranking the compact views gives the same recommendations as the full models', (id) => {
    const task = TASKS[id];
    const viaViews = Catalog.fromFile(file);
    const views = viaViews.rankingViews(task.category)!;
    const full = Catalog.fromFile(file).modelsOf(task.category, true);
    // The views leave out models retired by the build date and non-models, and count them.
    const dropped = (views.dropped.retired ?? 0) + (views.dropped['not-a-model'] ?? 0);
    expect(views.models.length + dropped).toBe(full.models.length);
    expect(views.unrated).toBe(full.unrated);
    const w = defaultWorkload(task, 100_000);
    const today = '2026-11-22';
    const a = recommend(views.models, task, w, false, { today }, 'balanced', 10, views.unrated, (mid) => viaViews.byId(mid));
    const b = recommend(full.models, task, w, false, { today }, 'balanced', 10, full.unrated);
    expect(a.recommendations).toEqual(b.recommendations);
    for (const [reason, n] of Object.entries(views.dropped)) a.excludedCounts[reason as 'retired'] = (a.excludedCounts[reason as 'retired'] ?? 0) + n!;
    expect(a.excludedCounts).toEqual(b.excludedCounts);
  });

  it('reads a model line from the file without the views line after it', () => {
    const c = Catalog.fromFile(file);
    const last = c.at(c.size - 1);
    expect(last.id).toBeTruthy();
    expect(last.offers.length).toBeGreaterThan(0);
  });
});

describe('the listing line', () => {
  it('holds every model exactly as listed() works it out from the full line', () => {
    const fromLine = Catalog.fromFile(file).listing();
    const full = Catalog.fromFile(file).all();
    expect(fromLine.length).toBe(full.length);
    expect(fromLine).toEqual(JSON.parse(JSON.stringify(full.map(listed))));
  });
});

describe('prices packed in a view', () => {
  it('come back as they went in, tiers and per-request prices included', async () => {
    const { packPrices, unpackPrices } = await import('../../src/catalog/views.js');
    const fc = (await import('fast-check')).default;
    const price = fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({ input: price, output: price, cacheRead: price, cacheWrite: price, batchInput: price, batchOutput: price, perRequest: price }),
        fc.option(fc.array(fc.record({ above: fc.integer({ min: 1000, max: 1_000_000 }), input: fc.double({ min: 0, max: 100, noNaN: true }) }), { maxLength: 2 }), { nil: undefined }),
        (p, tiers) => {
          const prices = Object.fromEntries(Object.entries({ ...p, tiers }).filter(([, v]) => v !== undefined));
          expect(unpackPrices(packPrices(prices))).toEqual(prices);
        },
      ),
    );
    // The common case is short: no key names.
    expect(JSON.stringify(packPrices({ input: 0.5, output: 1.5 }))).toBe('[0.5,1.5]');
  });
});

describe('the summary line', () => {
  it('gives catalog info the same counts as summarizing every model, on any day', async () => {
    const { summarize, coverage } = await import('../../src/catalog/summary.js');
    const line = Catalog.fromFile(file).summaryLine()!;
    expect(line).toBeDefined();
    const full = summarize(Catalog.fromFile(file).all());
    expect(line).toEqual(JSON.parse(JSON.stringify(full)));
    // Days before, at and after the build: the states and the 18-month window move with the day.
    for (const today of ['2025-06-01', '2026-09-23', '2026-12-02', '2027-06-30']) expect(coverage(line, today)).toEqual(coverage(full, today));
  });

  it('gives recommend the same per-task coverage from the packed coverage line, on any day, with or without latency of the user\'s own', async () => {
    const { summarize, coverage } = await import('../../src/catalog/summary.js');
    const full = summarize(Catalog.fromFile(file).all());
    const c = Catalog.fromFile(file);
    for (const today of ['2025-06-01', '2026-12-02', '2027-06-30'])
      for (const task of full.chatTasks) {
        const e = coverage(full, today).evidence;
        expect(c.taskCoverage(task, today), `${task} on ${today}`).toEqual({ rated: e.byTask[task], able: e.ableByTask[task] });
      }
    expect(c.taskCoverage('embedding', '2026-12-02')).toBeNull();
    c.useMeasuredLatency([{ model: 'gpt-4o-mini', provider: 'openai', ttftMs: 300, outputTokensPerSecond: 80, kind: 'your-account', source: 'latency probe', asOf: '2026-12-01' } as never]);
    expect(c.taskCoverage('chat', '2026-12-02')).toEqual(Catalog.fromFile(file).taskCoverage('chat', '2026-12-02'));
  });

  it('is not used once the user has measured latency of their own (it would change the counts)', () => {
    const c = Catalog.fromFile(file);
    c.useMeasuredLatency([{ model: 'gpt-4o-mini', provider: 'openai', ttftMs: 300, outputTokensPerSecond: 80, kind: 'your-account', source: 'latency probe', asOf: '2026-12-01' } as never]);
    expect(c.summaryLine()).toBeUndefined();
  });
});

describe('the listing index', () => {
  it('lists what filtering every entry lists, for the usual filters and any day, parsing only the rows shown', async () => {
    const { listModels } = await import('../../src/cli/commands/models.js');
    const viaIndex = Catalog.fromFile(file);
    const full = Catalog.fromFile(file).all();
    const viaEntries = Catalog.fromModels(full);
    expect(viaIndex.listingIndex()?.sorted).toBe(true);
    expect(viaEntries.listingIndex()).toBeUndefined();
    for (const today of ['2024-06-01', '2026-09-23', '2026-12-02', '2028-01-01'])
      for (const filter of [
        {},
        { category: 'embedding' as const },
        { includeDeprecated: true },
        { includeRetired: true, category: 'chat' as const },
      ])
        for (const limit of [0, 50, 3]) {
          const f = { ...filter, today };
          expect(listModels(viaIndex, f, 'id', limit, undefined)).toEqual(listModels(viaEntries, f, 'id', limit, undefined));
        }
  });

  it('reads a row alone from its bytes, the same as from the whole line', () => {
    const c = Catalog.fromFile(file);
    const all = c.listing();
    for (const i of [0, 1, 500, all.length - 1]) expect(c.listedRows([i])).toEqual([all[i]]);
    expect(c.listedRows([3, 7, 5])).toEqual([all[3], all[7], all[5]]);
  });
});
