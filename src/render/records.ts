import type { CompareResult } from '../core/compare.js';
import { roundMoney } from '../core/money.js';
import type { LifecycleNotice } from '../core/lifecycle.js';
import { renderLifecycleMarkdown } from './lifecycle.js';
import { renderCsv, renderMarkdown, type Grid } from './table.js';

/**
 * CSV and markdown for every command: the rows of the same result object `--json` prints,
 * flattened: one column per leaf (`offer.prices.input`, `per_month`), numbers as plain numbers
 * rounded by the JSON money rule (no "$", no "1M"), nothing left out. A list of objects inside a
 * row is written as its JSON; a list of plain values joined with "; ".
 */

type Cell = string | number | boolean | null | undefined;
export type Row = Record<string, Cell>;

const snake = (k: string) => k.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

export function flatten(value: unknown, prefix = '', out: Row = {}): Row {
  if (value === null || value === undefined || typeof value !== 'object') {
    out[prefix] = value as Cell;
    return out;
  }
  if (Array.isArray(value)) {
    out[prefix] = value.every((v) => v === null || typeof v !== 'object') ? value.join('; ') : JSON.stringify(value);
    return out;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) out[prefix] = '';
  for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${snake(k)}` : snake(k), out);
  return out;
}

function cellText(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(Number.isInteger(v) ? v : roundMoney(v));
  return String(v);
}

/** The grid of some rows: the columns in the order they first appear. */
export function recordsGrid(rows: Row[]): Grid {
  const head: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!head.includes(k)) head.push(k);
  return {
    head,
    align: head.map((h) => (rows.some((r) => typeof r[h] === 'number') ? 'right' : 'left')),
    rows: rows.map((r) => head.map((h) => cellText(r[h]))),
  };
}

/** The rows of a command's result. */
export function resultRows(result: { command: string } & Record<string, unknown>): Row[] {
  const r = result as any;
  switch (result.command) {
    case 'models':
      return r.models.map((m: unknown) => flatten(m));
    case 'cost':
      return r.results.map((l: { model: { id: string } }) => ({ ...flatten(l), ...lifecycleOf(r, l.model.id) }));
    case 'compare':
      return compareRows(result as unknown as CompareResult);
    case 'recommend':
      return [
        ...r.recommendations.map((x: unknown) => ({ row: 'recommended', ...flatten(x) })),
        ...r.excluded.map((x: unknown) => ({ row: 'excluded', ...flatten(x) })),
      ];
    case 'route': {
      const rows: Row[] = [];
      if (r.route) {
        const { legs, ...total } = r.route;
        rows.push(...legs.map((l: unknown) => ({ row: 'leg', ...flatten(l) })));
        rows.push({ row: 'total', ...flatten(total) });
      }
      if (r.cascade) rows.push({ row: 'cascade', ...flatten(r.cascade) });
      return rows;
    }
    case 'show': {
      const { offers, ...model } = r.model;
      return [{ row: 'model', ...flatten(model, 'model') }, ...offers.map((o: unknown) => ({ row: 'offer', model: model.id, ...flatten(o, 'offer') }))];
    }
    default:
      return [flatten(result)];
  }
}

/** One row per model: its facts, then its cost line (or pipeline stage), its verdicts won and its "choose when". */
function compareRows(r: CompareResult): Row[] {
  return r.models.map((m) => {
    const { model: _model, ...cost } = r.costs.find((c) => c.model.id === m.id) ?? ({} as Record<string, unknown>);
    const stage = r.pipeline?.stages.find((s) => s.model === m.id);
    return {
      ...flatten(m),
      ...lifecycleOf(r as never, m.id),
      ...flatten(cost, 'cost'),
      ...(stage ? flatten({ role: stage.role, what: stage.what, perDay: stage.perDay, perMonth: stage.perMonth }, 'pipeline_stage') : {}),
      verdicts_won: r.verdicts.filter((v) => v.winner === m.id).map((v) => v.text).join('; '),
      choose_when: r.chooseWhen.find((c) => c.model === m.id)?.when.join('; ') ?? '',
    };
  });
}

/** A retired or deprecated model's notice, as columns of its row. */
function lifecycleOf(r: { lifecycle?: { id: string }[] }, id: string): Row {
  const n = Array.isArray(r.lifecycle) ? r.lifecycle.find((x) => x.id === id) : undefined;
  if (!n) return {};
  const { id: _id, ...rest } = n as Record<string, unknown>;
  return flatten(rest, 'lifecycle');
}

export function renderResultCsv(result: { command: string } & Record<string, unknown>): string {
  return renderCsv(recordsGrid(resultRows(result)));
}

/** The same table as CSV, under the workload it prices (where the result has one). */
export function renderResultMarkdown(result: { command: string } & Record<string, unknown>): string {
  const w = (result as { workload?: { description?: string; convention?: string } }).workload;
  const lead = w?.description ? `Workload: ${w.description}.${w.convention ? ` ${w.convention}.` : ''}\n\n` : '';
  // cost and compare carry their notices as `lifecycle`; show as `notices` (its `lifecycle` is the model's state).
  const r = result as { lifecycle?: unknown; notices?: LifecycleNotice[] };
  const notices = renderLifecycleMarkdown(Array.isArray(r.lifecycle) ? (r.lifecycle as LifecycleNotice[]) : (r.notices ?? []));
  return `${notices}${lead}${renderMarkdown(recordsGrid(resultRows(result)))}`;
}
