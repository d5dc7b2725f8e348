import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local streaming model API on 127.0.0.1 for `latency probe` tests: OpenAI chat completions and
 * Anthropic messages, as server-sent events, with known delays (first token after `ttftMs`, then
 * one token every `interTokenMs`). No network beyond the loopback.
 */
export interface StreamServerOptions {
  ttftMs: number;
  interTokenMs: number;
  tokens: number;
  /** Answer the first N requests with 429 and this Retry-After (seconds). */
  rateLimitFirst?: { count: number; retryAfter: string };
  /** Answer with plain JSON (a non-streaming endpoint). */
  noStream?: boolean;
  /** Send no usage in the stream. */
  noUsage?: boolean;
  /** HTTP status to answer with instead (e.g. 401), with this body. */
  fail?: { status: number; body: string };
  /** Never answer (for timeouts). */
  hang?: boolean;
}

export interface StreamServer {
  url: string;
  requests: { path: string; headers: IncomingMessage['headers']; body: any }[];
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startStreamServer(opts: StreamServerOptions): Promise<StreamServer> {
  const requests: StreamServer['requests'] = [];
  let limited = 0;
  const server: Server = createServer((req, res) => void handle(req, res));
  async function handle(req: IncomingMessage, res: ServerResponse) {
    let raw = '';
    for await (const c of req) raw += c;
    const body = raw ? JSON.parse(raw) : undefined;
    requests.push({ path: req.url ?? '', headers: req.headers, body });
    if (opts.hang) return;
    if (opts.rateLimitFirst && limited < opts.rateLimitFirst.count) {
      limited++;
      res.writeHead(429, { 'retry-after': opts.rateLimitFirst.retryAfter, 'content-type': 'application/json' });
      return res.end('{"error":{"message":"slow down"}}');
    }
    if (opts.fail) {
      res.writeHead(opts.fail.status, { 'content-type': 'application/json' });
      return res.end(opts.fail.body);
    }
    const anthropic = req.url?.endsWith('/v1/messages');
    if (opts.noStream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"choices":[{"message":{"content":"hi"}}]}');
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const send = (data: unknown, event?: string) => res.write(`${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    const inputTokens = Math.round(JSON.stringify(body?.messages ?? '').split(' ').length);
    if (anthropic) send({ type: 'message_start', message: { usage: { input_tokens: inputTokens, output_tokens: 1 } } }, 'message_start');
    else send({ choices: [{ index: 0, delta: { role: 'assistant', content: '' } }] });
    await sleep(opts.ttftMs);
    for (let i = 0; i < opts.tokens; i++) {
      if (i > 0) await sleep(opts.interTokenMs);
      if (anthropic) send({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' word' } }, 'content_block_delta');
      else send({ choices: [{ index: 0, delta: { content: ' word' } }] });
    }
    if (anthropic) {
      send({ type: 'message_delta', delta: { stop_reason: 'max_tokens' }, usage: { output_tokens: opts.tokens } }, 'message_delta');
      send({ type: 'message_stop' }, 'message_stop');
    } else {
      send({ choices: [{ index: 0, delta: {}, finish_reason: 'length' }] });
      if (!opts.noUsage)
        send({
          choices: [],
          usage: { prompt_tokens: inputTokens, completion_tokens: opts.tokens, total_tokens: inputTokens + opts.tokens },
        });
      res.write('data: [DONE]\n\n');
    }
    res.end();
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
