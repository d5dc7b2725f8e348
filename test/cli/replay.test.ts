import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../src/catalog/store.js';
import type { Offer } from '../../src/catalog/schema.js';
import { offerAt } from '../../src/core/lifecycle.js';
import { json, runCli } from '../support/cli.js';

const FIX = 'test/fixtures/replay';
const catalog = Catalog.fromFile(join(__dirname, '..', '..', 'data', 'catalog.jsonl'));
const reference = (id: string): Offer => catalog.resolve(id).model.offers.find((o) => o.reference)!;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'replay-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Tokens of a model, split as cost.ts prices them: fresh input, cached input, output; standard or batch. */
interface Sums {
  fresh: number;
  cached: number;
  output: number;
  batchFresh: number;
  batchOutput: number;
}

/** The cost of the sums on an offer's prices in force on a day, USD, computed here from the catalog's figures. */
function expectedCost(offer: Offer, day: string, s: Sums): number {
  const p = offerAt(offer, day).prices;
  return (
    (s.fresh * p.input! + s.cached * (p.cacheRead ?? p.input!) + s.output * p.output! + s.batchFresh * (p.batchInput ?? p.input!) + s.batchOutput * (p.batchOutput ?? p.output!)) /
    1e6
  );
}

describe('replay: a 500k-row generic CSV', () => {
  const models = ['gpt-4o-mini-2024-07-18', 'openai/gpt-4o', 'claude-haiku-4-5-20251001'];
  const ids = ['gpt-4o-mini', 'gpt-4o', 'claude-haiku-4-5'];
  const days = Array.from({ length: 28 }, (_, i) => `2026-02-${String(i + 1).padStart(2, '0')}`);
  const sums = new Map<string, Sums>(); // model id + day
  let file: string;
  const ROWS = 500_000;

  beforeAll(() => {
    file = join(dir, 'big.csv');
    const lines = ['timestamp,model,input_tokens,output_tokens,cached_input_tokens,requests,batch'];
    for (let i = 0; i < ROWS; i++) {
      const m = i % 3;
      const day = days[i % days.length]!;
      const input = 200 + ((i * 7919) % 4000);
      const output = 10 + ((i * 104729) % 900);
      const batch = i % 11 === 0;
      const cached = batch ? 0 : (i * 31) % 5 === 0 ? Math.floor(input / 2) : 0;
      lines.push(`${day}T${String(i % 24).padStart(2, '0')}:15:00Z,${models[m]},${input},${output},${cached},1,${batch}`);
      const k = `${ids[m]}|${day}`;
      const s = sums.get(k) ?? { fresh: 0, cached: 0, output: 0, batchFresh: 0, batchOutput: 0 };
      if (batch) {
        s.batchFresh += input;
        s.batchOutput += output;
      } else {
        s.fresh += input - cached;
        s.cached += cached;
        s.output += output;
      }
      sums.set(k, s);
    }
    writeFileSync(file, lines.join('\n') + '\n');
  });

  it('prices every row with the catalog reference offer in force on its day, to 12 significant digits', { timeout: 30_000 }, async () => {
    const r = await runCli(['replay', file, '--on', 'gpt-4.1-mini', '--json']);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.total.records).toBe(ROWS);
    expect(out.problems.badRows.count).toBe(0);
    expect(out.problems.unknownModels.count).toBe(0);

    let total = 0;
    let onTotal = 0;
    const mini41 = reference('gpt-4.1-mini');
    for (const id of ids) {
      let perModel = 0;
      let onModel = 0;
      for (const day of days) {
        const s = sums.get(`${id}|${day}`)!;
        perModel += expectedCost(reference(id), day, s);
        onModel += expectedCost(mini41, day, s);
      }
      const line = out.byModel.find((m: any) => m.model.id === id);
      expect(line, id).toBeDefined();
      expect(rel(line.cost, perModel), id).toBeLessThan(1e-11);
      const on = out.on[0].byOriginal.find((b: any) => b.model === id);
      expect(rel(on.cost, onModel), `${id} on gpt-4.1-mini`).toBeLessThan(1e-11);
      total += perModel;
      onTotal += onModel;
    }
    expect(rel(out.total.cost, total)).toBeLessThan(1e-11);
    // --on: the same tokens on another model, in all.
    expect(out.on[0].model.id).toBe('gpt-4.1-mini');
    expect(rel(out.on[0].cost, onTotal)).toBeLessThan(1e-11);
    // Token totals are sums of integers: exact.
    let input = 0;
    for (const s of sums.values()) input += s.fresh + s.cached + s.batchFresh;
    expect(out.total.inputTokens).toBe(input);
    // By day and by month add up to the total.
    expect(out.byDay).toHaveLength(28);
    expect(rel(out.byDay.reduce((a: number, d: any) => a + d.cost, 0), total)).toBeLessThan(1e-11);
    expect(out.byMonth).toEqual([{ month: '2026-02', cost: out.total.cost }]);
  });

  it('reads the same file gzipped (told by its magic bytes, whatever its name)', { timeout: 30_000 }, async () => {
    // The first 50,000 rows, plain and gzipped.
    const part = join(dir, 'part.csv');
    writeFileSync(part, readFileSync(file, 'utf8').split('\n').slice(0, 50_001).join('\n') + '\n');
    const gz = join(dir, 'part.csv.data');
    writeFileSync(gz, gzipSync(readFileSync(part)));
    const plain = json(await runCli(['replay', part, '--json']));
    expect(plain.total.records).toBe(50_000);
    const zipped = json(await runCli(['replay', gz, '--json']));
    expect(zipped.files[0].gzip).toBe(true);
    expect(zipped.total).toEqual(plain.total);
    expect(zipped.byModel).toEqual(plain.byModel);
  });
});

describe('replay: progress', () => {
  it('draws a progress bar on stderr at a terminal, never on stdout, and clears it', { timeout: 30_000 }, async () => {
    const { main } = await import('../../src/cli/main.js');
    const f = join(dir, 'progress.csv');
    const rows = ['timestamp,model,input_tokens,output_tokens'];
    for (let i = 0; i < 400_000; i++) rows.push(`2026-03-0${1 + (i % 9)}T00:00:00Z,gpt-4o-mini,${100 + (i % 50)},10`);
    writeFileSync(f, rows.join('\n'));
    let stdout = '';
    let stderr = '';
    const io = {
      stdout: { write: (s: string) => void (stdout += s), isTTY: false },
      stderr: { write: (s: string) => void (stderr += s), isTTY: true },
      stdinIsTTY: false,
      env: { MODEL_ADVISOR_NO_STALE_WARNING: '1', NO_COLOR: '1' },
      now: () => new Date('2026-11-22T12:00:00Z'),
      readFile: (p: string) => readFileSync(p, 'utf8'),
    };
    expect(await main(['replay', f, '--json'], io)).toBe(0);
    expect(JSON.parse(stdout).total.records).toBe(400_000);
    expect(stderr).toMatch(/\r█*░* +\d+%/);
    expect(stderr).toMatch(/100%/);
    expect(stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(stdout).not.toMatch(/%/);
    // A small file gets none.
    stderr = '';
    expect(await main(['replay', `${FIX}/generic.csv`, '--json', '--quiet'], io)).toBe(0);
    expect(stderr).toBe('');
  });
});

describe('replay: the formats', () => {
  it('generic CSV fixture: cached and cache-write tokens, provider names, bad rows and unknown models with their lines', async () => {
    const r = await runCli(['replay', `${FIX}/generic.csv`, '--json']);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.files[0].format).toBe('csv');
    expect(out.problems.badRows.count).toBe(2);
    expect(out.problems.badRows.examples.map((e: any) => e.where)).toEqual(['line 7', 'line 9']);
    expect(out.problems.unknownModels.count).toBe(1);
    expect(out.problems.unknownModels.examples[0].where).toBe('line 8');
    expect(r.stderr).toMatch(/line 7: input_tokens "not-a-number" is not a whole number/);
    expect(r.stderr).toMatch(/line 8: unknown model "my-fine-tune-xyz"/);
    // Dated snapshots and provider-qualified ids resolve to the catalog's models.
    const mini = out.byModel.find((m: any) => m.model.id === 'gpt-4o-mini');
    expect(mini.names).toEqual(['gpt-4o-mini-2024-07-18']);
    expect(mini.records).toBe(2);
    expect(rel(mini.cost, expectedCost(reference('gpt-4o-mini'), '2026-03-01', { fresh: 400 + 900, cached: 800, output: 460, batchFresh: 0, batchOutput: 0 }))).toBeLessThan(1e-11);
    // Claude's cache writes at its cache-write price.
    const sonnet = out.byModel.find((m: any) => m.model.id === 'claude-sonnet-4-5');
    const p = offerAt(reference('claude-sonnet-4-5'), '2026-03-01').prices;
    expect(rel(sonnet.cost, (1000 * p.input! + 3000 * p.cacheRead! + 1000 * p.cacheWrite! + 800 * p.output!) / 1e6)).toBeLessThan(1e-11);
    // The batch row of gpt-4o at batch prices.
    const g = out.byModel.find((m: any) => m.model.id === 'gpt-4o');
    expect(rel(g.cost, expectedCost(reference('gpt-4o'), '2026-03-02', { fresh: 0, cached: 0, output: 0, batchFresh: 20000, batchOutput: 5000 }))).toBeLessThan(1e-11);
    expect(out.total.reasoningTokens).toBe(2400);
  });

  it('--strict makes unknown models and bad rows an error (exit 1), after the report', async () => {
    const r = await runCli(['replay', `${FIX}/generic.csv`, '--strict', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: --strict: 1 record with an unknown model .*2 rows that could not be read/);
    expect(r.stderr).toMatch(/line 7/);
    const clean = await runCli(['replay', `${FIX}/openai-usage.json`, '--strict', '--json']);
    expect(clean.code).toBe(0);
  });

  it('OpenAI Usage API completions page: buckets by day, cached input, batch at batch prices', async () => {
    const out = json(await runCli(['replay', `${FIX}/openai-usage.json`, '--json']));
    expect(out.files[0].format).toBe('openai');
    const mini = out.byModel.find((m: any) => m.model.id === 'gpt-4o-mini');
    expect(mini).toMatchObject({ inputTokens: 2_050_000, cachedInputTokens: 500_000, outputTokens: 460_000, requests: 2770 });
    const o = reference('gpt-4o-mini');
    const want =
      expectedCost(o, '2026-03-01', { fresh: 850_000, cached: 400_000, output: 310_000, batchFresh: 0, batchOutput: 0 }) +
      expectedCost(o, '2026-03-02', { fresh: 700_000, cached: 100_000, output: 150_000, batchFresh: 0, batchOutput: 0 });
    expect(rel(mini.cost, want)).toBeLessThan(1e-11);
    const big = out.byModel.find((m: any) => m.model.id === 'gpt-4o');
    expect(rel(big.cost, expectedCost(reference('gpt-4o'), '2026-03-01', { fresh: 0, cached: 0, output: 0, batchFresh: 2_000_000, batchOutput: 500_000 }))).toBeLessThan(1e-11);
    expect(out.byDay.map((d: any) => d.day)).toEqual(['2026-03-01', '2026-03-02']);
    // --on: each original model's tokens priced on the other model, batch kept as batch.
    const on = json(await runCli(['replay', `${FIX}/openai-usage.json`, '--on', 'gpt-4.1-mini', '--json'])).on[0];
    const m41 = reference('gpt-4.1-mini');
    const onBig = on.byOriginal.find((b: any) => b.model === 'gpt-4o');
    expect(rel(onBig.cost, expectedCost(m41, '2026-03-01', { fresh: 0, cached: 0, output: 0, batchFresh: 2_000_000, batchOutput: 500_000 }))).toBeLessThan(1e-11);
    const onMini = on.byOriginal.find((b: any) => b.model === 'gpt-4o-mini');
    const wantMini =
      expectedCost(m41, '2026-03-01', { fresh: 850_000, cached: 400_000, output: 310_000, batchFresh: 0, batchOutput: 0 }) +
      expectedCost(m41, '2026-03-02', { fresh: 700_000, cached: 100_000, output: 150_000, batchFresh: 0, batchOutput: 0 });
    expect(rel(onMini.cost, wantMini)).toBeLessThan(1e-11);
    expect(rel(on.cost, onBig.cost + onMini.cost)).toBeLessThan(1e-11);
  });

  it('Anthropic usage report: uncached + cache read + cache creation make the input; batch tier at batch prices', async () => {
    const out = json(await runCli(['replay', `${FIX}/anthropic-usage.json`, '--json']));
    expect(out.files[0].format).toBe('anthropic');
    const sonnet = out.byModel.find((m: any) => m.model.id === 'claude-sonnet-4-5');
    expect(sonnet).toMatchObject({ inputTokens: 4_700_000, cachedInputTokens: 3_000_000, cacheWriteTokens: 200_000, outputTokens: 400_000 });
    const p = offerAt(reference('claude-sonnet-4-5'), '2026-03-01').prices;
    expect(rel(sonnet.cost, (1_500_000 * p.input! + 3_000_000 * p.cacheRead! + 200_000 * p.cacheWrite! + 400_000 * p.output!) / 1e6)).toBeLessThan(1e-11);
    const haiku = out.byModel.find((m: any) => m.model.id === 'claude-haiku-4-5');
    expect(rel(haiku.cost, expectedCost(reference('claude-haiku-4-5'), '2026-03-01', { fresh: 0, cached: 0, output: 0, batchFresh: 600_000, batchOutput: 90_000 }))).toBeLessThan(1e-11);
  });

  it('OpenTelemetry GenAI spans: OTLP export lines and flat spans; spans without usage skipped, not dropped silently', async () => {
    const out = json(await runCli(['replay', `${FIX}/otel-spans.jsonl`, '--json']));
    expect(out.files[0].format).toBe('otel');
    expect(out.total.records).toBe(3);
    expect(out.problems.skipped.count).toBe(1);
    const mini = out.byModel.find((m: any) => m.model.id === 'gpt-4o-mini');
    expect(mini).toMatchObject({ inputTokens: 1800, cachedInputTokens: 1024, outputTokens: 220, names: ['gpt-4o-mini-2024-07-18'] });
    expect(rel(mini.cost, expectedCost(reference('gpt-4o-mini'), '2026-03-01', { fresh: 776, cached: 1024, output: 220, batchFresh: 0, batchOutput: 0 }))).toBeLessThan(1e-11);
    const o4 = out.byModel.find((m: any) => m.model.id === 'o4-mini');
    expect(o4).toMatchObject({ outputTokens: 5000, reasoningTokens: 4200 });
    expect(out.byModel.find((m: any) => m.model.id === 'claude-sonnet-4-5')).toMatchObject({ cachedInputTokens: 8000, cacheWriteTokens: 2000 });
  });

  it("LiteLLM spend logs: usage_object's cached tokens, metadata as a JSON string, cache hits skipped", async () => {
    const out = json(await runCli(['replay', `${FIX}/litellm-spend-logs.json`, '--json']));
    expect(out.files[0].format).toBe('litellm');
    expect(out.total.records).toBe(2);
    expect(out.problems.skipped).toMatchObject({ count: 1, examples: [{ where: '[2]' }] });
    const mini = out.byModel.find((m: any) => m.model.id === 'gpt-4o-mini');
    expect(rel(mini.cost, expectedCost(reference('gpt-4o-mini'), '2026-03-01', { fresh: 376, cached: 1024, output: 250, batchFresh: 0, batchOutput: 0 }))).toBeLessThan(1e-11);
    expect(out.byModel.find((m: any) => m.model.id === 'claude-sonnet-4-5')).toMatchObject({ inputTokens: 6000, cachedInputTokens: 4000, cacheWriteTokens: 1000 });
  });

  it('LiteLLM as a CSV dump (metadata a quoted JSON cell) and OpenAI pages one per line (JSONL) read the same records', async () => {
    const csv = json(await runCli(['replay', `${FIX}/litellm-spend-logs.csv`, '--json']));
    const arr = json(await runCli(['replay', `${FIX}/litellm-spend-logs.json`, '--json']));
    expect(csv.files[0].format).toBe('litellm');
    expect(csv.byModel).toEqual(arr.byModel);
    const pages = json(await runCli(['replay', `${FIX}/openai-usage-pages.jsonl`, '--json']));
    const whole = json(await runCli(['replay', `${FIX}/openai-usage.json`, '--json']));
    expect(pages.total).toEqual(whole.total);
    expect(pages.byDay).toEqual(whole.byDay);
    // Several files add up.
    const both = json(await runCli(['replay', `${FIX}/openai-usage.json`, `${FIX}/litellm-spend-logs.json`, '--json']));
    expect(both.total.records).toBe(whole.total.records + arr.total.records);
    expect(both.files.map((f: any) => f.format)).toEqual(['openai', 'litellm']);
  });

  it('--input-format forces a format; a file whose format cannot be told is an error that names the flag', async () => {
    const odd = join(dir, 'odd.txt');
    writeFileSync(odd, 'hello\nworld\n');
    const r = await runCli(['replay', odd]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot tell its format.*\n.*--input-format/);
    const forced = await runCli(['replay', `${FIX}/otel-spans.jsonl`, '--input-format', 'otel', '--json']);
    expect(json(forced).files[0].format).toBe('otel');
    const bad = await runCli(['replay', odd, '--input-format', 'xml']);
    expect(bad.code).toBe(2);
  });

  it('long-context prices apply per request, as billed, for records of one request (on the original and on --on models)', async () => {
    const f = join(dir, 'long.csv');
    writeFileSync(
      f,
      'timestamp,model,input_tokens,output_tokens,requests\n2026-03-01T00:00:00Z,claude-sonnet-4-5,300000,1000,1\n2026-03-01T00:00:00Z,claude-sonnet-4-5,1000,1000,1\n',
    );
    const out = json(await runCli(['replay', f, '--on', 'gpt-4.1-mini', 'gemini-2.5-pro', '--json']));
    const price = (id: string, input: number, output: number) => {
      const p = offerAt(reference(id), '2026-03-01').prices;
      const t = [...(p.tiers ?? [])].reverse().find((x) => input > x.above);
      return (input * (t?.input ?? p.input!) + output * (t?.output ?? p.output!)) / 1e6;
    };
    expect(reference('claude-sonnet-4-5').prices.tiers?.length).toBeGreaterThan(0);
    expect(rel(out.total.cost, price('claude-sonnet-4-5', 300000, 1000) + price('claude-sonnet-4-5', 1000, 1000))).toBeLessThan(1e-11);
    expect(rel(out.on[0].cost, price('gpt-4.1-mini', 300000, 1000) + price('gpt-4.1-mini', 1000, 1000))).toBeLessThan(1e-11);
    expect(rel(out.on[1].cost, price('gemini-2.5-pro', 300000, 1000) + price('gemini-2.5-pro', 1000, 1000))).toBeLessThan(1e-11);
    expect(out.notes.join('\n')).toMatch(/long-context prices, as billed/);
    expect(out.notes.join('\n')).not.toMatch(/floor/);
  });

  it('a log of thousands of made-up names is counted, with a bounded report and "did you mean" for the first few only', async () => {
    const f = join(dir, 'junk.csv');
    const rows = ['timestamp,model,input_tokens,output_tokens'];
    for (let i = 0; i < 3000; i++) rows.push(`2026-03-01,made-up-model-${i},10,10`);
    writeFileSync(f, rows.join('\n'));
    const out = json(await runCli(['replay', f, '--json', '--quiet']));
    expect(out.problems.unknownModels.count).toBe(3000);
    expect(out.problems.unknownModels.names.length).toBeLessThanOrEqual(20);
    expect(out.problems.unknownModels.examples[0].where).toBe('line 2');
    expect(out.total.cost).toBe(0);
  });

  it('records after the day priced for are out of range, reported with their line', async () => {
    const f = join(dir, 'future.csv');
    writeFileSync(f, 'timestamp,model,input_tokens,output_tokens\n2026-03-01,gpt-4o-mini,100,10\n2027-05-01,gpt-4o-mini,100,10\n');
    const out = json(await runCli(['replay', f, '--json']));
    expect(out.problems.outOfRange).toMatchObject({ count: 1, examples: [{ where: 'line 3' }] });
    expect(out.total.records).toBe(1);
    // Before a model existed: out of range; a dated snapshot counts from the date its name carries.
    const old = join(dir, 'old.csv');
    writeFileSync(
      old,
      'timestamp,model,input_tokens,output_tokens\n2023-01-05,gpt-4o-mini,100,10\n2024-07-01,claude-3-5-sonnet-20240620,100,10\n',
    );
    const o = json(await runCli(['replay', old, '--json']));
    expect(o.problems.outOfRange).toMatchObject({ count: 1, examples: [{ where: 'line 2', reason: expect.stringMatching(/before gpt-4o-mini existed/) }] });
    expect(o.total.records).toBe(1);
  });

  it('table, csv and markdown are drawn from the same result, with a chart of cost per day', async () => {
    const t = await runCli(['replay', `${FIX}/openai-usage.json`, '--on', 'gpt-4.1-mini']);
    expect(t.stdout).toMatch(/Cost per day\n2026-03-01 +█+/);
    expect(t.stdout).toMatch(/The same tokens on other models\n[^]*gpt-4\.1-mini[^]*\$2\.21/);
    const csv = await runCli(['replay', `${FIX}/openai-usage.json`, '--on', 'gpt-4.1-mini', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe(
      'model,provider,records,requests,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,reasoning_tokens,cost_usd,cost_on_gpt-4.1-mini_usd',
    );
    expect(csv.stdout).toMatch(/^total,/m);
    const md = await runCli(['replay', `${FIX}/openai-usage.json`, '--format', 'markdown']);
    expect(md.stdout).toMatch(/^\| Model \| Offer \|/m);
  });
});

describe('tokens and --prompt-file', () => {
  it('tokens matches gpt-tokenizer on a fixture, exact for OpenAI models, an estimate with an unknown ratio otherwise', async () => {
    const text = readFileSync(`${FIX}/prompt.txt`, 'utf8');
    const o200k = (await import('gpt-tokenizer/encoding/o200k_base')).countTokens(text);
    const cl100k = (await import('gpt-tokenizer/encoding/cl100k_base')).countTokens(text);
    const out = json(await runCli(['tokens', `${FIX}/prompt.txt`, '--model', 'gpt-4o', 'gpt-4', 'claude-sonnet-4-5', '--json']));
    expect(out.counts[0]).toMatchObject({ model: 'gpt-4o', encoding: 'o200k_base', tokens: o200k, exact: true });
    expect(out.counts[1]).toMatchObject({ model: 'gpt-4', encoding: 'cl100k_base', tokens: cl100k, exact: true });
    expect(out.counts[2]).toMatchObject({ model: 'claude-sonnet-4-5', tokens: o200k, exact: false, ratio: null });
    expect(out.counts[2].ratioSource).toMatch(/^unknown/);
  });

  it('tokens reads standard input for "-"', async () => {
    const out = json(await runCli(['tokens', '-', '--json'], { stdin: 'hello world' }));
    expect(out.counts[0].tokens).toBe((await import('gpt-tokenizer/encoding/o200k_base')).countTokens('hello world'));
  });

  it('--prompt-file sets cost\'s input tokens per request from the count, said on stderr', async () => {
    const text = readFileSync(`${FIX}/prompt.txt`, 'utf8');
    const n = (await import('gpt-tokenizer/encoding/o200k_base')).countTokens(text);
    const r = await runCli(['cost', 'gpt-4o-mini', '--requests', '1M', '--output', '100', '--prompt-file', `${FIX}/prompt.txt`, '--json']);
    expect(r.code).toBe(0);
    expect(json(r).workload.input).toBe(n);
    expect(r.stderr).toMatch(new RegExp(`${n} input tokens per request, counted with o200k_base`));
    const both = await runCli(['cost', 'gpt-4o-mini', '--requests', '1M', '--input', '5', '--prompt-file', `${FIX}/prompt.txt`]);
    expect(both.code).toBe(2);
    const rec = await runCli(['recommend', '--task', 'classification', '--requests', '10k', '--prompt-file', `${FIX}/prompt.txt`, '--json']);
    expect(rec.code).toBe(0);
    expect(json(rec).workload.input).toBe(n);
    const cmp = await runCli(['compare', 'claude-sonnet-4-5', 'gpt-4o', '--requests', '10k', '--prompt-file', `${FIX}/prompt.txt`, '--json']);
    expect(cmp.code).toBe(0);
    expect(cmp.stderr).toMatch(/estimated: anthropic publishes no tokenizer/);
  });
});
