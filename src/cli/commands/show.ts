import { buildModelCard } from '../../core/card.js';
import { modelState } from '../../core/lifecycle.js';
import type { Context } from '../context.js';
import { lifecycleNotices } from '../lifecycle.js';
import { reportResolutions } from '../resolution.js';

export async function showCommand(ctx: Context, name: string, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts);
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
  if (format === 'csv' || format === 'markdown') {
    const { renderResultCsv, renderResultMarkdown } = await import('../../render/records.js');
    return ctx.print(format === 'csv' ? renderResultCsv(card as never) : renderResultMarkdown(card as never));
  }
  const { renderShow } = await import('../../render/show.js');
  ctx.print(renderShow(card, await ctx.style(), ctx.width));
}
