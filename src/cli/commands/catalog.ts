import { catalogAgeDays } from '../../catalog/store.js';
import type { Model } from '../../catalog/schema.js';
import { modelState, offerRetired } from '../../core/lifecycle.js';
import { buildDistributions, taskQuality } from '../../core/quality.js';
import { reasoningFactor } from '../../core/reasoning.js';
import { offerLatency } from '../../core/latency.js';
import { TASK_IDS, TASKS } from '../../core/tasks.js';
import { CatalogError } from '../../errors.js';
import { STALE_AFTER_DAYS, type Context } from '../context.js';

export interface CatalogInfo {
  schemaVersion: 1;
  command: 'catalog info';
  builtAt: string | null;
  ageDays: number | null;
  stale: boolean;
  /** Which catalog commands read: the one `catalog update` built (in the cache) or the bundled one. */
  catalog: { kind: 'cached' | 'bundled'; path: string; updatedAt: string | null; cacheIgnored: string | null };
  sources: { id: string; name: string; url: string; capturedAt: string; ageDays: number | null }[];
  layers: string[];
  models: number;
  offers: number;
  byCategory: Record<string, number>;
  byProvider: { provider: string; offers: number }[];
  byLab: { lab: string; models: number }[];
  flagged: { priceDeviation: number; sourcesDisagree: number; free: number; noPrice: number };
  /** Models by lifecycle state on `today`, and how many states rest on a maker's page. */
  lifecycle: {
    today: string;
    byState: Record<string, number>;
    fromMakersPages: number;
    fromThirdParties: number;
    fromDatabasesOnly: number;
    notModels: Record<string, number>;
    hostRetiredOffers: number;
  };
  /**
   * Quality coverage: of the major makers' active chat models released in the last 18 months and
   * sold on the maker's API, how many are rated from at least two independent benchmarks, per
   * chat-type task and for all of them.
   */
  evidence: { recentMakerModels: number; ratedForEveryTask: number; byTask: Record<string, number> };
  /** How the hidden tokens of the recent reasoning models of the major makers are priced at their default setting. */
  reasoning: { reasoningModels: number; measured: number; estimatedBase: number; makerEstimate: number; offByDefault: number; unknown: number };
  /** Latency coverage: recent major-maker models with a figure on their maker's API; popular open-weight models' hosts. */
  latency: {
    recentMakerModels: number;
    withBoth: number;
    ttftOnly: number;
    speedOnly: number;
    byMethod: Record<string, number>;
    missing: string[];
    /**
     * Recent maker models left out of the count, with why: models that also generate images (a
     * gateway's tokens per second mixes image and text output, so none is entered) and moving
     * names (`-latest`) the catalog cannot yet place on the model they serve.
     */
    notCounted: { imageOutput: string[]; movingNames: string[] };
    openWeightModels: number;
    openWeightWithThreeHosts: number;
  };
  skippedFromSources: Record<string, number>;
}

export async function catalogInfoCommand(ctx: Context, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  const catalog = await ctx.catalog();
  const models = catalog.all();
  const byCategory: Record<string, number> = {};
  const providers = new Map<string, number>();
  const labs = new Map<string, number>();
  const flagged = { priceDeviation: 0, sourcesDisagree: 0, free: 0, noPrice: 0 };
  let offers = 0;
  const today = ctx.today();
  const lifecycle: CatalogInfo['lifecycle'] = {
    today,
    byState: { preview: 0, active: 0, deprecated: 0, retired: 0 },
    fromMakersPages: 0,
    fromThirdParties: 0,
    fromDatabasesOnly: 0,
    notModels: {},
    hostRetiredOffers: 0,
  };
  for (const m of models) {
    if (m.kind) lifecycle.notModels[m.kind] = (lifecycle.notModels[m.kind] ?? 0) + 1;
    const st = modelState(m, today);
    lifecycle.byState[st.state] = (lifecycle.byState[st.state] ?? 0) + 1;
    if (st.confidence === 'maker') lifecycle.fromMakersPages++;
    else if (st.confidence === 'third-party') lifecycle.fromThirdParties++;
    else if (st.confidence === 'upstream') lifecycle.fromDatabasesOnly++;
    for (const o of m.offers) if (offerRetired(o, today)) lifecycle.hostRetiredOffers++;
    byCategory[m.category] = (byCategory[m.category] ?? 0) + 1;
    labs.set(m.lab, (labs.get(m.lab) ?? 0) + 1);
    for (const o of m.offers) {
      offers++;
      providers.set(o.provider, (providers.get(o.provider) ?? 0) + 1);
      // Offers, not flags: an offer off on both input and output counts once.
      const kinds = new Set((o.flags ?? []).map((f) => f.kind));
      if (kinds.has('price-deviation')) flagged.priceDeviation++;
      if (kinds.has('sources-disagree')) flagged.sourcesDisagree++;
      if (kinds.has('free')) flagged.free++;
      if (kinds.has('no-price')) flagged.noPrice++;
    }
  }
  const recent = recentMakerModels(models, today);
  const evidence = qualityCoverage(models, recent);
  const reasoning = reasoningCoverage(recent);
  const latency = latencyCoverage(models, recent, today);
  const age = catalogAgeDays(catalog.sources, ctx.io.now()) ?? null;
  const info: CatalogInfo = {
    schemaVersion: 1,
    command: 'catalog info',
    builtAt: catalog.builtAt ?? null,
    ageDays: age,
    stale: age !== null && age > STALE_AFTER_DAYS,
    catalog: {
      kind: ctx.inUse?.kind ?? 'bundled',
      path: ctx.inUse?.path ?? ctx.bundledCatalogPath,
      updatedAt: ctx.inUse?.updatedAt ?? null,
      cacheIgnored: ctx.inUse?.cacheIgnored ?? null,
    },
    sources: catalog.sources.map((s) => ({
      id: s.id,
      name: s.name,
      url: s.url,
      capturedAt: s.capturedAt,
      ageDays: catalogAgeDays([s], ctx.io.now()) ?? null,
    })),
    layers: catalog.layers,
    models: models.length,
    offers,
    byCategory,
    byProvider: [...providers]
      .map(([provider, n]) => ({ provider, offers: n }))
      .sort((a, b) => b.offers - a.offers || (a.provider < b.provider ? -1 : 1)),
    byLab: [...labs].map(([lab, n]) => ({ lab, models: n })).sort((a, b) => b.models - a.models || (a.lab < b.lab ? -1 : 1)),
    flagged,
    lifecycle,
    evidence,
    reasoning,
    latency,
    skippedFromSources: (catalog.stats.skipped as Record<string, number> | undefined) ?? {},
  };
  if (format === 'json') return ctx.printJson(info);
  const { renderBox, renderPairs } = await import('../../render/table.js');
  const s = await ctx.style();
  const out: string[] = [];
  const inUse = info.catalog;
  out.push(
    inUse.kind === 'cached'
      ? `Catalog in use: updated ${inUse.updatedAt?.slice(0, 16).replace('T', ' ')} UTC by catalog update (${inUse.path}); --bundled uses the bundled one`
      : `Catalog in use: bundled with model-advisor${inUse.cacheIgnored ? `; the updated one was passed over: ${inUse.cacheIgnored}` : ''}`,
    '',
  );
  out.push(s.bold('Sources'));
  out.push(
    renderBox(
      {
        head: ['Source', 'Captured', 'Age', 'URL'],
        rows: info.sources.map((x) => [x.name, x.capturedAt, x.ageDays === null ? 'unknown' : `${x.ageDays} days`, x.url]),
      },
      { maxWidth: ctx.width },
    ),
  );
  out.push(
    '  plus hand-curated overlays (data/curated): identities, lifecycle (deprecations, retirements, successors, moving aliases), first-party and gateway prices, batch discounts, parameters, licences, benchmarks, latency; each figure with its own source and date',
  );
  if (info.layers.length) out.push(`  layered: ${info.layers.join(', ')}`);
  out.push('');
  out.push(
    renderPairs([
      ['Models', String(info.models)],
      ['Offers', String(info.offers)],
      [
        'By category',
        Object.entries(byCategory)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ],
      [
        'Age',
        age === null ? 'unknown' : `${age} days since the newest capture${info.stale ? s.yellow(' (stale: prices may have changed)') : ''}`,
      ],
      [
        `Lifecycle (${today})`,
        `${Object.entries(lifecycle.byState)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}; ${lifecycle.fromMakersPages} from makers' pages, ${lifecycle.fromThirdParties} from third parties, ${lifecycle.fromDatabasesOnly} flagged by a database only; ${lifecycle.hostRetiredOffers} offers retired by their host`,
      ],
      [
        'Quality evidence',
        `${evidence.ratedForEveryTask} of ${evidence.recentMakerModels} recent models of the major makers are rated from 2+ independent benchmarks for every chat task (${Object.entries(
          evidence.byTask,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')})`,
      ],
      [
        'Reasoning tokens',
        `of ${reasoning.reasoningModels} recent reasoning models of the major makers, at their default setting: ${reasoning.measured} priced with a measured factor, ${reasoning.estimatedBase} with a measured reasoning run over an estimated base, ${reasoning.makerEstimate} with their maker's median factor (no measurement of their own), ${reasoning.offByDefault} do not reason unless asked, ${reasoning.unknown} unknown (their cost leaves hidden tokens out and says so)`,
      ],
      [
        'Latency',
        `${latency.withBoth} of ${latency.recentMakerModels} recent models of the major makers have time to first token and output speed measured on their maker's API (${Object.entries(latency.byMethod)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); ${latency.ttftOnly} first token only, ${latency.speedOnly} speed only${latency.missing.length ? `; none: ${latency.missing.slice(0, 8).join(', ')}${latency.missing.length > 8 ? `, ... (${latency.missing.length})` : ''}` : ''}${notCountedText(latency.notCounted)}; ${latency.openWeightWithThreeHosts} of ${latency.openWeightModels} recent open-weight models sold by 3+ hosts have figures on 3 of them`,
      ],
      [
        'Not models',
        Object.entries(lifecycle.notModels)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none',
      ],
      [
        'Flagged offers',
        `${flagged.priceDeviation} price far off the maker's or the median, ${flagged.sourcesDisagree} sources disagree, ${flagged.free} listed at $0, ${flagged.noPrice} without a price`,
      ],
    ], '', ctx.width),
  );
  out.push('', s.bold('Top providers by offers'));
  out.push(
    `  ${info.byProvider
      .slice(0, 15)
      .map((p) => `${p.provider} ${p.offers}`)
      .join(', ')}, ... (${info.byProvider.length} providers)`,
  );
  out.push('', s.bold('Top labs by models'));
  out.push(
    `  ${info.byLab
      .slice(0, 15)
      .map((p) => `${p.lab} ${p.models}`)
      .join(', ')}, ... (${info.byLab.length} labs)`,
  );
  const skipped = Object.entries(info.skippedFromSources);
  if (skipped.length) {
    out.push('', s.bold('Left out of the sources (out of scope)'));
    out.push(`  ${skipped.map(([k, v]) => `${k}: ${v}`).join('; ')}`);
  }
  // Prose lines wrap to the terminal, under their own indent (tables and pairs are laid out already).
  const { wrap } = await import('../../render/wrap.js');
  const fitted = out
    .join('\n')
    .split('\n')
    .map((l) => (/^[┌│├└]/.test(l) ? l : wrap(l, ctx.width, `${/^ */.exec(l)![0]}  `)));
  ctx.print(fitted.join('\n'));
}

export interface ValidateResult {
  schemaVersion: 1;
  command: 'catalog validate';
  file: string;
  valid: true;
  format: string;
  models: number;
  offers: number;
  leftOut: { entry: string; field?: string; reason: string }[];
  /** Bundled models the file would change when layered. */
  overrides: string[];
}

export async function catalogValidateCommand(ctx: Context, file: string, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  // The same reader --catalog uses: the same checks, the same messages.
  const { loadUserCatalog } = await import('../../catalog/user.js');
  const parsed = loadUserCatalog(file, ctx.io.readFile, ctx.io.now());
  // Layered as --catalog would layer it, so what it would override (or collide with) shows here.
  const overrides: string[] = [];
  (await ctx.catalog()).layer(parsed.models, file, {
    strictIds: parsed.format === 'model-advisor',
    onChange: (c) => void (c.added ? undefined : overrides.push(c.id)),
  });
  const result: ValidateResult = {
    schemaVersion: 1,
    command: 'catalog validate',
    file,
    valid: true,
    format: parsed.format,
    models: parsed.models.length,
    offers: parsed.models.reduce((n, m) => n + m.offers.length, 0),
    leftOut: parsed.leftOut,
    overrides,
  };
  if (format === 'json') return ctx.printJson(result);
  const lines = [`${file}: valid ${parsed.format} catalog, ${result.models} models, ${result.offers} offers`];
  if (overrides.length > 0)
    lines.push(`overrides ${overrides.length} bundled model${overrides.length === 1 ? '' : 's'}: ${overrides.slice(0, 10).join(', ')}${overrides.length > 10 ? ', ...' : ''} (--verbose --catalog ${file} says what each changes)`);
  if (parsed.leftOut.length > 0) {
    lines.push(`left out (${parsed.leftOut.length}):`);
    for (const l of parsed.leftOut.slice(0, VALIDATE_LISTED)) lines.push(`  ${l.entry}${l.field ? ` field ${l.field}` : ''}: ${l.reason}`);
    if (parsed.leftOut.length > VALIDATE_LISTED) lines.push(`  ... and ${parsed.leftOut.length - VALIDATE_LISTED} more (--json lists every one)`);
  }
  const { wrap } = await import('../../render/wrap.js');
  ctx.print(lines.map((l) => wrap(l, ctx.width, `${/^ */.exec(l)![0]}  `)).join('\n'));
}

/** Left-out entries a table lists before it says how many more there are. */
const VALIDATE_LISTED = 40;

const MAJOR_MAKERS = new Set(['openai', 'anthropic', 'google', 'mistral', 'deepseek', 'xai', 'cohere', 'alibaba', 'meta', 'moonshotai', 'zhipuai']);

/** Chat models of the major makers, released in the last 18 months, served (active or preview) today. */
function recentMakerModels(models: Model[], today: string): Model[] {
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - 548 * 86_400_000).toISOString().slice(0, 10);
  return models.filter(
    (m) =>
      m.category === 'chat' &&
      !m.kind &&
      MAJOR_MAKERS.has(m.lab) &&
      m.offers.some((o) => o.reference) &&
      (m.releaseDate ?? '') >= since &&
      ['active', 'preview'].includes(modelState(m, today).state),
  );
}

function qualityCoverage(models: Model[], recent: Model[]): CatalogInfo['evidence'] {
  // Scores are percentiles among all chat models, as recommend ranks them.
  const dists = buildDistributions(models.filter((m) => m.category === 'chat' && !m.kind));
  const tasks = TASK_IDS.filter((t) => TASKS[t].category === 'chat');
  const byTask: Record<string, number> = {};
  let everywhere = 0;
  for (const m of recent) {
    let all = true;
    for (const t of tasks) {
      const q = taskQuality(m, TASKS[t], dists);
      const ok = q.evidence.filter((e) => !e.selfReported).length >= 2;
      if (ok) byTask[t] = (byTask[t] ?? 0) + 1;
      else all = false;
    }
    if (all) everywhere++;
  }
  for (const t of tasks) byTask[t] ??= 0;
  return { recentMakerModels: recent.length, ratedForEveryTask: everywhere, byTask };
}

function latencyCoverage(models: Model[], recent: Model[], today: string): CatalogInfo['latency'] {
  const out: CatalogInfo['latency'] = {
    recentMakerModels: 0,
    withBoth: 0,
    ttftOnly: 0,
    speedOnly: 0,
    byMethod: {},
    missing: [],
    notCounted: { imageOutput: [], movingNames: [] },
    openWeightModels: 0,
    openWeightWithThreeHosts: 0,
  };
  for (const m of recent) {
    if (m.modalities?.output?.includes('image')) {
      out.notCounted.imageOutput.push(m.id);
      continue;
    }
    if (/-latest$/.test(m.id)) {
      out.notCounted.movingNames.push(m.id);
      continue;
    }
    const l = offerLatency(m, m.offers.find((o) => o.reference)?.provider);
    if (!l) {
      out.missing.push(m.id);
      continue;
    }
    if (l.ttftMs && l.outputTokensPerSecond) out.withBoth++;
    else if (l.ttftMs) out.ttftOnly++;
    else out.speedOnly++;
    const k = l.kind ?? 'not stated';
    out.byMethod[k] = (out.byMethod[k] ?? 0) + 1;
  }
  out.recentMakerModels = recent.length - out.notCounted.imageOutput.length - out.notCounted.movingNames.length;
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - 548 * 86_400_000).toISOString().slice(0, 10);
  for (const m of models) {
    if (m.category !== 'chat' || m.kind || m.openWeights !== true || (m.releaseDate ?? '') < since) continue;
    const hosts = new Set(m.offers.map((o) => o.provider));
    if (hosts.size < 3 || !['active', 'preview'].includes(modelState(m, today).state)) continue;
    out.openWeightModels++;
    const measured = [...hosts].filter((p) => offerLatency(m, p)?.ttftMs).length;
    if (measured >= 3) out.openWeightWithThreeHosts++;
  }
  return out;
}

/** Why some recent maker models are not in the latency count, in words ("" when none is left out). */
function notCountedText(n: CatalogInfo['latency']['notCounted']): string {
  const parts: string[] = [];
  if (n.imageOutput.length)
    parts.push(`${n.imageOutput.length} that also generate images (${n.imageOutput.join(', ')}: a gateway's tokens per second mixes image and text output)`);
  if (n.movingNames.length)
    parts.push(`${n.movingNames.length} moving name${n.movingNames.length === 1 ? '' : 's'} (${n.movingNames.join(', ')}: which model it serves is not on record)`);
  return parts.length ? `; not counted: ${parts.join(', ')}` : '';
}

function reasoningCoverage(recent: Model[]): CatalogInfo['reasoning'] {
  const out = { reasoningModels: 0, measured: 0, estimatedBase: 0, makerEstimate: 0, offByDefault: 0, unknown: 0 };
  for (const m of recent) {
    if (!m.capabilities?.reasoning) continue;
    out.reasoningModels++;
    const f = reasoningFactor(m);
    if (f === undefined) out.offByDefault++;
    else if (f === 'unknown') out.unknown++;
    else if (f.estimate && m.reasoningEstimate && !m.reasoningTokens?.length) out.makerEstimate++;
    else if (f.estimate) out.estimatedBase++;
    else out.measured++;
  }
  return out;
}
