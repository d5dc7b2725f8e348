import { closeSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { UserError } from '../errors.js';

/** A lock older than this is from an update that died without removing it. */
const STALE_LOCK_MS = 30 * 60_000;

/**
 * Takes the update lock (a file created exclusively) and returns its release. A lock left by a
 * process that is gone, or older than STALE_LOCK_MS, is taken over.
 */
export function acquireLock(path: string): () => void {
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), startedAt: new Date().toISOString() });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, mine);
      closeSync(fd);
      return () => {
        try {
          if (readFileSync(path, 'utf8') === mine) unlinkSync(path);
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new UserError(`cannot create the lock file ${path}: ${reason(e)}`, 'set MODEL_ADVISOR_CACHE_DIR to a writable folder');
    }
    const holder = readLock(path);
    if (holder && !lockIsStale(holder)) {
      throw new UserError(
        `another catalog update is running (pid ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}, since ${holder.startedAt}); the lock file is ${path}`,
        'wait for it to finish; if no update is running, delete the lock file',
      );
    }
    rmSync(path, { force: true });
  }
  throw new UserError(`another catalog update took the lock ${path} at the same moment`, 'try again');
}

function readLock(path: string): { pid: number; host?: string; startedAt: string } | undefined {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as { pid: number; host?: string; startedAt: string };
    return typeof v.pid === 'number' ? v : undefined;
  } catch {
    // Being written this instant, or garbage: the age of the file decides.
    try {
      const st = statSync(path);
      return Date.now() - st.mtimeMs > STALE_LOCK_MS ? undefined : { pid: 0, startedAt: st.mtime.toISOString() };
    } catch {
      return undefined;
    }
  }
}

function lockIsStale(l: { pid: number; host?: string; startedAt: string }): boolean {
  if (Date.now() - Date.parse(l.startedAt) > STALE_LOCK_MS) return true;
  if (l.pid > 0 && l.host === hostname()) {
    try {
      process.kill(l.pid, 0);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  return false;
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
