import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download } from '../../src/cli/http.js';

/** The download client of `catalog update` against a server on 127.0.0.1. */

const BODY = JSON.stringify({ hello: 'world', n: Array.from({ length: 2000 }, (_, i) => i) });
let server: Server;
let base: string;
const seen: Record<string, string | undefined>[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, inm: req.headers['if-none-match'] as string, ims: req.headers['if-modified-since'] as string });
    const enc = String(req.headers['accept-encoding'] ?? '');
    switch (req.url) {
      case '/gzip':
        res.writeHead(200, { 'content-encoding': 'gzip', etag: '"g1"' });
        return res.end(gzipSync(BODY));
      case '/br':
        res.writeHead(200, { 'content-encoding': 'br' });
        return res.end(brotliCompressSync(BODY));
      case '/plain':
        if (req.headers['if-none-match'] === '"p1"') return res.writeHead(304).end();
        res.writeHead(200, { etag: '"p1"', 'last-modified': 'Wed, 02 Dec 2026 07:00:00 GMT', 'x-enc': enc });
        return res.end(BODY);
      case '/moved':
        res.writeHead(302, { location: '/plain' });
        return res.end();
      case '/loop':
        res.writeHead(301, { location: '/loop' });
        return res.end();
      case '/bad-gzip':
        res.writeHead(200, { 'content-encoding': 'gzip' });
        return res.end('not gzip at all');
      default:
        res.writeHead(404, 'Not Found');
        return res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => server.close());

const opts = { timeoutMs: 5000, maxBytes: 1 << 20, env: {} };

describe('download', () => {
  it('decompresses gzip and brotli bodies and keeps the validators', async () => {
    for (const path of ['/gzip', '/br']) {
      const r = await download(`${base}${path}`, opts);
      expect(r.notModified).toBe(false);
      if (!r.notModified) expect(r.body.toString()).toBe(BODY);
    }
    const g = await download(`${base}/gzip`, opts);
    expect(!g.notModified && g.validators).toEqual({ etag: '"g1"', lastModified: undefined });
  });

  it('follows redirects, and gives up on a loop', async () => {
    const r = await download(`${base}/moved`, opts);
    expect(!r.notModified && r.body.toString()).toBe(BODY);
    await expect(download(`${base}/loop`, opts)).rejects.toThrow(/more than 5 redirects/);
  });

  it('sends If-None-Match and If-Modified-Since, and reports 304 as not modified', async () => {
    const first = await download(`${base}/plain`, opts);
    expect(first.notModified).toBe(false);
    const validators = !first.notModified ? first.validators : {};
    expect(validators).toEqual({ etag: '"p1"', lastModified: 'Wed, 02 Dec 2026 07:00:00 GMT' });
    const again = await download(`${base}/plain`, { ...opts, validators });
    expect(again.notModified).toBe(true);
    expect(seen.at(-1)).toMatchObject({ inm: '"p1"', ims: 'Wed, 02 Dec 2026 07:00:00 GMT' });
  });

  it('refuses bodies over the size limit, HTTP errors and undecodable encodings with the reason', async () => {
    await expect(download(`${base}/plain`, { ...opts, maxBytes: 1000 })).rejects.toThrow(/larger than the limit/);
    await expect(download(`${base}/nope`, opts)).rejects.toThrow(/HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/nope/);
    await expect(download(`${base}/bad-gzip`, opts)).rejects.toThrow(/gzip body does not decompress/);
    await expect(download('ftp://example.com/x', opts)).rejects.toThrow(/unsupported URL scheme ftp:/);
  });
});
