import type { Model } from '../../catalog/schema.js';
import { DEFAULT_WORKLOADS, describeWorkload, estimateModel, exceedsContext, rankLines } from '../../core/estimate.js';
import { UserError } from '../../errors.js';
import type { CostResult } from '../../render/cost.js';
import type { Context } from '../context.js';
import { lifecycleNotices, withSuccessors } from '../lifecycle.js';
import { toWorkload, workloadFlags } from '../options.js';
import { reportResolutions } from '../resolution.js';

export interface OfferFlags {
  provider?: string;
  cheapest?: boolean;
  successor?: boolean;
}

export async function costCommand(ctx: Context, names: string[], opts: Record<string, unknown>): Promise<void> {
  const format = ctx.format(opts as { json?: boolean; format?: string });
  const catalog = await ctx.catalog();
  const resolved = names.map((n) => catalog.resolve(n, ctx.today()));
  if (opts.promptFile !== undefined) await (await import('./prompt-file.js')).applyPromptFile(ctx, opts, resolved[0]?.model);
  const flags = workloadFlags(opts);
  reportResolutions(ctx, resolved);
  const today = ctx.today();
  const o = opts as OfferFlags;
  const asked: Model[] = resolved.map((r) => r.model);
  const models = o.successor ? withSuccessors(catalog, asked, today) : asked;
  const providerOf = (m: Model) => resolved.find((r) => r.model.id === m.id)?.provider;
  const first = models[0]!.category;
  const d = DEFAULT_WORKLOADS[first];
  const { workload, defaulted } = toWorkload(flags, { requests: d.requests, input: d.input, output: d.output });
  // A request larger than the context window cannot be sent: no price for it.
  for (const m of asked) {
    const why = exceedsContext(m, workload);
    if (why) throw new UserError(why, 'lower --input/--output per request, or choose a model with a larger context window');
  }
  const pick = (m: Model) => ({ provider: o.provider ?? providerOf(m), cheapest: o.cheapest, today });
  const lines = rankLines(models.map((m) => estimateModel(m, workload, pick(m))));
  const lifecycle = lifecycleNotices(catalog, models, today, (m) => estimateModel(m, workload, { ...pick(m), provider: undefined }).perMonth);
  const result: CostResult = {
    schemaVersion: 1,
    command: 'cost',
    workload: describeWorkload(workload, defaulted, first),
    lifecycle,
    results: lines,
    notes: [],
  };
  if (format === 'json') return ctx.printJson(result);
  if (format === 'csv' || format === 'markdown') {
    const { renderResultCsv, renderResultMarkdown } = await import('../../render/records.js');
    return ctx.print(format === 'csv' ? renderResultCsv(result as never) : renderResultMarkdown(result as never));
  }
  const { renderCostTable } = await import('../../render/cost.js');
  ctx.print(renderCostTable(result, await ctx.style(), ctx.width));
}
