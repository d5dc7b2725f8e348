// Run by scripts/build.mjs after bundling, in a plain `node` (the same V8 flags as the bin, or V8
// would reject the caches): runs the CLI's commands in process, then saves the code V8 compiled
// for each bundle next to it (see src/cli/boot.ts). The start-up paths that matter most run
// last, so their code is still fresh when the caches are written.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cache = require(join(__dirname, '..', 'dist', 'cli', 'boot.js'));
cache.useCodeCache({ record: true });
const { main } = require(join(__dirname, '..', 'dist', 'cli', 'main.js'));

const sink = { write() {}, isTTY: false, columns: 80 };
const io = {
  stdout: sink,
  stderr: sink,
  stdinIsTTY: false,
  // No updated catalog from the cache of whoever builds: the bundled one, as on a fresh install.
  env: { MODEL_ADVISOR_NO_STALE_WARNING: '1', NO_COLOR: '1', MODEL_ADVISOR_CACHE_DIR: join(__dirname, '..', 'dist', 'no-cache') },
  now: () => new Date(),
  readFile: (p) => require('node:fs').readFileSync(p, 'utf8'),
};

// [argv, expected exit code]
// User catalogs load the importers and zod: warm them with the test fixtures, when present.
const fixture = (name) => join(__dirname, '..', 'test', 'fixtures', name);
const withFixtures = existsSync(fixture('models.dev.json')) && existsSync(fixture('litellm.json'));
const runs = [
  [['schema', 'recommend'], 0],
  ...(withFixtures
    ? [
        [['catalog', 'validate', fixture('models.dev.json')], 0],
        [['--catalog', fixture('litellm.json'), 'show', 'gpt-4o-mini', '--json'], 0],
      ]
    : []),
  [['--help'], 0],
  [['models', '--limit', '5'], 0],
  [['models', '--category', 'reranking', '--json'], 0],
  [['show', 'gpt-4o-mini'], 0],
  [['show', 'gpt-4o-mini', '--json'], 0],
  [['catalog', 'info', '--json'], 0],
  [['cost', 'gpt-4o-mini', 'claude-3-5-haiku', '--requests', '1M', '--input', '500', '--output', '100'], 0],
  [['cost', 'gpt-4o-mini', '--input-tokens', '10M', '--json'], 0],
  [['compare', 'gpt-4o-mini', 'gpt-4o'], 0],
  [['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--format', 'markdown'], 0],
  [['recommend', '--task', 'code'], 0],
  [['recommend', '--task', 'reranking', '--budget', '1/month', '--json'], 0],
  [['route', '--mix', 'classification=80,math=20', '--requests', '1M'], 0],
  [['route', '--mix', 'classification=80,math=20', '--requests', '1M', '--json'], 0],
  ...(existsSync(join(__dirname, '..', 'test', 'fixtures', 'replay', 'generic.csv'))
    ? [
        [['replay', join(__dirname, '..', 'test', 'fixtures', 'replay', 'generic.csv'), '--on', 'gpt-4.1-mini'], 0],
        [['replay', join(__dirname, '..', 'test', 'fixtures', 'replay', 'openai-usage.json'), '--json'], 0],
      ]
    : []),
  [['show', 'gpt-4o-minii'], 1],
  [['cost', 'gpt-4o-mini', '--requests', 'lots'], 1],
  [['frobnicate'], 2],
  [['--version'], 0],
  [['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--json'], 0],
  [['recommend', '--task', 'classification', '--json'], 0],
];

(async () => {
  for (const [argv, expected] of runs) {
    const code = await main(argv, io);
    if (code !== expected) throw new Error(`model-advisor ${argv.join(' ')} exited ${code}, expected ${expected}`);
  }
  const written = cache.writeCodeCaches();
  console.log(`code caches for ${written.length} bundles`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
