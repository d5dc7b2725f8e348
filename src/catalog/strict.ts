import { editDistance } from './names.js';
import {
  BenchmarkSchema,
  CapabilitiesSchema,
  CatalogFileSchema,
  LatencySchema,
  LifecycleSchema,
  ModelSchema,
  NotesSchema,
  OfferSchema,
  ParametersSchema,
  PricesSchema,
  PriceTierSchema,
  ReasoningTokensSchema,
  ServedAsSchema,
} from './schema.js';

/**
 * Keys a catalog file in our format may hold, per place. The schema itself strips unknown keys; a
 * person's file is read strictly instead, so a misspelt "inptu" is an error that suggests "input",
 * not a price silently dropped.
 */
const keys = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape);

const PLACES: Record<string, string[]> = {
  top: keys(CatalogFileSchema),
  model: keys(ModelSchema),
  offer: keys(OfferSchema),
  prices: keys(PricesSchema),
  tier: keys(PriceTierSchema),
  capabilities: keys(CapabilitiesSchema),
  benchmark: keys(BenchmarkSchema),
  latency: keys(LatencySchema),
  lifecycle: keys(LifecycleSchema),
  parameters: keys(ParametersSchema),
  notes: keys(NotesSchema),
  reasoning: keys(ReasoningTokensSchema),
  servedAs: keys(ServedAsSchema),
};

export function unknownKeys(json: unknown): string[] {
  const out: string[] = [];
  const check = (value: unknown, place: keyof typeof PLACES, where: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const allowed = PLACES[place]!;
    for (const k of Object.keys(value)) {
      if (allowed.includes(k)) continue;
      const near = allowed
        .map((a) => ({ a, d: editDistance(k.toLowerCase(), a.toLowerCase()) }))
        .sort((x, y) => x.d - y.d)[0];
      out.push(`${where}: unknown key "${k}"${near && near.d <= 3 ? ` (did you mean "${near.a}"?)` : ''}`);
    }
  };
  const each = (list: unknown, place: keyof typeof PLACES, where: string) => {
    if (Array.isArray(list)) list.forEach((x, i) => check(x, place, `${where}[${i}]`));
  };
  check(json, 'top', '(top level)');
  const models = (json as { models?: unknown[] }).models;
  if (!Array.isArray(models)) return out;
  models.forEach((m, i) => {
    if (typeof m !== 'object' || m === null) return;
    const mm = m as Record<string, unknown>;
    const at = `models[${i}]${typeof mm.id === 'string' ? ` (id "${mm.id}")` : ''}`;
    check(m, 'model', at);
    check(mm.capabilities, 'capabilities', `${at} capabilities`);
    check(mm.parameters, 'parameters', `${at} parameters`);
    check(mm.notes, 'notes', `${at} notes`);
    check(mm.lifecycle, 'lifecycle', `${at} lifecycle`);
    each(mm.benchmarks, 'benchmark', `${at} benchmarks`);
    each(mm.latency, 'latency', `${at} latency`);
    each(mm.reasoningTokens, 'reasoning', `${at} reasoningTokens`);
    each(mm.servedAs, 'servedAs', `${at} servedAs`);
    if (Array.isArray(mm.offers))
      mm.offers.forEach((o, j) => {
        if (typeof o !== 'object' || o === null) return;
        const oo = o as Record<string, unknown>;
        check(o, 'offer', `${at} offers[${j}]`);
        check(oo.prices, 'prices', `${at} offers[${j}].prices`);
        check(oo.lifecycle, 'lifecycle', `${at} offers[${j}].lifecycle`);
        const tiers = (oo.prices as { tiers?: unknown } | undefined)?.tiers;
        each(tiers, 'tier', `${at} offers[${j}].prices.tiers`);
      });
  });
  return out;
}

/**
 * Keys a JSON text repeats within one object (JSON.parse keeps the last silently). A scan of the
 * text: strings, and the keys seen at each open object.
 */
export function duplicateKeys(text: string, limit = 20): string[] {
  const out: string[] = [];
  const stack: { object: boolean; keys: Set<string>; expectKey: boolean }[] = [];
  for (let i = 0; i < text.length && out.length < limit; i++) {
    const c = text[i];
    if (c === '{') stack.push({ object: true, keys: new Set(), expectKey: true });
    else if (c === '[') stack.push({ object: false, keys: new Set(), expectKey: false });
    else if (c === '}' || c === ']') stack.pop();
    else if (c === ',') {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = true;
    } else if (c === '"') {
      let j = i + 1;
      let s = '';
      while (j < text.length && text[j] !== '"') {
        if (text[j] === '\\') {
          s += text.slice(j, j + 2);
          j += 2;
        } else s += text[j++];
      }
      const top = stack.at(-1);
      if (top?.object && top.expectKey) {
        if (top.keys.has(s)) out.push(`key "${s}" appears twice in one object (at character ${i})`);
        top.keys.add(s);
        top.expectKey = false;
      }
      i = j;
    }
  }
  return out;
}
