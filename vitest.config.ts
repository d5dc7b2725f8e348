import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // No test reads the cache of the person running them: commands see no updated catalog unless a
    // test points MODEL_ADVISOR_CACHE_DIR at one of its own.
    env: { MODEL_ADVISOR_CACHE_DIR: join(tmpdir(), 'model-advisor-tests-no-cache') },
  },
});
