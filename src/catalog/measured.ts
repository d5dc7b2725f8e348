import type { Latency } from './schema.js';

/**
 * The user's own latency layer: what `latency probe` measured on their account, kept beside the
 * updated catalog in the cache folder and put before every published figure by every command.
 * Read on start by the commands that load the catalog, so it is checked by hand (no zod).
 */

export type MeasuredLatency = Latency & { model: string; provider: string; kind: 'your-account' };

export interface MeasuredFile {
  schemaVersion: 1;
  $comment?: string;
  entries: MeasuredLatency[];
}

const COMMENT =
  'Latency measured on your own account by `model-advisor latency probe` (one entry per model and provider, the latest probe). Every command puts these before published figures; `model-advisor catalog reset` does not remove this file; delete it to drop them.';

/** The entries of a measured-latency file; throws an Error naming what is wrong. */
export function parseMeasured(text: string): MeasuredLatency[] {
  const json = JSON.parse(text) as unknown;
  if (!isObject(json) || json.schemaVersion !== 1 || !Array.isArray(json.entries))
    throw new Error('not a measured-latency file (schemaVersion 1, entries)');
  return json.entries.map((e, i) => {
    const bad = (field: string) => new Error(`entry ${i}: ${field}`);
    if (!isObject(e)) throw bad('not an object');
    for (const k of ['model', 'provider', 'source', 'asOf'] as const)
      if (typeof e[k] !== 'string' || e[k] === '') throw bad(`${k} must be a string`);
    if (e.kind !== 'your-account') throw bad('kind must be "your-account"');
    for (const k of ['ttftMs', 'outputTokensPerSecond'] as const)
      if (e[k] !== null && e[k] !== undefined && !(typeof e[k] === 'number' && Number.isFinite(e[k]) && e[k] > 0))
        throw bad(`${k} must be a positive number`);
    return e as unknown as MeasuredLatency;
  });
}

/** The file's text with `entry` replacing any earlier probe of the same model on the same provider. */
export function withMeasured(previous: MeasuredLatency[], entry: MeasuredLatency): string {
  const entries = [...previous.filter((e) => !(e.model === entry.model && e.provider === entry.provider)), entry].sort((a, b) =>
    a.model === b.model ? (a.provider < b.provider ? -1 : 1) : a.model < b.model ? -1 : 1,
  );
  const file: MeasuredFile = { schemaVersion: 1, $comment: COMMENT, entries };
  return `${JSON.stringify(file, null, 2)}\n`;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
