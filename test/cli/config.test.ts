import { describe, expect, it } from 'vitest';
import { json, runCli } from '../support/cli.js';

const XDG = '/nonexistent-xdg';
const at = (values: unknown) => ({
  env: { XDG_CONFIG_HOME: XDG, HOME: '/nonexistent-home' },
  files: { [`${XDG}/model-advisor/config.json`]: typeof values === 'string' ? values : JSON.stringify(values) },
});
const cost = ['cost', 'gpt-4o-mini', '--requests', '1M', '--input', '500', '--output', '100', '--json'];

describe('the config file', () => {
  it('sets defaults for long flags by camelCase name, as the flags would', async () => {
    const viaConfig = json(await runCli(cost, at({ discount: 15, daysPerMonth: 31, per: 'month' })));
    const viaFlags = json(await runCli([...cost, '--discount', '15', '--days-per-month', '31', '--per', 'month'], at({})));
    expect(viaConfig).toEqual(viaFlags);
    expect(viaConfig.workload.discount).toBe(0.15);
  });

  it('a flag on the line wins over the config, a repeatable one too', async () => {
    const r = json(await runCli([...cost, '--discount', '0'], at({ discount: 15 })));
    expect(r.workload.discount).toBe(0);
    const files = {
      ...at({ catalog: 'a.json' }).files,
      'a.json': JSON.stringify({ schemaVersion: 1, models: [] }),
      'b.json': '{',
    };
    // The config's catalog is read; --catalog on the line replaces it (b.json is broken: exit 1 proves it was read).
    expect((await runCli(cost, { ...at({}), files })).code).toBe(0);
    expect((await runCli(['--catalog', 'b.json', ...cost], { ...at({}), files })).code).toBe(1);
  });

  it('a list becomes the comma-separated flag value; "catalog" names a file of custom prices', async () => {
    const prices = {
      schemaVersion: 1,
      models: [
        {
          id: 'gpt-4o-mini',
          name: 'GPT-4o mini',
          lab: 'openai',
          category: 'chat',
          offers: [{ provider: 'openai', providerModelId: 'gpt-4o-mini', reference: true, prices: { input: 0.1, output: 0.4 }, source: 'our agreement', asOf: '2026-10-01' }],
        },
      ],
    };
    const o = at({ catalog: 'ours.json', providers: ['openai', 'anthropic'] });
    const files = { ...o.files, 'ours.json': JSON.stringify(prices) };
    const r = json(await runCli(cost, { ...o, files }));
    expect(r.results[0].offer.prices.input).toBe(0.1);
    const rec = json(await runCli(['recommend', '--task', 'chat', '--json'], { ...o, files }));
    expect(rec.constraints.providers).toEqual(['openai', 'anthropic']);
  });

  it('is validated like the flags: bad values, choices, types and unknown names are errors naming the file and key', async () => {
    const bad = await runCli(cost.slice(0, -1), at({ discount: 'lots' }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--discount/);
    const choice = await runCli(cost, at({ per: 'fortnight' }));
    expect(choice.code).toBe(1);
    expect(choice.stderr).toMatch(/config .*config\.json: "per" \(--per\) must be one of day, week, month, year/);
    const type = await runCli(cost, at({ discount: { value: 15 } }));
    expect(type.code).toBe(1);
    expect(type.stderr).toMatch(/"discount" \(--discount\) takes a string or a number/);
    const unknown = await runCli(cost, at({ dayspermonth: 30 }));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no flag is called "dayspermonth"/);
    expect(unknown.stderr).toMatch(/did you mean "daysPerMonth"/);
    const notJson = await runCli(cost, at('{"discount": 1'));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/not JSON/);
  });

  it('a key another command takes is left alone by this one', async () => {
    const r = await runCli(cost, at({ top: 3, quiet: true }));
    expect(r.code).toBe(0);
  });

  it('MODEL_ADVISOR_CONFIG names the file, and must exist', async () => {
    const files = { '/tmp/team.json': JSON.stringify({ discount: 10 }) };
    const r = json(await runCli(cost, { env: { MODEL_ADVISOR_CONFIG: '/tmp/team.json' }, files }));
    expect(r.workload.discount).toBe(0.1);
    const missing = await runCli(cost, { env: { MODEL_ADVISOR_CONFIG: '/nonexistent/team.json' } });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the config file/);
  });

  it('model-advisor config shows the file and what it sets', async () => {
    const r = await runCli(['config', '--json'], at({ discount: 15, providers: ['openai'] }));
    expect(r.code).toBe(0);
    const out = json(r);
    expect(out.path).toBe(`${XDG}/model-advisor/config.json`);
    expect(out.exists).toBe(true);
    expect(out.settings).toEqual([
      { key: 'discount', flag: '--discount', value: 15, commands: expect.arrayContaining(['cost', 'compare']) },
      { key: 'providers', flag: '--providers', value: ['openai'], commands: expect.arrayContaining(['recommend', 'route']) },
    ]);
    const text = (await runCli(['config'], at({ discount: 15 }))).stdout;
    expect(text).toMatch(/discount = 15 {2}\(--discount; cost, compare/);
    const none = await runCli(['config'], { env: { XDG_CONFIG_HOME: XDG } });
    expect(none.stdout).toMatch(/none there/);
  });
});
