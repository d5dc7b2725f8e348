import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { IO } from '../../src/cli/io.js';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** The update in process, with stderr a terminal or not. */
async function update(stderrIsTTY: boolean, litellmUrl: string, cache: string) {
  let stdout = '';
  let stderr = '';
  const io: IO = {
    stdout: { write: (s) => void (stdout += s), isTTY: false },
    stderr: { write: (s) => void (stderr += s), isTTY: stderrIsTTY },
    stdinIsTTY: false,
    env: { MODEL_ADVISOR_CACHE_DIR: cache, MODEL_ADVISOR_NO_STALE_WARNING: '1' },
    now: () => new Date(),
    readFile: (p) => readFileSync(p, 'utf8'),
  };
  const code = await main(
    [
      'catalog',
      'update',
      '--min-models',
      '1',
      '--source',
      `models.dev=${join(FIXTURES, 'models.dev.json')}`,
      '--source',
      `genai-prices=${join(FIXTURES, 'genai-prices.json')}`,
      '--source',
      `litellm=${litellmUrl}`,
    ],
    io,
  );
  return { code, stdout, stderr };
}

describe('catalog update progress', () => {
  it('draws bytes per source and the build step on stderr at a terminal, and clears the line; nothing otherwise', async () => {
    const body = readFileSync(join(FIXTURES, 'litellm.json'));
    const server = createServer((_, res) => res.end(body));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/litellm.json`;
    const cache = mkdtempSync(join(tmpdir(), 'model-advisor-progress-'));
    try {
      const tty = await update(true, url, cache);
      expect(tty.code, tty.stderr).toBe(0);
      expect(tty.stderr).toContain(`downloading: litellm ${Math.round(body.length / 1024)} kB`);
      expect(tty.stderr).toContain('building the catalog...');
      expect(tty.stderr.endsWith('\r\u001b[2K')).toBe(true);
      expect(tty.stdout).toMatch(/^Updated the catalog: /);
      const pipe = await update(false, url, cache);
      expect(pipe.code).toBe(0);
      expect(pipe.stderr).toBe('');
    } finally {
      server.close();
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('the stale-price warning', () => {
  it('names the command that fixes it', async () => {
    const { runCli } = await import('../support/cli.js');
    const r = await runCli(['cost', 'gpt-4o-mini', '--input-tokens', '1M', '--json'], {
      env: { MODEL_ADVISOR_NO_STALE_WARNING: undefined },
      now: new Date('2027-03-01T12:00:00Z'),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the bundled prices are \d+ days old .*; model-advisor catalog update fetches current ones/);
  });
});
