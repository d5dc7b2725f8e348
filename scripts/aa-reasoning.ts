/**
 * Writes data/curated/reasoning-aa.json: the output tokens Artificial Analysis' Intelligence Index
 * cost some models at each reasoning setting, for the models the catalog has no token measurement of
 * but AA ran both without reasoning and with it. AA publishes what running its index cost, split into
 * input, output, reasoning and answer (USD), and the output price it used: output cost / output price
 * is the output tokens (reasoning included) the model spent on the suite. The tool uses only the ratio
 * of a setting's tokens to the same model's run without reasoning, so the price cancels out.
 * Source: TabNahida/AInsights' daily scrape of artificialanalysis.ai, commit 6382ecae (2026-08-08).
 * Run: `node --import tsx scripts/aa-reasoning.ts <gitdir of TabNahida/AInsights>`; it regenerates
 * the file identically.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const COMMIT = '6382ecae963b034c9e118f24b60a368d09f973c0';
const CSV_PATH = 'ArtificialAnalysis/artificialanalysis_raw_scores_wide.csv';
const SOURCE = `https://github.com/TabNahida/AInsights/blob/${COMMIT}/${CSV_PATH}`;
const DAY = '2026-08-08';
const SUITE = 'Artificial Analysis Intelligence Index, its run of 2026-08-08 (tokens from its output cost and price)';

/**
 * Catalog model -> AA rows by setting (AA's slugs: row names repeat). Only models with a row without reasoning
 * and at least one with it; a setting AA names 'max' has no place in the tool's efforts and is left out.
 */
const MODELS: Record<string, Record<string, string>> = {
  'gpt-5.6-sol': {
    none: 'gpt-5-6-sol-non-reasoning',
    low: 'gpt-5-6-sol-low',
    medium: 'gpt-5-6-sol-medium',
    high: 'gpt-5-6-sol-high',
    xhigh: 'gpt-5-6-sol-xhigh',
  },
  'gpt-5.6-terra': {
    none: 'gpt-5-6-terra-non-reasoning',
    low: 'gpt-5-6-terra-low',
    medium: 'gpt-5-6-terra-medium',
    high: 'gpt-5-6-terra-high',
    xhigh: 'gpt-5-6-terra-xhigh',
  },
  'gpt-5.6-luna': {
    none: 'gpt-5-6-luna-non-reasoning',
    low: 'gpt-5-6-luna-low',
    medium: 'gpt-5-6-luna-medium',
    high: 'gpt-5-6-luna-high',
    xhigh: 'gpt-5-6-luna-xhigh',
  },
};

function parseCsv(text: string): string[][] {
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
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) (row.push(field), rows.push(row));
  return rows;
}

const gitDir = process.argv[2];
if (!gitDir) throw new Error('usage: node --import tsx scripts/aa-reasoning.ts <gitdir of TabNahida/AInsights>');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const csv = execFileSync('git', [`--git-dir=${gitDir}`, 'show', `${COMMIT}:${CSV_PATH}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
const [header, ...body] = parseCsv(csv);
const col = (name: string): number => {
  const i = header!.indexOf(name);
  if (i < 0) throw new Error(`column ${name} not in the CSV`);
  return i;
};
const bySlug = new Map<string, string[][]>();
for (const r of body) {
  const slug = r[col('slug')];
  if (slug) bySlug.set(slug, [...(bySlug.get(slug) ?? []), r]);
}

const entries: object[] = [];
for (const [model, rows] of Object.entries(MODELS)) {
  for (const [setting, slug] of Object.entries(rows)) {
    const found = bySlug.get(slug) ?? [];
    if (found.length !== 1) throw new Error(`slug ${slug}: ${found.length} rows in the CSV`);
    const r = found[0]!;
    const name = r[col('model')]!;
    const cost = Number(r[col('AA Intelligence Index Output Cost (USD)')]);
    const price = Number(r[col('Output Price Per 1M Tokens (USD)')]);
    const reasoning = Number(r[col('AA Intelligence Index Reasoning Cost (USD)')]);
    if (!(cost > 0 && price > 0)) throw new Error(`row ${name}: no output cost or price`);
    if (setting === 'none' && reasoning !== 0) throw new Error(`row ${name}: a run without reasoning that paid for reasoning`);
    entries.push({
      model,
      setting,
      outputTokens: Math.round((cost / price) * 1e6),
      suite: SUITE,
      source: SOURCE,
      asOf: DAY,
      note: `AA row '${name}' (slug ${slug}): output cost $${r[col('AA Intelligence Index Output Cost (USD)')]} (of which reasoning $${r[col('AA Intelligence Index Reasoning Cost (USD)')]}) at $${r[col('Output Price Per 1M Tokens (USD)')]} per 1M output tokens`,
    });
  }
}

const comment = [
  "Output tokens (reasoning included) that running Artificial Analysis' Intelligence Index took, per model and reasoning setting, derived from AA's own published cost of the run: output cost (USD) / output price (USD per 1M tokens), both columns of the same row of TabNahida/AInsights' daily scrape of artificialanalysis.ai (ArtificialAnalysis/artificialanalysis_raw_scores_wide.csv at commit 6382ecae, 2026-08-08). Second-hand: AA's pages are not stored.",
  'Only models the catalog had no token measurement of (reasoning.json) and that AA ran both without reasoning and with it; the tool uses only the ratio of a setting to the run without reasoning, so the price cancels out and the suite is the same on both sides. Not mixed with reasoning.json: these models have no rows there.',
  "Left out: AA's 'max' rows (no such effort in the tool); models AA ran only with reasoning (their base would be a stand-in from another suite). Generated by scripts/aa-reasoning.ts.",
].join(' ');
writeFileSync(join(root, 'data/curated/reasoning-aa.json'), JSON.stringify({ $comment: comment, entries }, null, 2) + '\n');
console.log(`wrote ${entries.length} rows`);
