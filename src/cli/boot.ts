import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as Module from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * The built entry the bin loads: it starts the CLI with the bundles under dist/ loading through
 * their V8 code cache.
 *
 * Node 20 compiles every CommonJS file from source on every start; for this CLI that parsing and
 * compiling was about a third of its own start-up time. The build (scripts/build.mjs) runs the
 * commands once and saves, next to each bundle, the code V8 compiled for it (`<file>.cache`); the
 * bundles then load through here with that cache. V8 checks a cache against the source and its own
 * version and flags, and compiles from source as usual when it does not match (another Node
 * version, say): a stale cache costs a little time and nothing else. Nothing is written at run
 * time; `npm run build` (and `prepare`, on install) makes the caches.
 *
 * This file runs only as its CommonJS build, dist/cli/boot.js (hence __dirname).
 */

/** dist/, with a trailing separator. */
const DIST = join(__dirname, '..') + sep;

export type CacheStatus = 'accepted' | 'rejected' | 'missing' | 'stale' | 'corrupt' | 'recording';

/**
 * CRC-32 of the cache, by zlib (native, in every Node the package supports): under half a
 * millisecond for the caches a command loads, where a JavaScript hash ran interpreted for 4 to 5 ms
 * before V8 optimised it. It catches the damaged bytes V8 would run.
 */
export function checksum(buf: Buffer): number {
  return crc32(buf) >>> 0;
}

type Loader = (module: NodeJS.Module, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;

const loaded = new Map<string, { script: Script; status: CacheStatus }>();
let installed = false;

/** Runs the CLI on the process's argv. */
export function start(): void {
  useCodeCache();
  (require('./main.js') as typeof import('./main.js')).run();
}

/**
 * Loads the bundles under dist/ with their code caches from now on. With `record`, caches are
 * ignored and the compiled code is kept for writeCodeCaches() (the build).
 */
export function useCodeCache(options: { record?: boolean } = {}): void {
  if (installed) return;
  installed = true;
  const plain = extensions['.js']!;
  extensions['.js'] = (module, filename) => {
    if (!filename.startsWith(DIST)) return plain(module, filename);
    const source = readFileSync(filename, 'utf8');
    let cachedData: Buffer | undefined;
    let stale = false;
    let corrupt = false;
    if (!options.record) {
      try {
        // V8 checks a cache against the source's length, not its text: a bundle changed after the
        // build (by hand, say) must not run with code compiled from the old one.
        stale = statSync(`${filename}.cache`).mtimeMs < statSync(filename).mtimeMs;
        if (!stale) {
          // V8 does not verify a cache's payload: flipped bytes can crash it. Each cache ends with a
          // checksum of itself; one that does not match is not used.
          const file = readFileSync(`${filename}.cache`);
          const body = file.subarray(0, file.length - 4);
          if (file.length > 4 && file.readUInt32LE(file.length - 4) === checksum(body)) cachedData = body;
          else corrupt = true;
        }
      } catch {
        // No cache for this file: compile from source.
      }
    }
    // The wrapper CommonJS uses, on the same line, so positions in stack traces hold.
    // A cache carries the name of the script it was recorded from, and V8 keeps that name when it
    // uses the cache: record under a name relative to the package, so no build machine's path ships
    // (stack traces then say model-advisor/dist/cli/main.js, the same on every machine).
    const name = options.record ? `model-advisor/dist/${filename.slice(DIST.length).split(sep).join('/')}` : filename;
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: name, cachedData });
    const status: CacheStatus = options.record
      ? 'recording'
      : stale
        ? 'stale'
        : corrupt
          ? 'corrupt'
          : !cachedData
          ? 'missing'
          : script.cachedDataRejected
            ? 'rejected'
            : 'accepted';
    loaded.set(filename, { script, status });
    // The bundles call require(id) and nothing else on it.
    const req = (id: string) => module.require(id);
    (script.runInThisContext() as (...args: unknown[]) => void).call(
      module.exports,
      module.exports,
      req,
      module,
      filename,
      dirname(filename),
    );
  };
}

/** How each bundle loaded so far was compiled, by path under dist/ (for tests and the benchmark). */
export function codeCacheStatus(): Record<string, CacheStatus> {
  return Object.fromEntries([...loaded].map(([file, { status }]) => [file.slice(DIST.length).split(sep).join('/'), status]));
}

/**
 * Writes the code compiled so far for each loaded bundle next to it (after running the commands,
 * so the functions they ran are in it, not only the top level). Returns the files written.
 */
export function writeCodeCaches(): string[] {
  const written: string[] = [];
  for (const [file, { script }] of loaded) {
    const tmp = `${file}.cache.${process.pid}.tmp`;
    const data = script.createCachedData();
    const sum = Buffer.alloc(4);
    sum.writeUInt32LE(checksum(data));
    writeFileSync(tmp, Buffer.concat([data, sum]));
    renameSync(tmp, `${file}.cache`);
    written.push(file);
  }
  return written;
}
