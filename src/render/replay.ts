import type { ChalkInstance } from 'chalk';
import { formatCount, formatUsd } from '../core/money.js';
import type { ReplayResult } from '../core/replay.js';
import { renderBars } from './chart.js';
import { renderBox, renderCsv, renderMarkdown, type Grid } from './table.js';
import { wrap } from './wrap.js';

/** The replay report as a table (with a chart of cost per day), CSV or Markdown. */

const usd = (n: number | null) => (n === null ? 'unknown' : formatUsd(n));
const tok = (n: number) => formatCount(n);
const plural = (n: number, what: string) => `${tok(n)} ${what}${n === 1 ? '' : 's'}`;

export function modelGrid(r: ReplayResult): Grid {
  return {
    head: ['Model', 'Offer', 'Records', 'Input', 'Cached', 'Cache writes', 'Output', 'Cost'],
    align: ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right'],
    // Ids never wrap; in a narrow terminal the token counts give way (--json has them), cost stays.
    nowrap: [true],
    droppable: [5, 2, 4, 3, 6],
    rows: [
      ...r.byModel.map((m) => [
        m.model.id,
        m.offers.map((o) => `${o.provider}${o.reference ? '*' : ''} (${o.asOf})`).join('; ') || 'none',
        tok(m.records),
        tok(m.inputTokens),
        tok(m.cachedInputTokens),
        tok(m.cacheWriteTokens),
        tok(m.outputTokens),
        usd(m.cost),
      ]),
      [
        'Total',
        '',
        tok(r.total.records),
        tok(r.total.inputTokens),
        tok(r.total.cachedInputTokens),
        tok(r.total.cacheWriteTokens),
        tok(r.total.outputTokens),
        usd(r.total.cost),
      ],
    ],
  };
}

export function onGrid(r: ReplayResult): Grid {
  const head = ['Original model', 'Original cost', ...r.on.map((o) => `On ${o.provider ? `${o.provider}/` : ''}${o.model.id}`)];
  const rows = r.byModel.map((m, i) => [m.model.id, usd(m.cost), ...r.on.map((o) => usd(o.byOriginal[i]?.cost ?? null))]);
  rows.push(['Total', usd(r.total.cost), ...r.on.map((o) => `${usd(o.cost)}${o.ratio !== null ? ` (${o.ratio}x)` : ''}`)]);
  return { head, rows, align: head.map((_, i) => (i === 0 ? 'left' : 'right')) };
}

export function periodGrid(r: ReplayResult, by: 'day' | 'month'): Grid {
  const rows = by === 'day' ? r.byDay.map((d) => [d.day, usd(d.cost)]) : r.byMonth.map((m) => [m.month, usd(m.cost)]);
  return { head: [by === 'day' ? 'Day' : 'Month', 'Cost'], rows, align: ['left', 'right'] };
}

function problemLines(r: ReplayResult): string[] {
  const p = r.problems;
  const out: string[] = [];
  if (p.unknownModels.count) out.push(`${plural(p.unknownModels.count, 'record')} with unknown models: ${p.unknownModels.names.map((n) => `${n.name} (${tok(n.rows)})`).join(', ')}`);
  if (p.badRows.count) out.push(`${plural(p.badRows.count, 'row')} could not be read, first: ${p.badRows.examples.map((e) => `${e.file} ${e.where}: ${e.reason}`).join('; ')}`);
  if (p.outOfRange.count) out.push(`${plural(p.outOfRange.count, 'record')} outside the catalog's dates, first: ${p.outOfRange.examples.map((e) => `${e.file} ${e.where}: ${e.reason}`).join('; ')}`);
  if (p.skipped.count) out.push(`${tok(p.skipped.count)} skipped, with no billable usage (${p.skipped.examples[0]?.reason ?? ''})`);
  return out;
}

export function renderReplayTable(r: ReplayResult, style: ChalkInstance, width: number): string {
  const out: string[] = [];
  const files = r.files.map((f) => `${f.path} (${f.format}${f.gzip ? ', gzip' : ''})`).join(', ');
  out.push(wrap(`${style.bold('Replayed:')} ${files}`, width));
  if (r.period) out.push(`${style.bold('Period:')} ${r.period.from} to ${r.period.to} (${r.period.days} day${r.period.days === 1 ? '' : 's'})`);
  out.push(
    `${style.bold('Total:')} ${style.bold(usd(r.total.cost))} for ${plural(r.total.records, 'record')}${r.total.requests ? `, ${plural(r.total.requests, 'request')}` : ''}`,
  );
  out.push('');
  out.push(renderBox(modelGrid(r), { maxWidth: width }));
  out.push(style.dim(wrap("* the maker's own API (reference offer); the date is that of the price list used", width)));
  const renamed = r.byModel.filter((m) => m.names.some((n) => n !== m.model.id));
  if (renamed.length)
    out.push(style.dim(wrap(`Names in the log: ${renamed.map((m) => `${m.names.join(', ')} = ${m.model.id}`).join('; ')}`, width)));
  if (r.on.length) {
    out.push('', style.bold('The same tokens on other models'));
    out.push(renderBox(onGrid(r), { maxWidth: width }));
  }
  if (r.byDay.length > 1) {
    out.push('', style.bold('Cost per day'));
    const days = r.byDay.length > 62 ? r.byMonth.map((m) => ({ label: m.month, value: m.cost })) : r.byDay.map((d) => ({ label: d.day, value: d.cost }));
    if (r.byDay.length > 62) out[out.length - 1] = style.bold('Cost per month (more than 62 days: by month)');
    out.push(renderBars(days, Math.min(width, 100), (s) => style.cyan(s)));
  }
  if (r.byMonth.length > 1 && r.byDay.length <= 62) {
    out.push('', style.bold('Cost per month'));
    out.push(renderBox(periodGrid(r, 'month')));
  }
  const problems = problemLines(r);
  if (problems.length) {
    out.push('', style.yellow('Left out of the totals'));
    for (const p of problems) out.push(wrap(`  • ${p}`, width, '    '));
  }
  if (r.notes.length) {
    out.push('', style.bold('Notes'));
    for (const n of r.notes) out.push(wrap(`  • ${n}`, width, '    '));
  }
  out.push(style.dim(wrap(r.moneyRule, width)));
  return out.join('\n');
}

/** CSV: one row per model (with each --on model's cost for its tokens), then the total. */
export function renderReplayCsv(r: ReplayResult): string {
  const head = [
    'model',
    'provider',
    'records',
    'requests',
    'input_tokens',
    'cached_input_tokens',
    'cache_write_tokens',
    'output_tokens',
    'reasoning_tokens',
    'cost_usd',
    ...r.on.map((o) => `cost_on_${o.provider ? `${o.provider}/` : ''}${o.model.id}_usd`),
  ];
  const num = (n: number | null) => (n === null ? '' : String(n));
  const rows = r.byModel.map((m, i) => [
    m.model.id,
    m.provider ?? '',
    String(m.records),
    String(m.requests),
    String(m.inputTokens),
    String(m.cachedInputTokens),
    String(m.cacheWriteTokens),
    String(m.outputTokens),
    String(m.reasoningTokens),
    num(m.cost),
    ...r.on.map((o) => num(o.byOriginal[i]?.cost ?? null)),
  ]);
  const t = r.total;
  rows.push(['total', '', String(t.records), String(t.requests), String(t.inputTokens), String(t.cachedInputTokens), String(t.cacheWriteTokens), String(t.outputTokens), String(t.reasoningTokens), num(t.cost), ...r.on.map((o) => num(o.cost))]);
  return renderCsv({ head, rows });
}

export function renderReplayMarkdown(r: ReplayResult): string {
  const out: string[] = [];
  out.push(`**Replayed:** ${r.files.map((f) => `${f.path} (${f.format}${f.gzip ? ', gzip' : ''})`).join(', ')}`);
  if (r.period) out.push(`**Period:** ${r.period.from} to ${r.period.to} (${plural(r.period.days, 'day')})`);
  out.push(`**Total:** ${usd(r.total.cost)}`, '');
  out.push(renderMarkdown(modelGrid(r)));
  if (r.on.length) out.push('**The same tokens on other models**', '', renderMarkdown(onGrid(r)));
  if (r.byDay.length > 1) out.push('**Cost per day**', '', renderMarkdown(periodGrid(r, 'day')));
  if (r.byMonth.length > 1) out.push('**Cost per month**', '', renderMarkdown(periodGrid(r, 'month')));
  const problems = problemLines(r);
  if (problems.length) out.push('**Left out of the totals**', '', ...problems.map((p) => `- ${p}`), '');
  if (r.notes.length) out.push('**Notes**', '', ...r.notes.map((n) => `- ${n}`), '');
  out.push(`_${r.moneyRule}_`);
  return out.join('\n');
}
