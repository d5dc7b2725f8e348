/**
 * The Artificial Analysis scrape both scripts/aa-*.ts read: TabNahida/AInsights' daily copy of
 * artificialanalysis.ai's Intelligence Index page data, as of commit 6382ecae (2026-08-08).
 */
import { execFileSync } from 'node:child_process';

export const COMMIT = '6382ecae963b034c9e118f24b60a368d09f973c0';
export const CSV_PATH = 'ArtificialAnalysis/artificialanalysis_raw_scores_wide.csv';
export const SOURCE = `https://github.com/TabNahida/AInsights/blob/${COMMIT}/${CSV_PATH}`;
export const DAY = '2026-08-08';

/** RFC 4180 rows (quoted fields may hold commas and doubled quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++);
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      (row.push(field), rows.push(row), (row = []), (field = ''));
    } else field += c;
  }
  if (field !== '' || row.length) (row.push(field), rows.push(row));
  return rows;
}

/** The CSV's rows (header apart) and a column's index by its name; exits with usage without a git dir. */
export function readAaCsv(gitDir: string | undefined, script: string): { body: string[][]; col: (name: string) => number } {
  if (!gitDir) {
    console.error(`usage: node --import tsx scripts/${script} <gitdir of TabNahida/AInsights>`);
    process.exit(2);
  }
  const csv = execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${COMMIT}:${CSV_PATH}`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  }).replace(/^\uFEFF/, '');
  const [header, ...body] = parseCsv(csv);
  const col = (name: string): number => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`column not in the CSV: ${name}`);
    return i;
  };
  return { body, col };
}
