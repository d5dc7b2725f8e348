import { z } from 'zod';

/**
 * The catalog's shape. A model is what a lab made; an offer is one provider selling it.
 * Every figure carries where it came from (`source`: a URL or an upstream database name) and the
 * date it was true (`asOf`). Prices are USD per 1M tokens unless the field says otherwise.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected a date as YYYY-MM-DD (or YYYY-MM)')
  .refine(realDate, 'expected a real calendar date (no 2026-02-30, no month 13)');
/** The highest price accepted, USD per unit (1M tokens, a search, a request): far above any real one. */
export const MAX_PRICE = 1_000_000;
const price = z.number().finite().nonnegative().max(MAX_PRICE, `prices above $${MAX_PRICE.toLocaleString('en-US')} per unit are not accepted`);

function realDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (!m || m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const t = new Date(Date.UTC(y!, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
const count = z.number().int().nonnegative();

export const SourceSchema = z.object({
  source: z.string().min(1),
  asOf: isoDate,
});
export type Source = z.infer<typeof SourceSchema>;

export const CATEGORIES = ['chat', 'embedding', 'reranking', 'moderation'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

export const PriceTierSchema = z.object({
  /** The tier applies to a request whose input exceeds this many tokens (the whole request pays it). */
  above: count,
  input: price.optional(),
  output: price.optional(),
  cacheRead: price.optional(),
  cacheWrite: price.optional(),
});
export type PriceTier = z.infer<typeof PriceTierSchema>;

export const PricesSchema = z.object({
  input: price.optional(),
  output: price.optional(),
  cacheRead: price.optional(),
  cacheWrite: price.optional(),
  batchInput: price.optional(),
  batchOutput: price.optional(),
  /** USD per search (rerankers billed per query). */
  perSearch: price.optional(),
  /** How many documents one billed search covers, where the provider caps it. */
  docsPerSearch: count.optional(),
  /** USD per request, on top of token prices. */
  perRequest: price.optional(),
  tiers: z.array(PriceTierSchema).optional(),
});
export type Prices = z.infer<typeof PricesSchema>;

/**
 * One dated price list of an offer: in force from `from` (absent: before the first dated change)
 * until the next entry's `from`. Past and scheduled changes both; `prices` of the offer is the list in
 * force on the catalog's build date.
 */
export const PriceChangeSchema = z.object({
  from: isoDate.optional(),
  prices: PricesSchema,
});
export type PriceChange = z.infer<typeof PriceChangeSchema>;

export const FLAG_KINDS = ['price-deviation', 'sources-disagree', 'free', 'deprecated', 'no-price'] as const;
export const OfferFlagSchema = z.object({
  kind: z.enum(FLAG_KINDS),
  message: z.string(),
});
export type OfferFlag = z.infer<typeof OfferFlagSchema>;

export const AlternativePriceSchema = SourceSchema.extend({
  prices: PricesSchema,
});

/**
 * Where a model (or one host's route to it) stands in its maker's life cycle, as a dated, sourced
 * record: `status` is what the source said on `asOf`; the dates let the state be worked out for any
 * day (a deprecation with a shutdown date turns into a retirement on that date).
 */
export const LIFECYCLE_STATES = ['preview', 'active', 'deprecated', 'retired'] as const;
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];
export const LifecycleSchema = z.object({
  source: z.string().min(1),
  /** When the source stated it; absent where the copy read carries no date (the dates below still hold). */
  asOf: isoDate.optional(),
  status: z.enum(LIFECYCLE_STATES),
  /** When the deprecation was announced (or took effect). */
  deprecatedOn: isoDate.optional(),
  /** When the maker (or host, for an offer) stops or stopped serving it. */
  shutdownOn: isoDate.optional(),
  /** The catalog id of the model the maker names as the replacement. */
  successor: z.string().optional(),
  /** maker: the maker's own page; third-party: a host, gateway or report; upstream: a pricing database's flag. */
  confidence: z.enum(['maker', 'third-party', 'upstream']),
  note: z.string().optional(),
});
export type Lifecycle = z.infer<typeof LifecycleSchema>;

/** What an entry is: an ordinary model, or something sold like one that is not (never ranked). */
export const MODEL_KINDS = ['model', 'orchestrator', 'router', 'preset', 'tool'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** A moving name (`-latest`, an undated id) that points at this model, since when, per whom. */
export const ServedAsSchema = z.object({
  source: z.string().min(1),
  asOf: isoDate.optional(),
  alias: z.string().min(1),
  since: isoDate.optional(),
  note: z.string().optional(),
});

export const OfferSchema = SourceSchema.extend({
  provider: z.string().min(1),
  providerName: z.string().optional(),
  providerModelId: z.string().min(1),
  prices: PricesSchema,
  /** Where the batch prices come from, when it is not the offer's own source. */
  batchSource: SourceSchema.extend({ note: z.string().optional() }).optional(),
  /** The same offer as other sources price it, kept so disagreements stay visible. */
  alternatives: z.array(AlternativePriceSchema).optional(),
  /** Dated price lists (past and scheduled), oldest first; the one in force on a day prices that day. */
  history: z.array(PriceChangeSchema).optional(),
  reference: z.boolean().optional(),
  flags: z.array(OfferFlagSchema).optional(),
  /** The host's own retirement of this route (a state of the offer, not of the model). */
  lifecycle: LifecycleSchema.optional(),
  note: z.string().optional(),
});
export type Offer = z.infer<typeof OfferSchema>;

export const BenchmarkSchema = SourceSchema.extend({
  benchmark: z.string().min(1),
  score: z.number().finite(),
  metric: z.string().min(1),
  /** The benchmark's version or the leaderboard's release (figures of different versions are not compared). */
  version: z.string().optional(),
  /** Who ran it, how: a leaderboard's harness, or "self-reported" for a maker's own figure. */
  harness: z.string().optional(),
  /** The model's setting the figure was measured at (reasoning effort, thinking). */
  setting: z.string().optional(),
  /** A maker's (or seller's) own figure, not an independent measurement. */
  selfReported: z.boolean().optional(),
  /**
   * A partial board's figure (a leaderboard's top N) placed on the scale of the same leaderboard's
   * full release (this version and harness): its percentile is taken among that release's figures,
   * and it adds none of its own (a top 30 ranked among itself would put its 24th near the bottom).
   */
  placedOn: z.object({ version: z.string().min(1), harness: z.string().optional() }).optional(),
  /**
   * The score is better the lower it is (a rank, an error rate): its percentile counts the figures
   * above it. Every figure of one benchmark, version and harness says the same (the build checks).
   */
  lowerIsBetter: z.literal(true).optional(),
  note: z.string().optional(),
});
export type Benchmark = z.infer<typeof BenchmarkSchema>;

/**
 * How a latency figure was measured. Figures of different methods are not compared with each
 * other: a gateway's live traffic and a benchmark's fixed prompts are different measurements.
 * - your-account: `latency probe` on the user's own key, saved in the user's cache
 * - independent-benchmark: a third party's repeated fixed-prompt test (Artificial Analysis, a published test)
 * - gateway-live-stats: a gateway's statistics over the customer traffic it routed (OpenRouter, ZenMux)
 * - maker: the model maker's own documented figure
 */
export const LATENCY_METHODS = ['your-account', 'independent-benchmark', 'gateway-live-stats', 'maker'] as const;
export type LatencyMethod = (typeof LATENCY_METHODS)[number];

/** The statistic a figure is: median, 90th percentile, mean, or one sample. */
export const LATENCY_STATISTICS = ['median', 'p90', 'mean', 'single'] as const;

export const LatencySchema = SourceSchema.extend({
  provider: z.string().optional(),
  /** The host's endpoint as the source names it, where one host has several (region, quantization): "amazon-bedrock/us". */
  endpoint: z.string().optional(),
  ttftMs: z.number().positive().nullable().optional(),
  outputTokensPerSecond: z.number().positive().nullable().optional(),
  /** How it was measured (absent in older user files: then compared with nothing). */
  kind: z.enum(LATENCY_METHODS).optional(),
  /** Who measured it, when not the source's own site: "OpenRouter", "Artificial Analysis". */
  measuredBy: z.string().optional(),
  statistic: z.enum(LATENCY_STATISTICS).optional(),
  /** The measurement window or run: "30 minutes before 2026-08-22 16:14 UTC", "5 runs on 2026-12-02". */
  window: z.string().optional(),
  /** Input tokens per request the figure was measured at, where the source says. */
  promptTokens: z.number().int().positive().optional(),
  /** Requests measured, where known. */
  samples: z.number().int().positive().optional(),
  /** The 90th percentile beside a median (time to first token: slowest 10%; speed: its 10th percentile). */
  p90: z
    .object({ ttftMs: z.number().positive().nullable().optional(), outputTokensPerSecond: z.number().positive().nullable().optional() })
    .optional(),
  /**
   * The time to first token runs to the first token of the answer, the model's hidden reasoning
   * inside it (Artificial Analysis' "first answer token"): an end-to-end time adds only the visible
   * output after it. Absent: unknown, and the reasoning tokens are added at the measured speed.
   */
  includesReasoning: z.literal(true).optional(),
  note: z.string().optional(),
});
export type Latency = z.infer<typeof LatencySchema>;

export const ParametersSchema = SourceSchema.extend({
  total: z.number().positive().nullable(),
  active: z.number().positive().nullable().optional(),
  disclosed: z.boolean(),
  note: z.string().optional(),
});

export const CapabilitiesSchema = z.object({
  tools: z.boolean().optional(),
  structuredOutput: z.boolean().optional(),
  vision: z.boolean().optional(),
  reasoning: z.boolean().optional(),
  promptCaching: z.boolean().optional(),
  batchApi: z.boolean().optional(),
  fineTuning: z.boolean().optional(),
  streaming: z.boolean().optional(),
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;
export const CAPABILITY_NAMES = Object.keys(CapabilitiesSchema.shape) as (keyof Capabilities)[];

/** Output tokens (reasoning included) a model spent on one eval suite at one setting. */
export const ReasoningTokensSchema = SourceSchema.extend({
  setting: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'default']),
  outputTokens: z.number().positive(),
  suite: z.string().min(1),
  /** Set when the figure is not this model's own run but a stand-in (how it was derived). */
  estimate: z.string().optional(),
  note: z.string().optional(),
});
export type ReasoningTokens = z.infer<typeof ReasoningTokensSchema>;

export const ReasoningDefaultSchema = SourceSchema.extend({
  setting: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']),
  /** Who says so: the maker's own documentation, or a third party. */
  confidence: z.enum(['maker', 'third-party']),
  note: z.string().optional(),
});

export const ReasoningEstimateSchema = SourceSchema.extend({
  /** The setting the factor stands for: the maker's default. */
  setting: z.enum(['low', 'medium', 'high', 'default']),
  factor: z.number().positive(),
  /** How it was made: which models, their spread. */
  basis: z.string().min(1),
});

export const NotesSchema = SourceSchema.extend({
  bestFor: z.array(z.string()).optional(),
  avoidFor: z.array(z.string()).optional(),
});

export const ModelSchema = z.object({
  id: z
    .string()
    .min(1)
    .regex(/^[^\s]+$/, 'ids have no spaces'),
  name: z.string().min(1),
  lab: z.string().min(1),
  family: z.string().optional(),
  category: CategorySchema,
  aliases: z.array(z.string()).optional(),
  parameters: ParametersSchema.optional(),
  contextWindow: count.optional(),
  maxOutput: count.optional(),
  modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }).optional(),
  capabilities: CapabilitiesSchema.optional(),
  openWeights: z.boolean().optional(),
  license: z.string().optional(),
  releaseDate: isoDate.optional(),
  knowledgeCutoff: isoDate.optional(),
  /** Legacy flag (a user catalog may still carry it): deprecated, no date. `lifecycle` supersedes it. */
  deprecated: z.boolean().optional(),
  lifecycle: LifecycleSchema.optional(),
  /** Only for things that are not ordinary models (orchestrators, routers, presets); absent means a model. */
  kind: z.enum(MODEL_KINDS).optional(),
  /** Where `kind` comes from: the seller's page, or the naming rule for presets. */
  kindSource: SourceSchema.optional(),
  /** For a preset or variant: the model it is a setting of. */
  variantOf: z.string().optional(),
  /** In a user's catalog file: the bundled model this entry layers over (its id, or a name of it). */
  extends: z.string().min(1).optional(),
  servedAs: z.array(ServedAsSchema).optional(),
  /** Where the spec fields above (context, modalities, capabilities, dates) come from. */
  specSource: SourceSchema.optional(),
  /** Where the release date comes from, when a first-party page corrects the spec sources. */
  releaseSource: SourceSchema.optional(),
  /** Where capabilities or modalities come from, when a page completes or corrects the spec sources. */
  capabilitySource: SourceSchema.extend({ confidence: z.enum(['maker', 'database', 'third-party']) }).optional(),
  benchmarks: z.array(BenchmarkSchema).optional(),
  latency: z.array(LatencySchema).optional(),
  /** Measured output tokens per setting, for pricing hidden reasoning tokens. */
  reasoningTokens: z.array(ReasoningTokensSchema).optional(),
  /** The reasoning effort the maker's API uses when a request names none, where the maker says so per model. */
  reasoningDefault: ReasoningDefaultSchema.optional(),
  /** For a reasoning model nobody measured: the median factor of its maker's measured models, said as such. */
  reasoningEstimate: ReasoningEstimateSchema.optional(),
  notes: NotesSchema.optional(),
  offers: z.array(OfferSchema),
});
export type Model = z.infer<typeof ModelSchema>;

export const CapturedSourceSchema = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  capturedAt: isoDate,
  note: z.string().optional(),
});
export type CapturedSource = z.infer<typeof CapturedSourceSchema>;

/** Header of the bundled catalog and the top level of a user catalog file in our own format. */
export const CatalogMetaSchema = z.object({
  schemaVersion: z.literal(1),
  builtAt: isoDate.optional(),
  sources: z.array(CapturedSourceSchema).optional(),
  stats: z.record(z.string(), z.unknown()).optional(),
});

export const CatalogFileSchema = CatalogMetaSchema.extend({
  models: z.array(ModelSchema),
});
export type CatalogFile = z.infer<typeof CatalogFileSchema>;
