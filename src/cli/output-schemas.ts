import { z } from 'zod';
import { CategorySchema, LatencySchema, ModelSchema, PricesSchema } from '../catalog/schema.js';

/**
 * The shape of every command's --json output, as zod schemas. `model-advisor schema <command>`
 * prints them as JSON Schema; the tests validate real outputs against them, so they cannot drift.
 * Loaded only by the schema command and the tests, never on a command's start-up path.
 */

const ModelHead = z.object({ id: z.string(), name: z.string(), lab: z.string(), category: CategorySchema });
const money = z.number().describe('USD, rounded to 12 significant digits');
const moneyOrNull = money.nullable().describe('USD, or null when a needed price is unknown');
const date = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/);

const Parts = z.object({
  input: money,
  cachedInput: money,
  cacheWrite: money,
  output: money,
  perRequest: money,
  perSearch: money,
  discount: money.describe('negative: the negotiated discount'),
});

const OfferSummary = z.object({
  provider: z.string(),
  providerModelId: z.string(),
  choice: z.enum(['reference', 'cheapest', 'provider', 'fallback']),
  reason: z.string(),
  reference: z.boolean(),
  prices: PricesSchema,
  source: z.string(),
  asOf: date,
  batchSource: z.object({ source: z.string(), asOf: date, note: z.string().optional() }).optional(),
  flags: z.array(z.string()),
});

export const CostLineSchema = z.object({
  rank: z.number().int().positive().nullable(),
  model: ModelHead,
  offer: OfferSummary.nullable(),
  complete: z.boolean(),
  missing: z.array(z.string()),
  perRequest: moneyOrNull,
  perSearch: moneyOrNull,
  perDay: moneyOrNull,
  perWeek: moneyOrNull,
  perMonth: moneyOrNull,
  perYear: moneyOrNull,
  partsPerDay: Parts.nullable(),
  partsPerMonth: Parts.nullable(),
  volumePerDay: z
    .object({
      requests: z.number().optional(),
      searches: z.number().optional(),
      inputTokens: z.number(),
      cachedInputTokens: z.number(),
      cacheWriteTokens: z.number(),
      outputTokens: z.number(),
    })
    .nullable(),
  tier: z.object({ above: z.number() }).nullable(),
  reasoning: z
    .object({
      setting: z.string(),
      factor: z.number(),
      source: z.string(),
      asOf: z.string(),
      estimate: z.string().optional().describe("set when the factor is not wholly the model's own measurement: how it was made"),
    })
    .nullable()
    .optional()
    .describe('the factor hidden reasoning tokens multiply the output by, and its source'),
  notes: z.array(z.string()),
  warnings: z.array(z.string()),
});

export const WorkloadSchema = z.object({
  period: z.enum(['day', 'week', 'month', 'year']),
  requests: z.number().optional(),
  input: z.number().optional(),
  output: z.number().optional(),
  inputTokens: z.number().optional(),
  outputTokens: z.number().optional(),
  cached: z.number().min(0).max(1),
  cacheWrites: z.number().min(0).max(1).optional(),
  reasoning: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).optional(),
  batch: z.number().min(0).max(1),
  discount: z.number().min(0).max(1),
  daysPerMonth: z.number(),
  searches: z.number().optional(),
  docsPerSearch: z.number().optional(),
  tokensPerDoc: z.number().optional(),
  queryTokens: z.number().optional(),
  defaulted: z.boolean(),
  description: z.string(),
  convention: z.string(),
  moneyRule: z.string(),
});

const envelope = <C extends string>(command: C) => ({ schemaVersion: z.literal(1), command: z.literal(command) });

/** A model's place in its maker's life cycle on the day asked. */
const LifecycleStatusSchema = z.object({
  state: z.enum(['preview', 'active', 'deprecated', 'retired']),
  known: z.boolean().describe('false when no lifecycle record exists (taken as active)'),
  deprecatedOn: z.string().optional(),
  shutdownOn: z.string().optional(),
  successor: z.string().optional().describe("catalog id of the maker's named replacement"),
  source: z.string().optional(),
  asOf: z.string().optional(),
  confidence: z.enum(['maker', 'third-party', 'upstream']).optional(),
  note: z.string().optional(),
});

/** The line said first about a retired or deprecated model, with its successor's cost where priced. */
const LifecycleNoticeSchema = LifecycleStatusSchema.extend({
  id: z.string(),
  successorName: z.string().optional(),
  successorPerMonth: z.number().nullable().optional(),
  message: z.string(),
});

export const CostOutput = z.object({
  ...envelope('cost'),
  workload: WorkloadSchema,
  lifecycle: z.array(LifecycleNoticeSchema),
  results: z.array(CostLineSchema),
  notes: z.array(z.string()),
});

export const ShowOutput = z.object({
  ...envelope('show'),
  model: ModelSchema,
  referenceOffer: z.string().nullable(),
  ladderNote: z.string(),
  flaggedOffers: z.number().int(),
  lifecycle: LifecycleStatusSchema.optional(),
  notices: z.array(LifecycleNoticeSchema).optional(),
  resolvedFrom: z
    .object({ query: z.string(), kind: z.enum(['alias', 'line']), reason: z.string(), others: z.array(z.string()) })
    .nullable()
    .optional(),
  today: z.string().optional(),
});

export const ModelsOutput = z.object({
  ...envelope('models'),
  total: z.number().int(),
  matched: z.number().int(),
  shown: z.number().int(),
  sort: z.string(),
  priceNote: z.string(),
  models: z.array(
    ModelHead.extend({
      contextWindow: z.number().nullable(),
      inputPrice: z.number().nullable(),
      outputPrice: z.number().nullable(),
      perSearch: z.number().nullable(),
      priceProvider: z.string().nullable(),
      offers: z.number().int(),
      openWeights: z.boolean().nullable(),
      releaseDate: z.string().nullable(),
      state: z.enum(['preview', 'active', 'deprecated', 'retired']),
      shutdownOn: z.string().nullable(),
      kind: z.string().nullable().describe('orchestrator, router, preset or tool; null for a model'),
    }),
  ),
});

export const CatalogInfoOutput = z.object({
  ...envelope('catalog info'),
  builtAt: z.string().nullable(),
  ageDays: z.number().nullable(),
  stale: z.boolean(),
  catalog: z.object({
    kind: z.enum(['cached', 'bundled']),
    path: z.string(),
    updatedAt: z.string().nullable(),
    cacheIgnored: z.string().nullable(),
  }),
  sources: z.array(z.object({ id: z.string(), name: z.string(), url: z.string(), capturedAt: date, ageDays: z.number().int().nullable() })),
  layers: z.array(z.string()),
  models: z.number().int(),
  offers: z.number().int(),
  byCategory: z.record(z.string(), z.number()),
  byProvider: z.array(z.object({ provider: z.string(), offers: z.number() })),
  byLab: z.array(z.object({ lab: z.string(), models: z.number() })),
  flagged: z.object({ priceDeviation: z.number(), sourcesDisagree: z.number(), free: z.number(), noPrice: z.number() }),
  lifecycle: z.object({
    today: z.string(),
    byState: z.record(z.string(), z.number()),
    fromMakersPages: z.number(),
    fromThirdParties: z.number(),
    fromDatabasesOnly: z.number(),
    notModels: z.record(z.string(), z.number()),
    hostRetiredOffers: z.number(),
  }),
  evidence: z.object({
    recentMakerModels: z.number(),
    ratedForEveryTask: z.number(),
    byTask: z.record(z.string(), z.number()),
    ableByTask: z.record(z.string(), z.number()),
  }),
  reasoning: z
    .object({
      reasoningModels: z.number(),
      measured: z.number(),
      estimatedBase: z.number(),
      makerEstimate: z.number(),
      catalogEstimate: z.number(),
      offByDefault: z.number(),
      unknown: z.number(),
    })
    .describe('how the recent reasoning models of the major makers have their hidden tokens priced at their default setting'),
  latency: z
    .object({
      recentMakerModels: z.number().int(),
      withBoth: z.number().int(),
      ttftOnly: z.number().int(),
      speedOnly: z.number().int(),
      byMethod: z.record(z.string(), z.number()),
      missing: z.array(z.string()),
      notCounted: z
        .object({ imageOutput: z.array(z.string()), movingNames: z.array(z.string()) })
        .describe(
          'recent maker models left out of the count: those that also generate images, and moving names (-latest) not yet placed on the model they serve',
        ),
      openWeightModels: z.number().int(),
      openWeightWithThreeHosts: z.number().int(),
    })
    .describe(
      "latency coverage: recent models of the major makers with a figure on their maker's API (by method), those without; recent open-weight models sold by 3+ hosts with figures on 3 of them",
    ),
  skippedFromSources: z.record(z.string(), z.number()),
});

export const CatalogValidateOutput = z.object({
  ...envelope('catalog validate'),
  file: z.string(),
  valid: z.literal(true),
  format: z.enum(['model-advisor', 'models.dev', 'litellm', 'genai-prices']),
  models: z.number().int(),
  offers: z.number().int(),
  /** Entries (or fields) of an imported database's file that were left out, and why. */
  leftOut: z.array(z.object({ entry: z.string(), field: z.string().optional(), reason: z.string() })),
  overrides: z.array(z.string()).describe('bundled models the file would change when layered with --catalog'),
});

export const CompareOutput = z.object({
  ...envelope('compare'),
  workload: WorkloadSchema,
  lifecycle: z.array(LifecycleNoticeSchema),
  substitutes: z.boolean(),
  models: z.array(
    ModelHead.extend({
      parameters: z.string().nullable().describe('a count, "not disclosed", or null when unknown'),
      parametersSource: z.object({ source: z.string(), asOf: date }).nullable(),
      contextWindow: z.number().nullable(),
      maxOutput: z.number().nullable(),
      prices: PricesSchema.nullable(),
      offer: OfferSummary.nullable(),
      cheaperOffer: z
        .object({
          provider: z.string(),
          providerModelId: z.string(),
          perMonth: money,
          savingShare: z.number(),
          source: z.string(),
          asOf: date,
        })
        .nullable(),
      latency: LatencySchema.nullable().describe('the figure measured on the host priced (model x provider); null when none was'),
      latencyMethod: z.string().nullable().describe('how that figure was measured, in words'),
      endToEnd: z
        .object({ ms: z.number().nullable(), outputTokens: z.number(), caveat: z.string().optional() })
        .nullable()
        .describe('one request of the workload: time to first token + output (hidden reasoning included) at the measured speed'),
      modalities: z.object({ input: z.array(z.string()), output: z.array(z.string()) }).nullable(),
      capabilities: z.record(z.string(), z.boolean()),
      openWeights: z.boolean().nullable(),
      license: z.string().nullable(),
      releaseDate: z.string().nullable(),
      knowledgeCutoff: z.string().nullable(),
      benchmarks: z.record(
        z.string(),
        z.object({ score: z.number(), metric: z.string(), source: z.string(), asOf: date, lowerIsBetter: z.boolean().optional().describe('the score is better lower (a rank)') }),
      ),
    }),
  ),
  costs: z.array(CostLineSchema),
  verdicts: z.array(
    z.object({
      kind: z.enum(['input-price', 'output-price', 'workload-cost', 'time-to-first-token', 'output-speed', 'context-window', 'benchmarks']),
      winner: z.string().nullable(),
      other: z.string(),
      ratio: z.number().nullable(),
      text: z.string(),
    }),
  ),
  chooseWhen: z.array(z.object({ model: z.string(), when: z.array(z.string()) })),
  pipeline: z
    .object({
      description: z.string(),
      stages: z.array(
        z.object({
          role: z.enum(['embed', 'rerank', 'generate', 'moderate']),
          model: z.string(),
          what: z.string(),
          perDay: moneyOrNull,
          perMonth: moneyOrNull,
        }),
      ),
      perDay: moneyOrNull,
      perMonth: moneyOrNull,
      assumptions: z.array(z.string()),
    })
    .nullable(),
  notes: z.array(z.string()),
});

const TaskSummary = z.object({
  id: z.string(),
  label: z.string(),
  category: CategorySchema,
  needs: z.array(z.string()),
  minContext: z.number().nullable(),
  profile: z.object({
    input: z.number(),
    output: z.number(),
    docsPerSearch: z.number().optional(),
    tokensPerDoc: z.number().optional(),
    queryTokens: z.number().optional(),
  }),
  benchmarks: z.array(z.object({ id: z.string(), weight: z.number() })),
  floor: z.number(),
});

const Quality = z.object({
  score: z.number().nullable().describe('0-100 (shrunk toward 50 when evidence is thin), null when unrated'),
  evidence: z.array(
    z.object({
      benchmark: z.string(),
      version: z.string().optional(),
      harness: z.string().optional().describe('the leaderboard that ran it, or "self-reported" for a maker\'s own figure'),
      setting: z.string().optional(),
      selfReported: z.boolean().optional(),
      placedOn: z
        .object({ version: z.string(), harness: z.string().optional() })
        .optional()
        .describe("a partial board's figure (a top N): its percentile is taken on this full release of the board"),
      lowerIsBetter: z.boolean().optional().describe('the score is better lower (a rank): its percentile counts the figures above it'),
      score: z.number(),
      metric: z.string(),
      percentile: z.number(),
      weight: z.number(),
      reports: z.number().int(),
      source: z.string(),
      asOf: date,
    }),
  ),
  coverage: z.object({ k: z.number().int(), n: z.number().int() }).optional().describe("k of the task's n benchmarks"),
  spread: z.tuple([z.number(), z.number()]).optional().describe('lowest and highest percentile'),
});

const CandidateLatency = z.object({
  provider: z.string(),
  ttftMs: z.number().nullable(),
  outputTokensPerSecond: z.number().nullable(),
  endToEndMs: z.number().nullable(),
  outputTokens: z.number(),
  visibleOutputTokens: z.number(),
  kind: z.string().nullable(),
  measuredBy: z.string().optional(),
  statistic: z.string().nullable(),
  source: z.string(),
  asOf: z.string(),
  caveat: z.string().optional(),
});

const ModelRef = z.object({ id: z.string(), name: z.string(), lab: z.string() });
const Reason = z.enum([
  'unrated',
  'capability',
  'context',
  'open-weights',
  'providers',
  'no-price',
  'latency',
  'budget',
  'quality-floor',
  'deprecated',
  'retired',
  'not-a-model',
  'thin-evidence',
]);
const Constraints = z.object({
  needs: z.array(z.string()).optional(),
  minContext: z.number().optional(),
  maxLatencyMs: z.number().optional().describe('longest end-to-end time of one request'),
  lowLatency: z.boolean().optional().describe('--needs low-latency: the faster half of what qualifies otherwise'),
  budget: z.object({ amount: z.number(), period: z.enum(['day', 'week', 'month', 'year']) }).optional(),
  openWeights: z.boolean().optional(),
  providers: z.array(z.string()).optional(),
  includeUnrated: z.boolean().optional(),
  qualityFloor: z.number().optional(),
  includeDeprecated: z.boolean().optional(),
  minEvidence: z.number().int().optional(),
  today: z.string().optional().describe('the day lifecycle dates are read against'),
});

const EvidenceNoteSchema = z.object({
  coverage: z
    .object({ rated: z.number().int(), able: z.number().int() })
    .nullable()
    .describe(
      "recent models of the major makers that can do the task, and how many are rated from 2+ independent benchmarks (catalog info's count); null for a catalog without the count",
    ),
  makerOnly: z.array(z.string()).describe("models shown whose every figure for the task is their maker's own"),
  stale: z
    .array(z.object({ id: z.string(), newest: z.string() }))
    .describe('models shown whose newest figure for the task is more than a year old'),
  thin: z.number().int().describe('models rated on a single benchmark, left out (--min-evidence 1 ranks them)'),
  weak: z
    .boolean()
    .describe(
      "any shown model rests only on makers' figures or on figures over a year old, or under a third of the recent models are rated",
    ),
});

export const RecommendOutput = z.object({
  ...envelope('recommend'),
  task: TaskSummary,
  workload: WorkloadSchema,
  constraints: Constraints,
  prefer: z.enum(['cheapest', 'balanced', 'quality']),
  preferNote: z.string(),
  recommendations: z.array(
    z.object({
      rank: z.number().int(),
      model: ModelRef,
      quality: Quality,
      perRequest: moneyOrNull,
      perDay: money,
      perMonth: money,
      qualityPerDollar: z.number().nullable().describe('quality points per $100 a month'),
      offer: OfferSummary.nullable(),
      why: z.string(),
      reasoning: z
        .enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh'])
        .optional()
        .describe(
          'the reasoning effort it is priced at, when its rating rests on runs with reasoning and its API does not reason unless asked',
        ),
      lifecycle: z
        .object({
          state: z.enum(['preview', 'deprecated']),
          shutdownOn: z.string().optional(),
          successor: z.string().optional(),
          warning: z.string(),
        })
        .optional(),
      latency: CandidateLatency.optional().describe('the latency of the offer priced, where one was measured there'),
    }),
  ),
  qualified: z.number().int(),
  excluded: z.array(
    z.object({ model: ModelRef, reason: Reason, detail: z.string(), quality: z.number().nullable(), perMonth: moneyOrNull }),
  ),
  excludedCounts: z.record(z.string(), z.number()),
  relax: z.object({ reason: Reason, count: z.number(), hint: z.string() }).nullable(),
  latency: z
    .object({
      rule: z.string(),
      boundMs: z.number().nullable(),
      outputTokens: z.number(),
      unknown: z.number().int(),
      tooSlow: z.number().int(),
    })
    .optional()
    .describe('present when a latency bound was asked: how latency was judged and what it excluded'),
  evidence: EvidenceNoteSchema.describe('how far the quality evidence behind this ranking can be trusted'),
  method: z.string(),
});

const Saving = z.object({ perMonth: money, share: z.number() }).nullable();
const SingleModel = z.object({
  model: z.string(),
  name: z.string(),
  perDay: money,
  perMonth: money,
  legs: z.array(z.object({ task: z.string(), perMonth: money })),
  quality: z.number().nullable().optional(),
});

export const RouteOutput = z.object({
  ...envelope('route'),
  workload: WorkloadSchema,
  constraints: Constraints,
  route: z
    .object({
      legs: z.array(
        z.object({
          task: TaskSummary,
          share: z.number(),
          floor: z.number(),
          model: ModelRef.nullable(),
          quality: Quality.nullable(),
          offer: OfferSummary.nullable(),
          perDay: moneyOrNull,
          perMonth: moneyOrNull,
          problem: z.string().nullable(),
          evidence: EvidenceNoteSchema.nullable().describe("what the leg's quality evidence is worth; null without a model"),
        }),
      ),
      perDay: moneyOrNull,
      perMonth: moneyOrNull,
      allStrong: SingleModel.nullable().describe("the cheapest single model that clears every task's bar, for all the traffic"),
      saving: Saving,
      bestSingle: SingleModel.nullable().describe('the best-rated single model (on the hardest task) that clears every bar'),
      savingVsBest: Saving,
      assumptions: z.array(z.string()),
      overhead: z.object({ routerPerMonth: money, misroutePerMonth: money }).nullable(),
      pipeline: z.boolean().optional().describe('stages every request passes in order (--pipeline), not shares'),
    })
    .nullable(),
  cascade: z
    .object({
      cheap: z.object({ model: z.string(), perMonth: moneyOrNull }),
      strong: z.object({ model: z.string(), perMonth: moneyOrNull }),
      escalate: z.number(),
      perMonth: moneyOrNull,
      perDay: moneyOrNull,
      allStrong: z.object({ perMonth: moneyOrNull, perDay: moneyOrNull }),
      saving: Saving,
      qualityNote: z.string(),
      judgePer1k: z.number(),
    })
    .nullable(),
  notes: z.array(z.string()),
  method: z.string(),
});

const ModelProvider = z.object({ model: z.string(), provider: z.string() });
const CatalogChanges = z.object({
  models: z.object({ before: z.number().int(), after: z.number().int(), added: z.array(z.string()), removed: z.array(z.string()) }),
  offers: z.object({ before: z.number().int(), after: z.number().int(), added: z.array(ModelProvider), removed: z.array(ModelProvider) }),
  priceChanges: z.array(
    z.object({
      model: z.string(),
      provider: z.string(),
      reference: z.boolean().describe("the model maker's own offer"),
      price: z.enum(['input', 'output', 'cacheRead', 'cacheWrite', 'batchInput', 'batchOutput', 'perSearch', 'perRequest']),
      from: money.nullable().describe('null: unknown before'),
      to: money.nullable().describe('null: unknown now'),
      source: z.string(),
      asOf: date,
    }),
  ),
  lifecycle: z.array(
    z.object({ model: z.string(), from: z.string(), to: z.string(), shutdownOn: date.optional(), successor: z.string().optional() }),
  ),
});
const PreviousCatalog = z.object({ kind: z.enum(['cached', 'bundled']), builtAt: z.string().nullable() });

export const CatalogUpdateOutput = z.object({
  ...envelope('catalog update'),
  cacheDir: z.string(),
  catalog: z.string(),
  updatedAt: z.string(),
  previous: PreviousCatalog,
  sources: z.array(
    z.object({
      id: z.enum(['models.dev', 'litellm', 'genai-prices']),
      url: z.string(),
      status: z.enum(['downloaded', 'not-modified', 'file']),
      bytes: z.number().int(),
      models: z.number().int(),
      offers: z.number().int(),
      capturedAt: date,
    }),
  ),
  models: z.number().int(),
  offers: z.number().int(),
  changes: CatalogChanges,
});

export const CatalogDiffOutput = z.object({
  ...envelope('catalog diff'),
  updatedAt: z.string(),
  previous: PreviousCatalog,
  changes: CatalogChanges,
});

export const CatalogResetOutput = z.object({ ...envelope('catalog reset'), cacheDir: z.string(), removed: z.array(z.string()) });

const ReplayTokens = {
  records: z.number().int(),
  requests: z.number().int().describe("0 where the log counts tokens only (Anthropic's usage report)"),
  inputTokens: z.number().int().describe('all input tokens, cached and cache-write ones included'),
  cachedInputTokens: z.number().int(),
  cacheWriteTokens: z.number().int(),
  outputTokens: z.number().int().describe('all output tokens, hidden reasoning included'),
  reasoningTokens: z.number().int(),
};
const ReplayProblem = z.object({
  file: z.string(),
  where: z.string().describe('"line 12", or a path in a JSON document'),
  reason: z.string(),
});
const ReplayProblems = z.object({ count: z.number().int(), examples: z.array(ReplayProblem).describe('the first few') });
const ModelName = z.object({ id: z.string(), name: z.string(), lab: z.string() });

export const ReplayOutput = z.object({
  ...envelope('replay'),
  files: z.array(
    z.object({
      path: z.string(),
      format: z.enum(['csv', 'openai', 'anthropic', 'otel', 'litellm']),
      gzip: z.boolean(),
      lines: z.number().int(),
    }),
  ),
  period: z.object({ from: date, to: date, days: z.number().int() }).nullable(),
  total: z.object({ ...ReplayTokens, cost: moneyOrNull }),
  byModel: z.array(
    z.object({
      model: ModelName,
      provider: z.string().nullable().describe('the provider whose offer priced the records; null: the reference offer'),
      names: z.array(z.string()).describe('the names the log used for this model'),
      offers: z.array(z.object({ provider: z.string(), source: z.string(), asOf: date, prices: PricesSchema, reference: z.boolean() })),
      ...ReplayTokens,
      cost: moneyOrNull,
      parts: Parts.nullable(),
    }),
  ),
  byDay: z.array(z.object({ day: date, cost: moneyOrNull })),
  byMonth: z.array(z.object({ month: z.string(), cost: moneyOrNull })),
  on: z.array(
    z.object({
      model: ModelName,
      provider: z.string().nullable(),
      cost: moneyOrNull,
      difference: moneyOrNull.describe('cost on this model minus the original cost'),
      ratio: z.number().nullable(),
      byOriginal: z.array(
        z.object({
          model: z.string(),
          provider: z.string().nullable(),
          original: moneyOrNull,
          cost: moneyOrNull,
          ratio: z.number().nullable(),
        }),
      ),
    }),
  ),
  problems: z.object({
    unknownModels: ReplayProblems.extend({
      names: z.array(z.object({ name: z.string(), rows: z.number().int(), suggestions: z.array(z.string()) })),
    }),
    badRows: ReplayProblems,
    outOfRange: ReplayProblems,
    skipped: ReplayProblems.describe('entries with no billable usage: tool spans, LiteLLM cache hits'),
  }),
  notes: z.array(z.string()),
  moneyRule: z.string(),
});

export const TokensOutput = z.object({
  ...envelope('tokens'),
  source: z.string(),
  characters: z.number().int(),
  counts: z.array(
    z.object({
      model: z.string().nullable(),
      encoding: z.enum(['o200k_base', 'cl100k_base']),
      tokens: z.number().int(),
      exact: z.boolean().describe("true when the encoding is the model's own"),
      basis: z.string(),
      ratio: z.number().nullable().describe('for an estimate, the factor applied; null: none is known'),
      ratioSource: z.string().nullable(),
    }),
  ),
});

export const LatencyProbeOutput = z.object({
  ...envelope('latency probe'),
  model: z.string(),
  provider: z.string(),
  providerModelId: z.string(),
  endpoint: z.string().describe('the URL requests went to (never the key)'),
  keyFrom: z.string().nullable().describe('the environment variable the key came from'),
  promptTokens: z.object({ asked: z.number().int(), reported: z.number().nullable() }),
  maxTokens: z.number().int(),
  runs: z.array(
    z.object({
      ttftMs: z.number(),
      outputTokensPerSecond: z.number().nullable(),
      outputTokens: z.number().nullable(),
      reasoningTokens: z.number().nullable(),
      inputTokens: z.number().nullable(),
    }),
  ),
  ttftMs: z.object({ median: z.number(), p90: z.number(), min: z.number(), max: z.number() }),
  outputTokensPerSecond: z
    .object({ median: z.number(), p10: z.number().describe('the slowest 10% of runs'), min: z.number(), max: z.number() })
    .nullable(),
  tokensCountedFrom: z.enum(['usage', 'chunks']),
  estimatedCostUsd: z.number().nullable().describe('the most the probe could cost at the catalog prices'),
  saved: z.string().nullable().describe('the user latency layer the figure was saved to'),
  figure: LatencySchema.extend({ model: z.string(), provider: z.string(), kind: z.literal('your-account') }),
});

/** Command name (as typed) -> schema of its --json output. */
export const OUTPUT_SCHEMAS: Record<string, z.ZodType> = {
  cost: CostOutput,
  compare: CompareOutput,
  show: ShowOutput,
  models: ModelsOutput,
  'catalog info': CatalogInfoOutput,
  'catalog validate': CatalogValidateOutput,
  'catalog update': CatalogUpdateOutput,
  'catalog diff': CatalogDiffOutput,
  'catalog reset': CatalogResetOutput,
  recommend: RecommendOutput,
  route: RouteOutput,
  replay: ReplayOutput,
  tokens: TokensOutput,
  'latency probe': LatencyProbeOutput,
  // The wizard prints what recommend or route would, plus the command that repeats it.
  wizard: z.union([RecommendOutput.extend({ equivalentCommand: z.string() }), RouteOutput.extend({ equivalentCommand: z.string() })]),
};
