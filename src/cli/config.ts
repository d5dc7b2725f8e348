import type { Command, Option } from 'commander';
import { UserError } from '../errors.js';
import type { IO } from './io.js';

/**
 * The config file: defaults for any long flag, by its camelCase name
 * (`{"discount": 15, "providers": ["openai", "anthropic"], "daysPerMonth": 30}`), read from
 * $MODEL_ADVISOR_CONFIG, else $XDG_CONFIG_HOME/model-advisor/config.json, else
 * ~/.config/model-advisor/config.json. A flag on the command line wins. Values become the strings
 * a flag would carry, so the command checks them with the same rules and messages.
 */

export interface LoadedConfig {
  path: string;
  /** Whether MODEL_ADVISOR_CONFIG named it (then it must exist). */
  explicit: boolean;
  values: Record<string, unknown>;
}

export function configPath(env: IO['env']): { path: string; explicit: boolean } {
  if (env.MODEL_ADVISOR_CONFIG) return { path: env.MODEL_ADVISOR_CONFIG, explicit: true };
  const home = env.HOME ?? env.USERPROFILE ?? '';
  const base = env.XDG_CONFIG_HOME || `${home}/.config`;
  return { path: `${base}/model-advisor/config.json`, explicit: false };
}

/** The config in use, or null when there is none. */
export function loadConfig(io: IO): LoadedConfig | null {
  const { path, explicit } = configPath(io.env);
  let text: string;
  try {
    text = io.readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!explicit && (code === 'ENOENT' || code === 'ENOTDIR')) return null;
    throw new UserError(`cannot read the config file ${path} (${code ?? (e as Error).message})`, explicit ? 'MODEL_ADVISOR_CONFIG names it; unset it or fix the path' : undefined);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (e) {
    throw new UserError(`config ${path}: not JSON (${(e as Error).message})`, 'the file holds one object: {"discount": 15, "providers": ["openai"]}');
  }
  if (typeof values !== 'object' || values === null || Array.isArray(values))
    throw new UserError(`config ${path}: must be a JSON object of flag names and values`, 'for example {"discount": 15, "per": "month"}');
  return { path, explicit, values: values as Record<string, unknown> };
}

/** A config value as the string (or switch) a flag would give, or an error naming the key. */
function asFlagValue(path: string, key: string, v: unknown, o: Option): string | string[] | boolean | undefined {
  const flag = o.long!;
  const bad = (why: string) => new UserError(`config ${path}: "${key}" (${flag}) ${why}`, `model-advisor config shows what is read; ${flag} --help of a command says what it takes`);
  if (!o.required && !o.optional) {
    if (typeof v !== 'boolean') throw bad('is a switch: true or false');
    return v || undefined;
  }
  const one = (x: unknown) => {
    if (typeof x === 'number' && Number.isFinite(x)) return String(x);
    if (typeof x === 'string') return x;
    throw bad(`takes a string or a number, not ${JSON.stringify(x)}`);
  };
  const variadic = o.variadic || flag === '--catalog';
  if (Array.isArray(v)) {
    const parts = v.map(one);
    const s = variadic ? parts : parts.join(',');
    if (o.argChoices && !variadic && !o.argChoices.includes(s as string)) throw bad(`must be one of ${o.argChoices.join(', ')}`);
    return s;
  }
  const s = one(v);
  if (o.argChoices && !o.argChoices.includes(s)) throw bad(`must be one of ${o.argChoices.join(', ')} (got "${s}")`);
  return variadic ? [s] : s;
}

/** Every long option of a command tree, by camelCase name, with the commands that take it. */
export function optionsByName(
  cmd: Command,
  into = new Map<string, { option: Option; commands: string[] }>(),
  path: string[] = [],
): Map<string, { option: Option; commands: string[] }> {
  for (const o of cmd.options) {
    if (!o.long || o.long === '--help' || o.long === '--version') continue;
    const name = o.attributeName();
    const cur = into.get(name) ?? { option: o, commands: [] };
    cur.commands.push(path.join(' ') || 'every command');
    into.set(name, cur);
  }
  for (const c of cmd.commands) optionsByName(c, into, [...path, c.name()]);
  return into;
}

/**
 * Sets the config's values as the defaults of the options of the commands built; a flag given on
 * the line still wins (commander gives 'cli' over 'config'). `known` lists every option of every
 * command, to tell a key no command has (an error, with the nearest name) from one this command
 * does not take (left alone).
 */
export function applyConfig(
  program: Command,
  config: LoadedConfig,
  argv: string[],
  known: () => Map<string, { option: Option; commands: string[] }>,
): void {
  // A flag on the line replaces the config's value (a repeatable one too: --catalog).
  const onLine = new Set(argv.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]));
  const all = known();
  for (const key of Object.keys(config.values)) {
    if (all.has(key)) continue;
    const near = [...all.keys()].filter((k) => k.toLowerCase() === key.toLowerCase() || k.startsWith(key.slice(0, 4)));
    throw new UserError(`config ${config.path}: no flag is called "${key}"`, near.length ? `did you mean ${near.slice(0, 3).map((k) => `"${k}"`).join(', ')}? Names are the long flags in camelCase` : 'names are the long flags in camelCase: "daysPerMonth" for --days-per-month');
  }
  const visit = (cmd: Command) => {
    for (const o of cmd.options) {
      if (!o.long) continue;
      const key = o.attributeName();
      if (!(key in config.values) || onLine.has(o.long)) continue;
      const v = asFlagValue(config.path, key, config.values[key], o);
      if (v !== undefined) cmd.setOptionValueWithSource(key, v, 'config');
    }
    for (const c of cmd.commands) visit(c);
  };
  visit(program);
}
