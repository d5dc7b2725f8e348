import type { z } from 'zod';
import { CatalogError, exitKindOf } from '../errors.js';
import { emptyCurated } from './curated.js';
import { importGenaiPrices, looksLikeGenaiPrices } from './importers/genaiprices.js';
import { importLiteLLM, looksLikeLiteLLM } from './importers/litellm.js';
import { keyEvidence } from './evidence.js';
import { duplicateKeys, unknownKeys } from './strict.js';
import { importModelsDev, looksLikeModelsDev } from './importers/modelsdev.js';
import type { ImportResult, LeftOut } from './importers/types.js';
import { buildCatalog } from './merge.js';
import { CatalogFileSchema, type Model } from './schema.js';

/**
 * A user's catalog file, layered over the bundled one: our own schema (negotiated prices, private
 * or self-hosted models), or a models.dev, LiteLLM or genai-prices file. Validated at load, with
 * errors that name the file, the entry and the field.
 */

export const MAX_USER_CATALOG_BYTES = 64 * 1024 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type UserCatalogFormat = 'model-advisor' | 'models.dev' | 'litellm' | 'genai-prices';

export interface UserCatalog {
  format: UserCatalogFormat;
  models: Model[];
  /** Entries, or fields of entries, of an imported database's file that were left out, and why. */
  leftOut: LeftOut[];
}

export function parseUserCatalog(file: string, text: string, today: Date): UserCatalog {
  if (text.length > MAX_USER_CATALOG_BYTES)
    throw new CatalogError(file, [
      `file is ${Math.round(text.length / 1048576)} MiB; the limit is ${MAX_USER_CATALOG_BYTES / 1048576} MiB`,
    ]);
  let json: unknown;
  try {
    json = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (e) {
    if (e instanceof ForbiddenKey) throw new CatalogError(file, [`key "${e.key}" is not allowed anywhere in a catalog file`]);
    throw new CatalogError(
      file,
      [`not valid JSON: ${(e as Error).message}`],
      'a catalog file is JSON: our schema (model-advisor schema catalog), a models.dev, LiteLLM or genai-prices file',
    );
  }
  const asOf = today.toISOString().slice(0, 10);
  const repeated = duplicateKeys(text);
  if (repeated.length > 0) throw new CatalogError(file, repeated, 'JSON keeps only the last of repeated keys: keep one');
  if (isOurs(json)) {
    // Read strictly: a misspelt key is an error with a suggestion, not a field silently dropped.
    const unknown = unknownKeys(json);
    if (unknown.length > 0) throw new CatalogError(file, unknown, 'model-advisor schema catalog prints the expected shape');
    const parsed = CatalogFileSchema.safeParse(json);
    if (!parsed.success)
      throw new CatalogError(file, describeIssues(parsed.error.issues, json), 'model-advisor schema catalog prints the expected shape');
    const ids = new Set<string>();
    const dupes: string[] = [];
    parsed.data.models.forEach((m, i) => {
      if (ids.has(m.id)) dupes.push(`models[${i}] (id "${m.id}"): duplicate id`);
      ids.add(m.id);
    });
    if (dupes.length > 0) throw new CatalogError(file, dupes);
    // Evidence keyed as the bundled catalog's is (who measured it), so the two compare.
    const models = parsed.data.models.map((m) => (m.benchmarks ? { ...m, benchmarks: m.benchmarks.map(keyEvidence) } : m));
    return { format: 'model-advisor', models, leftOut: [] };
  }
  let result: ImportResult;
  let format: UserCatalogFormat;
  try {
    if (looksLikeModelsDev(json)) {
      format = 'models.dev';
      result = importModelsDev(json, { asOf, source: file });
    } else if (looksLikeLiteLLM(json)) {
      format = 'litellm';
      result = importLiteLLM(json, { asOf, source: file });
    } else if (looksLikeGenaiPrices(json)) {
      format = 'genai-prices';
      result = importGenaiPrices(json, { asOf, source: file });
    } else {
      throw new CatalogError(file, [
        'not a recognised catalog: expected an object with "schemaVersion": 1 and "models": [...], a models.dev catalog/api.json, a LiteLLM cost map or a genai-prices data.json',
      ]);
    }
  } catch (e) {
    if (exitKindOf(e)) throw e;
    throw new CatalogError(file, [(e as Error).message]);
  }
  const { catalog } = buildCatalog({
    imports: [{ result, source: { id: file, name: file, url: file, capturedAt: asOf } }],
    curated: emptyCurated(),
    builtAt: asOf,
  });
  const bad = CatalogFileSchema.safeParse(catalog);
  if (!bad.success) throw new CatalogError(file, describeIssues(bad.error.issues, catalog));
  return { format, models: catalog.models, leftOut: result.leftOut ?? [] };
}

export function loadUserCatalog(file: string, readFile: (p: string) => string, today: Date): UserCatalog {
  let text: string;
  try {
    text = readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const known = ['EISDIR', 'ENOTFILE', 'EFBIG', 'EUTF8'];
    throw new CatalogError(
      file,
      [code === 'ENOENT' ? 'file not found' : known.includes(code ?? '') ? (e as Error).message : `cannot read: ${(e as Error).message}`],
      'check the path given to --catalog',
    );
  }
  return parseUserCatalog(file, text, today);
}

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function isOurs(json: unknown): boolean {
  return (
    typeof json === 'object' &&
    json !== null &&
    !Array.isArray(json) &&
    'models' in json &&
    Array.isArray((json as { models: unknown }).models) &&
    !('providers' in json)
  );
}

/** zod issues -> "models[3] (id "foo") offers[0].prices.input: expected a number >= 0". */
export function describeIssues(issues: z.core.$ZodIssue[], data: unknown): string[] {
  return issues.slice(0, 50).map((issue) => {
    const path = issue.path;
    let where = '';
    if (path[0] === 'models' && typeof path[1] === 'number') {
      const entry = (data as { models?: { id?: unknown }[] }).models?.[path[1]];
      const id = entry && typeof entry === 'object' && typeof entry.id === 'string' ? ` (id "${entry.id}")` : '';
      where = `models[${path[1]}]${id}`;
      const rest = formatPath(path.slice(2));
      return `${where}${rest ? ` field ${rest}` : ''}: ${issue.message}`;
    }
    where = formatPath(path) || '(top level)';
    return `${where}: ${issue.message}`;
  });
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}
