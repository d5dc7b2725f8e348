import { describe, expect, it } from 'vitest';
import { flatten } from '../../src/render/records.js';
import { json, runCli } from '../support/cli.js';

/** A CSV line's cells (quotes as the renderer writes them). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') (out.push(cur), (cur = ''));
    else cur += ch;
  }
  out.push(cur);
  return out;
}

const lines: [string, string[], (j: any) => any[]][] = [
  ['models', ['models', '--category', 'reranking', '--limit', '5'], (j) => j.models],
  ['cost', ['cost', 'gpt-4o', 'gpt-4.1', 'claude-sonnet-4-5', '--requests', '2M', '--per', 'month', '--input', '800', '--output', '200'], (j) => j.results],
  ['compare', ['compare', 'gpt-4o', 'gpt-4o-mini'], (j) => j.models],
  ['recommend', ['recommend', '--task', 'classification', '--top', '3'], (j) => [...j.recommendations, ...j.excluded]],
  ['route', ['route', '--mix', 'chat=50,code=50', '--requests', '1M'], (j) => [...j.route.legs, j.route]],
  ['show', ['show', 'gpt-4o-mini'], (j) => [j.model, ...j.model.offers]],
];

describe('--format csv and markdown: the rows of the JSON result', () => {
  it.each(lines)('%s: one row per JSON row, plain numbers, the same cells in markdown', async (_name, argv, rowsOf) => {
    const j = json(await runCli([...argv, '--json']));
    const csv = await runCli([...argv, '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const [head, ...rows] = csv.stdout.trimEnd().split('\n').map(cells);
    expect(rows).toHaveLength(rowsOf(j).length);
    for (const row of rows) expect(row).toHaveLength(head!.length);
    // No currency signs or "1M"/"128K" shorthand in a column whose JSON values are numbers.
    const numeric = head!.map((_, i) => rows.some((r) => /^-?\d+(\.\d+)?(e-?\d+)?$/.test(r[i]!)) && rows.every((r) => r[i] === '' || /^-?\d+(\.\d+)?(e-?\d+)?$/.test(r[i]!)));
    expect(numeric.filter(Boolean).length).toBeGreaterThan(2);
    // No cell is a formatted amount ("$1,500.00") or a shorthand ("128K", "1M"); prose may quote amounts.
    for (const r of rows) for (const c of r) expect(c).not.toMatch(/^\$[\d,.]+$|^\d+(\.\d+)?[KMB]$/);
    // Markdown: the same header and cells.
    const md = (await runCli([...argv, '--format', 'markdown'])).stdout;
    expect(md).toContain(`| ${head!.join(' | ')} |`);
  });

  it('numbers carry the JSON money rule: no float noise, and the same values as --json', async () => {
    const argv = ['cost', 'claude-sonnet-4-5', 'gpt-4.1', 'gemini-2.5-flash', '--requests', '2M', '--per', 'month', '--input', '800', '--output', '200'];
    const j = json(await runCli([...argv, '--json']));
    const csv = (await runCli([...argv, '--format', 'csv'])).stdout.trimEnd().split('\n').map(cells);
    const head = csv[0]!;
    const col = (k: string) => head.indexOf(k);
    for (const [i, line] of j.results.entries()) {
      expect(Number(csv[i + 1]![col('per_month')])).toBe(line.perMonth);
      expect(Number(csv[i + 1]![col('parts_per_month.output')])).toBe(line.partsPerMonth.output);
    }
    expect(csv.flat().some((c) => /\d\.\d{13,}/.test(c))).toBe(false);
  });

  it("compare's csv has the cost of the workload, and show's has every offer", async () => {
    const compare = (await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--format', 'csv'])).stdout.split('\n').map(cells);
    const j = json(await runCli(['compare', 'gpt-4o', 'gpt-4o-mini', '--json']));
    const perMonth = compare[0]!.indexOf('cost.per_month');
    expect(perMonth).toBeGreaterThan(0);
    expect(compare.slice(1, 3).map((r) => Number(r[perMonth]))).toEqual(j.models.map((m: any) => j.costs.find((c: any) => c.model.id === m.id).perMonth));
    const show = (await runCli(['show', 'gpt-4o', '--format', 'csv'])).stdout.trimEnd().split('\n').map(cells);
    expect(show.filter((r) => r[0] === 'offer')).toHaveLength(json(await runCli(['show', 'gpt-4o', '--json'])).model.offers.length);
  });

  it('flattens nested objects to dotted snake_case columns; lists of objects as JSON', () => {
    expect(flatten({ perMonth: 1.5, offer: { prices: { cacheRead: 0.1 } }, tags: ['a', 'b'], legs: [{ x: 1 }] })).toEqual({
      per_month: 1.5,
      'offer.prices.cache_read': 0.1,
      tags: 'a; b',
      legs: '[{"x":1}]',
    });
  });
});
