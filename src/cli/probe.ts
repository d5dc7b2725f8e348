import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { UserError } from '../errors.js';
import { proxyFor, tunnel } from './http.js';

/**
 * One streamed request to a model API, timed: when the first output text arrived, when the last
 * did, and how many output tokens the stream's usage reports. Two wire formats: OpenAI's chat
 * completions (the format most hosts, gateways and local servers speak) and Anthropic's messages.
 * node:http(s) rather than fetch, for the proxies `catalog update` honours (HTTPS_PROXY, NO_PROXY).
 * The key goes in a header and nowhere else: error messages are scrubbed of it.
 */

export type ApiStyle = 'openai' | 'anthropic';

export interface Endpoint {
  style: ApiStyle;
  /** The full URL requests go to. */
  url: string;
  /** The environment variable the key came from (named in messages, never its value). */
  keyVar?: string;
  key?: string;
  /** OpenAI's own API wants max_completion_tokens; most compatible servers know only max_tokens. */
  maxTokensField: 'max_tokens' | 'max_completion_tokens';
}

export interface ProbeRequest {
  model: string;
  prompt: string;
  maxTokens: number;
  timeoutMs: number;
}

export interface Timing {
  /** ms from sending the request to the first chunk carrying output text. */
  ttftMs: number;
  /** ms from sending to the last chunk carrying output text. */
  lastMs: number;
  /** Output tokens as the stream's usage reports them (null when it reports none). */
  outputTokens: number | null;
  /** Hidden reasoning tokens among them, where reported. */
  reasoningTokens: number | null;
  inputTokens: number | null;
  /** Chunks that carried output text (the count used when no usage is reported). */
  textChunks: number;
}

/** A 429: how long the server asked us to wait (ms), if it said. */
export class RateLimited extends Error {
  constructor(readonly retryAfterMs: number | undefined) {
    super('rate limited (HTTP 429)');
  }
}

/** Hosts whose OpenAI-compatible endpoint and key variable are well known. */
export const KNOWN_ENDPOINTS: Record<string, { style: ApiStyle; base: string; keyVars: string[] }> = {
  openai: { style: 'openai', base: 'https://api.openai.com/v1', keyVars: ['OPENAI_API_KEY'] },
  anthropic: { style: 'anthropic', base: 'https://api.anthropic.com', keyVars: ['ANTHROPIC_API_KEY'] },
  google: {
    style: 'openai',
    base: 'https://generativelanguage.googleapis.com/v1beta/openai',
    keyVars: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  },
  xai: { style: 'openai', base: 'https://api.x.ai/v1', keyVars: ['XAI_API_KEY'] },
  mistral: { style: 'openai', base: 'https://api.mistral.ai/v1', keyVars: ['MISTRAL_API_KEY'] },
  deepseek: { style: 'openai', base: 'https://api.deepseek.com/v1', keyVars: ['DEEPSEEK_API_KEY'] },
  groq: { style: 'openai', base: 'https://api.groq.com/openai/v1', keyVars: ['GROQ_API_KEY'] },
  togetherai: { style: 'openai', base: 'https://api.together.xyz/v1', keyVars: ['TOGETHER_API_KEY'] },
  'fireworks-ai': { style: 'openai', base: 'https://api.fireworks.ai/inference/v1', keyVars: ['FIREWORKS_API_KEY'] },
  deepinfra: { style: 'openai', base: 'https://api.deepinfra.com/v1/openai', keyVars: ['DEEPINFRA_API_KEY'] },
  cerebras: { style: 'openai', base: 'https://api.cerebras.ai/v1', keyVars: ['CEREBRAS_API_KEY'] },
  openrouter: { style: 'openai', base: 'https://openrouter.ai/api/v1', keyVars: ['OPENROUTER_API_KEY'] },
};

/** The endpoint for a provider (or --base-url), with the key from the environment. */
export function endpointFor(provider: string, baseUrl: string | undefined, env: Record<string, string | undefined>): Endpoint {
  const known = KNOWN_ENDPOINTS[provider];
  const style: ApiStyle = known?.style ?? 'openai';
  const base = (baseUrl ?? known?.base)?.replace(/\/+$/, '');
  if (!base)
    throw new UserError(
      `no known API endpoint for provider ${provider}`,
      `give --base-url (an OpenAI-compatible endpoint, e.g. https://host/v1), or --provider one of ${Object.keys(KNOWN_ENDPOINTS).join(', ')}`,
    );
  let url: URL;
  try {
    url = new URL(style === 'anthropic' ? `${base.replace(/\/v1$/, '')}/v1/messages` : `${base}/chat/completions`);
  } catch {
    throw new UserError(`--base-url: "${baseUrl}" is not a URL`, 'for example --base-url http://127.0.0.1:8080/v1');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`--base-url: ${url.protocol} is not http: or https:`);
  const keyVars = known?.keyVars ?? [`${provider.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_API_KEY`];
  const keyVar = [...keyVars, 'MODEL_ADVISOR_API_KEY'].find((v) => env[v]);
  // A local server or a gateway given by --base-url may need no key; a maker's API always does.
  if (!keyVar && !baseUrl)
    throw new UserError(
      `no API key for ${provider}: set ${keyVars.join(' or ')}`,
      'latency probe sends requests with your own key, from the environment',
    );
  return {
    style,
    url: url.href,
    keyVar,
    key: keyVar ? env[keyVar] : undefined,
    maxTokensField: provider === 'openai' && !baseUrl ? 'max_completion_tokens' : 'max_tokens',
  };
}

function body(ep: Endpoint, r: ProbeRequest): string {
  if (ep.style === 'anthropic')
    return JSON.stringify({ model: r.model, max_tokens: r.maxTokens, stream: true, messages: [{ role: 'user', content: r.prompt }] });
  return JSON.stringify({
    model: r.model,
    [ep.maxTokensField]: r.maxTokens,
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: r.prompt }],
  });
}

function headers(ep: Endpoint, payload: string): Record<string, string> {
  const h: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    'content-length': String(Buffer.byteLength(payload)),
    'user-agent': 'model-advisor latency probe',
  };
  if (ep.style === 'anthropic') {
    h['anthropic-version'] = '2023-06-01';
    if (ep.key) h['x-api-key'] = ep.key;
  } else if (ep.key) h.authorization = `Bearer ${ep.key}`;
  return h;
}

/** Sends one streamed request and times it. Throws UserError (with the key scrubbed) or RateLimited. */
export async function timeOneRequest(
  ep: Endpoint,
  r: ProbeRequest,
  env: Record<string, string | undefined>,
  now: () => number = performance.now.bind(performance),
): Promise<Timing> {
  const scrub = (s: string) => (ep.key ? s.split(ep.key).join('[key]') : s);
  const payload = body(ep, r);
  const url = new URL(ep.url);
  const started = now();
  let req: ClientRequest | undefined;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      req?.destroy();
      reject(
        new UserError(
          `no complete answer from ${url.host} within ${r.timeoutMs / 1000} s`,
          'a slow model or a long --max-tokens needs --timeout <seconds>',
        ),
      );
    }, r.timeoutMs);
  });
  try {
    const res = await Promise.race([send(url, ep, payload, env, (q) => (req = q)), timeout]);
    const status = res.statusCode ?? 0;
    if (status === 429) {
      res.resume();
      throw new RateLimited(retryAfter(res.headers['retry-after']));
    }
    if (status < 200 || status > 299) {
      const text = await Promise.race([readAll(res), timeout]);
      throw new UserError(`HTTP ${status} from ${url.host}: ${scrub(errorMessage(text))}`, hintFor(status, ep));
    }
    const type = String(res.headers['content-type'] ?? '');
    if (!type.includes('text/event-stream')) {
      res.resume();
      throw new UserError(
        `${url.host} answered without streaming (content-type ${type || 'not given'})`,
        'latency probe needs an endpoint that streams server-sent events (stream: true); time to first token cannot be measured otherwise',
      );
    }
    return await Promise.race([readStream(res, ep.style, started, now, scrub), timeout]);
  } catch (e) {
    if (e instanceof UserError || e instanceof RateLimited) throw e;
    throw new UserError(`request to ${url.host} failed: ${scrub((e as Error).message)}`);
  } finally {
    clearTimeout(timer);
  }
}

async function send(
  url: URL,
  ep: Endpoint,
  payload: string,
  env: Record<string, string | undefined>,
  onRequest: (r: ClientRequest) => void,
): Promise<IncomingMessage> {
  const h = headers(ep, payload);
  const proxy = proxyFor(url, env);
  const base = { method: 'POST', headers: h };
  let req: ClientRequest;
  if (proxy && url.protocol === 'http:') req = httpRequest({ ...base, host: proxy.hostname, port: proxy.port || 80, path: url.href });
  else if (proxy) {
    const socket = await tunnel(proxy, url, 30_000, { timeoutMs: 30_000, maxBytes: 0, env });
    req = httpsRequest({ ...base, host: url.hostname, path: url.pathname + url.search, createConnection: () => socket });
  } else {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    req = request({ ...base, host: url.hostname, port: url.port || undefined, path: url.pathname + url.search });
  }
  onRequest(req);
  return new Promise((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
    req.end(payload);
  });
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (c: string) => {
      if (text.length < 4000) text += c;
    });
    res.once('end', () => resolve(text));
    res.once('error', reject);
  });
}

/** Parses the server-sent events as they arrive, noting when output text comes. */
function readStream(
  res: IncomingMessage,
  style: ApiStyle,
  started: number,
  now: () => number,
  scrub: (s: string) => string,
): Promise<Timing> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let first: number | undefined;
    let last: number | undefined;
    let chunks = 0;
    let outputTokens: number | null = null;
    let inputTokens: number | null = null;
    let reasoningTokens: number | null = null;
    let failed: string | undefined;
    const onEvent = (data: string) => {
      if (data === '[DONE]') return;
      let ev: Record<string, any>;
      try {
        ev = JSON.parse(data) as Record<string, any>;
      } catch {
        return;
      }
      if (ev.error) failed = String(ev.error.message ?? JSON.stringify(ev.error));
      let text = '';
      if (style === 'openai') {
        for (const c of (ev.choices as any[]) ?? []) text += String(c?.delta?.content ?? '');
        const u = ev.usage;
        if (u) {
          if (typeof u.completion_tokens === 'number') outputTokens = u.completion_tokens;
          if (typeof u.prompt_tokens === 'number') inputTokens = u.prompt_tokens;
          const r = u.completion_tokens_details?.reasoning_tokens;
          if (typeof r === 'number') reasoningTokens = r;
        }
      } else {
        if (ev.type === 'content_block_delta' && ev.delta?.type === 'text_delta') text = String(ev.delta.text ?? '');
        if (ev.type === 'message_start' && typeof ev.message?.usage?.input_tokens === 'number') inputTokens = ev.message.usage.input_tokens;
        if (ev.type === 'message_delta' && typeof ev.usage?.output_tokens === 'number') outputTokens = ev.usage.output_tokens;
      }
      if (text) {
        const t = now() - started;
        first ??= t;
        last = t;
        chunks++;
      }
    };
    res.setEncoding('utf8');
    res.on('data', (c: string) => {
      buffer += c;
      let i: number;
      while ((i = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const block = buffer.slice(0, i);
        buffer = buffer.slice(i).replace(/^\r?\n\r?\n/, '');
        const data = block
          .split(/\r?\n/)
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n');
        if (data) onEvent(data);
      }
    });
    res.once('error', (e) => reject(new UserError(`the stream broke off: ${scrub(e.message)}`)));
    res.once('end', () => {
      if (failed) return reject(new UserError(`the stream reported an error: ${scrub(failed)}`));
      if (first === undefined || last === undefined)
        return reject(
          new UserError('the stream carried no output text', 'raise --max-tokens: a reasoning model may spend all of it thinking'),
        );
      resolve({ ttftMs: first, lastMs: last, outputTokens, reasoningTokens, inputTokens, textChunks: chunks });
    });
  });
}

/** Retry-After: seconds (decimals accepted) or an HTTP date. */
export function retryAfter(v: string | string[] | undefined, nowMs = Date.now()): number | undefined {
  const s = Array.isArray(v) ? v[0] : v;
  if (!s) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.max(0, t - nowMs);
}

function errorMessage(text: string): string {
  try {
    const j = JSON.parse(text) as { error?: { message?: string } | string; message?: string };
    const m = typeof j.error === 'string' ? j.error : (j.error?.message ?? j.message);
    if (m) return m.slice(0, 300);
  } catch {
    // not JSON: the text itself
  }
  return text.trim().slice(0, 300) || 'no message';
}

function hintFor(status: number, ep: Endpoint): string | undefined {
  if (status === 401 || status === 403)
    return ep.keyVar
      ? `check the key in ${ep.keyVar}`
      : "the endpoint wants a key: set MODEL_ADVISOR_API_KEY or the provider's key variable";
  if (status === 404) return 'check --base-url and the model id (--provider picks the offer whose model id is sent)';
  return undefined;
}
