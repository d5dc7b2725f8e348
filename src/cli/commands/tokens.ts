import type { Model } from '../../catalog/schema.js';
import { formatCount } from '../../core/money.js';
import { tokenizerFor, type Encoding } from '../../core/tokenizers.js';
import type { Context } from '../context.js';
import { renderBox } from '../../render/table.js';
import { readPrompt } from './prompt-file.js';

/** `tokens <file|->`: a prompt's token count per model, exact where the tokenizer is public. */

export interface TokenCount {
  model: string | null;
  encoding: Encoding;
  tokens: number;
  exact: boolean;
  basis: string;
  ratio: number | null;
  ratioSource: string | null;
}

export async function tokensCommand(ctx: Context, file: string, opts: { json?: boolean; format?: string; model?: string[] }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  const text = await readPrompt(ctx, file);
  let models: (Model | undefined)[] = [undefined];
  if (opts.model?.length) {
    const catalog = await ctx.catalog();
    models = opts.model.map((n) => catalog.resolve(n, ctx.today()).model);
  }
  const { countTokens } = await import('./count-tokens.js');
  const byEncoding = new Map<Encoding, number>();
  const counts: TokenCount[] = [];
  for (const m of models) {
    const t = tokenizerFor(m);
    let n = byEncoding.get(t.encoding);
    if (n === undefined) byEncoding.set(t.encoding, (n = await countTokens(text, t.encoding)));
    counts.push({ model: m?.id ?? null, encoding: t.encoding, tokens: n, exact: t.exact, basis: t.basis, ratio: t.ratio, ratioSource: t.ratioSource });
  }
  const result = { schemaVersion: 1 as const, command: 'tokens' as const, source: file === '-' ? 'stdin' : file, characters: [...text].length, counts };
  if (format === 'json') return ctx.printJson(result);
  const style = await ctx.style();
  const out = [
    `${style.bold(result.source)}: ${formatCount(result.characters)} characters`,
    renderBox(
      {
        head: ['Model', 'Tokenizer', 'Tokens', 'Count'],
        align: ['left', 'left', 'right', 'left'],
        rows: counts.map((c) => [c.model ?? '(default)', c.encoding, formatCount(c.tokens), c.exact ? 'exact' : 'estimate']),
      },
      { maxWidth: ctx.width },
    ),
  ];
  const { wrap } = await import('../../render/wrap.js');
  for (const c of counts) if (!c.exact) out.push(style.dim(wrap(`${c.model}: ${c.basis}; ratio ${c.ratioSource}`, ctx.width, '  ')));
  ctx.print(out.join('\n'));
}


