import { describe, expect, it } from 'vitest';
import { OUTPUT_SCHEMAS } from '../../src/cli/output-schemas.js';
import { json, runCli } from '../support/cli.js';

describe('recommend', () => {
  it('--task classification --requests 1M names a small, cheap model with its evidence', async () => {
    const r = json(await runCli(['recommend', '--task', 'classification', '--requests', '1M', '--json']));
    const top = r.recommendations[0];
    expect(top.quality.evidence.length).toBeGreaterThan(0);
    for (const e of top.quality.evidence) expect(e.source).toMatch(/^https?:/);
    // Cheap: in the cheapest quarter of every model that clears the bar.
    const all = json(
      await runCli([
        'recommend',
        '--task',
        'classification',
        '--requests',
        '1M',
        '--prefer',
        'cheapest',
        '--quality-floor',
        '25',
        '--top',
        '100',
        '--json',
      ]),
    );
    const costs = all.recommendations.map((c: any) => c.perMonth).sort((a: number, b: number) => a - b);
    expect(top.perMonth).toBeLessThanOrEqual(costs[Math.floor(costs.length / 4)]);
    expect(r.workload.requests).toBe(1_000_000);
    expect(r.workload.input).toBe(300);
  });

  it('--task reranking names rerankers', async () => {
    const r = json(await runCli(['recommend', '--task', 'reranking', '--json']));
    expect(r.recommendations.length).toBeGreaterThan(0);
    const show = await Promise.all(r.recommendations.map((c: any) => runCli(['show', c.model.id, '--json'])));
    for (const s of show) expect(json(s).model.category).toBe('reranking');
  });

  it('shows the best excluded candidates and why', async () => {
    const r = json(await runCli(['recommend', '--task', 'summarization', '--needs', 'vision', '--budget', '200/month', '--json']));
    const reasons = new Set(r.excluded.map((e: any) => e.reason));
    expect(reasons.size).toBeGreaterThan(0);
    for (const e of r.excluded) expect(e.detail).toBeTruthy();
    for (const c of r.recommendations) expect(c.perMonth).toBeLessThanOrEqual(200);
  });

  it('when nothing qualifies, names the constraint to relax', async () => {
    const r = await runCli(['recommend', '--task', 'math', '--budget', '0.01/month']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/No model meets every constraint/);
    expect(r.stdout).toMatch(/raise --budget/);
    const j = json(await runCli(['recommend', '--task', 'math', '--budget', '0.01/month', '--json']));
    expect(j.recommendations).toEqual([]);
    expect(j.relax.reason).toBe('budget');
  });

  it("takes the wizard's needs: long-context, open-weights, low-latency", async () => {
    const r = json(await runCli(['recommend', '--task', 'chat', '--needs', 'long-context,open-weights', '--json']));
    expect(r.constraints.minContext).toBe(128000);
    expect(r.constraints.openWeights).toBe(true);
  });

  it.each([
    [['recommend', '--task', 'knitting'], /unknown task "knitting"/],
    [['recommend', '--task', 'chat', '--budget', 'lots'], /--budget: "lots" is not a budget/],
    [['recommend', '--task', 'chat', '--needs', 'telepathy'], /unknown capability "telepathy"/],
    [['recommend', '--task', 'chat', '--max-latency', 'soon'], /--max-latency: "soon"/],
  ])('refuses %j', async (argv, msg) => {
    const r = await runCli(argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(msg);
    expect(r.stdout).toBe('');
  });

  it('needs --task (usage error)', async () => {
    expect((await runCli(['recommend'])).code).toBe(2);
  });

  it('output matches its schema', async () => {
    const out = json(await runCli(['recommend', '--task', 'extraction', '--requests', '200k', '--json']));
    const parsed = OUTPUT_SCHEMAS.recommend!.safeParse(out);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
    expect(parsed.data).toEqual(out);
  });
});

describe('route', () => {
  it('--mix classification=80,math=20 --requests 1M: a cheap model for classification, a strong one for math, and the saving', async () => {
    const r = json(await runCli(['route', '--mix', 'classification=80,math=20', '--requests', '1M', '--json']));
    const [cls, math] = r.route.legs;
    expect(cls.task.id).toBe('classification');
    expect(cls.share).toBeCloseTo(0.8, 9);
    expect(math.model.id).not.toBe(cls.model.id);
    expect(math.quality.score).toBeGreaterThanOrEqual(math.floor);
    expect(r.route.saving.perMonth).toBeGreaterThan(0);
    expect(r.route.perMonth).toBeLessThan(r.route.allStrong.perMonth);
    const table = await runCli(['route', '--mix', 'classification=80,math=20', '--requests', '1M']);
    expect(table.stdout).toMatch(/routing saves \$[\d,.]+ a month/);
  });

  it('prices a cascade against all-strong', async () => {
    const r = json(
      await runCli([
        'route',
        '--cascade',
        'gpt-4o-mini,gpt-4o',
        '--escalate',
        '20%',
        '--requests',
        '1M',
        '--input',
        '500',
        '--output',
        '100',
        '--json',
      ]),
    );
    // 135 a day on gpt-4o-mini, plus 20% of 2250 a day on gpt-4o.
    expect(r.cascade.perDay).toBe(135 + 0.2 * 2250);
    expect(r.cascade.allStrong.perDay).toBe(2250);
    expect(r.cascade.saving.perMonth).toBeGreaterThan(0);
  });

  it.each([
    [['route', '--mix', 'classification=80,math=30'], /add up to 110/],
    [['route', '--mix', 'classification=80,knitting=20'], /unknown task "knitting"/],
    [['route', '--mix', 'classification'], /needs a positive share/],
    [['route', '--cascade', 'gpt-4o-mini,gpt-4o', '--requests', '1M', '--input', '5'], /needs --escalate/],
  ])('refuses %j', async (argv, msg) => {
    const r = await runCli(argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(msg);
  });

  it('output matches its schema', async () => {
    const out = json(await runCli(['route', '--mix', 'classification=70,summarization=20,math=10', '--requests', '1M', '--json']));
    const parsed = OUTPUT_SCHEMAS.route!.safeParse(out);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
    expect(parsed.data).toEqual(out);
  });
});

describe('an honest route', () => {
  const run = async (extra: string[] = []) =>
    JSON.parse((await runCli(['route', '--mix', 'classification=70,extraction=20,math=10', '--requests', '100k', ...extra, '--json'])).stdout);

  it('prints both baselines and its assumptions', async () => {
    const r = (await run()).route;
    expect(r.bestSingle.model).toBeTruthy();
    expect(r.allStrong.model).toBeTruthy();
    // The best-rated single model costs at least what the cheapest one clearing every bar costs.
    expect(r.bestSingle.perMonth).toBeGreaterThanOrEqual(r.allStrong.perMonth);
    expect(r.savingVsBest.perMonth).toBeGreaterThanOrEqual(r.saving.perMonth);
    // The routed total is the legs' sum, and the saving against the cheapest common model is what it says.
    const legs = r.legs.reduce((s: number, l: { perMonth: number }) => s + l.perMonth, 0);
    expect(r.perMonth).toBeCloseTo(legs, 2);
    expect(r.saving.perMonth).toBeCloseTo(r.allStrong.perMonth - r.perMonth, 2);
    expect(r.assumptions.join(' ')).toMatch(/perfect router/);
    expect(r.overhead).toBeNull();
  });

  it('prices a router and misrouted requests when asked', async () => {
    const base = (await run()).route;
    const r = (await run(['--router-cost', '0.1', '--misroute', '5%'])).route;
    // 100k requests a day for 30 days at $0.10 per 1,000.
    expect(r.overhead.routerPerMonth).toBe(300);
    expect(r.overhead.misroutePerMonth).toBeGreaterThan(0);
    expect(r.perMonth).toBeCloseTo(base.perMonth + 300 + r.overhead.misroutePerMonth, 2);
    expect(r.assumptions.join(' ')).toMatch(/5% of requests reach the wrong task's model/);
  });

  it('a cascade prices its judge and states the escalation share it assumes', async () => {
    const out = async (extra: string[]) =>
      JSON.parse((await runCli(['route', '--cascade', 'gemma-3-12b,gemini-3.1-pro-preview', '--escalate', '20%', '--task', 'chat', '--requests', '10k', ...extra, '--json'])).stdout).cascade;
    const plain = await out([]);
    const judged = await out(['--judge-cost', '0.5']);
    // 10k requests a day x 30 days x $0.50 per 1,000.
    expect(judged.perMonth).toBeCloseTo(plain.perMonth + 150, 2);
    expect(judged.qualityNote).toMatch(/assumes 20% of requests are escalated/);
  });
});

describe('what the evidence is worth', () => {
  it('recommend and route say it for a task in the same terms, and warn in text exactly when it is weak', async () => {
    for (const task of ['chat', 'translation']) {
      const rec = json(await runCli(['recommend', '--task', task, '--json']));
      const r = json(await runCli(['route', '--mix', `${task}=100`, '--json']));
      const leg = r.route.legs[0];
      // The leg's coverage is the task's, as recommend and catalog info count it.
      expect(leg.evidence.coverage).toEqual(rec.evidence.coverage);
      const weak = rec.evidence.coverage.rated * 3 < rec.evidence.coverage.able;
      if (weak) expect(leg.evidence.weak).toBe(true);
      const text = (await runCli(['route', '--mix', `${task}=100`])).stdout;
      expect(text.includes(`Weak evidence for ${task}`)).toBe(leg.evidence.weak);
      const recText = (await runCli(['recommend', '--task', task])).stdout;
      expect(recText.includes('Weak evidence:')).toBe(rec.evidence.weak);
    }
  });
});

describe('a pipeline is stages that chain, not shares that split', () => {
  it('route --pipeline embedding,reranking,rag sends every request through each stage and adds their costs', async () => {
    const r = JSON.parse((await runCli(['route', '--pipeline', 'embedding,reranking,rag', '--requests', '10k', '--json'])).stdout).route;
    expect(r.pipeline).toBe(true);
    expect(r.legs.map((l: { task: { id: string } }) => l.task.id)).toEqual(['embedding', 'reranking', 'rag']);
    for (const l of r.legs) expect(l.share).toBe(1);
    const sum = r.legs.reduce((s: number, l: { perMonth: number }) => s + l.perMonth, 0);
    expect(r.perMonth).toBeCloseTo(sum, 2);
    expect(r.assumptions[0]).toMatch(/every request passes every stage/);
    // A stage costs what that task costs for all the requests on its own.
    const rag = JSON.parse((await runCli(['cost', r.legs[2].model.id, '--requests', '10k', '--input', '2500', '--output', '300', '--json'])).stdout);
    expect(rag.results[0].perMonth).toBe(r.legs[2].perMonth);
  });

  it('--mix and --pipeline together is an error', async () => {
    const r = await runCli(['route', '--mix', 'chat=100', '--pipeline', 'embedding,rag']);
    expect(r.code).toBe(1);
  });
});
