import { formatMs, METHOD_WORDS } from '../core/latency.js';
import type { ChalkInstance } from 'chalk';
import type { RecommendResult, RouteOutput } from '../core/advice.js';
import { formatUsd } from '../core/money.js';
import { renderBars } from './chart.js';
import { renderBox, type Grid } from './table.js';
import { wrap } from './wrap.js';
import { shownScore } from './format.js';

const usd = (n: number | null | undefined) => (n === null || n === undefined ? 'unknown' : formatUsd(n));
const pct = (x: number) => `${Number((x * 100).toPrecision(3))}%`;

function evidenceText(q: RecommendResult['recommendations'][number]['quality'], max = 3): string {
  if (q.score === null) return 'unrated';
  return q.evidence
    .slice()
    .sort((a, b) => b.weight - a.weight || b.percentile - a.percentile)
    .slice(0, max)
    .map((e) => `${e.benchmark} ${shownScore(e.score)}${e.selfReported ? ' (maker)' : ''}`)
    .join(', ');
}

/** "67.8 (2 of 6)": the score and how much of the task's evidence it rests on. */
function qualityText(q: RecommendResult['recommendations'][number]['quality']): string {
  if (q.score === null) return 'unrated';
  return q.coverage ? `${q.score} (${q.coverage.k} of ${q.coverage.n})` : String(q.score);
}

function recommendGrid(r: RecommendResult): Grid {
  return {
    head: ['#', 'Model', 'Quality', 'Evidence', 'Per month', 'Quality per $100/mo'],
    align: ['right', 'left', 'right', 'left', 'right', 'right'],
    // Ids never wrap; in a narrow terminal quality per dollar, then the evidence (also under "Why") give way.
    nowrap: [false, true],
    droppable: [5, 3, 0],
    rows: r.recommendations.map((c) => [
      String(c.rank),
      c.lifecycle ? `${c.model.id} [${c.lifecycle.state}]` : c.model.id,
      qualityText(c.quality),
      evidenceText(c.quality),
      usd(c.perMonth),
      c.qualityPerDollar === null ? '-' : String(Number(c.qualityPerDollar.toPrecision(3))),
    ]),
  };
}

export function renderRecommend(r: RecommendResult, style: ChalkInstance, width: number): string {
  const out: string[] = [];
  const ev = evidenceLine(r);
  out.push(wrap(`${style.bold('Task:')} ${r.task.label}${r.task.needs.length ? ` (needs ${r.task.needs.join(', ')})` : ''}`, width));
  out.push(wrap(`${style.bold('Workload:')} ${r.workload.description}`, width));
  out.push(style.dim(wrap(`Ranking: ${r.preferNote}. ${r.workload.convention}.`, width)));
  out.push('');
  if (r.recommendations.length === 0) {
    out.push(
      style.yellow(
        wrap(
          `No model meets every constraint.${r.relax ? ` Most candidates were excluded for ${r.relax.reason} (${r.relax.count}): ${r.relax.hint}.` : ''}`,
          width,
        ),
      ),
    );
  } else {
    out.push(renderBox(recommendGrid(r), { maxWidth: width }));
    out.push(style.dim(`${r.recommendations.length} of ${r.qualified} qualified models shown (--top N for more).`));
    if (ev && r.evidence.weak) out.push('', style.yellow(wrap(ev, width)));
    out.push('', style.bold('Why'));
    for (const c of r.recommendations) {
      out.push(
        wrap(
          `  ${c.rank}. ${c.model.id}: ${c.why}; ${usd(c.perMonth)} a month at ${c.offer?.provider ?? 'unknown'}${c.offer?.reference ? " (the maker's API)" : ''}${
            c.reasoning
              ? `, priced with reasoning on (--reasoning ${c.reasoning}): it is rated on runs with reasoning, which its API does not turn on unless asked`
              : ''
          }${r.latency && c.latency ? `; ${latencyText(c.latency)}` : ''}`,
          width,
          '     ',
        ),
      );
    }
  }
  if (r.latency)
    out.push(
      '',
      wrap(
        `${style.bold('Latency:')} ${r.latency.rule}. Excluded: ${r.latency.unknown} without a figure on the host priced, ${r.latency.tooSlow} slower.`,
        width,
      ),
    );
  if (r.excluded.length) {
    out.push('', style.bold('Best candidates excluded'));
    for (const e of r.excluded)
      out.push(wrap(`  - ${e.model.id}${e.quality !== null ? ` (quality ${e.quality})` : ''}: ${e.detail}`, width, '    '));
    const counts = Object.entries(r.excludedCounts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    out.push(style.dim(wrap(`  Excluded in all: ${counts}.`, width, '  ')));
  }
  if (ev && !r.evidence.weak) out.push('', style.dim(wrap(ev, width)));
  out.push(
    '',
    style.dim(
      wrap(
        `Method: ${r.method} Benchmarks for ${r.task.label}: ${r.task.benchmarks.map((b) => `${b.id}${b.weight !== 1 ? ` x${b.weight}` : ''}`).join(', ')}.`,
        width,
      ),
    ),
  );
  return out.join('\n');
}

const listed = (ids: string[], max = 3) =>
  ids.length > max ? `${ids.slice(0, max).join(', ')} and ${ids.length - max} more` : ids.join(', ');

/** What the ranking's evidence is worth: a warning when it is weak, else the task's coverage. */
function evidenceLine(r: RecommendResult): string | null {
  const e = r.evidence;
  const n = r.recommendations.length;
  const cover = e.coverage
    ? `${e.coverage.rated} of ${e.coverage.able} recent models of the major makers are rated for ${r.task.label} from two or more independent benchmarks`
    : null;
  if (!e.weak) return cover ? `Evidence: ${cover}.` : null;
  const parts: string[] = [];
  const of = (k: number) => (k === n ? (n === 1 ? 'the one shown' : `all ${n} shown`) : `${k} of the ${n} shown`);
  if (e.makerOnly.length) parts.push(`${of(e.makerOnly.length)} rest only on their makers' own figures (${listed(e.makerOnly)})`);
  if (e.stale.length)
    parts.push(`${of(e.stale.length)} have no figure from the last year (${listed(e.stale.map((s) => `${s.id} ${s.newest}`))})`);
  if (cover && e.coverage!.rated * 3 < e.coverage!.able) parts.push(`only ${cover}`);
  if (e.thin) parts.push(`${e.thin} rated on a single benchmark are left out (--min-evidence 1 ranks them)`);
  return `Weak evidence: ${parts.join('; ')}. Treat this ranking as a shortlist to test on your own data.`;
}

/** Why a leg's evidence is weak, in words. */
function legEvidence(l: NonNullable<RouteOutput['route']>['legs'][number]): string {
  const e = l.evidence!;
  const id = l.model!.id;
  const parts: string[] = [];
  if (e.makerOnly.length) parts.push(`${id} rests only on its maker's own figures`);
  if (e.stale.length) parts.push(`${id} has no figure from the last year (newest ${e.stale[0]!.newest})`);
  if (e.coverage && e.coverage.rated * 3 < e.coverage.able)
    parts.push(
      `only ${e.coverage.rated} of ${e.coverage.able} recent models of the major makers are rated for ${l.task.label} from two or more independent benchmarks`,
    );
  return parts.join('; ');
}

function routeGrid(r: RouteOutput): Grid {
  const legs = r.route?.legs ?? [];
  return {
    head: ['Task', 'Share', 'Bar', 'Model', 'Quality', 'Per day', 'Per month'],
    align: ['left', 'right', 'right', 'left', 'right', 'right', 'right'],
    // Task names and ids never wrap; in a narrow terminal the daily cost, the bar and the quality
    // (each also under "Why these models") give way.
    nowrap: [true, false, false, true],
    droppable: [5, 2, 4],
    rows: [
      ...legs.map((l) => [
        l.task.id,
        pct(l.share),
        String(l.floor),
        l.model?.id ?? 'none',
        l.quality?.score === null || !l.quality ? '-' : String(l.quality.score),
        usd(l.perDay),
        usd(l.perMonth),
      ]),
      [r.route?.pipeline ? 'total' : 'blended', r.route?.pipeline ? '' : '100%', '', '', '', usd(r.route?.perDay), usd(r.route?.perMonth)],
    ],
  };
}

export function renderRoute(r: RouteOutput, style: ChalkInstance, width: number): string {
  const out: string[] = [];
  out.push(wrap(`${style.bold('Workload:')} ${r.workload.description}`, width));
  out.push(style.dim(wrap(`Periods: ${r.workload.convention}.`, width)));
  if (r.route) {
    out.push('', style.bold(r.route.pipeline ? 'Pipeline stages (every request passes each)' : 'Routing split'));
    out.push(renderBox(routeGrid(r), { maxWidth: width }));
    for (const l of r.route.legs) if (l.problem) out.push(style.yellow(`  ${l.task.id}: ${l.problem}`));
    const weak = r.route.legs.filter((l) => l.evidence?.weak && l.model);
    if (weak.length) {
      out.push('');
      for (const l of weak) out.push(style.yellow(wrap(`Weak evidence for ${l.task.id}: ${legEvidence(l)}.`, width)));
    }
    const a = r.route.allStrong;
    const b = r.route.bestSingle;
    if (r.route.perMonth !== null && (a || b)) {
      out.push('');
      if (b && r.route.savingVsBest)
        out.push(
          wrap(
            `Against all traffic on ${style.bold(b.model)}, the best-rated single model${b.quality != null ? ` (${b.quality} on the hardest task)` : ''}: ${usd(b.perMonth)} a month; routing ${r.route.savingVsBest.perMonth >= 0 ? 'saves' : 'costs'} ${style.bold(usd(Math.abs(r.route.savingVsBest.perMonth)))} a month (${pct(Math.abs(r.route.savingVsBest.share))}${r.route.savingVsBest.perMonth >= 0 ? '' : ' more'}).`,
            width,
          ),
        );
      if (a && r.route.saving)
        out.push(
          wrap(
            `Against all traffic on ${style.bold(a.model)}, the cheapest single model that clears every bar: ${usd(a.perMonth)} a month; routing ${r.route.saving.perMonth >= 0 ? 'saves' : 'costs'} ${style.bold(usd(Math.abs(r.route.saving.perMonth)))} a month (${pct(Math.abs(r.route.saving.share))}${r.route.saving.perMonth >= 0 ? '' : ' more'}).`,
            width,
          ),
        );
      if (r.route.overhead)
        out.push(
          wrap(
            `The routed figure includes the router (${usd(r.route.overhead.routerPerMonth)} a month) and misrouted requests (${usd(r.route.overhead.misroutePerMonth)} a month).`,
            width,
          ),
        );
      out.push('', style.bold('Monthly cost'));
      out.push(
        renderBars(
          [
            { label: 'routed', value: r.route.perMonth },
            ...(b ? [{ label: `all on ${b.model}`, value: b.perMonth }] : []),
            ...(a && a.model !== b?.model ? [{ label: `all on ${a.model}`, value: a.perMonth }] : []),
          ],
          Math.min(width, 100),
          (s) => style.cyan(s),
        ),
      );
    }
    out.push('', style.bold('Assumes'));
    for (const x of r.route.assumptions) out.push(wrap(`  - ${x}`, width, '    '));
    out.push('', style.bold('Why these models'));
    for (const l of r.route.legs)
      if (l.model)
        out.push(
          wrap(
            `  ${l.task.id}: ${l.model.id}, the cheapest model with ${l.task.label} quality >= ${l.floor}${
              l.quality?.score !== null && l.quality
                ? ` (${l.quality.score}: ${l.quality.evidence
                    .slice(0, 2)
                    .map((e) => `${e.benchmark} ${shownScore(e.score)}`)
                    .join(', ')})`
                : ''
            }; priced at ${l.offer?.provider ?? 'unknown'}`,
            width,
            '    ',
          ),
        );
  }
  if (r.cascade) {
    const c = r.cascade;
    out.push('', style.bold('Cascade'));
    out.push(
      renderBox(
        {
          head: ['Plan', 'Per day', 'Per month'],
          align: ['left', 'right', 'right'],
          rows: [
            [`every request on ${c.cheap.model}, ${pct(c.escalate)} again on ${c.strong.model}`, usd(c.perDay), usd(c.perMonth)],
            [`all on ${c.strong.model}`, usd(c.allStrong.perDay), usd(c.allStrong.perMonth)],
          ],
        },
        { maxWidth: width },
      ),
    );
    if (c.saving)
      out.push(wrap(`The cascade saves ${style.bold(usd(c.saving.perMonth))} a month (${pct(c.saving.share)}) against all-strong.`, width));
    out.push(style.dim(wrap(c.qualityNote, width)));
  }
  if (r.notes.length) {
    out.push('', style.bold('Notes'));
    for (const n of r.notes) out.push(wrap(`  - ${n}`, width, '    '));
  }
  out.push('', style.dim(wrap(`Bar: the quality a task's model must reach (--quality-floor). ${r.method}`, width)));
  return out.join('\n');
}

/** "end-to-end 5.6 s (1282 ms to first token, 58 tok/s; gateway live statistics, median, 2026-08-22)". */
function latencyText(l: NonNullable<RecommendResult['recommendations'][number]['latency']>): string {
  const how = [
    l.kind
      ? `${METHOD_WORDS[l.kind as keyof typeof METHOD_WORDS] ?? l.kind}${l.measuredBy ? ` (${l.measuredBy})` : ''}`
      : 'method not stated',
    l.statistic,
    l.asOf,
  ]
    .filter(Boolean)
    .join(', ');
  const e2e = l.endToEndMs === null ? 'end-to-end unknown' : `end-to-end ${formatMs(l.endToEndMs)}`;
  return `${e2e} (${l.ttftMs ?? '?'} ms to first token, ${l.outputTokensPerSecond ?? '?'} tok/s over ${l.outputTokens} tokens; ${how})${l.caveat ? `, ${l.caveat}` : ''}`;
}
