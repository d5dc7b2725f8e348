import type { Model, Offer } from '../catalog/schema.js';
import { computeWorkloadCost, type CostParts } from './cost.js';
import { JSON_MONEY_RULE, roundMoney } from './money.js';
import { pickOffer } from './offers.js';
import type { UsageRecord } from './replay-formats.js';
import type { Workload } from './workload.js';

/**
 * Repricing a usage log. Records are added one by one; each adds whole token counts into a bucket
 * per (model, provider, day, batch), so memory grows with distinct models and days, never with rows,
 * and sums of integers stay exact. Money is computed once per bucket at the end, with the offer in
 * force on the bucket's day (computeWorkloadCost, the same arithmetic as `cost`), and rounded with
 * roundMoney. Pure: the resolver is given.
 */

export interface ResolvedName {
  model: Model;
  /** The provider the name itself carried (openai/gpt-4o). */
  provider?: string;
}

export interface ReplayResolver {
  /** The model a log's name means, or undefined (an unknown model). Called once per distinct name. */
  find(name: string): ResolvedName | undefined;
  suggest(name: string): string[];
}

export interface Counters {
  rows: number;
  requests: number;
  input: number;
  cached: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
  longCacheWrite: number;
  longContextRows: number;
  /** The largest input of one request seen (a bucket record's average): whether long-context prices could apply. */
  maxInputPerRequest: number;
}

const zero = (): Counters => ({
  rows: 0,
  requests: 0,
  input: 0,
  cached: 0,
  cacheWrite: 0,
  output: 0,
  reasoning: 0,
  longCacheWrite: 0,
  longContextRows: 0,
  maxInputPerRequest: 0,
});

/** The hot path: one record into its bucket. */
function addRecord(c: Counters, r: UsageRecord): void {
  c.rows++;
  c.requests += r.requests;
  c.input += r.input;
  c.cached += r.cached;
  c.cacheWrite += r.cacheWrite;
  c.output += r.output;
  c.reasoning += r.reasoning;
  if (r.longCacheWrite) c.longCacheWrite += r.longCacheWrite;
  if (r.longContext) c.longContextRows++;
  // A record that counts no requests (Anthropic's report) says nothing of request sizes.
  const perRequest = r.requests > 1 ? r.input / r.requests : r.requests === 1 ? r.input : 0;
  if (perRequest > c.maxInputPerRequest) c.maxInputPerRequest = perRequest;
}

function addInto(c: Counters, r: Counters): void {
  c.rows += r.rows;
  c.requests += r.requests;
  c.input += r.input;
  c.cached += r.cached;
  c.cacheWrite += r.cacheWrite;
  c.output += r.output;
  c.reasoning += r.reasoning;
  c.longCacheWrite += r.longCacheWrite;
  c.longContextRows += r.longContextRows;
  if (r.maxInputPerRequest > c.maxInputPerRequest) c.maxInputPerRequest = r.maxInputPerRequest;
}

interface Target {
  model: Model;
  provider?: string;
  /** The log's names that resolved here, with their rows. */
  names: Map<string, number>;
  /** day -> counters, for standard and for batch traffic. */
  buckets: Map<string, Counters>;
  batchBuckets: Map<string, Counters>;
  /** The release day (YYYY-MM-DD), before which the catalog has no price in force. */
  released: string | undefined;
  /**
   * Long-context thresholds (input tokens per request) of this model's and the --on models'
   * offers, ascending. A one-request record above the first goes to a bucket of its size class
   * (how many thresholds it exceeds), so every tier is applied exactly, as providers bill it.
   */
  thresholds: number[];
  /** batch + '|' + day + '|' + size class -> counters, for one-request records above a threshold. */
  longBuckets: Map<string, Counters>;
}

export interface Problem {
  file: string;
  where: string;
  reason: string;
}

export interface ProblemSummary {
  count: number;
  /** The first few, with where they are. */
  examples: Problem[];
}

const EXAMPLES = 5;
/** Bounds that keep memory flat on hostile logs (a million distinct made-up names). */
const MAX_CACHED_NAMES = 50_000;
const MAX_UNKNOWN_NAMES = 1_000;
const MAX_SUGGESTED = 20;

export class ReplayAccumulator {
  /** Each distinct name (and provider) of the log: its target, and the first day it can be priced. */
  private readonly byName = new Map<string, { target: Target; from: string | undefined } | null>();
  private readonly targets = new Map<string, Target>();
  readonly unknown = new Map<string, { rows: number; suggestions: string[]; first: Problem }>();
  readonly bad: ProblemSummary = { count: 0, examples: [] };
  readonly outOfRange: ProblemSummary = { count: 0, examples: [] };
  readonly skipped: ProblemSummary = { count: 0, examples: [] };
  unknownRows = 0;
  records = 0;
  private file = '';

  constructor(
    private readonly resolver: ReplayResolver,
    /** The day asked (YYYY-MM-DD): a record after it is out of range. */
    private readonly today: string,
    /** The models --on prices the same tokens on: their long-context thresholds sort records too. */
    private readonly onModels: Model[] = [],
  ) {}

  /** The file the next records come from (for reports). */
  setFile(file: string): void {
    this.file = file;
  }

  badRow(where: string, reason: string): void {
    note(this.bad, { file: this.file, where, reason });
  }

  skip(where: string, reason: string): void {
    note(this.skipped, { file: this.file, where, reason });
  }

  add(r: UsageRecord): void {
    this.records++;
    const key = r.provider === undefined ? r.model : `${r.model}\u0000${r.provider}`;
    let named = this.byName.get(key);
    if (named === undefined) {
      const target = this.resolve(r.model, r.provider);
      named = target ? { target, from: firstDay(target.released, r.model) } : null;
      // Resolution is cached per distinct name (a log has few); past the bound, names resolve each time.
      if (this.byName.size < MAX_CACHED_NAMES) this.byName.set(key, named);
      if (target && target.names.size < 20) target.names.set(r.model, 0);
    }
    if (named === null) {
      this.unknownRows++;
      const u = this.unknown.get(r.model);
      if (u) u.rows++;
      else if (this.unknown.size < MAX_UNKNOWN_NAMES)
        this.unknown.set(r.model, {
          rows: 1,
          // "Did you mean" compares with every name in the catalog: for the first few names only.
          suggestions: this.unknown.size < MAX_SUGGESTED ? this.resolver.suggest(r.model) : [],
          first: { file: this.file, where: whereOf(r.where), reason: `unknown model "${r.model}"` },
        });
      return;
    }
    if (r.day > this.today) return note(this.outOfRange, { file: this.file, where: whereOf(r.where), reason: `${r.day} is after the day priced for (${this.today}; --as-of moves it)` });
    const t = named.target;
    if (named.from !== undefined && r.day < named.from)
      return note(this.outOfRange, {
        file: this.file,
        where: whereOf(r.where),
        reason: `${r.day} is before ${r.model} existed (${t.model.id} released ${t.model.releaseDate}): the catalog has no price in force then`,
      });
    if (r.requests === 1 && t.thresholds.length > 0 && r.input > t.thresholds[0]!) {
      let cls = 0;
      while (cls < t.thresholds.length && r.input > t.thresholds[cls]!) cls++;
      const k = `${r.batch ? 1 : 0}|${r.day}|${cls}`;
      let lc = t.longBuckets.get(k);
      if (!lc) t.longBuckets.set(k, (lc = zero()));
      return addRecord(lc, r);
    }
    const buckets = r.batch ? t.batchBuckets : t.buckets;
    let c = buckets.get(r.day);
    if (!c) buckets.set(r.day, (c = zero()));
    addRecord(c, r);
  }

  private resolve(name: string, provider: string | undefined): Target | null {
    const found = this.resolver.find(name);
    if (!found) return null;
    const p = found.provider ?? provider;
    // The record's provider prices it when it sells the model; otherwise the reference offer does.
    // Naming the maker's own API is the default: one line per model, not one per spelling.
    const sells = p !== undefined && found.model.offers.some((o) => o.provider === p && !o.reference);
    const reference = p !== undefined && found.model.offers.some((o) => o.provider === p && o.reference);
    const key = `${found.model.id}\u0000${sells ? p : ''}`;
    let t = this.targets.get(key);
    const release = found.model.releaseDate;
    if (!t)
      this.targets.set(
        key,
        (t = {
          model: found.model,
          provider: sells ? p : undefined,
          names: new Map(),
          buckets: new Map(),
          batchBuckets: new Map(),
          thresholds: thresholdsOf([found.model, ...this.onModels]),
          longBuckets: new Map(),
          released: release ? (release.length === 7 ? `${release}-01` : release) : undefined,
        }),
      );
    if (p !== undefined && !sells && !reference) this.providerFallbacks.add(`${p} does not sell ${found.model.id} in the catalog: its rows are priced with ${found.model.id}'s reference offer`);
    return t;
  }

  readonly providerFallbacks = new Set<string>();

  /** The report: totals, by model, day and month, and each `on` model's price for the same tokens. */
  finish(on: ResolvedName[], files: ReplayFile[]): ReplayResult {
    const notes = new Set<string>(this.providerFallbacks);
    const byDay = new Map<string, { cost: number; known: boolean }>();
    const models: ReplayModelLine[] = [];
    const all = zero();
    let total = 0;
    let totalKnown = true;
    const onTotals = on.map(() => ({ cost: 0, known: true, byOriginal: [] as OnLine[] }));
    let first: string | undefined;
    let last: string | undefined;

    for (const t of this.targets.values()) {
      const sum = zero();
      let cost = 0;
      let known = true;
      const parts = zeroParts();
      const offers = new Map<string, Offer>();
      const onCost = on.map(() => ({ cost: 0, known: true }));
      const entries: [string, Counters, boolean, boolean][] = [
        ...[...t.buckets].map(([day, c]): [string, Counters, boolean, boolean] => [day, c, false, false]),
        ...[...t.batchBuckets].map(([day, c]): [string, Counters, boolean, boolean] => [day, c, true, false]),
        ...[...t.longBuckets].map(([k, c]): [string, Counters, boolean, boolean] => [k.slice(2, 12), c, k.startsWith('1'), true]),
      ];
      for (const [day, c, batch, perRequest] of entries) {
        if (!first || day < first) first = day;
        if (!last || day > last) last = day;
        addInto(sum, c);
        const priced = priceBucket(t.model, t.provider, day, c, batch, notes, perRequest);
        if (priced.offer) offers.set(`${priced.offer.provider} ${priced.offer.asOf}`, priced.offer);
        const d = byDay.get(day) ?? { cost: 0, known: true };
        if (priced.cost === null) {
          known = false;
          d.known = false;
        } else {
          cost += priced.cost;
          d.cost += priced.cost;
          for (const k of Object.keys(parts) as (keyof CostParts)[]) parts[k] += priced.parts![k];
        }
        byDay.set(day, d);
        on.forEach((o, i) => {
          const p = priceBucket(o.model, o.provider, day, c, batch, notes, perRequest);
          if (p.cost === null) onCost[i]!.known = false;
          else onCost[i]!.cost += p.cost;
        });
      }
      addInto(all, sum);
      if (known) total += cost;
      else totalKnown = false;
      if (sum.longCacheWrite > 0)
        notes.add(
          `${sum.longCacheWrite.toLocaleString('en-US')} tokens of ${t.model.id} were written to the 1-hour cache, which Anthropic bills above the 5-minute cache-write price the catalog carries: their cost here is a floor`,
        );
      if (sum.longContextRows > 0)
        notes.add(`${t.model.id}: ${sum.longContextRows} record(s) are in a long-context window (above 200k input tokens); long-context prices are not applied to aggregated records, so their cost here is a floor`);
      const line: ReplayModelLine = {
        model: { id: t.model.id, name: t.model.name, lab: t.model.lab },
        provider: t.provider ?? null,
        names: [...t.names.keys()].sort(),
        offers: [...offers.values()].map((o) => ({ provider: o.provider, source: o.source, asOf: o.asOf, prices: o.prices, reference: o.reference === true })),
        ...tokensOf(sum),
        cost: known ? roundMoney(cost) : null,
        parts: known ? roundParts(parts) : null,
      };
      models.push(line);
      on.forEach((o, i) => {
        const c = onCost[i]!;
        const tot = onTotals[i]!;
        if (c.known) tot.cost += c.cost;
        else tot.known = false;
        tot.byOriginal.push({
          model: t.model.id,
          provider: t.provider ?? null,
          original: line.cost,
          cost: c.known ? roundMoney(c.cost) : null,
          ratio: c.known && line.cost ? Number((c.cost / line.cost).toPrecision(3)) : null,
        });
      });
    }
    // Dearest first; each --on model's lines follow the same order.
    const order = models.map((_, i) => i).sort((i, j) => (models[j]!.cost ?? -1) - (models[i]!.cost ?? -1) || (models[i]!.model.id < models[j]!.model.id ? -1 : 1));
    const sorted = order.map((i) => models[i]!);
    for (const t of onTotals) t.byOriginal = order.map((i) => t.byOriginal[i]!);
    models.length = 0;
    models.push(...sorted);

    const days = [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const byMonth = new Map<string, { cost: number; known: boolean }>();
    for (const [day, d] of days) {
      const m = byMonth.get(day.slice(0, 7)) ?? { cost: 0, known: true };
      m.cost += d.cost;
      m.known &&= d.known;
      byMonth.set(day.slice(0, 7), m);
    }
    const totalCost = totalKnown ? roundMoney(total) : null;
    if (all.reasoning > 0 && on.length > 0)
      notes.add(
        `${all.reasoning.toLocaleString('en-US')} of the output tokens were hidden reasoning; each --on model is priced for the same output tokens, reasoning included (a model that does not reason would not spend them)`,
      );
    if (this.records === 0 && this.bad.count === 0) notes.add('no usage records were found in the files');
    const unknown = [...this.unknown.entries()].sort((a, b) => b[1].rows - a[1].rows);
    return {
      schemaVersion: 1,
      command: 'replay',
      files,
      period: first && last ? { from: first, to: last, days: daySpan(first, last) } : null,
      total: { ...tokensOf(all), cost: totalCost },
      byModel: models,
      byDay: days.map(([day, d]) => ({ day, cost: d.known ? roundMoney(d.cost) : null })),
      byMonth: [...byMonth.entries()].map(([month, m]) => ({ month, cost: m.known ? roundMoney(m.cost) : null })),
      on: on.map((o, i) => {
        const tot = onTotals[i]!;
        const cost = tot.known ? roundMoney(tot.cost) : null;
        return {
          model: { id: o.model.id, name: o.model.name, lab: o.model.lab },
          provider: o.provider ?? null,
          cost,
          difference: cost !== null && totalCost !== null ? roundMoney(cost - totalCost) : null,
          ratio: cost !== null && totalCost ? Number((cost / totalCost).toPrecision(3)) : null,
          byOriginal: tot.byOriginal,
        };
      }),
      problems: {
        unknownModels: {
          count: this.unknownRows,
          names: unknown.slice(0, 20).map(([name, u]) => ({ name, rows: u.rows, suggestions: u.suggestions })),
          examples: unknown.slice(0, EXAMPLES).map(([, u]) => u.first),
        },
        badRows: this.bad,
        outOfRange: this.outOfRange,
        skipped: this.skipped,
      },
      notes: [...notes],
      moneyRule: JSON_MONEY_RULE,
    };
  }
}

/**
 * The first day a name can have been used: the model's release, or the date a dated snapshot's name
 * carries when earlier (claude-3-5-sonnet-20240620 is older than the catalog's claude-3-5-sonnet).
 */
function firstDay(released: string | undefined, name: string): string | undefined {
  if (released === undefined) return undefined;
  const m = /(20\d{2})-?(\d{2})-?(\d{2})(?!\d)/.exec(name);
  const dated = m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
  return dated && dated < released ? dated : released;
}

const whereOf = (w: string | number) => (typeof w === 'number' ? `line ${w}` : w);

function note(s: ProblemSummary, p: Problem): void {
  s.count++;
  if (s.examples.length < EXAMPLES) s.examples.push(p);
}

function daySpan(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Picking an offer is memoised per (model, provider, day): a log has few of each. */
const offerCache = new WeakMap<Model, Map<string, Offer | null>>();

/** A workload that only serves to pick an offer able to price input and output tokens. */
const PICK_WORKLOAD: Workload = { period: 'day', inputTokens: 1_000_000, outputTokens: 1_000_000, cached: 0, batch: 0, discount: 0, daysPerMonth: 30 };

export function offerFor(model: Model, provider: string | undefined, day: string): Offer | null {
  let m = offerCache.get(model);
  if (!m) offerCache.set(model, (m = new Map()));
  const k = `${provider ?? ''}|${day}`;
  let o = m.get(k);
  if (o === undefined) {
    let picked: Offer | undefined;
    try {
      picked = pickOffer(model, PICK_WORKLOAD, { provider, today: day })?.offer;
    } catch {
      picked = pickOffer(model, PICK_WORKLOAD, { today: day })?.offer;
    }
    o = picked ?? null;
    m.set(k, o);
  }
  return o;
}

/** One bucket's cost on a model's offer in force that day: the same arithmetic as `cost`. */
export function priceBucket(
  model: Model,
  provider: string | undefined,
  day: string,
  c: Counters,
  batch: boolean,
  notes?: Set<string>,
  /** The bucket holds one-request records of one long-context size class: price per request, tiers applied. */
  perRequest = false,
): { cost: number | null; parts?: CostParts; offer?: Offer } {
  if (c.input === 0 && c.output === 0) return { cost: 0, parts: zeroParts() };
  const offer = offerFor(model, provider, day);
  if (!offer) {
    notes?.add(`${model.id}: no offer in the catalog can price input and output tokens; its cost is unknown`);
    return { cost: null };
  }
  const volume = perRequest
    ? { requests: c.requests, input: c.input / c.requests, output: c.output / c.requests }
    : { inputTokens: c.input, outputTokens: c.output };
  const w: Workload = {
    period: 'day',
    ...volume,
    cached: c.input ? c.cached / c.input : 0,
    ...(c.cacheWrite ? { cacheWrites: c.cacheWrite / c.input } : {}),
    batch: batch ? 1 : 0,
    discount: 0,
    daysPerMonth: 30,
  };
  const r = computeWorkloadCost(offer, model.category, w);
  for (const n of r.notes)
    if (!n.startsWith('long-context prices above') && !n.startsWith("each request's")) notes?.add(`${model.id} (${offer.provider}): ${n}`);
  if (r.tier) notes?.add(`${model.id} (${offer.provider}): requests over ${r.tier.above.toLocaleString('en-US')} input tokens are priced at its long-context prices, as billed`);
  const lowest = offer.prices.tiers?.length ? Math.min(...offer.prices.tiers.map((t) => t.above)) : undefined;
  if (!perRequest && lowest !== undefined && c.maxInputPerRequest > lowest)
    notes?.add(
      `${model.id} (${offer.provider}) bills requests over ${lowest.toLocaleString('en-US')} input tokens at long-context prices; records that sum several requests (averaging more than that) are priced at the base price, as their requests' sizes are unknown, so their cost here is a floor`,
    );
  if (!r.complete || r.periods.day === null) {
    notes?.add(`${model.id} (${offer.provider}): ${r.missing.join(', ')} unknown; its cost is unknown`);
    return { cost: null, offer };
  }
  return { cost: r.periods.day, parts: r.partsPerDay, offer };
}

/** Every long-context threshold of the models' offers, ascending, once each. */
function thresholdsOf(models: Model[]): number[] {
  const set = new Set<number>();
  for (const m of models) for (const o of m.offers) for (const h of [o.prices, ...(o.history ?? []).map((e) => e.prices)]) for (const t of h.tiers ?? []) set.add(t.above);
  return [...set].sort((a, b) => a - b);
}

function zeroParts(): CostParts {
  return { input: 0, cachedInput: 0, cacheWrite: 0, output: 0, perRequest: 0, perSearch: 0, discount: 0 };
}

function roundParts(p: CostParts): CostParts {
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, roundMoney(v)])) as unknown as CostParts;
}

function tokensOf(c: Counters) {
  return {
    records: c.rows,
    requests: c.requests,
    inputTokens: c.input,
    cachedInputTokens: c.cached,
    cacheWriteTokens: c.cacheWrite,
    outputTokens: c.output,
    reasoningTokens: c.reasoning,
  };
}

export interface ReplayFile {
  path: string;
  format: string;
  gzip: boolean;
  lines: number;
}

export interface ReplayModelLine extends ReturnType<typeof tokensOf> {
  model: { id: string; name: string; lab: string };
  provider: string | null;
  names: string[];
  offers: { provider: string; source: string; asOf: string; prices: Offer['prices']; reference: boolean }[];
  cost: number | null;
  parts: CostParts | null;
}

export interface OnLine {
  model: string;
  provider: string | null;
  original: number | null;
  cost: number | null;
  ratio: number | null;
}

export interface ReplayResult {
  schemaVersion: 1;
  command: 'replay';
  files: ReplayFile[];
  period: { from: string; to: string; days: number } | null;
  total: ReturnType<typeof tokensOf> & { cost: number | null };
  byModel: ReplayModelLine[];
  byDay: { day: string; cost: number | null }[];
  byMonth: { month: string; cost: number | null }[];
  on: {
    model: { id: string; name: string; lab: string };
    provider: string | null;
    cost: number | null;
    difference: number | null;
    ratio: number | null;
    byOriginal: OnLine[];
  }[];
  problems: {
    unknownModels: ProblemSummary & { names: { name: string; rows: number; suggestions: string[] }[] };
    badRows: ProblemSummary;
    outOfRange: ProblemSummary;
    skipped: ProblemSummary;
  };
  notes: string[];
  moneyRule: string;
}
