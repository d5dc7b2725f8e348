import { join } from 'node:path';

/**
 * Where `catalog update` keeps the catalog it builds, and what else lives beside it. Read on every
 * start (to find an updated catalog), so it imports nothing but node:path.
 */

export const CACHE_FILES = {
  /** The updated catalog, in the bundled catalog's format. */
  catalog: 'catalog.jsonl',
  /** Per source: URL, validators (ETag, Last-Modified), fetch time, counts. */
  state: 'state.json',
  /** What the last update changed (`catalog diff`). */
  diff: 'last-diff.json',
  /** Held while an update runs. */
  lock: 'update.lock',
  /** The last downloaded body of each source, reused when the server answers 304 Not Modified. */
  sources: 'sources',
  /** Latency measured on the user's account by `latency probe` (catalog reset leaves it). */
  measured: 'measured-latency.json',
} as const;

/**
 * $MODEL_ADVISOR_CACHE_DIR, else $XDG_CACHE_HOME/model-advisor, else the platform's cache folder:
 * ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows, ~/.cache elsewhere.
 */
export function cacheDir(env: Record<string, string | undefined>, platform: string, home: () => string): string {
  if (env.MODEL_ADVISOR_CACHE_DIR) return env.MODEL_ADVISOR_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'model-advisor');
  if (platform === 'darwin') return join(home(), 'Library', 'Caches', 'model-advisor');
  if (platform === 'win32') return join(env.LOCALAPPDATA || join(home(), 'AppData', 'Local'), 'model-advisor', 'Cache');
  return join(home(), '.cache', 'model-advisor');
}

/** What an updated catalog's header says about the update that made it. */
export interface UpdateStamp {
  /** The model-advisor version that built it: another version's cache is not read. */
  version: string;
  /** When the update finished (ISO timestamp). */
  updatedAt: string;
}
