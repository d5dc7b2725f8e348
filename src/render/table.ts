import Table from 'cli-table3';
import { wrap } from './wrap.js';

/**
 * Tabular data as text: a box table for terminals, CSV and Markdown for files. Renderers take
 * plain strings and return strings; colour is applied by the caller's chalk instance (or not).
 */
export interface Grid {
  head: string[];
  rows: string[][];
  /** Column alignment; default left. */
  align?: ('left' | 'right')[];
  /** Columns never wrapped (ids people copy): others give way first. */
  nowrap?: boolean[];
  /** Columns that may be left out, first first, when the table cannot fit otherwise (figures also in --json). */
  droppable?: number[];
  /** How narrow a column may get, where the caller knows better than its cells (see columnFloors). */
  floors?: (number | undefined)[];
}

/**
 * A grid too wide for `max` columns even at its floors, as several grids one under the other:
 * the first column (the row labels) in each, the others in order, as many as fit. A side-by-side
 * of many models stacks this way instead of breaking the ids in its head.
 */
export function stackColumns(grid: Grid, max: number, plain = true): Grid[] {
  const padding = plain ? 0 : 2;
  const overhead = (cols: number) => (plain ? 2 * (cols - 1) : cols + 1);
  const floors = columnFloors(grid, measure(grid), padding);
  const groups: number[][] = [];
  let cur: number[] = [];
  for (let i = 1; i < grid.head.length; i++) {
    const next = [...cur, i];
    const w = floors[0]! + next.reduce((a, j) => a + floors[j]!, 0) + overhead(next.length + 1);
    if (cur.length && w > max) {
      groups.push(cur);
      cur = [i];
    } else cur = next;
  }
  if (cur.length) groups.push(cur);
  if (groups.length <= 1) return [grid];
  const pick = <T,>(xs: T[] | undefined, g: number[]) => xs && [xs[0]!, ...g.map((j) => xs[j]!)];
  return groups.map((g) => ({
    head: pick(grid.head, g)!,
    rows: grid.rows.map((r) => pick(r, g)!),
    align: pick(grid.align, g),
    nowrap: pick(grid.nowrap, g),
    floors: pick(grid.floors, g),
  }));
}

/**
 * Each column's widths, measured once per table (fitting asks for them several times): the widest
 * line and the longest word, of the head and of the cells.
 */
interface Measures {
  headLine: number[];
  headWord: number[];
  line: number[];
  word: number[];
}

function measure(grid: Grid): Measures {
  const line = grid.head.map(() => 0);
  const word = grid.head.map(() => 0);
  for (const r of grid.rows)
    for (let i = 0; i < line.length; i++) {
      const c = r[i] ?? '';
      line[i] = Math.max(line[i]!, maxLineLength(c));
      word[i] = Math.max(word[i]!, minWord(c));
    }
  return { headLine: grid.head.map(maxLineLength), headWord: grid.head.map(minWord), line, word };
}

/**
 * The grid without the droppable columns it cannot fit in `max` columns (`overhead(cols)` for
 * borders and gaps), with its measures.
 */
function dropToFit(grid: Grid, max: number, padding: number, overhead: (cols: number) => number): { grid: Grid; m: Measures } {
  let g = grid;
  let m = measure(grid);
  for (const col of grid.droppable ?? []) {
    const floors = columnFloors(g, m, padding);
    if (floors.reduce((a, b) => a + b, 0) + overhead(g.head.length) <= max) break;
    const i = g.head.indexOf(grid.head[col]!);
    if (i < 0) continue;
    const keep = <T,>(xs: T[] | undefined) => xs?.filter((_, j) => j !== i);
    g = { ...g, head: keep(g.head)!, rows: g.rows.map((r) => keep(r)!), align: keep(g.align), nowrap: keep(g.nowrap), floors: keep(g.floors) };
    m = { headLine: keep(m.headLine)!, headWord: keep(m.headWord)!, line: keep(m.line)!, word: keep(m.word)! };
  }
  return { grid: g, m };
}

export function renderBox(full: Grid, opts: { maxWidth?: number } = {}): string {
  const fitted = opts.maxWidth ? dropToFit(full, opts.maxWidth, 2, (cols) => cols + 1) : undefined;
  const grid = fitted?.grid ?? full;
  const widths = fitted ? fitWidths(grid, fitted.m, opts.maxWidth!) : undefined;
  const fit = (cells: string[]) => (widths ? cells.map((c, i) => wrapCell(c, widths[i]! - 2)) : cells);
  const rows = grid.rows.map(fit);
  // A rule between rows only where a row can take several lines; one-line rows read without it.
  const compact = rows.every((r) => r.every((c) => !c.includes('\n')));
  const t = new Table({
    head: fit(grid.head),
    style: { head: [], border: [], compact },
    ...(grid.align ? { colAligns: grid.align } : {}),
    ...(widths ? { colWidths: widths } : {}),
  });
  for (const r of rows) t.push(r);
  return t.toString();
}

/**
 * A table without borders: columns two spaces apart, a rule under the head. For short fact
 * tables whose rows are one line each; a row that must wrap is followed by a blank line, so
 * its lines stay together.
 */
export function renderPlain(full: Grid, opts: { maxWidth?: number } = {}): string {
  const fitted = opts.maxWidth ? dropToFit(full, opts.maxWidth, 0, (cols) => 2 * (cols - 1)) : undefined;
  const grid = fitted?.grid ?? full;
  const cols = grid.head.length;
  const widths = fitted
    ? fitWidths(grid, fitted.m, opts.maxWidth! + (cols + 1) - 2 * (cols - 1), 0)
    : grid.head.map((h, i) => Math.max(visibleLength(h), ...grid.rows.map((r) => maxLineLength(r[i] ?? ''))));
  const fit = (cells: string[]) => cells.map((c, i) => wrapCell(c, widths[i]!).split('\n'));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        const pad = ' '.repeat(Math.max(0, widths[i]! - visibleLength(c)));
        return grid.align?.[i] === 'right' ? pad + c : i === cols - 1 ? c : c + pad;
      })
      .join('  ')
      .trimEnd();
  const out: string[] = [];
  const draw = (cells: string[][]) => {
    const n = Math.max(...cells.map((c) => c.length));
    for (let k = 0; k < n; k++) out.push(line(cells.map((c) => c[k] ?? '')));
    return n;
  };
  draw(fit(grid.head));
  out.push('─'.repeat(widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1)));
  grid.rows.forEach((r, i) => {
    if (draw(fit(r)) > 1 && i < grid.rows.length - 1) out.push('');
  });
  return out.join('\n');
}

function naturalWidths(m: Measures, padding: number): number[] {
  // Headers take their full width when there is room; they wrap at spaces before any cell does.
  return m.headLine.map((h, i) => Math.max(h, m.line[i]!) + padding);
}

/**
 * How narrow each column may get: numbers (right-aligned) and ids (nowrap) keep their full
 * width, since a wrapped amount or id is hard to read and cannot be copied; text wraps at spaces
 * only, so no word (an id, a provider) breaks, and not below 8 characters. `loose` is the last
 * resort for a table that cannot fit otherwise: text may then break after a hyphen or slash, and
 * right-aligned cells wrap at spaces ("49.6 (4 of 8)").
 */
function columnFloors(grid: Grid, m: Measures, padding: number, loose = false): number[] {
  return naturalWidths(m, padding).map((n, i) =>
    grid.floors?.[i] !== undefined
      ? Math.min(n, grid.floors[i]! + padding)
      : grid.nowrap?.[i]
      ? n
      : grid.align?.[i] === 'right'
        ? Math.max(m.headWord[i]!, loose ? m.word[i]! : m.line[i]!) + padding
        : Math.min(n, Math.max(m.headWord[i]!, loose ? 0 : m.word[i]!, 8) + padding),
  );
}

/** Column widths that fit `max` characters: the widest column gives way first, each down to its floor. */
function fitWidths(grid: Grid, m: Measures, max: number, padding = 2): number[] {
  const cols = grid.head.length;
  const natural = naturalWidths(m, padding);
  const budget = max - (cols + 1);
  const strict = columnFloors(grid, m, padding);
  const floor = strict.reduce((a, b) => a + b, 0) <= budget ? strict : columnFloors(grid, m, padding, true);
  const widths = [...natural];
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    let i = -1;
    widths.forEach((w, j) => {
      if (w > floor[j]! && (i < 0 || w > widths[i]!)) i = j;
    });
    if (i < 0) break;
    widths[i]!--;
    total--;
  }
  return widths;
}

/** The longest word (between spaces or line breaks) of a cell. */
function minWord(s: string): number {
  return Math.max(0, ...s.split(/\s+/).map(visibleLength));
}

/**
 * Wraps a cell to `width` columns: at spaces, else after a hyphen or slash, else anywhere.
 * Cells with colour codes are left alone (they are short labels).
 */
export function wrapCell(cell: string, width: number): string {
  if (width < 1 || cell.includes('\u001b')) return cell;
  const out: string[] = [];
  for (const para of cell.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      const candidate = line ? `${line} ${word}` : word;
      if (candidate.length <= width) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      let rest = word;
      while (rest.length > width) {
        const cut = Math.max(rest.lastIndexOf('-', width - 1), rest.lastIndexOf('/', width - 1));
        const at = cut > 0 ? cut + 1 : width;
        out.push(rest.slice(0, at));
        rest = rest.slice(at);
      }
      line = rest;
    }
    out.push(line);
  }
  return out.join('\n');
}

function maxLineLength(s: string): number {
  return Math.max(0, ...s.split('\n').map(visibleLength));
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
export function visibleLength(s: string): number {
  return s.replace(ANSI, '').length;
}

export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}

export function renderCsv(grid: Grid): string {
  const cell = (s: string) => {
    let v = stripAnsi(s).replace(/\n/g, ' ');
    // A cell a spreadsheet would read as a formula is text (OWASP's CSV-injection rule); numbers stay numbers.
    if (/^[=+\-@\t\r]/.test(v) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v)) v = `'${v}`;
    return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  };
  return [grid.head, ...grid.rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

export function renderMarkdown(grid: Grid): string {
  const cell = (s: string) => stripAnsi(s).replace(/\|/g, '\\|').replace(/\n/g, '<br>');
  const sep = grid.head.map((_, i) => (grid.align?.[i] === 'right' ? '---:' : '---'));
  return [grid.head.map(cell), sep, ...grid.rows.map((r) => r.map(cell))].map((r) => `| ${r.join(' | ')} |`).join('\n') + '\n';
}

/** Key/value pairs as aligned lines ("Context window   128,000"), values wrapped under themselves to `width`. */
export function renderPairs(pairs: [string, string][], indent = '', width?: number): string {
  const w = Math.max(0, ...pairs.map(([k]) => visibleLength(k)));
  const hang = ' '.repeat(indent.length + w + 2);
  return pairs
    .map(([k, v]) => {
      const line = `${indent}${k}${' '.repeat(w - visibleLength(k))}  ${v}`;
      return width ? wrap(line, width, hang) : line;
    })
    .join('\n');
}
