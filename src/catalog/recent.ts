import { modelState } from '../core/lifecycle.js';
import type { Lifecycle, Model } from './schema.js';

/**
 * The recent models of the major makers that `catalog info` counts and `recommend` quotes: chat
 * models of a major maker sold on its maker's API, released in the 18 months before the day asked
 * and served that day. Kept apart from summary.ts so a command can read the counts of the
 * catalog's summary line without loading the code that builds it.
 */

export const MAJOR_MAKERS = [
  'openai',
  'anthropic',
  'google',
  'mistral',
  'deepseek',
  'xai',
  'cohere',
  'alibaba',
  'meta',
  'moonshotai',
  'zhipuai',
];

/** The window: 18 months. */
const RECENT_DAYS = 548;

/** A lifecycle as the day's state needs it: [status, deprecatedOn, shutdownOn, confidence, deprecated flag]. */
export type LifeKey = [string | null, string | null, string | null, string | null, 0 | 1];

export type ReasoningClass = 'measured' | 'estimatedBase' | 'makerEstimate' | 'catalogEstimate' | 'offByDefault' | 'unknown';

/** A chat model of a major maker sold on its maker's API: a recent model if released in the window and served today. */
export interface Candidate {
  id: string;
  release: string;
  life: LifeKey;
  /** Chat-type tasks it is rated for from 2+ independent benchmarks. */
  rated: string[];
  /** Chat-type tasks it cannot do (a capability the task needs is missing or unknown, or its context is too short). */
  unable: string[];
  /** How its hidden reasoning tokens are priced at its default setting; null when it does not reason. */
  reasoning: ReasoningClass | null;
  /** Latency on its maker's API: which figures, and how they were measured; null when none. */
  latency: { ttft: boolean; speed: boolean; kind: string } | null;
  /** It also generates images (a gateway's tokens per second mixes image and text output). */
  imageOutput?: true;
}

export function lifeKey(
  l: Pick<Lifecycle, 'status' | 'deprecatedOn' | 'shutdownOn' | 'confidence'> | undefined,
  deprecated?: boolean,
): LifeKey {
  return [l?.status ?? null, l?.deprecatedOn ?? null, l?.shutdownOn ?? null, l?.confidence ?? null, deprecated ? 1 : 0];
}

export function fromLifeKey(k: LifeKey): Pick<Model, 'lifecycle' | 'deprecated'> {
  const [status, deprecatedOn, shutdownOn, confidence, deprecated] = k;
  const lifecycle = status
    ? ({ status, confidence, ...(deprecatedOn ? { deprecatedOn } : {}), ...(shutdownOn ? { shutdownOn } : {}) } as Lifecycle)
    : undefined;
  return { lifecycle, deprecated: deprecated === 1 };
}

export const served = (k: LifeKey, today: string) => ['active', 'preview'].includes(modelState(fromLifeKey(k), today).state);

/** The first release day in the window that ends on `today`. */
export function recentSince(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - RECENT_DAYS * 86_400_000).toISOString().slice(0, 10);
}

export function recentCandidates(s: { candidates: Candidate[] }, today: string): Candidate[] {
  const since = recentSince(today);
  return s.candidates.filter((c) => c.release >= since && served(c.life, today));
}

/**
 * What `recommend` needs of the candidates to say a task's coverage, packed: the chat-type tasks,
 * the distinct lifecycles, and per candidate [release, lifecycle index, tasks it cannot do as a
 * bit mask, tasks it is rated for as a bit mask]. A few kilobytes instead of the summary line's
 * eighty, read by every recommend.
 */
export interface PackedCoverage {
  t: string[];
  l: LifeKey[];
  r: [string, number, number, number][];
}

export function packCoverage(candidates: Candidate[], tasks: string[]): PackedCoverage {
  const lives = new Map<string, number>();
  const l: LifeKey[] = [];
  const mask = (names: string[]) => tasks.reduce((m, t, i) => (names.includes(t) ? m | (1 << i) : m), 0);
  const r = candidates.map((c): [string, number, number, number] => {
    const key = JSON.stringify(c.life);
    let i = lives.get(key);
    if (i === undefined) {
      i = l.push(c.life) - 1;
      lives.set(key, i);
    }
    return [c.release, i, mask(c.unable), mask(c.rated)];
  });
  return { t: tasks, l, r };
}

/** taskCoverage() from the packed form. */
export function packedTaskCoverage(p: PackedCoverage, task: string, today: string): { rated: number; able: number } | null {
  const bit = p.t.indexOf(task);
  if (bit < 0) return null;
  const since = recentSince(today);
  const live = p.l.map((k) => served(k, today));
  let rated = 0;
  let able = 0;
  for (const [release, life, unable, ratedMask] of p.r) {
    if (release < since || !live[life] || unable & (1 << bit)) continue;
    able++;
    if (ratedMask & (1 << bit)) rated++;
  }
  return { rated, able };
}
