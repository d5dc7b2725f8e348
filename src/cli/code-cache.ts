import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/**
 * V8 code cache for the bundled CLI (dist/). Node 20 compiles every CommonJS file from source on
 * every start; for this CLI that parsing and compiling is about a third of its own start-up time.
 * The build runs the commands once and saves, next to each bundle, the code V8 compiled for it
 * (`<file>.cache`); the bin loads the bundles through here with that cache. V8 checks each cache
 * against the source and its own version and flags, and compiles from source as usual when it does
 * not match (another Node version, say), so a stale cache costs a little time and nothing else.
 * Nothing is written at run time: `npm run build` (or `prepare`, on install) makes the caches.
 */

type Loader = (module: NodeJS.Module, filename: string) => void;
interface ModuleInternals {
  _extensions: Record<string, Loader>;
  _resolveFilename(request: string, parent: NodeJS.Module, isMain: boolean, options?: { paths?: string[] }): string;
  _cache: Record<string, NodeJS.Module>;
}

export type CacheStatus = 'accepted' | 'rejected' | 'missing' | 'recording';

const loaded = new Map<string, { script: Script; status: CacheStatus }>();
let installed = false;

/** dist/, where this file is built to dist/cli/code-cache.js. */
const distDir = () => join(dirname(fileURLToPath(import.meta.url)), '..') + sep;

const cacheFile = (filename: string) => `${filename}.cache`;

/**
 * Loads the bundles under dist/ with their code caches from now on. With `record`, caches are
 * ignored and the compiled code is kept for writeCodeCaches() (the build).
 */
export function useCodeCache(options: { record?: boolean } = {}): void {
  if (installed) return;
  installed = true;
  const internals = Module as unknown as ModuleInternals;
  const plain = internals._extensions['.js']!;
  const root = distDir();
  internals._extensions['.js'] = (module, filename) => {
    if (!filename.startsWith(root)) return plain(module, filename);
    const source = readFileSync(filename, 'utf8');
    let cachedData: Buffer | undefined;
    if (!options.record) {
      try {
        cachedData = readFileSync(cacheFile(filename));
      } catch {
        // No cache for this file: compile from source.
      }
    }
    // The same wrapper CommonJS uses, on the same line, so positions in stack traces hold.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename, cachedData });
    const status: CacheStatus = options.record
      ? 'recording'
      : !cachedData
        ? 'missing'
        : script.cachedDataRejected
          ? 'rejected'
          : 'accepted';
    loaded.set(filename, { script, status });
    const fn = script.runInThisContext() as (...args: unknown[]) => void;
    fn.call(module.exports, module.exports, requireFor(module, internals), module, filename, dirname(filename));
  };
}

/** The `require` a CommonJS module gets, for a module loaded here. */
function requireFor(module: NodeJS.Module, internals: ModuleInternals): NodeJS.Require {
  const req = ((id: string) => module.require(id)) as NodeJS.Require;
  req.resolve = ((request: string, options?: { paths?: string[] }) =>
    internals._resolveFilename(request, module, false, options)) as NodeJS.RequireResolve;
  req.cache = internals._cache;
  return req;
}

/** How each bundle loaded so far was compiled (for tests and the benchmark). */
export function codeCacheStatus(): Record<string, CacheStatus> {
  const root = distDir();
  return Object.fromEntries([...loaded].map(([file, { status }]) => [file.slice(root.length).split(sep).join('/'), status]));
}

/**
 * Writes the code compiled so far for each loaded bundle next to it (after running the commands,
 * so the functions they ran are in it, not only the top level). Returns the files written.
 */
export function writeCodeCaches(): string[] {
  const written: string[] = [];
  for (const [file, { script }] of loaded) {
    const tmp = `${cacheFile(file)}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile(file));
    written.push(file);
  }
  return written;
}
