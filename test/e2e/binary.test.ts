import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ONE_COLUMN } from '../../src/render/string-width.js';

// The built binary, as a user runs it (npm test builds dist/ first).
const BIN = join(__dirname, '..', '..', 'bin', 'model-advisor.js');
// The test runner may force colour for itself; the binary must decide from its own environment.
const baseEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !['NO_COLOR', 'FORCE_COLOR', 'MODEL_ADVISOR_NO_STALE_WARNING'].includes(k)),
);
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...baseEnv, ...env } });

describe('the built binary', () => {
  it('compare --json prints one JSON document and warns about stale prices on stderr only', () => {
    const r = run(['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.command).toBe('compare');
    // Whatever stderr says (the age warning depends on the day the test runs), it is warnings only.
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^(warning|note): /);
  });

  it("writing to a pipe, tables included, loads none of Node's stream, terminal or zlib modules", () => {
    // Each costs start-up time a command writing to a pipe or a file has no use for: Node's streams
    // (which zlib and tty load), tty and os (which chalk's own colour detection loads).
    const dir = mkdtempSync(join(tmpdir(), 'bin-modules-'));
    try {
      const preload = join(dir, 'list.cjs');
      writeFileSync(
        preload,
        "process.on('exit', () => require('node:fs').writeSync(2, JSON.stringify(process.moduleLoadList) + '\\n'));",
      );
      for (const args of [['models', '--limit', '3'], ['show', 'gpt-4o-mini'], ['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--json']]) {
        // spawnSync's stdout is a pipe.
        const r = spawnSync(process.execPath, ['-r', preload, BIN, ...args, '-q'], { encoding: 'utf8', env: baseEnv });
        expect(r.status, args.join(' ')).toBe(0);
        expect(r.stdout.length).toBeGreaterThan(100);
        const loaded = JSON.parse(r.stderr.trim().split('\n').pop()!) as string[];
        expect(loaded, args.join(' ')).toContain('NativeModule vm'); // the list is the real one
        for (const m of ['stream', 'net', 'tty', 'os', 'zlib']) expect(loaded, `${args.join(' ')} loads ${m}`).not.toContain(`NativeModule ${m}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cost gives the hand-worked figure', () => {
    const r = run(['cost', 'gpt-4o-mini', '--input-tokens', '10M', '--json', '-q']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results[0]).toMatchObject({ perDay: 1.5, perMonth: 45 });
    expect(r.stderr).toBe('');
  });

  it('replay reads a gzipped log through the built bundles; tokens counts standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-replay-'));
    try {
      const { gzipSync } = require('node:zlib') as typeof import('node:zlib');
      const gz = join(dir, 'usage.gz');
      writeFileSync(gz, gzipSync(readFileSync(join(__dirname, '..', 'fixtures', 'replay', 'otel-spans.jsonl'))));
      const r = run(['replay', gz, '--on', 'gpt-4.1-mini', '--json', '-q']);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.files[0]).toMatchObject({ format: 'otel', gzip: true });
      expect(out.total.records).toBe(3);
      expect(out.on[0].cost).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const t = spawnSync(process.execPath, [BIN, 'tokens', '-', '--json'], { input: 'hello world', encoding: 'utf8', env: baseEnv });
    expect(t.status).toBe(0);
    expect(JSON.parse(t.stdout).counts[0]).toMatchObject({ encoding: 'o200k_base', tokens: 2, exact: true });
  });

  it('user and usage errors: exit 1 and 2, no stack trace, nothing on stdout', () => {
    const u = run(['show', 'gpt-4o-minii', '-q']);
    expect(u.status).toBe(1);
    expect(u.stdout).toBe('');
    expect(u.stderr).toMatch(/^error: unknown model/);
    const g = run(['frobnicate']);
    expect(g.status).toBe(2);
    expect(g.stderr).not.toMatch(/\n\s+at /);
  });

  it('a user error thrown inside a lazily loaded command module still exits 1', () => {
    for (const args of [
      ['cost', 'gpt-4o-mini', '--requests', '10X'],
      ['recommend', '--task', 'knitting'],
      ['models', '--min-context', 'lots'],
      ['--catalog', 'test/fixtures/invalid-catalog.json', 'show', 'gpt-4o-mini'],
      ['catalog', 'validate', 'test/fixtures/invalid-catalog.json'],
    ]) {
      const r = run([...args, '-q']);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    const usage = run(['wizard', '-q']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--task/);
  });

  it('exits quietly when its output is piped into head', () => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" models --limit 0 -q | head -n 2`], {
      encoding: 'utf8',
      env: baseEnv,
    });
    expect(r.stdout.split('\n').length).toBeLessThanOrEqual(3);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('exits only once all of a large output has gone into a pipe that is read late', () => {
    // The CLI exits as soon as nothing is pending (skipping Node's teardown); output must not be cut.
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" models --limit 0 --include-retired --json -q | (sleep 0.5; cat)`], {
      encoding: 'utf8',
      env: baseEnv,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.models.length).toBeGreaterThan(1500);
  });

  it('no ANSI codes when stdout is a pipe', () => {
    const r = run(['compare', 'gpt-4o', 'gpt-4o-mini', '-q']);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });
});

describe('the bundles', () => {
  it('give cli-table3 src/render/string-width.ts to measure cells', () => {
    const dist = join(__dirname, '..', '..', 'dist');
    const bundles = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'));
    // cli-table3's option names survive minifying; so does our fast path's character class.
    const tables = bundles.filter((f) => readFileSync(join(dist, f), 'utf8').includes('colWidths'));
    expect(tables.length).toBeGreaterThan(0);
    for (const f of tables) expect(readFileSync(join(dist, f), 'utf8'), f).toContain(ONE_COLUMN.source.slice(-24, -3));
  });
});

describe('the code cache the build writes for the bundles', () => {
  // Runs a command through dist/ as the bin does, from a package root, and reports how each bundle
  // it loaded was compiled.
  const probe = (pkg: string, args: string[]) => {
    const script = `
      const cc = require(${JSON.stringify(join(pkg, 'dist', 'cli', 'boot.js'))});
      cc.useCodeCache();
      const { main } = require(${JSON.stringify(join(pkg, 'dist', 'cli', 'main.js'))});
      let out = '';
      const io = { stdout: { write: (s) => (out += s), isTTY: false }, stderr: { write() {}, isTTY: false }, stdinIsTTY: false,
        env: { MODEL_ADVISOR_NO_STALE_WARNING: '1' }, now: () => new Date(), readFile: (p) => require('fs').readFileSync(p, 'utf8') };
      main(${JSON.stringify(args)}, io).then((code) => console.log(JSON.stringify({ code, out, status: cc.codeCacheStatus() })));`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: baseEnv });
    expect(r.stderr).toBe('');
    return JSON.parse(r.stdout) as { code: number; out: string; status: Record<string, string> };
  };
  const ROOT = join(__dirname, '..', '..');
  const COMPARE = ['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--json'];
  const RECOMMEND = ['recommend', '--task', 'classification', '--json'];

  it('is accepted by this Node for every bundle the start-up commands load', () => {
    for (const args of [COMPARE, RECOMMEND, ['compare', 'gpt-4o', 'gpt-4o-mini']]) {
      const { code, status } = probe(ROOT, args);
      expect(code).toBe(0);
      expect(Object.keys(status)).toContain('cli/main.js');
      for (const [file, s] of Object.entries(status)) expect(s, `${args.join(' ')}: ${file}`).toBe('accepted');
    }
    expect(Object.keys(probe(ROOT, RECOMMEND).status)).toEqual(['cli/main.js', 'cli/commands/recommend.js']);
  });

  it("names no path of the machine that built it", () => {
    const caches = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js.cache'));
    expect(caches.length).toBeGreaterThan(5);
    for (const f of caches) {
      const bytes = readFileSync(join(ROOT, 'dist', f));
      // V8 keeps a string in one or two bytes a character.
      const holds = (s: string) => bytes.includes(s, 0, 'latin1') || bytes.includes(s, 0, 'utf16le');
      expect(holds(join(ROOT, 'dist')), f).toBe(false);
      // The name it was recorded under, relative to the package (V8 may keep it in pieces).
      expect(holds('model-advisor/dist/'), f).toBe(true);
    }
  });

  it('a corrupt or missing cache is compiled from source and gives the same output', () => {
    // A copy of the package with one cache overwritten with junk and another deleted.
    const pkg = mkdtempSync(join(tmpdir(), 'model-advisor-pkg-'));
    try {
      cpSync(join(ROOT, 'dist'), join(pkg, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'bin'), join(pkg, 'bin'), { recursive: true });
      mkdirSync(join(pkg, 'data'));
      symlinkSync(join(ROOT, 'data', 'catalog.jsonl'), join(pkg, 'data', 'catalog.jsonl'));
      writeFileSync(join(pkg, 'dist', 'cli', 'main.js.cache'), randomBytes(4096));
      rmSync(join(pkg, 'dist', 'cli', 'commands', 'recommend.js.cache'));

      const fresh = probe(ROOT, RECOMMEND);
      const broken = probe(pkg, RECOMMEND);
      expect(broken.status).toEqual({ 'cli/main.js': 'corrupt', 'cli/commands/recommend.js': 'missing' });
      expect(broken.code).toBe(0);
      expect(broken.out).toBe(fresh.out);

      // Flipped bytes inside a real cache (V8 does not verify its payload and can crash on them):
      // the checksum catches them and the bundle compiles from source.
      const good = readFileSync(join(ROOT, 'dist', 'cli', 'main.js.cache'));
      for (const at of [100, Math.floor(good.length / 2), good.length - 100]) {
        const flipped = Buffer.from(good);
        flipped[at] = flipped[at]! ^ 0xff;
        writeFileSync(join(pkg, 'dist', 'cli', 'main.js.cache'), flipped);
        const r = probe(pkg, RECOMMEND);
        expect(r.status['cli/main.js']).toBe('corrupt');
        expect(r.out).toBe(fresh.out);
      }

      // A bundle changed after its cache was written: the cache is not used. (V8 alone would take
      // it, since it checks only the source's length: this edit keeps the length.)
      const compare = join(pkg, 'dist', 'cli', 'commands', 'compare.js');
      const edited = readFileSync(compare, 'utf8').replace('"compare"', "'compare'");
      expect(edited).not.toBe(readFileSync(compare, 'utf8'));
      writeFileSync(compare, edited);
      const later = new Date(Date.now() + 60_000);
      utimesSync(compare, later, later);
      const afterEdit = probe(pkg, COMPARE);
      expect(afterEdit.status['cli/commands/compare.js']).toBe('stale');
      expect(afterEdit.out).toBe(probe(ROOT, COMPARE).out);

      // And through the bin itself, as a user runs it.
      const viaBin = spawnSync(process.execPath, [join(pkg, 'bin', 'model-advisor.js'), ...COMPARE, '-q'], {
        encoding: 'utf8',
        env: baseEnv,
      });
      expect(viaBin.status).toBe(0);
      expect(viaBin.stdout).toBe(run([...COMPARE, '-q']).stdout);
    } finally {
      rmSync(pkg, { recursive: true, force: true });
    }
  });
});

describe('a damaged install', () => {
  it('a truncated or empty bundled catalog is reported with exit 1 and the fix, no stack trace', async () => {
    const root = join(__dirname, '..', '..');
    const copy = mkdtempSync(join(tmpdir(), 'ma-damaged-'));
    for (const p of ['bin', 'dist', 'package.json']) cpSync(join(root, p), join(copy, p), { recursive: true });
    mkdirSync(join(copy, 'data'));
    const whole = readFileSync(join(root, 'data', 'catalog.jsonl'));
    for (const damaged of [whole.subarray(0, 300_000), Buffer.alloc(0), whole.subarray(0, 20)]) {
      writeFileSync(join(copy, 'data', 'catalog.jsonl'), damaged);
      const r = spawnSync(process.execPath, [join(copy, 'bin', 'model-advisor.js'), 'show', 'gpt-4o-mini'], { encoding: 'utf8', env: baseEnv });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^error: the bundled catalog \(data\/catalog\.jsonl\) is damaged/);
      expect(r.stderr).toMatch(/hint: reinstall model-advisor/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('the hostile corpus (test/fixtures/hostile) through the built binary', () => {
  const dir = join(__dirname, '..', 'fixtures', 'hostile');
  // Files that layer (with what is unusable in them left out and said); every other one is refused.
  const LAYERS = new Set(['escapes.json', 'litellm-bad-prices.json']);
  const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

  it('holds each kind of bad file', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  it.each(files)('%s: layered or refused with exit 1, nothing raw on the terminal', (file) => {
    for (const args of [['models', '--limit', '5'], ['show', 'hostile-model'], ['catalog', 'validate', join(dir, file)]]) {
      const argv = args[0] === 'catalog' ? args : ['--catalog', join(dir, file), ...args];
      const r = run(argv);
      const where = `${file}: ${args.join(' ')}\n${r.stderr}`;
      expect(r.stderr, where).not.toMatch(/internal error|\n\s+at /);
      expect(RAW.test(r.stdout) || RAW.test(r.stderr), where).toBe(false);
      if (LAYERS.has(file)) {
        if (args[0] !== 'show') expect(r.status, where).toBe(0);
      } else {
        expect(r.status, where).toBe(1);
        expect(r.stderr, where).toMatch(new RegExp(`^error: invalid catalog .*${file.replace('.', '\\.')}`));
      }
    }
  });
});
