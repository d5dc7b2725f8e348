/**
 * `npm run quality:check`: how the tool's code and math quality rank against LiveBench's coding
 * (coding + agentic coding) and mathematics categories, as a Spearman correlation over the models
 * both rate. LiveBench is also one of the tool's inputs, so the check is printed twice: as the tool
 * ranks, and with the LiveBench figures left out of the tool's evidence (the honest out-of-sample
 * figure). LiveBench's figure is the one the tool picks (its newest release for the model); the
 * per-release lines show how the tool ranks the models of each release. Not a unit test: the
 * figures move with the data.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { Catalog } from '../src/catalog/store.js';
import type { Model } from '../src/catalog/schema.js';
import { buildDistributions, chosenFigure, figuresByKey, taskQuality } from '../src/core/quality.js';
import { TASKS, type TaskId } from '../src/core/tasks.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const models = Catalog.fromFile(join(root, 'data', 'catalog.jsonl'))
  .all()
  .filter((m) => m.category === 'chat' && !m.kind);

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const r = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}

function spearman(a: number[], b: number[]): number {
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  const ma = mean(ra);
  const mb = mean(rb);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < ra.length; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return num / Math.sqrt(da * db);
}

const allDists = buildDistributions(models);

/**
 * LiveBench's figure for a model as the tool picks it (chosenFigure: the newest release the model is
 * in, its default setting), or that of one release when `release` is given. The categories must come
 * from one release: two releases are different question sets.
 */
function livebench(m: Model, ids: string[], release?: string): number | undefined {
  const figures = figuresByKey(release ? m.benchmarks?.filter((b) => b.version === release) : m.benchmarks);
  const picked = ids.map((id) => chosenFigure(figures, id, allDists));
  if (picked.some((b) => !b) || new Set(picked.map((b) => b!.version)).size > 1) return undefined;
  return picked.reduce((s, b) => s + b!.score, 0) / picked.length;
}

function check(task: TaskId, lb: string[], label: string, release?: string): void {
  for (const withoutLiveBench of release ? [false] : [false, true]) {
    const pool = withoutLiveBench ? models.map((m) => ({ ...m, benchmarks: m.benchmarks?.filter((b) => !b.benchmark.startsWith('livebench')) })) : models;
    const dists = withoutLiveBench ? buildDistributions(pool) : allDists;
    const tool: number[] = [];
    const ref: number[] = [];
    pool.forEach((m, i) => {
      const q = taskQuality(m, TASKS[task], dists);
      const l = livebench(models[i]!, lb, release);
      if (q.score !== null && (q.coverage?.k ?? 0) >= 1 && l !== undefined) {
        tool.push(q.score);
        ref.push(l);
      }
    });
    const rho = tool.length > 2 ? spearman(tool, ref) : NaN;
    const how = release ? `its ${release} release only` : withoutLiveBench ? 'LiveBench left out of the evidence' : 'as the tool ranks (LiveBench is an input)';
    console.log(`${task.padEnd(5)} vs LiveBench ${label.padEnd(30)} ${how}: rho ${rho.toFixed(2)} over ${tool.length} models`);
  }
}

check('code', ['livebench-coding', 'livebench-agentic-coding'], 'coding + agentic coding');
check('math', ['livebench-mathematics'], 'mathematics');
// Per release: models in a newer release take their percentile among that release's models only.
const releases = [...new Set(models.flatMap((m) => (m.benchmarks ?? []).filter((b) => b.benchmark.startsWith('livebench')).map((b) => b.version ?? '')))].sort();
for (const r of releases) {
  check('code', ['livebench-coding', 'livebench-agentic-coding'], 'coding + agentic coding', r);
  check('math', ['livebench-mathematics'], 'mathematics', r);
}
