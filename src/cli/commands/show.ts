import { buildModelCard } from '../../core/card.js';
import { modelState } from '../../core/lifecycle.js';
import type { Context } from '../context.js';
import { lifecycleNotices } from '../lifecycle.js';
import { reportResolutions } from '../resolution.js';

export async function showCommand(ctx: Context, name: string, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json', 'markdown']);
  const catalog = await ctx.catalog();
  const today = ctx.today();
  const resolved = catalog.resolve(name, today);
  reportResolutions(ctx, [resolved]);
  const { model } = resolved;
  const card = buildModelCard(model, {
    today,
    lifecycle: modelState(model, today),
    notices: lifecycleNotices(catalog, [model], today),
    resolvedFrom: resolved.via ?? null,
  });
  if (format === 'json') return ctx.printJson(card);
  const { renderShow, renderShowMarkdown } = await import('../../render/show.js');
  if (format === 'markdown') ctx.print(renderShowMarkdown(card));
  else ctx.print(renderShow(card, await ctx.style(), ctx.width));
}
