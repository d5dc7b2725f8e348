import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const hasNpm = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status === 0;

// The published package: packed from a copy of the repo (so the build its prepack runs does not
// touch this checkout's dist/ while other tests use it), then installed offline into an empty
// project, as a user would install it.
describe.skipIf(!hasNpm)('a tarball install', () => {
  it('adds at most 3 packages, runs no install script, ships the licences of bundled code, and runs', { timeout: 180_000 }, () => {
    const work = mkdtempSync(join(tmpdir(), 'ma-install-'));
    const copy = join(work, 'model-advisor');
    for (const f of ['package.json', 'bin', 'src', 'scripts', 'data', 'LICENSE', 'THIRD_PARTY_DATA.md', 'tsconfig.json'])
      cpSync(join(root, f), join(copy, f), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    const before = readFileSync(join(copy, 'package.json'), 'utf8');
    const pack = spawnSync('npm', ['pack', '--pack-destination', work], { cwd: copy, encoding: 'utf8' });
    expect(pack.status, pack.stderr).toBe(0);
    // postpack put the repo's manifest back as it was.
    expect(readFileSync(join(copy, 'package.json'), 'utf8')).toBe(before);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))!;

    const project = join(work, 'project');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'package.json'), '{ "name": "p", "version": "1.0.0", "private": true }\n');
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, tgz)], { cwd: project, encoding: 'utf8' });
    expect(install.status, install.stderr).toBe(0);
    const added = Number(/added (\d+) package/.exec(install.stdout)?.[1]);
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(3);
    expect(install.stderr).not.toMatch(/install-scripts|prepare/);

    const installed = join(project, 'node_modules', 'model-advisor');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    expect(manifest.scripts?.prepare).toBeUndefined();
    expect(manifest.scripts?.postinstall).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    const licences = readFileSync(join(installed, 'dist', 'THIRD_PARTY_LICENSES.txt'), 'utf8');
    for (const name of ['commander', 'chalk', 'zod', 'cli-table3', '@inquirer/core']) expect(licences).toMatch(new RegExp(`^${name} \\d`, 'm'));
    expect(existsSync(join(installed, 'src'))).toBe(false);

    const run = spawnSync(join(project, 'node_modules', '.bin', 'model-advisor'), ['compare', 'gpt-4o-mini', 'bge-reranker-v2', '--json'], {
      encoding: 'utf8',
      env: { ...process.env, MODEL_ADVISOR_NO_STALE_WARNING: '1' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).command).toBe('compare');
  });
});
