import type { Benchmark, Capabilities, Category, Prices } from '../schema.js';

/** Spec fields a source may know about a model; all optional, merged field by field. */
export interface RawSpec {
  name?: string;
  family?: string;
  contextWindow?: number;
  maxOutput?: number;
  modalities?: { input: string[]; output: string[] };
  capabilities?: Capabilities;
  openWeights?: boolean;
  license?: string;
  releaseDate?: string;
  knowledgeCutoff?: string;
  deprecated?: boolean;
  /** A shutdown date the source gives (LiteLLM's deprecation_date): a hint, not the maker's word. */
  shutdownOn?: string;
}

/** One provider's listing of one model, as one source states it. */
export interface RawOffer {
  source: string;
  asOf: string;
  provider: string;
  providerName?: string;
  providerModelId: string;
  /** The lab, when the source says (models.dev ids, org prefixes). */
  lab?: string;
  category?: Category;
  prices: Prices;
  /** Dated price lists, oldest first (genai-prices' start_date constraints). */
  history?: { from?: string; prices: Prices }[];
  spec: RawSpec;
  note?: string;
}

/** Provider-independent model metadata (models.dev's `models` map). */
export interface RawModel {
  source: string;
  asOf: string;
  id: string;
  lab: string;
  spec: RawSpec;
  benchmarks: Benchmark[];
}

export interface ImportResult {
  models: RawModel[];
  offers: RawOffer[];
  /** Entries deliberately left out, by reason, so `catalog info` can say what was skipped. */
  skipped: Record<string, number>;
  /** Each entry, or field of one, left out, so `catalog validate` can list them for a user's file. */
  leftOut?: LeftOut[];
}

export interface LeftOut {
  /** The entry's key in the file (a LiteLLM key, "provider/model" for models.dev and genai-prices). */
  entry: string;
  /** The field left out, when the rest of the entry was kept. */
  field?: string;
  reason: string;
}

export interface ImportOptions {
  /** The name recorded as `source` (default: the database's name). */
  source?: string;
  /** The date the file was captured, recorded as `asOf`. */
  asOf: string;
}

export function countSkip(skipped: Record<string, number>, reason: string): void {
  skipped[reason] = (skipped[reason] ?? 0) + 1;
}

/** Leaves an entry out: counted by reason, and named. */
export function skip(result: ImportResult, reason: string, entry: string): void {
  countSkip(result.skipped, reason);
  (result.leftOut ??= []).push({ entry, reason });
}

export const isPrice = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/**
 * Names the price fields of an entry that hold something other than a price (a negative number,
 * a string, NaN as text...): the importer leaves them out of the offer, and this says so.
 * `ok` says whether a value is one the importer reads (a plain price unless given).
 */
export function badPriceFields(
  result: ImportResult,
  entry: string,
  fields: Record<string, unknown>,
  isPriceKey: (key: string) => boolean,
  ok: (v: unknown) => boolean = isPrice,
  prefix = '',
): void {
  for (const [key, v] of Object.entries(fields)) {
    if (!isPriceKey(key) || v === undefined || v === null || ok(v)) continue;
    const shown = typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : typeof v === 'object' ? (Array.isArray(v) ? 'a list' : 'an object') : String(v);
    (result.leftOut ??= []).push({ entry, field: `${prefix}${key}`, reason: `${shown} is not a price (a finite number >= 0): left out` });
  }
}

/** Rounds a per-token price to a per-1M price without float noise (1.5e-7 -> 0.15). */
export function perMillion(perToken: number): number {
  return Number((perToken * 1_000_000).toPrecision(12));
}

/** A price as stored: 12 significant digits, so no float noise (0.049999999999999996 -> 0.05) reaches data or output. */
export function cleanPrice(v: number): number {
  return Number(v.toPrecision(12));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Category from the model's name, for sources that have no type field. */
export function categoryFromName(id: string): Category | undefined {
  const s = id.toLowerCase();
  if (/rerank|ranking/.test(s)) return 'reranking';
  if (
    /embed|^(.*\/)?(bge-(small|base|large|m3)|e5-|multilingual-e5|gte-|nomic-embed|text-embedding|voyage-(3|code|law|finance|multilingual|large|lite|context)|jina-embeddings|snowflake-arctic-embed|mxbai-embed|uae-large|all-minilm|paraphrase-)/.test(
      s,
    )
  )
    return 'embedding';
  if (/moderation|llama-guard|shieldgemma|safety-guard|content-safety|safeguard/.test(s)) return 'moderation';
  return undefined;
}

/** Whether a source's modalities describe something this catalog leaves out (image, audio, video generation; speech to text). */
export function isOutOfScopeModality(input: string[] | undefined, output: string[] | undefined, id: string): boolean {
  if (output && output.length > 0 && !output.includes('text')) return true;
  if (input && input.length > 0 && !input.includes('text')) return true;
  return /(^|\/|-)(tts|whisper|transcribe|dall-e|imagen|image-gen|stable-diffusion|flux|sora|veo|wan2|realtime)(-|$|\d)/i.test(id);
}
