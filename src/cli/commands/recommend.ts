import { taskCoverage } from '../../catalog/recent.js';
import { recommend } from '../../core/advice.js';
import { defaultWorkload, DEFAULT_REQUESTS } from '../../core/recommend.js';
import { UsageError } from '../../errors.js';
import { adviceOptions, parseTask } from '../advice.js';
import type { Context } from '../context.js';
import { toWorkload, workloadFlags } from '../options.js';

export async function recommendCommand(ctx: Context, opts: Record<string, unknown>): Promise<void> {
  const format = ctx.format(opts as { json?: boolean; format?: string });
  if (typeof opts.task !== 'string')
    throw new UsageError('recommend needs --task', 'for example: model-advisor recommend --task classification --requests 1M');
  const task = parseTask(opts.task);
  const advice = adviceOptions(opts, ctx.today());
  // No model is chosen yet: the prompt is counted with o200k_base (said on stderr).
  if (opts.promptFile !== undefined) await (await import('./prompt-file.js')).applyPromptFile(ctx, opts, undefined);
  const flags = workloadFlags(opts);
  const d = defaultWorkload(task);
  const { workload, defaulted } =
    task.category === 'reranking' && flags.requests !== undefined && flags.searches === undefined
      ? toWorkload({ ...flags, searches: flags.requests, requests: undefined }, {})
      : toWorkload(flags, { requests: DEFAULT_REQUESTS, input: d.input, output: d.output });
  if (task.category === 'reranking') {
    workload.searches ??= DEFAULT_REQUESTS;
    workload.docsPerSearch ??= task.profile.docsPerSearch;
    workload.tokensPerDoc ??= task.profile.tokensPerDoc;
    workload.queryTokens ??= task.profile.queryTokens;
  }
  const catalog = await ctx.catalog();
  const constraints = { ...advice.constraints, qualityFloor: advice.floors.perTask[task.id] ?? advice.floors.all };
  // Without --include-unrated only models with evidence can rank: rank their compact views, then
  // read the full lines of the ones shown.
  // Views keep only the offers the default choice uses: choosing by provider needs the full lines,
  // and so does rating at a reasoning effort (views carry each model's default-setting figures).
  const views =
    constraints.includeUnrated || constraints.providers?.length || workload.reasoning
      ? undefined
      : catalog.rankingViews(task.category, ctx.today());
  const { models, unrated } = views ?? catalog.modelsOf(task.category, !constraints.includeUnrated);
  const hydrate = views ? (id: string) => catalog.byId(id) : undefined;
  const summary = catalog.summaryLine(true);
  const coverage = summary?.chatTasks.includes(task.id) ? taskCoverage(summary, task.id, ctx.today()) : null;
  const result = recommend(
    models,
    task,
    workload,
    defaulted && flags.searches === undefined,
    constraints,
    advice.prefer,
    advice.top,
    unrated,
    hydrate,
    coverage,
  );
  // Models the views leave out (retired by the build date, not models) are counted as the full
  // lines would count them.
  for (const [reason, n] of Object.entries(views?.dropped ?? {}))
    if (n) result.excludedCounts[reason as 'retired'] = (result.excludedCounts[reason as 'retired'] ?? 0) + n;
  if (format === 'json') return ctx.printJson(result);
  if (format === 'csv' || format === 'markdown') {
    const { renderResultCsv, renderResultMarkdown } = await import('../../render/records.js');
    return ctx.print(format === 'csv' ? renderResultCsv(result as never) : renderResultMarkdown(result as never));
  }
  const { renderRecommend } = await import('../../render/advice.js');
  ctx.print(renderRecommend(result, await ctx.style(), ctx.width));
}
