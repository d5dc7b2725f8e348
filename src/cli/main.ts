import { join } from 'node:path';
import { Command, CommanderError, Help, Option } from 'commander';
import { exitKindOf, UsageError, type UserError } from '../errors.js';
import { Context, type GlobalOptions } from './context.js';
import { applyConfig, loadConfig, optionsByName } from './config.js';
import { organizeHelp } from './help.js';
import { terminalSafe } from './terminal-safe.js';
import { processIO, terminalWidth, type IO } from './io.js';
import { VERSION } from '../version.js';

/**
 * The commander program. Command modules load lazily in their actions, so `compare --json` does
 * not pay for the wizard. This file and run() are the only places that know about exit codes.
 */

export const EXIT = { ok: 0, user: 1, usage: 2, cancelled: 130 } as const;

const TASK_LIST =
  'classification, extraction, summarization, chat, rag, reranking, embedding, code, math, vision, translation, agentic, long-document';

function bundledCatalogPath(): string {
  // src/cli/main.ts and its build, dist/cli/main.js, both sit two levels below the package root.
  return join(import.meta.dirname, '..', '..', 'data', 'catalog.jsonl');
}

function addWorkloadOptions(cmd: Command): Command {
  return cmd
    .option('--requests <n>', 'requests per period (with --input/--output tokens per request)')
    .option('--input <tokens>', 'input tokens per request')
    .option('--output <tokens>', 'output tokens per request')
    .option('--input-tokens <n>', 'input tokens per period (instead of requests)')
    .option('--output-tokens <n>', 'output tokens per period (instead of requests)')
    .addOption(new Option('--per <period>', 'the period the volumes are per').choices(['day', 'week', 'month', 'year']))
    .option('--days-per-month <n>', 'days in a month for conversions', '30')
    .option('--cached <share>', 'share of input tokens read from the prompt cache, 0..1 or 40%')
    .option('--reasoning <effort>', "reasoning effort for reasoning models' hidden tokens: none, minimal, low, medium, high, xhigh (default: the model's own)")
    .option('--cache-writes <share>', 'share of input tokens written to the prompt cache, billed at the cache-write price (Anthropic: 1.25x input)')
    .option('--batch <share>', 'share of traffic sent through a batch API, 0..1 or 50%')
    .option('--discount <percent>', 'negotiated discount off the bill, in percent')
    .option('--searches <n>', 'reranker searches per period')
    .option('--docs-per-search <n>', 'documents reranked per search')
    .option('--tokens-per-doc <n>', 'tokens per document (per-token rerankers)')
    .option('--query-tokens <n>', 'tokens per rerank query');
}

function addOutputOptions(cmd: Command, formats = 'table|json|csv|markdown'): Command {
  return cmd.option('--json', 'print one JSON document (same as --format json)').option('--format <format>', formats);
}

const PROMPT_FILE = ['--prompt-file <file>', "input tokens per request: a prompt file's token count (the model's own tokenizer where public; else an estimate, said)"] as const;

const COMMANDS = ['models', 'list', 'show', 'catalog', 'cost', 'compare', 'recommend', 'route', 'replay', 'tokens', 'latency', 'wizard', 'schema', 'config', 'completion'];

/** The command a line invokes, when it names one: only that one need be built. */
export function invokedCommand(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--catalog' || a === '--as-of') {
      i++;
      continue;
    }
    if (a.startsWith('-')) continue;
    return COMMANDS.includes(a) ? (a === 'list' ? 'models' : a) : undefined;
  }
  return undefined;
}

export function buildProgram(io: IO, ctxFor: (cmd: Command) => Context, wantsJson = false, only?: string, forHelp = true): Command {
  // Building every command's options costs start-up time; a line that names its command gets
  // just that one (help and unknown commands get them all, for listings and suggestions).
  const want = (name: string) => only === undefined || only === name;
  const program = new Command('model-advisor');
  program
    .description('What LLM API models cost at your volume, how they compare, and which to use: offline, from a bundled, sourced catalog.')
    .option('-V, --version', 'print the version')
    .option(
      '--catalog <file>',
      'layer a catalog file over the bundled one (our schema, models.dev, LiteLLM or genai-prices format); repeat to layer several, in order',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('--as-of <date>', 'the day to advise for (YYYY-MM-DD): prices in force and models served then (default: today)')
    .option('--bundled', 'use the bundled catalog, not the one `catalog update` left in the cache')
    .option('-q, --quiet', 'no warnings on stderr')
    .option('--verbose', 'say on stderr what each --catalog file adds and overrides, entry by entry')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: () => {}, // reported by run's handler, with a hint
      // Help fits the terminal (COLUMNS, else the tty's width, else 80), as every other output does.
      getOutHelpWidth: () => terminalWidth(io),
      getErrHelpWidth: () => terminalWidth(io),
    })
    .configureHelp({
      // In a narrow terminal a flag's description goes under it instead of beside it.
      minWidthToWrap: 20,
      formatItem(term, termWidth, description, helper) {
        const width = helper.helpWidth ?? 80;
        if (!description || width - termWidth - 4 >= 36) return Help.prototype.formatItem.call(this, term, termWidth, description, helper);
        const text = helper.boxWrap(description, width - 6).replace(/\n/g, '\n      ');
        return `  ${term}\n      ${text}`;
      },
    });

  // The version, as text, or as one JSON document when --json is anywhere on the line.
  program.on('option:version', () => {
    io.stdout.write(wantsJson ? `${JSON.stringify({ schemaVersion: 1, command: 'version', version: VERSION })}\n` : `${VERSION}\n`);
    throw new CommanderError(0, 'commander.version', VERSION);
  });

  const lazy =
    <A extends unknown[]>(load: () => Promise<(ctx: Context, ...args: A) => Promise<void>>) =>
    async (...args: A) => {
      const cmd = args[args.length - 1] as Command;
      const fn = await load();
      await fn(ctxFor(cmd), ...args);
    };

  if (want('models'))
    addOutputOptions(
      program
        .command('models')
        .alias('list')
        .description('list and filter the catalog')
        .option('--category <category>', 'chat, embedding, reranking or moderation')
        .option('--provider <id>', 'only models sold by this provider')
        .option('--lab <id>', 'only models made by this lab')
        .option('--capability <names>', 'comma-separated: tools, structuredOutput (json), vision, reasoning, promptCaching, batchApi')
        .option('--open-weights', 'only open-weight models')
        .option('--min-context <tokens>', 'minimum context window')
        .option('--max-input-price <usd>', 'maximum input price per 1M tokens (reference or cheapest plausible offer)')
        .option('--max-output-price <usd>', 'maximum output price per 1M tokens')
        .option('--search <text>', 'text search in id, name, lab and aliases')
        .addOption(
          new Option('--sort <key>', 'sort order')
            .choices(['id', 'price', 'input-price', 'output-price', 'context', 'release'])
            .default('id'),
        )
        .option('--limit <n>', 'show at most n models (0: all)', '50')
        .option('--include-deprecated', 'include models their makers have deprecated (still served, shutdown announced)')
        .option('--include-retired', 'include models their makers no longer serve'),
    ).action(lazy(async () => (await import('./commands/models.js')).modelsCommand));

  if (want('show'))
    addOutputOptions(
      program
        .command('show')
        .description('the full card of one model: specs, capabilities, benchmarks, every offer with sources')
        .argument('<model>', 'model id, alias or provider-qualified id (openai/gpt-4o-mini)'),
    ).action(lazy(async () => (await import('./commands/show.js')).showCommand));

  if (want('catalog')) {
    const catalog = program.command('catalog').description('the catalog itself: sources, counts, validating a user file, updating it from the live databases');
    addOutputOptions(catalog.command('info').description('sources, capture dates, counts by category and provider'), 'table|json').action(
      lazy(async () => (await import('./commands/catalog.js')).catalogInfoCommand),
    );
    addOutputOptions(
      catalog
        .command('validate')
        .description('check a catalog file (our schema, models.dev, LiteLLM or genai-prices) without using it')
        .argument('<file>'),
      'table|json',
    ).action(lazy(async () => (await import('./commands/catalog.js')).catalogValidateCommand));
    addOutputOptions(
      catalog
        .command('update')
        .description('rebuild the catalog from the live models.dev, LiteLLM and genai-prices databases into your cache; every command then uses it')
        .option('--mirror <base-url>', 'fetch from a mirror serving <base>/models.dev/api.json, <base>/litellm/model_prices_and_context_window.json, <base>/genai-prices/data.json')
        .option(
          '--source <name=url|file>',
          'fetch one source from elsewhere: models.dev, litellm or genai-prices = a URL or a file; repeatable',
          (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
        )
        .option('--timeout <seconds>', 'give up on a source after this long (default 60)')
        .option('--min-models <n>', 'refuse a source with fewer models than this (default 100)')
        .option('--force', 'accept sources whose model count moved far from the last update'),
      'table|json',
    ).action(lazy(async () => (await import('./commands/catalog-update.js')).catalogUpdateCommand));
    addOutputOptions(catalog.command('diff').description('what the last catalog update changed: prices, new models, retirements'), 'table|json').action(
      lazy(async () => (await import('./commands/catalog-update.js')).catalogDiffCommand),
    );
    addOutputOptions(catalog.command('reset').description('remove the updated catalog from the cache: commands use the bundled one again'), 'table|json').action(
      lazy(async () => (await import('./commands/catalog-update.js')).catalogResetCommand),
    );
  }

  if (want('cost'))
    addOutputOptions(
      addWorkloadOptions(
        program
          .command('cost')
          .description('what a workload costs on one or more models, per request, day, week, month and year')
          .argument('<models...>', 'one or more models')
          .option('--provider <id>', "price with this provider's offer")
          .option('--cheapest', 'price with the cheapest plausible offer')
          .option('--successor', "for a retired or deprecated model, price its maker's named successor beside it")
          .option(...PROMPT_FILE),
      ),
    ).action(lazy(async () => (await import('./commands/cost.js')).costCommand));

  if (want('compare'))
    addOutputOptions(
      addWorkloadOptions(
        program
          .command('compare')
          .description('side-by-side feature table, workload cost and verdicts for two or more models')
          .argument('<models...>', 'two or more models')
          .option('--provider <id>', "price every model with this provider's offer")
          .option('--cheapest', 'price every model with its cheapest plausible offer')
          .option('--full', 'every fact, every benchmark row and every verdict (default: the facts that differ, up to 5 shared benchmarks)')
          .option('--successor', "for a retired or deprecated model, add its maker's named successor to the comparison")
          .option(...PROMPT_FILE),
      ),
    ).action(lazy(async () => (await import('./commands/compare.js')).compareCommand));

  const addAdviceOptions = (cmd: Command) =>
    cmd
      .option('--needs <list>', 'comma-separated: tools, json, vision, reasoning, long-context, open-weights, low-latency')
      .option('--min-context <tokens>', 'minimum context window')
      .option('--max-latency <ms>', 'longest end-to-end time of one request: first token + output at the measured speed (800ms, 3s)')
      .option('--budget <amount/period>', 'maximum cost, e.g. 500/month or 20/day')
      .option('--open-weights', 'only open-weight models')
      .option('--providers <list>', 'only offers from these providers, comma-separated')
      .option('--quality-floor <bar>', 'minimum task quality 0-100, or per task: math=70,classification=30')
      .option('--include-unrated', 'also consider models without benchmark evidence for the task')
      .option('--include-deprecated', 'also rank models whose shutdown is announced (with its date); retired ones never are')
      .option('--min-evidence <k>', 'rank only models rated on at least k of the task\'s benchmarks (default 2)');

  if (want('recommend'))
    addOutputOptions(
      addAdviceOptions(
        addWorkloadOptions(
          program
            .command('recommend')
            .description('which model for a task, under constraints: ranked with quality evidence and cost')
            .option('--task <task>', `the task: ${TASK_LIST}`)
            .addOption(new Option('--prefer <how>', 'ranking').choices(['cheapest', 'balanced', 'quality']))
            .option('--top <n>', 'how many to show', '5')
            .option(...PROMPT_FILE),
        ),
      ),
    ).action(lazy(async () => (await import('./commands/recommend.js')).recommendCommand));

  if (want('route'))
    addOutputOptions(
      addAdviceOptions(
        addWorkloadOptions(
          program
            .command('route')
            .description('split a task mix across models: the cheapest good-enough model per task, and the saving')
            .option('--mix <task=share,...>', 'the task mix, e.g. classification=70,summarization=20,math=10')
            .option('--pipeline <task,...>', 'stages every request passes in order, e.g. embedding,reranking,rag')
            .option('--cascade <cheap,strong>', 'price a cascade: every request on cheap, a share escalated to strong')
            .option('--escalate <share>', 'share of requests the cascade escalates, 0..1 or 20%')
            .option('--task <task>', 'the task the cascade serves (for its quality evidence)')
            .option('--misroute <share>', "share of requests the router sends to the wrong task's model (priced on the dearest leg's model)")
            .option('--router-cost <usd>', 'what the router costs, USD per 1,000 requests')
            .option('--judge-cost <usd>', "what the cascade's escalation judge costs, USD per 1,000 requests"),
        ),
      ),
    ).action(lazy(async () => (await import('./commands/route.js')).routeCommand));

  if (want('replay'))
    addOutputOptions(
      program
        .command('replay')
        .description('reprice a usage log (OpenAI, Anthropic, OpenTelemetry GenAI, LiteLLM or CSV) and say what the same tokens cost on other models')
        .argument('<files...>', 'usage files (gzipped or not); the format is told from the content')
        // --format is the output format everywhere; the log's own format is --input-format.
        .addOption(new Option('--input-format <name>', 'read the files as this format instead of detecting it').choices(['csv', 'openai', 'anthropic', 'otel', 'litellm']))
        .option('--on <models...>', 'also price the same tokens on these models (provider/model for a given offer)')
        .option('--strict', 'unknown models, unreadable rows and records outside the catalog\'s dates are errors (exit 1)'),
    ).action(lazy(async () => (await import('./commands/replay.js')).replayCommand));

  if (want('tokens'))
    addOutputOptions(
      program
        .command('tokens')
        .description("count a prompt's tokens with the model's own tokenizer where one is public (an estimate, said as such, where not)")
        .argument('<file>', 'a text file, or - for standard input')
        .option('--model <models...>', 'models to count for (default: gpt-4o, o200k_base)'),
      'table|json',
    ).action(lazy(async () => (await import('./commands/tokens.js')).tokensCommand));

  if (want('latency')) {
    const latency = program.command('latency').description('latency measured on your own account');
    addOutputOptions(
      latency
        .command('probe')
        .description(
          'time N streamed requests with your own key (OPENAI_API_KEY, ANTHROPIC_API_KEY, GEMINI_API_KEY, ...): time to first token and output speed, median and p90; saved as "measured on your account" for every later command',
        )
        .argument('<model>', 'model id, alias or provider-qualified id (anthropic/claude-haiku-4-5)')
        .option('--provider <id>', "the offer to probe (default: the model maker's API)")
        .option('--runs <n>', 'requests to time, one after another', '5')
        .option('--prompt-tokens <n>', 'about this many input tokens per request', '1000')
        .option('--max-tokens <n>', 'output tokens asked for per request', '256')
        .option('--base-url <url>', 'an OpenAI-compatible endpoint (https://host/v1): a proxy, a gateway or a local server; Anthropic\'s API when --provider anthropic')
        .option('--timeout <seconds>', 'longest wait for one request', '120')
        .option('--no-save', 'print the result without saving it')
        .option('--yes', 'do not ask before spending (needed where there is no terminal to ask at)'),
      'table|json',
    ).action(lazy(async () => (await import('./commands/latency.js')).latencyProbeCommand));
  }

  if (want('wizard'))
    addOutputOptions(
      addAdviceOptions(
        addWorkloadOptions(
          program
            .command('wizard')
            .description('answer a few questions, get a recommendation or routing split and the command that repeats it')
            .option('--task <task>', 'the task (skips the question)')
            .option('--mix <task=share,...>', 'a task mix (skips the question)')
            .addOption(new Option('--prefer <how>', 'ranking').choices(['cheapest', 'balanced', 'quality'])),
        ),
      ),
      'table|json',
    )
      .action(lazy(async () => (await import('./commands/wizard.js')).wizardCommand));
  // The wizard counts requests: token totals per period are for the other commands.
  if (want('wizard')) for (const o of program.commands.find((c) => c.name() === 'wizard')!.options) if (o.long === '--input-tokens' || o.long === '--output-tokens') o.hideHelp();

  if (want('schema'))
    program
      .command('schema')
      .description('the JSON Schema of a command\'s --json output ("schema cost"), or of the catalog file format ("schema catalog")')
      .argument('<command...>', 'a command name, e.g. cost, compare, "catalog info", catalog')
      .action(lazy(async () => (await import('./commands/schema.js')).schemaCommand));

  if (want('config'))
    addOutputOptions(
      program
        .command('config')
        .description('the config file in use and the defaults it sets (any long flag, by camelCase name; flags given win)'),
      'table|json',
    ).action(lazy(async () => (await import('./commands/config.js')).configCommand));

  if (want('completion'))
    program
      .command('completion')
      .description('print a shell completion script: commands, flags, task names and model ids')
      .argument('<shell>', 'bash, zsh or fish')
      .action(lazy(async () => (await import('./commands/completion.js')).completionCommand));

  // Help's groups, defaults and examples cost start-up time; a line that cannot show help skips them.
  if (forHelp) organizeHelp(program, terminalWidth(io));
  return program;
}

/** Runs the CLI on argv; returns the exit code. Never throws, never exits. */
export async function main(argv: string[], io: IO): Promise<number> {
  let program: Command | undefined;
  try {
    const ctxFor = (cmd: Command) => new Context(io, cmd.optsWithGlobals() as GlobalOptions, bundledCatalogPath);
    const only = invokedCommand(argv);
    // Help shows for -h/--help/help, for no or an unknown command, and for a command group alone ("catalog").
    const mayShowHelp = only === undefined || argv.length <= 1 || argv.some((a) => a === '-h' || a === '--help' || a === 'help');
    program = buildProgram(io, ctxFor, argv.includes('--json'), only, mayShowHelp);
    const config = loadConfig(io);
    if (config)
      applyConfig(program, config, argv, () => {
        const built = optionsByName(program!);
        // A key none of the built commands takes may be another command's: check against them all.
        const unknown = Object.keys(config.values).some((k) => !built.has(k));
        return unknown ? optionsByName(buildProgram(io, ctxFor, false)) : built;
      });
    if (argv.length === 0) {
      // At a terminal, no arguments start the wizard; anywhere else they are a usage error.
      if (!(io.stdinIsTTY && io.stdout.isTTY))
        throw new UsageError('no command given', 'try: model-advisor compare gpt-4o-mini gpt-4o, or model-advisor --help for the commands');
      argv = ['wizard'];
    }
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    return report(e, io);
  }
}

/**
 * An error or hint line as a person reads it at a terminal: wrapped to its width at spaces, the
 * continuation indented. Piped or redirected, a message stays one line, for grep and logs.
 */
function forStderr(io: IO, label: string, text: string): string {
  const line = `${label}: ${text}`;
  if (!io.stderr.isTTY) return line;
  const width = terminalWidth(io);
  return line
    .split('\n')
    .map((l) => {
      const out: string[] = [];
      let cur = '';
      for (const word of l.split(' ')) {
        if (cur && (cur + ' ' + word).length > width) {
          out.push(cur);
          cur = `  ${word}`;
        } else cur = cur ? `${cur} ${word}` : word;
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

function report(e: unknown, io: IO): number {
  const say = (label: string, msg: string, hint?: string) => {
    io.stderr.write(`${forStderr(io, label, terminalSafe(msg, false))}\n`);
    if (hint) io.stderr.write(`${forStderr(io, 'hint', terminalSafe(hint, false))}\n`);
  };
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.ok;
    const msg = e.message.replace(/^error: /, '');
    say('error', msg, 'run with --help to see the commands and flags');
    return EXIT.usage;
  }
  const kind = exitKindOf(e);
  if (kind === 'cancelled') return EXIT.cancelled;
  if (kind === 'usage' || kind === 'user') {
    const err = e as UserError;
    say('error', err.message, err.hint);
    return kind === 'usage' ? EXIT.usage : EXIT.user;
  }
  if (isEpipe(e)) return EXIT.ok;
  const code = typeof e === 'object' && e !== null ? (e as NodeJS.ErrnoException).code : undefined;
  if (code && WRITE_ERRORS.has(code)) {
    try {
      io.stderr.write(`error: cannot write the output (${code})\n`);
    } catch {
      // stderr is gone too: the exit code says it.
    }
    return EXIT.user;
  }
  const err = e as Error;
  io.stderr.write(
    `internal error: ${err?.stack ?? String(e)}\nThis is a bug in model-advisor; please report it with the command you ran.\n`,
  );
  return 70;
}

function restoreTerminal(): void {
  try {
    if (process.stdin.isTTY && process.stdin.isRaw) process.stdin.setRawMode(false);
    // Show the cursor again (the prompts hide it on stdout).
    const tty = process.stdout.isTTY ? process.stdout : process.stderr.isTTY ? process.stderr : undefined;
    tty?.write('\u001b[?25h');
  } catch {
    // Nothing to restore.
  }
}

/** Output that cannot be written (a full disk, a closed descriptor): said in one line, exit 1. */
const WRITE_ERRORS = new Set(['ENOSPC', 'EIO', 'EBADF', 'EDQUOT', 'EFBIG', 'ECONNRESET']);

function isEpipe(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as NodeJS.ErrnoException).code === 'EPIPE';
}

/** The bin entry: real process IO, exit code set when the work is done. */
export function run(): void {
  const io = processIO();
  // When nothing is left to do, exit at once. 'beforeExit' fires only once no write or other work
  // is pending, and exiting here skips Node's orderly teardown of the heap, which costs a start-up
  // sized command about 5 ms for nothing.
  process.once('beforeExit', () => process.exit());
  // A terminal signal ends the run with the conventional code, and leaves the terminal usable (the
  // wizard may have hidden the cursor or set raw mode).
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)
    process.once(signal, () => {
      restoreTerminal();
      process.exit(code);
    });
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 70;
    },
  );
}
