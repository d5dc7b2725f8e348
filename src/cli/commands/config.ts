import type { Context } from '../context.js';
import { configPath, loadConfig, optionsByName } from '../config.js';
import { buildProgram } from '../main.js';

/** `config`: which file is read, and each default it sets with the commands that take it. */
export async function configCommand(ctx: Context, opts: { json?: boolean; format?: string }): Promise<void> {
  const format = ctx.format(opts, ['table', 'json']);
  const config = loadConfig(ctx.io);
  const where = configPath(ctx.io.env);
  const all = optionsByName(buildProgram(ctx.io, () => ctx, false));
  const settings = Object.entries(config?.values ?? {}).map(([key, value]) => ({
    key,
    flag: all.get(key)?.option.long ?? null,
    value,
    commands: all.get(key)?.commands ?? [],
  }));
  const result = {
    schemaVersion: 1 as const,
    command: 'config' as const,
    path: where.path,
    from: where.explicit ? ('MODEL_ADVISOR_CONFIG' as const) : ('default location' as const),
    exists: config !== null,
    settings,
  };
  if (format === 'json') return ctx.printJson(result);
  const { wrap } = await import('../../render/wrap.js');
  const out = [wrap(`Config file: ${result.path} (${where.explicit ? 'from MODEL_ADVISOR_CONFIG' : 'the default location'})${config ? '' : ': none there'}`, ctx.width)];
  if (!config)
    out.push(
      wrap('A JSON object of defaults for any long flag by its camelCase name, for example {"discount": 15, "providers": ["openai", "anthropic"], "daysPerMonth": 30, "catalog": "our-prices.json"}. A flag given on the command line wins.', ctx.width),
    );
  for (const s of settings)
    out.push(wrap(`  ${s.key} = ${JSON.stringify(s.value)}  (${s.flag}; ${s.commands.join(', ')})`, ctx.width, '      '));
  if (config && settings.length === 0) out.push('  (no settings)');
  ctx.print(out.join('\n'));
}
