import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { Module } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { Script } from 'node:vm';

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
 * The checksum each cache ends with: FNV-1a over the cache's 32-bit little-endian words (the last
 * one zero-padded), then over its length. It catches the damaged bytes V8 would run: a changed word
 * changes every later state (each step is a bijection of the state), so any one damaged word is
 * always caught.
 *
 * It runs as a 92-byte WebAssembly function (HASH_WASM; the instructions are spelled out in
 * test/unit/boot.test.ts, which rebuilds the bytes from them): about 1 ms per MB of cache, plus half a
 * millisecond to compile it once. zlib's native CRC-32 costs 3 to 4 ms per command to load (zlib
 * loads Node's streams, which a command writing to a pipe or file otherwise never loads), and the
 * same loop in JavaScript runs interpreted at 2.4 ms for main.js's cache alone. Where WebAssembly
 * is not available (node --jitless), the same function runs in JavaScript (checksumInJs).
 */
export function checksum(buf: Uint8Array): number {
  const h = hasher();
  if (!h) return checksumInJs(buf);
  const padded = (buf.length + 3) & ~3;
  if (h.memory.buffer.byteLength < padded) h.memory.grow(Math.ceil((padded - h.memory.buffer.byteLength) / 65536));
  const mem = new Uint8Array(h.memory.buffer, 0, padded);
  mem.set(buf);
  mem.fill(0, buf.length);
  return finish(h.words(padded), buf.length);
}

/** The same checksum in JavaScript (for a Node without WebAssembly, and as the tests' reference). */
export function checksumInJs(buf: Uint8Array): number {
  let x = FNV_OFFSET;
  const whole = buf.length & ~3;
  for (let i = 0; i < whole; i += 4) x = Math.imul(x ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24)), FNV_PRIME);
  if (whole < buf.length) {
    let last = 0;
    for (let i = whole; i < buf.length; i++) last |= buf[i]! << (8 * (i - whole));
    x = Math.imul(x ^ last, FNV_PRIME);
  }
  return finish(x, buf.length);
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const finish = (x: number, length: number) => Math.imul(x ^ length, FNV_PRIME) >>> 0;

/**
 * (module (memory (export "m") 0)
 *   (func (export "h") (param $n i32) (result i32): FNV-1a of the words in memory[0, $n), $n a
 *   multiple of 4, from FNV_OFFSET with FNV_PRIME.
 */
export const HASH_WASM =
  'AGFzbQEAAAABBgFgAX8BfwMCAQAFAwEAAAcJAgFtAgABaAAACjYBNAECf0HFu/KIeCECAkADQCABIABPDQEgAiABKAIAc0GTg4AIbCECIAFBBGohAQwACwsgAgs=';

let compiled: { memory: WebAssembly.Memory; words: (n: number) => number } | null | undefined;
function hasher(): typeof compiled {
  if (compiled !== undefined) return compiled;
  try {
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(HASH_WASM, 'base64')));
    compiled = { memory: exports.m as WebAssembly.Memory, words: exports.h as (n: number) => number };
  } catch {
    compiled = null;
  }
  return compiled;
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
