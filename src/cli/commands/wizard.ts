import { PREFERENCES, type Preference } from '../../core/recommend.js';
import { TASK_IDS, TASKS, type TaskDef, type TaskId } from '../../core/tasks.js';
import type { Period } from '../../core/workload.js';
import { CancelledError, exitKindOf, UsageError, UserError } from '../../errors.js';
import { parseBudget, parseMix, parseNeeds, parseTask, LONG_CONTEXT_TOKENS } from '../advice.js';
import type { Context, GlobalOptions } from '../context.js';
import { quantity as quantityFlag } from '../flags.js';

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
  '--task <task> (or --mix task=share,...) --requests <n> [--per day|month] [--input <tokens> --output <tokens>] [--needs vision,tools,json,long-context,open-weights,low-latency] [--budget 500/month] [--prefer cheapest|balanced|quality] [--providers a,b], and any flag of recommend or route (model-advisor wizard --help)';

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
      // Picking nothing asks again (a prompt that says why), rather than ending the wizard.
      let ids = await p.checkbox({ message: 'Which tasks are in the mix? (space to pick, enter to go on)', choices: taskChoices });
      for (let tries = 0; ids.length === 0; tries++) {
        if (tries >= 5) throw new UserError('a mix needs at least one task', 'pick tasks with the space bar, or use --mix');
        ids = await p.checkbox({ message: 'Pick at least one task with the space bar, then enter', choices: taskChoices });
      }
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
  // A reranker's volume is searches (--searches); everything else counts requests.
  const reranking = a.mode === 'task' && a.task!.category === 'reranking';
  const unit = reranking ? 'Searches' : 'Requests';
  if (given('requests')) a.requests = quantityFlag(flags.requests as string, '--requests');
  else if (reranking && given('searches')) a.requests = quantityFlag(flags.searches as string, '--searches');
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
      message: `${unit} per ${a.per}`,
      default: '10k',
      validate: validateWith((s) => quantityFlag(s, reranking ? '--searches' : '--requests')),
    });
    a.requests = quantityFlag(v, reranking ? '--searches' : '--requests');
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
  else {
    // Only the needs that mean something for the kind of model asked for (a reranker has no vision or tools).
    const chat = a.mode === 'mix' || a.task!.category === 'chat';
    const choices: Choice<string>[] = [
      ...(chat
        ? [
            { name: 'vision (image input)', value: 'vision' },
            { name: 'tool calling', value: 'tools' },
            { name: 'JSON / structured output', value: 'json' },
            { name: `long context (${LONG_CONTEXT_TOKENS / 1000}K tokens or more)`, value: 'long-context' },
          ]
        : []),
      { name: 'open weights', value: 'open-weights' },
      ...(chat ? [{ name: 'low latency (the faster half of what qualifies, by measured end-to-end time)', value: 'low-latency' }] : []),
    ];
    a.needs = await p.checkbox({ message: 'What does it need? (space to pick, enter for none)', choices });
  }
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
  // A mix routes each task to its cheapest model that clears the bar: there is no ranking to prefer.
  if (a.mode === 'mix') a.prefer = 'balanced';
  else if (given('prefer')) a.prefer = flags.prefer as Preference;
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

/**
 * The wizard's flags that pass straight to the command it runs, in the order the printed command
 * gives them (camelCase option name, flag). The answers fill --task or --mix, --requests (or
 * --searches), --per, --input, --output, --needs, --budget, --prefer and --providers.
 */
const PASSED: [string, string][] = [
  ['task', '--task'],
  ['mix', '--mix'],
  ['requests', '--requests'],
  ['searches', '--searches'],
  ['per', '--per'],
  ['input', '--input'],
  ['output', '--output'],
  ['daysPerMonth', '--days-per-month'],
  ['cached', '--cached'],
  ['cacheWrites', '--cache-writes'],
  ['batch', '--batch'],
  ['discount', '--discount'],
  ['reasoning', '--reasoning'],
  ['docsPerSearch', '--docs-per-search'],
  ['tokensPerDoc', '--tokens-per-doc'],
  ['queryTokens', '--query-tokens'],
  ['needs', '--needs'],
  ['minContext', '--min-context'],
  ['maxLatency', '--max-latency'],
  ['budget', '--budget'],
  ['openWeights', '--open-weights'],
  ['providers', '--providers'],
  ['qualityFloor', '--quality-floor'],
  ['includeUnrated', '--include-unrated'],
  ['includeDeprecated', '--include-deprecated'],
  ['minEvidence', '--min-evidence'],
  ['prefer', '--prefer'],
];

export interface WizardPlan {
  command: 'recommend' | 'route';
  /** The options the command runs with: the answers over every other flag given. */
  opts: Record<string, unknown>;
  /** The command line that does the same, global flags (--catalog, --as-of, --bundled) included. */
  line: string;
}

/** The command that does what the wizard was asked: the answers, plus every other flag given. */
export function planFor(a: WizardAnswers, flags: Record<string, unknown>, globals: GlobalOptions = {}): WizardPlan {
  const reranking = a.mode === 'task' && a.task!.category === 'reranking';
  if (flags.inputTokens !== undefined || flags.outputTokens !== undefined)
    throw new UserError('the wizard counts requests: --input-tokens and --output-tokens are for cost, compare and recommend', 'give --requests with --input and --output per request');
  const opts: Record<string, unknown> = {};
  for (const [k] of PASSED) if (flags[k] !== undefined && flags[k] !== false) opts[k] = flags[k];
  delete opts.task;
  delete opts.mix;
  if (a.mode === 'mix') {
    if (typeof flags.prefer === 'string')
      throw new UserError('--prefer ranks the models for one task; a mix gives each task its cheapest model that clears the bar', 'drop --prefer, or ask for one --task');
    opts.mix = a.mix!.map((m) => `${m.task.id}=${Number((m.share * 100).toPrecision(4))}`).join(',');
    delete opts.prefer;
  } else {
    opts.task = a.task!.id;
    opts.prefer = a.prefer;
  }
  // A reranker's volume is searches; the question asked for searches.
  if (reranking && flags.searches === undefined) delete opts.requests;
  if (reranking) opts.searches ??= String(a.requests);
  else opts.requests = String(a.requests);
  opts.per = a.per;
  if (a.input !== undefined) opts.input = String(a.input);
  if (a.output !== undefined) opts.output = String(a.output);
  if (a.needs.length) opts.needs = a.needs.join(',');
  else delete opts.needs;
  if (a.budget) opts.budget = a.budget;
  else delete opts.budget;
  if (a.providers) opts.providers = a.providers;
  else delete opts.providers;

  const q = (s: string) => (/^[\w.,=/%:@+-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  const parts = ['model-advisor'];
  const catalogs = globals.catalog === undefined ? [] : Array.isArray(globals.catalog) ? globals.catalog : [globals.catalog];
  for (const c of catalogs) parts.push('--catalog', q(c));
  if (globals.asOf) parts.push('--as-of', q(globals.asOf));
  if (globals.bundled) parts.push('--bundled');
  const command = a.mode === 'mix' ? 'route' : 'recommend';
  parts.push(command);
  for (const [k, flag] of PASSED) {
    const v = opts[k];
    // --days-per-month carries its default (30) whether given or not: the line leaves it out then.
    if (v === undefined || v === false || (k === 'daysPerMonth' && v === '30')) continue;
    parts.push(flag);
    if (v !== true) parts.push(q(String(v)));
  }
  return { command, opts, line: parts.join(' ') };
}

export async function wizardCommand(ctx: Context, opts: Record<string, unknown>): Promise<void> {
  return runWizard(ctx, opts);
}

/**
 * The wizard with its prompts injectable (tests script the answers). The answers become the
 * command line it prints, and that command runs as it would on its own: same validation, same
 * output, every flag given applied.
 */
export async function runWizard(ctx: Context, opts: Record<string, unknown>, prompts?: Prompts): Promise<void> {
  const format = ctx.format(opts as { json?: boolean; format?: string }, ['table', 'json']);
  const interactive = ctx.io.stdinIsTTY && ctx.io.stdout.isTTY === true;
  const complete = (typeof opts.task === 'string' || typeof opts.mix === 'string') && (typeof opts.requests === 'string' || typeof opts.searches === 'string');
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
  const plan = planFor(answers, opts, ctx.globals);
  const run =
    plan.command === 'recommend' ? (await import('./recommend.js')).recommendCommand : (await import('./route.js')).routeCommand;
  if (format === 'json') {
    // The command's own JSON, with the command line that gives it.
    const sub = Object.create(ctx) as Context;
    sub.printJson = (value: unknown) => ctx.printJson({ ...(value as object), equivalentCommand: plan.line });
    return run(sub, { ...plan.opts, json: true });
  }
  await run(ctx, plan.opts);
  const style = await ctx.style();
  const { wrapCommand } = await import('../../render/wrap.js');
  ctx.print(`\n${style.bold('Run this again without the questions:')}\n${wrapCommand(plan.line, ctx.width)}`);
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
