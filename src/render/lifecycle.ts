import type { ChalkInstance } from 'chalk';
import type { LifecycleNotice } from '../core/lifecycle.js';
import { formatUsd } from '../core/money.js';
import { wrap } from './wrap.js';

/** The lifecycle lines that open `show`, `cost` and `compare`: one per retired or deprecated model. */
export function renderLifecycle(notices: LifecycleNotice[], style: ChalkInstance, width: number): string[] {
  return notices.map((n) => {
    const label = n.state === 'retired' ? style.red.bold('Retired:') : style.yellow.bold('Deprecated:');
    return wrap(`${label} ${n.message}`, width, '  ');
  });
}

export function renderLifecycleMarkdown(notices: LifecycleNotice[]): string {
  return notices.map((n) => `> **${n.state === 'retired' ? 'Retired' : 'Deprecated'}:** ${n.message}\n\n`).join('');
}

const WHO_SHORT = { maker: 'per its maker', 'third-party': 'third-party report', upstream: 'pricing-database flag' } as const;

/**
 * The same notices in a line or two each, for short views: id, date, who says so, successor and
 * its cost, and the source's host (the full source is in --json and the long view).
 */
export function renderLifecycleShort(notices: LifecycleNotice[], style: ChalkInstance, width: number): string[] {
  return notices.map((n) => {
    const label = n.state === 'retired' ? style.red.bold('Retired:') : style.yellow.bold('Deprecated:');
    const when =
      n.state === 'retired'
        ? n.shutdownOn
          ? `retired since ${n.shutdownOn}`
          : 'retired'
        : n.shutdownOn
          ? `shuts down on ${n.shutdownOn}`
          : 'no shutdown date announced';
    const who = n.confidence ? WHO_SHORT[n.confidence] : 'per the catalog';
    const cost = n.successorPerMonth !== undefined && n.successorPerMonth !== null ? `: ${formatUsd(n.successorPerMonth)} a month` : '';
    const succ = n.successor ? `; successor ${n.successor}${cost}` : '';
    const src = n.source ? `, ${n.source.replace(/^https?:\/\/(www\.)?/, '').split('/')[0]}${n.asOf ? ` ${n.asOf}` : ''}` : '';
    return wrap(`${label} ${n.id} ${when} (${who}${src})${succ}.`, width, '  ');
  });
}
