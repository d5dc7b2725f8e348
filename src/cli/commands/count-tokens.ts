import type { Encoding } from '../../core/tokenizers.js';

/**
 * Token counts with OpenAI's published encodings, through gpt-tokenizer (a TypeScript port of
 * tiktoken). Each encoding's ranks load on first use only (they are megabytes): nothing else in
 * the CLI imports this module.
 */
export async function countTokens(text: string, encoding: Encoding): Promise<number> {
  const mod = encoding === 'cl100k_base' ? await import('./encoding-cl100k.js') : await import('./encoding-o200k.js');
  return mod.count(text);
}
