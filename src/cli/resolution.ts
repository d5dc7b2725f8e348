import type { Resolved } from '../catalog/store.js';
import type { Context } from './context.js';

/** Says on stderr how each name that was not a model's own id was understood (a family, a moving alias). */
export function reportResolutions(ctx: Context, resolved: Resolved[]): void {
  for (const r of resolved) {
    if (!r.via) continue;
    const others = r.via.others.length ? `; others: ${r.via.others.join(', ')}` : '';
    ctx.note(`${r.via.reason}${others}. Name the model's id to choose another.`);
  }
}
