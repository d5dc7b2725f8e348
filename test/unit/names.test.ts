import { describe, expect, it } from 'vitest';
import { candidateKeys, editDistance, hostSpellingKeys, labFromId, modelKey, weightsKey, withoutDate } from '../../src/catalog/names.js';

describe('modelKey', () => {
  it.each([
    ['gpt-4o-mini', 'gpt-4o-mini'],
    ['openai/gpt-4o-mini', 'gpt-4o-mini'],
    ['openrouter/mistralai/Mistral-Small-3.1-24B-Instruct:free', 'mistral-small-3-1-24b-instruct'],
    ['@cf/mistralai/mistral-small-3.1-24b-instruct', 'mistral-small-3-1-24b-instruct'],
    // Claude's two namings share one key (claude-3-5-haiku, claude-haiku-4-5, hosts' claude-4-sonnet).
    ['anthropic.claude-3-5-haiku-20241022-v1:0', 'claude-haiku-3-5-20241022'],
    ['us.anthropic.claude-3-5-haiku-20241022-v1:0', 'claude-haiku-3-5-20241022'],
    ['claude-3-5-haiku@20241022', 'claude-haiku-3-5-20241022'],
    ['claude-4-sonnet-20250514', 'claude-sonnet-4-20250514'],
    ['claude-opus4-5', 'claude-opus-4-5'],
    // Bedrock: the version suffix goes, Claude 2's "v2:1" is its version.
    ['anthropic.claude-opus-4-6-v1', 'claude-opus-4-6'],
    ['anthropic.claude-v2:1', 'claude-2-1'],
    ['regional.anthropic.claude-opus-4-5-v1:0', 'claude-opus-4-5'],
    ['deepseek-v3', 'deepseek-v3'],
    ['vertex_ai/claude-opus-4-6@default', 'claude-opus-4-6'],
    ['accounts/fireworks/models/qwen3-reranker-0p6b', 'qwen-3-reranker-0-6b'],
    ['gpt4.1', 'gpt-4-1'],
    ['meta-llama/Meta-Llama-3.1-8B-Instruct', 'llama-3-1-8b-instruct'],
    ['deepseek-ai/DeepSeek-V3-fp8', 'deepseek-v3'],
    ['claude haiku 3.5', 'claude-haiku-3-5'],
  ])('%s -> %s', (id, key) => expect(modelKey(id)).toBe(key));
});

describe('withoutDate', () => {
  it.each([
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['claude-3-5-haiku-20241022', 'claude-3-5-haiku'],
    ['mistral-small-2503', 'mistral-small'],
    ['command-r-08-2024', 'command-r'],
    ['gpt-4-0613', 'gpt-4'],
    ['gpt-4o-mini', undefined],
    ['llama-3-1-8b', undefined],
  ])('%s -> %s', (k, expected) => expect(withoutDate(k)).toBe(expected));
});

describe('weightsKey', () => {
  it.each([
    ['llama-3-3-70b-versatile', 'llama-3-3-70b'],
    ['llama-3-3-70b-instruct-turbo', 'llama-3-3-70b'],
    ['llama-3-3-70b-instruct-fp8-fast', 'llama-3-3-70b'],
    ['llama-3-3-70b-instruct-maas', 'llama-3-3-70b'],
    ['llama-3-1-8b-instant', 'llama-3-1-8b'],
    // Names without a parameter count keep their suffixes: gpt-4-turbo is not gpt-4.
    ['gpt-4-turbo', 'gpt-4-turbo'],
    ['qwen-turbo', 'qwen-turbo'],
    ['llama-3-3-70b-instruct-abliterated', 'llama-3-3-70b-instruct-abliterated'],
  ])('%s -> %s', (k, expected) => expect(weightsKey(k)).toBe(expected));
});

describe('hostSpellingKeys', () => {
  it('drops a platform prefix and serving suffixes, never a date', () => {
    expect(hostSpellingKeys('databricks-gemini-3-1-pro')).toContain('gemini-3-1-pro');
    expect(hostSpellingKeys('llama-3.3-70b-versatile')).toEqual(['llama-3-3-70b']);
    expect(hostSpellingKeys('gpt-4o-2024-05-13')).toEqual([]);
  });
});

describe('candidateKeys', () => {
  it('tries the exact key first, then without date and instruct tags', () => {
    expect(candidateKeys('gemma-3-12b-it')).toEqual(['gemma-3-12b-it', 'gemma-3-12b']);
    expect(candidateKeys('anthropic--claude-4.6-opus')).toContain('claude-opus-4-6');
    expect(candidateKeys('gpt-4o-mini-2024-07-18')[0]).toBe('gpt-4o-mini-2024-07-18');
    expect(candidateKeys('gpt-4o-mini-2024-07-18')).toContain('gpt-4o-mini');
  });
});

describe('labFromId', () => {
  it.each([
    ['meta-llama/Llama-3.3-70B-Instruct', 'meta'],
    ['mistralai/mistral-small-3.1-24b-instruct', 'mistral'],
    ['gpt-4o-mini', 'openai'],
    ['claude-3-5-haiku', 'anthropic'],
    ['BAAI/bge-reranker-v2-m3', 'baai'],
    ['anthropic.claude-3-haiku-20240307-v1:0', 'anthropic'],
    ['some-unknown-model', undefined],
  ])('%s -> %s', (id, lab) => expect(labFromId(id)).toBe(lab));
});

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['gpt-4o-mini', 'gpt-4o-mini', 0],
    ['', 'abc', 3],
    ['gpt4o-mini', 'gpt-4o-mini', 1],
  ])('%s / %s = %d', (a, b, d) => expect(editDistance(a, b)).toBe(d));
});

describe('the name index of the bundled catalog', () => {
  it('holds only keys that are their own normal form (so an exact key needs no normalising)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { NameIndex } = await import('../../src/catalog/jsonl.js');
    const { modelKey } = await import('../../src/catalog/names.js');
    const lines = readFileSync(join(__dirname, '..', '..', 'data', 'catalog.jsonl'), 'utf8').split('\n');
    const names = JSON.parse(lines[lines.length - 2]!) as { names: string };
    const keys = [...new NameIndex(names.names).entries()].map(([k]) => k);
    expect(keys.length).toBeGreaterThan(1000);
    expect(keys.filter((k) => modelKey(k) !== k)).toEqual([]);
  });
});
