import type { Catalog } from '../catalog/store.js';
import type { Model } from '../catalog/schema.js';
import { lifecycleNotice, modelState, type LifecycleNotice } from '../core/lifecycle.js';

/**
 * The lifecycle lines `show`, `cost` and `compare` print first: one per retired or deprecated
 * model, naming the date, the source and the successor, with the successor's cost of the same
 * workload where `costOf` prices it.
 */
export function lifecycleNotices(
  catalog: Catalog,
  models: Model[],
  today: string,
  costOf?: (m: Model) => number | null,
): LifecycleNotice[] {
  const out: LifecycleNotice[] = [];
  for (const m of models) {
    const s = modelState(m, today);
    if (s.state !== 'retired' && s.state !== 'deprecated') continue;
    const succ = s.successor ? catalog.byId(s.successor) : undefined;
    const shown = succ && models.some((x) => x.id === succ.id);
    const n = lifecycleNotice(m, today, succ, succ && costOf && !shown ? costOf(succ) : undefined);
    if (n) out.push(n);
  }
  return out;
}

/** The models with each retired or deprecated one's successor placed right after it (`--successor`). */
export function withSuccessors(catalog: Catalog, models: Model[], today: string): Model[] {
  const out: Model[] = [];
  for (const m of models) {
    if (!out.some((x) => x.id === m.id)) out.push(m);
    const s = modelState(m, today);
    if (s.state !== 'retired' && s.state !== 'deprecated') continue;
    const succ = s.successor ? catalog.byId(s.successor) : undefined;
    if (succ && !out.some((x) => x.id === succ.id) && !models.some((x) => x.id === succ.id)) out.push(succ);
  }
  return out;
}
