import { describe, expect, it } from 'vitest';
import { visibleLength } from '../../src/render/table.js';
import { json, runCli } from '../support/cli.js';

// Every command's terminal output fits the width it is given (COLUMNS), down to 60 columns:
// tables wrap cells at spaces, drop their least needed columns or stack; prose wraps; long URLs
// break after a slash. JSON (and `schema`, which prints JSON) is exempt: it is for programs.
const commands: string[][] = [
  ['models', '--limit', '8'],
  ['models', '--category', 'reranking', '--sort', 'price', '--limit', '5'],
  ['models', '--search', 'sonnet', '--limit', '0'],
  ['show', 'gpt-4o'],
  ['show', 'bge-reranker-v2'],
  ['show', 'claude-sonnet-4-5'],
  ['catalog', 'info'],
  ['catalog', 'validate', 'test/fixtures/models.dev.json'],
  ['cost', 'gpt-4o-mini', '--requests', '1M', '--input', '500', '--output', '100'],
  ['cost', 'claude-sonnet-4-5', 'gpt-4.1', 'gemini-2.5-flash', '--requests', '2M', '--per', 'month'],
  ['cost', 'bge-reranker-v2', '--searches', '10k'],
  ['compare', 'gpt-4o-mini', 'bge-reranker-v2'],
  ['compare', 'gpt-4o', 'gpt-4o-mini', '--full'],
  ['compare', 'gpt-4o-mini', 'mistral-small-3-1', 'gemma-3-12b', 'claude-haiku-3.5'],
  ['compare', 'gpt-4o-mini', 'mistral-small-3-1', 'gemma-3-12b', 'claude-haiku-3.5', '--full'],
  ['recommend', '--task', 'classification', '--requests', '1M', '--top', '3'],
  ['recommend', '--task', 'reranking', '--top', '3'],
  ['recommend', '--task', 'chat', '--providers', 'anthropic'],
  ['route', '--mix', 'classification=80,math=20', '--requests', '1M'],
  ['route', '--cascade', 'gpt-4.1-mini,gpt-4.1', '--escalate', '20%', '--requests', '100k', '--input', '800', '--output', '200'],
  ['route', '--pipeline', 'embedding,reranking,rag', '--requests', '100k'],
  ['wizard', '--task', 'extraction', '--requests', '200k', '--needs', 'json', '--budget', '300/month'],
  ['wizard', '--mix', 'classification=70,chat=30', '--requests', '1M'],
  ['replay', 'test/fixtures/replay/generic.csv', '--on', 'gpt-4.1-mini', 'claude-haiku-4-5'],
  ['replay', 'test/fixtures/replay/otel-spans.jsonl'],
  ['tokens', 'test/fixtures/replay/prompt.txt', '--model', 'gpt-4o', 'claude-sonnet-4-5'],
  ['config'],
  ['--help'],
  ...['models', 'show', 'catalog', 'cost', 'compare', 'recommend', 'route', 'replay', 'tokens', 'wizard', 'schema', 'config', 'completion'].map((c) => [c, '--help']),
  ['catalog', 'update', '--help'],
];

const widest = (s: string) => Math.max(0, ...s.split('\n').map(visibleLength));

describe('every command fits the terminal', () => {
  for (const columns of [60, 80])
    it.each(commands.map((c) => [c.join(' '), c] as const))(`at ${columns} columns: %s`, async (_name, argv) => {
      const r = await runCli(argv, { env: { COLUMNS: String(columns), NO_COLOR: '1' } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
      expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
    });
});

describe('ids never break mid-word', () => {
  it.each([60, 80, 120])('models: every id whole on one line at %i columns', async (columns) => {
    const args = ['models', '--search', 'claude', '--limit', '12'];
    const ids: string[] = json(await runCli([...args, '--json'])).models.map((m: { id: string }) => m.id);
    const out = (await runCli(args, { env: { COLUMNS: String(columns) } })).stdout;
    for (const id of ids) expect(out, id).toMatch(new RegExp(`│ ${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ │\\[]`));
  });

  it.each([60, 80])('cost, compare and recommend: model ids whole at %i columns', async (columns) => {
    const env = { COLUMNS: String(columns) };
    const ids = ['claude-sonnet-4-5', 'gemini-2.5-flash', 'claude-3-5-haiku-20241022'];
    const cost = (await runCli(['cost', ...ids], { env })).stdout;
    const compare = (await runCli(['compare', ...ids], { env })).stdout;
    for (const id of ids) {
      expect(cost).toContain(` ${id} `);
      expect(compare).toContain(id);
      expect(compare).not.toMatch(new RegExp(`${id.slice(0, 7)}-?\\n`));
    }
    const rec = await runCli(['recommend', '--task', 'reranking', '--top', '3', '--json']);
    const recIds: string[] = json(rec).recommendations.map((x: { model: { id: string } }) => x.model.id);
    const recOut = (await runCli(['recommend', '--task', 'reranking', '--top', '3'], { env })).stdout;
    for (const id of recIds) expect(recOut).toContain(`│ ${id} `);
  });
});

describe('errors at a terminal', () => {
  it('wrap to its width; piped, a message stays one line', async () => {
    const { main } = await import('../../src/cli/main.js');
    const { captureIO } = await import('../support/cli.js');
    // Words, not one long id: an id is never broken.
    const long = 'lots of requests every single day of the week for the whole year long please and thank you';
    const tty = captureIO({ env: { COLUMNS: '60' } });
    tty.io.stderr.isTTY = true;
    expect(await main(['cost', 'gpt-4o-mini', '--requests', long], tty.io)).toBe(1);
    const lines = tty.output().stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(60);
    const piped = captureIO({ env: { COLUMNS: '60' } });
    expect(await main(['cost', 'gpt-4o-mini', '--requests', long], piped.io)).toBe(1);
    expect(piped.output().stderr.split('\n')[0]!.length).toBeGreaterThan(60);
  });
});
