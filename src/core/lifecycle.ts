import type { Lifecycle, LifecycleState, Model, Offer } from '../catalog/schema.js';
import { formatUsd } from './money.js';

/**
 * A model's place in its maker's life cycle on a given day. The catalog keeps dated records (see
 * LifecycleSchema); the state is worked out for the day asked, so a deprecation whose shutdown date
 * has passed reads as a retirement without a rebuild. Pure.
 */

export interface LifecycleStatus {
  state: LifecycleState;
  /** Whether a dated, sourced record backs the state (an absent record reads as active, unsourced). */
  known: boolean;
  deprecatedOn?: string;
  shutdownOn?: string;
  successor?: string;
  source?: string;
  asOf?: string;
  confidence?: Lifecycle['confidence'];
  note?: string;
}

/** The day assumed when none is given: every dated shutdown counts as past. */
export const CAUTIOUS_TODAY = '9999-12-31';

/** YYYY-MM-DD of a Date (UTC). */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Lifecycle dates may be YYYY-MM; such a date counts from the first of the month. */
function onOrBefore(date: string, today: string): boolean {
  return (date.length === 7 ? `${date}-01` : date) <= today;
}

export function stateOf(lc: Lifecycle | undefined, today: string, legacyDeprecated?: boolean): LifecycleStatus {
  if (!lc) return { state: legacyDeprecated ? 'deprecated' : 'active', known: legacyDeprecated === true };
  const base: LifecycleStatus = {
    state: lc.status,
    known: true,
    deprecatedOn: lc.deprecatedOn,
    shutdownOn: lc.shutdownOn,
    successor: lc.successor,
    source: lc.source,
    asOf: lc.asOf,
    confidence: lc.confidence,
    note: lc.note,
  };
  if (lc.shutdownOn && onOrBefore(lc.shutdownOn, today)) return { ...base, state: 'retired' };
  // Before its announcement a deprecation had not happened: the model was served as usual.
  if (lc.deprecatedOn && !onOrBefore(lc.deprecatedOn, today))
    return { ...base, state: lc.status === 'preview' ? 'preview' : 'active' };
  // A retirement recorded with a date still ahead is, today, an announcement.
  if (lc.status === 'retired') return { ...base, state: lc.shutdownOn ? 'deprecated' : 'retired' };
  if (lc.deprecatedOn) return { ...base, state: 'deprecated' };
  return base;
}

export function modelState(m: Pick<Model, 'lifecycle' | 'deprecated'>, today: string): LifecycleStatus {
  return stateOf(m.lifecycle, today, m.deprecated);
}

/** Whether a host still serves this route on `today` (its own retirement, not the model's). */
export function offerRetired(o: Pick<Offer, 'lifecycle'>, today: string): boolean {
  return o.lifecycle !== undefined && stateOf(o.lifecycle, today).state === 'retired';
}

const WHO: Record<Lifecycle['confidence'], string> = {
  maker: 'per its maker',
  'third-party': 'reported by a third party, not confirmed on the maker’s pages',
  upstream: 'flagged by a pricing database, not confirmed on the maker’s pages',
};

/**
 * One line for people, or undefined for an active or preview model: "Mistral Small 3.1
 * (mistral-small-2503) is retired: its maker stopped serving it on 2025-11-30; successor
 * mistral-small-2506. Source: ..., 2025-11-06."
 */
export function lifecycleMessage(
  m: Pick<Model, 'id' | 'name' | 'lifecycle' | 'deprecated'>,
  today: string,
  successorName?: string,
  successorKnown = true,
): string | undefined {
  const s = modelState(m, today);
  if (s.state === 'active' || s.state === 'preview') return undefined;
  const who = s.confidence ? WHO[s.confidence] : 'per the catalog';
  const head = `${m.name} (${m.id})`;
  let what: string;
  if (s.state === 'retired')
    what = s.shutdownOn ? `is retired: no longer served since ${s.shutdownOn} (${who})` : `is retired (${who})`;
  else
    what = s.shutdownOn
      ? `is deprecated${s.deprecatedOn ? ` since ${s.deprecatedOn}` : ''} and shuts down on ${s.shutdownOn} (${who})`
      : `is deprecated${s.deprecatedOn ? ` since ${s.deprecatedOn}` : ''}, no shutdown date announced (${who})`;
  const succ = s.successor
    ? `; successor: ${successorName && successorName !== s.successor ? `${successorName} (${s.successor})` : s.successor}${successorKnown ? '' : ' (not in this catalog yet)'}`
    : '';
  const src = s.source ? `. Source: ${s.source}${s.asOf ? `, ${s.asOf}` : ''}` : '';
  return `${head} ${what}${succ}${src}.`;
}


/** What `show`, `cost` and `compare` say first about a model that is retired or deprecated. */
export interface LifecycleNotice extends LifecycleStatus {
  id: string;
  successorName?: string;
  /** The successor's cost of the same workload, where the command priced one. */
  successorPerMonth?: number | null;
  message: string;
}

export function lifecycleNotice(
  m: Model,
  today: string,
  successor?: Pick<Model, 'id' | 'name'>,
  successorPerMonth?: number | null,
): LifecycleNotice | undefined {
  const named = m.lifecycle?.successor;
  const message = lifecycleMessage(m, today, successor?.name, named === undefined || successor !== undefined);
  if (!message) return undefined;
  const s = modelState(m, today);
  const cost =
    successor && successorPerMonth !== undefined && successorPerMonth !== null
      ? ` The same workload on ${successor.id} costs ${formatUsd(successorPerMonth)} a month (--successor prices it in full).`
      : '';
  return {
    id: m.id,
    ...s,
    ...(successor ? { successorName: successor.name } : {}),
    ...(successorPerMonth !== undefined ? { successorPerMonth } : {}),
    message: `${message}${cost}`,
  };
}

/**
 * The offer as priced on `day`: its dated price list in force then (a past change, or a scheduled
 * one that has begun). Batch prices follow the list by the same discount. The offer itself when it
 * has no history or the list in force is the one it carries.
 */
export function offerAt(o: Offer, day: string): Offer {
  const h = o.history;
  if (!h?.length) return o;
  let entry = h.find((e) => e.from === undefined) ?? h[0]!;
  for (const e of h) if (e.from !== undefined && e.from <= day) entry = e;
  if (entry.from !== undefined && entry.from > day) return o;
  if (entry.prices === o.prices || samePrices(entry.prices, o.prices)) return o;
  const p = { ...entry.prices };
  const scale = (batch: number | undefined, now: number | undefined, then: number | undefined) =>
    batch !== undefined && now && then !== undefined ? Number(((batch * then) / now).toPrecision(12)) : undefined;
  if (p.batchInput === undefined && o.prices.batchInput !== undefined) p.batchInput = scale(o.prices.batchInput, o.prices.input, p.input);
  if (p.batchOutput === undefined && o.prices.batchOutput !== undefined) p.batchOutput = scale(o.prices.batchOutput, o.prices.output, p.output);
  for (const k of Object.keys(p) as (keyof typeof p)[]) if (p[k] === undefined) delete p[k];
  const when = entry.from ? `the list in force from ${entry.from}` : `the list in force before ${h.find((e) => e.from)?.from ?? 'its first change'}`;
  return { ...o, prices: p, asOf: entry.from ?? o.asOf, note: [`priced with ${when}`, o.note].filter(Boolean).join('; ') };
}

function samePrices(a: Offer['prices'], b: Offer['prices']): boolean {
  return a.input === b.input && a.output === b.output && a.cacheRead === b.cacheRead && JSON.stringify(a.tiers) === JSON.stringify(b.tiers);
}
