import { Chalk } from 'chalk';
// The measure cli-table3 ships with, which the build replaces (see src/render/string-width.ts).
import reference from 'string-width';
import { describe, expect, it } from 'vitest';
import { ONE_COLUMN, stringWidth } from '../../src/render/string-width.js';
import { bundled } from '../support/catalog.js';

describe('stringWidth: the widths cli-table3 gets', () => {
  const chalk = new Chalk({ level: 1 });
  const special = [
    '',
    'hello',
    '日本語のモデル',
    '한국어',
    'Ｆｕｌｌ',
    'é and e\u0301',
    '👍 🇺🇸 👨‍👩‍👧',
    'a\u200bb',
    'tab\there',
    '│ ─ ┼ ╭ ╮ ╰ ╯ █ ▏ ▎ ▍',
    '$1,234.56 · 93% · ≤ 1.3x',
    '\u001b]8;;https://example.com\u0007link\u001b]8;;\u0007',
  ];

  it('measure every character of the fast path as string-width does', () => {
    let fast = 0;
    for (let cp = 0; cp <= 0xffff; cp++) {
      const ch = String.fromCodePoint(cp);
      if (!ONE_COLUMN.test(ch)) continue;
      fast++;
      expect(stringWidth(ch), `U+${cp.toString(16)}`).toBe(reference(ch));
      expect(stringWidth(chalk.bold(`${ch}${ch}`))).toBe(reference(chalk.bold(`${ch}${ch}`)));
    }
    expect(fast).toBeGreaterThan(350);
  });

  it('match string-width for every id, name and lab in the catalog, plain and coloured', () => {
    const texts = [...special];
    for (const m of bundled().all()) texts.push(m.id, m.name, m.lab, ...(m.aliases ?? []));
    let checked = 0;
    for (const t of texts)
      for (const s of [t, chalk.bold(t), chalk.red.dim(t), `${chalk.green(t)} | ${t}`]) {
        expect(stringWidth(s), JSON.stringify(s)).toBe(reference(s));
        checked++;
      }
    expect(checked).toBeGreaterThan(10_000);
  });
});
