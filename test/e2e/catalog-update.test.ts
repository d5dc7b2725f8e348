import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { createServer as createHttpsServer } from 'node:https';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/cli/output-schemas.js';

/**
 * `catalog update` end to end: the built binary against a mirror on 127.0.0.1 serving the small
 * upstream fixtures in test/fixtures (cut from the real databases). Nothing here reaches the
 * internet.
 */

const BIN = join(__dirname, '..', '..', 'bin', 'model-advisor.js');
const FIXTURES = join(__dirname, '..', 'fixtures');
const read = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

type Behaviour = 'ok' | '500' | 'bad-json' | 'truncated' | 'hang' | 'slow' | 'wrong-shape';

/** What the mirror serves, per path under its base. */
let bodies: Record<string, string>;
let behaviour: Record<string, Behaviour>;
let requests: { path: string; status: number }[];

function freshBodies(inputPrice = 0.15): Record<string, string> {
  const genai = read('genai-prices.json') as { id: string; models: { id: string; prices: Record<string, number> }[] }[];
  genai.find((p) => p.id === 'openai')!.models.find((m) => m.id === 'gpt-4o-mini')!.prices.input_mtok = inputPrice;
  return {
    // models.dev's api.json is its catalog.json's providers record.
    '/models.dev/api.json': JSON.stringify(read('models.dev.json').providers),
    '/litellm/model_prices_and_context_window.json': JSON.stringify(read('litellm.json')),
    '/genai-prices/data.json': JSON.stringify(genai),
  };
}

const etagOf = (s: string) => `"${createHash('sha256').update(s).digest('hex').slice(0, 16)}"`;

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    const body = bodies[path];
    const how = behaviour[path] ?? 'ok';
    const answer = (status: number, text = '') => {
      requests.push({ path, status });
      res.writeHead(status, status === 200 ? { etag: etagOf(body!), 'content-type': 'application/json' } : {});
      res.end(text);
    };
    if (body === undefined) return answer(404, 'not found');
    if (how === '500') return answer(500, 'oops');
    if (how === 'hang') return void requests.push({ path, status: 0 }); // never answers
    if (how === 'bad-json') return answer(200, `${body.slice(0, 100)} this is not JSON`);
    if (how === 'wrong-shape') return answer(200, '{"hello": "world"}');
    if (how === 'truncated') {
      requests.push({ path, status: 200 });
      res.writeHead(200, { 'content-length': String(Buffer.byteLength(body)) });
      res.write(body.slice(0, 200));
      setTimeout(() => res.destroy(), 20);
      return;
    }
    if (req.headers['if-none-match'] === etagOf(body)) return answer(304);
    if (how === 'slow') return void setTimeout(() => answer(200, body), 3000);
    answer(200, body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

let cache: string;
beforeEach(() => {
  bodies = freshBodies();
  behaviour = {};
  requests = [];
  cache = mkdtempSync(join(tmpdir(), 'model-advisor-cache-'));
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The binary, asynchronously (the mirror answers from this process's event loop). */
function run(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, MODEL_ADVISOR_CACHE_DIR: cache, NO_COLOR: '1', HTTP_PROXY: '', http_proxy: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const update = (...extra: string[]) => run(['catalog', 'update', '--mirror', base, '--min-models', '1', ...extra]);

const inputPrice = async (env: Record<string, string> = {}, ...flags: string[]) => {
  const r = await run([...flags, 'cost', 'gpt-4o-mini', '--provider', 'openai', '--input-tokens', '10M', '--json', '-q'], env);
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).results[0].perDay as number;
};

function checkSchema(name: string, out: unknown): void {
  const parsed = OUTPUT_SCHEMAS[name]!.safeParse(out);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
  expect(parsed.data).toEqual(out);
}

describe('catalog update from a mirror on loopback', () => {
  it('builds the cached catalog that every command then reads; catalog info, diff, --bundled and reset', async () => {
    expect(await inputPrice()).toBe(1.5);
    bodies = freshBodies(0.12);
    const r = await update('--json');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe(''); // progress only at a terminal
    const out = JSON.parse(r.stdout);
    checkSchema('catalog update', out);
    expect(out.sources.map((s: any) => [s.id, s.status])).toEqual([
      ['models.dev', 'downloaded'],
      ['litellm', 'downloaded'],
      ['genai-prices', 'downloaded'],
    ]);
    expect(out.sources[0].url).toBe(`${base}/models.dev/api.json`);
    expect(out.previous.kind).toBe('bundled');
    expect(out.changes.priceChanges).toContainEqual(
      expect.objectContaining({
        model: 'gpt-4o-mini',
        provider: 'openai',
        reference: true,
        price: 'input',
        from: 0.15,
        to: 0.12,
        source: 'genai-prices',
      }),
    );
    expect(readdirSync(cache).sort()).toEqual(['catalog.jsonl', 'last-diff.json', 'sources', 'state.json']);

    // The changed price, in every command.
    expect(await inputPrice()).toBe(1.2);
    const show = JSON.parse((await run(['show', 'gpt-4o-mini', '--json', '-q'])).stdout);
    expect(show.model.offers.find((o: any) => o.provider === 'openai').prices.input).toBe(0.12);
    const compare = JSON.parse((await run(['compare', 'gpt-4o-mini', 'gpt-4o', '--json', '-q'])).stdout);
    expect(JSON.stringify(compare.models[0])).toContain('0.12');
    const rec = JSON.parse(
      (
        await run([
          'recommend',
          '--task',
          'classification',
          '--include-deprecated',
          '--quality-floor',
          '0',
          '--min-evidence',
          '1',
          '--input-tokens',
          '10M',
          '--per',
          'day',
          '--json',
          '-q',
        ])
      ).stdout,
    );
    expect(rec.recommendations.find((x: any) => x.model.id === 'gpt-4o-mini')).toMatchObject({
      perDay: 1.2,
      offer: { prices: { input: 0.12 } },
    });

    const info = await run(['catalog', 'info', '--json', '-q']);
    const i = JSON.parse(info.stdout);
    checkSchema('catalog info', i);
    expect(i.catalog).toMatchObject({ kind: 'cached', path: join(cache, 'catalog.jsonl') });
    const today = new Date().toISOString().slice(0, 10);
    for (const s of i.sources) expect(s).toMatchObject({ capturedAt: today, ageDays: 0 });
    expect(i.sources.find((s: any) => s.id === 'models.dev').url).toBe(`${base}/models.dev/api.json`);
    const text = await run(['catalog', 'info']);
    expect(text.stdout).toMatch(/^Catalog in use: updated .* by catalog update/);
    // A fresh update is not stale, whatever the warning threshold.
    expect(text.stderr).not.toMatch(/days old/);

    const diff = await run(['catalog', 'diff']);
    expect(diff.status).toBe(0);
    expect(diff.stdout).toContain('gpt-4o-mini input $0.15 → $0.12 (genai-prices, ');
    checkSchema('catalog diff', JSON.parse((await run(['catalog', 'diff', '--json'])).stdout));

    expect(await inputPrice({}, '--bundled')).toBe(1.5);
    const bundledInfo = JSON.parse((await run(['--bundled', 'catalog', 'info', '--json', '-q'])).stdout);
    expect(bundledInfo.catalog.kind).toBe('bundled');

    const reset = await run(['catalog', 'reset', '--json']);
    expect(reset.status).toBe(0);
    checkSchema('catalog reset', JSON.parse(reset.stdout));
    expect(existsSync(join(cache, 'catalog.jsonl'))).toBe(false);
    expect(await inputPrice()).toBe(1.5);
    const noDiff = await run(['catalog', 'diff']);
    expect(noDiff.status).toBe(1);
    expect(noDiff.stderr).toMatch(/^error: no catalog update to compare/);
  });

  it('asks again with the ETag and reuses a source the server says is unchanged (304)', async () => {
    expect((await update()).status).toBe(0);
    bodies['/litellm/model_prices_and_context_window.json'] = JSON.stringify({
      ...read('litellm.json'),
      'extra-model-x': { mode: 'chat', input_cost_per_token: 1e-6, output_cost_per_token: 2e-6, litellm_provider: 'openai' },
    });
    requests = [];
    const r = await update('--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.fromEntries(out.sources.map((s: any) => [s.id, s.status]))).toEqual({
      'models.dev': 'not-modified',
      litellm: 'downloaded',
      'genai-prices': 'not-modified',
    });
    expect(requests.filter((q) => q.status === 304)).toHaveLength(2);
    expect(out.previous.kind).toBe('cached');
    expect(out.changes.priceChanges).toEqual([]);
  });

  it.each<[Behaviour, RegExp]>([
    ['500', /litellm \(http:\/\/127\.0\.0\.1:\d+\/litellm\/model_prices_and_context_window\.json\): HTTP 500/],
    ['bad-json', /litellm .*: not valid JSON/],
    ['truncated', /litellm .*: .*truncated/],
    ['hang', /litellm .*: timed out after 2 s/],
    ['wrong-shape', /litellm .*: only 0 models, fewer than the floor/],
  ])('a source that fails (%s) exits 1 naming it and leaves the catalog in use unchanged', async (how, message) => {
    bodies = freshBodies(0.12);
    expect((await update()).status).toBe(0);
    const before = readFileSync(join(cache, 'catalog.jsonl'));
    bodies = freshBodies(0.1);
    behaviour['/litellm/model_prices_and_context_window.json'] = how;
    const r = await update('--timeout', '2');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: catalog update failed, the cached catalog stays in use:/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/genai-prices \(|models\.dev \(/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(join(cache, 'catalog.jsonl')).equals(before)).toBe(true);
    expect(readdirSync(cache).filter((f) => f.endsWith('.tmp') || f === 'update.lock')).toEqual([]);
    expect(await inputPrice()).toBe(1.2);
  });

  it('refuses a source far smaller than the last capture unless --force', async () => {
    expect((await update()).status).toBe(0);
    const providers = read('models.dev.json').providers;
    bodies['/models.dev/api.json'] = JSON.stringify({
      openai: { ...providers.openai, models: { 'gpt-4o': providers.openai.models['gpt-4o'] } },
    });
    const r = await update();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/models\.dev .*: 1 models, far fewer than the \d+ of the last capture/);
    expect(r.stderr).toMatch(/hint: --force/);
    expect((await update('--force')).status).toBe(0);
  });

  it('a held lock is a clear error; a lock left by a dead process is taken over', async () => {
    writeFileSync(join(cache, 'update.lock'), JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() }));
    const r = await update();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: another catalog update is running \\(pid ${process.pid}`));
    expect(existsSync(join(cache, 'catalog.jsonl'))).toBe(false);
    writeFileSync(join(cache, 'update.lock'), JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), startedAt: new Date().toISOString() }));
    // The dead update's half-written file goes too.
    writeFileSync(join(cache, 'catalog.jsonl.4194311.tmp'), 'half');
    expect((await update()).status).toBe(0);
    expect(existsSync(join(cache, 'catalog.jsonl.4194311.tmp'))).toBe(false);
    expect(existsSync(join(cache, 'update.lock'))).toBe(false);
  });

  it('two updates at once: one runs, the other says the lock is held; the catalog is whole', async () => {
    behaviour['/genai-prices/data.json'] = 'slow';
    const [a, b] = await Promise.all([update(), update()]);
    const codes = [a.status, b.status].sort();
    expect(codes).toEqual([0, 1]);
    expect([a.stderr, b.stderr].join('\n')).toMatch(/another catalog update is running/);
    expect(await inputPrice()).toBe(1.5);
  });

  it('--source name=file reads one source from a file; the others still come from the mirror', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'model-advisor-src-'));
    const file = join(dir, 'data.json');
    writeFileSync(file, freshBodies(0.3)['/genai-prices/data.json']!);
    const r = await update('--source', `genai-prices=${file}`, '--json');
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.sources.find((s: any) => s.id === 'genai-prices')).toMatchObject({ status: 'file', url: file });
    expect(requests.map((q) => q.path)).not.toContain('/genai-prices/data.json');
    expect(await inputPrice()).toBe(3);
    rmSync(dir, { recursive: true });
    const bad = await update('--source', 'nosuch=x');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--source: "nosuch=x" is not <name>=<url\|file>/);
  });

  it('goes through HTTP_PROXY, and around it for hosts in NO_PROXY', async () => {
    let proxied = 0;
    const proxy = createServer((req, res) => {
      proxied++;
      const target = new URL(req.url!);
      const up = httpRequest(
        { host: target.hostname, port: target.port, path: target.pathname, headers: req.headers },
        (r: IncomingMessage) => {
          res.writeHead(r.statusCode ?? 502, r.headers);
          r.pipe(res);
        },
      );
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    try {
      const viaProxy = await run(['catalog', 'update', '--mirror', base, '--min-models', '1'], { HTTP_PROXY: proxyUrl, NO_PROXY: '' });
      expect(viaProxy.status, viaProxy.stderr).toBe(0);
      expect(proxied).toBe(3);
      const around = await run(['catalog', 'update', '--mirror', base, '--min-models', '1'], {
        HTTP_PROXY: proxyUrl,
        NO_PROXY: 'localhost,127.0.0.1',
      });
      expect(around.status, around.stderr).toBe(0);
      expect(proxied).toBe(3);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });

  it('reaches an HTTPS mirror through an HTTPS_PROXY CONNECT tunnel', async () => {
    const tls = join(FIXTURES, 'tls');
    const secure = createHttpsServer(
      { cert: readFileSync(join(tls, 'localhost-cert.pem')), key: readFileSync(join(tls, 'localhost-key.pem')) },
      (req, res) => {
        const body = bodies[req.url ?? ''];
        res.writeHead(body === undefined ? 404 : 200);
        res.end(body ?? '');
      },
    );
    await new Promise<void>((r) => secure.listen(0, '127.0.0.1', r));
    const tunnels: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, socket) => {
      tunnels.push(req.url!);
      const [host, port] = req.url!.split(':');
      const up = connect(Number(port), host === 'localhost' ? '127.0.0.1' : host, () => {
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        up.pipe(socket);
        socket.pipe(up);
      });
      up.on('error', () => socket.destroy());
      socket.on('error', () => up.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const port = (secure.address() as AddressInfo).port;
      bodies = freshBodies(0.2);
      const r = await run(['catalog', 'update', '--mirror', `https://localhost:${port}`, '--min-models', '1'], {
        HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        NO_PROXY: '',
        NODE_EXTRA_CA_CERTS: join(tls, 'localhost-cert.pem'),
      });
      expect(r.status, r.stderr).toBe(0);
      expect(tunnels).toEqual([`localhost:${port}`, `localhost:${port}`, `localhost:${port}`]);
      expect(await inputPrice()).toBe(2);
      // An IP address: verified against the certificate's IP entry, and no SNI (Node warns on one).
      const byIp = await run(['catalog', 'update', '--mirror', `https://127.0.0.1:${port}`, '--min-models', '1', '--force'], {
        HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
        NO_PROXY: '',
        NODE_EXTRA_CA_CERTS: join(tls, 'localhost-cert.pem'),
      });
      expect(byIp.status, byIp.stderr).toBe(0);
      expect(byIp.stderr).toBe('');
      expect(tunnels.at(-1)).toBe(`127.0.0.1:${port}`);
      // Without the certificate trusted, TLS fails and says so.
      rmSync(join(cache, 'catalog.jsonl'));
      const untrusted = await run(['catalog', 'update', '--mirror', `https://localhost:${port}`, '--min-models', '1'], { NO_PROXY: '*' });
      expect(untrusted.status).toBe(1);
      expect(untrusted.stderr).toMatch(/models\.dev \(https:\/\/localhost:\d+\/models\.dev\/api\.json\): .*(certificate|SELF_SIGNED)/i);
    } finally {
      for (const s of [secure, proxy]) {
        s.closeAllConnections();
        s.close();
      }
    }
  });

  it('a cache folder that cannot be written: exit 1, the bundled catalog still in use', async () => {
    const file = join(cache, 'not-a-dir');
    writeFileSync(file, '');
    const r = await run(['catalog', 'update', '--mirror', base, '--min-models', '1'], { MODEL_ADVISOR_CACHE_DIR: join(file, 'sub') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^error: cannot write the cache directory .*not-a-dir\/sub/);
    expect(r.stderr).toMatch(/hint: set MODEL_ADVISOR_CACHE_DIR/);
    if (process.getuid?.() !== 0) {
      const ro = join(cache, 'ro');
      mkdirSync(ro);
      chmodSync(ro, 0o500);
      const r2 = await run(['catalog', 'update', '--mirror', base, '--min-models', '1'], { MODEL_ADVISOR_CACHE_DIR: ro });
      expect(r2.status).toBe(1);
      expect(r2.stderr).toMatch(/cannot write the cache directory/);
    }
  });

  it('a damaged cached catalog is passed over with a warning; the bundled one answers', async () => {
    expect((await update()).status).toBe(0);
    const p = join(cache, 'catalog.jsonl');
    writeFileSync(p, readFileSync(p).subarray(0, 5000));
    const r = await run(['cost', 'gpt-4o-mini', '--provider', 'openai', '--input-tokens', '10M', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).results[0].perDay).toBe(1.5);
    expect(r.stderr).toMatch(/warning: the updated catalog \(.*\) is damaged: .*; using the bundled catalog/);
  });

  it('output piped into head: the update completes, nothing said about the closed pipe', async () => {
    const child = spawn(
      'bash',
      ['-c', `"${process.execPath}" "${BIN}" catalog update --mirror ${base} --min-models 1 --json | head -c 10`],
      {
        env: { ...process.env, MODEL_ADVISOR_CACHE_DIR: cache, HTTP_PROXY: '', http_proxy: '' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    await new Promise((r) => child.on('close', r));
    expect(stderr).toBe('');
    expect(existsSync(join(cache, 'catalog.jsonl'))).toBe(true);
    expect(existsSync(join(cache, 'update.lock'))).toBe(false);
  });

  it('bad flag values name the flag', async () => {
    for (const [args, message] of [
      [['--timeout', 'soon'], /--timeout: "soon" must be a whole number/],
      [['--mirror', 'not a url'], /--mirror: "not a url" is not a URL/],
    ] as const) {
      const r = await run(['catalog', 'update', ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('the download client', () => {
  it('tunnels through a CONNECT proxy', async () => {
    const { tunnel } = await import('../../src/cli/http.js');
    let connects = 0;
    const proxy = createServer();
    proxy.on('connect', (req, socket) => {
      connects++;
      const [host, port] = req.url!.split(':');
      const up = connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        up.pipe(socket);
        socket.pipe(up);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    try {
      const p = new URL(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
      const socket = await tunnel(p, new URL(`${base}/genai-prices/data.json`), 5000, { timeoutMs: 5000, maxBytes: 1e6, env: {} }, false);
      const reply = await new Promise<string>((resolve) => {
        let got = '';
        socket.on('data', (c) => (got += c));
        socket.on('end', () => resolve(got));
        socket.write('GET /genai-prices/data.json HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n');
      });
      expect(connects).toBe(1);
      expect(reply).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      proxy.closeAllConnections();
      proxy.close();
    }
  });

  it('reads the proxy settings as curl does', async () => {
    const { proxyFor } = await import('../../src/cli/http.js');
    const u = new URL('https://models.dev/api.json');
    expect(proxyFor(u, {})).toBeUndefined();
    expect(proxyFor(u, { HTTPS_PROXY: 'proxy.corp:3128' })?.href).toBe('http://proxy.corp:3128/');
    expect(proxyFor(u, { https_proxy: 'http://a:8080', HTTPS_PROXY: 'http://b:8080' })?.host).toBe('a:8080');
    expect(proxyFor(new URL('http://x.org/'), { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
    for (const no of ['models.dev', '.models.dev', '*.dev', '*', 'dev', 'models.dev:443', 'x.org, models.dev'])
      expect(proxyFor(u, { HTTPS_PROXY: 'http://p:1', NO_PROXY: no }), no).toBeUndefined();
    for (const no of ['odels.dev', 'models.dev:8443', 'api.models.dev'])
      expect(proxyFor(u, { HTTPS_PROXY: 'http://p:1', NO_PROXY: no }), no).toBeDefined();
    expect(() => proxyFor(u, { HTTPS_PROXY: 'https://p:1' })).toThrow(/only http:\/\/ proxies/);
  });
});
