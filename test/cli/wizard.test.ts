import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWizard, type Choice, type Prompts } from '../../src/cli/commands/wizard.js';
import { CancelledError } from '../../src/errors.js';
import { json, runCli, testContext } from '../support/cli.js';

type Answer = string | string[] | typeof ENTER | typeof CTRL_C;
const ENTER = Symbol('enter');
const CTRL_C = Symbol('ctrl-c');

/**
 * A scripted person: answers each question from the list (ENTER takes the default), re-answers
 * when validation refuses (as a person retyping), and records what was asked and refused.
 */
function scripted(answers: Answer[]) {
  const asked: string[] = [];
  const refused: string[] = [];
  const next = (message: string): Answer => {
    asked.push(message);
    if (answers.length === 0) throw new Error(`unexpected question: ${message}`);
    const a = answers.shift()!;
    if (a === CTRL_C) throw Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    return a;
  };
  const prompts: Prompts = {
    async select<T>(q: { message: string; choices: Choice<T>[]; default?: T }) {
      const a = next(q.message);
      if (a === ENTER) return q.default ?? q.choices[0]!.value;
      const hit = q.choices.find((c) => String(c.value) === a);
      if (!hit) throw new Error(`no choice ${String(a)} in ${q.message}`);
      return hit.value;
    },
    async checkbox<T>(q: { message: string; choices: Choice<T>[] }) {
      const a = next(q.message);
      if (a === ENTER) return q.choices.filter((c) => c.checked).map((c) => c.value);
      return q.choices.filter((c) => (a as string[]).includes(String(c.value))).map((c) => c.value);
    },
    async input(q: { message: string; default?: string; validate?: (v: string) => true | string }) {
      for (;;) {
        const a = next(q.message);
        const v = a === ENTER ? (q.default ?? '') : (a as string);
        const ok = q.validate ? q.validate(v) : true;
        if (ok === true) return v;
        refused.push(ok);
      }
    },
  };
  return { prompts, asked, refused };
}

describe('the wizard, with scripted answers', () => {
  it('Enter throughout gives a useful recommendation and the equivalent command, which reproduces it', async () => {
    const { ctx, output } = await testContext();
    const p = scripted(Array(20).fill(ENTER));
    await runWizard(ctx, {}, p.prompts);
    const { stdout } = output();
    expect(p.asked).toEqual([
      'What is the work?',
      'Which task?',
      'Volume per',
      'Requests per day',
      'Input tokens per request',
      'Output tokens per request',
      'What does it need? (space to pick, enter for none)',
      'Budget (e.g. 500/month; empty for none)',
      'What matters most?',
      'Providers you can use (comma-separated; empty for any)',
    ]);
    expect(stdout).toMatch(/Task: classification/);
    // The command is broken before flags with the shell's continuation, to fit the terminal; it pastes as one line.
    expect(stdout.replace(/ \\\n +/g, ' ')).toMatch(
      /Run this again without the questions:\n {2}model-advisor recommend --task classification --requests 10000 --per day --input 300 --output 10 --prefer balanced/,
    );
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    const again = json(
      await runCli([
        'recommend',
        '--task',
        'classification',
        '--requests',
        '10000',
        '--per',
        'day',
        '--input',
        '300',
        '--output',
        '10',
        '--prefer',
        'balanced',
        '--json',
      ]),
    );
    const { ctx: ctx2, output: out2 } = await testContext();
    await runWizard(ctx2, { json: true }, scripted(Array(20).fill(ENTER)).prompts);
    const viaWizard = JSON.parse(out2().stdout);
    expect(viaWizard.recommendations).toEqual(again.recommendations);
    expect(viaWizard.equivalentCommand).toMatch(/^model-advisor recommend --task classification/);
  });

  it('validates answers with the same rules and messages as the flags', async () => {
    const { ctx } = await testContext();
    const p = scripted([
      'task',
      'extraction',
      'month',
      '10X',
      '-5',
      '2M',
      ENTER,
      ENTER,
      ['json', 'vision'],
      'lots',
      '900/month',
      'cheapest',
      'openai,google',
    ]);
    await runWizard(ctx, {}, p.prompts);
    expect(p.refused).toEqual([
      expect.stringMatching(/^--requests: "10X" is not a quantity; use 1\.5k, 10M/),
      expect.stringMatching(/^--requests: "-5" is not a quantity/),
      expect.stringMatching(/^--budget: "lots" is not a budget/),
    ]);
  });

  it('a mix: asks the shares and prints the routing split and a route command', async () => {
    const { ctx, output } = await testContext();
    const p = scripted(['mix', ['classification', 'math'], '80', ENTER, '1M', ENTER, ENTER, ENTER, ENTER]);
    await runWizard(ctx, {}, p.prompts);
    const { stdout } = output();
    expect(p.asked).toContain('Share of requests for classification (percent, 100 left)');
    expect(stdout).toMatch(/Routing split/);
    expect(stdout.replace(/ \\\n +/g, ' ')).toMatch(/model-advisor route --mix classification=80,math=20 --requests 1000000 --per day/);
  });

  it('flags skip their questions', async () => {
    const { ctx } = await testContext();
    const p = scripted([ENTER, ENTER]);
    await runWizard(
      ctx,
      { task: 'code', requests: '50k', per: 'day', input: '2000', output: '800', needs: 'tools', budget: '' },
      p.prompts,
    );
    expect(p.asked).toEqual(['What matters most?', 'Providers you can use (comma-separated; empty for any)']);
  });

  it('Ctrl-C at a prompt cancels quietly', async () => {
    const { ctx, output } = await testContext();
    await expect(runWizard(ctx, {}, scripted([ENTER, CTRL_C]).prompts)).rejects.toBeInstanceOf(CancelledError);
    expect(output().stdout).toBe('');
  });
});

describe('the wizard without a terminal', () => {
  it('exits with an error listing the flags to use, and never waits for input', async () => {
    const r = await runCli(['wizard']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not a terminal/);
    expect(r.stderr).toMatch(/--task <task> \(or --mix task=share,\.\.\.\) --requests <n>/);
  });

  it('no arguments without a terminal is a usage error, not the wizard', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(2);
  });

  it('with --task and --requests it answers, taking defaults for the rest', async () => {
    const r = await runCli(['wizard', '--task', 'summarization', '--requests', '100k', '--json']);
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.command).toBe('recommend');
    expect(out.equivalentCommand).toBe(
      'model-advisor recommend --task summarization --requests 100000 --per day --input 3000 --output 300 --prefer balanced',
    );
  });
});

describe('@inquirer/prompts loads only when the wizard runs', () => {
  it('is not in the bundles a compare or recommend run loads', () => {
    const dist = join(__dirname, '..', '..', 'dist', 'cli');
    for (const f of ['main.js', 'commands/compare.js', 'commands/recommend.js', 'commands/cost.js']) {
      expect(readFileSync(join(dist, f), 'utf8'), f).not.toMatch(/ExitPromptError|@inquirer/);
    }
    expect(readFileSync(join(dist, 'commands', 'wizard.js'), 'utf8')).toMatch(/ExitPromptError/);
  });
});
