import type { Model } from '../../catalog/schema.js';
import { compareModels } from '../../core/compare.js';
import { DEFAULT_WORKLOADS, estimateModel } from '../../core/estimate.js';
import { UserError } from '../../errors.js';
import type { Context } from '../context.js';
import { lifecycleNotices, withSuccessors } from '../lifecycle.js';
import { toWorkload, workloadFlags } from '../options.js';
import { reportResolutions } from '../resolution.js';
import type { OfferFlags } from './cost.js';

export async function compareCommand(ctx: Context, names: string[], opts: Record<string, unknown>): Promise<void> {
  const format = ctx.format(opts as { json?: boolean; format?: string });
  if (names.length < 2) throw new UserError('compare needs two or more models', 'model-advisor compare gpt-4o-mini gpt-4o');
  const catalog = await ctx.catalog();
  const today = ctx.today();
  const resolved = names.map((n) => catalog.resolve(n, today));
  if (opts.promptFile !== undefined) await (await import('./prompt-file.js')).applyPromptFile(ctx, opts, resolved[0]?.model);
  const flags = workloadFlags(opts);
  reportResolutions(ctx, resolved);
  const ids = resolved.map((r) => r.model.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup)
    throw new UserError(`"${dup}" is named twice (${names.filter((n, i) => ids[i] === dup).join(', ')})`, 'compare different models');
  const o = opts as OfferFlags;
  const asked = resolved.map((r) => r.model);
  const models = o.successor ? withSuccessors(catalog, asked, today) : asked;
  const pick = { provider: o.provider, cheapest: o.cheapest, today };
  const flagsWorkload = (d: Parameters<typeof toWorkload>[1]) => toWorkload(flags, d);
  // The successor's cost of the same workload, in the line that says a model is retired.
  const costOf = (m: Model) => {
    const d = DEFAULT_WORKLOADS[m.category];
    return estimateModel(m, flagsWorkload(d).workload, { ...pick, provider: undefined }).perMonth;
  };
  const result = compareModels({
    models,
    flagsWorkload,
    pick,
    providers: models.map((m) => resolved.find((r) => r.model.id === m.id)?.provider),
    lifecycle: lifecycleNotices(catalog, models, today, costOf),
  });
  if (format === 'json') return ctx.printJson(result);
  // Renderers (and the table library) load only when a table is asked for.
  if (format === 'csv' || format === 'markdown') {
    const { renderResultCsv, renderResultMarkdown } = await import('../../render/records.js');
    return ctx.print(format === 'csv' ? renderResultCsv(result as never) : renderResultMarkdown(result as never));
  }
  const { renderCompare } = await import('../../render/compare.js');
  ctx.print(renderCompare(result, await ctx.style(), ctx.width, { full: opts.full === true }));
}
