import { describe, expect, it } from 'vitest';
import {
  csvColumns,
  dayOf,
  detectFormat,
  parseAnthropicReport,
  parseCsvRow,
  parseLiteLlmRow,
  parseOpenAiPage,
  parseOtelLine,
  providerId,
  splitCsvLine,
  type CsvColumns,
} from '../../src/core/replay-formats.js';
import { tokenizerFor } from '../../src/core/tokenizers.js';

describe('dayOf', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026-03-01T23:59:59Z', '2026-03-01'],
    ['2026-03-01T23:59:59.123456z', '2026-03-01'],
    ['2026-03-01 12:00:01.123', '2026-03-01'],
    ['2026-03-01T23:30:00-05:00', '2026-03-02'],
    ['2026-03-01T01:30:00+02:00', '2026-02-28'],
    [1772323200, '2026-03-01'],
    ['1772323200', '2026-03-01'],
    ['1772323200000', '2026-03-01'],
    ['1772359200000000000', '2026-03-01'],
    ['2026-02-30', undefined],
    ['2026-13-01T00:00:00Z', undefined],
    ['yesterday', undefined],
    ['', undefined],
    [null, undefined],
    [-5, undefined],
  ])('%j -> %j', (raw, day) => expect(dayOf(raw)).toBe(day));
});

describe('detectFormat', () => {
  it.each([
    ['timestamp,model,input_tokens,output_tokens', 'csv'],
    ['\uFEFFtimestamp,model,input_tokens,output_tokens,cached_input_tokens', 'csv'],
    ['"timestamp","model","input_tokens","output_tokens"', 'csv'],
    ['request_id,call_type,spend,startTime,model', 'litellm'],
    ['{"object":"page","data":[{"object":"bucket","results":[{"object":"organization.usage.completions.result"}]}]}', 'openai'],
    ['{"data":[{"starting_at":"2026-03-01T00:00:00Z","results":[{"uncached_input_tokens":1}]}]}', 'anthropic'],
    ['{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"gen_ai.request.model"}]}]}]}]}', 'otel'],
    ['[{"request_id":"x","startTime":"2026-03-01","model":"gpt-4o"}]', 'litellm'],
    ['date,tokens', undefined],
    ['{"hello":1}', undefined],
  ])('%s -> %s', (head, fmt) => expect(detectFormat(head)).toBe(fmt));
});

describe('splitCsvLine', () => {
  it.each([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,"b,c",d', ['a', 'b,c', 'd']],
    ['"say ""hi""",2', ['say "hi"', '2']],
    ['a,,', ['a', '', '']],
  ])('%s', (line, fields) => expect(splitCsvLine(line)).toEqual(fields));
});

describe('parseCsvRow', () => {
  const cols = csvColumns('timestamp,model,input_tokens,output_tokens,cached_input_tokens,cache_write_tokens,reasoning_tokens,requests,provider,batch') as CsvColumns;
  it('reads every column', () => {
    expect(parseCsvRow('2026-03-01T00:00:00Z,gpt-4o,100,50,40,10,20,2,Azure,true', cols, 2)).toEqual({
      where: 2,
      day: '2026-03-01',
      model: 'gpt-4o',
      provider: 'azure',
      input: 100,
      cached: 40,
      cacheWrite: 10,
      output: 50,
      reasoning: 20,
      requests: 2,
      batch: true,
    });
  });
  it.each([
    ['2026-03-01,gpt-4o,1.5,50,,,,,,', /input_tokens "1.5" is not a whole number/],
    ['2026-03-01,gpt-4o,-1,50,,,,,,', /input_tokens "-1"/],
    ['2026-03-01,gpt-4o,0x10,50,,,,,,', /input_tokens "0x10"/],
    ['2026-03-01,gpt-4o,1e3,50,,,,,,', /input_tokens "1e3"/],
    ['2026-03-01,gpt-4o, ,50,,,,,,', /input_tokens/],
    ['2026-03-01,gpt-4o,100,50,90,20,,,,', /exceed input_tokens/],
    ['2026-03-01,gpt-4o,100,50,,,60,,,', /reasoning_tokens \(60\) exceed output_tokens/],
    ['someday,gpt-4o,100,50,,,,,,', /timestamp "someday"/],
    ['2026-03-01,,100,50,,,,,,', /no model/],
    ['2026-03-01', /expected 10 fields, found 1/],
  ])('%s is a bad row', (line, why) => expect(parseCsvRow(line, cols, 3)).toMatch(why));
  it('needs the four columns', () => expect(csvColumns('timestamp,model,tokens')).toMatch(/lacks input_tokens, output_tokens/));
});

describe('the JSON formats', () => {
  it('OpenAI: input includes cached; results without a model are bad (export with group_by=model)', () => {
    const p = parseOpenAiPage(
      {
        object: 'page',
        data: [
          {
            start_time: 1772323200,
            results: [
              { object: 'organization.usage.completions.result', input_tokens: 10, input_cached_tokens: 4, output_tokens: 3, num_model_requests: 1, model: 'gpt-4o', batch: null },
              { object: 'organization.usage.completions.result', input_tokens: 10, output_tokens: 3, num_model_requests: 1, model: null },
            ],
          },
        ],
      },
      '',
    );
    expect(p.records).toEqual([
      { where: 'data[0].results[0]', day: '2026-03-01', model: 'gpt-4o', provider: 'openai', input: 10, cached: 4, cacheWrite: 0, output: 3, reasoning: 0, requests: 1, batch: false },
    ]);
    expect(p.bad[0]).toMatchObject({ where: 'data[0].results[1]', reason: expect.stringMatching(/group_by=model/) });
    const writes = parseOpenAiPage(
      { data: [{ start_time: 1772323200, results: [{ input_tokens: 100, input_cached_tokens: 20, input_cache_write_tokens: 30, input_cache_write_12h_tokens: 10, output_tokens: 1, num_model_requests: 1, model: 'gpt-5' }] }] },
      '',
    );
    expect(writes.records[0]).toMatchObject({ input: 100, cached: 20, cacheWrite: 40 });
  });

  it("Anthropic: input is uncached + cache reads + both cache creations; the 1-hour writes and long context are kept", () => {
    const p = parseAnthropicReport(
      {
        data: [
          {
            starting_at: '2026-03-01T00:00:00Z',
            results: [
              {
                uncached_input_tokens: 100,
                cache_read_input_tokens: 50,
                cache_creation: { ephemeral_5m_input_tokens: 20, ephemeral_1h_input_tokens: 5 },
                output_tokens: 30,
                model: 'claude-sonnet-4-5-20250929',
                service_tier: 'batch',
                context_window: '200k-1M',
              },
            ],
          },
        ],
      },
      '',
    );
    expect(p.records[0]).toMatchObject({ input: 175, cached: 50, cacheWrite: 25, longCacheWrite: 5, output: 30, batch: true, longContext: true, requests: 0 });
  });

  it('OpenTelemetry: response model over request model, provider names mapped, reasoning kept', () => {
    const p = parseOtelLine(
      {
        startTimeUnixNano: '1772359200000000000',
        attributes: [
          { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o' } },
          { key: 'gen_ai.response.model', value: { stringValue: 'gpt-4o-2024-08-06' } },
          { key: 'gen_ai.provider.name', value: { stringValue: 'azure.ai.openai' } },
          { key: 'gen_ai.usage.input_tokens', value: { intValue: '100' } },
          { key: 'gen_ai.usage.output_tokens', value: { intValue: 40 } },
          { key: 'gen_ai.usage.reasoning.output_tokens', value: { intValue: '30' } },
        ],
      },
      'line 1',
    );
    expect(p.records[0]).toMatchObject({ model: 'gpt-4o-2024-08-06', provider: 'azure', input: 100, output: 40, reasoning: 30, day: '2026-03-01' });
    expect(parseOtelLine({ attributes: { 'gen_ai.operation.name': 'execute_tool' } }, 'line 2').skipped).toHaveLength(1);
    expect(parseOtelLine({ attributes: { 'gen_ai.usage.input_tokens': 5 } }, 'line 3').bad[0]!.reason).toMatch(/no gen_ai.response.model/);
  });

  it('LiteLLM: cache hits are skipped, cached tokens from usage_object', () => {
    const row = { startTime: '2026-03-01T00:00:00Z', model: 'gpt-4o', custom_llm_provider: 'openai', prompt_tokens: 100, completion_tokens: 10, metadata: { usage_object: { prompt_tokens_details: { cached_tokens: 64 } } } };
    expect(parseLiteLlmRow(row, 'x').records[0]).toMatchObject({ input: 100, cached: 64, provider: 'openai' });
    expect(parseLiteLlmRow({ ...row, cache_hit: 'True' }, 'x').skipped).toHaveLength(1);
    expect(parseLiteLlmRow({ ...row, custom_llm_provider: 'bedrock' }, 'x').records[0]!.provider).toBe('amazon-bedrock');
  });

  it('provider ids', () => {
    expect(providerId('aws.bedrock')).toBe('amazon-bedrock');
    expect(providerId('gcp.vertex_ai')).toBe('google-vertex');
    expect(providerId('OpenAI')).toBe('openai');
  });
});

describe('tokenizerFor', () => {
  it.each([
    ['gpt-4o', 'openai', 'o200k_base', true],
    ['gpt-4.1-mini', 'openai', 'o200k_base', true],
    ['o3', 'openai', 'o200k_base', true],
    ['gpt-5', 'openai', 'o200k_base', true],
    ['gpt-4', 'openai', 'cl100k_base', true],
    ['gpt-4-turbo', 'openai', 'cl100k_base', true],
    ['gpt-3.5-turbo', 'openai', 'cl100k_base', true],
    ['text-embedding-3-small', 'openai', 'cl100k_base', true],
    ['claude-sonnet-4-5', 'anthropic', 'o200k_base', false],
  ])('%s (%s) -> %s, exact %s', (id, lab, encoding, exact) => {
    const t = tokenizerFor({ id, lab });
    expect(t.encoding).toBe(encoding);
    expect(t.exact).toBe(exact);
    if (!exact) expect(t).toMatchObject({ ratio: null, ratioSource: expect.stringMatching(/^unknown/) });
  });
});
