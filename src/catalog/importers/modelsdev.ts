import type { Benchmark, PriceTier, Prices } from '../schema.js';
import {
  cleanPrice,
  categoryFromName,
  skip,
  badPriceFields,
  isPrice,
  isOutOfScopeModality,
  isRecord,
  type ImportOptions,
  type ImportResult,
  type RawOffer,
  type RawSpec,
} from './types.js';

/**
 * Reads the models.dev format: either https://models.dev/catalog.json (`{ models, providers }`) or
 * https://models.dev/api.json (the `providers` record alone). Prices there are USD per 1M tokens.
 * models.dev has no model type: rerankers and embedding models are recognised by name.
 */

/** Subscription plans list their models at $0, which is not a per-token price. */
const SUBSCRIPTION_PROVIDER = /coding-plan|token-plan|kimi-for-coding|github-copilot|opencode-go|gitlab|lmstudio|ollama$/;

export function looksLikeModelsDev(json: unknown): boolean {
  if (!isRecord(json)) return false;
  const providers = isRecord(json.providers) ? json.providers : json;
  const first = Object.values(providers)[0];
  return isRecord(first) && isRecord(first.models) && typeof first.id === 'string';
}

export function importModelsDev(json: unknown, opts: ImportOptions): ImportResult {
  const source = opts.source ?? 'models.dev';
  const result: ImportResult = { models: [], offers: [], skipped: {} };
  if (!isRecord(json)) throw new TypeError('models.dev data must be a JSON object');
  const providers = isRecord(json.providers) ? json.providers : json;
  const models = isRecord(json.providers) && isRecord(json.models) ? json.models : {};

  for (const [id, raw] of Object.entries(models)) {
    if (!isRecord(raw)) continue;
    const spec = readSpec(raw);
    if (isOutOfScopeModality(spec.modalities?.input, spec.modalities?.output, id)) {
      skip(result, 'models.dev: image/audio/video model', id);
      continue;
    }
    const slash = id.indexOf('/');
    result.models.push({
      source,
      asOf: opts.asOf,
      id: slash >= 0 ? id.slice(slash + 1) : id,
      lab: slash >= 0 ? id.slice(0, slash) : 'unknown',
      spec,
      benchmarks: readBenchmarks(raw.benchmarks, source, opts.asOf),
    });
  }

  for (const [providerId, provider] of Object.entries(providers)) {
    if (!isRecord(provider) || !isRecord(provider.models)) continue;
    if (SUBSCRIPTION_PROVIDER.test(providerId)) {
      skip(result, 'models.dev: subscription plan without per-token prices', providerId);
      continue;
    }
    for (const [modelId, raw] of Object.entries(provider.models)) {
      if (!isRecord(raw)) {
        skip(result, 'models.dev: not a model entry (an object)', `${providerId}/${modelId}`);
        continue;
      }
      if (modelId.startsWith('ft:')) {
        skip(result, 'models.dev: fine-tuned model price', `${providerId}/${modelId}`);
        continue;
      }
      const spec = readSpec(raw);
      if (isOutOfScopeModality(spec.modalities?.input, spec.modalities?.output, modelId)) {
        skip(result, 'models.dev: image/audio/video model', `${providerId}/${modelId}`);
        continue;
      }
      if (isRecord(raw.cost)) badPriceFields(result, `${providerId}/${modelId}`, raw.cost, () => true, (v) => isPrice(v) || typeof v === 'object', 'cost.');
      const offer: RawOffer = {
        source,
        asOf: opts.asOf,
        provider: providerId,
        providerName: typeof provider.name === 'string' ? provider.name : undefined,
        providerModelId: modelId,
        category: categoryFromName(modelId),
        prices: readCost(raw.cost),
        spec,
      };
      if (raw.experimental === true) offer.note = 'experimental';
      result.offers.push(offer);
    }
  }
  return result;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? cleanPrice(v) : undefined;
}

function strList(v: unknown): string[] | undefined {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;
}

function readSpec(raw: Record<string, unknown>): RawSpec {
  const limit = isRecord(raw.limit) ? raw.limit : {};
  const modalities = isRecord(raw.modalities) ? raw.modalities : undefined;
  const input = strList(modalities?.input);
  const output = strList(modalities?.output);
  const spec: RawSpec = {
    name: typeof raw.name === 'string' ? raw.name : undefined,
    family: typeof raw.family === 'string' ? raw.family : undefined,
    contextWindow: num(limit.context),
    // models.dev gives rerankers an output limit of 1 and embeddings their dimension count.
    maxOutput: num(limit.output),
    modalities: input && output ? { input, output } : undefined,
    capabilities: {
      tools: typeof raw.tool_call === 'boolean' ? raw.tool_call : undefined,
      reasoning: typeof raw.reasoning === 'boolean' ? raw.reasoning : undefined,
      structuredOutput: typeof raw.structured_output === 'boolean' ? raw.structured_output : undefined,
      vision: input ? input.includes('image') : undefined,
    },
    openWeights: typeof raw.open_weights === 'boolean' ? raw.open_weights : undefined,
    license: typeof raw.license === 'string' ? raw.license : undefined,
    releaseDate: dateOrUndefined(raw.release_date),
    knowledgeCutoff: dateOrUndefined(raw.knowledge),
    deprecated: raw.status === 'deprecated' ? true : undefined,
  };
  return spec;
}

function dateOrUndefined(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(v) ? v : undefined;
}

function readCost(cost: unknown): Prices {
  if (!isRecord(cost)) return {};
  const prices: Prices = {
    input: num(cost.input),
    output: num(cost.output),
    // A few providers spell the cache fields differently.
    cacheRead: num(cost.cache_read) ?? num(cost.cached_input) ?? num(cost.cache_input),
    cacheWrite: num(cost.cache_write) ?? num(cost.cached_write),
  };
  if (Array.isArray(cost.tiers)) {
    const tiers: PriceTier[] = [];
    for (const t of cost.tiers) {
      if (!isRecord(t) || !isRecord(t.tier)) continue;
      const size = num(t.tier.size);
      if (size === undefined) continue;
      tiers.push({ above: size, input: num(t.input), output: num(t.output), cacheRead: num(t.cache_read), cacheWrite: num(t.cache_write) });
    }
    if (tiers.length > 0) prices.tiers = tiers.sort((a, b) => a.above - b.above);
  }
  return stripUndefined(prices);
}

function readBenchmarks(v: unknown, source: string, asOf: string): Benchmark[] {
  if (!Array.isArray(v)) return [];
  const out: Benchmark[] = [];
  for (const b of v) {
    if (!isRecord(b) || typeof b.name !== 'string' || typeof b.score !== 'number') continue;
    out.push({
      benchmark: benchmarkId(b.name),
      score: b.score,
      metric: typeof b.metric === 'string' ? b.metric : 'score',
      source: typeof b.source === 'string' ? b.source : source,
      asOf: dateOrUndefined(b.date) ?? asOf,
      note: `via ${source}`,
    });
  }
  return out;
}

/** models.dev names benchmarks for people ("SWE-Bench Verified"); the catalog uses ids. */
export function benchmarkId(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']/g, '')
    .replace(/τ/g, 'tau')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function stripUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
