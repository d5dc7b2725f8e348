import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../support/cli.js';

/**
 * Fuzzing the CLI in process: argv built from the words it knows, and catalog files whose entries
 * carry hostile values. Whatever comes in, a run ends with 0, 1 or 2 (never 70, the internal
 * error), never prints a stack trace, prints one JSON document when asked for JSON, and never lets a
 * control character, escape sequence or bidi override reach the terminal raw.
 *
 * CI runs a fixed seed; `npm run fuzz` runs many more cases with a random seed and prints it, and
 * FUZZ_SEED=<n> replays a failure.
 */
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
// A long run takes longer than a test normally may.
const TIMEOUT = Math.max(60_000, RUNS * 150);
if (process.env.FUZZ_RUNS) console.log(`fuzz: seed ${SEED}, ${RUNS} runs per property (FUZZ_SEED=${SEED} replays it)`);

// Raw in text for people: C0 controls but tab and newline, DEL, C1, bidi marks (tests run with colour off).
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Exit codes seen, per property: printed by `npm run fuzz`, so a run that only hits usage errors shows. */
const seen: Record<string, Record<number, number>> = {};
const tally = (property: string, code: number) => {
  const t = (seen[property] ??= {});
  t[code] = (t[code] ?? 0) + 1;
};
afterAll(() => {
  if (process.env.FUZZ_RUNS) for (const [p, t] of Object.entries(seen)) console.log(`fuzz: ${p}: exit codes ${JSON.stringify(t)}`);
});

function checkRun(argv: string[], r: CliRun): void {
  const where = `model-advisor ${JSON.stringify(argv)} -> ${r.code}\n${r.stderr.slice(0, 400)}`;
  expect([0, 1, 2], where).toContain(r.code);
  expect(r.stderr, where).not.toMatch(/internal error|\n\s+at [^\n]*:\d+:\d+/);
  expect(RAW.test(r.stderr), `stderr: ${where}`).toBe(false);
  const json = argv.includes('--json') || argv.some((a, i) => a === '--format' && argv[i + 1] === 'json');
  if (json && r.code === 0 && r.stdout !== '') {
    const parsed = JSON.parse(r.stdout) as unknown;
    // Costs are numbers or null, never NaN or Infinity smuggled in as strings.
    expect(r.stdout, where).not.toMatch(/"(NaN|Infinity|-Infinity)"/);
    expect(parsed, where).toBeTypeOf('object');
  } else {
    expect(RAW.test(r.stdout), `stdout: ${where}`).toBe(false);
    expect(r.stdout, where).not.toMatch(/\$NaN|\$Infinity|Infinityx|NaN%/);
  }
}

const hostile = fc.constantFrom(
  '\u001b[2J',
  '\u001b]0;pwned\u0007',
  '\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\',
  'a\rb',
  '\u202eevil',
  '\u0085',
  '=HYPERLINK("https://evil.example")',
  '+1',
  '-1',
  '@SUM(A1)',
  'x'.repeat(300),
  '',
  ' ',
  '💥',
  '__proto__',
);
const number = fc.constantFrom('0', '1', '-1', '1e300', '1e-300', 'NaN', 'Infinity', '0x10', '1_000', '10k', '2.5M', '50%', '150%', '1/day', '3/month', '');
const model = fc.constantFrom('gpt-4o-mini', 'claude-sonnet-4-6', 'bge-reranker-v2', 'gpt-5', 'o3', 'gemini', 'claude', 'gpt4o-mini', 'gpt-4o-minii', 'mistral-large');
const WORKLOAD = ['--requests', '--input', '--output', '--input-tokens', '--output-tokens', '--per', '--days-per-month', '--cached', '--reasoning', '--cache-writes', '--batch', '--discount', '--searches', '--docs-per-search'];
const CONSTRAINTS = ['--needs', '--min-context', '--max-latency', '--budget', '--open-weights', '--providers', '--quality-floor', '--include-unrated', '--include-deprecated', '--min-evidence'];
const OUTPUT = ['--json', '--format', '--quiet', '--verbose', '--as-of'];
// Each command, how many models it takes, and the flags it takes (a flag it does not take is a
// usage error, tried by the stray word below).
const COMMANDS: [string[], number, number, string[]][] = [
  [['cost'], 1, 3, [...WORKLOAD, '--provider', '--cheapest', '--successor', '--prompt-file', ...OUTPUT]],
  [['compare'], 2, 3, [...WORKLOAD, '--provider', '--cheapest', '--successor', '--prompt-file', ...OUTPUT]],
  [['replay', 'test/fixtures/replay/generic.csv'], 0, 0, ['--on', '--strict', '--input-format', ...OUTPUT]],
  [['tokens', 'test/fixtures/replay/prompt.txt'], 0, 0, ['--model', '--json', '--format', '--quiet', '--as-of']],
  [['show'], 1, 1, OUTPUT],
  [['models'], 0, 0, ['--limit', '--search', '--category', '--provider', '--lab', '--capability', '--open-weights', '--min-context', '--max-input-price', '--include-deprecated', '--include-retired', ...OUTPUT]],
  [['recommend'], 0, 0, ['--task', '--task', '--prefer', '--top', '--prompt-file', ...WORKLOAD, ...CONSTRAINTS, ...OUTPUT]],
  [['route'], 0, 0, ['--mix', '--mix', '--pipeline', '--cascade', '--escalate', '--task', '--misroute', '--router-cost', '--judge-cost', ...WORKLOAD, ...CONSTRAINTS, ...OUTPUT]],
  [['catalog', 'info'], 0, 0, OUTPUT],
  [['schema'], 0, 0, ['--json']],
];
const SWITCHES = new Set(['--strict', '--json', '--quiet', '--verbose', '--cheapest', '--successor', '--open-weights', '--include-unrated', '--include-deprecated', '--include-retired', '--cascade']);
const value = fc.oneof(
  number,
  model,
  hostile,
  fc.constantFrom('json', 'csv', 'markdown', 'table', 'day', 'month', 'chat', 'code', 'math', 'quality', 'cheapest', 'balanced', 'classification=70,extraction=30', 'embedding,reranking,rag', 'high', 'none', 'tools,vision', '2026-12-02', '9999-99-99', 'openai', 'anthropic'),
);
// A command, its models and flag-value pairs (so most lines get past the parser into the work),
// sometimes a stray word anywhere.
const commandLine = fc
  .constantFrom(...COMMANDS)
  .chain(([cmd, min, max, flags]) =>
    fc.tuple(
      fc.constant(cmd),
      fc.array(model, { minLength: min, maxLength: max }),
      fc.array(fc.tuple(fc.constantFrom(...flags), value), { maxLength: 4 }),
      fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: fc.oneof(model, value, fc.constantFrom('--frobnicate', '--task', '--json')), weight: 1 }),
    ),
  )
  .map(([cmd, models, pairs, stray]) => [
    ...cmd,
    ...models,
    ...pairs.flatMap(([f, v]) => (SWITCHES.has(f) ? [f] : [f, v])),
    ...(stray === null ? [] : [stray]),
  ]);

describe('fuzz: argv', () => {
  it('any command line ends in 0, 1 or 2 with safe, well-formed output', async () => {
    await fc.assert(
      fc.asyncProperty(commandLine, async (argv) => {
        const r = await runCli(argv);
        tally('argv', r.code);
        checkRun(argv, r);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});

// Catalog entries in our format, each field drawn from good and hostile values.
const text = fc.oneof(hostile, fc.string({ maxLength: 12 }), fc.constantFrom('acme', 'Acme Model'));
const price = fc.oneof(fc.constantFrom(0, 0.1, 1, 15, 1e-9, 999_999, 1e6, 1e300, -1, Number.MAX_VALUE), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant('1' as unknown as number));
const entry = fc.record(
  {
    id: fc.oneof(fc.constantFrom('fz-model', 'gpt-4o-mini', 'gpt4o-mini', 'fz model'), hostile),
    name: text,
    lab: text,
    category: fc.constantFrom('chat', 'embedding', 'reranking', 'moderation', 'video'),
    contextWindow: fc.oneof(fc.constantFrom(0, 8192, 128_000, -5, 1e300), fc.integer()),
    license: text,
    releaseDate: fc.constantFrom('2026-01-01', '9999-99-99', '2026-02-30', 'yesterday'),
    offers: fc.array(
      fc.record(
        {
          provider: fc.oneof(fc.constantFrom('openai', 'self'), hostile),
          providerModelId: text,
          reference: fc.boolean(),
          prices: fc.record({ input: price, output: price, cacheRead: price }, { requiredKeys: [] }),
          source: text,
          asOf: fc.constantFrom('2026-11-01', '2026-13-01'),
          note: text,
        },
        { requiredKeys: ['provider', 'providerModelId', 'prices'] },
      ),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: ['id', 'offers'] },
);
const catalogFile = fc.oneof(
  fc.array(entry, { maxLength: 3 }).map((models) => JSON.stringify({ schemaVersion: 1, models })),
  // The same entries in LiteLLM's shape.
  fc.array(entry, { maxLength: 3 }).map((models) =>
    JSON.stringify(
      Object.fromEntries(
        models.map((m) => [
          m.id,
          { litellm_provider: m.offers[0]?.provider ?? 'openai', mode: 'chat', input_cost_per_token: m.offers[0]?.prices.input, output_cost_per_token: m.offers[0]?.prices.output },
        ]),
      ),
    ),
  ),
);

describe('fuzz: catalog files', () => {
  it('any file is layered or refused with exit 1; nothing it holds reaches the terminal raw', async () => {
    const use = fc.constantFrom<string[]>(
      ['show', 'fz-model'],
      ['cost', 'fz-model', '--input-tokens', '1M', '--json'],
      ['cost', 'gpt-4o-mini', '--input-tokens', '1M'],
      ['compare', 'fz-model', 'gpt-4o-mini'],
      ['models', '--search', 'fz', '--format', 'csv'],
      ['models', '--lab', 'acme', '--format', 'markdown'],
      ['catalog', 'validate', 'f.json'],
    );
    await fc.assert(
      fc.asyncProperty(catalogFile, use, async (file, args) => {
        const argv = args[0] === 'catalog' ? args : ['--catalog', 'f.json', ...args];
        const r = await runCli(argv, { files: { 'f.json': file } });
        tally(`catalog ${args[0]}`, r.code);
        checkRun(argv, r);
        expect([0, 1], `${file}\n${r.stderr}`).toContain(r.code);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  }, TIMEOUT);
});
