import type { Model } from '../catalog/schema.js';

/**
 * Which tokenizer counts a model's tokens. OpenAI publishes its encodings (tiktoken): o200k_base
 * for GPT-4o, GPT-4.1, GPT-5 and the o-series, cl100k_base for GPT-4, GPT-3.5 and the
 * text-embedding-3 / ada-002 embeddings (https://github.com/openai/tiktoken, model.py). Other
 * makers do not publish theirs as a package: their count is an estimate, the o200k_base count, and
 * no published figure relates it to their own tokenizer, so the ratio is said to be unknown rather
 * than guessed. Pure.
 */

export type Encoding = 'o200k_base' | 'cl100k_base';

export interface TokenizerChoice {
  encoding: Encoding;
  /** True when the encoding is the model's own: the count is what the provider bills. */
  exact: boolean;
  /** Why this encoding, for people. */
  basis: string;
  /** For an estimate: the factor applied to the count (null: none is known) and where it comes from. */
  ratio: number | null;
  ratioSource: string | null;
}

const TIKTOKEN = 'https://github.com/openai/tiktoken/blob/main/tiktoken/model.py';
const CL100K = /^(gpt-4(-\d{4}|-32k|-turbo|-vision|-0125|-1106|$)|gpt-3\.5|text-embedding-(3|ada)|davinci-002|babbage-002)/;

export function tokenizerFor(m: Pick<Model, 'id' | 'lab'> | undefined): TokenizerChoice {
  if (m && m.lab === 'openai') {
    const encoding: Encoding = CL100K.test(m.id) ? 'cl100k_base' : 'o200k_base';
    return { encoding, exact: true, basis: `${m.id} uses OpenAI's ${encoding} encoding (${TIKTOKEN})`, ratio: null, ratioSource: null };
  }
  if (!m) return { encoding: 'o200k_base', exact: true, basis: `OpenAI's o200k_base encoding (GPT-4o and later; ${TIKTOKEN})`, ratio: null, ratioSource: null };
  return {
    encoding: 'o200k_base',
    exact: false,
    basis: `${m.lab} publishes no tokenizer package for ${m.id}: the count is OpenAI's o200k_base count, an estimate`,
    ratio: null,
    ratioSource: `unknown: no published figure relates ${m.lab}'s tokenizer to o200k_base, so none is applied (the provider's own count may differ either way)`,
  };
}
