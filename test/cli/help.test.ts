import { describe, expect, it } from 'vitest';
import { splitArgs } from '../../scripts/readme.js';
import { runCli } from '../support/cli.js';

const help = async (argv: string[]) => {
  const r = await runCli([...argv, '--help'], { env: { COLUMNS: '200' } });
  expect(r.code).toBe(0);
  return r.stdout;
};

const COMMANDS = [['models'], ['show'], ['catalog'], ['catalog', 'info'], ['catalog', 'validate'], ['catalog', 'update'], ['catalog', 'diff'], ['catalog', 'reset'], ['cost'], ['compare'], ['recommend'], ['route'], ['replay'], ['tokens'], ['wizard'], ['schema'], ['config'], ['completion']];

describe('help', () => {
  it.each(COMMANDS.map((c) => [c.join(' '), c]))('%s --help leads to examples', async (_n, argv) => {
    const out = await help(argv as string[]);
    expect(out).toMatch(/\nExamples:\n {2}model-advisor /);
  });

  it('the program help has examples too', async () => {
    expect(await help([])).toMatch(/\nExamples:\n {2}model-advisor compare gpt-4o-mini bge-reranker-v2/);
  });

  it.each([['cost'], ['compare'], ['recommend'], ['route'], ['wizard']])('%s groups its flags and shows their defaults', async (cmd) => {
    const out = await help([cmd]);
    const headings = [...out.matchAll(/^([A-Z][^\n]*):$/gm)].map((m) => m[1]!.replace(/ \(.*/, ''));
    expect(headings).toEqual(expect.arrayContaining(['Workload', 'Reranking workload', 'Output']));
    // Reranker flags sit under their own heading, after the workload ones, not among them.
    const workload = out.slice(out.indexOf('Workload'), out.indexOf('Reranking workload'));
    expect(workload).not.toMatch(/--searches|--docs-per-search/);
    expect(out.slice(out.indexOf('Reranking workload'))).toMatch(/--searches <n>.*\(default: 10,000 a day\)/);
    expect(out).toMatch(/--per <period>.*\(default: day\)/);
    expect(out).toMatch(/--format <format>.*\(default: table\)/);
  });

  it('models and show have no workload or reranker flags', async () => {
    for (const cmd of ['models', 'show']) expect(await help([cmd])).not.toMatch(/--searches|--requests/);
  });

  it('recommend and wizard say their ranking default', async () => {
    for (const cmd of ['recommend', 'wizard']) expect(await help([cmd])).toMatch(/--prefer <how>.*\(default: balanced\)/);
  });

  // Every example that needs no file, pipe or network runs as written.
  it('the examples run', async () => {
    const lines: string[] = [];
    for (const argv of [[], ...COMMANDS]) {
      const out = await help(argv);
      const block = out.slice(out.indexOf('Examples:'));
      for (const l of block.split('\n').slice(1)) if (l.startsWith('  model-advisor ')) lines.push(l.trim());
    }
    const runnable = lines.filter((l) => !/[|>&<]|\.json|\.csv|\.txt|catalog update|catalog diff|catalog reset|<command>|#/.test(l));
    expect(runnable.length).toBeGreaterThan(12);
    for (const l of runnable) {
      const r = await runCli(splitArgs(l).slice(1), { env: { NO_COLOR: '1' } });
      expect(r.code, `${l}\n${r.stderr}`).toBe(0);
    }
  });
});
