import type { ChalkInstance } from 'chalk';
import type { Capabilities } from '../catalog/schema.js';
import { restatesFacts, type CompareResult, type ComparedModel } from '../core/compare.js';
import { billedPerSearch } from '../core/cost.js';
import { formatPrice, formatUsd } from '../core/money.js';
import { renderBars } from './chart.js';
import { renderLifecycle, renderLifecycleShort } from './lifecycle.js';
import { wrap } from './wrap.js';
import { costGrid } from './cost.js';
import { CAPABILITY_LABELS, formatTokens, shownScore, UNKNOWN } from './format.js';
import { shortSource } from './show.js';
import { formatMs } from '../core/latency.js';
import { renderBox, renderCsv, renderMarkdown, renderPlain, stackColumns, type Grid } from './table.js';

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

/** "50% off" when input and output are discounted alike (the prices are in the rows above), else both prices. */
function shortBatchCell(c: ComparedModel): string {
  const p = c.prices;
  if (!p) return UNKNOWN;
  if (p.batchInput === undefined && p.batchOutput === undefined) return 'none';
  const off = (batch: number | undefined, full: number | undefined) =>
    batch !== undefined && full ? Math.round((1 - batch / full) * 100) : null;
  const i = off(p.batchInput, p.input);
  const o = off(p.batchOutput, p.output);
  if (i !== null && (o === i || (o === null && c.category !== 'chat'))) return `${i}% off`;
  return `${formatPrice(p.batchInput)} / ${formatPrice(p.batchOutput)}`;
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
  for (const b of benchmarkRows(ms)) rows.push(row(b, (c) => (c.benchmarks[b] ? shownScore(c.benchmarks[b]!.score) : '-')));
  return { head: ['', ...ms.map((c) => c.id)], rows };
}

/** Benchmark row labels, those most models report first. A label is benchmark + version + harness. */
function benchmarkRows(ms: ComparedModel[]): string[] {
  const benches = new Map<string, number>();
  for (const c of ms) for (const b of Object.keys(c.benchmarks)) benches.set(b, (benches.get(b) ?? 0) + 1);
  return [...benches].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([b]) => b);
}

/** At most this many benchmark rows by default; --full shows them all. */
export const SHORT_BENCHMARKS = 5;

/**
 * The default table: the facts that decide between models. Capabilities appear only where the
 * known values differ, rows unknown for every model are left out, and benchmarks only where every
 * model reports the same benchmark, version and harness (independent runs before makers' own).
 */
export function shortFeatureGrid(r: CompareResult): { grid: Grid; benchmarksShown: number; benchmarksHidden: number } {
  const ms = r.models;
  const rows: string[][] = [];
  const row = (label: string, f: (c: ComparedModel) => string) => {
    const cells = ms.map(f);
    if (cells.some((v) => v !== UNKNOWN && v !== 'n/a')) rows.push([label, ...cells]);
  };
  row('Category', (c) => c.category);
  row('Context window', (c) => (c.contextWindow === null ? UNKNOWN : formatTokens(c.contextWindow)));
  if (ms.some((c) => c.category === 'chat'))
    row('Max output', (c) => (c.category !== 'chat' ? 'n/a' : c.maxOutput === null ? UNKNOWN : formatTokens(c.maxOutput)));
  row('Input /1M', (c) => priceCell(c, 'input'));
  row('Cached in /1M', (c) => priceCell(c, 'cacheRead'));
  row('Output /1M', (c) => priceCell(c, 'output'));
  row('Batch', shortBatchCell);
  row('Priced at (*maker)', (c) => (c.offer ? `${c.offer.provider}${c.offer.reference ? '*' : ''}` : 'no usable offer'));
  row('Prices as of', (c) => c.offer?.asOf ?? UNKNOWN);
  if (ms.some((c) => c.cheaperOffer))
    row('Cheaper offer', (c) => (c.cheaperOffer ? `${c.cheaperOffer.provider}: ${Math.round(c.cheaperOffer.savingShare * 100)}% less` : '-'));
  row('First token', (c) => (c.latency?.ttftMs ? `${c.latency.ttftMs} ms` : latencyUnknown(c)));
  row('Output speed', (c) => (c.latency?.outputTokensPerSecond ? `${c.latency.outputTokensPerSecond} tok/s` : latencyUnknown(c)));
  // Who measured the latency, when it is not the same for every model (--full always says): a figure
  // from the user's own account says so.
  const methods = new Set(ms.map((c) => c.latency?.kind ?? ''));
  if (methods.has('your-account') || methods.size > 1)
    row('Latency by', (c) =>
      !c.latency ? UNKNOWN : c.latency.kind === 'your-account' ? 'your account' : (c.latency.measuredBy ?? shortSource(c.latency.source).split('/')[0]!),
    );
  const differs = (vals: (boolean | null | undefined)[]) => vals.includes(true) && vals.includes(false);
  for (const k of CAPS)
    if (differs(ms.map((c) => c.capabilities[k])))
      row(capLabel(k), (c) => (c.capabilities[k] === undefined ? UNKNOWN : c.capabilities[k] ? 'yes' : 'no'));
  if (differs(ms.map((c) => c.openWeights))) row('Open weights', (c) => (c.openWeights === null ? UNKNOWN : c.openWeights ? 'yes' : 'no'));
  const all = benchmarkRows(ms);
  const independent = (b: string) => (b.endsWith('(maker)') ? 1 : 0);
  const shared = all.filter((b) => ms.every((c) => c.benchmarks[b])).sort((a, b) => independent(a) - independent(b));
  const shown = shared.slice(0, SHORT_BENCHMARKS);
  for (const b of shown) rows.push([b, ...ms.map((c) => shownScore(c.benchmarks[b]!.score))]);
  return { grid: { head: ['', ...ms.map((c) => c.id)], rows, nowrap: [true] }, benchmarksShown: shown.length, benchmarksHidden: all.length - shown.length };
}

function capLabel(k: keyof Capabilities): string {
  const l = CAPABILITY_LABELS[k];
  return l.charAt(0).toUpperCase() + l.slice(1);
}

export function renderCompare(r: CompareResult, style: ChalkInstance, width: number, opts: { full?: boolean } = {}): string {
  if (!opts.full) return renderShortCompare(r, style, width);
  const out: string[] = [];
  if (r.lifecycle.length) out.push(...renderLifecycle(r.lifecycle, style, width), '');
  out.push(style.bold(wrap(r.models.map((m) => m.name).join(' vs '), width)));
  out.push('');
  // The long view: row labels may wrap (to 14 columns); a model column keeps its id whole.
  const full = featureGrid(r);
  const grid: Grid = { ...full, floors: full.head.map((h, i) => (i === 0 ? 14 : h.length)) };
  out.push(stackColumns(grid, width, false).map((g) => renderBox(g, { maxWidth: width })).join('\n'));
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
    out.push('', style.bold('Monthly cost by stage'), pipelineBars(r.pipeline, style, width));
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

/**
 * Verdicts worth a line: decided ones (never "unknown, so no verdict", nor ties), not the
 * per-token prices (the table has them; the workload cost sums them up), and with three or more
 * models only the first model's pairs. --full shows every one.
 */
export function informativeVerdicts(r: CompareResult): CompareResult['verdicts'] {
  const first = r.models[0]?.id;
  return r.verdicts.filter((v) => {
    if (v.winner === null) return false;
    if (v.kind === 'input-price' || v.kind === 'output-price') return false;
    return r.models.length <= 2 || v.winner === first || v.other === first;
  });
}

/** A note's URLs as their host: the full source is in --json and --full. */
function shortUrls(text: string): string {
  return text.replace(/https?:\/\/(?:www\.)?([^/\s,;)]+)[^\s,;)]*/g, '$1');
}

/** The pipeline's stages as a bar chart of their monthly cost (both views). */
function pipelineBars(p: NonNullable<CompareResult['pipeline']>, style: ChalkInstance, width: number): string {
  return renderBars(
    p.stages.map((s) => ({ label: `${s.role}: ${s.model}`, value: s.perMonth })),
    Math.min(width, 100),
    (s) => style.cyan(s),
  );
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
/** The default view: one screen (about 50 lines at 80 columns for two models). --full has the rest. */
function renderShortCompare(r: CompareResult, style: ChalkInstance, width: number): string {
  const out: string[] = [];
  if (r.lifecycle.length) out.push(...renderLifecycleShort(r.lifecycle, style, width), '');
  out.push(style.bold(wrap(r.models.map((m) => m.name).join(' vs '), width)));
  const facts = shortFeatureGrid(r);
  out.push(stackColumns(facts.grid, width).map((g) => renderPlain(g, { maxWidth: width })).join('\n\n'));
  const foot = [
    facts.benchmarksShown ? 'Benchmarks: scores as each source states them; sources with --json.' : '',
  ].filter(Boolean);
  if (foot.length) out.push(style.dim(wrap(foot.join(' '), width)));
  out.push('');
  if (r.substitutes) {
    // Days and months only, so the month is the convention that matters.
    const month = r.workload.convention.split(', ')[0];
    out.push(wrap(`${style.bold('Cost of the same workload:')} ${r.workload.description}. ${month}.`, width));
    const grid = costGrid(r.costs);
    const keep = grid.head.map((h) => h !== 'Per year');
    const pick = <T,>(xs: T[]) => xs.filter((_, i) => keep[i]);
    out.push(renderBox({ head: pick(grid.head), rows: grid.rows.map(pick), align: pick(grid.align!), nowrap: pick(grid.nowrap!), droppable: [3, 0, 2] }, { maxWidth: width }));
    out.push('', style.bold('Monthly cost'));
    out.push(renderBars(r.costs.map((c) => ({ label: c.model.id, value: c.perMonth })), Math.min(width, 100), (s) => style.cyan(s)));
    const verdicts = informativeVerdicts(r);
    if (verdicts.length) {
      out.push('', style.bold('Verdicts'));
      for (const v of verdicts) out.push(wrap(`  ${v.winner ? style.green('•') : style.dim('•')} ${v.text}`, width, '    '));
    }
  } else if (r.pipeline) {
    const kinds = [...new Set(r.models.map((m) => m.category))].join(', ');
    out.push(wrap(`${style.bold(`Not substitutes (${kinds}):`)} no winner on price. As a pipeline: ${r.pipeline.description}.`, width));
    out.push(
      renderBox(
        {
          head: ['Stage', 'Model', 'Per day', 'Per month'],
          align: ['left', 'left', 'right', 'right'],
          rows: [
            ...r.pipeline.stages.map((s) => [s.role, s.model, usd(s.perDay), usd(s.perMonth)]),
            ['total', '', usd(r.pipeline.perDay), usd(r.pipeline.perMonth)],
          ],
        },
        { maxWidth: width },
      ),
    );
    const [each, ...flags] = r.pipeline.assumptions;
    const stages = r.pipeline.stages.map((s) => s.what).join('; ');
    const flagNames = flags.map((f) => /\((--[a-z-]+)\)/.exec(f)?.[1]).filter(Boolean);
    const change = flagNames.length ? ` (${flagNames.join(', ')})` : '';
    // The pipeline shows days and months only, so the month is the convention that matters.
    const month = r.workload.convention.split(', ')[0];
    out.push(style.dim(wrap(`Assumes ${each}: ${stages}${change}. ${month}.`, width)));
    out.push('', style.bold('Monthly cost by stage'), pipelineBars(r.pipeline, style, width));
  }
  // Only what the table and verdicts do not say already (curated notes); --full has every reason.
  const choose = r.chooseWhen.map((c) => ({ model: c.model, when: c.when.filter((w) => !restatesFacts(w)) })).filter((c) => c.when.length);
  if (choose.length) {
    out.push('', style.bold('Choose'));
    for (const c of choose) out.push(wrap(`  ${style.bold(c.model)} when ${c.when.slice(0, 2).join('; ')}`, width, '    '));
  }
  const notes = r.substitutes ? r.notes : r.notes.slice(1);
  const offerNotes = r.costs.flatMap((c) => [...c.warnings, ...c.notes.map((n) => `${c.model.id}: ${n}`)]);
  if (notes.length || offerNotes.length) {
    out.push('', style.bold('Notes'));
    for (const n of [...notes, ...offerNotes]) out.push(wrap(`  - ${shortUrls(n)}`, width, '    '));
  }
  const hidden = facts.benchmarksHidden ? `, ${facts.benchmarksHidden} more benchmark${facts.benchmarksHidden === 1 ? '' : 's'}` : '';
  const next = r.lifecycle.some((n) => n.successor) ? '--successor adds successors.' : 'show <model>: every offer.';
  out.push('', style.dim(wrap(`--full: all facts${hidden}, verdicts. ${next}`, width)));
  return out.join('\n');
}


