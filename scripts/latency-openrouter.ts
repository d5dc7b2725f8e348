/**
 * `node --import tsx scripts/latency-openrouter.ts <brokierouter git dir>`: writes
 * data/curated/latency-openrouter.json from KTibow/brokierouter's models.json, whose scheduled job
 * copies OpenRouter's per-endpoint medians (latency_last_30m.p50, throughput_last_30m.p50) for every
 * endpoint of every model (src/build.ts endpointToProvider).
 *
 * - Every figure of the base commit (BASE), one window, for the endpoints whose host maps clearly
 *   to a catalog provider (HOSTS).
 * - A model's own maker API (its reference offer) without a figure in that window takes the newest
 *   older commit that has one, dated by that commit's own window; the figures of one entry always
 *   come from one row of one commit, never from two windows.
 *
 * OpenRouter ids are resolved with the catalog's own resolver (data/catalog.jsonl: run
 * `npm run catalog:build` first, and again after this script). Deterministic for one mirror.
 * Get the mirror with `git clone https://github.com/KTibow/brokierouter`.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Catalog } from '../src/catalog/store.js';
import { modelState } from '../src/core/lifecycle.js';
import type { Model } from '../src/catalog/schema.js';
import { modelKey, withoutDate } from '../src/catalog/names.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(root, 'data', 'curated', 'latency-openrouter.json');
const REPO = 'https://github.com/KTibow/brokierouter';

/** The window every host's figures come from unless a maker's API had none there. */
const BASE = '1665358030021dc9c5ddec939360f0ddbf5464d7';
/** Older windows are searched back to this date (brokierouter has copied time to first token since 2026-05-01). */
const OLDEST = '2026-05-01';
/** Whether a maker API still counts as "served" is judged on this day (the base window's). */
const TODAY = '2026-08-22';

/**
 * OpenRouter's host slugs (the tag before any '/') and the catalog provider each is. Where one
 * host is two catalog providers (Cloudflare's Workers AI and its gateway, Vertex's own models and
 * Anthropic-on-Vertex), the first the model is sold by. Hosts left out have no catalog provider
 * of their own: atlas-cloud, coreweave, parasail, phala, streamlake, mancer, nextbit, akashml,
 * dekallm, modelrun, open-inference, ionstream, baidu (Qianfan), seed (ByteDance Seed: BytePlus
 * or Volcengine is not said), claude-on-aws (not Bedrock's API), sambanova-turbo (a tier).
 */
const HOSTS: Record<string, string[]> = {
  openai: ['openai'],
  anthropic: ['anthropic'],
  'google-ai-studio': ['google'],
  'google-vertex': ['google-vertex', 'google-vertex-anthropic'],
  'amazon-bedrock': ['amazon-bedrock'],
  azure: ['azure'],
  xai: ['xai'],
  mistral: ['mistral'],
  deepseek: ['deepseek'],
  cohere: ['cohere'],
  alibaba: ['alibaba'],
  moonshotai: ['moonshotai'],
  'z-ai': ['zai'],
  minimax: ['minimax'],
  meta: ['meta'],
  perplexity: ['perplexity'],
  xiaomi: ['xiaomi'],
  stepfun: ['stepfun'],
  upstage: ['upstage'],
  inception: ['inception'],
  'arcee-ai': ['arcee'],
  sakana: ['sakana'],
  morph: ['morph'],
  poolside: ['poolside'],
  tencent: ['tencent'],
  together: ['togetherai'],
  fireworks: ['fireworks-ai'],
  novita: ['novita-ai'],
  deepinfra: ['deepinfra'],
  groq: ['groq'],
  cerebras: ['cerebras'],
  sambanova: ['sambanova'],
  baseten: ['baseten'],
  chutes: ['chutes'],
  cloudflare: ['cloudflare-workers-ai', 'cloudflare'],
  crusoe: ['crusoe'],
  darkbloom: ['darkbloom'],
  digitalocean: ['digitalocean'],
  friendli: ['friendli'],
  gmicloud: ['gmicloud'],
  inceptron: ['inceptron'],
  'io-net': ['io-net'],
  modal: ['modal'],
  nebius: ['nebius'],
  siliconflow: ['siliconflow'],
  venice: ['venice'],
  wafer: ['wafer.ai'],
  ambient: ['ambient'],
  wandb: ['wandb'],
  hyperbolic: ['hyperbolic'],
  lambda: ['lambda'],
  nscale: ['nscale'],
  ovhcloud: ['ovhcloud'],
  scaleway: ['scaleway'],
  featherless: ['featherless-ai'],
};

/** Tiers priced or served differently from the standard endpoint: not its figure. */
const TIER = /^(flex|priority|fast|turbo|ultra|highspeed|zdr|base|opensource)(-|$)/;
const QUANTIZATIONS = /^(fp4|fp6|fp8|fp16|bf16|int4|int8|mxfp4|nvfp4|fp32)$/;

/**
 * OpenRouter ids the resolver would place elsewhere, set by hand, each with why. `provider`
 * limits it to one host's rows; `only` drops the other hosts' rows of that id.
 */
const BY_HAND: Record<string, { model: string; provider?: string; only?: boolean; note: string }> = {
  'deepseek/deepseek-v4-pro-0813': {
    model: 'deepseek-v4-pro',
    provider: 'deepseek',
    only: true,
    note: "OpenRouter lists V4 Pro 0813 separately from V4 Pro; entered for DeepSeek's own API only, because DeepSeek's pricing page lists its deepseek-v4-pro as DeepSeek-V4-Pro-0813 (aliases.json). Other hosts' 0813 rows are left out: which checkpoint their deepseek-v4-pro serves is not known.",
  },
  'moonshotai/kimi-k2-0905': {
    model: 'kimi-k2-0905-preview',
    note: 'Catalog id set by hand: the CLI resolves moonshotai/kimi-k2-0905 to kimi-k2 (Kimi K2 0711, which folds the 0905 ids in as aliases); kimi-k2-0905-preview is the catalog entry for Kimi K2 0905 (Moonshot API id), the same weights served here by the host.',
  },
  'mistralai/mistral-saba': {
    model: 'mistral-saba',
    note: 'Catalog id set by hand: the CLI redirects mistralai/mistral-saba to mistral-saba-24b (Groq/Vercel id) because the catalog marks mistral-saba retired; OpenRouter still listed a Mistral-hosted Saba endpoint with live stats on 2026-08-22, and mistral-saba is the catalog entry carrying the mistral offer.',
  },
  'mistralai/mistral-nemo': {
    model: 'mistral-nemo-instruct-2407',
    note: 'Catalog id set by hand: the open weights Mistral-Nemo-Instruct-2407 that hosts serve under this name.',
  },
};

/** Endpoint tiers of a maker's own API that Moonshot sells as a model id of its own. */
const TIER_MODELS: Record<string, { model: string; note: string }> = {
  'moonshotai/kimi-k2.7-code;moonshotai/highspeed': {
    model: 'kimi-k2.7-code-highspeed',
    note: "OpenRouter's highspeed endpoint of Kimi K2.7 Code on Moonshot's API, entered for Moonshot's kimi-k2.7-code-highspeed (the id Moonshot sells that tier as).",
  },
};

const COMMENT =
  "Generated by scripts/latency-openrouter.ts from a clone of KTibow/brokierouter; do not edit by hand. Time to first token (ttftMs, milliseconds) and output speed (outputTokensPerSecond, tokens/s) per catalog model and upstream host, as published by OpenRouter for its provider endpoints and copied into brokierouter models.json by its every-2-hours GitHub Actions build: tps = throughput_last_30m.p50 and ttfb = latency_last_30m.p50 from https://openrouter.ai/api/v1/models/<id>/endpoints (src/build.ts endpointToProvider); OpenRouter documents latency_last_30m as time-to-first-token percentiles in milliseconds over the last 30 minutes, and throughput percentiles in tokens/s. So each figure is a median over a single 30-minute window of OpenRouter-routed traffic ending at the fetch, shortly before the commit. The base window is commit 1665358030021dc9c5ddec939360f0ddbf5464d7 (2026-08-22 16:14:21 UTC); a maker's own API (the model's reference offer) with no figure there takes the newest older commit (back to 2026-05-01) whose row has both figures, and that entry's source, window and asOf are that commit's: every figure is dated by its own window, and one entry never mixes two windows. Only standard-tier endpoints whose host maps clearly to a catalog provider (quantization and region suffixes kept and named in the note; flex/priority/fast/turbo/ultra/highspeed/zdr/base/opensource tiers and brokierouter's fast-tier rows left out, except Moonshot's highspeed endpoint of kimi-k2.7-code, entered for kimi-k2.7-code-highspeed), text-output models only; rows with both figures null skipped; an id listed twice for one host in one commit skipped (which figure is which is not said); a dated OpenRouter id that the catalog folds into an undated model while OpenRouter lists the undated id too is left out (another checkpoint). Numbers copied exactly (no rounding). Several entries can share model+provider (regions, quantizations): the plain endpoint is listed first. Hand mappings and left-out ids are in the script (BY_HAND, SKIP), each with its reason in the entry note. brokierouter's own single-request free-tier tests are not entered (one request, chars/4 token estimate, free tiers: not a median of anything).";

interface Row {
  orId: string;
  tag: string;
  ttfb: number | null;
  tps: number | null;
  outputModalities: string[];
  /** brokierouter's own note on the row ("fast tier"). */
  note?: string;
}

interface Entry {
  model: string;
  provider: string;
  endpoint: string;
  ttftMs?: number;
  outputTokensPerSecond?: number;
  kind: 'gateway-live-stats';
  measuredBy: 'OpenRouter';
  statistic: 'median';
  window: string;
  source: string;
  asOf: string;
  note: string;
}

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

function rowsAt(dir: string, commit: string): Row[] {
  const json = JSON.parse(git(dir, 'show', `${commit}:models.json`)) as { providers?: Record<string, unknown>[] }[];
  const rows: Row[] = [];
  for (const m of json)
    for (const p of m.providers ?? []) {
      if (p.provider !== 'openrouter' || typeof p.model_id !== 'string' || !p.model_id.includes(';')) continue;
      const [orId, tag] = p.model_id.split(';', 2) as [string, string];
      rows.push({
        orId,
        tag,
        ttfb: typeof p.ttfb === 'number' ? p.ttfb : null,
        tps: typeof p.tps === 'number' ? p.tps : null,
        outputModalities: (p.output_modalities as string[] | undefined) ?? [],
        note: typeof p.note === 'string' ? p.note : undefined,
      });
    }
  return rows;
}

/** Host, quantization and region of an endpoint tag; null for a tier that is not the standard endpoint. */
function parseTag(tag: string): { host: string; quant?: string; region?: string } | null {
  const [host, ...rest] = tag.split('/');
  if (rest.some((q) => TIER.test(q))) return null;
  const quant = rest.find((q) => QUANTIZATIONS.test(q));
  const region = rest.filter((q) => q !== quant).join('/') || undefined;
  return { host: host!, quant, region };
}

/**
 * OpenRouter ids left out, each with why: names whose model on OpenRouter is not the catalog's.
 */
const SKIP: Record<string, string> = {
  'deepseek/deepseek-chat':
    "OpenRouter's row is the DeepSeek V3 weights on hosts; deepseek-chat in the catalog is DeepSeek's moving API name (retired there).",
  'mistralai/mistral-large':
    'an undated name: OpenRouter lists Mistral Large 2407 and 2512 separately, and which one this row serves is not said.',
  'mistralai/mistral-medium-3':
    "the catalog reads mistral-medium-3 as Mistral's major-version alias (Medium 3.5), while OpenRouter lists Medium 3 and 3.5 separately.",
  'mistralai/codestral-2508':
    "the catalog's codestral (released 2024-05) also carries codestral-latest, which moved to 25.08: which checkpoint the catalog model is, is not settled.",
  'qwen/qwen3-30b-a3b-instruct-2507':
    'the catalog folds the July 2025 Instruct weights into Qwen3 30B A3B of April 2025 (a different model).',
};

/** Notes for rows taken as the resolver places them, where that placement deserves a word. */
const NOTES: Record<string, string> = {
  'x-ai/grok-4.20':
    "xAI lists grok-4.20 as an alias of grok-4.20-0309-reasoning; OpenRouter's grok-4.20 lets a request turn reasoning off, and whether it then calls xAI's non-reasoning model (and so how much of this window's traffic was non-reasoning) is not said.",
  'qwen/qwen3.5-plus-20260420':
    "The catalog files OpenRouter's qwen/qwen3.5-plus-20260420 under Alibaba's qwen3.5-plus; Alibaba's undated qwen3.5-plus serves its newest snapshot, and that it served the 2026-04-20 one in this window is not confirmed by a maker's page.",
};

/**
 * A dated id (deepseek-v4-flash-0731, qwen3-235b-a22b-2507) that the catalog folds into an undated
 * model, while OpenRouter lists the undated id too: two checkpoints there, one model here, so the
 * dated row is not the model's figure.
 */
function otherCheckpoint(bare: string, m: Model, listed: Set<string>): boolean {
  const k = modelKey(bare);
  const undated = withoutDate(k);
  return !!undated && !modelKey(m.id).includes(k.slice(undated.length + 1)) && listed.has(undated);
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: latency-openrouter.ts <brokierouter git dir>');
  const catalog = Catalog.fromFile(join(root, 'data', 'catalog.jsonl'));
  const resolved = new Map<string, Model | null>();
  const unresolved = new Set<string>();
  const resolve = (orId: string): Model | null => {
    if (resolved.has(orId)) return resolved.get(orId)!;
    const bare = orId.slice(orId.indexOf('/') + 1);
    const m = SKIP[orId] ? null : (catalog.findExact(orId)?.model ?? catalog.findExact(bare)?.model ?? null);
    if (!m && !SKIP[orId]) unresolved.add(orId);
    resolved.set(orId, m);
    return m;
  };

  const commits = git(dir, 'log', '--format=%H %cI', '--', 'models.json')
    .trim()
    .split('\n')
    .map((l) => {
      const [hash, date] = l.split(' ') as [string, string];
      return { hash, at: new Date(date).toISOString() };
    });
  const base = commits.find((c) => c.hash === BASE);
  if (!base) throw new Error(`${BASE} is not in ${dir}`);

  /** Entries of one commit: every usable row, or only those of `want` ("model|provider"). */
  const entriesAt = (c: { hash: string; at: string }, want?: Set<string>): Entry[] => {
    const out: Entry[] = [];
    const stamp = c.at.slice(0, 16).replace('T', ' ');
    const rows = rowsAt(dir, c.hash);
    const listed = new Set(rows.map((r) => modelKey(r.orId.slice(r.orId.indexOf('/') + 1))));
    for (const r of rows) {
      if (r.ttfb === null && r.tps === null) continue;
      if (r.orId.includes(':')) continue; // :free, :batch, :thinking
      if (r.outputModalities.join() !== 'text' || /fast tier/.test(r.note ?? '')) continue;
      // One host listed twice for one id (two offers of one host): which figure is which is not said.
      if (rows.filter((x) => x.orId === r.orId && x.tag === r.tag).length > 1) continue;
      const tierModel = TIER_MODELS[`${r.orId};${r.tag}`];
      const t = tierModel ? parseTag(r.tag.split('/')[0]!) : parseTag(r.tag);
      if (!t) continue;
      const candidates = HOSTS[t.host];
      if (!candidates) continue;
      const hand = BY_HAND[r.orId];
      if (hand?.only && hand.provider && !candidates.includes(hand.provider)) continue;
      // A hand-set id is entered as written: the build resolves it, exactly (catalog.find would follow a retired name to its line).
      const m = tierModel
        ? catalog.byId(tierModel.model)
        : hand
          ? (catalog.byId(hand.model) ?? catalog.find(hand.model)?.model)
          : resolve(r.orId);
      if (!m || (!hand && !tierModel && otherCheckpoint(r.orId.slice(r.orId.indexOf('/') + 1), m, listed))) continue;
      const provider = candidates.find((p) => m.offers.some((o) => o.provider === p)) ?? candidates[0]!;
      if (want && !want.has(`${m.id}|${provider}`)) continue;
      const region = t.region === 'default' ? '"default" = standard service tier' : t.region && `region/deployment "${t.region}"`;
      const detail = [region, t.quant && `quantization ${t.quant}`].filter(Boolean).join(', ');
      const notes = [
        `OpenRouter endpoint "${r.orId};${r.tag}" (brokierouter row: tps=${r.tps}, ttfb=${r.ttfb}); upstream host as written: "${t.host}"${detail ? ` (${detail})` : ''}.`,
      ];
      if (tierModel) notes.push(tierModel.note);
      else if (hand) notes.push(hand.note);
      else if (NOTES[r.orId]) notes.push(NOTES[r.orId]!);
      if (!m.offers.some((o) => o.provider === provider)) notes.push(`The catalog model has no ${provider} offer.`);
      if (c.hash !== BASE)
        notes.push(
          `No figure for this endpoint in the ${base.at.slice(0, 16).replace('T', ' ')} UTC window (commit ${BASE.slice(0, 7)}); this is the newest brokierouter commit that has one.`,
        );
      out.push({
        model: hand && !tierModel ? hand.model : m.id,
        provider,
        endpoint: r.tag,
        ...(r.ttfb !== null ? { ttftMs: r.ttfb } : {}),
        ...(r.tps !== null ? { outputTokensPerSecond: r.tps } : {}),
        kind: 'gateway-live-stats',
        measuredBy: 'OpenRouter',
        statistic: 'median',
        window: `30 minutes before ${stamp} UTC (OpenRouter latency_last_30m / throughput_last_30m)`,
        source: `${REPO}/blob/${c.hash}/models.json`,
        asOf: c.at.slice(0, 10),
        note: notes.join(' '),
      });
    }
    return out;
  };

  const entries = entriesAt(base);
  const has = new Set(entries.map((e) => `${e.model}|${e.provider}`));

  // Makers' own APIs without a figure in the base window: the newest older window that has one.
  // (Other hosts are not back-filled: done for open-weight models' hosts, it added 65 older figures
  // and no model reached three measured hosts, whose offers the catalog mostly lacks.)
  const want = new Set<string>();
  for (const m of catalog.all()) {
    if (m.kind || !['active', 'preview'].includes(modelState(m, TODAY).state)) continue;
    const ref = m.offers.find((o) => o.reference);
    if (ref) want.add(`${m.id}|${ref.provider}`);
  }
  for (const k of has) want.delete(k);
  for (const c of commits) {
    if (c.at < OLDEST || want.size === 0) break;
    if (c.hash === BASE || c.at > base.at) continue;
    const found = entriesAt(c, want);
    // Prefer a window with both figures; one with a single figure only where no older one has both.
    const complete = new Set(found.filter((e) => e.ttftMs && e.outputTokensPerSecond).map((e) => `${e.model}|${e.provider}`));
    for (const k of complete) {
      entries.push(...found.filter((e) => `${e.model}|${e.provider}` === k));
      want.delete(k);
    }
  }

  const plainFirst = (e: Entry) => (e.endpoint.includes('/') ? 1 : 0);
  entries.sort(
    (a, b) =>
      (a.model < b.model ? -1 : a.model > b.model ? 1 : 0) ||
      (a.provider < b.provider ? -1 : a.provider > b.provider ? 1 : 0) ||
      plainFirst(a) - plainFirst(b) ||
      (a.endpoint < b.endpoint ? -1 : a.endpoint > b.endpoint ? 1 : 0) ||
      (a.asOf < b.asOf ? 1 : a.asOf > b.asOf ? -1 : 0),
  );
  writeFileSync(OUT, `${JSON.stringify({ $comment: COMMENT, entries }, null, 2)}\n`);
  const older = entries.filter((e) => !e.source.includes(BASE));
  process.stderr.write(
    `wrote ${OUT}: ${entries.length} figures, ${new Set(entries.map((e) => e.model)).size} models, ${new Set(entries.map((e) => e.provider)).size} hosts; ${older.length} from older windows (${[...new Set(older.map((e) => e.model))].join(', ')})\n`,
  );
  if (unresolved.size)
    process.stderr.write(`OpenRouter ids the catalog does not know (${unresolved.size}): ${[...unresolved].sort().join(', ')}\n`);
}

main();
