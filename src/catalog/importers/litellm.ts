import type { Category, PriceTier, Prices } from '../schema.js';
import { baseName } from '../names.js';
import { stripUndefined } from './modelsdev.js';
import {
  categoryFromName,
  skip,
  badPriceFields,
  isPrice,
  isOutOfScopeModality,
  isRecord,
  perMillion,
  type ImportOptions,
  type ImportResult,
  type RawSpec,
} from './types.js';

/**
 * Reads LiteLLM's cost map (model_prices_and_context_window.json): one object keyed by model id,
 * prices in USD per token, `mode` giving the model type, `litellm_provider` the route.
 */

/** LiteLLM provider names -> the provider ids models.dev uses, so offers from both sources meet. */
export const LITELLM_PROVIDERS: Record<string, string> = {
  openai: 'openai',
  'text-completion-openai': 'openai',
  chatgpt: 'openai',
  anthropic: 'anthropic',
  gemini: 'google',
  'vertex_ai-language-models': 'google-vertex',
  'vertex_ai-embedding-models': 'google-vertex',
  'vertex_ai-text-models': 'google-vertex',
  vertex_ai: 'google-vertex',
  'vertex_ai-anthropic_models': 'google-vertex-anthropic',
  'vertex_ai-mistral_models': 'google-vertex',
  'vertex_ai-llama_models': 'google-vertex',
  'vertex_ai-deepseek_models': 'google-vertex',
  'vertex_ai-ai21_models': 'google-vertex',
  'vertex_ai-qwen_models': 'google-vertex',
  'vertex_ai-openai_models': 'google-vertex',
  'vertex_ai-minimax_models': 'google-vertex',
  'vertex_ai-moonshot_models': 'google-vertex',
  'vertex_ai-zai_models': 'google-vertex',
  bedrock: 'amazon-bedrock',
  bedrock_converse: 'amazon-bedrock',
  bedrock_mantle: 'amazon-bedrock',
  azure: 'azure',
  azure_text: 'azure',
  azure_ai: 'azure',
  mistral: 'mistral',
  codestral: 'mistral',
  'text-completion-codestral': 'mistral',
  deepseek: 'deepseek',
  xai: 'xai',
  groq: 'groq',
  together_ai: 'togetherai',
  fireworks_ai: 'fireworks-ai',
  'fireworks_ai-embedding-models': 'fireworks-ai',
  openrouter: 'openrouter',
  cohere: 'cohere',
  cohere_chat: 'cohere',
  deepinfra: 'deepinfra',
  perplexity: 'perplexity',
  cerebras: 'cerebras',
  dashscope: 'alibaba',
  moonshot: 'moonshotai',
  zai: 'zai',
  novita: 'novita-ai',
  nebius: 'nebius',
  ovhcloud: 'ovhcloud',
  scaleway: 'scaleway',
  vercel_ai_gateway: 'vercel',
  cloudflare: 'cloudflare-workers-ai',
  databricks: 'databricks',
  snowflake: 'snowflake-cortex',
  voyage: 'voyage',
  jina_ai: 'jina',
  nvidia_nim: 'nvidia',
  sambanova: 'sambanova',
  hyperbolic: 'hyperbolic',
  lambda_ai: 'lambda',
  minimax: 'minimax',
  wandb: 'wandb',
  baseten: 'baseten',
  github_copilot: 'github-copilot',
  replicate: 'replicate',
  watsonx: 'watsonx',
  oci: 'oci',
  gmi: 'gmicloud',
  friendliai: 'friendli',
  ai21: 'ai21',
  v0: 'v0',
  morph: 'morph',
  inception: 'inception',
  'text-completion-inception': 'inception',
  meta_llama: 'llama',
  amazon_nova: 'amazon-nova',
  sarvam: 'sarvam',
  volcengine: 'volcengine',
};

const MODES: Record<string, Category | null> = {
  chat: 'chat',
  completion: 'chat',
  responses: 'chat',
  embedding: 'embedding',
  rerank: 'reranking',
  moderation: 'moderation',
};

/** Regional and cross-region duplicates of a base route (bedrock/us-east-1/..., us.anthropic..., azure/eu/...). */
const REGIONAL =
  /^(bedrock\/[a-z]{2}-[a-z-]+-\d\/|bedrock\/(us-gov|invoke)|azure\/(eu|us|global|global-standard|data-zone)\/|(us|eu|apac|jp|au|global|ca)\.)/;

/** Top-level keys of LiteLLM's file that describe the file, not a model. */
const METADATA_KEYS = new Set(['sample_spec', 'last_updated', 'fallback_generalizations']);

export function looksLikeLiteLLM(json: unknown): boolean {
  if (!isRecord(json)) return false;
  return Object.values(json).some((v) => isRecord(v) && typeof v.litellm_provider === 'string');
}

export function importLiteLLM(json: unknown, opts: ImportOptions): ImportResult {
  const source = opts.source ?? 'litellm';
  const result: ImportResult = { models: [], offers: [], skipped: {} };
  if (!isRecord(json)) throw new TypeError('LiteLLM data must be a JSON object keyed by model id');
  for (const [key, raw] of Object.entries(json)) {
    if (METADATA_KEYS.has(key)) continue;
    if (!isRecord(raw) || typeof raw.litellm_provider !== 'string') {
      skip(result, 'litellm: not an entry (an object with "litellm_provider")', key);
      continue;
    }
    const mode = typeof raw.mode === 'string' ? raw.mode : 'chat';
    const category = MODES[mode];
    if (!category) {
      skip(result, `litellm: mode ${mode}`, key);
      continue;
    }
    if (key.startsWith('ft:') || key.includes('/ft:')) {
      skip(result, 'litellm: fine-tuned model price', key);
      continue;
    }
    if (REGIONAL.test(key)) {
      skip(result, 'litellm: regional duplicate of a base route', key);
      continue;
    }
    const llmProvider = raw.litellm_provider;
    const provider = LITELLM_PROVIDERS[llmProvider] ?? llmProvider.replace(/_/g, '-');
    let modelId = key;
    if (modelId.startsWith(`${llmProvider}/`)) modelId = modelId.slice(llmProvider.length + 1);
    else if (modelId.startsWith(`${provider}/`)) modelId = modelId.slice(provider.length + 1);
    if (modelId.startsWith('accounts/fireworks/models/')) modelId = modelId.slice('accounts/fireworks/models/'.length);
    if (/^fireworks-ai-/.test(key) || baseName(modelId) === '') {
      skip(result, 'litellm: size-bucket price, not a model', key);
      continue;
    }
    const spec = readSpec(raw, opts.asOf);
    if (isOutOfScopeModality(spec.modalities?.input, spec.modalities?.output, modelId)) {
      skip(result, 'litellm: image/audio/video model', key);
      continue;
    }
    badPriceFields(result, key, raw, (k) => /cost_per|_cost$|_cost_above/.test(k), (v) => isPrice(v) || isRecord(v));
    result.offers.push({
      source,
      asOf: opts.asOf,
      provider,
      providerModelId: modelId,
      category: category === 'chat' ? (categoryFromName(modelId) ?? 'chat') : category,
      prices: readPrices(raw),
      spec,
      note: typeof raw.source === 'string' ? `LiteLLM cites ${raw.source}` : undefined,
    });
  }
  return result;
}

function perTok(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? perMillion(v) : undefined;
}

function readPrices(raw: Record<string, unknown>): Prices {
  const prices: Prices = {
    input: perTok(raw.input_cost_per_token),
    output: perTok(raw.output_cost_per_token),
    cacheRead: perTok(raw.cache_read_input_token_cost) ?? perTok(raw.input_cost_per_token_cache_hit),
    cacheWrite: perTok(raw.cache_creation_input_token_cost),
    batchInput: perTok(raw.input_cost_per_token_batches),
    batchOutput: perTok(raw.output_cost_per_token_batches),
    perSearch: typeof raw.input_cost_per_query === 'number' && raw.input_cost_per_query > 0 ? raw.input_cost_per_query : undefined,
    perRequest: typeof raw.input_cost_per_request === 'number' ? raw.input_cost_per_request : undefined,
  };
  const tiers: PriceTier[] = [];
  for (const above of [128_000, 200_000, 256_000, 272_000, 512_000]) {
    const k = `${above / 1000}k`;
    const input = perTok(raw[`input_cost_per_token_above_${k}_tokens`]);
    const output = perTok(raw[`output_cost_per_token_above_${k}_tokens`]);
    if (input === undefined && output === undefined) continue;
    tiers.push(
      stripUndefined({
        above,
        input,
        output,
        cacheRead: perTok(raw[`cache_read_input_token_cost_above_${k}_tokens`]),
        cacheWrite: perTok(raw[`cache_creation_input_token_cost_above_${k}_tokens`]),
      }),
    );
  }
  // `tiered_pricing: [{ range: [from, to], input_cost_per_token, ... }]` (Dashscope): the first range is the base.
  if (Array.isArray(raw.tiered_pricing)) {
    for (const t of raw.tiered_pricing) {
      if (!isRecord(t) || !Array.isArray(t.range)) continue;
      const from = t.range[0];
      if (typeof from !== 'number') continue;
      if (from === 0) {
        prices.input ??= perTok(t.input_cost_per_token);
        prices.output ??= perTok(t.output_cost_per_token);
        continue;
      }
      tiers.push(stripUndefined({ above: from, input: perTok(t.input_cost_per_token), output: perTok(t.output_cost_per_token) }));
    }
  }
  if (tiers.length > 0) prices.tiers = tiers.sort((a, b) => a.above - b.above);
  return stripUndefined(prices);
}

function readSpec(raw: Record<string, unknown>, asOf: string): RawSpec {
  const bool = (k: string) => (typeof raw[k] === 'boolean' ? (raw[k] as boolean) : undefined);
  const n = (k: string) => (typeof raw[k] === 'number' && (raw[k] as number) > 0 ? (raw[k] as number) : undefined);
  const mods = Array.isArray(raw.supported_modalities)
    ? raw.supported_modalities.filter((x): x is string => typeof x === 'string')
    : undefined;
  const outMods = Array.isArray(raw.supported_output_modalities)
    ? raw.supported_output_modalities.filter((x): x is string => typeof x === 'string')
    : undefined;
  const spec: RawSpec = {
    contextWindow: n('max_input_tokens'),
    maxOutput: n('max_output_tokens'),
    modalities: mods && outMods ? { input: mods, output: outMods } : undefined,
    capabilities: stripUndefined({
      tools: bool('supports_function_calling'),
      structuredOutput: bool('supports_response_schema'),
      vision: bool('supports_vision'),
      reasoning: bool('supports_reasoning'),
      promptCaching: bool('supports_prompt_caching'),
    }),
    // LiteLLM's deprecation_date is the day the route stops working (a shutdown date), kept as a
    // hint for the lifecycle; the maker's pages have the last word.
    shutdownOn:
      typeof raw.deprecation_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.deprecation_date) ? raw.deprecation_date : undefined,
    deprecated:
      typeof raw.deprecation_date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.deprecation_date) && raw.deprecation_date <= asOf
        ? true
        : undefined,
  };
  return stripUndefined(spec);
}
