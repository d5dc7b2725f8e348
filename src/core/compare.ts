import { figuresByKey } from './quality.js';
import type { LifecycleNotice } from './lifecycle.js';
import type { Benchmark, Capabilities, Category, Latency, Model, Prices } from '../catalog/schema.js';
import { billedPerSearch, periodCost } from './cost.js';
import { DEFAULT_WORKLOADS, describeWorkload, estimateModel, rankLines, type CostLine, type WorkloadSummary } from './estimate.js';
import { formatCount, roundMoney } from './money.js';
import { cheapestOf, isUsable, type PickOptions } from './offers.js';
import type { Workload } from './workload.js';
import { describeMethod, endToEnd, offerLatency } from './latency.js';
import { reasoningFactor } from './reasoning.js';

/**
 * `compare`: the side-by-side facts, the cost of one workload on each, and verdicts computed from
 * the data. A verdict never rests on an unknown figure. Models of different categories are not
 * substitutes: they get a pipeline (retrieve, rerank, generate) and its cost instead of a winner.
 */

export interface ComparedModel {
  id: string;
  name: string;
  lab: string;
  category: Category;
  parameters: string | null;
  parametersSource: { source: string; asOf: string } | null;
  contextWindow: number | null;
  maxOutput: number | null;
  prices: Prices | null;
  offer: CostLine['offer'];
  /** A plausible offer much cheaper than the one used (at least 25% less for the workload). */
  cheaperOffer: { provider: string; providerModelId: string; perMonth: number; savingShare: number; source: string; asOf: string } | null;
  /** The figure measured on the host priced (model × provider), or null when none was. */
  latency: Latency | null;
  /** How that figure was measured, in words ("gateway live statistics, median"). */
  latencyMethod: string | null;
  /** One request of the workload: time to first token + its output (hidden reasoning included) at the measured speed. */
  endToEnd: { ms: number | null; outputTokens: number; caveat?: string } | null;
  modalities: { input: string[]; output: string[] } | null;
  capabilities: Capabilities;
  openWeights: boolean | null;
  license: string | null;
  releaseDate: string | null;
  knowledgeCutoff: string | null;
  benchmarks: Record<string, Pick<Benchmark, 'score' | 'metric' | 'source' | 'asOf' | 'lowerIsBetter'>>;
}

export type VerdictKind =
  'input-price' | 'output-price' | 'workload-cost' | 'time-to-first-token' | 'output-speed' | 'context-window' | 'benchmarks';

export interface Verdict {
  kind: VerdictKind;
  /** The better model, or null when a figure is unknown or they tie. */
  winner: string | null;
  other: string;
  /** How many times better (>= 1), or null when unknown. */
  ratio: number | null;
  text: string;
}

export interface PipelineStage {
  role: 'embed' | 'rerank' | 'generate' | 'moderate';
  model: string;
  what: string;
  perDay: number | null;
  perMonth: number | null;
}

export interface CompareResult {
  schemaVersion: 1;
  command: 'compare';
  workload: WorkloadSummary;
  /** Retired or deprecated models among those compared, said first. */
  lifecycle: LifecycleNotice[];
  substitutes: boolean;
  models: ComparedModel[];
  costs: CostLine[];
  verdicts: Verdict[];
  chooseWhen: { model: string; when: string[] }[];
  pipeline: { description: string; stages: PipelineStage[]; perDay: number | null; perMonth: number | null; assumptions: string[] } | null;
  notes: string[];
}

export interface CompareInput {
  models: Model[];
  flagsWorkload: (defaults: { requests: number; input: number; output: number }) => { workload: Workload; defaulted: boolean };
  pick: PickOptions;
  /** Per-model provider from a provider-qualified name. */
  providers?: (string | undefined)[];
  /** The lifecycle lines to open with (worked out by the caller, who can price successors). */
  lifecycle?: LifecycleNotice[];
}

export function compareModels(input: CompareInput): CompareResult {
  const { models } = input;
  const categories = new Set(models.map((m) => m.category));
  const substitutes = categories.size === 1;
  const first = models[0]!.category;
  const notes: string[] = [];

  let workload: Workload;
  let defaulted: boolean;
  let costs: CostLine[];
  let pipeline: CompareResult['pipeline'] = null;
  if (substitutes) {
    const d = DEFAULT_WORKLOADS[first];
    ({ workload, defaulted } = input.flagsWorkload(d));
    costs = models.map((m, i) => estimateModel(m, workload, { ...input.pick, provider: input.pick.provider ?? input.providers?.[i] }));
  } else {
    const d = DEFAULT_WORKLOADS.chat;
    ({ workload, defaulted } = input.flagsWorkload(d));
    const built = buildPipeline(models, workload, input.pick);
    const { lines, ...view } = built;
    pipeline = view;
    costs = lines;
    notes.push(
      `${models.map((m) => `${m.id} is ${article(m.category)} ${m.category} model`).join('; ')}: they do different jobs and are not substitutes, so no winner is named on price. They combine as a pipeline: ${pipeline.description}.`,
    );
  }

  const compared = models.map((m, i) => describe(m, costs[i]!, workload));
  const verdicts = substitutes ? computeVerdicts(compared, costs) : [];
  const chooseWhen = models.map((m, i) => ({ model: m.id, when: chooseWhenNotes(m, compared[i]!, compared, verdicts, substitutes) }));
  for (const c of compared) if (c.offer?.flags.length) notes.push(`${c.id}: the offer used carries flags: ${c.offer.flags.join('; ')}`);
  const ranked = substitutes ? rankLines([...costs]) : costs;

  return {
    schemaVersion: 1,
    command: 'compare',
    workload: describeWorkload(workload, defaulted, substitutes ? first : 'chat'),
    lifecycle: input.lifecycle ?? [],
    substitutes,
    models: compared,
    costs: ranked,
    verdicts,
    chooseWhen,
    pipeline,
    notes,
  };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function describe(m: Model, line: CostLine, w: Workload): ComparedModel {
  const used = line.offer;
  let cheaperOffer: ComparedModel['cheaperOffer'] = null;
  if (used && line.perMonth !== null && line.perMonth > 0) {
    const others = m.offers.filter((o) => isUsable(o) && o.provider !== used.provider);
    const best = cheapestOf(others, m, w);
    if (best) {
      const c = periodCost(best, m.category, w, 'month');
      if (c !== null && c <= line.perMonth * 0.75)
        cheaperOffer = {
          provider: best.provider,
          providerModelId: best.providerModelId,
          perMonth: c,
          savingShare: roundMoney(1 - c / line.perMonth),
          source: best.source,
          asOf: best.asOf,
        };
    }
  }
  // The offer priced, only: another host's speed says nothing about this one.
  const latency = offerLatency(m, used?.provider);
  const perRequestOutput = w.requests !== undefined ? (w.output ?? 0) : undefined;
  const e2e =
    latency && m.category === 'chat' && perRequestOutput !== undefined
      ? endToEnd(latency, perRequestOutput, reasoningFactor(m, w.reasoning))
      : null;
  // One figure per benchmark, version and harness (its default setting), labelled by all three:
  // figures measured differently are different rows, never one row.
  const benchmarks: ComparedModel['benchmarks'] = {};
  for (const b of figuresByKey(m.benchmarks).values()) {
    const label = figureLabel(b);
    const cur = benchmarks[label];
    if (!cur || b.asOf > cur.asOf)
      benchmarks[label] = { score: b.score, metric: b.metric, source: b.source, asOf: b.asOf, ...(b.lowerIsBetter ? { lowerIsBetter: true as const } : {}) };
  }
  const p = m.parameters;
  return {
    id: m.id,
    name: m.name,
    lab: m.lab,
    category: m.category,
    parameters: !p ? null : !p.disclosed || p.total === null ? 'not disclosed' : String(p.total),
    parametersSource: p ? { source: p.source, asOf: p.asOf } : null,
    contextWindow: m.contextWindow ?? null,
    maxOutput: m.category === 'chat' ? (m.maxOutput ?? null) : null,
    prices: used?.prices ?? null,
    offer: used,
    cheaperOffer,
    latency,
    latencyMethod: latency ? describeMethod(latency) : null,
    endToEnd: e2e,
    modalities: m.modalities ?? null,
    capabilities: m.capabilities ?? {},
    openWeights: m.openWeights ?? null,
    license: m.license ?? null,
    releaseDate: m.releaseDate ?? null,
    knowledgeCutoff: m.knowledgeCutoff ?? null,
    benchmarks,
  };
}

/** "5.0x": ratios read to one decimal, as comparison sites print them, but computed exactly. */
export function formatRatio(r: number): string {
  return r >= 10 ? `${Math.round(r)}x` : `${r.toFixed(1)}x`;
}

export const TIE_RATIO = 1.1;

type Phrase = (winner: string, ratio: string, loser: string) => string;

function verdict(
  kind: VerdictKind,
  a: ComparedModel,
  b: ComparedModel,
  va: number | null | undefined,
  vb: number | null | undefined,
  what: string,
  phrase: Phrase,
  lower: boolean,
): Verdict {
  if (va == null || vb == null)
    return { kind, winner: null, other: '', ratio: null, text: `${what}: unknown for ${va == null ? a.id : b.id}, so no verdict` };
  if (va === vb) return { kind, winner: null, other: '', ratio: 1, text: `${what}: the same for ${a.id} and ${b.id}` };
  const aWins = lower ? va < vb : va > vb;
  const [win, lose, vw, vl] = aWins ? [a, b, va, vb] : [b, a, vb, va];
  if (lower && vw === 0)
    return { kind, winner: win.id, other: lose.id, ratio: null, text: `${win.id} costs nothing on ${what} where ${lose.id} does` };
  const r = lower ? vl / vw : vw / vl;
  // Within 10% is a tie: "1.0x cheaper" tells nobody anything.
  if (r < TIE_RATIO)
    return { kind, winner: null, other: '', ratio: roundMoney(r), text: `${what}: about the same for ${a.id} and ${b.id} (within 10%)` };
  return { kind, winner: win.id, other: lose.id, ratio: roundMoney(r), text: phrase(win.id, formatRatio(r), lose.id) };
}

const cheaperOn =
  (what: string): Phrase =>
  (w, r, l) =>
    `${w} is ${r} cheaper on ${what} than ${l}`;

/** Verdicts between the first model and each other one (for two models: one verdict per kind). */
export function computeVerdicts(ms: ComparedModel[], costs: CostLine[]): Verdict[] {
  const out: Verdict[] = [];
  const costOf = (id: string) => costs.find((c) => c.model.id === id)?.perMonth ?? null;
  const pairs: [ComparedModel, ComparedModel][] = [];
  for (let i = 0; i < ms.length; i++) for (let j = i + 1; j < ms.length; j++) pairs.push([ms[i]!, ms[j]!]);
  const limited = ms.length > 3 ? pairs.filter(([a]) => a === ms[0]) : pairs;
  for (const [a, b] of limited) {
    const perSearch = billedPerSearch(a.prices) && billedPerSearch(b.prices);
    const inWhat = perSearch ? 'price per search' : 'input tokens';
    out.push(
      verdict(
        'input-price',
        a,
        b,
        perSearch ? a.prices?.perSearch : a.prices?.input,
        perSearch ? b.prices?.perSearch : b.prices?.input,
        inWhat,
        cheaperOn(inWhat),
        true,
      ),
    );
    if (a.category === 'chat')
      out.push(verdict('output-price', a, b, a.prices?.output, b.prices?.output, 'output tokens', cheaperOn('output tokens'), true));
    out.push(verdict('workload-cost', a, b, costOf(a.id), costOf(b.id), 'this workload', cheaperOn('this workload'), true));
    const sameSource = a.latency && b.latency && host(a.latency.source) === host(b.latency.source);
    const caveat = sameSource ? '' : ' (same method, different sources: indicative only)';
    // Figures measured differently (a gateway's live traffic, a fixed-prompt benchmark, your own
    // probe) are not compared: the difference may be the method's.
    const methods = [a.latency?.kind, b.latency?.kind];
    const sameMethod = a.latency && b.latency && methods[0] !== undefined && methods[0] === methods[1];
    const latencyVerdict = (kind: VerdictKind, what: string, v: Verdict): Verdict =>
      !a.latency || !b.latency || sameMethod
        ? v
        : {
            kind,
            winner: null,
            other: '',
            ratio: null,
            text: `${what}: measured differently (${a.id}: ${a.latencyMethod}; ${b.id}: ${b.latencyMethod}), so no verdict`,
          };
    out.push(
      latencyVerdict('time-to-first-token', 'time to first token', verdict(
        'time-to-first-token',
        a,
        b,
        a.latency?.ttftMs,
        b.latency?.ttftMs,
        'time to first token',
        (w, r, l) => `${w} is ${r} faster to first token than ${l}${caveat}`,
        true,
      )),
    );
    if (a.category === 'chat')
      out.push(
        latencyVerdict('output-speed', 'output speed', verdict(
          'output-speed',
          a,
          b,
          a.latency?.outputTokensPerSecond,
          b.latency?.outputTokensPerSecond,
          'output speed',
          (w, r, l) => `${w} generates ${r} faster than ${l}${caveat}`,
          false,
        )),
      );
    const bv = benchmarkVerdict(a, b);
    if (bv) out.push(bv);
    out.push(
      verdict(
        'context-window',
        a,
        b,
        a.contextWindow,
        b.contextWindow,
        'context window',
        (w, r, l) => `${w} has a ${r} larger context window than ${l}`,
        false,
      ),
    );
  }
  return out;
}

function host(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/, '').split('/')[0]!;
}

/**
 * A figure's row name: the benchmark, its version, and who ran it unless the name says so already
 * ("longbench-v2 (maker)", "swe-bench-pro (scale-seal)", "lmarena-text 2026-07-30").
 */
export function figureLabel(b: Pick<Benchmark, 'benchmark' | 'version' | 'harness'>): string {
  const h = (b.harness ?? '').replace(/\s*\(.*$/, '');
  const who = !h ? '' : h === 'self-reported' ? 'maker' : b.benchmark.startsWith(h.split(/[\s-]/)[0]!) ? '' : h;
  return [b.benchmark, b.version, who && `(${who})`].filter(Boolean).join(' ');
}

/** Who does better on the benchmarks both report (same benchmark, version and harness): higher scores, or lower where a score is a rank. */
function benchmarkVerdict(a: ComparedModel, b: ComparedModel): Verdict | null {
  const shared = Object.keys(a.benchmarks).filter((k) => b.benchmarks[k]);
  if (shared.length === 0) return null;
  const beats = (x: ComparedModel, y: ComparedModel, k: string) =>
    x.benchmarks[k]!.lowerIsBetter ? x.benchmarks[k]!.score < y.benchmarks[k]!.score : x.benchmarks[k]!.score > y.benchmarks[k]!.score;
  const aWins = shared.filter((k) => beats(a, b, k));
  const bWins = shared.filter((k) => beats(b, a, k));
  if (aWins.length === bWins.length)
    return { kind: 'benchmarks', winner: null, other: '', ratio: null, text: `benchmarks: even on the ${shared.length} both report` };
  const [w, l, wins] = aWins.length > bWins.length ? [a, b, aWins] : [b, a, bWins];
  const examples = wins
    .slice(0, 3)
    .map((k) => `${k} ${Number(w.benchmarks[k]!.score.toFixed(2))} vs ${Number(l.benchmarks[k]!.score.toFixed(2))}`)
    .join(', ');
  return {
    kind: 'benchmarks',
    winner: w.id,
    other: l.id,
    ratio: null,
    text: `${w.id} ${shared.some((k) => a.benchmarks[k]!.lowerIsBetter) ? 'does better' : 'scores higher'} on ${wins.length} of ${shared.length} benchmarks both report (${examples})`,
  };
}

/** How the "choose when" reasons that restate a verdict begin (renderers that show the verdicts skip them). */
export const VERDICT_REASONS = ['cost matters at volume:', 'inputs are long:', 'latency matters:', 'quality matters more than price:'];

/** Whether a "choose when" reason restates the fact table or a verdict (rather than a curated note). */
export function restatesFacts(reason: string): boolean {
  return (
    VERDICT_REASONS.some((p) => reason.startsWith(p)) ||
    reason.endsWith(' stage)') ||
    reason === OPEN_WEIGHTS_REASON ||
    reason === NO_ADVANTAGE ||
    / has and .+ lacks$/.test(reason)
  );
}

const OPEN_WEIGHTS_REASON = 'you want open weights (self-hosting, fine-tuning, data control)';
const NO_ADVANTAGE = 'no advantage in the known figures; see the table';

function chooseWhenNotes(m: Model, c: ComparedModel, all: ComparedModel[], verdicts: Verdict[], substitutes: boolean): string[] {
  const out: string[] = [];
  if (!substitutes) {
    if (m.category === 'reranking') out.push('you need to reorder retrieved passages by relevance before generation (the rerank stage)');
    if (m.category === 'embedding') out.push('you need vectors for semantic search or retrieval (the retrieve stage)');
    if (m.category === 'chat') out.push('you need generated text: answers, summaries, extraction (the generate stage)');
  }
  const wins = verdicts.filter((v) => v.winner === m.id);
  const best = (kind: VerdictKind) => wins.filter((v) => v.kind === kind && v.ratio).sort((a, b) => b.ratio! - a.ratio!)[0];
  const cheaper = best('workload-cost');
  if (cheaper) out.push(`${VERDICT_REASONS[0]} ${formatRatio(cheaper.ratio!)} cheaper on this workload than ${cheaper.other}`);
  const ctx = best('context-window');
  if (ctx) out.push(`${VERDICT_REASONS[1]} ${formatRatio(ctx.ratio!)} larger context window than ${ctx.other}`);
  const fast = best('time-to-first-token');
  if (fast) out.push(`${VERDICT_REASONS[2]} ${formatRatio(fast.ratio!)} faster to first token than ${fast.other} (measured)`);
  const bench = wins.find((v) => v.kind === 'benchmarks');
  if (bench) out.push(`${VERDICT_REASONS[3]} ${bench.text.replace(`${m.id} `, '')}`);
  const caps: (keyof Capabilities)[] = ['vision', 'tools', 'structuredOutput', 'reasoning'];
  const labels: Record<string, string> = {
    vision: 'image input',
    tools: 'tool calling',
    structuredOutput: 'structured output',
    reasoning: 'step-by-step reasoning',
  };
  for (const k of caps)
    if (c.capabilities[k] === true && all.some((o) => o !== c && o.category === c.category && o.capabilities[k] === false))
      out.push(
        `you need ${labels[k]}, which ${c.id} has and ${all
          .filter((o) => o.capabilities[k] === false)
          .map((o) => o.id)
          .join(', ')} lacks`,
      );
  if (c.openWeights && all.some((o) => o !== c && o.openWeights === false))
    out.push(OPEN_WEIGHTS_REASON);
  for (const n of m.notes?.bestFor ?? []) out.push(`${n} (${m.notes!.source})`);
  if (out.length === 0) out.push(NO_ADVANTAGE);
  return out;
}

/** The defaults a pipeline assumes where the workload does not say. */
export const PIPELINE_DEFAULTS = { queryTokens: 30, docsPerSearch: 50, tokensPerDoc: 300 };

function buildPipeline(models: Model[], w: Workload, pick: PickOptions) {
  const queries = w.requests ?? w.searches ?? DEFAULT_WORKLOADS.chat.requests;
  const assumptions: string[] = [];
  const stages: PipelineStage[] = [];
  const lines: CostLine[] = [];
  const order: Record<Category, number> = { embedding: 0, reranking: 1, chat: 2, moderation: 3 };
  const docs = w.docsPerSearch ?? PIPELINE_DEFAULTS.docsPerSearch;
  const tokensPerDoc = w.tokensPerDoc ?? PIPELINE_DEFAULTS.tokensPerDoc;
  const queryTokens = w.queryTokens ?? PIPELINE_DEFAULTS.queryTokens;
  for (const m of models) {
    let sw: Workload;
    let stage: PipelineStage['role'];
    let what: string;
    if (m.category === 'embedding') {
      sw = { ...w, requests: queries, input: queryTokens, output: 0, inputTokens: undefined, outputTokens: undefined, searches: undefined };
      stage = 'embed';
      what = `embed each query (${queryTokens} tokens); indexing the corpus is a one-off cost not included`;
    } else if (m.category === 'reranking') {
      sw = { ...w, searches: queries, docsPerSearch: docs, tokensPerDoc, queryTokens, requests: undefined };
      stage = 'rerank';
      what = `rerank ${docs} retrieved documents of ${tokensPerDoc} tokens per query`;
    } else if (m.category === 'moderation') {
      sw = { ...w, requests: queries, input: w.input ?? DEFAULT_WORKLOADS.chat.input, output: 0 };
      stage = 'moderate';
      what = 'screen each request';
    } else {
      const input = w.input ?? DEFAULT_WORKLOADS.chat.input;
      const output = w.output ?? DEFAULT_WORKLOADS.chat.output;
      sw = { ...w, requests: queries, input, output, inputTokens: undefined, outputTokens: undefined, searches: undefined };
      stage = 'generate';
      what = `answer each query from the top documents: ${input} input and ${output} output tokens`;
    }
    const line = estimateModel(m, sw, pick);
    lines.push(line);
    stages.push({ role: stage, model: m.id, what, perDay: line.perDay, perMonth: line.perMonth });
  }
  stages.sort((a, b) => order[models.find((m) => m.id === a.model)!.category] - order[models.find((m) => m.id === b.model)!.category]);
  const known = stages.every((s) => s.perDay !== null);
  const perDay = known ? roundMoney(stages.reduce((s, x) => s + x.perDay!, 0)) : null;
  const perMonth = known ? roundMoney(stages.reduce((s, x) => s + x.perMonth!, 0)) : null;
  assumptions.push(`${formatCount(queries)} queries a ${w.period}; each passes through every stage`);
  if (w.docsPerSearch === undefined) assumptions.push(`${docs} documents reranked per query (--docs-per-search)`);
  if (w.tokensPerDoc === undefined) assumptions.push(`${tokensPerDoc} tokens per document (--tokens-per-doc)`);
  const description = stages.map((s) => `${s.role} with ${s.model}`).join(' -> ');
  return { lines, stages, perDay, perMonth, assumptions, description };
}
