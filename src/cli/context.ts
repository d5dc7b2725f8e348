import type { ChalkInstance } from 'chalk';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CACHE_FILES, cacheDir } from '../catalog/cache.js';
import { Catalog, catalogAgeDays, type LayerChange } from '../catalog/store.js';
import { parseMeasured } from '../catalog/measured.js';
import { exitKindOf, UserError } from '../errors.js';
import { VERSION } from '../version.js';
import { colorLevel, terminalWidth, type IO } from './io.js';
import { terminalSafe } from './terminal-safe.js';

const lazyRequire = createRequire(import.meta.filename);

export const FORMATS = ['table', 'json', 'csv', 'markdown'] as const;
export type Format = (typeof FORMATS)[number];

/** Days after which the catalog's prices are called stale on stderr. */
export const STALE_AFTER_DAYS = 90;

/** An updated catalog this recent is not called stale, whatever its sources' capture dates. */
export const FRESH_UPDATE_DAYS = 30;

/** Which catalog a command read: the one `catalog update` left in the cache, or the bundled one. */
export interface CatalogInUse {
  kind: 'cached' | 'bundled';
  path: string;
  /** When the cached catalog was built (ISO timestamp). */
  updatedAt?: string;
  /** Why a cached catalog that is there was not used. */
  cacheIgnored?: string;
}

export interface GlobalOptions {
  /** --catalog files, layered in order over the bundled catalog. */
  catalog?: string[] | string;
  quiet?: boolean;
  verbose?: boolean;
  asOf?: string;
  /** Use the bundled catalog even when `catalog update` has left one in the cache. */
  bundled?: boolean;
}

/** What a command module gets: IO, styling, the catalog (loaded on first use), output helpers. */
export class Context {
  private chalk?: ChalkInstance;
  private widthCache?: number;
  private loaded?: Catalog;

  constructor(
    readonly io: IO,
    readonly globals: GlobalOptions,
    private readonly bundledPath: () => string,
  ) {}

  /** Terminal width, asked only when something is laid out (never for --json). */
  get width(): number {
    this.widthCache ??= terminalWidth(this.io);
    return this.widthCache;
  }

  /** Colours for tables; chalk loads only when something is drawn (never for --json). */
  async style(): Promise<ChalkInstance> {
    if (!this.chalk) {
      const { makeStyle } = await import('./style.js');
      this.chalk = makeStyle(colorLevel(this.io));
    }
    return this.chalk;
  }

  /**
   * The day the advice is for, YYYY-MM-DD: --as-of, else today. Lifecycle dates and dated price
   * changes are read against it.
   */
  today(): string {
    this.todayCache ??= this.computeToday();
    return this.todayCache;
  }

  private todayCache?: string;

  private computeToday(): string {
    const asOf = this.globals.asOf;
    if (asOf === undefined) return this.io.now().toISOString().slice(0, 10);
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(asOf.trim());
    const valid = d && !Number.isNaN(Date.parse(`${d[0]}T00:00:00Z`)) && new Date(`${d[0]}T00:00:00Z`).toISOString().startsWith(d[0]);
    if (!valid) throw new UserError(`--as-of must be a date as YYYY-MM-DD (got "${asOf}")`, 'for example --as-of 2026-06-30');
    return d![0];
  }

  /** A line on stderr that says how a name was understood (not a warning: nothing is wrong). */
  note(message: string): void {
    if (this.globals.quiet) return;
    this.io.stderr.write(`note: ${terminalSafe(message, false)}\n`);
  }

  /** The --catalog files, in the order given. */
  catalogFiles(): string[] {
    const c = this.globals.catalog;
    return c === undefined ? [] : Array.isArray(c) ? c : [c];
  }

  warn(message: string): void {
    if (this.globals.quiet) return;
    const label = colorLevel(this.io, 'stderr') ? '\u001b[33mwarning:\u001b[39m' : 'warning:';
    this.io.stderr.write(`${label} ${terminalSafe(message, false)}\n`);
  }

  /** The folder `catalog update` writes to (see catalog/cache.ts). */
  cacheDir(): string {
    return cacheDir(
      this.io.env,
      process.platform,
      () => this.io.env.HOME || (lazyRequire('node:os') as typeof import('node:os')).homedir(),
    );
  }

  get bundledCatalogPath(): string {
    return this.bundledPath();
  }

  /** Set by catalog(): which catalog the command reads. */
  inUse?: CatalogInUse;

  /**
   * The updated catalog from the cache when there is a usable one (not with --bundled); a damaged
   * one, or one another version wrote, is passed over with a warning.
   */
  private cachedCatalog(): Catalog | undefined {
    if (this.globals.bundled) return undefined;
    const path = join(this.cacheDir(), CACHE_FILES.catalog);
    let cached: Catalog | undefined;
    try {
      cached = Catalog.fromCache(path);
    } catch (e) {
      if (exitKindOf(e) !== 'user') throw e;
      this.inUse = { kind: 'bundled', path: this.bundledPath(), cacheIgnored: (e as Error).message };
      this.warn(`${(e as Error).message}; using the bundled catalog (model-advisor catalog update rebuilds it)`);
      return undefined;
    }
    if (!cached) return undefined;
    const stamp = cached.update;
    if (stamp?.version !== VERSION) {
      const why = `the updated catalog in ${path} was built by model-advisor ${stamp?.version ?? 'of another version'}, not ${VERSION}`;
      this.inUse = { kind: 'bundled', path: this.bundledPath(), cacheIgnored: why };
      this.warn(`${why}; using the bundled catalog (model-advisor catalog update rebuilds it for this version)`);
      return undefined;
    }
    this.inUse = { kind: 'cached', path, updatedAt: stamp.updatedAt };
    return cached;
  }

  private base?: Catalog;

  /** The catalog commands read before any --catalog layers: the updated one, else the bundled one. */
  baseCatalog(): Catalog {
    this.base ??= this.cachedCatalog() ?? Catalog.fromFile(this.bundledPath());
    this.inUse ??= { kind: 'bundled', path: this.bundledPath() };
    return this.base;
  }

  async catalog(): Promise<Catalog> {
    if (this.loaded) return this.loaded;
    let catalog = this.baseCatalog();
    const inUse = this.inUse!;
    const files = this.catalogFiles();
    if (files.length > 0) {
      // The importers and zod load only when a user catalog is layered.
      const { loadUserCatalog } = await import('../catalog/user.js');
      for (const file of files) {
        const user = loadUserCatalog(file, this.io.readFile, this.io.now());
        if (user.leftOut.length > 0)
          this.warn(`${file}: ${countOf(user.leftOut.length, 'entry', 'entries')} or fields left out (model-advisor catalog validate ${file} lists them)`);
        const changes: LayerChange[] = [];
        catalog = catalog.layer(user.models, file, { strictIds: user.format === 'model-advisor', onChange: (c) => changes.push(c) });
        this.reportLayer(file, changes);
      }
    }
    const age = catalogAgeDays(catalog.sources, this.io.now());
    const updatedDaysAgo = inUse.updatedAt ? (this.io.now().getTime() - Date.parse(inUse.updatedAt)) / 86_400_000 : undefined;
    const freshUpdate = updatedDaysAgo !== undefined && updatedDaysAgo <= FRESH_UPDATE_DAYS;
    if (age !== undefined && age > STALE_AFTER_DAYS && !freshUpdate && !this.io.env.MODEL_ADVISOR_NO_STALE_WARNING) {
      const newest = catalog.sources
        .map((s) => s.capturedAt)
        .sort()
        .at(-1);
      const which = inUse.kind === 'cached' ? 'updated' : 'bundled';
      this.warn(
        `the ${which} prices are ${age} days old (newest source captured ${newest}); model-advisor catalog update fetches current ones`,
      );
    }
    this.useMeasuredLatency(catalog);
    this.loaded = catalog;
    return catalog;
  }

  /** The latency `latency probe` measured on the user's account, when there is any (see catalog/measured.ts). */
  private useMeasuredLatency(catalog: Catalog): void {
    const path = join(this.cacheDir(), CACHE_FILES.measured);
    let text: string;
    try {
      text = this.io.readFile(path);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return; // none measured yet
      this.warn(`${path}: ${(e as Error).message}; latency measured on your account is not used`);
      return;
    }
    try {
      catalog.useMeasuredLatency(parseMeasured(text));
    } catch (e) {
      this.warn(`${path}: ${(e as Error).message}; latency measured on your account is not used (model-advisor latency probe rewrites it)`);
    }
  }

  /**
   * What a --catalog file changed: with --verbose, each entry; else one line when it overrides
   * bundled models (a file that only adds models changes nothing a user already relied on).
   */
  private reportLayer(file: string, changes: LayerChange[]): void {
    if (this.globals.verbose) {
      for (const c of changes) this.note(describeChange(c));
      return;
    }
    const overriding = changes.filter((c) => !c.added);
    if (overriding.length === 0) return;
    const names = overriding.slice(0, 3).map((c) => c.id).join(', ') + (overriding.length > 3 ? ', ...' : '');
    this.note(`${file} overrides ${countOf(overriding.length, 'bundled model', 'bundled models')} (${names}); --verbose lists what it changes`);
  }

  /** Output format from --json / --format, checked against what the command can print. */
  format(opts: { json?: boolean; format?: string }, allowed: readonly Format[] = FORMATS): Format {
    if (opts.json) return 'json';
    const f = (opts.format ?? 'table').toLowerCase();
    if (!(allowed as readonly string[]).includes(f))
      throw new UserError(`--format must be one of ${allowed.join(', ')} (got "${opts.format}")`);
    return f as Format;
  }

  /** Text for people (tables, csv, markdown): made terminal-safe at this one boundary. */
  print(text: string): void {
    const safe = terminalSafe(text, colorLevel(this.io) === 1);
    this.io.stdout.write(safe.endsWith('\n') ? safe : `${safe}\n`);
  }

  /** One JSON document; characters JSON leaves raw but a terminal acts on (C1, bidi) are \u-escaped: same value. */
  printJson(value: unknown): void {
    const text = JSON.stringify(value, null, 2).replace(
      /[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    this.io.stdout.write(`${text}\n`);
  }
}

const countOf = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "acme.json: gpt-4o-mini: sets name, lab; replaces the openai offer; adds the self-hosted offer". */
export function describeChange(c: LayerChange): string {
  if (c.added) return `${c.file}: adds ${c.id}${c.addedOffers.length ? ` (offers: ${c.addedOffers.join(', ')})` : ''}`;
  const parts: string[] = [];
  if (c.fields.length) parts.push(`sets ${c.fields.join(', ')}`);
  if (c.replacedOffers.length) parts.push(`replaces the offer${c.replacedOffers.length > 1 ? 's' : ''} of ${c.replacedOffers.join(', ')}`);
  if (c.addedOffers.length) parts.push(`adds offer${c.addedOffers.length > 1 ? 's' : ''} from ${c.addedOffers.join(', ')}`);
  return `${c.file}: ${c.id}: ${parts.length ? parts.join('; ') : 'no change'}`;
}
