import { cascade, QUALITY_METHOD, route, type RouteOutput } from '../../core/advice.js';
import { describeWorkload } from '../../core/estimate.js';
import { DEFAULT_REQUESTS } from '../../core/recommend.js';
import type { TaskDef, TaskId } from '../../core/tasks.js';
import type { Workload } from '../../core/workload.js';
import { UsageError, UserError } from '../../errors.js';
import { adviceOptions, parseMix, parseTask } from '../advice.js';
import type { Context } from '../context.js';
import { lifecycleNotices } from '../lifecycle.js';
import { reportResolutions } from '../resolution.js';
import { share as parseShareFlag } from '../flags.js';
import { toWorkload, workloadFlags } from '../options.js';

/** --pipeline embedding,reranking,rag: the stages, in order, each carrying every request. */
function parsePipeline(raw: string): { task: TaskDef; share: number }[] {
  const stages = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (stages.length < 2) throw new UserError('--pipeline needs two or more stages', 'for example --pipeline embedding,reranking,rag');
  return stages.map((s) => ({ task: parseTask(s, '--pipeline'), share: 1 }));
}

/** USD per 1,000 requests: 0.5, $0.50. */
function parseUsd(raw: string, flag: string): number {
  const v = Number(raw.trim().replace(/^\$/, ''));
  if (!Number.isFinite(v) || v < 0) throw new UserError(`${flag} must be USD per 1,000 requests (got "${raw}")`, `for example ${flag} 0.2`);
  return v;
}

export async function routeCommand(ctx: Context, opts: Record<string, unknown>): Promise<void> {
  const format = ctx.format(opts as { json?: boolean; format?: string });
  const mixRaw = typeof opts.mix === 'string' ? opts.mix : undefined;
  const cascadeRaw = typeof opts.cascade === 'string' ? opts.cascade : undefined;
  const pipelineRaw = typeof opts.pipeline === 'string' ? opts.pipeline : undefined;
  if (!mixRaw && !cascadeRaw && !pipelineRaw)
    throw new UsageError(
      'route needs --mix (or --pipeline, or --cascade)',
      'for example: model-advisor route --mix classification=80,math=20 --requests 1M',
    );
  if (mixRaw && pipelineRaw)
    throw new UserError('give --mix (requests split between tasks) or --pipeline (every request through each stage), not both');
  const advice = adviceOptions(opts, ctx.today());
  const flags = workloadFlags(opts);
  if (flags.inputTokens !== undefined || flags.outputTokens !== undefined)
    throw new UserError(
      'route splits requests between tasks: give --requests (tokens per request come from each task, or --input/--output)',
      'model-advisor route --mix classification=80,math=20 --requests 1M',
    );
  const { workload, defaulted } = toWorkload(flags, { requests: DEFAULT_REQUESTS });
  const catalog = await ctx.catalog();
  // A pipeline (embed -> rerank -> generate) chains stages: every request passes each of them, so
  // each stage carries all the requests (a share of 1), and the stage costs add up.
  const mix = mixRaw ? parseMix(mixRaw) : pipelineRaw ? parsePipeline(pipelineRaw) : [];
  // Routing needs rated models only (unless --include-unrated): rank their compact views.
  const kinds = [...new Set(mix.map((m) => m.task.category))];
  const viewed =
    advice.constraints.includeUnrated || advice.constraints.providers?.length || workload.reasoning
      ? undefined
      : kinds.map((k) => catalog.rankingViews(k, ctx.today()));
  const useViews = viewed !== undefined && viewed.every(Boolean);
  const models = useViews
    ? viewed.flatMap((v) => v!.models)
    : kinds.flatMap((cat) => catalog.modelsOf(cat, !advice.constraints.includeUnrated).models);
  const hydrate = useViews ? (id: string) => catalog.byId(id) : undefined;
  const floors: Partial<Record<TaskId, number>> = {};
  for (const m of mix) {
    const f = advice.floors.perTask[m.task.id] ?? advice.floors.all;
    if (f !== undefined) floors[m.task.id] = f;
  }
  // Each task's share of the requests, with that task's typical tokens unless --input/--output say.
  const workloadFor = (task: TaskDef, share: number): Workload => ({
    ...workload,
    requests: (workload.requests ?? DEFAULT_REQUESTS) * share,
    input: flags.input ?? task.profile.input,
    output: flags.output ?? task.profile.output,
  });
  const out: RouteOutput = {
    schemaVersion: 1,
    command: 'route',
    workload: describeWorkload(workload, defaulted, 'chat'),
    constraints: advice.constraints,
    route: null,
    cascade: null,
    notes: [],
    method: QUALITY_METHOD,
  };
  if (mix.length) {
    const router = {
      routerPer1k: typeof opts.routerCost === 'string' ? parseUsd(opts.routerCost, '--router-cost') : undefined,
      misroute: typeof opts.misroute === 'string' ? parseShareFlag(opts.misroute, '--misroute') : undefined,
    };
    const r = route(models, mix, workload, defaulted, advice.constraints, floors, workloadFor, hydrate, router, (task) =>
      catalog.taskCoverage(task, ctx.today()),
    );
    const { notes, workload: wsum, ...rest } = r;
    out.route = pipelineRaw
      ? {
          ...rest,
          pipeline: true,
          assumptions: [
            "every request passes every stage once, with that stage task's typical tokens (or --input/--output): the stages chain, they do not split the traffic",
            rest.assumptions.at(-1)!,
          ],
        }
      : rest;
    if (pipelineRaw)
      notes.unshift(
        'a pipeline: every request passes every stage in order, so the stage costs add up; no single model can serve all of it',
      );
    out.workload = {
      ...wsum,
      description: `${wsum.description.replace(/ of \d[\d,.]* input and \d[\d,.]* output tokens/, '')}, ${pipelineRaw ? 'each through every stage' : 'split by the mix'}; tokens per request from each task's typical profile${flags.input !== undefined || flags.output !== undefined ? ' unless --input/--output set them' : ''}`,
    };
    out.notes.push(...notes);
    out.notes.push(
      ...mix.map((m) => {
        const w = workloadFor(m.task, m.share);
        return `${m.task.id}: ${Number((m.share * 100).toPrecision(4))}% of requests, ${w.input} input and ${w.output} output tokens each`;
      }),
    );
  }
  if (cascadeRaw) {
    const names = cascadeRaw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length !== 2)
      throw new UserError('--cascade takes two models: cheap,strong', 'for example --cascade gpt-4o-mini,gpt-4o --escalate 20%');
    if (typeof opts.escalate !== 'string')
      throw new UserError(
        '--cascade needs --escalate, the share of requests sent on to the strong model',
        'for example --escalate 0.2 or 20%',
      );
    const escalate = parseShareFlag(opts.escalate, '--escalate');
    const resolvedPair = names.map((n) => catalog.resolve(n, ctx.today()));
    reportResolutions(ctx, resolvedPair);
    const [cheap, strong] = resolvedPair.map((r) => r.model);
    // A cascade names its models: one that is retired or deprecated is priced as asked, and said first.
    for (const n of lifecycleNotices(catalog, [cheap!, strong!], ctx.today())) out.notes.unshift(n.message);
    const task = mix.length === 1 ? mix[0]!.task : typeof opts.task === 'string' ? parseTask(opts.task) : undefined;
    let w: Workload =
      task && flags.input === undefined && flags.output === undefined
        ? workloadFor(task, 1)
        : { ...workload, requests: workload.requests ?? DEFAULT_REQUESTS };
    if (!task && mix.length > 1 && flags.input === undefined && flags.output === undefined) {
      // The cascade serves the whole mix: its average request.
      w = {
        ...w,
        input: mix.reduce((s, m) => s + m.share * m.task.profile.input, 0),
        output: mix.reduce((s, m) => s + m.share * m.task.profile.output, 0),
      };
      out.notes.push(
        `the cascade is priced for the mix's average request: ${Math.round(w.input!)} input and ${Math.round(w.output!)} output tokens`,
      );
    }
    if (w.input === undefined && w.output === undefined)
      throw new UserError(
        '--cascade needs tokens per request: --input and --output, or a --task',
        'for example --requests 1M --input 500 --output 100',
      );
    const judge = typeof opts.judgeCost === 'string' ? parseUsd(opts.judgeCost, '--judge-cost') : 0;
    out.cascade = cascade(cheap!, strong!, escalate, w, task, task ? catalog.modelsOf(task.category, true).models : [], judge);
  }
  if (format === 'json') return ctx.printJson(out);
  if (format === 'csv' || format === 'markdown') {
    const { renderResultCsv, renderResultMarkdown } = await import('../../render/records.js');
    return ctx.print(format === 'csv' ? renderResultCsv(out as never) : renderResultMarkdown(out as never));
  }
  const { renderRoute } = await import('../../render/advice.js');
  ctx.print(renderRoute(out, await ctx.style(), ctx.width));
}
