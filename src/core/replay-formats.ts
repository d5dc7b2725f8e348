/**
 * Usage records from the log formats `replay` reads. Pure: each parser takes text (a line, or a
 * whole JSON document) and gives records or a reason the row is bad; the CLI streams the file.
 *
 * Where each format's fields come from (the public documentation each was built from):
 * - generic CSV: this project's own format (docs/replay.md), the header named in issue 17.
 * - openai: OpenAI's Usage API, GET /v1/organization/usage/completions: a `page` of `bucket`s
 *   (start_time, end_time in Unix seconds), each with `results` of
 *   `organization.usage.completions.result` (input_tokens, which includes input_cached_tokens and,
 *   in newer exports, input_cache_write_tokens and input_cache_write_12h_tokens; output_tokens;
 *   num_model_requests; model and batch when grouped by them).
 *   https://platform.openai.com/docs/api-reference/usage/completions_object
 * - anthropic: Anthropic's Admin API, GET /v1/organizations/usage_report/messages: `data` of
 *   buckets (starting_at, ending_at as RFC 3339) with `results` (uncached_input_tokens,
 *   cache_read_input_tokens, cache_creation.{ephemeral_5m_input_tokens, ephemeral_1h_input_tokens},
 *   output_tokens, model, service_tier, context_window).
 *   https://platform.claude.com/docs/en/api/admin-api/usage-cost/get-messages-usage-report
 * - otel: OpenTelemetry semantic conventions for generative AI client spans: gen_ai.request.model,
 *   gen_ai.response.model, gen_ai.provider.name (gen_ai.system before v1.37),
 *   gen_ai.usage.input_tokens (which includes cached tokens), gen_ai.usage.output_tokens,
 *   gen_ai.usage.cache_read.input_tokens, gen_ai.usage.cache_creation.input_tokens,
 *   gen_ai.usage.reasoning.output_tokens.
 *   https://opentelemetry.io/docs/specs/semconv/gen-ai/gen-ai-spans/ and the attribute registry
 *   https://opentelemetry.io/docs/specs/semconv/registry/attributes/gen-ai/
 * - litellm: rows of LiteLLM's LiteLLM_SpendLogs table (schema.prisma in BerriAI/litellm), as the
 *   proxy's GET /spend/logs returns them or as a CSV/JSONL dump: request_id, call_type, startTime,
 *   model, custom_llm_provider, prompt_tokens (all input, cached included), completion_tokens,
 *   cache_hit, metadata.usage_object (prompt_tokens_details.cached_tokens,
 *   cache_read_input_tokens, cache_creation_input_tokens,
 *   completion_tokens_details.reasoning_tokens). https://docs.litellm.ai/docs/proxy/cost_tracking
 */

export const INPUT_FORMATS = ['csv', 'openai', 'anthropic', 'otel', 'litellm'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export const FORMAT_NAMES: Record<InputFormat, string> = {
  csv: 'generic CSV',
  openai: 'OpenAI Usage API (completions)',
  anthropic: 'Anthropic usage report (messages)',
  otel: 'OpenTelemetry GenAI spans (JSONL)',
  litellm: 'LiteLLM spend logs',
};

/** One usage record: tokens of one request, or of a bucket of requests. */
export interface UsageRecord {
  /** Where it is, for reports: a line number, or "data[3].results[1]" in a JSON document. */
  where: string | number;
  /** YYYY-MM-DD (UTC). */
  day: string;
  model: string;
  provider?: string;
  /** All input tokens, cached and cache-write ones included. */
  input: number;
  /** Of `input`, those read from the prompt cache. */
  cached: number;
  /** Of `input`, those written to the prompt cache. */
  cacheWrite: number;
  /** All output tokens, hidden reasoning included. */
  output: number;
  /** Of `output`, hidden reasoning tokens (where the record says). */
  reasoning: number;
  requests: number;
  batch: boolean;
  /** Cache writes kept for one hour (Anthropic): billed at a higher price than the catalog's cache-write price. */
  longCacheWrite?: number;
  /** Anthropic's context_window of the bucket ("200k-1M"): long-context prices applied by the provider. */
  longContext?: boolean;
}

export type Parsed = { records: UsageRecord[]; bad: { where: string; reason: string }[]; skipped?: { where: string; reason: string }[] };

/** What the start of a file (decompressed) says it is, or undefined. */
export function detectFormat(head: string): InputFormat | undefined {
  const t = head.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[')) {
    if (t.includes('organization.usage.completions.result') || (/"object"\s*:\s*"page"/.test(t) && t.includes('"num_model_requests"')))
      return 'openai';
    if (t.includes('"uncached_input_tokens"') || t.includes('"cache_read_input_tokens"') && t.includes('"starting_at"')) return 'anthropic';
    if (t.includes('gen_ai.')) return 'otel';
    if (t.includes('"request_id"') && (t.includes('"startTime"') || t.includes('"call_type"'))) return 'litellm';
    return undefined;
  }
  const header = splitCsvLine(t.split(/\r?\n/, 1)[0] ?? '').map((h) => h.trim().replace(/^"|"$/g, ''));
  if (header.includes('request_id') && header.includes('startTime')) return 'litellm';
  if (['timestamp', 'model', 'input_tokens', 'output_tokens'].every((c) => header.includes(c))) return 'csv';
  return undefined;
}

/** A CSV line's fields (RFC 4180 quoting within one line). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else quoted = false;
      } else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})/;
const validDays = new Set<string>();

/** The UTC day of a timestamp: ISO 8601 / RFC 3339, a date, or Unix seconds / milliseconds / nanoseconds. */
export function dayOf(raw: unknown): string | undefined {
  if (typeof raw === 'number') return fromEpoch(raw);
  if (typeof raw !== 'string') return undefined;
  // The hot path: "2026-03-01", "2026-03-01T09:15:02Z" (a date, or UTC): the first ten characters.
  const n = raw.length;
  if (n >= 10 && raw.charCodeAt(4) === 45 && raw.charCodeAt(7) === 45 && (n === 10 || raw.charCodeAt(n - 1) === 90 || raw.charCodeAt(n - 1) === 122)) {
    const day = raw.slice(0, 10);
    if (validDays.has(day)) return day;
  }
  const s = raw.trim();
  if (/^\d+(\.\d+)?$/.test(s)) return fromEpoch(Number(s));
  const m = ISO_DAY.exec(s);
  if (!m) return undefined;
  const rest = s.slice(10);
  // A time with an offset may fall on another UTC day; without one (or with Z), the date is the day.
  if (/[+-]\d{2}:?\d{2}$/.test(rest) && !/[zZ]$/.test(rest)) {
    const t = Date.parse(s.replace(' ', 'T'));
    return Number.isNaN(t) ? undefined : new Date(t).toISOString().slice(0, 10);
  }
  const day = m[0];
  if (validDays.has(day)) return day;
  const d = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== day) return undefined;
  if (validDays.size < 100_000) validDays.add(day);
  return day;
}

function fromEpoch(n: number): string | undefined {
  if (!Number.isFinite(n) || n <= 0) return undefined;
  // Seconds until the year 5138; milliseconds, microseconds and nanoseconds beyond.
  const ms = n < 1e11 ? n * 1000 : n < 1e14 ? n : n < 1e17 ? n / 1e3 : n / 1e6;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

/** A token count: a whole number from 0; empty or absent is 0 where `optional`. */
function count(v: unknown, optional: boolean): number | undefined {
  if (v === undefined || v === null || v === '') return optional ? 0 : undefined;
  if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : undefined;
  if (typeof v !== 'string') return undefined;
  let s = v;
  if (!allDigits(s)) {
    s = s.trim();
    if (s === '') return optional ? 0 : undefined;
    if (!allDigits(s)) return undefined;
  }
  const n = +s;
  return Number.isSafeInteger(n) ? n : undefined;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

function truthy(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return /^(true|1|yes|batch)$/i.test(v.trim());
  return false;
}

// ---------------------------------------------------------------------------------------------
// Generic CSV: timestamp,model,input_tokens,output_tokens[,cached_input_tokens][,cache_write_tokens]
// [,reasoning_tokens][,requests][,provider][,batch]. cached and cache-write tokens are parts of
// input_tokens; reasoning tokens a part of output_tokens.

export interface CsvColumns {
  timestamp: number;
  model: number;
  input: number;
  output: number;
  cached: number;
  cacheWrite: number;
  reasoning: number;
  requests: number;
  provider: number;
  batch: number;
  width: number;
}

export function csvColumns(headerLine: string): CsvColumns | string {
  const h = splitCsvLine(headerLine.replace(/^\uFEFF/, '')).map((c) => c.trim().toLowerCase());
  const at = (name: string) => h.indexOf(name);
  const missing = ['timestamp', 'model', 'input_tokens', 'output_tokens'].filter((c) => at(c) < 0);
  if (missing.length) return `the header lacks ${missing.join(', ')} (it has ${h.join(', ')})`;
  return {
    timestamp: at('timestamp'),
    model: at('model'),
    input: at('input_tokens'),
    output: at('output_tokens'),
    cached: at('cached_input_tokens'),
    cacheWrite: at('cache_write_tokens'),
    reasoning: at('reasoning_tokens'),
    requests: at('requests'),
    provider: at('provider'),
    batch: at('batch'),
    width: h.length,
  };
}

/** One data line of the generic CSV: a record, or why it is bad. The hot path of replay. */
export function parseCsvRow(line: string, c: CsvColumns, where: number): UsageRecord | string {
  const f = line.includes('"') ? splitCsvLine(line) : line.split(',');
  if (f.length < 4) return `expected ${c.width} fields, found ${f.length}`;
  const day = dayOf(f[c.timestamp]);
  if (day === undefined) return `timestamp "${clip(f[c.timestamp])}" is not a date or time`;
  const model = (f[c.model] ?? '').trim();
  if (model === '') return 'no model';
  const input = count(f[c.input], false);
  if (input === undefined) return `input_tokens "${clip(f[c.input])}" is not a whole number`;
  const output = count(f[c.output], false);
  if (output === undefined) return `output_tokens "${clip(f[c.output])}" is not a whole number`;
  const cached = c.cached < 0 ? 0 : count(f[c.cached], true);
  if (cached === undefined) return `cached_input_tokens "${clip(f[c.cached])}" is not a whole number`;
  const cacheWrite = c.cacheWrite < 0 ? 0 : count(f[c.cacheWrite], true);
  if (cacheWrite === undefined) return `cache_write_tokens "${clip(f[c.cacheWrite])}" is not a whole number`;
  const reasoning = c.reasoning < 0 ? 0 : count(f[c.reasoning], true);
  if (reasoning === undefined) return `reasoning_tokens "${clip(f[c.reasoning])}" is not a whole number`;
  let requests = 1;
  if (c.requests >= 0 && f[c.requests] !== undefined && f[c.requests] !== '') {
    const r = count(f[c.requests], true);
    if (r === undefined) return `requests "${clip(f[c.requests])}" is not a whole number`;
    requests = r;
  }
  if (cached + cacheWrite > input) return `cached (${cached}) and cache-write (${cacheWrite}) tokens exceed input_tokens (${input})`;
  if (reasoning > output) return `reasoning_tokens (${reasoning}) exceed output_tokens (${output})`;
  const p = c.provider >= 0 ? f[c.provider]?.trim() : undefined;
  const provider = p ? providerId(p) : undefined;
  const batch = c.batch >= 0 ? truthy(f[c.batch]) : false;
  return { where, day, model, provider, input, cached, cacheWrite, output, reasoning, requests, batch };
}

function clip(s: unknown): string {
  const t = String(s ?? '');
  return t.length > 40 ? `${t.slice(0, 37)}...` : t;
}

// ---------------------------------------------------------------------------------------------
// JSON formats. A file holds one JSON document, or one per line (JSONL: pages fetched one by one).

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** OpenAI Usage API completions page(s). */
export function parseOpenAiPage(doc: unknown, prefix: string): Parsed {
  const out: Parsed = { records: [], bad: [] };
  const pages = Array.isArray(doc) ? doc : [doc];
  pages.forEach((page, p) => {
    const where0 = Array.isArray(doc) ? `${prefix}[${p}]` : prefix;
    const buckets = isObj(page) && Array.isArray(page.data) ? page.data : undefined;
    if (!buckets) return void out.bad.push({ where: where0, reason: 'not a Usage API page (no "data" array of buckets)' });
    buckets.forEach((b, i) => {
      const where = `${where0}${where0 ? ' ' : ''}data[${i}]`;
      if (!isObj(b) || !Array.isArray(b.results)) return void out.bad.push({ where, reason: 'a bucket without "results"' });
      const day = dayOf(b.start_time);
      if (!day) return void out.bad.push({ where, reason: `start_time "${clip(b.start_time)}" is not a time` });
      b.results.forEach((r, j) => {
        const w = `${where}.results[${j}]`;
        if (!isObj(r)) return void out.bad.push({ where: w, reason: 'not an object' });
        if (typeof r.object === 'string' && r.object !== 'organization.usage.completions.result')
          return void (out.skipped ??= []).push({ where: w, reason: `${r.object} is not completions usage` });
        const input = count(r.input_tokens, false);
        const output = count(r.output_tokens, false);
        const cached = count(r.input_cached_tokens, true);
        const requests = count(r.num_model_requests, true);
        // Newer exports: cache writes with 30-minute and 12-hour retention, both parts of input_tokens.
        const w30 = count(r.input_cache_write_tokens, true);
        const w12 = count(r.input_cache_write_12h_tokens, true);
        if (input === undefined || output === undefined || cached === undefined || requests === undefined || w30 === undefined || w12 === undefined)
          return void out.bad.push({ where: w, reason: 'input_tokens, output_tokens, input_cached_tokens, input_cache_write_tokens or num_model_requests is not a whole number' });
        if (cached + w30 + w12 > input)
          return void out.bad.push({ where: w, reason: `cached (${cached}) and cache-write (${w30 + w12}) tokens exceed input_tokens (${input})` });
        if (typeof r.model !== 'string' || r.model === '')
          return void out.bad.push({ where: w, reason: 'no model: export with group_by=model so each result names its model' });
        out.records.push({
          where: w,
          day,
          model: r.model,
          provider: 'openai',
          input,
          cached,
          cacheWrite: w30 + w12,
          output,
          reasoning: 0,
          requests,
          batch: r.batch === true,
        });
      });
    });
  });
  return out;
}

/** Anthropic usage report (messages) page(s). */
export function parseAnthropicReport(doc: unknown, prefix: string): Parsed {
  const out: Parsed = { records: [], bad: [] };
  const pages = Array.isArray(doc) ? doc : [doc];
  pages.forEach((page, p) => {
    const where0 = Array.isArray(doc) ? `${prefix}[${p}]` : prefix;
    const buckets = isObj(page) && Array.isArray(page.data) ? page.data : undefined;
    if (!buckets) return void out.bad.push({ where: where0, reason: 'not a usage report (no "data" array of buckets)' });
    buckets.forEach((b, i) => {
      const where = `${where0}${where0 ? ' ' : ''}data[${i}]`;
      if (!isObj(b) || !Array.isArray(b.results)) return void out.bad.push({ where, reason: 'a bucket without "results"' });
      const day = dayOf(b.starting_at);
      if (!day) return void out.bad.push({ where, reason: `starting_at "${clip(b.starting_at)}" is not a time` });
      b.results.forEach((r, j) => {
        const w = `${where}.results[${j}]`;
        if (!isObj(r)) return void out.bad.push({ where: w, reason: 'not an object' });
        const uncached = count(r.uncached_input_tokens, false);
        const read = count(r.cache_read_input_tokens, true);
        const output = count(r.output_tokens, false);
        const cc = isObj(r.cache_creation) ? r.cache_creation : {};
        const w5 = count(cc.ephemeral_5m_input_tokens, true);
        const w1h = count(cc.ephemeral_1h_input_tokens, true);
        if (uncached === undefined || read === undefined || output === undefined || w5 === undefined || w1h === undefined)
          return void out.bad.push({ where: w, reason: 'a token count is not a whole number' });
        if (typeof r.model !== 'string' || r.model === '')
          return void out.bad.push({ where: w, reason: 'no model: ask for the report with group_by[]=model' });
        out.records.push({
          where: w,
          day,
          model: r.model,
          provider: 'anthropic',
          input: uncached + read + w5 + w1h,
          cached: read,
          cacheWrite: w5 + w1h,
          output,
          reasoning: 0,
          // The report counts tokens, not requests.
          requests: 0,
          batch: r.service_tier === 'batch',
          ...(w1h > 0 ? { longCacheWrite: w1h } : {}),
          ...(typeof r.context_window === 'string' && r.context_window !== '0-200k' ? { longContext: true } : {}),
        });
      });
    });
  });
  return out;
}

/** Attributes of an OTLP span (a list of {key, value: {intValue|stringValue|...}}) or a flat map. */
function attributesOf(span: Obj): Obj {
  const a = span.attributes;
  if (Array.isArray(a)) {
    const out: Obj = {};
    for (const kv of a) {
      if (!isObj(kv) || typeof kv.key !== 'string' || !isObj(kv.value)) continue;
      const v = kv.value;
      out[kv.key] = v.intValue ?? v.stringValue ?? v.doubleValue ?? v.boolValue;
    }
    return out;
  }
  return isObj(a) ? a : {};
}

/** The spans of one JSONL line: an OTLP export (resourceSpans/scopeSpans/spans) or one span. */
function spansOf(doc: unknown): Obj[] {
  if (!isObj(doc)) return [];
  if (Array.isArray(doc.resourceSpans))
    return doc.resourceSpans.flatMap((rs) =>
      isObj(rs) && Array.isArray(rs.scopeSpans) ? rs.scopeSpans.flatMap((ss) => (isObj(ss) && Array.isArray(ss.spans) ? ss.spans.filter(isObj) : [])) : [],
    );
  return [doc];
}

/** OpenTelemetry GenAI spans: one JSON line. Spans without gen_ai usage (tools, agents) are skipped. */
export function parseOtelLine(doc: unknown, where: string): Parsed {
  const out: Parsed = { records: [], bad: [] };
  const spans = spansOf(doc);
  spans.forEach((span, i) => {
    const w = spans.length > 1 ? `${where} span ${i + 1}` : where;
    const a = attributesOf(span);
    const hasUsage = a['gen_ai.usage.input_tokens'] !== undefined || a['gen_ai.usage.output_tokens'] !== undefined;
    if (!hasUsage) return void (out.skipped ??= []).push({ where: w, reason: 'a span without gen_ai.usage' });
    const model = a['gen_ai.response.model'] ?? a['gen_ai.request.model'];
    if (typeof model !== 'string' || model === '') return void out.bad.push({ where: w, reason: 'no gen_ai.response.model or gen_ai.request.model' });
    const day = dayOf(span.startTimeUnixNano ?? span.start_time ?? span.startTime ?? span.timestamp ?? span.endTimeUnixNano);
    if (!day) return void out.bad.push({ where: w, reason: 'no start time (startTimeUnixNano, start_time)' });
    const input = count(a['gen_ai.usage.input_tokens'], true);
    const output = count(a['gen_ai.usage.output_tokens'], true);
    const cached = count(a['gen_ai.usage.cache_read.input_tokens'] ?? a['gen_ai.usage.cache_read_input_tokens'], true);
    const cacheWrite = count(a['gen_ai.usage.cache_creation.input_tokens'] ?? a['gen_ai.usage.cache_creation_input_tokens'], true);
    const reasoning = count(a['gen_ai.usage.reasoning.output_tokens'], true);
    if (input === undefined || output === undefined || cached === undefined || cacheWrite === undefined || reasoning === undefined)
      return void out.bad.push({ where: w, reason: 'a gen_ai.usage count is not a whole number' });
    if (cached + cacheWrite > input)
      return void out.bad.push({ where: w, reason: `cache read (${cached}) and cache creation (${cacheWrite}) tokens exceed gen_ai.usage.input_tokens (${input})` });
    const provider = a['gen_ai.provider.name'] ?? a['gen_ai.system'];
    out.records.push({
      where: w,
      day,
      model,
      provider: typeof provider === 'string' ? otelProvider(provider) : undefined,
      input,
      cached,
      cacheWrite,
      output,
      reasoning: Math.min(reasoning, output),
      requests: 1,
      batch: false,
    });
  });
  return out;
}

/**
 * Provider names in logs (OpenTelemetry's gen_ai.provider.name well-known values, LiteLLM's
 * custom_llm_provider) to the catalog's provider ids; others are kept as they are.
 */
const PROVIDER_IDS: Record<string, string> = {
  'azure.ai.openai': 'azure',
  'azure.ai.inference': 'azure',
  azure_ai: 'azure',
  'aws.bedrock': 'amazon-bedrock',
  bedrock: 'amazon-bedrock',
  bedrock_converse: 'amazon-bedrock',
  'gcp.vertex_ai': 'google-vertex',
  vertex_ai: 'google-vertex',
  vertex_ai_beta: 'google-vertex',
  'gcp.gemini': 'google',
  'gcp.gen_ai': 'google',
  gemini: 'google',
  mistral_ai: 'mistral',
  x_ai: 'xai',
  'ibm.watsonx_ai': 'watsonx',
  together_ai: 'togetherai',
  fireworks_ai: 'fireworks-ai',
  text_completion_openai: 'openai',
};

export function providerId(p: string): string {
  const k = p.trim().toLowerCase();
  return PROVIDER_IDS[k] ?? k;
}

function otelProvider(p: string): string {
  return providerId(p);
}

/** One LiteLLM_SpendLogs row (from JSON). */
export function parseLiteLlmRow(row: unknown, where: string): Parsed {
  const out: Parsed = { records: [], bad: [] };
  if (!isObj(row)) return { records: [], bad: [{ where, reason: 'not an object' }] };
  // A response LiteLLM served from its own cache reached no provider: nothing was billed.
  if (truthy(row.cache_hit)) return { records: [], bad: [], skipped: [{ where, reason: "served from LiteLLM's cache (cache_hit): no provider call" }] };
  const day = dayOf(row.startTime ?? row.start_time);
  if (!day) return { records: [], bad: [{ where, reason: `startTime "${clip(row.startTime)}" is not a time` }] };
  const model = typeof row.model === 'string' ? row.model.trim() : '';
  if (model === '') return { records: [], bad: [{ where, reason: 'no model' }] };
  const input = count(row.prompt_tokens, true);
  const output = count(row.completion_tokens, true);
  if (input === undefined || output === undefined) return { records: [], bad: [{ where, reason: 'prompt_tokens or completion_tokens is not a whole number' }] };
  let meta: unknown = row.metadata;
  if (typeof meta === 'string') {
    try {
      meta = JSON.parse(meta);
    } catch {
      meta = undefined;
    }
  }
  const usage = isObj(meta) && isObj(meta.usage_object) ? meta.usage_object : {};
  const ptd = isObj(usage.prompt_tokens_details) ? usage.prompt_tokens_details : {};
  const ctd = isObj(usage.completion_tokens_details) ? usage.completion_tokens_details : {};
  const cached = count(usage.cache_read_input_tokens ?? ptd.cached_tokens, true) ?? 0;
  const cacheWrite = count(usage.cache_creation_input_tokens, true) ?? 0;
  const reasoning = count(ctd.reasoning_tokens, true) ?? 0;
  if (cached + cacheWrite > input)
    return { records: [], bad: [{ where, reason: `cached (${cached}) and cache-creation (${cacheWrite}) tokens exceed prompt_tokens (${input})` }] };
  const provider = typeof row.custom_llm_provider === 'string' && row.custom_llm_provider ? providerId(row.custom_llm_provider) : undefined;
  out.records.push({ where, day, model, provider, input, cached, cacheWrite, output, reasoning: Math.min(reasoning, output), requests: 1, batch: false });
  return out;
}

/** The LiteLLM CSV dump's header -> a row parser producing the same object the JSON rows are. */
export function liteLlmCsv(headerLine: string): (line: string) => Obj {
  const h = splitCsvLine(headerLine.replace(/^\uFEFF/, '')).map((c) => c.trim());
  return (line) => {
    const f = splitCsvLine(line);
    const o: Obj = {};
    h.forEach((k, i) => (o[k] = f[i]));
    return o;
  };
}
