/**
 * Model-name normalisation shared by the catalog build (to merge one model sold under many
 * spellings) and by resolution (to find what a person typed). Pure string functions.
 */

const REGION_PREFIX = /^(us|eu|apac|ap|global|jp|au|ca|us-gov|regional)\./;
const VENDOR_PREFIX =
  /^(anthropic|meta|amazon|cohere|mistral|ai21|deepseek|openai|qwen|writer|google|minimax|moonshot|moonshotai|nvidia|twelvelabs|zai)\./;
const QUANT_SUFFIX = /-(fp8|fp16|bf16|fp4|int4|int8|awq|gptq|gguf|quantized|turbo-fp8)$/;
const VARIANT_TAG = /:(free|beta|nitro|floor|online|extended|exacto|latest)$/;

/** The last path segment of a provider's model id, without routing prefixes. */
export function baseName(id: string): string {
  let s = id.trim();
  const at = s.lastIndexOf('/');
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(REGION_PREFIX, '').replace(VENDOR_PREFIX, '');
  return s;
}

/**
 * The key two spellings of the same model share: lowercase, separators unified, routing
 * prefixes, Bedrock version suffixes, quantisation and variant tags dropped.
 * `openrouter/mistralai/Mistral-Small-3.1-24B-Instruct:free` -> `mistral-small-3-1-24b-instruct`.
 */
export function modelKey(id: string): string {
  const bedrock = BEDROCK_ID.test(id.slice(id.lastIndexOf('/') + 1));
  let s = baseName(id).toLowerCase();
  s = s.replace(VARIANT_TAG, '');
  // Claude 2's Bedrock ids carry the version after "v" (claude-v2:1 is Claude 2.1).
  s = s.replace(/^claude-v(\d+)(?::(\d+))?$/, (_m, a: string, b?: string) => `claude-${a}${b ? `-${b}` : ''}`);
  s = s.replace(/^claude-instant-v(\d+)$/, 'claude-instant-$1');
  s = s.replace(/-v\d+(:\d+)?$/, (m) => (m.includes(':') || bedrock ? '' : m)); // bedrock "-v1:0", "-v1"
  s = s.replace(/:\d+$/, '');
  s = s.replace(/@default$/, '');
  s = s.replace(/@/g, '-');
  s = s.replace(/(\d)p(\d)/g, '$1-$2'); // fireworks "0p6b"
  s = s.replace(/[._\s:]+/g, '-');
  s = s.replace(/-+/g, '-').replace(/^-|-$/g, '');
  s = s.replace(QUANT_SUFFIX, '');
  s = s.replace(/^meta-llama-/, 'llama-');
  // "gpt4o", "gpt4.1": the family name glued to its version.
  s = s.replace(/^(gpt|claude|gemini|gemma|llama|qwen|phi|grok)(\d)/, '$1-$2');
  // Claude's two namings, claude-3-5-haiku and claude-haiku-4-5 (and hosts' claude-4-sonnet, claude-opus4-5): one key.
  s = s.replace(/^claude-(\d+(?:-\d)?)-(opus|sonnet|haiku)(?=-|$)/, 'claude-$2-$1');
  s = s.replace(/^claude-(opus|sonnet|haiku)(\d)/, 'claude-$1-$2');
  return s;
}

/** A Bedrock model id: a vendor prefix with a dot (`anthropic.claude-opus-4-6-v1`). */
const BEDROCK_ID = /^(?:(?:us|eu|apac|ap|global|jp|au|ca|us-gov|regional)\.)?(anthropic|meta|amazon|cohere|mistral|ai21|deepseek|openai|qwen|writer|minimax|moonshot|moonshotai|nvidia|twelvelabs|zai)\./;

/**
 * Hosts' names for their way of serving open weights: Groq's "versatile" and "specdec", Vertex's
 * "maas", Together's "turbo" (FP8), Cloudflare's "fp8-fast". Stripped only from names with a
 * parameter count (llama-3-3-70b-instruct-turbo), never from gpt-4-turbo or qwen-turbo.
 */
const HOST_SUFFIX = /-(instruct|it|chat|maas|versatile|specdec|turbo|fast|dynamic|instant|fp8|fp16|bf16|int4|int8|awq|free|cs|hf)$/;

/** The key of the weights behind a host's spelling: `llama-3-3-70b-instruct-turbo` -> `llama-3-3-70b`. */
export function weightsKey(key: string): string {
  // Vertex's "model as a service" suffix is never part of a model's own name.
  if (!/(^|-)\d+(x\d+)?b(-|$)/.test(key)) return key.replace(/-maas$/, '');
  let k = key;
  for (let prev = ''; prev !== k; ) {
    prev = k;
    k = k.replace(HOST_SUFFIX, '');
  }
  return /(^|-)\d+(x\d+)?b(-|$)/.test(k) ? k : key;
}

// Full dates, compact dates, Cohere's MM-YYYY, and four digits that read as YYMM or MMDD
// (mistral-small-2503, gpt-4-0613).
const DATE_SUFFIX = /-(\d{4}-\d{2}-\d{2}|20\d{6}|\d{2}-20\d{2}|2[2-7](?:0[1-9]|1[0-2])|(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))$/;

/** `gpt-4o-mini-2024-07-18` -> `gpt-4o-mini`; `claude-3-5-haiku-20241022` -> `claude-3-5-haiku`. */
export function withoutDate(key: string): string | undefined {
  const m = DATE_SUFFIX.exec(key);
  if (!m) return undefined;
  const head = key.slice(0, m.index);
  // "-4o" or a bare number after stripping would be too short to be a model name.
  return head.length >= 3 && /[a-z]/.test(head) ? head : undefined;
}

/** `gemma-3-12b-it` -> `gemma-3-12b`; `llama-3-3-70b-instruct` -> `llama-3-3-70b`. */
export function withoutInstructTag(key: string): string | undefined {
  const m = /-(it|instruct|chat|instruct-\d+)$/.exec(key);
  if (!m) return undefined;
  const head = key.slice(0, m.index);
  return /\d/.test(head) ? head : undefined;
}

/**
 * Other spellings a host may have used for a model known under another name: a platform's prefix
 * (`databricks-gemini-3-1-pro`) or its serving suffixes (`-versatile`). Never a dropped date: a
 * dated id can be another snapshot.
 */
export function hostSpellingKeys(id: string): string[] {
  const k = modelKey(id);
  const out = new Set<string>([weightsKey(k)]);
  const glued = GLUED_PREFIX.exec(k);
  if (glued && /\d/.test(glued[2]!)) {
    out.add(modelKey(glued[2]!));
    out.add(weightsKey(modelKey(glued[2]!)));
  }
  out.delete(k);
  return [...out];
}

const GLUED_PREFIX =
  /^(openai|anthropic|google|meta|mistralai|mistral|qwen|deepseek|cohere|xai|baai|microsoft|nvidia|azure|bedrock|vertex|aws|databricks|snowflake|alicloud)-(.+)$/;

/** Keys to try, most specific first. */
export function candidateKeys(id: string): string[] {
  const keys: string[] = [];
  const push = (k: string | undefined) => {
    if (k && !keys.includes(k)) keys.push(k);
  };
  const k = modelKey(id);
  push(k);
  // "openai-gpt-4o-mini", "azure-gpt-4o": a lab's or platform's name glued to the front.
  const glued = GLUED_PREFIX.exec(k);
  if (glued && /\d/.test(glued[2]!)) push(modelKey(glued[2]!));
  const d = withoutDate(k);
  push(d);
  push(withoutInstructTag(k));
  if (d) push(withoutInstructTag(d));
  push(weightsKey(k));
  if (glued) push(weightsKey(modelKey(glued[2]!)));
  return keys;
}

const LAB_PATTERNS: [RegExp, string][] = [
  [/^(text-embedding-(preview|00|gecko)|text-multilingual-embedding|textembedding-gecko)/, 'google'],
  [/^(gpt-|o1|o3|o4|chatgpt|text-embedding|davinci|babbage|codex|omni-moderation|text-moderation|computer-use)/, 'openai'],
  [/^claude/, 'anthropic'],
  [
    /^(gemini|gemma|palm|text-bison|chat-bison|textembedding-gecko|text-embedding-00|text-multilingual-embedding|medgemma|learnlm)/,
    'google',
  ],
  [/^(llama|meta-llama|codellama)/, 'meta'],
  [/^(mistral|mixtral|codestral|pixtral|magistral|devstral|ministral|open-mistral|open-mixtral|voxtral)/, 'mistral'],
  [/^(qwen|qwq|qvq)/, 'alibaba'],
  [/^deepseek/, 'deepseek'],
  [/^(rerank-(2|lite)|voyage)/, 'voyage'],
  [/^(command|c4ai|aya|rerank-(v|english|multilingual)|embed-english|embed-multilingual|embed-v4|cohere)/, 'cohere'],
  [/^grok/, 'xai'],
  [/^(glm|chatglm|cogview)/, 'zhipuai'],
  [/^(kimi|moonshot)/, 'moonshotai'],
  [/^(minimax|abab)/, 'minimax'],
  [/^bge-/, 'baai'],
  [/^jina/, 'jina'],
  [/(nemotron|^nv-|^nvidia)/, 'nvidia'],
  [/^phi-/, 'microsoft'],
  [/^granite/, 'ibm'],
  [/^(titan|nova-|amazon)/, 'amazon'],
  [/^(jamba|j2-)/, 'ai21'],
  [/^(sonar|r1-1776)/, 'perplexity'],
  [/^(gpt-oss)/, 'openai'],
  [/^(ernie)/, 'baidu'],
  [/^(hunyuan|hy\d)/, 'tencent'],
  [/^(doubao|seed)/, 'bytedance'],
  [/^(step-)/, 'stepfun'],
  [/^(mimo)/, 'xiaomi'],
  [/^(e5-|multilingual-e5)/, 'microsoft'],
  [/^(nomic)/, 'nomic'],
  [/^(gte-)/, 'alibaba'],
  [/^(snowflake-arctic|arctic)/, 'snowflake'],
  [/^(olmo|tulu)/, 'allenai'],
  [/^(hermes|nous)/, 'nousresearch'],
  [/^(yi-)/, '01-ai'],
  [/^(lfm)/, 'liquid'],
  [/^(sarvam)/, 'sarvam'],
];

/** Path prefixes that name the lab (`meta-llama/...`, `mistralai/...`). */
const ORG_TO_LAB: Record<string, string> = {
  'meta-llama': 'meta',
  meta: 'meta',
  mistralai: 'mistral',
  mistral: 'mistral',
  'mistral-ai': 'mistral',
  qwen: 'alibaba',
  alibaba: 'alibaba',
  'deepseek-ai': 'deepseek',
  deepseek: 'deepseek',
  google: 'google',
  openai: 'openai',
  anthropic: 'anthropic',
  baai: 'baai',
  cohere: 'cohere',
  'x-ai': 'xai',
  xai: 'xai',
  microsoft: 'microsoft',
  nvidia: 'nvidia',
  moonshotai: 'moonshotai',
  'zai-org': 'zhipuai',
  thudm: 'zhipuai',
  'z-ai': 'zhipuai',
  zhipuai: 'zhipuai',
  minimax: 'minimax',
  minimaxai: 'minimax',
  jinaai: 'jina',
  jina: 'jina',
  voyage: 'voyage',
  amazon: 'amazon',
  ibm: 'ibm',
  'ibm-granite': 'ibm',
  intfloat: 'microsoft',
  'nomic-ai': 'nomic',
  'sentence-transformers': 'sentence-transformers',
  perplexity: 'perplexity',
  allenai: 'allenai',
  nousresearch: 'nousresearch',
  liquid: 'liquid',
  liquidai: 'liquid',
  'stepfun-ai': 'stepfun',
  stepfun: 'stepfun',
  xiaomi: 'xiaomi',
  xiaomimimo: 'xiaomi',
  tencent: 'tencent',
  bytedance: 'bytedance',
  'bytedance-seed': 'bytedance',
  ai21: 'ai21',
  ai21labs: 'ai21',
};

/** Best guess of the lab that made a model, from its id; undefined when nothing says. */
export function labFromId(id: string): string | undefined {
  const parts = id.toLowerCase().split('/');
  for (const part of parts.slice(0, -1)) {
    const lab = ORG_TO_LAB[part.replace(/^@cf$/, '')];
    if (lab) return lab;
  }
  const key = modelKey(id);
  for (const [re, lab] of LAB_PATTERNS) if (re.test(key)) return lab;
  const vendor = /^(?:(?:us|eu|apac|global)\.)?([a-z0-9]+)\./.exec(parts[parts.length - 1] ?? '');
  if (vendor?.[1] && ORG_TO_LAB[vendor[1]]) return ORG_TO_LAB[vendor[1]];
  return undefined;
}

/** Hosts and routers whose names prefix model ids without being the model's maker. */
const ROUTING_ORGS = new Set([
  'accounts',
  'models',
  '@cf',
  'workers-ai',
  'openrouter',
  'nanogpt',
  'route',
  'hf',
  'huggingface',
  'models-ai',
]);

/** The publishing organisation of a Hugging Face style id (`TheDrummer/Anubis-70B` -> thedrummer). */
export function orgOf(id: string): string | undefined {
  const parts = id.toLowerCase().split('/');
  const org = parts.length >= 2 ? parts[parts.length - 2] : undefined;
  return org && !ROUTING_ORGS.has(org) && /^[a-z0-9][a-z0-9._-]*$/.test(org) ? org : undefined;
}

/** A readable id for a model first seen under a host's spelling: lowercase, no routing prefix or variant tag. */
export function displayId(providerModelId: string): string {
  let s = baseName(providerModelId).toLowerCase();
  s = s.replace(/^claude-v(\d+)(?::(\d+))?$/, (_m, a: string, b?: string) => `claude-${a}${b ? `.${b}` : ''}`);
  s = s
    .replace(VARIANT_TAG, '')
    .replace(/-v\d+:\d+$/, '')
    .replace(/^meta-llama-/, 'llama-');
  s = s.replace(/[-_.](fp8|fp16|bf16|fp4|int4|int8|awq|gptq|gguf|quantized)$/, '');
  return s.replace(/\s+/g, '-') || baseName(providerModelId).toLowerCase();
}

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}
