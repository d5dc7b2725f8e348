import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const hasBash = spawnSync('bash', ['--version']).status === 0;

describe('completion', () => {
  it.skipIf(!hasBash)('bash: completes commands, flags, flag values, subcommands and model ids', async () => {
    const r = await runCli(['completion', 'bash']);
    expect(r.code).toBe(0);
    const file = join(mkdtempSync(join(tmpdir(), 'ma-completion-')), 'c.bash');
    writeFileSync(file, r.stdout);
    const complete = (line: string) => {
      const words = line.split(' ');
      const script = `source ${file}; COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _model_advisor; printf '%s\\n' "\${COMPREPLY[@]}"`;
      const out = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      return out.stdout.trim().split('\n').filter(Boolean);
    };
    expect(complete('model-advisor com')).toEqual(['compare', 'completion']);
    expect(complete('model-advisor compare gpt-4o-mi')).toContain('gpt-4o-mini');
    expect(complete('model-advisor recommend --task cla')).toEqual(['classification']);
    expect(complete('model-advisor cost --re')).toEqual(expect.arrayContaining(['--requests', '--reasoning']));
    expect(complete('model-advisor cost gpt-4o --per mo')).toEqual(['month']);
    expect(complete('model-advisor catalog up')).toEqual(['update']);
    expect(complete('model-advisor models --format c')).toEqual(['csv']);
    expect(complete('model-advisor --catalog x.json show bge-reranker-v2-')).toContain('bge-reranker-v2-m3');
  });

  it('zsh uses the bash script through bashcompinit; fish gets its own, model ids included', async () => {
    const zsh = await runCli(['completion', 'zsh']);
    expect(zsh.stdout).toMatch(/^#compdef model-advisor/);
    expect(zsh.stdout).toMatch(/bashcompinit/);
    expect(zsh.stdout).toMatch(/complete -o default -F _model_advisor model-advisor/);
    const fish = await runCli(['completion', 'fish']);
    expect(fish.code).toBe(0);
    expect(fish.stdout).toMatch(/complete -c model-advisor -n __fish_use_subcommand -a '.*compare.*'/);
    expect(fish.stdout).toMatch(/-l task -r -a '.*classification.*'/);
    expect(fish.stdout).toMatch(/'gpt-4o-mini'/);
  });

  it('an unknown shell is an error with the usage', async () => {
    const r = await runCli(['completion', 'tcsh']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bash, zsh, fish/);
  });
});
