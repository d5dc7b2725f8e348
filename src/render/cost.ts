import type { ChalkInstance } from 'chalk';
import type { CostLine, WorkloadSummary } from '../core/estimate.js';
import type { LifecycleNotice } from '../core/lifecycle.js';
import { billedPerSearch } from '../core/cost.js';
import { formatPrice, formatUsd } from '../core/money.js';
import { renderBars } from './chart.js';
import { renderLifecycle } from './lifecycle.js';
import { wrap } from './wrap.js';
import { shortSource } from './show.js';
import { renderBox, renderPairs, type Grid } from './table.js';

export interface CostResult {
  schemaVersion: 1;
  command: 'cost';
  workload: WorkloadSummary;
  /** Retired or deprecated models among those priced, said first. */
  lifecycle: LifecycleNotice[];
  results: CostLine[];
  notes: string[];
}

const usd = (n: number | null) => (n === null ? 'unknown' : formatUsd(n));

export function offerLine(l: CostLine): string {
  const o = l.offer;
  if (!o) return 'no usable offer';
  const p = o.prices;
  const price = billedPerSearch(p)
    ? `${formatPrice(p.perSearch)} per search`
    : `${formatPrice(p.input)} in / ${formatPrice(p.output)} out per 1M${p.cacheRead !== undefined ? `, cached ${formatPrice(p.cacheRead)}` : ''}`;
  return `${o.provider} ${o.providerModelId} (${o.reason}): ${price}; ${shortSource(o.source)}, ${o.asOf}`;
}

export function costGrid(lines: CostLine[]): Grid {
  return {
    head: ['#', 'Model', 'Offer', 'Per request', 'Per day', 'Per month', 'Per year'],
    align: ['right', 'left', 'left', 'right', 'right', 'right', 'right'],
    nowrap: [false, true, true],
    droppable: [6, 3, 0, 2],
    rows: lines.map((l) => [
      l.rank === null ? '-' : String(l.rank),
      l.model.id,
      l.offer ? `${l.offer.provider}${l.offer.reference ? '*' : ''}` : 'none',
      usd(l.perRequest ?? l.perSearch),
      usd(l.perDay),
      usd(l.perMonth),
      usd(l.perYear),
    ]),
  };
}

export function renderCostTable(r: CostResult, style: ChalkInstance, width: number): string {
  const out: string[] = [];
  if (r.lifecycle.length) out.push(...renderLifecycle(r.lifecycle, style, width), '');
  out.push(wrap(`${style.bold('Workload:')} ${r.workload.description}`, width));
  out.push(style.dim(wrap(`Periods: ${r.workload.convention}.`, width)));
  out.push('');
  if (r.results.length === 1) {
    const l = r.results[0]!;
    out.push(`${style.bold(l.model.name)} ${style.dim(l.model.id)}`);
    out.push(wrap(`Offer: ${offerLine(l)}`, width, '  '));
    out.push('');
    const rows: [string, string][] = [];
    if (l.perRequest !== null) rows.push(['Per request', usd(l.perRequest)]);
    if (l.perSearch !== null) rows.push(['Per search', usd(l.perSearch)]);
    rows.push(
      ['Per day', usd(l.perDay)],
      ['Per week', usd(l.perWeek)],
      ['Per month', style.bold(usd(l.perMonth))],
      ['Per year', usd(l.perYear)],
    );
    out.push(renderPairs(rows, '  '));
    if (l.partsPerMonth) {
      const p = l.partsPerMonth;
      const parts: [string, string][] = [];
      if (p.input) parts.push(['Input', usd(p.input)]);
      if (p.cachedInput) parts.push(['Cached input', usd(p.cachedInput)]);
      if (p.cacheWrite) parts.push(['Cache writes', usd(p.cacheWrite)]);
      if (p.output) parts.push(['Output', usd(p.output)]);
      if (p.perRequest) parts.push(['Per-request fees', usd(p.perRequest)]);
      if (p.perSearch) parts.push(['Searches', usd(p.perSearch)]);
      if (p.discount) parts.push(['Discount', usd(p.discount)]);
      if (parts.length > 1) out.push('', 'Per month by part:', renderPairs(parts, '  '));
    }
    if (!l.complete) out.push('', style.yellow(`Cost unknown: missing ${l.missing.join(', ')}.`));
  } else {
    out.push(renderBox(costGrid(r.results), { maxWidth: width }));
    out.push(style.dim("* the maker's own API (reference offer)"));
    const bars = r.results.map((l) => ({ label: l.model.id, value: l.perMonth }));
    out.push('', style.bold('Monthly cost'));
    out.push(renderBars(bars, Math.min(width, 100), (s) => style.cyan(s)));
    out.push('', style.bold('Offers used'));
    for (const l of r.results) out.push(wrap(`  ${l.model.id}: ${offerLine(l)}`, width, '    '));
  }
  const notes = [...r.notes, ...r.results.flatMap((l) => l.notes.map((n) => (r.results.length > 1 ? `${l.model.id}: ${n}` : n)))];
  const warnings = r.results.flatMap((l) => l.warnings);
  if (notes.length || warnings.length) {
    out.push('', style.bold('Notes'));
    for (const w of warnings) out.push(wrap(`  ${style.yellow('!')} ${w}`, width, '    '));
    for (const n of notes) out.push(wrap(`  - ${n}`, width, '    '));
  }
  return out.join('\n');
}



