import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/cli/output-schemas.js';
import { json, runCli } from '../support/cli.js';

const STACK = /\n\s+at\s|internal error/;

describe('--json outputs match the published schemas', () => {
  const runs: [string, string[]][] = [
    ['cost', ['cost', 'gpt-4o-mini', 'gpt-4o', '--requests', '1M', '--input', '500', '--output', '100', '--json']],
    ['cost', ['cost', 'rerank-v3.5', '--searches', '10k', '--json']],
    ['compare', ['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--json']],
    ['compare', ['compare', 'gpt-4o', 'gpt-4o-mini', 'claude-haiku-3.5', '--json']],
    ['show', ['show', 'mistral-small-3-1', '--json']],
    ['models', ['models', '--category', 'embedding', '--json']],
    ['catalog info', ['catalog', 'info', '--json']],
    ['catalog validate', ['catalog', 'validate', 'test/fixtures/models.dev.json', '--json']],
    ['recommend', ['recommend', '--task', 'code', '--needs', 'tools', '--json']],
    ['replay', ['replay', 'test/fixtures/replay/generic.csv', '--on', 'gpt-4.1-mini', '--json']],
    ['replay', ['replay', 'test/fixtures/replay/anthropic-usage.json', '--json']],
    ['tokens', ['tokens', 'test/fixtures/replay/prompt.txt', '--model', 'gpt-4o', 'claude-sonnet-4-5', '--json']],
    [
      'route',
      ['route', '--mix', 'chat=60,code=40', '--cascade', 'gpt-4o-mini,gpt-4o', '--escalate', '0.1', '--requests', '100k', '--json'],
    ],
  ];
  it.each(runs)('%s (%j)', async (name, argv) => {
    const r = await runCli(argv);
    expect(r.code).toBe(0);
    const out = json(r);
    const schema = OUTPUT_SCHEMAS[name]!;
    const parsed = schema.safeParse(out);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
    // Parsing strips unknown keys: equality means the output has nothing the schema does not describe.
    expect(parsed.data).toEqual(out);
    expect(out.schemaVersion).toBe(1);
  });

  it('schema <command> prints a JSON Schema for every command with --json', async () => {
    for (const name of [...Object.keys(OUTPUT_SCHEMAS), 'catalog']) {
      const r = await runCli(['schema', ...name.split(' ')]);
      expect(r.code, name).toBe(0);
      const s = json(r);
      expect(s.$schema).toMatch(/json-schema\.org/);
      expect(s.type === 'object' || Array.isArray(s.anyOf)).toBe(true);
    }
    const bad = await runCli(['schema', 'nope']);
    expect(bad.code).toBe(1);
  });
});

describe('exit codes and error output', () => {
  it.each([
    [['frobnicate'], 2, /unknown command 'frobnicate'/],
    [['cost', 'gpt-4o-mini', '--frob'], 2, /unknown option '--frob'/],
    [['show'], 2, /missing required argument 'model'/],
    [['cost', 'gpt-4o-mini', '--per', 'fortnight'], 2, /--per/],
    [[], 2, /no command given/],
    [['show', 'no-such-model-qq'], 1, /unknown model/],
    [['cost', 'gpt-4o-mini', '--requests', 'lots'], 1, /--requests/],
    [['--catalog', '/nonexistent.json', 'show', 'gpt-4o-mini'], 1, /file not found/],
  ])('%j exits %d', async (argv, code, message) => {
    const r = await runCli(argv as string[]);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\nhint: /);
    expect(r.stderr).not.toMatch(STACK);
  });

  it('--help and --version exit 0', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: model-advisor/);
    const v = await runCli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('colour', () => {
  it('no ANSI codes when stdout is not a terminal', async () => {
    const r = await runCli(['compare', 'gpt-4o', 'gpt-4o-mini'], { tty: false });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
  it('colour at a terminal, none with NO_COLOR, forced with FORCE_COLOR', async () => {
    expect((await runCli(['compare', 'gpt-4o', 'gpt-4o-mini'], { tty: true })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['compare', 'gpt-4o', 'gpt-4o-mini'], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await runCli(['compare', 'gpt-4o', 'gpt-4o-mini'], { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[/);
    expect((await runCli(['compare', 'gpt-4o', 'gpt-4o-mini'], { tty: true, env: { FORCE_COLOR: '0' } })).stdout).not.toMatch(/\u001b\[/);
  });
});

describe('fuzzing the argv', () => {
  const models = fc.constantFrom(
    'gpt-4o-mini',
    'bge-reranker-v2',
    'mistral-small-3-1',
    'gpt-4o',
    'rerank-v3.5',
    'text-embedding-3-small',
    'no-such-model',
    '',
    'ünïcødé-模型',
    '__proto__',
    'openai:gpt-4o-mini',
  );
  const value = fc.oneof(
    fc.constantFrom(
      '1M',
      '10k',
      '0',
      '-1',
      'NaN',
      '',
      '1e400',
      '99999999999999999999',
      '0.5',
      '50%',
      '1,000',
      'ünï',
      '__proto__',
      'Infinity',
      '1.5k',
      '2B',
    ),
    fc.constantFrom(
      'classification',
      'math',
      'reranking',
      'classification=80,math=20',
      'chat=50,code=50',
      '500/month',
      'vision,tools',
      'long-context',
      'quality',
      'gpt-4o-mini,gpt-4o',
      'math=70',
    ),
    fc.string({ maxLength: 8 }),
    fc.integer({ min: -1e6, max: 1e9 }).map(String),
  );
  const flag = fc.constantFrom(
    '--requests',
    '--input',
    '--output',
    '--input-tokens',
    '--output-tokens',
    '--per',
    '--days-per-month',
    '--cached',
    '--batch',
    '--discount',
    '--provider',
    '--searches',
    '--docs-per-search',
    '--tokens-per-doc',
    '--format',
    '--category',
    '--min-context',
    '--max-input-price',
    '--sort',
    '--limit',
    '--search',
    '--capability',
    '--bogus',
    '--task',
    '--mix',
    '--budget',
    '--needs',
    '--prefer',
    '--max-latency',
    '--quality-floor',
    '--top',
    '--cascade',
    '--escalate',
    '--providers',
  );
  const boolFlag = fc.constantFrom('--cheapest', '--open-weights', '--include-deprecated', '--quiet');
  const command = fc.constantFrom(
    ['cost'],
    ['compare'],
    ['show'],
    ['models'],
    ['list'],
    ['catalog', 'info'],
    ['schema'],
    ['nonsense'],
    ['recommend'],
    ['route'],
  );
  const argv = fc
    .tuple(
      command,
      fc.array(models, { maxLength: 3 }),
      fc.array(fc.tuple(flag, value), { maxLength: 4 }),
      fc.array(boolFlag, { maxLength: 2 }),
      fc.boolean(),
    )
    .map(([cmd, ms, flags, bools, asJson]) => [...cmd, ...ms, ...flags.flat(), ...bools, ...(asJson ? ['--json'] : [])]);

  it('never gives a stack trace, an undocumented exit code or non-JSON stdout under --json', async () => {
    await fc.assert(
      fc.asyncProperty(argv, async (args) => {
        const r = await runCli(args);
        expect([0, 1, 2]).toContain(r.code);
        expect(r.stderr).not.toMatch(STACK);
        if (r.code !== 0) expect(r.stdout).toBe('');
        if (args.includes('--json') && r.stdout !== '') expect(() => JSON.parse(r.stdout)).not.toThrow();
      }),
      { numRuns: 1500 },
    );
  });
});
