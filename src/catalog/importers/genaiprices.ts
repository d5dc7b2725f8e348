import type { PriceTier, Prices } from '../schema.js';
import { stripUndefined } from './modelsdev.js';
import { badPriceFields, categoryFromName, cleanPrice, isOutOfScopeModality, isPrice, isRecord, skip, type ImportOptions, type ImportResult } from './types.js';

/**
 * Reads pydantic/genai-prices' data.json: a list of providers with models whose `prices` is one
 * price set or a history of `{ constraint, prices }`. Units: USD per 1M tokens, per 1000 requests.
 * A tiered price `{ base, tiers: [{ start, price }] }` bills the whole request at the tier price
 * once its input crosses `start`.
 */

const PROVIDERS: Record<string, string> = {
  aws: 'amazon-bedrock',
  fireworks: 'fireworks-ai',
  novita: 'novita-ai',
  together: 'togetherai',
  voyageai: 'voyage',
  'x-ai': 'xai',
};

export function looksLikeGenaiPrices(json: unknown): boolean {
  return Array.isArray(json) && json.some((p) => isRecord(p) && Array.isArray(p.models) && typeof p.id === 'string');
}

export function importGenaiPrices(json: unknown, opts: ImportOptions): ImportResult {
  const source = opts.source ?? 'genai-prices';
  const result: ImportResult = { models: [], offers: [], skipped: {} };
  if (!Array.isArray(json)) throw new TypeError('genai-prices data must be a JSON array of providers');
  for (const p of json) {
    if (!isRecord(p) || typeof p.id !== 'string' || !Array.isArray(p.models)) continue;
    // Hugging Face inference providers appear as huggingface_<host>; keep the host visible.
    const provider = PROVIDERS[p.id] ?? p.id.replace(/_/g, '-');
    for (const m of p.models) {
      if (!isRecord(m) || typeof m.id !== 'string') {
        skip(result, 'genai-prices: not a model entry (an object with "id")', `${p.id}/${isRecord(m) ? String(m.id) : '?'}`);
        continue;
      }
      const entry = `${p.id}/${m.id}`;
      if (m.id.startsWith('ft:')) {
        skip(result, 'genai-prices: fine-tuned model price', entry);
        continue;
      }
      const picked = currentPrices(m.prices, opts.asOf);
      if (!picked) {
        skip(result, 'genai-prices: no current price', entry);
        continue;
      }
      if (
        (picked.prices.output_image_mtok !== undefined && picked.prices.output_mtok === undefined) ||
        isOutOfScopeModality(undefined, undefined, m.id)
      ) {
        skip(result, 'genai-prices: image/audio/video model', entry);
        continue;
      }
      badPriceFields(result, entry, picked.prices, (k) => k.endsWith('_mtok') || k === 'requests_kcount', readable, 'prices.');
      const prices = readPrices(picked.prices);
      const comment = typeof m.price_comments === 'string' ? m.price_comments : undefined;
      // "Imported from OpenRouter pricing": the figure is that seller's, not the provider's it is
      // filed under (OpenAI does not serve gpt-oss): the offer is made the seller's.
      const importedFrom = comment ? IMPORTED_FROM.exec(comment)?.[1]?.toLowerCase().replace(/\s+/g, '-') : undefined;
      const seller = importedFrom && importedFrom !== provider ? importedFrom : undefined;
      const history = priceHistory(m.prices);
      result.offers.push({
        source,
        // The date the figure was true: the day a dated price list took effect, else the capture.
        asOf: picked.from ?? opts.asOf,
        provider: seller ?? provider,
        providerName: seller ? undefined : typeof p.name === 'string' ? p.name : undefined,
        providerModelId: seller ? `${labPrefix(provider)}${m.id}` : m.id,
        category: categoryFromName(m.id),
        prices,
        history,
        spec: stripUndefined({
          name: typeof m.name === 'string' ? m.name : undefined,
          contextWindow: typeof m.context_window === 'number' ? m.context_window : undefined,
          deprecated: m.deprecated === true ? true : undefined,
        }),
        note: [seller ? `genai-prices files this under ${provider}: ${comment}` : comment, picked.note].filter(Boolean).join(' ') || undefined,
      });
    }
  }
  return result;
}

const IMPORTED_FROM = /imported from ([A-Za-z][\w .-]*?) pricing/i;

/** OpenRouter names a model `<maker>/<id>`: the route's id at the seller it was imported from. */
function labPrefix(provider: string): string {
  return provider === 'x-ai' || provider === 'xai' ? 'x-ai/' : `${provider}/`;
}

/**
 * Every dated price list (start_date constraints), oldest first, with the undated one as the list
 * before the first change; undefined when the model has no dated change.
 */
function priceHistory(v: unknown): { from?: string; prices: Prices }[] | undefined {
  if (!Array.isArray(v)) return undefined;
  const entries = v.filter(isRecord);
  const dated = entries
    .filter((e) => isRecord(e.constraint) && typeof e.constraint.start_date === 'string' && isRecord(e.prices))
    .map((e) => ({ from: (e.constraint as { start_date: string }).start_date.slice(0, 10), prices: readPrices(e.prices as Record<string, unknown>) }))
    .sort((a, b) => (a.from < b.from ? -1 : 1));
  if (dated.length === 0) return undefined;
  const base = entries.find((e) => !isRecord(e.constraint) && isRecord(e.prices));
  return [...(base ? [{ prices: readPrices(base.prices as Record<string, unknown>) }] : []), ...dated];
}

/**
 * The price set in force on `asOf`. Of dated entries, the latest that has started; time-of-day
 * entries (DeepSeek's off-peak discount) yield the dearer, standard price, with a note.
 */
function currentPrices(v: unknown, asOf: string): { prices: Record<string, unknown>; note?: string; from?: string } | undefined {
  if (isRecord(v)) return { prices: v };
  if (!Array.isArray(v)) return undefined;
  const entries = v.filter(isRecord);
  const dated = entries.filter((e) => isRecord(e.constraint) && typeof e.constraint.start_date === 'string');
  const timed = entries.filter((e) => isRecord(e.constraint) && typeof e.constraint.start_time === 'string');
  const plain = entries.filter((e) => !isRecord(e.constraint));
  const started = dated
    .filter((e) => (e.constraint as { start_date: string }).start_date <= asOf)
    .sort((a, b) => ((a.constraint as { start_date: string }).start_date < (b.constraint as { start_date: string }).start_date ? 1 : -1));
  if (started[0] && isRecord(started[0].prices))
    return { prices: started[0].prices, from: (started[0].constraint as { start_date: string }).start_date.slice(0, 10) };
  if (timed.length > 0) {
    const all = [...plain, ...timed].filter((e) => isRecord(e.prices));
    const dearest = all.sort((a, b) => inputOf(b) - inputOf(a))[0];
    if (dearest)
      return { prices: dearest.prices as Record<string, unknown>, note: 'time-of-day pricing: a cheaper off-peak price also exists' };
  }
  const first = plain[0];
  return first && isRecord(first.prices) ? { prices: first.prices } : undefined;
}

function inputOf(e: Record<string, unknown>): number {
  const p = e.prices;
  if (!isRecord(p)) return 0;
  const i = p.input_mtok;
  if (typeof i === 'number') return i;
  if (isRecord(i) && typeof i.base === 'number') return i.base;
  return 0;
}

interface Tiered {
  base: number;
  tiers: { start: number; price: number }[];
}

/** A price as genai-prices writes one: a number, or a base with tiers by context size. */
function readable(v: unknown): boolean {
  return isPrice(v) || (isRecord(v) && isPrice(v.base) && Array.isArray(v.tiers) && v.tiers.every((t) => isRecord(t) && isPrice(t.start) && isPrice(t.price)));
}

function read(v: unknown): { base?: number; tiers?: Tiered['tiers'] } {
  if (!readable(v)) return {};
  if (isPrice(v)) return { base: cleanPrice(v) };
  if (isRecord(v) && typeof v.base === 'number' && Array.isArray(v.tiers)) {
    const tiers = v.tiers
      .filter((t): t is { start: number; price: number } => isRecord(t) && typeof t.start === 'number' && typeof t.price === 'number')
      .map((t) => ({ start: t.start, price: cleanPrice(t.price) }));
    return { base: cleanPrice(v.base), tiers };
  }
  return {};
}

function readPrices(p: Record<string, unknown>): Prices {
  const input = read(p.input_mtok);
  const output = read(p.output_mtok);
  const cacheRead = read(p.cache_read_mtok);
  const cacheWrite = read(p.cache_write_mtok);
  const prices: Prices = {
    input: input.base,
    output: output.base,
    cacheRead: cacheRead.base,
    cacheWrite: cacheWrite.base,
    perRequest: typeof p.requests_kcount === 'number' ? Number((p.requests_kcount / 1000).toPrecision(12)) : undefined,
  };
  const starts = new Set<number>();
  for (const x of [input, output, cacheRead, cacheWrite]) for (const t of x.tiers ?? []) starts.add(t.start);
  if (starts.size > 0) {
    const tierAt = (x: { tiers?: Tiered['tiers'] }, start: number) => x.tiers?.find((t) => t.start === start)?.price;
    prices.tiers = [...starts]
      .sort((a, b) => a - b)
      .map((start): PriceTier =>
        stripUndefined({
          above: start,
          input: tierAt(input, start),
          output: tierAt(output, start),
          cacheRead: tierAt(cacheRead, start),
          cacheWrite: tierAt(cacheWrite, start),
        }),
      );
  }
  return stripUndefined(prices);
}
