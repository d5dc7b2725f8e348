import { countTokens } from 'gpt-tokenizer/encoding/cl100k_base';

/** cl100k_base (GPT-4, GPT-3.5, text-embedding-3), loaded only when a count needs it. */
export function count(text: string): number {
  // Special-token text in a prompt ("<|endoftext|>") is counted as the plain text it is.
  return countTokens(text, { disallowedSpecial: new Set() });
}
