/**
 * `npm run quality:check`: how the tool's code and math quality rank against LiveBench's coding
 * (coding + agentic coding) and mathematics categories, as a Spearman correlation over the models
 * both rate. LiveBench is also one of the tool's inputs, so the check is printed twice: as the tool
 * ranks, and with the LiveBench figures left out of the tool's evidence (the honest out-of-sample
 * figure). Not a unit test: the figures move with the data.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { Catalog } from '../src/catalog/store.js';
import type { Model } from '../src/catalog/schema.js';
import { buildDistributions, taskQuality } from '../src/core/quality.js';
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

/** LiveBench's figure for a model: the default setting's row, as the tool picks it. */
function livebench(m: Model, ids: string[]): number | undefined {
  const vals = ids.map((id) => {
    const rows = (m.benchmarks ?? []).filter((b) => b.benchmark === id);
    return (rows.find((b) => !b.setting || b.setting.startsWith('default')) ?? rows[0])?.score;
  });
  return vals.every((v) => v !== undefined) ? vals.reduce((s, v) => s + v!, 0) / vals.length : undefined;
}

function check(task: TaskId, lb: string[], label: string): void {
  for (const withoutLiveBench of [false, true]) {
    const pool = withoutLiveBench ? models.map((m) => ({ ...m, benchmarks: m.benchmarks?.filter((b) => !b.benchmark.startsWith('livebench')) })) : models;
    const dists = buildDistributions(pool);
    const tool: number[] = [];
    const ref: number[] = [];
    pool.forEach((m, i) => {
      const q = taskQuality(m, TASKS[task], dists);
      const l = livebench(models[i]!, lb);
      if (q.score !== null && (q.coverage?.k ?? 0) >= 1 && l !== undefined) {
        tool.push(q.score);
        ref.push(l);
      }
    });
    const rho = tool.length > 2 ? spearman(tool, ref) : NaN;
    console.log(
      `${task.padEnd(5)} vs LiveBench ${label.padEnd(30)} ${withoutLiveBench ? 'LiveBench left out of the evidence' : 'as the tool ranks (LiveBench is an input)'}: rho ${rho.toFixed(2)} over ${tool.length} models`,
    );
  }
}

check('code', ['livebench-coding', 'livebench-agentic-coding'], 'coding + agentic coding');
check('math', ['livebench-mathematics'], 'mathematics');
