import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { CatalogError, UnknownModelError, UserError } from '../errors.js';
import { buildNameIndex, CATEGORY_LETTER, NameIndex, type CatalogHeader, type NamesLine } from './jsonl.js';
import { fromView, type RankingView } from './views.js';
import { listed, type ListedModel } from '../core/list.js';
import { packCoverage, packedTaskCoverage, type PackedCoverage } from './recent.js';
import type { CatalogSummary } from './summary.js';
import { unpackRow, type ListingIndex, type ListingRow } from './listing.js';
import { candidateKeys, editDistance, modelKey } from './names.js';
import { CAUTIOUS_TODAY, stateOf } from '../core/lifecycle.js';
import type { CapturedSource, Latency, Model, Offer } from './schema.js';

export interface Resolved {
  model: Model;
  /** The provider named in the query (`openai/gpt-4o-mini`, `openai:gpt-4o-mini`), if any. */
  provider?: string;
  /** How a name that is not the model's own id was understood: a moving alias or a family name. */
  via?: { query: string; kind: 'alias' | 'line'; reason: string; others: string[] };
}

/** Longest name "did you mean" compares (edit distance is quadratic in the length). */
const MAX_SUGGEST_QUERY = 80;

/**
 * The catalog in memory. Built from the bundled JSON-lines file, models are parsed on first use,
 * so answering for two models costs two small JSON.parse calls.
 */
export class Catalog {
  private readonly cache: (Model | undefined)[];
  private nameIndex?: NameIndex;
  private idList?: string[];
  private providerSet?: Set<string>;
  private file?: { fd: number; size: number; path: string };

  private constructor(
    private readonly header: CatalogHeader,
    private bytes: Buffer | undefined,
    models: Model[] | undefined,
    /** Files layered over the bundled catalog, for `catalog info`. */
    readonly layers: string[] = [],
    /** The ids and name index, for a catalog built in memory (a file's are read when first used). */
    private namesLine?: NamesLine,
  ) {
    this.cache = models ? [...models] : new Array(header.offsets.length);
  }

  /**
   * The bundled catalog from its file, reading only the header now and each line when first used
   * (a command about two models reads a few kilobytes, not the whole file).
   */
  static fromFile(path: string, cached = false): Catalog {
    const damaged = cached ? damagedCache(path) : damagedBundle;
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      throw damaged(`it cannot be opened (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const size = fstatSync(fd).size;
    let chunk = Buffer.allocUnsafe(Math.min(size, 64 * 1024));
    let got = readSync(fd, chunk, 0, chunk.length, 0);
    let nl = chunk.subarray(0, got).indexOf(10);
    while (nl < 0 && got < size) {
      const bigger = Buffer.allocUnsafe(Math.min(size, chunk.length * 2));
      chunk.copy(bigger, 0, 0, got);
      got += readSync(fd, bigger, got, bigger.length - got, got);
      chunk = bigger;
      nl = chunk.subarray(0, got).indexOf(10);
    }
    const c = new Catalog(
      checkHeader(parseLine(chunk.toString('utf8', 0, nl < 0 ? got : nl), 'header', damaged), damaged),
      undefined,
      undefined,
    );
    if ((c as unknown as { header: CatalogHeader }).header.modelsEnd > size)
      throw damaged(`it ends at byte ${size}, before its models do (${c.header.modelsEnd})`);
    // An updated catalog is written whole and renamed into place; its last line must be there.
    if (cached && c.header.names[1] + 1 !== size) throw damaged(`it is ${size} bytes, its header says ${c.header.names[1] + 1}`);
    c.file = { fd, size, path };
    c.damaged = damaged;
    return c;
  }

  /**
   * The catalog `catalog update` left in the cache, or undefined when there is none. A file that is
   * there but damaged throws (a UserError saying so).
   */
  static fromCache(path: string): Catalog | undefined {
    if (!statSync(path, { throwIfNoEntry: false })) return undefined;
    return Catalog.fromFile(path, true);
  }

  private damaged: (why: string) => UserError = damagedBundle;

  /** The update that built this catalog; undefined for the bundled one. */
  get update(): CatalogHeader['update'] {
    return this.header.update;
  }

  /** The bundled catalog's bytes: only the header is decoded now, each line when first used. */
  static fromJsonl(data: Buffer | string): Catalog {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const nl = bytes.indexOf(10);
    return new Catalog(
      checkHeader(parseLine(bytes.toString('utf8', 0, nl < 0 ? bytes.length : nl), 'header', damagedBundle), damagedBundle),
      bytes,
      undefined,
    );
  }

  static fromModels(models: Model[], meta: Partial<CatalogHeader> = {}, layers: string[] = []): Catalog {
    const header: CatalogHeader = {
      schemaVersion: 1,
      builtAt: meta.builtAt,
      sources: meta.sources,
      stats: meta.stats,
      offsets: models.map((_, i) => i),
      modelsEnd: 0,
      names: [0, 0],
      categories: models.map((m) => CATEGORY_LETTER[m.category]).join(''),
      rated: models.flatMap((m, i) => (m.benchmarks?.length ? [i] : [])),
    };
    const names = { ids: models.map((m) => m.id).join('\n'), names: NameIndex.fromRecord(buildNameIndex(models)).textForm };
    return new Catalog(header, undefined, models, layers, names);
  }

  /** Bytes [start, end) of the file. */
  private readBytes(start: number, end: number): Buffer {
    if (this.bytes) return this.bytes.subarray(start, end);
    if (!this.file) throw new Error('catalog file is closed');
    const buf = Buffer.allocUnsafe(end - start);
    readSync(this.file.fd, buf, 0, buf.length, start);
    return buf;
  }

  /** Bytes [start, end) of the file, decoded. */
  private read(start: number, end: number): string {
    if (this.bytes) return this.bytes.toString('utf8', start, end);
    if (!this.file) throw new Error('catalog file is closed');
    const buf = Buffer.allocUnsafe(end - start);
    readSync(this.file.fd, buf, 0, buf.length, start);
    return buf.toString('utf8');
  }

  private names(): NamesLine {
    this.namesLine ??= parseLine(this.read(...this.header.names), 'names line', this.damaged) as NamesLine;
    return this.namesLine;
  }

  private get index(): NameIndex {
    this.nameIndex ??= new NameIndex(this.names().names);
    return this.nameIndex;
  }

  get size(): number {
    return this.cache.length;
  }

  private ids(): string[] {
    this.idList ??= this.names().ids.split('\n');
    return this.idList;
  }

  get sources(): CapturedSource[] {
    return this.header.sources ?? [];
  }

  /** Each model's category as a letter (c, e, r, m), in catalog order, when the file records them. */
  get categoryLetters(): string | undefined {
    return this.header.categories;
  }

  get builtAt(): string | undefined {
    return this.header.builtAt;
  }

  get stats(): Record<string, unknown> {
    return this.header.stats ?? {};
  }

  at(i: number): Model {
    let m = this.cache[i];
    if (m) return m;
    const start = this.header.offsets[i];
    if (start === undefined || (!this.bytes && !this.file)) throw new Error(`model ${i} is not loaded`);
    // A line ends where the next begins (the newline before it).
    m = this.withMeasured(
      parseLine(this.read(start, (this.header.offsets[i + 1] ?? this.header.modelsEnd) - 1), `model line ${i + 2}`, this.damaged) as Model,
    );
    this.cache[i] = m;
    return m;
  }

  all(): Model[] {
    // Everything is wanted: one read of the whole file beats a read per line.
    if (this.bytes === undefined && this.file) {
      this.bytes = readFileSync(this.file.path);
      closeSync(this.file.fd);
      this.file = undefined;
    }
    const out: Model[] = new Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.at(i);
    return out;
  }

  /**
   * The models of one category; with `ratedOnly`, just those with benchmark evidence (parsing only
   * them), plus how many unrated ones were left unparsed.
   */
  modelsOf(category: Model['category'], ratedOnly: boolean): { models: Model[]; unrated: number } {
    const letter = CATEGORY_LETTER[category];
    const cats = this.header.categories;
    const rated = this.header.rated;
    if (!ratedOnly || cats === undefined || rated === undefined) {
      const models = this.all().filter((m) => m.category === category);
      return {
        models: ratedOnly ? models.filter((m) => m.benchmarks?.length) : models,
        unrated: ratedOnly ? models.filter((m) => !m.benchmarks?.length).length : 0,
      };
    }
    const models = rated.filter((i) => cats[i] === letter).map((i) => this.at(i));
    return { models, unrated: countOf(cats, letter) - models.length };
  }

  /**
   * Ranking views of the rated models of a category (see RankingView), read from their own line
   * without parsing the models' full lines; undefined when the catalog has none (a layered one).
   */
  rankingViews(
    category: Model['category'],
    today?: string,
  ): { models: Model[]; unrated: number; dropped: Partial<Record<'retired' | 'not-a-model', number>> } | undefined {
    const letter = CATEGORY_LETTER[category];
    const range = this.header.views?.[letter];
    const cats = this.header.categories;
    if (!range || !cats || (!this.file && !this.bytes)) return undefined;
    // Views leave out what was retired by the build date: a day before it needs the full lines.
    if (today && this.header.builtAt && today < this.header.builtAt) return undefined;
    const views = parseLine(this.read(...range), 'ranking views', this.damaged) as RankingView[];
    this.viewIndex ??= new Map();
    for (const v of views) this.viewIndex.set(v.id, v.i);
    const dropped = this.header.viewsDropped?.[letter] ?? {};
    const left = (dropped.retired ?? 0) + (dropped['not-a-model'] ?? 0);
    const table = this.header.viewBenchmarks;
    return {
      models: views.map((v) => this.withMeasured(fromView(v, table))),
      unrated: countOf(cats, letter) - views.length - left,
      dropped,
    };
  }

  private viewIndex?: Map<string, number>;

  private measured?: Map<string, Latency[]>;

  /**
   * Latency measured on the user's account (`latency probe`), put before every published figure
   * of the model, for every command that reads it from now on.
   */
  useMeasuredLatency(entries: (Latency & { model: string })[]): void {
    if (entries.length === 0) return;
    this.measured = new Map();
    for (const { model, ...l } of entries) this.measured.set(model, [...(this.measured.get(model) ?? []), l]);
    for (let i = 0; i < this.cache.length; i++) {
      const m = this.cache[i];
      if (m) this.cache[i] = this.withMeasured(m);
    }
  }

  private withMeasured<M extends Model>(m: M): M {
    const mine = this.measured?.get(m.id);
    if (!mine) return m;
    return { ...m, latency: [...mine, ...(m.latency ?? []).filter((l) => l.kind !== 'your-account')] };
  }

  /**
   * What `catalog info` counts, from the summary line; undefined when the file has none or a
   * measurement of the user's own (`latency probe`) changes it (then summarize every model);
   * `evidenceOnly` reads it for its quality-evidence counts, which such a measurement leaves alone.
   */
  summaryLine(evidenceOnly = false): CatalogSummary | undefined {
    const range = this.header.summary;
    // The user's own latency figures change the latency counts, not the quality evidence's.
    if (range && range[1] > range[0] && (evidenceOnly || !this.measured) && (this.file || this.bytes))
      return parseLine(this.read(...range), 'summary line', this.damaged) as CatalogSummary;
    return undefined;
  }

  /**
   * Of the major makers' recent models that can do a chat-type task, how many are rated for it from
   * 2+ independent benchmarks (catalog info's count), from the packed coverage line, or the summary
   * line in a catalog written before it; null when the file has neither or the task is not chat-type.
   */
  taskCoverage(task: string, today: string): { rated: number; able: number } | null {
    const range = this.header.coverage;
    if (range && range[1] > range[0] && (this.file || this.bytes))
      return packedTaskCoverage(parseLine(this.read(...range), 'coverage line', this.damaged) as PackedCoverage, task, today);
    const summary = this.summaryLine(true);
    return summary ? packedTaskCoverage(packCoverage(summary.candidates, summary.chatTasks), task, today) : null;
  }

  /** Every model as `models` lists and filters it: from the listing line when the file has one. */
  listing(): ListedModel[] {
    const range = this.header.listing;
    if (!range || (!this.file && !this.bytes)) return this.all().map(listed);
    const index = this.listingIndex();
    const rows = parseLine(this.read(...range), 'listing line', this.damaged) as unknown[];
    // A catalog written before the rows were packed holds the entries as they are.
    if (!index) return rows as ListedModel[];
    if (rows.length !== index.o.length - 1) throw this.damaged('its listing line does not match its index');
    return (rows as ListingRow[]).map((r) => unpackRow(r, index.p));
  }

  private listingIndexLine?: ListingIndex | null;

  /** The listing's index (see listing.ts), or undefined for a catalog without one. */
  listingIndex(): ListingIndex | undefined {
    if (this.listingIndexLine === undefined) {
      const range = this.header.listingIndex;
      this.listingIndexLine =
        range && range[1] > range[0] && this.header.listing && (this.file || this.bytes)
          ? (parseLine(this.read(...range), 'listing index line', this.damaged) as ListingIndex)
          : null;
    }
    return this.listingIndexLine ?? undefined;
  }

  /** The list entries of the given rows (catalog order), parsing only their bytes of the listing line. */
  listedRows(rows: number[]): ListedModel[] {
    const index = this.listingIndex();
    if (!index) {
      const all = this.listing();
      return rows.map((i) => all[i]!);
    }
    if (rows.length === 0) return [];
    const base = this.header.listing![0];
    const first = Math.min(...rows);
    const last = Math.max(...rows);
    // One read from the first row asked to the end of the last, then each row from its bytes.
    const span = this.readBytes(base + index.o[first]!, base + index.o[last + 1]! - 1);
    const at = index.o[first]!;
    return rows.map((i) => {
      const text = span.toString('utf8', index.o[i]! - at, index.o[i + 1]! - 1 - at);
      return unpackRow(parseLine(text, 'listing line', this.damaged) as ListingRow, index.p);
    });
  }

  /** The full model behind an id (after ranking views, whose line numbers are known). */
  byId(id: string): Model | undefined {
    const i = this.viewIndex?.get(id) ?? this.ids().indexOf(id);
    return i >= 0 ? this.at(i) : undefined;
  }

  providers(): Set<string> {
    if (!this.providerSet) {
      this.providerSet = new Set();
      for (const m of this.all()) for (const o of m.offers) this.providerSet.add(o.provider);
    }
    return this.providerSet;
  }

  /** The model a person means by `query`, or undefined; `today` (YYYY-MM-DD) for the lifecycle. */
  find(query: string, today = CAUTIOUS_TODAY): Resolved | undefined {
    const q = query.trim();
    if (q === '') return undefined;
    const found = this.findExact(q);
    // A bare family name whose old id is retired (gemini-pro) means the family's current model.
    if (found && !/\d/.test(q) && !found.provider && stateOf(found.model.lifecycle, today, found.model.deprecated).state === 'retired')
      return this.line(q, today, found.model) ?? found;
    if (found) return withAlias(found, q);
    return this.line(q, today);
  }

  /** Only a model's own names (id, aliases, provider-qualified): never a family guess. */
  findExact(q: string): Resolved | undefined {
    const qualified = /^([a-z0-9][a-z0-9.-]*)[:/](.+)$/i.exec(q);
    // `openai:gpt-4o-mini`, `azure/gpt-4o-mini`: a provider and the model it sells.
    if (qualified) {
      const provider = qualified[1]!.toLowerCase();
      const rest = this.lookup(qualified[2]!);
      if (rest && this.isProvider(provider, rest)) return { model: rest, provider };
    }
    // Otherwise the whole string may be an alias (OpenRouter ids look like `mistralai/...`).
    const direct = this.lookup(q);
    if (direct) return { model: direct };
    if (qualified) {
      const rest = this.lookup(qualified[2]!);
      if (rest) return { model: rest };
    }
    return undefined;
  }

  /**
   * A family name (`claude`, `sonnet`, `gemini-flash`): the newest model of that line its maker
   * still serves. Candidates are the models whose id holds the name's words in order; the maker's
   * own, active before preview, fewest other words, newest release, most offers win.
   */
  private line(q: string, today: string, retiredExact?: Model): Resolved | undefined {
    const words = modelKey(q).split('-').filter(Boolean);
    if (words.length === 0 || words.length > 3 || !words.some((w) => /[a-z]/.test(w))) return undefined;
    const hits: { m: ListedModel; state: number; extra: number }[] = [];
    for (const m of this.listing()) {
      if (m.kind) continue;
      const tokens = modelKey(m.id).split('-');
      if (!inOrder(words, tokens)) continue;
      const state = stateOf(m.lifecycle as Model['lifecycle'], today, m.deprecated).state;
      if (state === 'retired') continue;
      const extra = tokens.filter((t) => /[a-z]/.test(t) && !words.includes(t)).length;
      hits.push({ m, state: { active: 0, preview: 1, deprecated: 2, retired: 3 }[state], extra });
    }
    if (hits.length === 0) return undefined;
    const makers = hits.some((h) => h.m.maker) ? hits.filter((h) => h.m.maker) : hits;
    makers.sort(
      (a, b) =>
        a.state - b.state ||
        a.extra - b.extra ||
        (b.m.releaseDate ?? '').localeCompare(a.m.releaseDate ?? '') ||
        b.m.offerCount - a.m.offerCount ||
        (a.m.id < b.m.id ? -1 : 1),
    );
    const chosen = this.byId(makers[0]!.m.id);
    if (!chosen) return undefined;
    const others = makers.slice(1, 6).map((h) => h.m.id);
    const why = retiredExact
      ? `"${q}" was the id of ${retiredExact.name} (${retiredExact.id}), which is retired; its line today is ${chosen.id} (${chosen.name}), the newest model of the line its maker still serves`
      : `"${q}" names a family, not one model: ${chosen.id} (${chosen.name}) is the newest of that line its maker still serves${chosen.releaseDate ? ` (released ${chosen.releaseDate})` : ''}`;
    return { model: chosen, via: { query: q, kind: 'line', reason: why, others } };
  }

  /** Like `find`, but a miss is a user error with the nearest ids as suggestions. */
  resolve(query: string, today?: string): Resolved {
    if (query.trim() === '') throw new UserError('empty model name', 'give a model id such as gpt-4o-mini');
    const r = this.find(query, today);
    if (r) return r;
    throw new UnknownModelError(query, this.suggest(query));
  }

  suggest(query: string, n = 3): string[] {
    // Bounded: a model name is short; a 100k-character "name" gets no suggestions, not a long wait.
    if (query.length > MAX_SUGGEST_QUERY) return [];
    const q = modelKey(query);
    if (q === '') return [];
    const scored: { id: string; d: number }[] = [];
    const seen = new Set<number>();
    for (const [key, i] of this.index.entries()) {
      if (i < 0) continue;
      let d = editDistance(q, key);
      if (key.startsWith(q) || q.startsWith(key)) d = Math.min(d, Math.abs(key.length - q.length) * 0.5);
      if (d > Math.max(3, q.length * 0.4)) continue;
      scored.push({ id: this.ids()[i]!, d });
      seen.add(i);
    }
    scored.sort((a, b) => a.d - b.d || a.id.length - b.id.length || (a.id < b.id ? -1 : 1));
    return [...new Set(scored.map((s) => s.id))].slice(0, n);
  }

  private lookup(query: string): Model | undefined {
    // A query that is already a key (most are: `gpt-4o-mini`) is found before the normalising
    // expressions run (compiling them is most of a first lookup). Every key is its own normal
    // form (a test checks), so this is the first key the loop below would try.
    const direct = this.index.get(query);
    if (direct !== undefined && direct >= 0) return this.at(direct);
    for (const k of candidateKeys(query)) {
      const i = this.index.get(k);
      if (i !== undefined && i >= 0) return this.at(i);
    }
    return undefined;
  }

  private isProvider(provider: string, model: Model): boolean {
    return model.offers.some((o) => o.provider === provider);
  }

  /**
   * The catalog with a user's models layered on top: same id (or a name that resolves, or the model
   * an entry `extends`) merges, new ids add. `onChange` hears, per entry, what it adds or overrides.
   */
  layer(user: Model[], file: string, opts: { strictIds?: boolean; onChange?: (change: LayerChange) => void } = {}): Catalog {
    const models = this.all().map((m) => ({ ...m, offers: [...m.offers] }));
    const byId = new Map(models.map((m, i) => [m.id, i]));
    const base = Catalog.fromModels(models);
    for (const [i, entry] of user.entries()) {
      const { extends: target, ...u } = entry;
      const where = `models[${i}] (id "${u.id}")`;
      const extended = target === undefined ? undefined : base.findExact(target);
      if (target !== undefined && !extended)
        throw new CatalogError(
          file,
          [`${where}: "extends": "${target}" names no bundled model`],
          'model-advisor models --search <name> finds its id',
        );
      const exact = extended ?? base.findExact(u.id);
      // In a file of our own format, a model named like a bundled model's alias would silently
      // rewrite that model: an error, unless the entry says it extends that model.
      if (opts.strictIds && !extended && !byId.has(u.id) && exact && exact.model.id !== u.id)
        throw new CatalogError(file, [
          `${where}: "${u.id}" is a name of the bundled model "${exact.model.id}"; use id "${exact.model.id}" or add "extends": "${exact.model.id}" to layer over it, or an id of your own for another model`,
        ]);
      const hit = extended ? byId.get(extended.model.id) : (byId.get(u.id) ?? (exact ? byId.get(exact.model.id) : undefined));
      if (hit === undefined) {
        byId.set(u.id, models.length);
        models.push(u);
        opts.onChange?.({ file, id: u.id, added: true, fields: [], replacedOffers: [], addedOffers: u.offers.map((o) => o.provider) });
        continue;
      }
      const merged = mergeUserModel(models[hit]!, u, file);
      models[hit] = merged.model;
      opts.onChange?.({ file, id: models[hit]!.id, added: false, ...merged.change });
    }
    return Catalog.fromModels(models, { builtAt: this.header.builtAt, sources: this.header.sources, stats: this.header.stats }, [
      ...this.layers,
      file,
    ]);
  }
}

/** What one entry of a user's catalog did to the catalog below it. */
export interface LayerChange {
  file: string;
  /** The model's id in the catalog (the bundled id when the entry merged into a bundled model). */
  id: string;
  /** A model the catalog below did not have. */
  added: boolean;
  /** Fields of a model below that the entry set to other values. */
  fields: string[];
  /** Providers whose offer the entry replaced, and providers it added. */
  replacedOffers: string[];
  addedOffers: string[];
}

function mergeUserModel(
  base: Model,
  user: Model,
  file: string,
): { model: Model; change: Pick<LayerChange, 'fields' | 'replacedOffers' | 'addedOffers'> } {
  const userReference = user.offers.some((o) => o.reference);
  const kept = base.offers
    .filter((o) => !user.offers.some((u) => u.provider === o.provider))
    .map((o) => (userReference && o.reference ? { ...o, reference: undefined } : o));
  const added = user.offers.map((u) => ({ ...u, note: u.note ?? `from ${file}` }));
  const merged: Model = { ...base };
  const fields: string[] = [];
  for (const [k, v] of Object.entries(user)) {
    if (v === undefined || k === 'offers' || k === 'id') continue;
    if (JSON.stringify((base as Record<string, unknown>)[k]) !== JSON.stringify(v)) fields.push(k);
    (merged as Record<string, unknown>)[k] = v;
  }
  merged.offers = [...kept, ...added];
  const providers = new Set(base.offers.map((o) => o.provider));
  return {
    model: merged,
    change: {
      fields,
      replacedOffers: user.offers.filter((o) => providers.has(o.provider)).map((o) => o.provider),
      addedOffers: user.offers.filter((o) => !providers.has(o.provider)).map((o) => o.provider),
    },
  };
}

/** Whether `words` appear in `tokens` in order (each word a whole token). */
function inOrder(words: string[], tokens: string[]): boolean {
  let i = 0;
  for (const t of tokens) if (t === words[i]) i++;
  return i === words.length;
}

/** Says so when the name was a moving alias (`mistral-medium-latest`) rather than the model's id. */
function withAlias(r: Resolved, q: string): Resolved {
  // The model's own id, or a model no moving name serves: nothing to say (and no need to normalise).
  if (q === r.model.id || !r.model.servedAs?.length) return r;
  const key = modelKey(q);
  const served = r.model.servedAs?.find((a) => modelKey(a.alias) === key);
  if (!served || modelKey(r.model.id) === key) return r;
  return {
    ...r,
    via: {
      query: q,
      kind: 'alias',
      reason: `${served.alias} points to ${r.model.id} (${r.model.name})${served.since ? ` since ${served.since}` : ''}, per ${served.source}`,
      others: [],
    },
  };
}

/** How many models the category letters (one per model) give to `letter`. */
function countOf(categories: string, letter: string): number {
  let n = 0;
  for (let i = 0; i < categories.length; i++) if (categories[i] === letter) n++;
  return n;
}

/** The header of a bundled catalog file, checked for the fields every command reads. */
function checkHeader(raw: unknown, damaged: (why: string) => UserError): CatalogHeader {
  const h = raw as CatalogHeader;
  if (
    typeof h !== 'object' ||
    h === null ||
    h.schemaVersion !== 1 ||
    !Array.isArray(h.offsets) ||
    !Array.isArray(h.names) ||
    typeof h.modelsEnd !== 'number'
  )
    throw damaged('its header is not the catalog format this version reads');
  return h;
}

/** A line of the bundled catalog; one that does not parse means a damaged install, said as such. */
function parseLine(text: string, what: string, damaged: (why: string) => UserError): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw damaged(`its ${what} does not parse${text.length === 0 ? ' (empty)' : ''}`);
  }
}

function damagedCache(path: string): (why: string) => UserError {
  return (why) =>
    new UserError(
      `the updated catalog (${path}) is damaged: ${why}`,
      'model-advisor catalog update rebuilds it; model-advisor catalog reset removes it (then the bundled catalog is used)',
    );
}

function damagedBundle(why: string): UserError {
  return new UserError(
    `the bundled catalog (data/catalog.jsonl) is damaged: ${why}`,
    'reinstall model-advisor (npm install model-advisor, or npm ci in a checkout); --catalog files layer over the bundled one and cannot replace it',
  );
}

/** Days between the newest source capture and `today`, for the freshness warning. */
export function catalogAgeDays(sources: CapturedSource[], today: Date): number | undefined {
  const dates = sources.map((s) => Date.parse(s.capturedAt)).filter((d) => !Number.isNaN(d));
  if (dates.length === 0) return undefined;
  return Math.floor((today.getTime() - Math.max(...dates)) / 86_400_000);
}
