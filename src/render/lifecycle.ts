import type { ChalkInstance } from 'chalk';
import type { LifecycleNotice } from '../core/lifecycle.js';
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
