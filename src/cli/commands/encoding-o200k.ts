import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** o200k_base (GPT-4o and later), loaded only when a count needs it. */
export function count(text: string): number {
  // Special-token text in a prompt ("<|endoftext|>") is counted as the plain text it is.
  return countTokens(text, { disallowedSpecial: new Set() });
}
