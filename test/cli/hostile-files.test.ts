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
    const t = Date.now();
    const r = await runCli(['show', 'x'.repeat(100_000)]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: unknown model/);
    expect(Date.now() - t).toBeLessThan(5_000);
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
