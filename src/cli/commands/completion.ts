import type { Command } from 'commander';
import { TASK_IDS } from '../../core/tasks.js';
import { UserError } from '../../errors.js';
import type { Context } from '../context.js';
import { buildProgram } from '../main.js';

/**
 * `completion bash|zsh|fish`: a script that completes commands, flags, flag values (tasks,
 * periods, formats and every other choice) and model ids from the catalog in use.
 */

interface Spec {
  name: string;
  flags: { long: string; takesValue: boolean; values: string[] }[];
  models: boolean;
}

const SHELLS = ['bash', 'zsh', 'fish'] as const;

function specs(program: Command): { globals: Spec['flags']; commands: Spec[] } {
  const flagsOf = (c: Command) =>
    c.options
      .filter((o) => o.long && !o.hidden)
      .map((o) => ({
        long: o.long!,
        takesValue: o.required || o.optional,
        values: o.argChoices ?? (o.long === '--task' ? [...TASK_IDS] : o.long === '--format' ? ['table', 'json', 'csv', 'markdown'] : []),
      }));
  const commands: Spec[] = [];
  const walk = (c: Command, prefix: string) => {
    for (const sub of c.commands) {
      const name = prefix ? `${prefix} ${sub.name()}` : sub.name();
      commands.push({ name, flags: [...flagsOf(sub), { long: '--help', takesValue: false, values: [] }], models: ['show', 'cost', 'compare'].includes(name) });
      walk(sub, name);
    }
  };
  walk(program, '');
  return { globals: flagsOf(program), commands };
}

const words = (xs: string[]) => xs.join(' ');

function bash(s: ReturnType<typeof specs>, models: string[]): string {
  const top = s.commands.filter((c) => !c.name.includes(' ')).map((c) => c.name);
  const cases = s.commands
    .map((c) => {
      const valued = c.flags.filter((f) => f.values.length);
      const valueCases = valued.map((f) => `        ${f.long}) COMPREPLY=($(compgen -W "${words(f.values)}" -- "$cur")); return ;;`).join('\n');
      const subs = s.commands.filter((x) => x.name.startsWith(`${c.name} `)).map((x) => x.name.split(' ').pop()!);
      const rest = [...c.flags.map((f) => f.long), ...subs];
      return `    "${c.name}")
      case "$prev" in
${valueCases}
      esac
      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(rest.filter((r) => r.startsWith('-')))}" -- "$cur")); return; fi
      COMPREPLY=($(compgen -W "${words(subs)}${c.models ? ' $_model_advisor_models' : ''}" -- "$cur")); return ;;`;
    })
    .join('\n');
  return `# model-advisor completion for bash: eval "$(model-advisor completion bash)", or save it to
# ~/.local/share/bash-completion/completions/model-advisor
_model_advisor_models="${words(models)}"
_model_advisor() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i w
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in
      --catalog|--as-of) ((i++)) ;;
      -*) ;;
      *) if [[ -z "$cmd" ]]; then cmd="$w"; elif [[ "$cmd" == catalog ]]; then cmd="catalog $w"; fi ;;
    esac
  done
  case "$prev" in
    --catalog) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  case "$cmd" in
${cases}
  esac
  if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${words(s.globals.map((f) => f.long))} --help --version" -- "$cur")); return; fi
  COMPREPLY=($(compgen -W "${words(top)}" -- "$cur"))
}
complete -o default -F _model_advisor model-advisor
`;
}

function zsh(s: ReturnType<typeof specs>, models: string[]): string {
  return `#compdef model-advisor
# model-advisor completion for zsh: eval "$(model-advisor completion zsh)", or save it as _model-advisor
# in a directory on $fpath. It uses zsh's bash completion layer.
autoload -U +X bashcompinit && bashcompinit
${bash(s, models).replace(/^# model-advisor completion for bash.*\n.*\n/, '')}`;
}

function fish(s: ReturnType<typeof specs>, models: string[]): string {
  const q = (x: string) => `'${x.replace(/'/g, "\\'")}'`;
  const top = s.commands.filter((c) => !c.name.includes(' '));
  const lines = [
    '# model-advisor completion for fish: model-advisor completion fish > ~/.config/fish/completions/model-advisor.fish',
    'complete -c model-advisor -f',
    `complete -c model-advisor -n __fish_use_subcommand -a ${q(words(top.map((c) => c.name)))}`,
    ...s.globals.map((f) => `complete -c model-advisor -l ${f.long.slice(2)}${f.takesValue ? ' -r' : ''}${f.long === '--catalog' ? ' -F' : ''}`),
  ];
  for (const c of s.commands) {
    const parts = c.name.split(' ');
    const cond = parts.length === 1 ? `__fish_seen_subcommand_from ${parts[0]}` : `__fish_seen_subcommand_from ${parts[0]}; and __fish_seen_subcommand_from ${parts[1]}`;
    const subs = s.commands.filter((x) => x.name.startsWith(`${c.name} `)).map((x) => x.name.split(' ').pop()!);
    if (subs.length) lines.push(`complete -c model-advisor -n ${q(cond)} -a ${q(words(subs))}`);
    for (const f of c.flags)
      lines.push(`complete -c model-advisor -n ${q(cond)} -l ${f.long.slice(2)}${f.takesValue ? ' -r' : ''}${f.values.length ? ` -a ${q(words(f.values))}` : ''}`);
    if (c.models) lines.push(`complete -c model-advisor -n ${q(cond)} -a '(__model_advisor_models)'`);
  }
  lines.push(`function __model_advisor_models\n    printf '%s\\n' ${models.map(q).join(' ')}\nend`);
  return lines.join('\n') + '\n';
}

export async function completionCommand(ctx: Context, shell: string | undefined): Promise<void> {
  if (!shell || !(SHELLS as readonly string[]).includes(shell))
    throw new UserError(`completion needs a shell: ${SHELLS.join(', ')}${shell ? ` (got "${shell}")` : ''}`, 'eval "$(model-advisor completion bash)"');
  const s = specs(buildProgram(ctx.io, () => ctx, false));
  const catalog = await ctx.catalog();
  // Only ids a shell word can hold as it is (no spaces or quotes).
  const models = catalog
    .listing()
    .map((m) => m.id)
    .filter((id) => /^[\w.:/@+-]+$/.test(id))
    .sort();
  ctx.print(shell === 'bash' ? bash(s, models) : shell === 'zsh' ? zsh(s, models) : fish(s, models));
}
