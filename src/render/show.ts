import { describeMethod } from '../core/latency.js';
import type { ChalkInstance } from 'chalk';
import type { Model } from '../catalog/schema.js';
import type { ModelCard } from '../core/card.js';
import {
  capability,
  CAPABILITY_LABELS,
  CAPABILITY_NAMES,
  formatOfferPrices,
  formatParams,
  formatTokens,
  providerLabel,
  shownScore,
  UNKNOWN,
  yesNo,
} from './format.js';
import { renderLifecycle } from './lifecycle.js';
import { renderBox, renderPairs, type Grid } from './table.js';
import { wrap } from './wrap.js';

/** The lifecycle rows of a card: state with its dates and source, moving names, what it is. */
export function lifecyclePairs(card: ModelCard): [string, string][] {
  const m = card.model;
  const s = card.lifecycle;
  const rows: [string, string][] = [];
  if (s) {
    const dates = [s.deprecatedOn ? `deprecated ${s.deprecatedOn}` : '', s.shutdownOn ? `shutdown ${s.shutdownOn}` : '']
      .filter(Boolean)
      .join(', ');
    const src = s.source
      ? `  (${s.confidence === 'maker' ? '' : `${s.confidence}: `}${shortSource(s.source)}, ${s.asOf ?? 'undated copy'})`
      : '  (no lifecycle record)';
    rows.push(['Status', `${s.state}${dates ? `: ${dates}` : ''}${s.known ? src : '  (no lifecycle record: taken as active)'}`]);
    if (s.successor) rows.push(['Successor', s.successor]);
  }
  if (m.kind) {
    const from = m.kindSource ? `; ${shortSource(m.kindSource.source)}, ${m.kindSource.asOf}` : '';
    rows.push(['Kind', `${m.kind}${m.variantOf ? ` of ${m.variantOf}` : ''} (not ranked as a model${from})`]);
  }
  for (const a of m.servedAs ?? [])
    rows.push(['Served as', `${a.alias}${a.since ? ` since ${a.since}` : ''}  (${shortSource(a.source)}, ${a.asOf ?? 'undated copy'})`]);
  return rows;
}

export function specPairs(m: Model): [string, string][] {
  const src = m.specSource ? `${m.specSource.source}, ${m.specSource.asOf}` : UNKNOWN;
  return [
    ['Lab', m.lab],
    ['Category', m.category],
    ['Family', m.family ?? UNKNOWN],
    ['Parameters', `${formatParams(m)}${m.parameters ? `  (${m.parameters.source}, ${m.parameters.asOf})` : ''}`],
    ['Context window', m.contextWindow === undefined ? UNKNOWN : `${formatTokens(m.contextWindow)} tokens`],
    ['Max output', m.category !== 'chat' ? 'n/a' : m.maxOutput === undefined ? UNKNOWN : `${formatTokens(m.maxOutput)} tokens`],
    ['Modalities', m.modalities ? `${m.modalities.input.join(', ')} -> ${m.modalities.output.join(', ')}` : UNKNOWN],
    ['Open weights', `${yesNo(m.openWeights)}${m.license ? ` (${m.license})` : ''}`],
    [
      'Released',
      `${m.releaseDate ?? UNKNOWN}${m.releaseSource ? `  (${shortSource(m.releaseSource.source)}, ${m.releaseSource.asOf})` : ''}`,
    ],
    ['Knowledge cutoff', m.knowledgeCutoff ?? UNKNOWN],
    ['Specs from', src],
  ];
}

const FLAG_LABELS: Record<string, string> = {
  'price-deviation': 'implausible',
  'sources-disagree': 'sources differ',
  free: 'free tier',
  'no-price': 'no price',
  deprecated: 'deprecated',
};

export function offersGrid(m: Model, style?: ChalkInstance): Grid {
  return {
    head: ['Provider / source, as of', 'Input', 'Output', 'Cached', 'Batch in/out', 'Flags'],
    align: ['left', 'right', 'right', 'right', 'right', 'left'],
    // A provider id never wraps; in a narrow terminal batch, then cached prices give way (--json has them).
    nowrap: [true],
    droppable: [4, 3],
    rows: m.offers.map((o) => {
      const p = formatOfferPrices(o);
      const flags = [...new Set((o.flags ?? []).map((f) => FLAG_LABELS[f.kind] ?? f.kind))].join('\n');
      const name = `${providerLabel(o)}${o.reference ? ' (maker)' : ''}`;
      return [
        `${o.reference && style ? style.bold(name) : name}\n${shortSource(o.source).split('/')[0]}, ${o.asOf}`,
        p.input,
        p.output,
        p.cached,
        p.batch.replace(' / ', '\n/ '),
        flags && style ? style.yellow(flags) : flags,
      ];
    }),
  };
}

export function shortSource(s: string): string {
  return s.replace(/^https?:\/\/(www\.)?/, '').replace(/\/$/, '');
}

export function renderShow(card: ModelCard, style: ChalkInstance, width: number): string {
  const m = card.model;
  const out: string[] = [];
  if (card.notices?.length) out.push(...renderLifecycle(card.notices, style, width), '');
  out.push(`${style.bold(m.name)}  ${style.dim(m.id)}`);
  if (m.aliases?.length)
    out.push(
      style.dim(
        wrap(`also: ${m.aliases.slice(0, 8).join(', ')}${m.aliases.length > 8 ? `, +${m.aliases.length - 8} more` : ''}`, width, '  '),
      ),
    );
  out.push('');
  out.push(renderPairs([...lifecyclePairs(card), ...specPairs(m)], '', width));
  out.push('');
  out.push(style.bold('Capabilities'));
  out.push(wrap(`  ${CAPABILITY_NAMES.map((k) => `${CAPABILITY_LABELS[k]}: ${capability(m, k)}`).join('  ·  ')}`, width, '  '));
  if (m.capabilitySource) {
    const who = { maker: "the maker's page", database: "a database's newer copy", 'third-party': 'a third party' }[
      m.capabilitySource.confidence
    ];
    out.push(
      style.dim(wrap(`  completed from ${who}: ${shortSource(m.capabilitySource.source)}, ${m.capabilitySource.asOf}`, width, '  ')),
    );
  }
  if (m.latency?.length) {
    out.push('', style.bold('Latency'));
    for (const l of m.latency)
      out.push(
        wrap(
          `  ${l.provider ?? 'any'}${l.endpoint && l.endpoint !== l.provider ? ` (${l.endpoint})` : ''}: time to first token ${l.ttftMs ? `${l.ttftMs} ms` : UNKNOWN}, output ${l.outputTokensPerSecond ? `${l.outputTokensPerSecond} tokens/s` : UNKNOWN}  ${style.dim(`(${describeMethod(l)}; ${l.kind === 'your-account' ? l.source.replace(/^model-advisor /, '') : shortSource(l.source)}, ${l.asOf})`)}`,
          width,
          '    ',
        ),
      );
  }
  out.push('', style.bold('Benchmarks'));
  if (m.benchmarks?.length) {
    out.push(
      renderBox(
        {
          head: ['Benchmark', 'Score', 'Metric', 'Source', 'As of'],
          align: ['left', 'right', 'left', 'left', 'left'],
          nowrap: [true, false, false, true, true],
          droppable: [2, 3],
          rows: m.benchmarks.map((b) => [b.benchmark, shownScore(b.score), b.metric, shortSource(b.source).split('/')[0]!, b.asOf]),
        },
        { maxWidth: width },
      ),
    );
  } else out.push('  none in the catalog');
  if (m.notes) {
    if (m.notes.bestFor?.length) out.push('', wrap(`${style.bold('Best for:')} ${m.notes.bestFor.join('; ')}`, width, '  '));
    if (m.notes.avoidFor?.length) out.push(wrap(`${style.bold('Avoid for:')} ${m.notes.avoidFor.join('; ')}`, width, '  '));
  }
  out.push(
    '',
    wrap(
      style.bold(`Offers (${m.offers.length})`) + style.dim(`  USD per 1M tokens; ${card.ladderNote}; full source URLs with --json`),
      width,
    ),
  );
  out.push(renderBox(offersGrid(m, style), { maxWidth: width }));
  const flagged = m.offers.filter((o) => o.flags?.length);
  if (flagged.length) {
    out.push('', style.bold('Flags'));
    for (const o of flagged)
      for (const f of o.flags ?? []) out.push(wrap(`  ${style.yellow(f.kind)} ${o.provider}: ${f.message}`, width, '    '));
  }
  for (const o of m.offers.filter((x) => x.batchSource))
    out.push(
      style.dim(
        wrap(
          `  batch prices for ${o.provider}: ${o.batchSource!.note ?? ''} (${shortSource(o.batchSource!.source)}, ${o.batchSource!.asOf})`,
          width,
          '    ',
        ),
      ),
    );
  const dated = m.offers.filter((x) => x.history?.length);
  if (dated.length) {
    out.push(
      '',
      wrap(style.bold('Price changes') + style.dim('  USD per 1M tokens; the list in force on the day asked prices it (--as-of)'), width),
    );
    for (const o of dated)
      out.push(
        wrap(
          `  ${providerLabel(o)}: ${o
            .history!.map(
              (e, i, all) =>
                `${e.from ? `from ${e.from}` : `until ${all[i + 1]?.from ?? '?'}`} ${formatOfferPrices({ ...o, prices: e.prices }).input} in / ${formatOfferPrices({ ...o, prices: e.prices }).output} out`,
            )
            .join('; ')}`,
          width,
          '    ',
        ),
      );
  }
  for (const o of m.offers.filter((x) => x.note && (x.reference || x.flags?.length)))
    out.push(style.dim(wrap(`  note on ${o.provider}: ${o.note}`, width, '    ')));
  return out.join('\n');
}
