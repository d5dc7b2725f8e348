import { catalogAgeDays } from '../../catalog/store.js';
import type { Model } from '../../catalog/schema.js';
import { modelState, offerRetired } from '../../core/lifecycle.js';
import { buildDistributions, taskQuality } from '../../core/quality.js';
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
  const evidence = qualityCoverage(models, today);
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
        'Not models',
        Object.entries(lifecycle.notModels)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || 'none',
      ],
      [
        'Flagged offers',
        `${flagged.priceDeviation} price far off the maker's or the median, ${flagged.sourcesDisagree} sources disagree, ${flagged.free} listed at $0, ${flagged.noPrice} without a price`,
      ],
    ]),
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
  ctx.print(out.join('\n'));
}

export interface ValidateResult {
  schemaVersion: 1;
  command: 'catalog validate';
  file: string;
  valid: true;
  format: string;
  models: number;
  offers: number;
}

export async function catalogValidateCommand(ctx: Context, file: string, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  let text: string;
  try {
    text = ctx.io.readFile(file);
  } catch (e) {
    throw new CatalogError(
      file,
      [(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `cannot read: ${(e as Error).message}`],
      'check the path',
    );
  }
  const { parseUserCatalog } = await import('../../catalog/user.js');
  const parsed = parseUserCatalog(file, text, ctx.io.now());
  const result: ValidateResult = {
    schemaVersion: 1,
    command: 'catalog validate',
    file,
    valid: true,
    format: parsed.format,
    models: parsed.models.length,
    offers: parsed.models.reduce((n, m) => n + m.offers.length, 0),
  };
  if (format === 'json') return ctx.printJson(result);
  ctx.print(`${file}: valid ${parsed.format} catalog, ${result.models} models, ${result.offers} offers`);
}

const MAJOR_MAKERS = new Set(['openai', 'anthropic', 'google', 'mistral', 'deepseek', 'xai', 'cohere', 'alibaba', 'meta', 'moonshotai', 'zhipuai']);

function qualityCoverage(models: Model[], today: string): CatalogInfo['evidence'] {
  const chat = models.filter((m) => m.category === 'chat' && !m.kind);
  const dists = buildDistributions(chat);
  const since = new Date(Date.parse(`${today}T00:00:00Z`) - 548 * 86_400_000).toISOString().slice(0, 10);
  const recent = chat.filter(
    (m) =>
      MAJOR_MAKERS.has(m.lab) &&
      m.offers.some((o) => o.reference) &&
      (m.releaseDate ?? '') >= since &&
      ['active', 'preview'].includes(modelState(m, today).state),
  );
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
