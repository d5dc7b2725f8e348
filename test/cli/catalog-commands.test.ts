import { describe, expect, it } from 'vitest';
import { json, runCli } from '../support/cli.js';

describe('show', () => {
  it('finds bge-reranker-v2 as BAAI bge-reranker-v2-m3 with sourced host prices', async () => {
    const r = await runCli(['show', 'bge-reranker-v2', '--json']);
    expect(r.code).toBe(0);
    const card = json(r);
    expect(card.model.id).toBe('bge-reranker-v2-m3');
    expect(card.model.category).toBe('reranking');
    expect(card.model.lab).toBe('baai');
    expect(card.model.offers.length).toBeGreaterThan(2);
    for (const o of card.model.offers) {
      expect(o.source).toBeTruthy();
      expect(o.asOf).toMatch(/^\d{4}-\d{2}/);
    }
  });

  it("finds mistral-small-3-1 as Mistral Small 3.1 with Mistral's own price as reference", async () => {
    const r = await runCli(['show', 'mistral-small-3-1', '--json']);
    const card = json(r);
    expect(card.model.id).toBe('mistral-small-2503');
    expect(card.model.name).toBe('Mistral Small 3.1');
    expect(card.referenceOffer).toMatch(/^mistral\//);
    const ref = card.model.offers.find((o: any) => o.reference);
    expect(ref.prices).toMatchObject({ input: 0.1, output: 0.3 });
    // genai-prices files OpenRouter's price under Mistral ("Imported from OpenRouter pricing"): it is
    // OpenRouter's figure, kept with OpenRouter's offer, not a second Mistral price.
    expect(ref.alternatives ?? []).not.toContainEqual(expect.objectContaining({ source: 'genai-prices' }));
    const openrouter = card.model.offers.filter((o: any) => o.provider === 'openrouter');
    expect(openrouter.some((o: any) => [o.source, ...(o.alternatives ?? []).map((a: any) => a.source)].includes('genai-prices'))).toBe(true);
  });

  it('orders the price ladder cheapest first among plausible offers, flagged ones after', async () => {
    const card = json(await runCli(['show', 'gpt-4o-mini', '--json']));
    const offers = card.model.offers as any[];
    const firstFlagged = offers.findIndex((o) => o.flags?.some((f: any) => f.kind === 'price-deviation' || f.kind === 'free'));
    const plausible = offers.slice(0, firstFlagged);
    const blend = (o: any) => 3 * o.prices.input + o.prices.output;
    for (let i = 1; i < plausible.length; i++) expect(blend(plausible[i])).toBeGreaterThanOrEqual(blend(plausible[i - 1]));
  });

  it('prints the card as a table with the flag on the implausible gateway price', async () => {
    const r = await runCli(['show', 'gpt-4o-mini']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GPT-4o mini');
    expect(r.stdout).toContain('openai (maker)');
    expect(r.stdout).toMatch(/price-deviation xalen: input price \$0\.015 is 10x below/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('an unknown name: did you mean, exit 1, nothing on stdout', async () => {
    const r = await runCli(['show', 'gpt-4o-minii']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: unknown model "gpt-4o-minii"/);
    expect(r.stderr).toMatch(/hint: did you mean "gpt-4o-mini"/);
  });
});

describe('models', () => {
  it('filters by category and sorts by price', async () => {
    const r = json(await runCli(['models', '--category', 'reranking', '--sort', 'price', '--json', '--limit', '0']));
    expect(r.models.length).toBeGreaterThan(5);
    expect(r.models.every((m: any) => m.category === 'reranking')).toBe(true);
    expect(r.models.map((m: any) => m.id)).toContain('bge-reranker-v2-m3');
  });

  it('filters by provider, capability, context and price', async () => {
    const r = json(
      await runCli([
        'models',
        '--provider',
        'openai',
        '--capability',
        'vision,json',
        '--min-context',
        '1M',
        '--max-input-price',
        '3',
        '--json',
        '--limit',
        '0',
      ]),
    );
    expect(r.models.length).toBeGreaterThan(0);
    for (const m of r.models) {
      expect(m.contextWindow).toBeGreaterThanOrEqual(1_000_000);
      expect(m.inputPrice).toBeLessThanOrEqual(3);
    }
  });

  it('text search finds spellings from comparison sites', async () => {
    const r = json(await runCli(['models', '--search', 'gemma 3', '--json', '--limit', '0']));
    expect(r.models.map((m: any) => m.id)).toEqual(expect.arrayContaining(['gemma-3-12b-it', 'gemma-3-4b-it']));
  });

  it("prints csv and markdown: the JSON result's rows, plain numbers", async () => {
    const csv = await runCli(['list', '--category', 'embedding', '--format', 'csv', '--limit', '3']);
    expect(csv.stdout.split('\n')[0]).toBe('id,name,lab,category,context_window,input_price,output_price,per_search,price_provider,offers,open_weights,release_date,state,shutdown_on,kind');
    expect(csv.stdout.trim().split('\n')).toHaveLength(4);
    const md = await runCli(['models', '--format', 'markdown', '--limit', '2']);
    expect(md.stdout).toMatch(/^\| id \| name \| lab/);
  });

  it('rejects a bad filter value naming the flag', async () => {
    const r = await runCli(['models', '--min-context', 'lots']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--min-context: "lots" is not a quantity/);
    expect(r.stdout).toBe('');
  });
});

describe('catalog info', () => {
  it('gives sources with capture dates and counts', async () => {
    const r = json(await runCli(['catalog', 'info', '--json'], { now: new Date('2027-01-15T12:00:00Z') }));
    expect(r.sources.map((s: any) => s.id).sort()).toEqual(['genai-prices', 'litellm', 'models.dev']);
    expect(r.models).toBeGreaterThan(1000);
    expect(r.offers).toBeGreaterThan(5000);
    expect(r.byCategory.reranking).toBeGreaterThan(10);
    expect(r.stale).toBe(true);
    expect(r.flagged.priceDeviation).toBeGreaterThan(0);
  });

  it('warns on stderr, without failing, when the data is older than 90 days', async () => {
    const r = await runCli(['catalog', 'info'], { env: { MODEL_ADVISOR_NO_STALE_WARNING: undefined }, now: new Date('2027-01-15T12:00:00Z') });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the bundled prices are \d+ days old/);
    const fresh = await runCli(['catalog', 'info'], { env: { MODEL_ADVISOR_NO_STALE_WARNING: undefined }, now: new Date('2026-10-01') });
    expect(fresh.stderr).toBe('');
  });
});
