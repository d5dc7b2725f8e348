import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as tlsConnect } from 'node:tls';
import { isIP, type Socket } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * Downloads for `catalog update`, with node:http(s) rather than fetch: Node 20's fetch ignores
 * HTTPS_PROXY, HTTP_PROXY and NO_PROXY, which people behind a corporate proxy already have set.
 * HTTPS goes through an http:// proxy by a CONNECT tunnel; plain HTTP by asking the proxy for the
 * absolute URL. Conditional requests (ETag, Last-Modified), redirects, gzip and brotli, a deadline
 * for the whole download and a size limit are handled here.
 */

export class DownloadError extends Error {
  override readonly name = 'DownloadError';
}

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type Downloaded = { notModified: true } | { notModified: false; body: Buffer; validators: Validators };

export interface DownloadOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Sent as If-None-Match / If-Modified-Since: a 304 answer means the copy we have is current. */
  validators?: Validators;
  env: Record<string, string | undefined>;
  /** Bytes received so far and the total when the server says it. */
  onProgress?: (received: number, total: number | undefined) => void;
}

const MAX_REDIRECTS = 5;

export async function download(url: string, opts: DownloadOptions): Promise<Downloaded> {
  const deadline = Date.now() + opts.timeoutMs;
  let target = new URL(url);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const res = await get(target, opts, deadline);
    const status = res.statusCode ?? 0;
    if ([301, 302, 303, 307, 308].includes(status) && res.headers.location) {
      res.resume();
      target = new URL(res.headers.location, target);
      continue;
    }
    if (status === 304) {
      res.resume();
      return { notModified: true };
    }
    if (status < 200 || status > 299) {
      res.resume();
      throw new DownloadError(`HTTP ${status}${res.statusMessage ? ` ${res.statusMessage}` : ''} from ${target.href}`);
    }
    const body = await readBody(res, opts, deadline);
    const etag = header(res, 'etag');
    const lastModified = header(res, 'last-modified');
    return { notModified: false, body, validators: { etag, lastModified } };
  }
  throw new DownloadError(`more than ${MAX_REDIRECTS} redirects from ${url}`);
}

function header(res: IncomingMessage, name: string): string | undefined {
  const v = res.headers[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function remaining(deadline: number, opts: DownloadOptions): number {
  const left = deadline - Date.now();
  if (left <= 0) throw timedOut(opts);
  return left;
}

function timedOut(opts: DownloadOptions): DownloadError {
  return new DownloadError(`timed out after ${opts.timeoutMs / 1000} s`);
}

/** Starts a GET and resolves with the response head. */
async function get(url: URL, opts: DownloadOptions, deadline: number): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new DownloadError(`unsupported URL scheme ${url.protocol} (http: or https: only)`);
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', 'user-agent': 'model-advisor catalog update' };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;
  const proxy = proxyFor(url, opts.env);
  const base: RequestOptions = { method: 'GET', headers };
  let req: ReturnType<typeof httpRequest>;
  if (proxy && url.protocol === 'http:') {
    // A plain-HTTP request through a proxy names the absolute URL.
    req = httpRequest({
      ...base,
      host: proxy.hostname,
      port: proxy.port || 80,
      path: url.href,
      headers: { ...headers, ...proxyAuth(proxy) },
    });
  } else if (proxy) {
    const socket = await tunnel(proxy, url, remaining(deadline, opts), opts);
    req = httpsRequest({ ...base, host: url.hostname, path: url.pathname + url.search, createConnection: () => socket });
  } else {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    req = request({ ...base, host: url.hostname, port: url.port || undefined, path: url.pathname + url.search });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => req.destroy(timedOut(opts)), remaining(deadline, opts));
    req.once('response', (res) => {
      clearTimeout(timer);
      resolve(res);
    });
    req.once('error', (e) => {
      clearTimeout(timer);
      reject(e instanceof DownloadError ? e : new DownloadError(describe(e)));
    });
    req.end();
  });
}

/** A TLS socket to `url`'s host through an HTTP proxy's CONNECT tunnel. */
export function tunnel(proxy: URL, url: URL, timeoutMs: number, opts: DownloadOptions, tls = true): Promise<Socket> {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: proxy.hostname,
      port: proxy.port || 80,
      method: 'CONNECT',
      path: `${url.hostname}:${port}`,
      headers: { host: `${url.hostname}:${port}`, ...proxyAuth(proxy) },
    });
    const timer = setTimeout(() => req.destroy(timedOut(opts)), timeoutMs);
    req.once('connect', (res, socket) => {
      clearTimeout(timer);
      if (res.statusCode !== 200) {
        socket.destroy();
        reject(new DownloadError(`proxy ${proxy.host} refused the tunnel to ${url.host}: HTTP ${res.statusCode}`));
        return;
      }
      // SNI carries host names only (an IP address there is refused by RFC 6066, and Node warns).
      const host = url.hostname.replace(/^\[|\]$/g, '');
      resolve(tls ? tlsConnect({ socket, servername: isIP(host) ? undefined : host, host }) : socket);
    });
    req.once('error', (e) => {
      clearTimeout(timer);
      reject(new DownloadError(`proxy ${proxy.host}: ${describe(e)}`));
    });
    req.end();
  });
}

function proxyAuth(proxy: URL): Record<string, string> {
  if (!proxy.username) return {};
  const creds = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(creds).toString('base64')}` };
}

/**
 * The proxy for a URL from the environment, as curl reads it: HTTPS_PROXY for https, HTTP_PROXY
 * for http (either case), none when NO_PROXY lists the host (`*`, a name, or a domain suffix,
 * optionally with a port).
 */
export function proxyFor(url: URL, env: Record<string, string | undefined>): URL | undefined {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  const raw = url.protocol === 'https:' ? pick('https_proxy', 'HTTPS_PROXY') : pick('http_proxy', 'HTTP_PROXY');
  if (!raw) return undefined;
  const noProxy = pick('no_proxy', 'NO_PROXY') ?? '';
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (let entry of noProxy.split(/[,\s]+/).filter(Boolean)) {
    entry = entry.toLowerCase();
    if (entry === '*') return undefined;
    let entryPort: string | undefined;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\]$/g, ''));
    if (m && m[2] && !m[1]!.includes(':')) {
      entry = m[1]!;
      entryPort = m[2];
    }
    if (entryPort && entryPort !== port) continue;
    const bare = entry.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) return undefined;
  }
  let proxy: URL;
  try {
    proxy = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new DownloadError(`the proxy setting "${raw}" is not a URL`);
  }
  if (proxy.protocol !== 'http:') throw new DownloadError(`proxy ${proxy.href}: only http:// proxies are supported`);
  return proxy;
}

/** The response body, decompressed, within the deadline and the size limit. */
function readBody(res: IncomingMessage, opts: DownloadOptions, deadline: number): Promise<Buffer> {
  const total = Number(res.headers['content-length']) || undefined;
  const encoding = String(res.headers['content-encoding'] ?? 'identity').toLowerCase();
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  return new Promise((resolve, reject) => {
    let received = 0;
    let size = 0;
    const chunks: Buffer[] = [];
    let done = false;
    const fail = (e: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      res.destroy();
      decoder?.destroy();
      reject(e instanceof DownloadError ? e : new DownloadError(describe(e)));
    };
    const timer = setTimeout(() => fail(timedOut(opts)), remaining(deadline, opts));
    res.on('data', (c: Buffer) => {
      received += c.length;
      opts.onProgress?.(received, total);
    });
    res.once('aborted', () =>
      fail(new DownloadError(`the connection closed after ${received}${total ? ` of ${total}` : ''} bytes (truncated)`)),
    );
    res.once('error', fail);
    const out = decoder ? res.pipe(decoder) : res;
    if (decoder) decoder.once('error', (e) => fail(new DownloadError(`the ${encoding} body does not decompress: ${e.message}`)));
    out.on('data', (c: Buffer) => {
      size += c.length;
      if (size > opts.maxBytes) fail(new DownloadError(`larger than the limit of ${opts.maxBytes / 1048576} MiB`));
      else chunks.push(c);
    });
    out.once('end', () => {
      if (done) return;
      if (!res.complete || (total !== undefined && !decoder && received < total)) {
        fail(new DownloadError(`the connection closed after ${received}${total ? ` of ${total}` : ''} bytes (truncated)`));
        return;
      }
      done = true;
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
  });
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED') return `connection refused (${err.message.replace(/^connect ECONNREFUSED /, '')})`;
  if (err?.code === 'ENOTFOUND') return `host not found (${err.message.replace(/^getaddrinfo ENOTFOUND /, '')})`;
  if (err?.code === 'ECONNRESET' || err?.message === 'aborted') return 'the connection was reset (truncated)';
  return err?.code ? `${err.code}: ${err.message}` : String(err?.message ?? e);
}
