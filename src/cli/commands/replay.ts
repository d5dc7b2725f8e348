import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Catalog } from '../../catalog/store.js';
import { formatCount } from '../../core/money.js';
import { ReplayAccumulator, type ReplayFile, type ResolvedName } from '../../core/replay.js';
import {
  csvColumns,
  detectFormat,
  FORMAT_NAMES,
  INPUT_FORMATS,
  liteLlmCsv,
  parseAnthropicReport,
  parseCsvRow,
  parseLiteLlmRow,
  parseOpenAiPage,
  parseOtelLine,
  type InputFormat,
  type Parsed,
} from '../../core/replay-formats.js';
import { exitKindOf, UserError, UsageError } from '../../errors.js';
import type { Context } from '../context.js';
import { reportResolutions } from '../resolution.js';

/**
 * `replay <file...>`: reprices a usage log. Files are streamed line by line (gunzipped when they
 * start with gzip's magic bytes), so memory stays flat whatever their size; a JSON document that
 * is not one record per line (an API page saved whole) is parsed whole, up to MAX_DOCUMENT bytes.
 */

/** The largest JSON document read whole (usage API pages are small: buckets of aggregates). */
const MAX_DOCUMENT = 256 * 1024 * 1024;

interface ReplayOptions {
  json?: boolean;
  format?: string;
  inputFormat?: string;
  on?: string[];
  strict?: boolean;
}

export async function replayCommand(ctx: Context, files: string[], opts: ReplayOptions): Promise<void> {
  const format = ctx.format(opts);
  let forced: InputFormat | undefined;
  if (opts.inputFormat !== undefined) {
    const f = opts.inputFormat.trim().toLowerCase();
    if (!(INPUT_FORMATS as readonly string[]).includes(f))
      throw new UsageError(`--input-format must be one of ${INPUT_FORMATS.join(', ')} (got "${opts.inputFormat}")`);
    forced = f as InputFormat;
  }
  const catalog = await ctx.catalog();
  const today = ctx.today();
  const onResolved = (opts.on ?? []).map((n) => catalog.resolve(n, today));
  reportResolutions(ctx, onResolved);
  const on: ResolvedName[] = onResolved.map((r) => ({ model: r.model, provider: r.provider }));
  const acc = new ReplayAccumulator(resolverFor(catalog), today, on.map((o) => o.model));
  const done: ReplayFile[] = [];
  const progress = progressBar(ctx);
  for (const file of files) {
    acc.setFile(file);
    done.push(await replayFile(file, forced, acc, progress));
  }
  progress.end();
  const result = acc.finish(on, done);

  const p = result.problems;
  const problems = [
    p.unknownModels.count && `${count(p.unknownModels.count, 'record')} with an unknown model (${p.unknownModels.names.map((n) => `"${n.name}"`).slice(0, 5).join(', ')})`,
    p.badRows.count && `${count(p.badRows.count, 'row')} that could not be read`,
    p.outOfRange.count && `${count(p.outOfRange.count, 'record')} outside the dates the catalog can price`,
  ].filter(Boolean) as string[];
  for (const msg of problems) ctx.warn(`${msg}; left out of the totals`);
  for (const e of [...p.unknownModels.examples, ...p.badRows.examples, ...p.outOfRange.examples].slice(0, 10))
    ctx.warn(`  ${e.file}: ${e.where}: ${e.reason}`);
  for (const u of p.unknownModels.names.slice(0, 5)) if (u.suggestions.length) ctx.note(`"${u.name}": did you mean ${u.suggestions.join(', ')}?`);

  if (format === 'json') ctx.printJson(result);
  else {
    const r = await import('../../render/replay.js');
    if (format === 'csv') ctx.print(r.renderReplayCsv(result));
    else if (format === 'markdown') ctx.print(r.renderReplayMarkdown(result));
    else ctx.print(r.renderReplayTable(result, await ctx.style(), ctx.width));
  }
  if (opts.strict && problems.length > 0)
    throw new UserError(`--strict: ${problems.join('; ')}`, 'the warnings above list the first of them with their line numbers');
}

/** Names resolved as the catalog does (ids, aliases, dated snapshots, provider/model): never a family guess. */
function resolverFor(catalog: Catalog) {
  return {
    find: (name: string): ResolvedName | undefined => {
      if (name.length > 300) return undefined;
      const r = catalog.findExact(name.trim());
      return r ? { model: r.model, provider: r.provider } : undefined;
    },
    suggest: (name: string) => catalog.suggest(name),
  };
}

function count(n: number, what: string): string {
  return `${formatCount(n)} ${what}${n === 1 ? '' : 's'}`;
}

/** A file's size (0 for a pipe, such as <(zcat log.gz)), or a user error that says why it cannot be read. */
function sizeOf(path: string): number {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${path}: ${code === 'ENOENT' ? 'file not found' : `cannot be read (${code})`}`);
  }
  if (st.isDirectory()) throw new UserError(`${path} is a directory, not a usage file`);
  return st.isFile() ? st.size : 0;
}

async function replayFile(path: string, forced: InputFormat | undefined, acc: ReplayAccumulator, progress: Progress): Promise<ReplayFile> {
  const { stream, gzip } = await openUsageStream(path, progress);
  const reader = lineReader(path, forced, acc);
  await splitLines(stream, reader.onLine, path, gzip, () => reader.lines);
  const format = reader.finish();
  return { path, format, gzip, lines: reader.lines };
}

/** 1. The file as a stream of bytes, gunzipped when its first bytes say gzip (not its name: a pipe cannot be read twice). */
async function openUsageStream(path: string, progress: Progress): Promise<{ stream: AsyncIterable<Buffer>; gzip: boolean }> {
  const size = sizeOf(path);
  const raw = createReadStream(path, { highWaterMark: 256 * 1024 });
  const chunks = raw[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let firstChunk: IteratorResult<Buffer>;
  try {
    firstChunk = await chunks.next();
  } catch (e) {
    throw new UserError(`${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const gzip = !firstChunk.done && firstChunk.value.length >= 2 && firstChunk.value[0] === 0x1f && firstChunk.value[1] === 0x8b;
  progress.start(size);
  async function* rawChunks(): AsyncGenerator<Buffer> {
    if (firstChunk.done) return;
    progress.advance(firstChunk.value.length);
    yield firstChunk.value;
    for (let r = await chunks.next(); !r.done; r = await chunks.next()) {
      progress.advance(r.value.length);
      yield r.value;
    }
  }
  const stream: AsyncIterable<Buffer> = gzip ? pipeline(Readable.from(rawChunks(), { objectMode: false }), createGunzip(), () => {}) : rawChunks();
  return { stream, gzip };
}

/**
 * 2. What each line is: the first line with content says the format (unless forced) and how to read
 * the rest (JSONL line by line, a CSV's header, or a JSON document spread over lines, parsed at the end).
 */
function lineReader(path: string, forced: InputFormat | undefined, acc: ReplayAccumulator) {
  let fmt: InputFormat | undefined = forced;
  let handle: ((line: string, n: number) => void) | undefined;
  let doc: string[] | undefined;
  let docBytes = 0;
  const r = {
    lines: 0,
    onLine(line: string): void {
      const lineNo = ++r.lines;
      if (handle) {
        if (line.length === 0 || (line.length < 3 && line.trim() === '')) return;
        return handle(line, lineNo);
      }
      if (doc) {
        docBytes += line.length + 1;
        if (docBytes > MAX_DOCUMENT) throw new UserError(`${path}: a JSON document over ${MAX_DOCUMENT / 1048576} MiB; save it as one record per line (JSONL)`);
        doc.push(line);
        return;
      }
      if (line.trim() === '') return;
      const first = line.replace(/^\uFEFF/, '');
      const t = first.trimStart();
      if (t.startsWith('{') || t.startsWith('[')) {
        let whole = true;
        try {
          JSON.parse(first);
        } catch {
          whole = false;
        }
        if (whole) {
          // One JSON value per line (JSONL): each line read as it comes.
          fmt ??= detectFormat(first);
          if (!fmt) throw unknownFormat(path);
          handle = (l, n) => feedLine(fmt!, l, n, acc);
          handle(first, lineNo);
        } else {
          // A document spread over lines (saved whole, pretty-printed): parsed once it is all read.
          doc = [first];
          docBytes = first.length;
        }
        return;
      }
      fmt ??= detectFormat(first);
      if (!fmt) throw unknownFormat(path);
      // CSV: this line is the header.
      if (fmt === 'csv') {
        const cols = csvColumns(first);
        if (typeof cols === 'string') throw new UserError(`${path}: not the generic CSV format: ${cols}`, 'see docs/replay.md for the columns');
        handle = (l, n) => {
          const rec = parseCsvRow(l, cols, n);
          if (typeof rec === 'string') acc.badRow(`line ${n}`, rec);
          else acc.add(rec);
        };
      } else if (fmt === 'litellm') {
        const toRow = liteLlmCsv(first);
        handle = (l, n) => collect(parseLiteLlmRow(toRow(l), `line ${n}`), acc);
      } else throw new UserError(`${path}: ${FORMAT_NAMES[fmt]} is JSON, but the file starts with "${first.slice(0, 40)}"`);
    },
    /** 4. A document spread over lines is parsed and fed now; the format the file was read as. */
    finish(): InputFormat {
      if (doc) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(doc.join('\n'));
        } catch (e) {
          throw new UserError(`${path}: not valid JSON (${(e as Error).message})`, 'a file of one JSON record per line (JSONL) is read line by line');
        }
        fmt ??= detectFormat(doc.join('\n').slice(0, 1 << 20));
        if (!fmt) throw unknownFormat(path);
        feed(fmt, parsed, '', acc);
      }
      return fmt ?? forced ?? 'csv';
    },
  };
  return r;
}

/** 3. Lines split by hand from decoded chunks: readline's per-line events cost more than the parsing. */
async function splitLines(stream: AsyncIterable<Buffer>, onLine: (line: string) => void, path: string, gzip: boolean, lines: () => number): Promise<void> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of stream) {
      const text = rest + decoder.write(chunk);
      let start = 0;
      let nl = text.indexOf('\n');
      while (nl >= 0) {
        onLine(text.charCodeAt(nl - 1) === 13 && nl > start ? text.slice(start, nl - 1) : text.slice(start, nl));
        start = nl + 1;
        nl = text.indexOf('\n', start);
      }
      rest = start === 0 ? text : text.slice(start);
      // Memory stays flat: a "line" that never ends is not a usage record.
      if (rest.length > MAX_DOCUMENT) throw new UserError(`${path}: line ${lines() + 1} runs past ${MAX_DOCUMENT / 1048576} MiB without ending`);
    }
  } catch (e) {
    if (exitKindOf(e)) throw e;
    throw new UserError(`${path}: ${gzip ? 'not a readable gzip file' : 'cannot be read'} (${(e as Error).message})`);
  }
  rest += decoder.end();
  if (rest.length > 0) onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest);
}

function unknownFormat(path: string): UserError {
  return new UserError(
    `${path}: cannot tell its format from its content`,
    `give --input-format (${INPUT_FORMATS.join(', ')}); a generic CSV needs a header with timestamp,model,input_tokens,output_tokens`,
  );
}

function feedLine(fmt: InputFormat, line: string, n: number, acc: ReplayAccumulator): void {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    return acc.badRow(`line ${n}`, 'not valid JSON');
  }
  feed(fmt, v, `line ${n}`, acc);
}

function feed(fmt: InputFormat, v: unknown, where: string, acc: ReplayAccumulator): void {
  const at = where || 'document';
  switch (fmt) {
    case 'openai':
      return collect(parseOpenAiPage(v, where), acc);
    case 'anthropic':
      return collect(parseAnthropicReport(v, where), acc);
    case 'otel':
      return collect(parseOtelLine(v, at), acc);
    case 'litellm':
      if (Array.isArray(v)) return v.forEach((row, i) => collect(parseLiteLlmRow(row, `${where ? `${where} ` : ''}[${i}]`), acc));
      if (v && typeof v === 'object' && Array.isArray((v as { data?: unknown }).data))
        return (v as { data: unknown[] }).data.forEach((row, i) => collect(parseLiteLlmRow(row, `${where ? `${where} ` : ''}data[${i}]`), acc));
      return collect(parseLiteLlmRow(v, at), acc);
    case 'csv':
      return acc.badRow(at, 'JSON in a CSV file');
  }
}

function collect(p: Parsed, acc: ReplayAccumulator): void {
  for (const r of p.records) acc.add(r);
  for (const b of p.bad) acc.badRow(b.where, b.reason);
  for (const s of p.skipped ?? []) acc.skip(s.where, s.reason);
}

interface Progress {
  /** A new file of `size` bytes begins. */
  start(size: number): void;
  advance(bytes: number): void;
  end(): void;
}

/** Files smaller than this finish before a bar would say anything. */
const PROGRESS_FROM_BYTES = 8 * 1024 * 1024;

/** A progress bar on stderr, only at a terminal and only for large files; cleared at the end. */
function progressBar(ctx: Context): Progress {
  if (!ctx.io.stderr.isTTY || ctx.globals.quiet) return { start() {}, advance() {}, end() {} };
  let read = 0;
  let last = 0;
  let shown = false;
  let size = 0;
  return {
    start(bytes) {
      size = bytes;
      read = 0;
    },
    advance(bytes) {
      read += bytes;
      if (size < PROGRESS_FROM_BYTES) return;
      const now = Date.now();
      if (shown && now - last < 100 && read < size) return;
      last = now;
      shown = true;
      const share = Math.min(1, read / size);
      const w = 30;
      const filled = Math.round(share * w);
      ctx.io.stderr.write(`\r${'█'.repeat(filled)}${'░'.repeat(w - filled)} ${(share * 100).toFixed(0).padStart(3)}%  ${(read / 1048576).toFixed(1)} MiB`);
    },
    end() {
      if (shown) ctx.io.stderr.write('\r\u001b[2K');
    },
  };
}
