import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_FILES } from '../../catalog/cache.js';
import { parseMeasured, withMeasured, type MeasuredLatency } from '../../catalog/measured.js';
import type { Model, Offer } from '../../catalog/schema.js';
import { formatMs, summarize } from '../../core/latency.js';
import { formatUsd, roundMoney } from '../../core/money.js';
import { CancelledError, exitKindOf, UsageError, UserError } from '../../errors.js';
import type { Context } from '../context.js';
import { parseFlags, text, wholeNumber } from '../flags.js';
import { endpointFor, RateLimited, timeOneRequest, type Endpoint, type Timing } from '../probe.js';

/**
 * `latency probe`: N streamed requests with the user's own key, timed; the medians saved to the
 * user's latency layer in the cache folder as "measured on your account", which every command
 * then puts before published figures. Asks before spending; never prints the key.
 */

const FLAGS = {
  provider: text,
  runs: wholeNumber(1, 100),
  promptTokens: wholeNumber(1, 1_000_000),
  maxTokens: wholeNumber(1, 100_000),
  baseUrl: text,
  timeout: wholeNumber(1, 3600),
};

/** Retries of one run after a 429, and the longest wait a server may ask for before we give up. */
const MAX_RETRIES = 3;
const MAX_RETRY_WAIT_MS = 60_000;

export interface ProbeRun {
  ttftMs: number;
  outputTokensPerSecond: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
  inputTokens: number | null;
}

export interface ProbeResult {
  schemaVersion: 1;
  command: 'latency probe';
  model: string;
  provider: string;
  providerModelId: string;
  endpoint: string;
  keyFrom: string | null;
  promptTokens: { asked: number; reported: number | null };
  maxTokens: number;
  runs: ProbeRun[];
  ttftMs: { median: number; p90: number; min: number; max: number };
  /** p10: the slowest 10% of runs' speed. */
  outputTokensPerSecond: { median: number; p10: number; min: number; max: number } | null;
  /** Where output token counts came from: the stream's usage, or its text chunks (an estimate). */
  tokensCountedFrom: 'usage' | 'chunks';
  estimatedCostUsd: number | null;
  /** The file the figure was saved to (null with --no-save). */
  saved: string | null;
  figure: MeasuredLatency;
}

export async function latencyProbeCommand(ctx: Context, query: string, opts: Record<string, unknown>): Promise<void> {
  const format = ctx.format(opts as { json?: boolean; format?: string }, ['table', 'json']);
  const f = parseFlags(FLAGS, opts);
  const runs = f.runs ?? 5;
  const promptTokens = f.promptTokens ?? 1000;
  const maxTokens = f.maxTokens ?? 256;
  const timeoutMs = (f.timeout ?? 120) * 1000;
  const catalog = await ctx.catalog();
  const resolved = catalog.resolve(query, ctx.today());
  const m = resolved.model;
  const provider = (f.provider ?? resolved.provider ?? referenceOf(m)?.provider)?.toLowerCase();
  if (!provider) throw new UserError(`${m.id} has no offer to probe`, 'give --provider and --base-url');
  const offer = m.offers.find((o) => o.provider === provider);
  if (!offer && !f.baseUrl)
    throw new UserError(
      `${m.id} is not sold by ${provider} in the catalog`,
      `its offers: ${m.offers.map((o) => o.provider).join(', ') || 'none'}; or give --base-url for another endpoint`,
    );
  const ep = endpointFor(provider, f.baseUrl, ctx.io.env);
  const modelId = offer?.providerModelId || m.id;
  const cost = offer ? probeCost(offer, runs, promptTokens, maxTokens) : null;
  const host = new URL(ep.url).host;

  if (opts.yes !== true) await confirm(ctx, runs, modelId, host, ep, cost, provider);

  const prompt = promptOf(promptTokens);
  const timings: Timing[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await withRetries(ctx, () => timeOneRequest(ep, { model: modelId, prompt, maxTokens, timeoutMs }, ctx.io.env));
    timings.push(t);
    const r = runOf(t);
    if (format !== 'json')
      ctx.note(
        `run ${i + 1}/${runs}: ${formatMs(r.ttftMs)} to first token, ${r.outputTokensPerSecond === null ? 'speed unknown' : `${r.outputTokensPerSecond} tok/s`}`,
      );
  }
  const result = buildResult(ctx, m, provider, modelId, ep, promptTokens, maxTokens, timings, cost);
  if (opts.save !== false) result.saved = save(ctx, result.figure);
  if (format === 'json') return ctx.printJson(result);
  ctx.print(renderProbe(result));
}

function referenceOf(m: Model): Offer | undefined {
  return m.offers.find((o) => o.reference) ?? m.offers[0];
}

/** The most the probe can cost: every run's prompt, and every run writing all of --max-tokens. */
export function probeCost(offer: Offer, runs: number, promptTokens: number, maxTokens: number): number | null {
  const { input, output } = offer.prices;
  if (input === undefined || output === undefined) return null;
  return roundMoney((runs * (promptTokens * input + maxTokens * output)) / 1e6);
}

async function confirm(
  ctx: Context,
  runs: number,
  modelId: string,
  host: string,
  ep: Endpoint,
  cost: number | null,
  provider: string,
): Promise<void> {
  const costText =
    cost === null
      ? `cost unknown (the catalog has no price for ${provider}'s offer)`
      : `up to ${formatUsd(cost)} at ${provider}'s catalog prices`;
  const what = `${runs} streamed request${runs === 1 ? '' : 's'} for ${modelId} to ${host}${ep.keyVar ? ` with the key in ${ep.keyVar}` : ''}: ${costText}`;
  if (!ctx.io.stdinIsTTY || !ctx.io.ask)
    throw new UsageError(
      `latency probe spends on your account (${what}) and there is no terminal to ask at`,
      'add --yes to run it without asking',
    );
  const answer = await ctx.io.ask(`Send ${what}? [y/N] `);
  if (!/^\s*y(es)?\s*$/i.test(answer)) throw new CancelledError();
}

async function withRetries(ctx: Context, once: () => Promise<Timing>): Promise<Timing> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await once();
    } catch (e) {
      if (!(e instanceof RateLimited)) throw e;
      const wait = e.retryAfterMs ?? 1000 * 2 ** attempt;
      if (attempt >= MAX_RETRIES || wait > MAX_RETRY_WAIT_MS)
        throw new UserError(
          `rate limited (HTTP 429)${e.retryAfterMs !== undefined ? `: the server asks to wait ${Math.ceil(e.retryAfterMs / 1000)} s` : ''}, ${attempt + 1} time${attempt ? 's' : ''}`,
          'try again later, or with fewer --runs',
        );
      ctx.note(
        `rate limited (HTTP 429): waiting ${formatMs(wait)}${e.retryAfterMs !== undefined ? ' as the server asks (Retry-After)' : ''}`,
      );
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/**
 * About `tokens` input tokens: common one-token English words, then the task. The count the
 * server reports, where it reports one, is what is saved.
 */
export function promptOf(tokens: number): string {
  const words = 'the river ran past the old mill and the town woke early to the sound of carts on the stone road'.split(' ');
  const task = 'Above is filler text. Ignore it. Now write a long story about a lighthouse keeper, and keep writing until you are stopped.';
  const filler = Math.max(0, tokens - 30);
  const out: string[] = [];
  for (let i = 0; i < filler; i++) out.push(words[i % words.length]!);
  return `${out.join(' ')}\n\n${task}`;
}

/** One run's figures: output speed from the tokens after the first, over the time after the first. */
function runOf(t: Timing): ProbeRun {
  // Hidden reasoning tokens are not streamed between the first and last text: leave them out.
  const visible = t.outputTokens !== null ? t.outputTokens - (t.reasoningTokens ?? 0) : t.textChunks;
  const streaming = (t.lastMs - t.ttftMs) / 1000;
  const speed = visible > 1 && streaming > 0 ? Math.round(((visible - 1) / streaming) * 10) / 10 : null;
  return {
    ttftMs: Math.round(t.ttftMs),
    outputTokensPerSecond: speed,
    outputTokens: t.outputTokens,
    reasoningTokens: t.reasoningTokens,
    inputTokens: t.inputTokens,
  };
}

function buildResult(
  ctx: Context,
  m: Model,
  provider: string,
  modelId: string,
  ep: Endpoint,
  promptTokens: number,
  maxTokens: number,
  timings: Timing[],
  cost: number | null,
): ProbeResult {
  const runs = timings.map(runOf);
  const ttft = summarize(runs.map((r) => r.ttftMs));
  const speeds = runs.flatMap((r) => (r.outputTokensPerSecond === null ? [] : [r.outputTokensPerSecond]));
  const s = speeds.length ? summarize(speeds) : undefined;
  const p10 = speeds.length ? [...speeds].sort((a, b) => a - b)[Math.max(0, Math.ceil(0.1 * speeds.length) - 1)]! : undefined;
  const reported = runs.map((r) => r.inputTokens).filter((x): x is number => x !== null);
  const reportedPrompt = reported.length ? summarize(reported).median : null;
  const fromUsage = timings.every((t) => t.outputTokens !== null);
  const now = ctx.io.now();
  const day = now.toISOString().slice(0, 10);
  const url = new URL(ep.url);
  const figure: MeasuredLatency = {
    model: m.id,
    provider,
    ttftMs: ttft.median,
    outputTokensPerSecond: s ? s.median : null,
    kind: 'your-account',
    statistic: 'median',
    window: `${runs.length} runs on ${day} ${now.toISOString().slice(11, 16)} UTC`,
    ...(reportedPrompt !== null ? { promptTokens: Math.round(reportedPrompt) } : {}),
    samples: runs.length,
    p90: { ttftMs: ttft.p90, outputTokensPerSecond: p10 ?? null },
    source: `model-advisor latency probe: ${url.origin}${url.pathname}`,
    asOf: day,
    note: `${runs.length} streamed requests of about ${promptTokens} input and up to ${maxTokens} output tokens to ${modelId}${ep.keyVar ? `, key from ${ep.keyVar}` : ''}; output tokens ${fromUsage ? "from the stream's usage" : 'estimated from text chunks (the stream reported no usage)'}. p90: slowest 10% of runs (time to first token), slowest 10% (speed).`,
  };
  return {
    schemaVersion: 1,
    command: 'latency probe',
    model: m.id,
    provider,
    providerModelId: modelId,
    endpoint: `${url.origin}${url.pathname}`,
    keyFrom: ep.keyVar ?? null,
    promptTokens: { asked: promptTokens, reported: reportedPrompt },
    maxTokens,
    runs,
    ttftMs: ttft,
    outputTokensPerSecond: s && p10 !== undefined ? { median: s.median, p10, min: s.min, max: s.max } : null,
    tokensCountedFrom: fromUsage ? 'usage' : 'chunks',
    estimatedCostUsd: cost,
    saved: null,
    figure,
  };
}

/** Writes the figure into the user's latency layer, replacing an earlier probe of the same offer. */
function save(ctx: Context, figure: MeasuredLatency): string {
  const dir = ctx.cacheDir();
  const path = join(dir, CACHE_FILES.measured);
  let previous: MeasuredLatency[] = [];
  try {
    previous = parseMeasured(ctx.io.readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && exitKindOf(e) === undefined) ctx.warn(`${path}: ${(e as Error).message}; starting it afresh`);
  }
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, withMeasured(previous, figure));
    renameSync(tmp, path);
  } catch (e) {
    throw new UserError(`cannot save the result to ${path}: ${(e as Error).message}`, '--no-save prints it without saving');
  }
  return path;
}

function renderProbe(r: ProbeResult): string {
  const out: string[] = [];
  out.push(`${r.model} on ${r.provider} (${r.providerModelId} at ${r.endpoint}), measured on your account`);
  out.push(
    `${r.runs.length} runs, about ${r.promptTokens.reported ?? r.promptTokens.asked} input tokens${r.promptTokens.reported === null ? ' (asked; the server reported none)' : ''}, up to ${r.maxTokens} output tokens`,
  );
  out.push('');
  const t = r.ttftMs;
  out.push(`  Time to first token  median ${formatMs(t.median)}, p90 ${formatMs(t.p90)} (spread ${formatMs(t.min)} to ${formatMs(t.max)})`);
  const s = r.outputTokensPerSecond;
  out.push(
    s
      ? `  Output speed         median ${s.median} tok/s, slowest 10% ${s.p10} tok/s (spread ${s.min} to ${s.max} tok/s)`
      : '  Output speed         unknown (too few output tokens to time)',
  );
  out.push('');
  out.push(
    `Output tokens counted ${r.tokensCountedFrom === 'usage' ? "from the stream's usage" : 'from text chunks (the stream reported no usage): an estimate'}.`,
  );
  if (r.estimatedCostUsd !== null) out.push(`Estimated cost: up to ${formatUsd(r.estimatedCostUsd)} at the catalog's prices.`);
  out.push(
    r.saved
      ? `Saved to ${r.saved}: compare, recommend and show now use it for ${r.model} on ${r.provider}, before published figures.`
      : 'Not saved (--no-save).',
  );
  return out.join('\n');
}
