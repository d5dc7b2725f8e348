import type { Curated } from './curated.js';
import type { ImportResult, RawOffer, RawSpec } from './importers/types.js';
import { candidateKeys, displayId, labFromId, modelKey, weightsKey, withoutDate } from './names.js';
import type { Benchmark, CapturedSource, Category, Model, Prices, Source } from './schema.js';

/** The providers that are a lab's own API, most preferred first: the reference offer comes from here. */
export const LAB_PROVIDERS: Record<string, string[]> = {
  openai: ['openai'],
  anthropic: ['anthropic'],
  google: ['google', 'google-vertex'],
  mistral: ['mistral'],
  deepseek: ['deepseek'],
  xai: ['xai'],
  cohere: ['cohere'],
  alibaba: ['alibaba', 'alibaba-cn'],
  moonshotai: ['moonshotai', 'moonshotai-cn'],
  zhipuai: ['zai', 'zhipuai'],
  minimax: ['minimax'],
  voyage: ['voyage'],
  jina: ['jina'],
  amazon: ['amazon-bedrock'],
  perplexity: ['perplexity'],
  meta: ['llama'],
  xiaomi: ['xiaomi'],
  stepfun: ['stepfun'],
  sarvam: ['sarvam'],
  ai21: ['ai21'],
  inception: ['inception'],
  nvidia: ['nvidia'],
  sakana: ['sakana'],
};

/** Which upstream database's spec fields (context, modalities, capabilities) stand first. */
const SPEC_SOURCE_RANK: Record<string, number> = { 'genai-prices': 0, 'models.dev': 1, litellm: 2 };

const PROVIDER_LAB: Record<string, string> = Object.fromEntries(
  Object.entries(LAB_PROVIDERS).flatMap(([lab, ps]) => ps.map((p) => [p, lab])),
);

export interface BuildInput {
  /** Upstream imports, in order of precedence for prices. */
  imports: { result: ImportResult; source: CapturedSource }[];
  curated: Curated;
  builtAt: string;
}

export interface OfferEntry {
  source: string;
  asOf: string;
  prices: Prices;
  note?: string;
  providerModelId: string;
  rank: number;
  history?: { from?: string; prices: Prices }[];
}

export interface OfferDraft {
  provider: string;
  providerName?: string;
  providerModelId: string;
  entries: OfferEntry[];
  /** A host's own shutdown of the route, as an upstream database flags it. */
  hostRetirement?: { shutdownOn?: string; source: string; asOf: string };
}

export interface Draft {
  id: string;
  key: string;
  lab?: string;
  category?: Category;
  categorySource?: 'curated' | 'mode' | 'name';
  identity?: Curated['identities'][number];
  specs: { source: Source; spec: RawSpec; rank: number; firstParty?: boolean }[];
  aliases: Set<string>;
  benchmarks: Benchmark[];
  offers: Map<string, OfferDraft>;
  /** Moving names that serve this model today (see the aliases overlay). */
  servedAs: NonNullable<Model['servedAs']>;
  kind?: { kind: NonNullable<Model['kind']>; variantOf?: Draft; source: Source };
}

/** The build's working state: the drafts, the indexes that find them, what has been folded where. */
export class MergeState {
  readonly warnings: string[] = [];
  readonly drafts: Draft[] = [];
  readonly curated: Curated;
  /** Every upstream offer with the rank of the source that listed it. */
  readonly ordered: { o: RawOffer; rank: number }[];
  /** The finished model of each draft (filled by the finishing stage). */
  readonly modelOf = new Map<Draft, Model>();
  private readonly exact = new Map<string, Draft>();
  private readonly folded = new Map<Draft, Draft>();
  private loose = new Map<string, Draft | null>();

  constructor(readonly input: BuildInput) {
    this.curated = input.curated;
    this.ordered = input.imports.flatMap(({ result }, rank) => result.offers.map((o) => ({ o, rank })));
  }

  create(id: string, key = modelKey(id)): Draft {
    const d: Draft = { id, key, specs: [], aliases: new Set(), benchmarks: [], offers: new Map(), servedAs: [] };
    this.drafts.push(d);
    if (!this.exact.has(key)) this.exact.set(key, d);
    return d;
  }

  createFor(providerModelId: string): Draft {
    return this.create(displayId(providerModelId));
  }

  /** `name` is `d`, unless an earlier claim stands; the spelling is kept as an alias. */
  claim(name: string, d: Draft): void {
    if (!this.exact.has(modelKey(name))) this.exact.set(modelKey(name), d);
    d.aliases.add(name.toLowerCase());
  }

  /** `key` is `d`, whoever had it before. */
  claimKey(key: string, d: Draft): void {
    this.exact.set(key, d);
  }

  exactly(name: string): Draft | undefined {
    return this.exactKey(modelKey(name));
  }

  exactKey(key: string): Draft | undefined {
    const d = this.exact.get(key);
    return d && this.follow(d);
  }

  /** Where a draft ended up after folds. */
  follow(d: Draft): Draft {
    let x = d;
    for (let next = this.folded.get(x); next; next = this.folded.get(x)) x = next;
    return x;
  }

  live(): Draft[] {
    return this.drafts.filter((d) => !this.folded.has(d));
  }

  /** E. Undated spellings of dated canonical ids (claude-3.7-sonnet -> claude-3-7-sonnet-20250219). */
  indexUndatedSpellings(): void {
    this.loose = new Map();
    for (const d of this.live()) {
      const u = withoutDate(d.key);
      if (!u || this.exact.has(u)) continue;
      this.loose.set(u, this.loose.has(u) ? null : d);
    }
  }

  /** The draft a name means, forgivingly (see candidateKeys). */
  find(name: string): Draft | undefined {
    for (const k of candidateKeys(name)) {
      const d = this.exact.get(k) ?? this.loose.get(k);
      if (d) return this.follow(d);
    }
    return undefined;
  }

  isFirstParty(o: RawOffer): boolean {
    const providerLab = PROVIDER_LAB[o.provider];
    return providerLab !== undefined && (labFromId(o.providerModelId) ?? providerLab) === providerLab;
  }

  /** The maker's primary API (not a cloud that also resells: Vertex is a host of Claude and Gemini alike). */
  isMakersOwnApi(provider: string, lab: string | undefined): boolean {
    return lab !== undefined && LAB_PROVIDERS[lab]?.[0] === provider;
  }

  labOfProvider(provider: string): string | undefined {
    return PROVIDER_LAB[provider];
  }

  weightsKeyOf(d: Draft): string {
    return weightsKey(d.key);
  }

  /** How well-established a draft is, to choose which of several spellings the others fold into. */
  standing(d: Draft): number {
    let s = d.offers.size;
    if (d.identity) s += 10_000;
    if (this.referencePrices(d)) s += 1_000;
    if (d.specs.some((x) => x.rank < 0)) s += 500; // a provider-independent record (models.dev `models`)
    return s;
  }

  referencePrices(d: Draft): Prices | undefined {
    for (const p of d.lab ? (LAB_PROVIDERS[d.lab] ?? []) : []) {
      const o = d.offers.get(p);
      if (o?.entries[0]) return o.entries[0].prices;
    }
    return undefined;
  }

  attach(d: Draft, o: RawOffer, rank: number, firstParty: boolean): void {
    const free = /:free$/.test(o.providerModelId);
    let slot = `${o.provider}${free ? ':free' : ''}`;
    // One host's two routes to the same weights (Groq's versatile and specdec) are two offers; two
    // spellings of one route (a dated and an undated id) are one.
    // (A maker's own API has one route per model: its spellings across databases are one offer.)
    const held = d.offers.get(slot);
    const makers = d.lab ? (LAB_PROVIDERS[d.lab] ?? []) : [];
    if (held && !makers.includes(o.provider) && routeKey(held.providerModelId) !== routeKey(o.providerModelId))
      slot = `${slot}|${routeKey(o.providerModelId)}`;
    let offer = d.offers.get(slot);
    if (!offer) {
      offer = { provider: o.provider, providerName: o.providerName, providerModelId: o.providerModelId, entries: [] };
      d.offers.set(slot, offer);
    }
    offer.providerName ??= o.providerName;
    const known = offer.entries.find((e) => e.source === o.source);
    if (!known)
      offer.entries.push({
        source: o.source,
        asOf: o.asOf,
        prices: o.prices,
        note: o.note,
        providerModelId: o.providerModelId,
        rank,
        ...(o.history ? { history: o.history } : {}),
      });
    // Sources keep their precedence whatever the order offers were met in (curated first).
    offer.entries.sort((a, b) => a.rank - b.rank);
    offer.providerModelId = offer.entries[0]!.providerModelId;
    d.aliases.add(o.providerModelId.toLowerCase());
    if (o.category && o.category !== 'chat' && d.categorySource !== 'curated') {
      // A type field (LiteLLM's mode) outranks a guess from the name.
      if (!d.category || d.categorySource === 'name' || o.source.includes('litellm')) {
        d.category = o.category;
        d.categorySource = o.source.includes('litellm') ? 'mode' : 'name';
      }
    }
    const ownApi = firstParty && this.isMakersOwnApi(o.provider, d.lab ?? this.labOfProvider(o.provider));
    if (!ownApi && (o.spec.shutdownOn || o.spec.deprecated))
      offer.hostRetirement ??= { shutdownOn: o.spec.shutdownOn, source: o.source, asOf: o.asOf };
    // Prices go by capture date; specs by the database that curates them (models.dev describes
    // models, LiteLLM's cost map and genai-prices price them).
    const specRank = SPEC_SOURCE_RANK[o.source] ?? rank;
    if (Object.keys(o.spec).length > 0)
      d.specs.push({
        source: { source: o.source, asOf: o.asOf },
        spec: o.spec,
        rank: firstParty ? specRank + 0.5 : specRank + 100,
        firstParty: ownApi,
      });
  }

  /**
   * Folds `from` into `to`: later lookups of `from` land on `to`. An offer from a provider `to`
   * already has is dropped (the same route under another name), unless `keepRoutes`: hosts' routes
   * to the same weights under different ids (Groq's versatile and specdec) stay apart.
   */
  fold(from: Draft, to: Draft, opts: { benchmarks?: boolean; keepRoutes?: boolean } = {}): void {
    if (from === to) return;
    this.folded.set(from, to);
    to.aliases.add(from.id);
    for (const a of from.aliases) to.aliases.add(a);
    to.specs.push(...from.specs.map((s) => ({ ...s, rank: s.rank + 50 })));
    if (opts.benchmarks !== false) to.benchmarks.push(...from.benchmarks);
    to.servedAs.push(...from.servedAs);
    for (const [slot, o] of from.offers) {
      const existing = to.offers.get(slot);
      if (!existing) to.offers.set(slot, o);
      else if (opts.keepRoutes && existing.providerModelId.toLowerCase() !== o.providerModelId.toLowerCase() && !to.offers.has(`${slot}|${o.providerModelId}`))
        to.offers.set(`${slot}|${o.providerModelId}`, o);
    }
  }

  /** Removes a spelling from every draft but `keep` (a moving alias now points elsewhere). */
  release(name: string, keep: Draft): void {
    const key = modelKey(name);
    for (const d of this.live()) {
      if (d === keep) continue;
      for (const a of [...d.aliases]) if (modelKey(a) === key) d.aliases.delete(a);
    }
    this.exact.set(key, keep);
  }

  /** Folded drafts and the draft they went into, for the identity report. */
  foldedInto(): Map<Draft, Draft> {
    return new Map([...this.folded.keys()].map((d) => [d, this.follow(d)]));
  }
}

/** A host's route, whatever the spelling: the model key without a date. */
function routeKey(providerModelId: string): string {
  const k = modelKey(providerModelId);
  return withoutDate(k) ?? k;
}

