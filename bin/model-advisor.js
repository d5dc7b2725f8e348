#!/usr/bin/env node
// @ts-check
'use strict';

/*
 * The bin, and the loader of the bundled CLI (dist/) with its V8 code cache.
 *
 * Node 20 compiles every CommonJS file from source on every start; for this CLI that parsing and
 * compiling was about a third of its own start-up time. The build (scripts/build.mjs) runs the
 * commands once and saves, next to each bundle, the code V8 compiled for it (`<file>.cache`); the
 * bundles then load through here with that cache. V8 checks a cache against the source and its own
 * version and flags, and compiles from source as usual when it does not match (another Node
 * version, say): a stale cache costs a little time and nothing else. Nothing is written at run
 * time; `npm run build` (and `prepare`, on install) makes the caches.
 *
 * The loader lives in this file rather than in a module of its own because loading one more
 * module costs about as much as the loader saves on a small bundle.
 */

const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join, sep } = require('node:path');
const { Script } = require('node:vm');

const DIST = join(__dirname, '..', 'dist') + sep;

/** @typedef {'accepted' | 'rejected' | 'missing' | 'recording'} CacheStatus */
/** @type {Map<string, { script: Script, status: CacheStatus }>} */
const loaded = new Map();
let installed = false;

/**
 * Loads the bundles under dist/ with their code caches from now on. With `record`, caches are
 * ignored and the compiled code is kept for writeCodeCaches() (the build).
 * @param {{ record?: boolean }} [options]
 */
function useCodeCache(options = {}) {
  if (installed) return;
  installed = true;
  /** @type {Record<string, (module: NodeJS.Module, filename: string) => void>} */
  const extensions = /** @type {any} */ (Module)._extensions;
  const plain = extensions['.js'];
  extensions['.js'] = (module, filename) => {
    if (!filename.startsWith(DIST) || !plain) return plain?.(module, filename);
    const source = readFileSync(filename, 'utf8');
    /** @type {Buffer | undefined} */
    let cachedData;
    if (!options.record) {
      try {
        cachedData = readFileSync(`${filename}.cache`);
      } catch {
        // No cache for this file: compile from source.
      }
    }
    // The wrapper CommonJS uses, on the same line, so positions in stack traces hold.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename, cachedData });
    /** @type {CacheStatus} */
    const status = options.record ? 'recording' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
    loaded.set(filename, { script, status });
    // The bundles call require(id) and nothing else on it.
    const req = /** @param {string} id */ (id) => module.require(id);
    script.runInThisContext().call(module.exports, module.exports, req, module, filename, dirname(filename));
  };
}

/**
 * How each bundle loaded so far was compiled, by path under dist/ (for tests and the benchmark).
 * @returns {Record<string, CacheStatus>}
 */
function codeCacheStatus() {
  return Object.fromEntries([...loaded].map(([file, { status }]) => [file.slice(DIST.length).split(sep).join('/'), status]));
}

/**
 * Writes the code compiled so far for each loaded bundle next to it (after running the commands,
 * so the functions they ran are in it, not only the top level). Returns the files written.
 * @returns {string[]}
 */
function writeCodeCaches() {
  const written = [];
  for (const [file, { script }] of loaded) {
    const tmp = `${file}.cache.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, `${file}.cache`);
    written.push(file);
  }
  return written;
}

module.exports = { useCodeCache, codeCacheStatus, writeCodeCaches };

if (require.main === module) {
  useCodeCache();
  require('../dist/cli/main.js').run();
}
