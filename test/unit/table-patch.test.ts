import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript
import { patchTableSource, TABLE_PATCHES } from '../../scripts/lib/table-patches.mjs';

/**
 * The build draws tables with cli-table3 patched for speed (scripts/lib/table-patches.mjs). Here
 * the published cli-table3 and a patched copy draw the same random tables, spans included (the
 * patched layout code is the part that deals with them), and must agree character for character.
 */
const root = join(__dirname, '..', '..');
const published = join(root, 'node_modules', 'cli-table3');
// Inside node_modules, so the copy resolves cli-table3's own dependencies as the original does.
const copy = join(root, 'node_modules', '.table-patch-test', 'cli-table3');
rmSync(copy, { recursive: true, force: true });
mkdirSync(copy, { recursive: true });
cpSync(published, copy, { recursive: true });
for (const file of new Set((TABLE_PATCHES as { file: string }[]).map((p) => p.file))) {
  const path = join(copy, 'src', file);
  writeFileSync(path, patchTableSource(file, readFileSync(path, 'utf8')));
}
afterAll(() => rmSync(join(root, 'node_modules', '.table-patch-test'), { recursive: true, force: true }));

const req = createRequire(__filename);
type TableCtor = new (o: object) => { push(...r: unknown[]): void; toString(): string };
const Original = req(published) as TableCtor;
const Patched = req(copy) as TableCtor;

function draw(Table: TableCtor, opts: object, rows: unknown[][]): string {
  const t = new Table(opts);
  for (const r of rows) t.push(r);
  return t.toString();
}

describe('cli-table3 as the build patches it', () => {
  it('holds the code each patch replaces, and the patched copy differs from it', () => {
    for (const file of ['cell.js', 'layout-manager.js', 'utils.js']) {
      const source = readFileSync(join(published, 'src', file), 'utf8');
      expect(patchTableSource(file, source)).not.toBe(source);
    }
  });

  it('draws every table exactly as the published one does', () => {
    const text = fc.stringMatching(/^[a-z0-9 $.\-\n]{0,14}$/);
    // Random row spans can make the published cli-table3 loop for ever (overlapping spans): they
    // are drawn from fixed layouts in the next test.
    const cell = fc.oneof(
      { weight: 6, arbitrary: text },
      // Styled text: widths are measured with the colour codes taken out.
      { weight: 1, arbitrary: text.map((t) => `\u001b[1m${t}\u001b[22m`) },
      { weight: 1, arbitrary: fc.record({ content: text, colSpan: fc.integer({ min: 1, max: 3 }) }) },
      { weight: 1, arbitrary: fc.record({ content: text, hAlign: fc.constantFrom('left', 'right', 'center'), style: fc.record({ 'padding-left': fc.integer({ min: 0, max: 2 }) }) }) },
      // Border characters of its own (the others share the table's).
      { weight: 1, arbitrary: fc.record({ content: text, chars: fc.record({ left: fc.constantFrom('#', '|'), middle: fc.constantFrom('+', ':'), top: fc.constantFrom('=', '~') }) }) },
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 0, maxLength: 12 }),
        fc.boolean(),
        fc.option(fc.array(fc.integer({ min: 3, max: 16 }), { minLength: 1, maxLength: 5 }), { nil: undefined }),
        fc.boolean(),
        (cols, rows, compact, colWidths, wordWrap) => {
          // cli-table3 writes into the options and cells it is given: each table gets its own.
          const opts = () => ({
            head: Array.from({ length: cols }, (_, i) => `h${i}`),
            style: { head: [], border: [], compact, 'padding-right': 1 },
            colAligns: Array.from({ length: cols }, (_, i) => (i % 2 ? 'right' : 'left')),
            ...(colWidths ? { colWidths: [...colWidths] } : {}),
            wordWrap,
          });
          const attempt = (Table: TableCtor) => {
            try {
              return draw(Table, opts(), structuredClone(rows));
            } catch (e) {
              return `throws ${(e as Error).message}`;
            }
          };
          expect(attempt(Patched)).toBe(attempt(Original));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('cuts cells wider than their column, wide characters included, exactly as the published one does', () => {
    // A character wider than one column (中), or one a byte count mistakes (τ, …, é), sends
    // cli-table3 down its slow truncation path, the one the build rewrites.
    const wide = fc.stringMatching(/^[a-z0-9 .中τ…é·-]{0,40}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(wide, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 2, max: 12 }), { minLength: 2, maxLength: 2 }),
        fc.boolean(),
        (rows, colWidths, styled) => {
          const cells = rows.map((r) => r.map((t) => (styled ? `\u001b[2m${t}\u001b[22m` : t)));
          const opts = () => ({ style: { head: [], border: [] }, colWidths: [...colWidths], wordWrap: false });
          expect(draw(Patched, opts(), structuredClone(cells))).toBe(draw(Original, opts(), structuredClone(cells)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('draws row and column spans exactly as the published one does', () => {
    // Layouts from cli-table3's own documentation and tests, with spans that cover other cells.
    const layouts: unknown[][][] = [
      [[{ content: 'a', rowSpan: 2 }, 'b'], ['c']],
      [[{ content: 'a', rowSpan: 2 }, 'b', 'c'], [{ content: 'd', colSpan: 2 }]],
      [[{ content: 'hello', colSpan: 2, rowSpan: 2 }, 'x'], ['y'], ['z', 'w', 'v']],
      [['a', { content: 'b', rowSpan: 3 }, 'c'], ['d', 'e'], ['f', 'g'], ['h', 'i', 'j']],
      [[{ content: 'a\nb\nc', rowSpan: 3 }, '1'], ['2'], ['3'], ['x', 'y']],
      [[{ content: 'greetings', rowSpan: 2, colSpan: 2 }, { content: 'x', rowSpan: 2 }], [], ['a', 'b', 'c']],
    ];
    for (const rows of layouts)
      for (const compact of [true, false]) {
        const opts = () => ({ style: { head: [], border: [], compact } });
        expect(draw(Patched, opts(), structuredClone(rows))).toBe(draw(Original, opts(), structuredClone(rows)));
      }
  });
});
