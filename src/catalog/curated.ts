import { z } from 'zod';
import {
  BenchmarkSchema,
  CapabilitiesSchema,
  CategorySchema,
  LatencySchema,
  LIFECYCLE_STATES,
  MODEL_KINDS,
  ReasoningDefaultSchema,
  ReasoningTokensSchema,
  SourceSchema,
} from './schema.js';

/** Schemas of the hand-edited overlay files in data/curated (see its README). */

const isoDay = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected a date as YYYY-MM-DD');

const entries = <T extends z.ZodType>(entry: T) => z.object({ $comment: z.string().optional(), entries: z.array(entry) });

export const IdentitySchema = SourceSchema.extend({
  id: z.string().min(1),
  name: z.string().min(1),
  lab: z.string().min(1),
  family: z.string().optional(),
  category: CategorySchema.optional(),
  match: z.array(z.string()).default([]),
  aliases: z.array(z.string()).default([]),
  openWeights: z.boolean().optional(),
  referenceProvider: z.string().optional(),
  note: z.string().optional(),
});

export const CuratedPriceSchema = SourceSchema.extend({
  model: z.string().min(1),
  provider: z.string().min(1),
  providerName: z.string().optional(),
  providerModelId: z.string().min(1),
  input: z.number().nonnegative().nullable().optional(),
  output: z.number().nonnegative().nullable().optional(),
  cacheRead: z.number().nonnegative().nullable().optional(),
  batchInput: z.number().nonnegative().nullable().optional(),
  batchOutput: z.number().nonnegative().nullable().optional(),
  perSearch: z.number().nonnegative().nullable().optional(),
  docsPerSearch: z.number().int().positive().nullable().optional(),
  note: z.string().optional(),
});

export const BatchPolicySchema = SourceSchema.extend({
  provider: z.string().min(1),
  discount: z.number().gt(0).lt(1),
  models: z.union([z.literal('*'), z.array(z.string())]),
  note: z.string().optional(),
});

export const SpecSchema = SourceSchema.extend({
  model: z.string().min(1),
  parameters: z.number().positive().nullable().optional(),
  activeParameters: z.number().positive().nullable().optional(),
  disclosed: z.boolean(),
  license: z.string().optional(),
  note: z.string().optional(),
});

export const CuratedBenchmarkSchema = BenchmarkSchema.extend({ model: z.string().min(1) });
/** Curated figures always say how they were measured and what statistic they are. */
export const CuratedLatencySchema = LatencySchema.extend({
  model: z.string().min(1),
  kind: LatencySchema.shape.kind.unwrap().exclude(['your-account']),
  statistic: LatencySchema.shape.statistic.unwrap(),
});
export const CuratedNotesSchema = SourceSchema.extend({
  model: z.string().min(1),
  bestFor: z.array(z.string()).optional(),
  avoidFor: z.array(z.string()).optional(),
});

/**
 * A model's (or, with `provider`, one host route's) place in its maker's life cycle, from the
 * maker's deprecation pages. `ids` are the maker's API ids the row covers; each that the catalog
 * knows as a separate model gets the record too.
 */
const undatedSource = { source: z.string().min(1), asOf: isoDay.optional() };

export const LifecycleEntrySchema = z.object({
  ...undatedSource,
  model: z.string().min(1),
  ids: z.array(z.string()).optional(),
  provider: z.string().optional(),
  status: z.enum(LIFECYCLE_STATES),
  deprecatedOn: isoDay.optional(),
  shutdownOn: isoDay.optional(),
  successor: z.string().optional(),
  confidence: z.enum(['maker', 'third-party']),
  /** Where the page was read, when not at its own address (an archive or mirror of it). */
  readAt: z.string().optional(),
  note: z.string().optional(),
});

/** A moving name (`mistral-medium-latest`, `claude-sonnet-4-0`) and the model it serves today. */
export const AliasEntrySchema = z.object({
  ...undatedSource,
  alias: z.string().min(1),
  target: z.string().min(1),
  since: isoDay.optional(),
  readAt: z.string().optional(),
  note: z.string().optional(),
});

/** Things sold like models that are not ordinary models: orchestrators, routers, presets. */
export const KindEntrySchema = SourceSchema.extend({
  model: z.string().min(1),
  kind: z.enum(MODEL_KINDS),
  variantOf: z.string().optional(),
  note: z.string().optional(),
});

/** Release dates from first-party pages, where the upstream databases have them wrong. */
export const ReleaseEntrySchema = SourceSchema.extend({
  model: z.string().min(1),
  releaseDate: isoDay,
  note: z.string().optional(),
});

/**
 * Capabilities and modalities as a page states them, for models the databases say little about
 * (models newer than their snapshots). `confidence` says whose page: a maker's page overrides the
 * databases; a database's newer copy or a third party's only fills what the databases leave unknown.
 */
export const CapabilityEntrySchema = SourceSchema.extend({
  model: z.string().min(1),
  capabilities: CapabilitiesSchema.strict().optional(),
  modalities: z
    .object({ input: z.array(z.string().min(1)).min(1), output: z.array(z.string().min(1)).min(1) })
    .strict()
    .optional(),
  confidence: z.enum(['maker', 'database', 'third-party']),
  note: z.string().optional(),
});

/** Licences of published weights, for whole families (`qwen3-*`): a licence means open weights. */
export const LicenceEntrySchema = SourceSchema.extend({
  /** Catalog ids, or patterns with `*` (any characters) matched against the ids of models of `lab`. */
  models: z.array(z.string().min(1)),
  /** Patterns of ids the entry does not cover (API-only models of the same family). */
  except: z.array(z.string().min(1)).optional(),
  lab: z.string().min(1),
  license: z.string().min(1),
  note: z.string().optional(),
});

/** A known, explained difference between our maker price and genai-prices' (the differential test). */
export const PriceDifferenceSchema = SourceSchema.extend({
  provider: z.string().min(1),
  model: z.string().min(1),
  explanation: z.string().min(1),
});

export const CuratedFiles = {
  identities: entries(IdentitySchema),
  prices: entries(CuratedPriceSchema),
  batch: entries(BatchPolicySchema),
  specs: entries(SpecSchema),
  benchmarks: entries(CuratedBenchmarkSchema),
  latency: entries(CuratedLatencySchema),
  notes: entries(CuratedNotesSchema),
  lifecycle: entries(LifecycleEntrySchema),
  aliases: entries(AliasEntrySchema),
  kinds: entries(KindEntrySchema),
  releases: entries(ReleaseEntrySchema),
  capabilities: entries(CapabilityEntrySchema),
  licences: entries(LicenceEntrySchema),
  'price-differences': entries(PriceDifferenceSchema),
  reasoning: entries(ReasoningTokensSchema.extend({ model: z.string().min(1) })),
  'reasoning-defaults': entries(ReasoningDefaultSchema.extend({ model: z.string().min(1) })),
};

export interface Curated {
  identities: z.infer<typeof IdentitySchema>[];
  prices: z.infer<typeof CuratedPriceSchema>[];
  batch: z.infer<typeof BatchPolicySchema>[];
  specs: z.infer<typeof SpecSchema>[];
  benchmarks: z.infer<typeof CuratedBenchmarkSchema>[];
  latency: z.infer<typeof CuratedLatencySchema>[];
  notes: z.infer<typeof CuratedNotesSchema>[];
  lifecycle: z.infer<typeof LifecycleEntrySchema>[];
  aliases: z.infer<typeof AliasEntrySchema>[];
  kinds: z.infer<typeof KindEntrySchema>[];
  releases: z.infer<typeof ReleaseEntrySchema>[];
  capabilities: z.infer<typeof CapabilityEntrySchema>[];
  licences: z.infer<typeof LicenceEntrySchema>[];
  'price-differences': z.infer<typeof PriceDifferenceSchema>[];
  reasoning: (z.infer<typeof ReasoningTokensSchema> & { model: string })[];
  'reasoning-defaults': (z.infer<typeof ReasoningDefaultSchema> & { model: string })[];
}

export const emptyCurated = (): Curated => ({
  identities: [],
  prices: [],
  batch: [],
  specs: [],
  benchmarks: [],
  latency: [],
  notes: [],
  lifecycle: [],
  aliases: [],
  kinds: [],
  releases: [],
  capabilities: [],
  licences: [],
  'price-differences': [],
  reasoning: [],
  'reasoning-defaults': [],
});
