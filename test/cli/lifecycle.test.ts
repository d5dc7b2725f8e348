import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/store.js';
import { modelState } from '../../src/core/lifecycle.js';
import { PREFERENCES } from '../../src/core/recommend.js';
import { TASK_IDS } from '../../src/core/tasks.js';
import { runCli } from '../support/cli.js';

// The CLI's day in these tests (test/support/cli.ts): 2026-11-22.
const TODAY = '2026-11-22';
const catalog = Catalog.fromFile(join(__dirname, '..', '..', 'data', 'catalog.jsonl'));

describe('a retired model says so first, with its date and successor', () => {
  it('compare mistral-small-3-1 bge-reranker-v2 opens with the retirement (2025-11-30) and the successor', async () => {
    const r = await runCli(['compare', 'mistral-small-3-1', 'bge-reranker-v2']);
    expect(r.code).toBe(0);
    // The short view says it in a line or two; --full gives the whole sentence and the source's address.
    const first = r.stdout.split('\n\n')[0]!.replace(/\s+/g, ' ');
    expect(first).toMatch(/^Retired: mistral-small-2503 retired since 2025-11-30 \(per its maker, docs\.mistral\.ai 2025-11-06\); successor mistral-small-\d{4}/);
    const full = (await runCli(['compare', 'mistral-small-3-1', 'bge-reranker-v2', '--full'])).stdout.split('\n\n')[0]!.replace(/\s+/g, ' ');
    expect(full).toMatch(/^Retired: Mistral Small 3\.1 \(mistral-small-2503\) is retired: no longer served since 2025-11-30/);
    expect(full).toMatch(/successor: .*\(mistral-small-\d{4}\)/);
    expect(full).toContain('https://docs.mistral.ai/');
    const json = JSON.parse((await runCli(['compare', 'mistral-small-3-1', 'bge-reranker-v2', '--json'])).stdout);
    expect(json.lifecycle).toEqual([expect.objectContaining({ id: 'mistral-small-2503', state: 'retired', shutdownOn: '2025-11-30', confidence: 'maker' })]);
    expect(json.lifecycle[0].successor).toMatch(/^mistral-small-/);
  });

  it('--successor prices the successor beside it', async () => {
    const plain = JSON.parse((await runCli(['cost', 'mistral-small-3-1', '--json'])).stdout);
    expect(plain.results.map((l: { model: { id: string } }) => l.model.id)).toEqual(['mistral-small-2503']);
    expect(plain.lifecycle[0].successorPerMonth).toBeGreaterThan(0);
    const r = JSON.parse((await runCli(['cost', 'mistral-small-3-1', '--successor', '--json'])).stdout);
    expect(r.results.map((l: { model: { id: string } }) => l.model.id)).toEqual(['mistral-small-2503', plain.lifecycle[0].successor]);
  });

  it('show of a retired model says so at the top and in its status row', async () => {
    const r = await runCli(['show', 'claude-sonnet-4-0']);
    expect(r.stdout.split('\n')[0]).toMatch(/^Retired: Claude Sonnet 4 \(claude-sonnet-4-20250514\)/);
    expect(r.stdout).toMatch(/Status\s+retired: deprecated 2026-04-14, shutdown 2026-06-15/);
    const json = JSON.parse((await runCli(['show', 'claude-sonnet-4-20250514', '--json'])).stdout);
    expect(json.lifecycle).toMatchObject({ state: 'retired', shutdownOn: '2026-06-15', confidence: 'maker' });
  });

  it('the day matters: before its shutdown date a model is deprecated, not retired', async () => {
    const before = JSON.parse((await runCli(['show', 'gpt-3.5-turbo', '--json'], { now: new Date('2026-06-01T12:00:00Z') })).stdout);
    expect(before.lifecycle.state).toBe('deprecated');
    const after = JSON.parse((await runCli(['show', 'gpt-3.5-turbo', '--json'])).stdout);
    expect(after.lifecycle.state).toBe('retired');
  });
});

describe('recommend never shows a retired model, nor one resting on a single benchmark', () => {
  it.each(TASK_IDS.flatMap((t) => PREFERENCES.map((p) => [t, p] as const)))('%s, --prefer %s', async (task, prefer) => {
    const r = await runCli(['recommend', '--task', task, '--prefer', prefer, '--top', '10', '--include-deprecated', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const rec of out.recommendations.slice(0, 5) as { model: { id: string }; quality: { coverage: { k: number } } }[])
      expect(rec.quality.coverage.k, rec.model.id).toBeGreaterThanOrEqual(2);
    for (const rec of out.recommendations as { model: { id: string }; lifecycle?: { state: string } }[]) {
      const m = catalog.byId(rec.model.id)!;
      const state = modelState(m, TODAY).state;
      expect(state, rec.model.id).not.toBe('retired');
      expect(m.kind, rec.model.id).toBeUndefined();
      // A deprecated model appears only on request, and then says so.
      if (state === 'deprecated') expect(rec.lifecycle?.state, rec.model.id).toBe('deprecated');
    }
  });

  it('without --include-deprecated no deprecated model is ranked either', async () => {
    const out = JSON.parse((await runCli(['recommend', '--task', 'chat', '--prefer', 'quality', '--top', '20', '--json'])).stdout);
    for (const rec of out.recommendations as { model: { id: string } }[])
      expect(modelState(catalog.byId(rec.model.id)!, TODAY).state, rec.model.id).not.toMatch(/retired|deprecated/);
    expect(out.excludedCounts.retired).toBeGreaterThan(0);
  });
});

describe('current models', () => {
  it('recommend --task chat --providers anthropic recommends a current Claude', async () => {
    const out = JSON.parse((await runCli(['recommend', '--task', 'chat', '--providers', 'anthropic', '--json'])).stdout);
    expect(out.recommendations.length).toBeGreaterThan(0);
    const first = catalog.byId(out.recommendations[0].model.id)!;
    expect(first.lab).toBe('anthropic');
    expect(modelState(first, TODAY).state).toBe('active');
    expect(first.releaseDate! >= '2025-06-01').toBe(true);
  });
});

describe('names', () => {
  it('a family name resolves to the newest model of that line its maker still serves, and says which', async () => {
    const r = await runCli(['show', 'claude', '--json']);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.stdout);
    expect(card.model.lab).toBe('anthropic');
    expect(card.lifecycle.state).not.toBe('retired');
    expect(card.resolvedFrom).toMatchObject({ kind: 'line', query: 'claude' });
    expect(card.resolvedFrom.others.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/^note: "claude" names a family, not one model: claude-/);
    // Every model of the line released later than the one chosen is retired, deprecated or a preview.
    const chosen = catalog.byId(card.model.id)!;
    for (const id of card.resolvedFrom.others as string[]) {
      const o = catalog.byId(id)!;
      if ((o.releaseDate ?? '') > (chosen.releaseDate ?? '')) expect(modelState(o, TODAY).state).not.toBe('active');
    }
  });

  it('cost llama-3.3-70b-instruct --provider groq prices Groq’s route to the same weights', async () => {
    const r = JSON.parse((await runCli(['cost', 'llama-3.3-70b-instruct', '--provider', 'groq', '--json'])).stdout);
    expect(r.results[0].offer.provider).toBe('groq');
    expect(r.results[0].offer.providerModelId).toMatch(/^llama-3\.3-70b-/);
  });

  it('gemini-3.1-pro and gemini-3.1-pro-preview are one model, with Google’s own offer', async () => {
    const a = JSON.parse((await runCli(['show', 'gemini-3.1-pro', '--json'])).stdout);
    const b = JSON.parse((await runCli(['show', 'gemini-3.1-pro-preview', '--json'])).stdout);
    expect(a.model.id).toBe(b.model.id);
    expect(a.referenceOffer).toMatch(/^google\//);
    expect(a.lifecycle.state).toBe('preview');
  });
});

describe('models', () => {
  it('hides retired models unless asked, and marks the state of each row', async () => {
    const plain = JSON.parse((await runCli(['models', '--search', 'claude-3', '--limit', '0', '--json'])).stdout);
    const all = JSON.parse((await runCli(['models', '--search', 'claude-3', '--limit', '0', '--include-retired', '--json'])).stdout);
    expect(all.matched).toBeGreaterThan(plain.matched);
    expect(plain.models.every((m: { state: string }) => m.state !== 'retired')).toBe(true);
    expect(all.models.some((m: { state: string }) => m.state === 'retired')).toBe(true);
    const table = (await runCli(['models', '--search', 'claude-sonnet-4-2025', '--include-retired'])).stdout;
    // The id and its state stay on one line: an id column never wraps.
    const idCell = table
      .split('\n')
      .filter((l) => l.startsWith('│'))
      .slice(1)
      .map((l) => l.split('│')[1]!.trim());
    expect(idCell).toContain('claude-sonnet-4-20250514 [retired]');
  });

  it('--open-weights keeps models whose weights are published under a licence', async () => {
    const r = JSON.parse((await runCli(['models', '--open-weights', '--search', 'gpt-oss', '--json'])).stdout);
    expect(r.models.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(['gpt-oss-20b', 'gpt-oss-120b']));
  });

  it('catalog info counts models by lifecycle state', async () => {
    const info = JSON.parse((await runCli(['catalog', 'info', '--json'])).stdout);
    expect(info.lifecycle.byState.retired).toBeGreaterThan(100);
    expect(info.lifecycle.fromMakersPages).toBeGreaterThan(200);
    expect(Object.values(info.lifecycle.byState as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(info.models);
  });
});
