import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { duplicateKeys } from '../../src/catalog/strict.js';
import { processIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { runCli } from '../support/cli.js';

const ours = (models: unknown) => JSON.stringify({ schemaVersion: 1, models });
const model = (extra: Record<string, unknown> = {}, prices: Record<string, unknown> = { input: 1, output: 2 }) => ({
  id: 'mine',
  name: 'Mine',
  lab: 'acme',
  category: 'chat',
  offers: [{ provider: 'self', providerModelId: 'mine', prices, source: 'internal', asOf: '2026-11-01' }],
  ...extra,
});
const run = (file: string, extra: string[] = ['show', 'mine']) => runCli(['--catalog', 'f.json', ...extra], { files: { 'f.json': file } });

describe('a strict reader of catalog files in our format', () => {
  it.each([
    ['a misspelt key, with a suggestion', ours([model({ contextWindw: 1000 })]), /models\[0\] \(id "mine"\): unknown key "contextWindw" \(did you mean "contextWindow"\?\)/],
    ['a misspelt price key', ours([model({}, { inptu: 1, output: 2 })]), /offers\[0\]\.prices: unknown key "inptu" \(did you mean "input"\?\)/],
    ['a repeated key', '{"schemaVersion":1,"models":[{"id":"a","id":"b"}]}', /key "id" appears twice in one object/],
    ['an impossible date', ours([model({ releaseDate: '9999-99-99' })]), /field releaseDate: expected a real calendar date/],
    ['February 30th', ours([model({ releaseDate: '2026-02-30' })]), /field releaseDate: expected a real calendar date/],
    ['a price past the ceiling', ours([model({}, { input: 1e300, output: 2 })]), /prices above \$1,000,000 per unit are not accepted/],
    ['an alias of a bundled model as an id', ours([model({ id: 'gpt4o-mini' })]), /"gpt4o-mini" is a name of the bundled model "gpt-4o-mini"; use id "gpt-4o-mini"/],
  ])('%s is an error naming the file, entry and field', async (_name, text, expected) => {
    const r = await run(text, ['models', '--search', 'mine']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: invalid catalog f\.json/);
    expect(r.stderr).toMatch(expected);
  });

  it('a good file is still fine, and several --catalog files layer in order', async () => {
    const a = ours([model()]);
    const b = ours([model({}, { input: 5, output: 6 })]);
    const r = await runCli(['--catalog', 'a.json', '--catalog', 'b.json', 'cost', 'mine', '--input-tokens', '1M', '--json'], {
      files: { 'a.json': a, 'b.json': b },
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].offer.prices.input).toBe(5);
    const info = await runCli(['--catalog', 'a.json', '--catalog', 'b.json', 'catalog', 'info', '--json'], { files: { 'a.json': a, 'b.json': b } });
    expect(JSON.parse(info.stdout).layers).toEqual(['a.json', 'b.json']);
  });

  it('finds repeated keys at any depth, and not in strings or arrays', () => {
    expect(duplicateKeys('{"a":{"b":1,"b":2}}')).toHaveLength(1);
    expect(duplicateKeys('{"a":["b","b"],"c":"a"}')).toEqual([]);
    expect(duplicateKeys('{"a":"x\\"a","b":1}')).toEqual([]);
  });
});

describe('entries an imported database file leaves out are named, not dropped without a word', () => {
  const litellm = JSON.stringify({
    'neg-1': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: -1e-6, output_cost_per_token: 2e-6 },
    'text-1': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 'abc' },
    'img-1': { litellm_provider: 'openai', mode: 'image_generation', input_cost_per_token: 1e-6 },
    'ok-1': { litellm_provider: 'openai', mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 2e-6 },
    'junk-1': 42,
  });
  const modelsDev = JSON.stringify({
    acme: { id: 'acme', name: 'Acme', models: { 'm-1': { id: 'm-1', name: 'M 1', cost: { input: -3, output: 1 } }, 'm-2': 'nope' } },
  });
  const genai = JSON.stringify([
    { id: 'acme', name: 'Acme', models: [{ id: 'g-1', match: { equals: 'g-1' }, prices: { input_mtok: 1, output_mtok: -2 } }] },
  ]);

  it.each([
    ['LiteLLM', litellm, [
      ['neg-1', 'input_cost_per_token', /-0\.000001 is not a price/],
      ['text-1', 'output_cost_per_token', /"abc" is not a price/],
      ['img-1', undefined, /mode image_generation/],
      ['junk-1', undefined, /not an entry/],
    ]],
    ['models.dev', modelsDev, [
      ['acme/m-1', 'cost.input', /-3 is not a price/],
      ['acme/m-2', undefined, /not a model entry/],
    ]],
    ['genai-prices', genai, [['acme/g-1', 'prices.output_mtok', /-2 is not a price/]]],
  ] as const)('in a %s file, catalog validate lists each one', async (_name, text, expected) => {
    const r = await runCli(['catalog', 'validate', 'f.json', '--json'], { files: { 'f.json': text } });
    expect(r.code).toBe(0);
    const leftOut = JSON.parse(r.stdout).leftOut as { entry: string; field?: string; reason: string }[];
    expect(leftOut).toHaveLength(expected.length);
    for (const [entry, field, reason] of expected) {
      const hit = leftOut.find((l) => l.entry === entry && l.field === field);
      expect(hit, `${entry} ${field}`).toBeDefined();
      expect(hit!.reason).toMatch(reason);
    }
    const table = await runCli(['catalog', 'validate', 'f.json'], { files: { 'f.json': text } });
    expect(table.stdout).toContain(`left out (${expected.length}):`);
    for (const [entry] of expected) expect(table.stdout).toContain(`  ${entry}`);
  });

  it('layering such a file warns once and points to catalog validate; a valid price is kept', async () => {
    const r = await runCli(['--catalog', 'f.json', 'cost', 'ok-1', '--input-tokens', '1M', '--json'], { files: { 'f.json': litellm } });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].offer.prices.input).toBe(1);
    expect(r.stderr.match(/warning: /g)).toHaveLength(1);
    expect(r.stderr).toMatch(/f\.json: 4 entries or fields left out \(model-advisor catalog validate f\.json lists them\)/);
  });
});

describe('layering says what it overrides', () => {
  const negotiated = (extra: Record<string, unknown> = {}) =>
    model({ id: 'gpt-4o-mini', name: 'GPT-4o mini (ours)', lab: 'openai', ...extra }, { input: 0.1, output: 0.4 });

  it('a file that overrides bundled models says so in one line; --verbose lists each change', async () => {
    const files = { 'f.json': ours([negotiated(), model()]) };
    const r = await runCli(['--catalog', 'f.json', 'show', 'gpt-4o-mini', '--json'], { files });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/note: f\.json overrides 1 bundled model \(gpt-4o-mini\); --verbose lists what it changes/);
    const v = await runCli(['--verbose', '--catalog', 'f.json', 'show', 'gpt-4o-mini', '--json'], { files });
    expect(v.stderr).toMatch(/note: f\.json: gpt-4o-mini: sets name; adds offer from self/);
    expect(v.stderr).toMatch(/note: f\.json: adds mine \(offers: self\)/);
    const validate = await runCli(['catalog', 'validate', 'f.json', '--json'], { files });
    expect(JSON.parse(validate.stdout).overrides).toEqual(['gpt-4o-mini']);
  });

  it('a file that only adds models says nothing unless asked', async () => {
    const r = await runCli(['--catalog', 'f.json', 'show', 'mine', '--json'], { files: { 'f.json': ours([model()]) } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('an entry named like a bundled model\'s alias layers over that model when it says it extends it', async () => {
    const files = { 'f.json': ours([negotiated({ id: 'gpt4o-mini', name: 'GPT-4o mini', extends: 'gpt-4o-mini' })]) };
    const r = await runCli(['--verbose', '--catalog', 'f.json', 'cost', 'gpt-4o-mini', '--provider', 'self', '--input-tokens', '1M', '--json'], { files });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results[0].model.id).toBe('gpt-4o-mini');
    expect(JSON.parse(r.stdout).results[0].offer.prices.input).toBe(0.1);
    expect(r.stderr).toMatch(/f\.json: gpt-4o-mini: adds offer from self/);
    const bad = await runCli(['--catalog', 'f.json', 'show', 'mine'], { files: { 'f.json': ours([model({ extends: 'no-such-model-xyz' })]) } });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/"extends": "no-such-model-xyz" names no bundled model/);
  });
});

describe('files that are not files, read through the real IO', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ma-hostile-'));
  const runReal = async (path: string) => {
    let stderr = '';
    const io = { ...processIO(), stderr: { write: (s: string) => void (stderr += s), isTTY: false }, stdout: { write: () => {}, isTTY: false } };
    const code = await main(['--catalog', path, 'show', 'gpt-4o-mini'], io as never);
    return { code, stderr };
  };

  it('a device such as /dev/zero is refused at once, not read until memory runs out', async () => {
    const r = await runReal('/dev/zero');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a regular file/);
  });

  it('a FIFO with no writer is refused at once, not waited on', async () => {
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = await runReal(fifo);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not a regular file/);
  });

  it('a directory, and a file that is not UTF-8', async () => {
    expect((await runReal(dir)).stderr).toMatch(/is a directory/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    const r = await runReal(bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not valid UTF-8/);
  });
});

describe('bounded work and failed writes', () => {
  it('a 100,000-character name gets an answer at once, without suggestions', async () => {
    // Suggestions compare the name with every model's: bounded by refusing to for a name this long.
    const r = await runCli(['show', 'x'.repeat(100_000)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unknown model/);
    expect(r.stderr).not.toMatch(/did you mean/i);
    expect(r.stderr.length).toBeLessThan(1_000);
    // A short misspelling still gets them.
    expect((await runCli(['show', 'gpt-4o-minii'])).stderr).toMatch(/gpt-4o-mini/);
  });

  it('output that cannot be written (a full disk) is one line on stderr and exit 1, not a stack trace', async () => {
    let stderr = '';
    const io = {
      ...processIO(),
      env: { MODEL_ADVISOR_NO_STALE_WARNING: '1' },
      stdout: {
        write: () => {
          throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        },
        isTTY: false,
      },
      stderr: { write: (s: string) => void (stderr += s), isTTY: false },
    };
    const code = await main(['show', 'gpt-4o-mini', '--json'], io as never);
    expect(code).toBe(1);
    expect(stderr).toBe('error: cannot write the output (ENOSPC)\n');
  });
});
