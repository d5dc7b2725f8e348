import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal-safe.js';
import { runCli } from '../support/cli.js';

// A shared catalog file whose strings carry terminal escape sequences: a screen clear, a window
// title, an OSC 8 hyperlink, a carriage-return overwrite, BEL, a bidi override, and a CSV formula.
const file = join(__dirname, '..', 'fixtures', 'hostile', 'escapes.json');
const text = readFileSync(file, 'utf8');
const files = { 'evil.json': text };
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('nothing from a catalog file reaches the terminal raw', () => {
  it.each([
    ['show', ['show', 'evil-model']],
    ['show markdown', ['show', 'evil-model', '--format', 'markdown']],
    ['models', ['models', '--search', 'evil']],
    ['models csv', ['models', '--search', 'evil', '--format', 'csv']],
    ['models markdown', ['models', '--search', 'evil', '--format', 'markdown']],
    ['cost', ['cost', 'evil-model']],
    ['compare', ['compare', 'evil-model', 'gpt-4o-mini']],
  ])('%s', async (_name, args) => {
    // Wide, so no column (the lab, where the file hides an escape) is left out to fit.
    const r = await runCli(['--catalog', 'evil.json', ...args], { files, env: { COLUMNS: '200' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(RAW);
    expect(r.stderr).not.toMatch(RAW);
    // Shown, escaped, so a person sees what the file holds (csv and markdown drop escape sequences).
    if (!args.includes('--format')) expect(r.stdout).toContain('\\x1b');
  });

  it('with colour on, only colour passes; the file’s sequences are still escaped', async () => {
    const r = await runCli(['--catalog', 'evil.json', 'show', 'evil-model'], { files, env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\\x1b]0;pwned\\x07');
    const sequences = r.stdout.match(/\u001b[^m]*m?/g) ?? [];
    for (const s of sequences) expect(s).toMatch(/^\u001b\[[0-9;]*m$/);
  });

  it('an unknown model name from argv is escaped in the error too', async () => {
    const r = await runCli(['show', 'x\u001b]0;t\u0007y']);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('\\x1b]0;t\\x07');
  });

  it('JSON stays exact: the string is the file’s, escaped by JSON itself', async () => {
    const r = await runCli(['--catalog', 'evil.json', 'show', 'evil-model', '--json'], { files });
    const card = JSON.parse(r.stdout);
    expect(card.model.name).toBe(JSON.parse(text).models[0].name);
    expect(r.stdout).not.toMatch(RAW);
  });

  it('a CSV cell that would start a formula is text; numbers stay numbers', async () => {
    const formulas = {
      'f.json': JSON.stringify({
        schemaVersion: 1,
        models: ['=HYPERLINK("https://x.example")', '+cmd|calc', '-2+3', '@SUM(A1)'].map((lab, i) => ({
          id: `formula-${i}`,
          name: `Formula ${i}`,
          lab,
          category: 'chat',
          offers: [{ provider: 'self', providerModelId: `f${i}`, prices: { input: 1, output: 2 }, source: 'test', asOf: '2026-11-01' }],
        })),
      }),
    };
    const r = await runCli(['--catalog', 'f.json', 'models', '--search', 'formula', '--format', 'csv'], { files: formulas });
    expect(r.code).toBe(0);
    // models' CSV: id, name, lab, ...
    const labs = r.stdout.trim().split('\n').slice(1).map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[2]);
    expect(labs).toEqual(['"\'=HYPERLINK(""https://x.example"")"', "'+cmd|calc", "'-2+3", "'@SUM(A1)"]);
    const { renderCsv } = await import('../../src/render/table.js');
    expect(renderCsv({ head: ['a', 'b', 'c', 'd'], rows: [['-1', '+2.5', '-1e-3', '-x']] })).toBe("a,b,c,d\n-1,+2.5,-1e-3,'-x\n");
  });
});

describe('terminalSafe', () => {
  it.each([
    ['plain', 'plain'],
    ['a\tb\nc', 'a\tb\nc'],
    ['\u001b[2J', '\\x1b[2J'],
    ['\u0007', '\\x07'],
    ['\r', '\\x0d'],
    ['\u202e', '\\u202e'],
    ['\u009b', '\\x9b'],
  ])('%j -> %j', (input, out) => expect(terminalSafe(input, false)).toBe(out));

  it('keeps colour when colour is on, and nothing else', () => {
    expect(terminalSafe('\u001b[1mbold\u001b[22m', true)).toBe('\u001b[1mbold\u001b[22m');
    expect(terminalSafe('\u001b]0;t\u0007', true)).toBe('\\x1b]0;t\\x07');
  });
});
