import type { ChalkInstance } from 'chalk';
import type { Capabilities } from '../catalog/schema.js';
import type { CompareResult, ComparedModel } from '../core/compare.js';
import { billedPerSearch } from '../core/cost.js';
import { formatPrice, formatUsd } from '../core/money.js';
import { renderBars } from './chart.js';
import { renderLifecycle, renderLifecycleMarkdown } from './lifecycle.js';
import { wrap } from './wrap.js';
import { costGrid } from './cost.js';
import { CAPABILITY_LABELS, formatTokens, shownScore, UNKNOWN } from './format.js';
import { shortSource } from './show.js';
import { formatMs } from '../core/latency.js';
import { renderBox, renderCsv, renderMarkdown, type Grid } from './table.js';

const usd = (n: number | null) => (n === null ? UNKNOWN : formatUsd(n));

function params(c: ComparedModel): string {
  if (c.parameters === null) return UNKNOWN;
  if (c.parameters === 'not disclosed') return 'not disclosed';
  const n = Number(c.parameters);
  return n >= 1e9 ? `${Number((n / 1e9).toPrecision(3))}B` : `${Number((n / 1e6).toPrecision(3))}M`;
}

function priceCell(c: ComparedModel, k: 'input' | 'output' | 'cacheRead'): string {
  const p = c.prices;
  if (!p) return UNKNOWN;
  if (k === 'input' && billedPerSearch(p)) return `${formatPrice(p.perSearch)}/search`;
  if (c.category !== 'chat' && k !== 'input') return 'n/a';
  return formatPrice(p[k]);
}

function batchCell(c: ComparedModel): string {
  const p = c.prices;
  if (!p) return UNKNOWN;
  if (p.batchInput === undefined && p.batchOutput === undefined) return 'none';
  const share = p.input && p.batchInput !== undefined ? ` (${Math.round((1 - p.batchInput / p.input) * 100)}% off)` : '';
  return `${formatPrice(p.batchInput)} / ${formatPrice(p.batchOutput)}${share}`;
}

const CAPS: (keyof Capabilities)[] = ['tools', 'structuredOutput', 'vision', 'reasoning', 'promptCaching', 'batchApi', 'fineTuning'];

/** Rows of the feature table: one per fact, one column per model. */
export function featureGrid(r: CompareResult): Grid {
  const ms = r.models;
  const row = (label: string, f: (c: ComparedModel) => string) => [label, ...ms.map(f)];
  const rows: string[][] = [
    row('Lab', (c) => c.lab),
    row('Category', (c) => c.category),
    row('Parameters', params),
    row('Context window', (c) => (c.contextWindow === null ? UNKNOWN : formatTokens(c.contextWindow))),
    row('Max output', (c) => (c.category !== 'chat' ? 'n/a' : c.maxOutput === null ? UNKNOWN : formatTokens(c.maxOutput))),
    row('Input /1M', (c) => priceCell(c, 'input')),
    row('Cached in /1M', (c) => priceCell(c, 'cacheRead')),
    row('Output /1M', (c) => priceCell(c, 'output')),
    row('Batch in/out', batchCell),
    row('Priced at', (c) => (c.offer ? `${c.offer.provider}${c.offer.reference ? ' (maker)' : ''}, ${c.offer.asOf}` : 'no usable offer')),
    row('Cheaper offer', (c) =>
      c.cheaperOffer ? `${c.cheaperOffer.provider}: ${Math.round(c.cheaperOffer.savingShare * 100)}% less` : '-',
    ),
    row('First token', (c) => (c.latency?.ttftMs ? `${c.latency.ttftMs} ms` : latencyUnknown(c))),
    row('Output speed', (c) => (c.latency?.outputTokensPerSecond ? `${c.latency.outputTokensPerSecond} tok/s` : latencyUnknown(c))),
    ...(ms.some((c) => c.endToEnd)
      ? [row('End-to-end', (c) => (c.endToEnd?.ms != null ? `${formatMs(c.endToEnd.ms)} (${c.endToEnd.outputTokens} tok)` : UNKNOWN))]
      : []),
    row('Latency source', latencySource),
    row('Modalities', (c) => (c.modalities ? `${c.modalities.input.join(', ')} -> ${c.modalities.output.join(', ')}` : UNKNOWN)),
    ...CAPS.map((k) => row(capLabel(k), (c) => (c.capabilities[k] === undefined ? UNKNOWN : c.capabilities[k] ? 'yes' : 'no'))),
    row('Open weights', (c) => (c.openWeights === null ? UNKNOWN : c.openWeights ? `yes${c.license ? ` (${c.license})` : ''}` : 'no')),
    row('Released', (c) => c.releaseDate ?? UNKNOWN),
    row('Knowledge', (c) => c.knowledgeCutoff ?? UNKNOWN),
  ];
  const benches = new Map<string, number>();
  for (const c of ms) for (const b of Object.keys(c.benchmarks)) benches.set(b, (benches.get(b) ?? 0) + 1);
  const ordered = [...benches].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([b]) => b);
  for (const b of ordered) rows.push(row(b, (c) => (c.benchmarks[b] ? shownScore(c.benchmarks[b]!.score) : '-')));
  return { head: ['', ...ms.map((c) => c.id)], rows };
}

function capLabel(k: keyof Capabilities): string {
  const l = CAPABILITY_LABELS[k];
  return l.charAt(0).toUpperCase() + l.slice(1);
}

export function renderCompare(r: CompareResult, style: ChalkInstance, width: number): string {
  const out: string[] = [];
  if (r.lifecycle.length) out.push(...renderLifecycle(r.lifecycle, style, width), '');
  out.push(style.bold(`${r.models.map((m) => m.name).join(' vs ')}`));
  out.push('');
  out.push(renderBox(featureGrid(r), { maxWidth: width }));
  const benchSources = r.models.flatMap((m) =>
    Object.entries(m.benchmarks).map(([b, s]) => `${m.id} ${b}: ${shortSource(s.source)}, ${s.asOf}`),
  );
  if (benchSources.length)
    out.push(
      style.dim(wrap('Benchmark scores are as each source states them (metric and setting differ by source); sources with --json.', width)),
    );
  out.push('');
  if (r.substitutes) {
    out.push(wrap(`${style.bold('Cost of the same workload:')} ${r.workload.description}`, width));
    out.push(style.dim(wrap(`Periods: ${r.workload.convention}.`, width)));
    out.push(renderBox(costGrid(r.costs), { maxWidth: width }));
    out.push(style.dim("* the maker's own API (reference offer)"));
    out.push('', style.bold('Monthly cost'));
    out.push(
      renderBars(
        r.costs.map((c) => ({ label: c.model.id, value: c.perMonth })),
        Math.min(width, 100),
        (s) => style.cyan(s),
      ),
    );
    out.push('', style.bold('Verdicts'));
    for (const v of r.verdicts) out.push(wrap(`  ${v.winner ? style.green('•') : style.dim('•')} ${v.text}`, width, '    '));
  } else if (r.pipeline) {
    out.push(style.bold('Not substitutes: a pipeline'));
    for (const n of r.notes.slice(0, 1)) out.push(wrap(n, width));
    out.push('');
    out.push(
      renderBox(
        {
          head: ['Stage', 'Model', 'What it does', 'Per day', 'Per month'],
          align: ['left', 'left', 'left', 'right', 'right'],
          rows: [
            ...r.pipeline.stages.map((s) => [s.role, s.model, s.what, usd(s.perDay), usd(s.perMonth)]),
            ['total', '', '', usd(r.pipeline.perDay), usd(r.pipeline.perMonth)],
          ],
        },
        { maxWidth: width },
      ),
    );
    out.push(style.dim(wrap(`Assumes ${r.pipeline.assumptions.join('; ')}. ${r.workload.convention}.`, width)));
    out.push('', style.bold('Monthly cost by stage'));
    out.push(
      renderBars(
        r.pipeline.stages.map((s) => ({ label: `${s.role}: ${s.model}`, value: s.perMonth })),
        Math.min(width, 100),
        (s) => style.cyan(s),
      ),
    );
  }
  out.push('', style.bold('Choose'));
  for (const c of r.chooseWhen) {
    out.push(`  ${style.bold(c.model)} when:`);
    for (const w of c.when) out.push(wrap(`    - ${w}`, width, '      '));
  }
  const notes = r.substitutes ? r.notes : r.notes.slice(1);
  const offerNotes = r.costs.flatMap((c) => [...c.warnings, ...c.notes.map((n) => `${c.model.id}: ${n}`)]);
  if (notes.length || offerNotes.length) {
    out.push('', style.bold('Notes'));
    for (const n of [...notes, ...offerNotes]) out.push(wrap(`  - ${n}`, width, '    '));
  }
  out.push(
    '',
    style.dim(
      wrap(
        'Prices: USD per 1M tokens (rerankers per search where so billed), from the offer named in "Priced at"; model-advisor show <model> lists every offer.',
        width,
      ),
    ),
  );
  return out.join('\n');
}

export function renderCompareCsv(r: CompareResult): string {
  return renderCsv(featureGrid(r));
}

export function renderCompareMarkdown(r: CompareResult): string {
  const parts = [`${renderLifecycleMarkdown(r.lifecycle)}## ${r.models.map((m) => m.name).join(' vs ')}`, '', renderMarkdown(featureGrid(r))];
  if (r.substitutes) {
    parts.push(`Workload: ${r.workload.description}. ${r.workload.convention}.`, '', renderMarkdown(costGrid(r.costs)), '### Verdicts', '');
    for (const v of r.verdicts) parts.push(`- ${v.text}`);
  } else if (r.pipeline) {
    parts.push(r.notes[0] ?? '', '');
    for (const s of r.pipeline.stages) parts.push(`- ${s.role} with ${s.model}: ${s.what}; ${usd(s.perMonth)} a month`);
    parts.push(`- total: ${usd(r.pipeline.perMonth)} a month`);
  }
  parts.push('', '### Choose');
  for (const c of r.chooseWhen) parts.push(`- **${c.model}** when: ${c.when.join('; ')}`);
  return parts.join('\n') + '\n';
}

/** Unknown on the host priced: a figure from another host is not shown in its place. */
function latencyUnknown(c: ComparedModel): string {
  return c.latency || !c.offer ? UNKNOWN : `${UNKNOWN} on ${c.offer.provider}`;
}

/** "measured on your account, 2026-12-02" or "gateway live statistics (OpenRouter), median, 2026-08-22". */
function latencySource(c: ComparedModel): string {
  const l = c.latency;
  if (!l) return '-';
  if (l.kind === 'your-account') return `measured on your account, ${l.asOf}`;
  return `${c.latencyMethod}${l.measuredBy ? '' : `: ${shortSource(l.source).split('/')[0]}`}, ${l.asOf}`;
}
