import Table from 'cli-table3';

/**
 * Tabular data as text: a box table for terminals, CSV and Markdown for files. Renderers take
 * plain strings and return strings; colour is applied by the caller's chalk instance (or not).
 */
export interface Grid {
  head: string[];
  rows: string[][];
  /** Column alignment; default left. */
  align?: ('left' | 'right')[];
}

export function renderBox(grid: Grid, opts: { maxWidth?: number } = {}): string {
  const widths = opts.maxWidth ? fitWidths(grid, opts.maxWidth) : undefined;
  const fit = (cells: string[]) => (widths ? cells.map((c, i) => wrapCell(c, widths[i]! - 2)) : cells);
  const t = new Table({
    head: fit(grid.head),
    style: { head: [], border: [], compact: false },
    ...(grid.align ? { colAligns: grid.align } : {}),
    ...(widths ? { colWidths: widths } : {}),
  });
  for (const r of grid.rows) t.push(fit(r));
  return t.toString();
}

/**
 * Column widths that fit `max` characters. The widest column gives way first, each down to its
 * floor: numbers (right-aligned) keep their full width, since a wrapped amount is hard to read;
 * text wraps, but not below its longest header word or 8 characters.
 */
function fitWidths(grid: Grid, max: number): number[] {
  const cols = grid.head.length;
  const natural = grid.head.map((h, i) => Math.max(minWord(h), ...grid.rows.map((r) => maxLineLength(r[i] ?? ''))) + 2);
  const floor = natural.map((n, i) =>
    grid.align?.[i] === 'right' ? n : Math.min(n, Math.max(Math.min(minWord(grid.head[i]!), 12) + 2, 10)),
  );
  const budget = max - (cols + 1);
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

/** Key/value pairs as aligned lines ("Context window   128,000"). */
export function renderPairs(pairs: [string, string][], indent = ''): string {
  const w = Math.max(0, ...pairs.map(([k]) => visibleLength(k)));
  return pairs.map(([k, v]) => `${indent}${k}${' '.repeat(w - visibleLength(k))}  ${v}`).join('\n');
}
