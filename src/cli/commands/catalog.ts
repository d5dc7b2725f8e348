import { catalogAgeDays } from '../../catalog/store.js';
import { coverage, summarize, type Coverage } from '../../catalog/summary.js';
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
  lifecycle: Coverage['lifecycle'];
  /**
   * Quality coverage: of the major makers' active chat models released in the last 18 months and
   * sold on the maker's API, how many are rated from at least two independent benchmarks, per
   * chat-type task and for all of them.
   */
  evidence: Coverage['evidence'];
  /** How the hidden tokens of the recent reasoning models of the major makers are priced at their default setting. */
  reasoning: Coverage['reasoning'];
  /** Latency coverage: recent major-maker models with a figure on their maker's API; popular open-weight models' hosts. */
  latency: Coverage['latency'];
  skippedFromSources: Record<string, number>;
}

export async function catalogInfoCommand(ctx: Context, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  const catalog = await ctx.catalog();
  const today = ctx.today();
  const summary = catalog.summaryLine() ?? summarize(catalog.all());
  const { lifecycle, evidence, reasoning, latency } = coverage(summary, today);
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
    models: summary.models,
    offers: summary.offers,
    byCategory: summary.byCategory,
    byProvider: Object.entries(summary.byProvider)
      .map(([provider, n]) => ({ provider, offers: n }))
      .sort((a, b) => b.offers - a.offers || (a.provider < b.provider ? -1 : 1)),
    byLab: Object.entries(summary.byLab)
      .map(([lab, models]) => ({ lab, models }))
      .sort((a, b) => b.models - a.models || (a.lab < b.lab ? -1 : 1)),
    flagged: summary.flagged,
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
        Object.entries(info.byCategory)
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
        `${evidence.ratedForEveryTask} of ${evidence.recentMakerModels} recent models of the major makers are rated from 2+ independent benchmarks for every chat task they can do (${Object.entries(
          evidence.byTask,
        )
          .map(([k, v]) => `${k} ${v} of ${evidence.ableByTask[k]}`)
          .join(', ')})`,
      ],
      [
        'Reasoning tokens',
        `of ${reasoning.reasoningModels} recent reasoning models of the major makers, at their default setting: ${reasoning.measured} priced with a measured factor, ${reasoning.estimatedBase} with a measured reasoning run over an estimated base, ${reasoning.makerEstimate} with their maker's median factor (no usable measurement of their own), ${reasoning.catalogEstimate} with the median of every measured model (too few of their maker's are measured), ${reasoning.offByDefault} do not reason unless asked, ${reasoning.unknown} unknown (their cost leaves hidden tokens out and says so)`,
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
        `${info.flagged.priceDeviation} price far off the maker's or the median, ${info.flagged.sourcesDisagree} sources disagree, ${info.flagged.free} listed at $0, ${info.flagged.noPrice} without a price`,
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

/** Why some recent maker models are not in the latency count, in words ("" when none is left out). */
function notCountedText(n: CatalogInfo['latency']['notCounted']): string {
  const parts: string[] = [];
  if (n.imageOutput.length)
    parts.push(`${n.imageOutput.length} that also generate images (${n.imageOutput.join(', ')}: a gateway's tokens per second mixes image and text output)`);
  if (n.movingNames.length)
    parts.push(`${n.movingNames.length} moving name${n.movingNames.length === 1 ? '' : 's'} (${n.movingNames.join(', ')}: which model it serves is not on record)`);
  return parts.length ? `; not counted: ${parts.join(', ')}` : '';
}

/** Left-out entries a table lists before it says how many more there are. */
const VALIDATE_LISTED = 40;

