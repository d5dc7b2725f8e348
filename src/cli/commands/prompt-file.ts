import type { Model } from '../../catalog/schema.js';
import { tokenizerFor } from '../../core/tokenizers.js';
import { UserError, UsageError } from '../../errors.js';
import type { Context } from '../context.js';

/**
 * A prompt read from a file (or standard input for "-"), checked as every user file is (a regular
 * file, a size limit, valid UTF-8: see io.readFile).
 */
export async function readPrompt(ctx: Context, file: string): Promise<string> {
  if (file === '-') {
    if (!ctx.io.readStdin) throw new UserError('standard input cannot be read here');
    return ctx.io.readStdin();
  }
  try {
    return ctx.io.readFile(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new UserError(`${file}: ${err.code === 'ENOENT' ? 'file not found' : err.message}`);
  }
}

/**
 * --prompt-file on cost, compare and recommend: input tokens per request from the file's token
 * count, with the first model's tokenizer (o200k_base when it has none published), said on stderr.
 */
export async function applyPromptFile(ctx: Context, opts: Record<string, unknown>, model: Model | undefined): Promise<void> {
  const file = opts.promptFile as string | undefined;
  if (file === undefined) return;
  if (opts.input !== undefined) throw new UsageError('give --prompt-file or --input, not both', '--prompt-file sets the input tokens per request');
  if (opts.inputTokens !== undefined) throw new UsageError('--prompt-file sets input tokens per request; it does not go with --input-tokens', 'use --requests with --prompt-file');
  if (opts.requests === undefined && opts.searches === undefined)
    throw new UsageError('--prompt-file sets the input tokens per request and needs --requests', 'for example --requests 100k --prompt-file prompt.txt --output 200');
  const text = await readPrompt(ctx, file);
  const t = tokenizerFor(model);
  const { countTokens } = await import('./count-tokens.js');
  const n = await countTokens(text, t.encoding);
  opts.input = String(n);
  ctx.note(
    `${file}: ${n.toLocaleString('en-US')} input tokens per request, ${t.exact ? `counted with ${t.encoding}` : `estimated: ${t.basis}; ratio ${t.ratioSource}`}${model ? '' : ''}`,
  );
}
