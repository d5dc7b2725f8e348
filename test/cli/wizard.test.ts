import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWizard, type Choice, type Prompts } from '../../src/cli/commands/wizard.js';
import { CancelledError } from '../../src/errors.js';
import { splitArgs } from '../../scripts/readme.js';
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

describe('the wizard: every flag its help lists, through the real CLI', () => {
  const base = ['wizard', '--task', 'classification', '--requests', '100k'];
  const strip = (o: any) => {
    const { equivalentCommand: _c, ...rest } = o;
    return rest;
  };
  // [flag, a value, a value the command refuses (or null for a switch)]
  const flags: [string, string | null, string | null][] = [
    ['--per', 'month', 'fortnight'],
    ['--input', '400', 'lots'],
    ['--output', '20', 'lots'],
    ['--days-per-month', '31', 'many'],
    ['--cached', '40%', '140%'],
    ['--cache-writes', '10%', 'abc'],
    ['--batch', '50%', 'abc'],
    ['--discount', '15', 'abc'],
    ['--reasoning', 'high', 'extreme'],
    ['--needs', 'json', 'telepathy'],
    ['--min-context', '200k', 'big'],
    ['--max-latency', '800ms', 'soon'],
    ['--budget', '500/month', 'cheap'],
    ['--open-weights', null, null],
    ['--providers', 'openai,google', null],
    ['--quality-floor', '50', '150'],
    ['--include-unrated', null, null],
    ['--include-deprecated', null, null],
    ['--min-evidence', '1', 'none'],
    ['--prefer', 'quality', 'fastest'],
  ];

  it.each(flags)('%s is applied as the printed command applies it, kept in that command, and validated', async (flag, value, bad) => {
    const argv = value === null ? [...base, flag] : [...base, flag, value];
    const viaWizard = await runCli([...argv, '--json']);
    expect(viaWizard.code, viaWizard.stderr).toBe(0);
    const out = json(viaWizard);
    expect(out.equivalentCommand).toContain(value === null ? flag : `${flag} ${value}`);
    // The printed command, run on its own, gives the same result: so the flag was applied.
    const direct = json(await runCli([...splitArgs(out.equivalentCommand).slice(1), '--json']));
    expect(strip(out)).toEqual(direct);
    // And the flag changed something: the result differs from the one without it.
    const without = json(await runCli([...base, '--json']));
    expect(strip(out)).not.toEqual(strip(without));
    if (bad !== null) {
      const refused = await runCli([...base, flag, bad]);
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(new RegExp(flag.replace(/-/g, '\\-')));
      expect(refused.stdout).toBe('');
    }
  });

  it('--catalog is applied and kept in the printed command', async () => {
    // Our own price for the model the bundled catalog ranks first: far dearer, so the answer moves.
    const top = json(await runCli(['wizard', '--task', 'chat', '--requests', '100k', '--json'])).recommendations[0].model;
    const file = {
      schemaVersion: 1,
      models: [
        {
          id: top.id,
          name: top.name,
          lab: top.lab,
          category: 'chat',
          offers: [{ provider: 'ours', providerModelId: top.id, reference: true, prices: { input: 900, output: 900 }, source: 'our agreement', asOf: '2026-10-01' }],
        },
      ],
    };
    const files = { 'ours.json': JSON.stringify(file) };
    const argv = ['--catalog', 'ours.json', 'wizard', '--task', 'chat', '--requests', '100k', '--json'];
    const out = json(await runCli(argv, { files }));
    expect(out.equivalentCommand).toMatch(/^model-advisor --catalog ours\.json recommend --task chat/);
    const direct = json(await runCli([...splitArgs(out.equivalentCommand).slice(1), '--json'], { files }));
    expect(strip(out)).toEqual(direct);
    const bundled = json(await runCli(argv.slice(2)));
    expect(strip(out)).not.toEqual(strip(bundled));
    const broken = await runCli(['--catalog', 'ours.json', 'wizard', '--task', 'chat', '--requests', '100k'], { files: { 'ours.json': '{' } });
    expect(broken.code).toBe(1);
  });

  it('--format json prints the JSON, as --json does', async () => {
    const a = await runCli([...base, '--format', 'json']);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(json(await runCli([...base, '--json'])));
  });

  it('a mix runs route with every flag given; --prefer, which route has not, is refused', async () => {
    const out = json(await runCli(['wizard', '--mix', 'classification=70,chat=30', '--requests', '1M', '--cached', '20%', '--json']));
    expect(out.command).toBe('route');
    expect(out.equivalentCommand).toBe('model-advisor route --mix classification=70,chat=30 --requests 1000000 --per day --cached 20%');
    expect(strip(out)).toEqual(json(await runCli([...splitArgs(out.equivalentCommand).slice(1), '--json'])));
    const r = await runCli(['wizard', '--mix', 'classification=70,chat=30', '--requests', '1M', '--prefer', 'quality']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--prefer/);
  });

  it('the table output is the printed command\'s own output, then the command', async () => {
    const wiz = await runCli(['wizard', '--mix', 'classification=80,math=20', '--requests', '1M']);
    const line = json(await runCli(['wizard', '--mix', 'classification=80,math=20', '--requests', '1M', '--json'])).equivalentCommand;
    const direct = await runCli(splitArgs(line).slice(1));
    expect(wiz.stdout.startsWith(direct.stdout)).toBe(true);
  });
});

describe('the wizard asks only what matters', () => {
  it('picking no task for a mix asks again, and a mix is not asked what matters most', async () => {
    const { ctx, output } = await testContext();
    const p = scripted(['mix', [], ['classification', 'math'], '80', ENTER, '1M', ENTER, ENTER, ENTER]);
    await runWizard(ctx, {}, p.prompts);
    expect(p.asked).toContain('Pick at least one task with the space bar, then enter');
    expect(p.asked).not.toContain('What matters most?');
    expect(output().stdout).toMatch(/Routing split/);
  });

  it('a reranker is asked for searches, and not offered vision or tools', async () => {
    const { ctx, output } = await testContext();
    const offered: string[] = [];
    const p = scripted(['task', 'reranking', ENTER, '50k', ENTER, ENTER, ENTER, ENTER]);
    const checkbox = p.prompts.checkbox.bind(p.prompts);
    p.prompts.checkbox = async (q: any) => {
      offered.push(...q.choices.map((c: any) => c.value));
      return checkbox(q);
    };
    await runWizard(ctx, {}, p.prompts);
    expect(p.asked).toContain('Searches per day');
    expect(offered).not.toContain('vision');
    expect(offered).not.toContain('tools');
    expect(output().stdout).toMatch(/--task reranking --searches 50000/);
  });
});

describe('the wizard: reranker flags and token totals', () => {
  it('--searches, --docs-per-search, --tokens-per-doc and --query-tokens are applied and kept', async () => {
    const argv = ['wizard', '--task', 'reranking', '--searches', '50k', '--docs-per-search', '20', '--tokens-per-doc', '200', '--query-tokens', '40', '--json'];
    const out = json(await runCli(argv));
    expect(out.equivalentCommand).toBe(
      'model-advisor recommend --task reranking --searches 50k --per day --docs-per-search 20 --tokens-per-doc 200 --query-tokens 40 --prefer balanced',
    );
    const { equivalentCommand: _c, ...rest } = out;
    expect(rest).toEqual(json(await runCli([...splitArgs(out.equivalentCommand).slice(1), '--json'])));
    expect(rest.workload).toMatchObject({ searches: 50000, docsPerSearch: 20, tokensPerDoc: 200, queryTokens: 40 });
  });

  it('token totals per period are not the wizard\'s: refused with the way to say it, and not in its help', async () => {
    const r = await runCli(['wizard', '--task', 'chat', '--requests', '1k', '--input-tokens', '10M']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--input-tokens/);
    expect((await runCli(['wizard', '--help'])).stdout).not.toMatch(/--input-tokens/);
  });
});
