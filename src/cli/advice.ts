import type { Capabilities } from '../catalog/schema.js';
import type { Constraints, Preference } from '../core/recommend.js';
import { PREFERENCES } from '../core/recommend.js';
import { findTask, TASK_IDS, TASKS, type TaskDef } from '../core/tasks.js';
import { PERIODS, type Period } from '../core/workload.js';
import { UserError } from '../errors.js';
import { parseCapabilities } from './capabilities.js';
import { number, oneOf, parseFlags, quantity, text, wholeNumber } from './flags.js';

/** Flag parsing shared by recommend, route and the wizard (same rules, same messages). */

export const ADVICE_FLAGS = {
  needs: text,
  minContext: quantity,
  maxLatency: text,
  budget: text,
  providers: text,
  prefer: oneOf(PREFERENCES),
  top: wholeNumber(1, 100),
  qualityFloor: text,
  minEvidence: wholeNumber(0, 20),
};

/** Extra needs people name alongside capabilities. */
export const LONG_CONTEXT_TOKENS = 128_000;

export function parseTask(raw: string, flag = '--task'): TaskDef {
  const t = findTask(raw);
  if (!t) throw new UserError(`${flag}: unknown task "${raw}"`, `tasks: ${TASK_IDS.join(', ')}`);
  return t;
}

/** "500/month", "$500/mo", "20/day", "500" (a month). */
export function parseBudget(raw: string, flag = '--budget'): { amount: number; period: Period } {
  const m = /^\s*\$?(\d+(?:\.\d+)?)\s*(?:\/\s*([a-z]+))?\s*$/i.exec(raw);
  const unit = (m?.[2] ?? 'month').toLowerCase();
  const period = (
    {
      d: 'day',
      day: 'day',
      daily: 'day',
      w: 'week',
      wk: 'week',
      week: 'week',
      mo: 'month',
      month: 'month',
      m: 'month',
      y: 'year',
      yr: 'year',
      year: 'year',
    } as Record<string, Period>
  )[unit];
  if (!m || !period)
    throw new UserError(
      `${flag}: "${raw}" is not a budget`,
      `use an amount in USD per period: 500/month, 20/day, 6000/year (${PERIODS.join(', ')})`,
    );
  return { amount: Number(m[1]), period };
}

/** "800", "800ms", "1.5s" -> milliseconds. */
export function parseLatency(raw: string, flag = '--max-latency'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(raw);
  if (!m || Number(m[1]) <= 0)
    throw new UserError(`${flag}: "${raw}" is not a latency`, 'the longest end-to-end time of one request, in milliseconds or seconds: 800, 800ms or 1.5s');
  return m[2]?.toLowerCase() === 's' ? Number(m[1]) * 1000 : Number(m[1]);
}

export function parseProviders(raw: string): string[] {
  return raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

/** --needs: capabilities, plus long-context, open-weights and low-latency. */
export function parseNeeds(
  raw: string,
  flag = '--needs',
): { capabilities: (keyof Capabilities)[]; longContext: boolean; openWeights: boolean; lowLatency: boolean } {
  const words = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const special = new Set(['long-context', 'long', 'open-weights', 'open', 'low-latency', 'fast']);
  return {
    capabilities: parseCapabilities(words.filter((w) => !special.has(w)).join(','), flag),
    longContext: words.includes('long-context') || words.includes('long'),
    openWeights: words.includes('open-weights') || words.includes('open'),
    lowLatency: words.includes('low-latency') || words.includes('fast'),
  };
}

/** --quality-floor 60, or per task: math=70,classification=30. */
export function parseFloors(raw: string, flag = '--quality-floor'): { all?: number; perTask: Partial<Record<string, number>> } {
  const pct = number(0, 100, 'a quality bar from 0 to 100');
  if (!raw.includes('=')) return { all: pct(raw, flag), perTask: {} };
  const perTask: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const [k, v] = part.split('=');
    perTask[parseTask(k ?? '', flag).id] = pct(v ?? '', flag);
  }
  return { perTask };
}

export interface AdviceOptions {
  constraints: Constraints;
  prefer: Preference;
  top: number;
  floors: { all?: number; perTask: Partial<Record<string, number>> };
}

export function adviceOptions(raw: Record<string, unknown>, today?: string): AdviceOptions {
  const f = parseFlags(ADVICE_FLAGS, raw);
  const needs = f.needs ? parseNeeds(f.needs) : undefined;
  const c: Constraints = {
    needs: needs?.capabilities,
    minContext: Math.max(f.minContext ?? 0, needs?.longContext ? LONG_CONTEXT_TOKENS : 0) || undefined,
    maxLatencyMs: f.maxLatency ? parseLatency(f.maxLatency) : undefined,
    lowLatency: (needs?.lowLatency && !f.maxLatency) || undefined,
    budget: f.budget ? parseBudget(f.budget) : undefined,
    openWeights: raw.openWeights === true || needs?.openWeights || undefined,
    providers: f.providers ? parseProviders(f.providers) : undefined,
    includeUnrated: raw.includeUnrated === true || undefined,
    includeDeprecated: raw.includeDeprecated === true || undefined,
    minEvidence: f.minEvidence,
    today,
  };
  return {
    constraints: c,
    prefer: f.prefer ?? 'balanced',
    top: f.top ?? 5,
    floors: f.qualityFloor ? parseFloors(f.qualityFloor) : { perTask: {} },
  };
}

/** --mix classification=80,math=20 (percent or fractions). Shares must add up to 100% (or 1). */
export function parseMix(raw: string, flag = '--mix'): { task: TaskDef; share: number }[] {
  const parts = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UserError(`${flag}: empty mix`, 'use task=share pairs: classification=70,summarization=20,math=10');
  const mix = parts.map((p) => {
    const [k, v] = p.split('=');
    const task = parseTask(k ?? '', flag);
    const n = Number((v ?? '').replace(/%$/, ''));
    if (!v || !/^\d+(\.\d+)?%?$/.test(v.trim()) || n <= 0)
      throw new UserError(`${flag}: "${p}" needs a positive share`, 'use task=share pairs: classification=70,summarization=20,math=10');
    return { task, share: n };
  });
  const seen = new Set<string>();
  for (const m of mix) {
    if (seen.has(m.task.id)) throw new UserError(`${flag}: ${m.task.id} is named twice`, 'name each task once');
    seen.add(m.task.id);
  }
  const total = mix.reduce((s, m) => s + m.share, 0);
  const scale = Math.abs(total - 100) <= 0.5 ? 100 : Math.abs(total - 1) <= 0.005 ? 1 : 0;
  if (!scale)
    throw new UserError(
      `${flag}: shares add up to ${Number(total.toPrecision(6))}, not 100 (or 1)`,
      'for example classification=80,math=20',
    );
  return mix.map((m) => ({ task: m.task, share: m.share / total }));
}

export { TASKS };
