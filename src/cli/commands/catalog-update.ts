import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  buildFromUpstream,
  importCounts,
  importUpstream,
  readCuratedDir,
  UPSTREAM_IDS,
  type UpstreamId,
  type UpstreamInput,
} from '../../catalog/build.js';
import { CACHE_FILES } from '../../catalog/cache.js';
import { diffCatalogs, type CatalogDiff } from '../../catalog/diff.js';
import { serializeCatalog } from '../../catalog/jsonl.js';
import { exitKindOf, UserError } from '../../errors.js';
import { VERSION } from '../../version.js';
import type { Context } from '../context.js';
import { parseFlags, wholeNumber } from '../flags.js';
import { download, DownloadError, type Validators } from '../http.js';
import { acquireLock } from '../lock.js';
import { progressLine, type Progress } from '../progress.js';
import { MAX_READ_BYTES, readUserFile } from '../io.js';

/**
 * `catalog update`, `catalog diff` and `catalog reset`: the user's cache of a catalog rebuilt from
 * the live upstream databases (see catalog/cache.ts for where it lives). An update downloads to
 * temporary files, checks every source (it parses, its importer reads it, it yields at least
 * --min-models models and not far fewer or more than the last capture), builds with the same code
 * as `npm run catalog:build`, and renames the result into place: a failure anywhere leaves the
 * catalog in use as it was. A lock file keeps two updates (or an update and a reset) apart.
 */

export const DEFAULT_URLS: Record<UpstreamId, string> = {
  // catalog.json is api.json (the providers) plus models.dev's provider-independent records, which
  // carry its benchmark scores; the importer reads either.
  'models.dev': 'https://models.dev/catalog.json',
  litellm: 'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
  'genai-prices': 'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json',
};

/** Where a --mirror serves each source, under its base URL. */
export const MIRROR_PATHS: Record<UpstreamId, string> = {
  'models.dev': 'models.dev/api.json',
  litellm: 'litellm/model_prices_and_context_window.json',
  'genai-prices': 'genai-prices/data.json',
};

const NAMES: Record<UpstreamId, string> = {
  'models.dev': 'models.dev',
  litellm: 'LiteLLM cost map',
  'genai-prices': 'pydantic/genai-prices',
};

/** A source whose model count falls below this share of the last capture's, or rises above its multiple, is refused. */
const SHRINK_LIMIT = 0.5;
const GROWTH_LIMIT = 4;

const UPDATE_FLAGS = {
  timeout: wholeNumber(1, 3600),
  minModels: wholeNumber(0, 1_000_000),
};

export interface SourceState {
  url: string;
  validators?: Validators;
  /** When the source was last fetched or confirmed unchanged (ISO timestamp). */
  fetchedAt: string;
  bytes: number;
  models: number;
  offers: number;
}

interface CacheState {
  version: string;
  updatedAt: string;
  sources: Partial<Record<UpstreamId, SourceState>>;
}

export interface UpdateResult {
  schemaVersion: 1;
  command: 'catalog update';
  cacheDir: string;
  catalog: string;
  updatedAt: string;
  /** The catalog the diff is taken against: what commands read before this update. */
  previous: { kind: 'cached' | 'bundled'; builtAt: string | null };
  sources: {
    id: UpstreamId;
    url: string;
    status: 'downloaded' | 'not-modified' | 'file';
    bytes: number;
    models: number;
    offers: number;
    capturedAt: string;
  }[];
  models: number;
  offers: number;
  changes: CatalogDiff;
}

interface Fetched {
  id: UpstreamId;
  url: string;
  status: UpdateResult['sources'][number]['status'];
  body: Buffer;
  validators?: Validators;
}

export async function catalogUpdateCommand(
  ctx: Context,
  opts: { mirror?: string; source?: string[]; timeout?: string; minModels?: string; force?: boolean; json?: boolean; format?: string },
): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  const flags = parseFlags(UPDATE_FLAGS, opts);
  const locations = sourceLocations(opts.mirror, opts.source ?? []);
  const dir = ctx.cacheDir();
  ensureDir(dir);
  const release = acquireLock(join(dir, CACHE_FILES.lock));
  const temps: string[] = [];
  try {
    removeLeftovers(dir);
    // What commands read before this update, without --catalog layers (they are not replaced).
    const before = ctx.baseCatalog();
    const previousKind = ctx.inUse?.kind ?? 'bundled';
    const state = readState(dir);
    const now = ctx.io.now();
    const today = now.toISOString().slice(0, 10);
    const progress = progressLine<UpstreamId>(ctx);
    const checked = await downloadAndCheck(ctx, locations, state, dir, progress, {
      timeoutMs: (flags.timeout ?? 60) * 1000,
      minModels: flags.minModels ?? 100,
      force: opts.force === true,
      today,
      previousKind,
    });
    const catalog = buildUpdated(ctx, checked, now, previousKind, progress);
    const updatedAt = now.toISOString();
    const changes = diffCatalogs(before.all(), catalog.models, today);
    const put = writerInto(temps);
    putInPlace(put, dir, checked, catalog, updatedAt);
    const result: UpdateResult = {
      schemaVersion: 1,
      command: 'catalog update',
      cacheDir: dir,
      catalog: join(dir, CACHE_FILES.catalog),
      updatedAt,
      previous: { kind: previousKind, builtAt: before.builtAt ?? null },
      sources: checked.map(({ fetched, counts }) => ({
        id: fetched.id,
        url: fetched.url,
        status: fetched.status,
        bytes: fetched.body.length,
        ...counts,
        capturedAt: today,
      })),
      models: catalog.models.length,
      offers: catalog.models.reduce((n, m) => n + m.offers.length, 0),
      changes,
    };
    put(join(dir, CACHE_FILES.diff), `${JSON.stringify(diffDocument(result), null, 2)}\n`);
    if (format === 'json') return ctx.printJson(result);
    const { renderUpdate } = await import('../../render/diff.js');
    ctx.print(renderUpdate(result));
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    // A file-system error on a path (not on stdout: EPIPE is the reader's business).
    if (exitKindOf(e) === undefined && (e as NodeJS.ErrnoException).path !== undefined)
      throw new UserError(`cannot write the cache directory ${dir}: ${reason(e)}`, 'set MODEL_ADVISOR_CACHE_DIR to a writable folder');
    throw e;
  } finally {
    release();
  }
}

type Checked = { fetched: Fetched; json: unknown; counts: { models: number; offers: number } };

/** 1. Every source fetched (in parallel) and checked; any failure fails the whole update, naming each source. */
async function downloadAndCheck(
  ctx: Context,
  locations: ReturnType<typeof sourceLocations>,
  state: CacheState,
  dir: string,
  progress: ReturnType<typeof progressLine<UpstreamId>>,
  o: { timeoutMs: number; minModels: number; force: boolean; today: string; previousKind: string },
): Promise<Checked[]> {
  const results = await Promise.allSettled(
    UPSTREAM_IDS.map((id) => fetchSource(id, locations[id], state.sources[id], dir, o.timeoutMs, ctx, progress)),
  );
  progress.done();
  const failures: string[] = [];
  const checked: Checked[] = [];
  results.forEach((r, i) => {
    const id = UPSTREAM_IDS[i]!;
    if (r.status === 'rejected') {
      failures.push(`${id} (${locations[id].location}): ${reason(r.reason)}`);
      return;
    }
    try {
      checked.push(checkSource(r.value, o.today, o.minModels, o.force ? undefined : state.sources[id]));
    } catch (e) {
      failures.push(`${id} (${r.value.url}): ${reason(e)}`);
    }
  });
  if (failures.length > 0)
    throw new UserError(
      `catalog update failed, the ${o.previousKind} catalog stays in use:\n  ${failures.join('\n  ')}`,
      failures.some((f) => /fewer|more models/.test(f))
        ? '--force accepts a source whose size changed this much; --min-models lowers the floor (for a small mirror)'
        : '--source <name>=<url|file> replaces one source, --mirror <base-url> all three; --timeout <seconds> allows slower downloads',
    );
  return checked;
}

/** 2. The catalog built from the checked sources with the bundled curated data on top, as catalog:build builds it. */
function buildUpdated(
  ctx: Context,
  checked: Checked[],
  now: Date,
  previousKind: string,
  progress: ReturnType<typeof progressLine<UpstreamId>>,
): ReturnType<typeof buildFromUpstream>['catalog'] {
  const today = now.toISOString().slice(0, 10);
  const stamp = `${now.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const inputs: UpstreamInput[] = checked
    .map(({ fetched, json }) => ({
      source: {
        id: fetched.id,
        name: `${NAMES[fetched.id]} (${fetched.status === 'file' ? 'read from a file' : fetched.status === 'not-modified' ? 'unchanged at' : 'downloaded'} ${stamp})`,
        url: fetched.url,
        capturedAt: today,
      },
      json,
    }))
    // Captured the same day: the order catalog:build gives sources captured together.
    .sort((a, b) => ORDER.indexOf(a.source.id) - ORDER.indexOf(b.source.id));
  const curatedDir = join(dirname(ctx.bundledCatalogPath), 'curated');
  let curated;
  try {
    curated = readCuratedDir(curatedDir);
  } catch (e) {
    throw new UserError(`the curated data the build needs (${curatedDir}) cannot be read: ${reason(e)}`, 'reinstall model-advisor');
  }
  progress.step('building the catalog');
  try {
    return buildFromUpstream(inputs, curated).catalog;
  } catch (e) {
    throw new UserError(
      `the catalog built from these sources is not valid, the ${previousKind} catalog stays in use: ${reason(e)}`,
      'this is a bug in model-advisor or a change in a source it does not yet read: please report it; --source <name>=<file> can pin a copy of a source that worked',
    );
  } finally {
    progress.done();
  }
}

/** Writes a file by a temporary name and a rename; the temporary names are kept for cleaning up after a failure. */
function writerInto(temps: string[]): (path: string, data: string | Buffer) => void {
  return (path, data) => {
    const t = `${path}.${process.pid}.tmp`;
    temps.push(t);
    writeFileSync(t, data);
    renameSync(t, path);
  };
}

/**
 * 3. Into place: each source's body, then the catalog, then the state that describes them. A crash
 * in between leaves a whole catalog either way; a stale validator only costs a download.
 */
function putInPlace(
  put: (path: string, data: string | Buffer) => void,
  dir: string,
  checked: Checked[],
  catalog: ReturnType<typeof buildFromUpstream>['catalog'],
  updatedAt: string,
): void {
  mkdirSync(join(dir, CACHE_FILES.sources), { recursive: true });
  for (const { fetched } of checked) if (fetched.status !== 'not-modified') put(sourcePath(dir, fetched.id), fetched.body);
  put(join(dir, CACHE_FILES.catalog), serializeCatalog(catalog, { version: VERSION, updatedAt }));
  const next: CacheState = { version: VERSION, updatedAt, sources: {} };
  for (const { fetched, counts } of checked)
    next.sources[fetched.id] = {
      url: fetched.url,
      validators: fetched.validators,
      fetchedAt: updatedAt,
      bytes: fetched.body.length,
      ...counts,
    };
  put(join(dir, CACHE_FILES.state), `${JSON.stringify(next, null, 2)}\n`);
}

const ORDER: UpstreamId[] = ['genai-prices', 'models.dev', 'litellm'];

export interface DiffResult {
  schemaVersion: 1;
  command: 'catalog diff';
  updatedAt: string;
  previous: UpdateResult['previous'];
  changes: CatalogDiff;
}

function diffDocument(u: UpdateResult): DiffResult {
  return { schemaVersion: 1, command: 'catalog diff', updatedAt: u.updatedAt, previous: u.previous, changes: u.changes };
}

/** `catalog diff`: what the last update changed. */
export async function catalogDiffCommand(ctx: Context, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  const path = join(ctx.cacheDir(), CACHE_FILES.diff);
  let diff: DiffResult;
  try {
    diff = JSON.parse(readFileSync(path, 'utf8')) as DiffResult;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UserError(
        `no catalog update to compare: ${path} is not there`,
        'model-advisor catalog update fetches current prices and says what changed',
      );
    throw new UserError(`${path} cannot be read: ${reason(e)}`, 'model-advisor catalog update writes it again');
  }
  if (format === 'json') return ctx.printJson(diff);
  const { renderDiff } = await import('../../render/diff.js');
  ctx.print(renderDiff(diff.changes, diff.previous, diff.updatedAt));
}

export interface ResetResult {
  schemaVersion: 1;
  command: 'catalog reset';
  cacheDir: string;
  removed: string[];
}

/** `catalog reset`: removes what `catalog update` wrote; the bundled catalog is used again. */
export async function catalogResetCommand(ctx: Context, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  const dir = ctx.cacheDir();
  const removed: string[] = [];
  if (statSync(dir, { throwIfNoEntry: false })) {
    const release = acquireLock(join(dir, CACHE_FILES.lock));
    try {
      for (const name of [CACHE_FILES.catalog, CACHE_FILES.state, CACHE_FILES.diff, CACHE_FILES.sources]) {
        const p = join(dir, name);
        if (!statSync(p, { throwIfNoEntry: false })) continue;
        rmSync(p, { recursive: true, force: true });
        removed.push(p);
      }
    } catch (e) {
      throw new UserError(`cannot remove the cached catalog in ${dir}: ${reason(e)}`);
    } finally {
      release();
    }
    try {
      rmdirSync(dir); // only when nothing else is in it
    } catch {
      // Not empty (someone else's files) or already gone.
    }
  }
  const result: ResetResult = { schemaVersion: 1, command: 'catalog reset', cacheDir: dir, removed };
  if (format === 'json') return ctx.printJson(result);
  ctx.print(
    removed.length
      ? `removed the updated catalog from ${dir}; commands use the bundled catalog again`
      : `no updated catalog in ${dir}; commands use the bundled catalog`,
  );
}

/** Where each source is read from: the defaults, a mirror, then --source overrides. */
function sourceLocations(mirror: string | undefined, overrides: string[]): Record<UpstreamId, { location: string; file: boolean }> {
  const out = {} as Record<UpstreamId, { location: string; file: boolean }>;
  let base: URL | undefined;
  if (mirror !== undefined) {
    try {
      base = new URL(mirror.endsWith('/') ? mirror : `${mirror}/`);
    } catch {
      throw new UserError(`--mirror: "${mirror}" is not a URL`, 'for example --mirror https://mirror.example.com/llm-prices');
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new UserError(`--mirror: "${mirror}" is not an http(s) URL`);
  }
  for (const id of UPSTREAM_IDS) out[id] = { location: base ? new URL(MIRROR_PATHS[id], base).href : DEFAULT_URLS[id], file: false };
  for (const o of overrides) {
    const eq = o.indexOf('=');
    const name = eq > 0 ? o.slice(0, eq) : '';
    const value = eq > 0 ? o.slice(eq + 1) : '';
    if (!(UPSTREAM_IDS as readonly string[]).includes(name) || value === '')
      throw new UserError(
        `--source: "${o}" is not <name>=<url|file> with a name of ${UPSTREAM_IDS.join(', ')}`,
        'for example --source litellm=./model_prices_and_context_window.json',
      );
    const isUrl = /^https?:\/\//i.test(value);
    out[name as UpstreamId] = { location: isUrl ? value : resolve(value.replace(/^file:\/\//i, '')), file: !isUrl };
  }
  return out;
}

async function fetchSource(
  id: UpstreamId,
  where: { location: string; file: boolean },
  last: SourceState | undefined,
  dir: string,
  timeoutMs: number,
  ctx: Context,
  progress: Progress<UpstreamId>,
): Promise<Fetched> {
  if (where.file) {
    let text: string;
    try {
      text = readUserFile(where.location);
    } catch (e) {
      throw new DownloadError(`cannot read the file: ${reason(e)}`);
    }
    return { id, url: where.location, status: 'file', body: Buffer.from(text) };
  }
  // A conditional request only when the copy it would confirm is on disk and came from this URL.
  const kept = last?.url === where.location && last.validators ? readKept(dir, id) : undefined;
  const got = await download(where.location, {
    timeoutMs,
    maxBytes: MAX_READ_BYTES,
    validators: kept ? last!.validators : undefined,
    env: ctx.io.env,
    onProgress: (n, total) => progress.bytes(id, n, total),
  });
  if (got.notModified) {
    if (!kept) throw new DownloadError('the server answered 304 Not Modified to a request that was not conditional');
    return { id, url: where.location, status: 'not-modified', body: kept, validators: last!.validators };
  }
  return { id, url: where.location, status: 'downloaded', body: got.body, validators: got.validators };
}

/** Temporary files an update killed half-way left behind (no other update runs: we hold the lock). */
function removeLeftovers(dir: string): void {
  for (const d of [dir, join(dir, CACHE_FILES.sources)]) {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) if (/\.\d+\.tmp$/.test(n)) rmSync(join(d, n), { force: true });
  }
}

function readKept(dir: string, id: UpstreamId): Buffer | undefined {
  try {
    return readFileSync(sourcePath(dir, id));
  } catch {
    return undefined;
  }
}

function sourcePath(dir: string, id: UpstreamId): string {
  return join(dir, CACHE_FILES.sources, `${id}.json`);
}

/** Parses a source, runs its importer and checks its size; throws with the reason. */
function checkSource(
  fetched: Fetched,
  today: string,
  minModels: number,
  last: SourceState | undefined,
): { fetched: Fetched; json: unknown; counts: { models: number; offers: number } } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fetched.body));
  } catch (e) {
    throw new Error(`not valid JSON (${fetched.body.length} bytes: ${reason(e)})`);
  }
  let counts;
  try {
    counts = importCounts(importUpstream(fetched.id, json, today));
  } catch (e) {
    throw new Error(`not in the ${fetched.id} format: ${reason(e)}`);
  }
  if (counts.models < minModels)
    throw new Error(`only ${counts.models} models, fewer than the floor of ${minModels}: not a whole ${fetched.id} database`);
  if (last && last.models > 0) {
    if (counts.models < last.models * SHRINK_LIMIT)
      throw new Error(`${counts.models} models, far fewer than the ${last.models} of the last capture (${last.fetchedAt.slice(0, 10)})`);
    if (counts.models > last.models * GROWTH_LIMIT)
      throw new Error(`${counts.models} models, far more than the ${last.models} of the last capture (${last.fetchedAt.slice(0, 10)})`);
  }
  return { fetched, json, counts };
}

function readState(dir: string): CacheState {
  try {
    const s = JSON.parse(readFileSync(join(dir, CACHE_FILES.state), 'utf8')) as CacheState;
    if (typeof s === 'object' && s && typeof s.sources === 'object' && s.sources) return s;
  } catch {
    // No state (a first update) or an unreadable one: every source is downloaded in full.
  }
  return { version: VERSION, updatedAt: '', sources: {} };
}

function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const probe = join(dir, `.write-test.${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (e) {
    throw new UserError(`cannot write the cache directory ${dir}: ${reason(e)}`, 'set MODEL_ADVISOR_CACHE_DIR to a writable folder');
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
