import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/cli/output-schemas.js';
import { captureIO, json, runCli } from '../support/cli.js';
import { main } from '../../src/cli/main.js';
import { startStreamServer, type StreamServer } from '../support/stream-server.js';

const KEY = 'sk-test-secret-0123456789';
let server: StreamServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const within = (got: number, want: number, share = 0.2) => expect(Math.abs(got - want) / want).toBeLessThanOrEqual(share);
const cacheDir = () => mkdtempSync(join(tmpdir(), 'model-advisor-probe-'));

describe('latency probe against a local streaming server', () => {
  it('OpenAI chat completions: time to first token and speed within 20% of the server, saved, and used by compare', async () => {
    server = await startStreamServer({ ttftMs: 300, interTokenMs: 25, tokens: 30 });
    const dir = cacheDir();
    const env = { MODEL_ADVISOR_CACHE_DIR: dir, OPENAI_API_KEY: KEY };
    const r = await runCli(
      ['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--runs', '3', '--prompt-tokens', '200', '--yes', '--json'],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r);
    // The published schema describes the output exactly (parsing strips unknown keys).
    expect(OUTPUT_SCHEMAS['latency probe']!.parse(out)).toEqual(out);
    within(out.ttftMs.median, 300);
    within(out.outputTokensPerSecond.median, 40);
    expect(out.tokensCountedFrom).toBe('usage');
    expect(out.provider).toBe('openai');
    expect(out.runs).toHaveLength(3);
    expect(server.requests).toHaveLength(3);
    expect(server.requests[0]!.path).toBe('/v1/chat/completions');
    expect(server.requests[0]!.body.stream).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(r.stdout).not.toContain(KEY);
    expect(out.keyFrom).toBe('OPENAI_API_KEY');
    const saved = JSON.parse(readFileSync(join(dir, 'measured-latency.json'), 'utf8'));
    expect(saved.entries).toHaveLength(1);
    expect(saved.entries[0]).toMatchObject({
      model: 'gpt-4o-mini',
      provider: 'openai',
      kind: 'your-account',
      statistic: 'median',
      samples: 3,
      asOf: '2026-11-22',
    });
    expect(JSON.stringify(saved)).not.toContain(KEY);

    // The next compare uses it, and says it was measured on the user's account.
    const c = await runCli(['compare', 'gpt-4o-mini', 'gpt-4o', '--json'], { env });
    expect(c.code).toBe(0);
    const mini = json(c).models[0];
    expect(mini.latency.kind).toBe('your-account');
    expect(mini.latency.ttftMs).toBe(out.ttftMs.median);
    expect(mini.latencyMethod).toMatch(/^measured on your account/);
    // The default (short) compare and --full both say where the figure comes from.
    const table = await runCli(['compare', 'gpt-4o-mini', 'gpt-4o'], { env, columns: 120 });
    expect(table.stdout).toMatch(/Latency by +your account +Artificial Analysis/);
    const full = await runCli(['compare', 'gpt-4o-mini', 'gpt-4o', '--full'], { env, columns: 120 });
    expect(full.stdout).toMatch(/Latency source +│ measured on your/);
    // Figures of different methods get no verdict.
    expect(json(c).verdicts.find((v: any) => v.kind === 'time-to-first-token').text).toContain('measured differently');
    // And recommend reads it too.
    const show = await runCli(['show', 'gpt-4o-mini', '--json'], { env });
    expect(json(show).model.latency[0].kind).toBe('your-account');
  });

  it('Anthropic messages: the same, from message_delta usage', async () => {
    server = await startStreamServer({ ttftMs: 250, interTokenMs: 20, tokens: 40 });
    const dir = cacheDir();
    const env = { MODEL_ADVISOR_CACHE_DIR: dir, ANTHROPIC_API_KEY: KEY };
    const r = await runCli(
      ['latency', 'probe', 'claude-haiku-4-5', '--provider', 'anthropic', '--base-url', server.url, '--runs', '3', '--yes', '--json'],
      { env },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = json(r);
    within(out.ttftMs.median, 250);
    within(out.outputTokensPerSecond.median, 50);
    expect(server.requests[0]!.path).toBe('/v1/messages');
    expect(server.requests[0]!.headers['x-api-key']).toBe(KEY);
    expect(server.requests[0]!.headers['anthropic-version']).toBeDefined();
    const c = await runCli(['compare', 'claude-haiku-4-5', 'gpt-4o-mini', '--json'], { env });
    expect(json(c).models[0].latency.kind).toBe('your-account');
  });

  it('prints median, p90 and the spread, and where it saved', async () => {
    server = await startStreamServer({ ttftMs: 100, interTokenMs: 10, tokens: 20 });
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--runs', '2', '--yes'], {
      env: { MODEL_ADVISOR_CACHE_DIR: cacheDir(), NO_COLOR: '1' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Time to first token\s+median \d+ ms, p90 \d+ ms \(spread \d+ ms to \d+ ms\)/);
    expect(r.stdout).toMatch(/Output speed\s+median [\d.]+ tok\/s/);
    expect(r.stdout).toContain('measured on your account');
    expect(r.stdout).toContain('measured-latency.json');
    expect(r.stderr).toContain('note: run 1/2:');
  });

  it('asks before spending: without a terminal and without --yes it refuses, sending nothing', async () => {
    server = await startStreamServer({ ttftMs: 10, interTokenMs: 1, tokens: 5 });
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`], {
      env: { MODEL_ADVISOR_CACHE_DIR: cacheDir(), OPENAI_API_KEY: KEY },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/spends on your account .*up to \$/);
    expect(r.stderr).toContain('--yes');
    expect(r.stderr).not.toContain(KEY);
    expect(server.requests).toHaveLength(0);
  });

  it('at a terminal, asks with the estimated cost and runs only on yes', async () => {
    server = await startStreamServer({ ttftMs: 10, interTokenMs: 2, tokens: 5 });
    for (const [answer, code, sent] of [
      ['n', 130, 0],
      ['y', 0, 1],
    ] as const) {
      const { io, output } = captureIO({ tty: true, env: { MODEL_ADVISOR_CACHE_DIR: cacheDir(), OPENAI_API_KEY: KEY } });
      const asked: string[] = [];
      io.ask = async (q) => (asked.push(q), answer);
      const before = server.requests.length;
      expect(await main(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--runs', '1', '--no-save'], io)).toBe(code);
      expect(asked[0]).toMatch(
        /^Send 1 streamed request for gpt-4o-mini to 127\.0\.0\.1:\d+ with the key in OPENAI_API_KEY: up to \$[\d.]+ at openai's catalog prices\? \[y\/N\] $/,
      );
      expect(server.requests.length - before).toBe(sent);
      expect(output().stderr + output().stdout).not.toContain(KEY);
    }
  });

  it('waits as a 429 Retry-After asks, then measures', async () => {
    server = await startStreamServer({ ttftMs: 20, interTokenMs: 5, tokens: 10, rateLimitFirst: { count: 1, retryAfter: '0.3' } });
    const t0 = Date.now();
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--runs', '1', '--yes', '--no-save'], {
      env: { MODEL_ADVISOR_CACHE_DIR: cacheDir() },
    });
    expect(r.code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(300);
    expect(r.stderr).toContain('rate limited (HTTP 429): waiting 300 ms as the server asks (Retry-After)');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up on a 429 that asks for too long a wait', async () => {
    server = await startStreamServer({ ttftMs: 20, interTokenMs: 5, tokens: 10, rateLimitFirst: { count: 5, retryAfter: '3600' } });
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--yes'], {
      env: { MODEL_ADVISOR_CACHE_DIR: cacheDir() },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: rate limited (HTTP 429): the server asks to wait 3600 s');
  });

  it('says so when the endpoint does not stream', async () => {
    server = await startStreamServer({ ttftMs: 0, interTokenMs: 0, tokens: 1, noStream: true });
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--yes'], {
      env: { MODEL_ADVISOR_CACHE_DIR: cacheDir() },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/answered without streaming \(content-type application\/json\)/);
    expect(r.stderr).toContain('server-sent events');
  });

  it('reports an HTTP error without the key, even when the server echoes it', async () => {
    server = await startStreamServer({
      ttftMs: 0,
      interTokenMs: 0,
      tokens: 1,
      fail: { status: 401, body: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}` } }) },
    });
    const dir = cacheDir();
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--yes'], {
      env: { MODEL_ADVISOR_CACHE_DIR: dir, OPENAI_API_KEY: KEY },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('HTTP 401');
    expect(r.stderr).toContain('[key]');
    expect(r.stderr).not.toContain(KEY);
    expect(r.stderr).toContain('hint: check the key in OPENAI_API_KEY');
    expect(existsSync(join(dir, 'measured-latency.json'))).toBe(false);
  });

  it('times out with a clear error', async () => {
    server = await startStreamServer({ ttftMs: 0, interTokenMs: 0, tokens: 1, hang: true });
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--timeout', '1', '--yes'], {
      env: { MODEL_ADVISOR_CACHE_DIR: cacheDir() },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no complete answer from 127.0.0.1');
    expect(r.stderr).toContain('within 1 s');
  });

  it('counts text chunks, and says so, when the stream reports no usage', async () => {
    server = await startStreamServer({ ttftMs: 50, interTokenMs: 20, tokens: 20, noUsage: true });
    const r = await runCli(
      ['latency', 'probe', 'gpt-4o-mini', '--base-url', `${server.url}/v1`, '--runs', '1', '--yes', '--json', '--no-save'],
      { env: { MODEL_ADVISOR_CACHE_DIR: cacheDir() } },
    );
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.tokensCountedFrom).toBe('chunks');
    within(out.outputTokensPerSecond.median, 50);
    expect(out.saved).toBeNull();
  });

  it('needs a key for a maker API, named by its variable', async () => {
    const r = await runCli(['latency', 'probe', 'gpt-4o-mini', '--yes'], {
      env: { MODEL_ADVISOR_CACHE_DIR: cacheDir(), OPENAI_API_KEY: undefined },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no API key for openai: set OPENAI_API_KEY');
  });
});

describe('recommend --task chat --needs low-latency (bundled catalog)', () => {
  it('ranks at least ten current models and says how latency was judged', async () => {
    const r = await runCli(['recommend', '--task', 'chat', '--needs', 'low-latency', '--top', '20', '--json'], {
      now: new Date('2026-12-02T12:00:00Z'),
    });
    expect(r.code).toBe(0);
    const out = json(r);
    expect(OUTPUT_SCHEMAS.recommend!.parse(out)).toEqual(out);
    expect(out.qualified).toBeGreaterThanOrEqual(10);
    expect(out.latency.rule).toMatch(/end-to-end time of one request on the offer priced/);
    for (const c of out.recommendations) {
      expect(c.latency.endToEndMs).toBeLessThanOrEqual(out.latency.boundMs);
      expect(c.latency.source).toMatch(/^https:/); // read from the full line, not the view
      expect(c.latency.provider).toBe(c.offer.provider);
    }
    const table = await runCli(['recommend', '--task', 'chat', '--needs', 'low-latency'], {
      now: new Date('2026-12-02T12:00:00Z'),
      env: { NO_COLOR: '1' },
    });
    expect(table.stdout).toMatch(/Latency: latency judged by the end-to-end time/);
    expect(table.stdout).toMatch(/Excluded: \d+ without a figure on the host priced, \d+ slower/);
  });
});

describe('the measured-latency layer', () => {
  it('a damaged file is passed over with a warning, never an error', async () => {
    const dir = cacheDir();
    writeFileSync(
      join(dir, 'measured-latency.json'),
      '{"schemaVersion":1,"entries":[{"model":"gpt-4o-mini","provider":"openai","kind":"maker"}]}',
    );
    const r = await runCli(['compare', 'gpt-4o-mini', 'gpt-4o', '--json'], { env: { MODEL_ADVISOR_CACHE_DIR: dir } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/measured-latency\.json: entry 0: .*latency measured on your account is not used/);
    expect(json(r).models[0].latency.kind).not.toBe('your-account');
  });

  it('a new probe of the same offer replaces the old; other offers stay', async () => {
    const { withMeasured, parseMeasured } = await import('../../src/catalog/measured.js');
    const e = (model: string, provider: string, ttftMs: number) => ({
      model,
      provider,
      ttftMs,
      kind: 'your-account' as const,
      source: 'probe',
      asOf: '2026-12-02',
    });
    const once = parseMeasured(withMeasured([], e('a', 'openai', 100)));
    const twice = parseMeasured(withMeasured(parseMeasured(withMeasured(once, e('b', 'openai', 200))), e('a', 'openai', 300)));
    expect(twice.map((x) => [x.model, x.ttftMs])).toEqual([
      ['a', 300],
      ['b', 200],
    ]);
  });
});
