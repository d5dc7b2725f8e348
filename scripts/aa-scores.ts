/**
 * Writes data/curated/benchmarks-aa.json: Artificial Analysis' own runs of eleven public evals, as
 * TabNahida/AInsights' daily scrape of artificialanalysis.ai held them on 2026-08-08 (commit
 * 6382ecae). Run: `node --import tsx scripts/aa-scores.ts <gitdir>`, where <gitdir> is a clone
 * (or bare mirror) of TabNahida/AInsights holding that commit. It regenerates the file identically.
 *
 * The AA row -> catalog id mapping, the `setting` strings and the row order within a model are
 * those of data/curated/benchmarks-aalcr.json (read from its notes: "row '<name>' (AA slug <slug>,"),
 * built from the same CSV for the AA-LCR column, so both files name the same rows alike.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMIT, CSV_PATH, DAY, readAaCsv, SOURCE } from './lib/aa-csv.js';

const HARNESS = "Artificial Analysis' own runs (its harness), read from its Intelligence Index page data";

/** CSV column -> benchmark id and metric (every column is the page's fraction x100: a percentage). */
const COLUMNS: { column: string; id: string; metric: string }[] = [
  { column: 'GPQA Diamond', id: 'aa-gpqa-diamond', metric: 'accuracy % (GPQA Diamond, 198 questions, as AA runs it)' },
  { column: "Humanity's Last Exam", id: 'aa-hle', metric: "accuracy % (Humanity's Last Exam as AA runs it)" },
  { column: 'MMMU-Pro', id: 'aa-mmmu-pro', metric: 'accuracy % (MMMU-Pro as AA runs it)' },
  { column: 'LiveCodeBench', id: 'aa-livecodebench', metric: 'pass@1 % (LiveCodeBench as AA runs it)' },
  { column: 'AIME 2025', id: 'aa-aime-2025', metric: 'accuracy % (AIME 2025, 30 problems, as AA runs it)' },
  { column: 'SciCode', id: 'aa-scicode', metric: 'score % (SciCode as AA runs it)' },
  { column: 'IFBench', id: 'aa-ifbench', metric: 'score % (IFBench as AA runs it)' },
  {
    column: 'Terminal-Bench Hard',
    id: 'aa-terminal-bench-hard',
    metric: "% solved (AA's Terminal-Bench Hard subset, its own agent harness)",
  },
  {
    column: 'Terminal-Bench v2.1',
    id: 'aa-terminal-bench-2-1',
    metric: '% solved (Terminal-Bench 2.1 as AA runs it, its own agent harness)',
  },
  { column: 'τ²-Bench Telecom', id: 'aa-tau2-telecom', metric: 'pass rate % (τ²-Bench telecom domain as AA runs it)' },
  { column: 'τ³-Banking', id: 'aa-tau3-banking', metric: 'pass rate % (τ³-Bench banking domain as AA runs it)' },
];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { body, col } = readAaCsv(process.argv[2], 'aa-scores.ts');
const bySlug = new Map(body.filter((r) => r.length > 1).map((r) => [r[col('slug')]!, r]));

interface Mapped {
  model: string;
  setting: string;
  row: string;
  slug: string;
}
const lcr = JSON.parse(readFileSync(join(root, 'data/curated/benchmarks-aalcr.json'), 'utf8')) as {
  entries: { model: string; setting: string; note: string }[];
};
const mapped: Mapped[] = lcr.entries.map((e) => {
  const m = /row '(.+?)' \(AA slug (\S+?), /.exec(e.note);
  if (!m) throw new Error(`no AA row in note: ${e.note}`);
  const r = bySlug.get(m[2]!);
  if (!r || r[col('model')] !== m[1]) throw new Error(`AA row not in the CSV as named: ${m[1]} (${m[2]})`);
  return { model: e.model, setting: e.setting, row: m[1]!, slug: m[2]! };
});

const entries: object[] = [];
const counts: string[] = [];
const skipped = { empty: 0, zero: [] as string[] };
for (const c of COLUMNS) {
  const i = col(c.column);
  const models = new Set<string>();
  let n = 0;
  for (const m of mapped) {
    const raw = bySlug.get(m.slug)![i]!.trim();
    if (raw === '') {
      skipped.empty++;
      continue;
    }
    const v = Number(raw);
    if (!Number.isFinite(v)) throw new Error(`not a number: ${m.row} ${c.column} ${raw}`);
    if (v === 0) {
      skipped.zero.push(`${m.row} ${c.column}`);
      continue;
    }
    entries.push({
      model: m.model,
      benchmark: c.id,
      score: Math.round(v * 10) / 10,
      metric: c.metric,
      version: DAY,
      harness: HARNESS,
      setting: m.setting,
      source: SOURCE,
      asOf: DAY,
      note: `AInsights CSV at 6382ecae, row '${m.row}' (AA slug ${m.slug}), column '${c.column}' = ${raw}`,
      selfReported: false,
    });
    n++;
    models.add(m.model);
  }
  counts.push(`${c.id} ${n} rows / ${models.size} models`);
}

const comment =
  "Artificial Analysis' own runs of eleven public evals (its own harness and prompts, the same for every model, independent of the makers), each its own id: " +
  COLUMNS.map((c) => `'${c.column}' -> ${c.id}`).join(', ') +
  `. artificialanalysis.ai is a JavaScript app not stored here; the figures are read from a public daily scrape of it: TabNahida/AInsights, ${CSV_PATH} at commit 6382ecae (2026-08-08 02:55 UTC); its scrape_artificial_analysis.py takes each of these fields from the model rows embedded in AA's Intelligence Index page x100, so every figure is a percentage. version and asOf are that day: AA re-runs and re-scores, so its board moves. ` +
  'Rows, catalog ids, `setting` strings and their order within a model are exactly those of benchmarks-aalcr.json (the same CSV, its AA-LCR column; see its $comment for the rows it leaves out and why); rows outside that mapping (among them older rows such as o3, GPT-4.1, Claude 3.7/4 Sonnet, Llama 4, which that file does not map) are not entered here either. ' +
  `Scores rounded to 0.1 (the raw value is in each note). Left out: empty cells (${skipped.empty}: AA has no run of that eval for that row: MMMU-Pro mostly on text-only models, AIME 2025 and LiveCodeBench on rows released from about 2025-12 on, Terminal-Bench v2.1 and τ³-Banking on about half the older rows) and 0.0 cells (${skipped.zero.join('; ')}: runs that failed, not measurements of skill). ` +
  `Generated by scripts/aa-scores.ts. Counts: ${counts.join('; ')}.`;

const out = join(root, 'data/curated/benchmarks-aa.json');
writeFileSync(out, JSON.stringify({ $comment: comment, entries }, null, 2) + '\n');
console.log(
  `wrote ${out}: ${entries.length} entries (${counts.join('; ')}); left out ${skipped.empty} empty, ${skipped.zero.length} zero cells`,
);
