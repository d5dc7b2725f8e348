import { recommend, route, type RecommendResult, type RouteOutput } from '../../core/advice.js';
import { QUALITY_METHOD } from '../../core/advice.js';
import { describeWorkload } from '../../core/estimate.js';
import { defaultWorkload, PREFERENCES, type Constraints, type Preference } from '../../core/recommend.js';
import { TASK_IDS, TASKS, type TaskDef, type TaskId } from '../../core/tasks.js';
import type { Period, Workload } from '../../core/workload.js';
import { CancelledError, exitKindOf, UsageError, UserError } from '../../errors.js';
import { adviceOptions, parseBudget, parseMix, parseNeeds, parseTask, LONG_CONTEXT_TOKENS } from '../advice.js';
import type { Context } from '../context.js';
import { quantity as quantityFlag } from '../flags.js';
import { workloadFlags } from '../options.js';

/**
 * The interactive wizard: asks what the work is, the volume, tokens per request, needs, budget,
 * preference and providers, then prints the recommendation (or routing split), the cost table and
 * the equivalent command line. Every question has a flag; a flag given skips its question. The
 * prompts (from @inquirer/prompts, loaded only here) write to stderr, the terminal, so stdout
 * carries only the result.
 */

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
  checked?: boolean;
}

/** The part of @inquirer/prompts the wizard uses; tests inject a scripted one. */
export interface Prompts {
  select<T>(q: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(q: { message: string; choices: Choice<T>[] }): Promise<T[]>;
  input(q: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
}

export interface WizardAnswers {
  mode: 'task' | 'mix';
  task?: TaskDef;
  mix?: { task: TaskDef; share: number }[];
  requests: number;
  per: Period;
  input?: number;
  output?: number;
  needs: string[];
  budget?: string;
  prefer: Preference;
  providers?: string;
}

/** Flags that answer the wizard's questions, for the error listing them. */
export const WIZARD_FLAGS =
  '--task <task> (or --mix task=share,...) --requests <n> [--per day|month] [--input <tokens> --output <tokens>] [--needs vision,tools,json,long-context,open-weights,low-latency] [--budget 500/month] [--prefer cheapest|balanced|quality] [--providers a,b]';

const validateWith =
  (parse: (s: string) => unknown) =>
  (v: string): true | string => {
    try {
      parse(v);
      return true;
    } catch (e) {
      return exitKindOf(e) ? (e as Error).message : String(e);
    }
  };

export async function askQuestions(p: Prompts, flags: Record<string, unknown>): Promise<WizardAnswers> {
  const given = (k: string) => typeof flags[k] === 'string';
  const a: Partial<WizardAnswers> = {};

  // What the work is.
  if (given('mix')) {
    a.mode = 'mix';
    a.mix = parseMix(flags.mix as string);
  } else if (given('task')) {
    a.mode = 'task';
    a.task = parseTask(flags.task as string);
  } else {
    a.mode = await p.select<'task' | 'mix'>({
      message: 'What is the work?',
      choices: [
        { name: 'One kind of task', value: 'task', description: 'get a ranked recommendation' },
        { name: 'A mix of tasks', value: 'mix', description: 'get a routing split across models and its saving' },
      ],
      default: 'task',
    });
    const taskChoices: Choice<TaskId>[] = TASK_IDS.map((id) => ({ name: TASKS[id].label, value: id }));
    if (a.mode === 'task') {
      a.task = TASKS[await p.select<TaskId>({ message: 'Which task?', choices: taskChoices, default: 'classification' })];
    } else {
      const ids = await p.checkbox({ message: 'Which tasks are in the mix? (space to pick, enter to go on)', choices: taskChoices });
      if (ids.length === 0) throw new UserError('a mix needs at least one task', 'pick tasks with the space bar, or use --mix');
      const parts: string[] = [];
      let left = 100;
      for (const [i, id] of ids.entries()) {
        const last = i === ids.length - 1;
        const share = last
          ? String(left)
          : await p.input({
              message: `Share of requests for ${TASKS[id].label} (percent, ${left} left)`,
              default: String(Math.round(left / (ids.length - i))),
              validate: (v) => {
                const n = Number(v.replace(/%$/, ''));
                return /^\d+(\.\d+)?%?$/.test(v.trim()) && n > 0 && n < left ? true : `a percentage above 0 and below ${left}`;
              },
            });
        left -= Number(share.replace(/%$/, ''));
        parts.push(`${id}=${share.replace(/%$/, '')}`);
      }
      a.mix = parseMix(parts.join(','));
    }
  }

  // Volume.
  a.per = (flags.per as Period | undefined) ?? 'day';
  if (given('requests')) a.requests = quantityFlag(flags.requests as string, '--requests');
  else {
    if (!flags.per)
      a.per = await p.select<Period>({
        message: 'Volume per',
        choices: [
          { name: 'day', value: 'day' },
          { name: 'month', value: 'month' },
        ],
        default: 'day',
      });
    const v = await p.input({
      message: `Requests per ${a.per}`,
      default: '10k',
      validate: validateWith((s) => quantityFlag(s, '--requests')),
    });
    a.requests = quantityFlag(v, '--requests');
  }

  // Tokens per request (a single chat task; a mix uses each task's typical request).
  const single = a.mode === 'task' && a.task!.category !== 'reranking';
  if (given('input')) a.input = quantityFlag(flags.input as string, '--input');
  if (given('output')) a.output = quantityFlag(flags.output as string, '--output');
  if (single && a.input === undefined) {
    const v = await p.input({
      message: 'Input tokens per request',
      default: String(a.task!.profile.input),
      validate: validateWith((s) => quantityFlag(s, '--input')),
    });
    a.input = quantityFlag(v, '--input');
  }
  if (single && a.output === undefined && a.task!.category === 'chat') {
    const v = await p.input({
      message: 'Output tokens per request',
      default: String(a.task!.profile.output),
      validate: validateWith((s) => quantityFlag(s, '--output')),
    });
    a.output = quantityFlag(v, '--output');
  }

  // Needs, budget, preference, providers.
  if (given('needs'))
    a.needs = (flags.needs as string)
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  else
    a.needs = await p.checkbox({
      message: 'What does it need? (space to pick, enter for none)',
      choices: [
        { name: 'vision (image input)', value: 'vision' },
        { name: 'tool calling', value: 'tools' },
        { name: 'JSON / structured output', value: 'json' },
        { name: `long context (${LONG_CONTEXT_TOKENS / 1000}K tokens or more)`, value: 'long-context' },
        { name: 'open weights', value: 'open-weights' },
        { name: 'low latency (a reply within 1 s + 10 ms per output token, measured on its host)', value: 'low-latency' },
      ],
    });
  parseNeeds(a.needs.join(','));
  if (given('budget')) a.budget = (flags.budget as string).trim() || undefined;
  else {
    const v = await p.input({
      message: 'Budget (e.g. 500/month; empty for none)',
      default: '',
      validate: (s) => (s.trim() === '' ? true : validateWith((x) => parseBudget(x))(s)),
    });
    a.budget = v.trim() || undefined;
  }
  if (given('prefer')) a.prefer = flags.prefer as Preference;
  else
    a.prefer = await p.select<Preference>({
      message: 'What matters most?',
      choices: [
        { name: 'balanced: good enough for the task, then cheapest', value: 'balanced' },
        { name: 'cheapest', value: 'cheapest' },
        { name: 'best quality', value: 'quality' },
      ],
      default: 'balanced',
    });
  if (!PREFERENCES.includes(a.prefer)) throw new UserError(`--prefer must be one of ${PREFERENCES.join(', ')}`);
  if (given('providers')) a.providers = (flags.providers as string).trim() || undefined;
  else {
    const v = await p.input({ message: 'Providers you can use (comma-separated; empty for any)', default: '' });
    a.providers = v.trim() || undefined;
  }
  return a as WizardAnswers;
}

/** The non-interactive command that does what the wizard just did. */
export function equivalentCommand(a: WizardAnswers): string {
  const q = (s: string) => (/^[\w.,=/%:-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const parts = ['model-advisor'];
  if (a.mode === 'mix')
    parts.push('route', '--mix', q(a.mix!.map((m) => `${m.task.id}=${Number((m.share * 100).toPrecision(4))}`).join(',')));
  else parts.push('recommend', '--task', a.task!.id);
  parts.push('--requests', q(String(a.requests)), '--per', a.per);
  if (a.input !== undefined) parts.push('--input', String(a.input));
  if (a.output !== undefined) parts.push('--output', String(a.output));
  if (a.needs.length) parts.push('--needs', q(a.needs.join(',')));
  if (a.budget) parts.push('--budget', q(a.budget));
  if (a.mode === 'task') parts.push('--prefer', a.prefer);
  if (a.providers) parts.push('--providers', q(a.providers));
  return parts.join(' ');
}

export function answersToFlags(a: WizardAnswers): Record<string, unknown> {
  return {
    requests: String(a.requests),
    per: a.per,
    input: a.input === undefined ? undefined : String(a.input),
    output: a.output === undefined ? undefined : String(a.output),
    needs: a.needs.length ? a.needs.join(',') : undefined,
    budget: a.budget,
    prefer: a.prefer,
    providers: a.providers,
  };
}

export interface WizardResult {
  answers: WizardAnswers;
  command: string;
  result: RecommendResult | RouteOutput;
}

/** Runs the advice for the answers, exactly as the equivalent command would. */
export async function adviseFor(ctx: Context, a: WizardAnswers): Promise<WizardResult> {
  const flags = answersToFlags(a);
  const advice = adviceOptions(flags, ctx.today());
  const wf = workloadFlags(flags);
  const catalog = await ctx.catalog();
  const kinds = a.mode === 'task' ? [a.task!.category] : [...new Set(a.mix!.map((m) => m.task.category))];
  const parts = kinds.map((k) => catalog.modelsOf(k, !advice.constraints.includeUnrated));
  const models = parts.flatMap((p) => p.models);
  const unrated = parts.reduce((n, p) => n + p.unrated, 0);
  const base: Workload = { period: a.per, cached: 0, batch: 0, discount: 0, daysPerMonth: 30, requests: a.requests };
  if (a.mode === 'task') {
    const task = a.task!;
    const d = defaultWorkload(task, a.requests);
    const w: Workload =
      task.category === 'reranking'
        ? { ...d, period: a.per, searches: a.requests }
        : { ...base, input: wf.input ?? task.profile.input, output: wf.output ?? task.profile.output };
    const constraints: Constraints = { ...advice.constraints };
    return {
      answers: a,
      command: equivalentCommand(a),
      result: recommend(models, task, w, false, constraints, advice.prefer, advice.top, unrated),
    };
  }
  const workloadFor = (task: TaskDef, share: number): Workload => ({
    ...base,
    requests: a.requests * share,
    input: wf.input ?? task.profile.input,
    output: wf.output ?? task.profile.output,
  });
  const r = route(models, a.mix!, base, false, advice.constraints, {}, workloadFor);
  const { notes, workload, ...rest } = r;
  const out: RouteOutput = {
    schemaVersion: 1,
    command: 'route',
    workload: {
      ...workload,
      description: `${describeWorkload(base, false).description.replace(/ of \d[\d,.]* input and \d[\d,.]* output tokens/, '')}, split by the mix`,
    },
    constraints: advice.constraints,
    route: rest,
    cascade: null,
    notes,
    method: QUALITY_METHOD,
  };
  return { answers: a, command: equivalentCommand(a), result: out };
}

export async function wizardCommand(ctx: Context, opts: Record<string, unknown>): Promise<void> {
  return runWizard(ctx, opts);
}

/** The wizard with its prompts injectable (tests script the answers). */
export async function runWizard(ctx: Context, opts: Record<string, unknown>, prompts?: Prompts): Promise<void> {
  const interactive = ctx.io.stdinIsTTY && ctx.io.stdout.isTTY === true;
  const complete = (typeof opts.task === 'string' || typeof opts.mix === 'string') && typeof opts.requests === 'string';
  if (!interactive && !complete && !prompts)
    throw new UsageError(
      'the wizard asks questions, and stdin or stdout is not a terminal',
      `answer them with flags: model-advisor wizard ${WIZARD_FLAGS}`,
    );
  const p = prompts ?? (interactive ? await inquirerPrompts() : defaultAnswers);
  let answers: WizardAnswers;
  try {
    answers = await askQuestions(p, opts);
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError('cancelled');
    throw e;
  }
  const done = await adviseFor(ctx, answers);
  if (opts.json) return ctx.printJson({ ...done.result, equivalentCommand: done.command });
  const style = await ctx.style();
  const render = await import('../../render/advice.js');
  const text =
    done.result.command === 'recommend'
      ? render.renderRecommend(done.result, style, ctx.width)
      : render.renderRoute(done.result, style, ctx.width);
  ctx.print(`${text}\n\n${style.bold('Run this again without the questions:')}\n${(await import('../../render/wrap.js')).wrapCommand(done.command, ctx.width)}`);
}


/** Without a terminal (and with --task/--mix and --requests given), every other question takes its default. */
export const defaultAnswers: Prompts = {
  select: async (q) => q.default ?? q.choices[0]!.value,
  checkbox: async (q) => q.choices.filter((c) => c.checked).map((c) => c.value),
  input: async (q) => q.default ?? '',
};

/** @inquirer/prompts, writing to stderr (the terminal) so stdout stays the result's. */
async function inquirerPrompts(): Promise<Prompts> {
  const inq = await import('@inquirer/prompts');
  const context = { output: process.stderr, input: process.stdin, clearPromptOnDone: false };
  return {
    select: (q) => inq.select(q as Parameters<typeof inq.select>[0], context) as never,
    checkbox: (q) => inq.checkbox(q as Parameters<typeof inq.checkbox>[0], context) as never,
    input: (q) => inq.input(q, context),
  };
}
