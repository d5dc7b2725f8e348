import type { Command, Option } from 'commander';
import { wrapCommand } from '../render/wrap.js';

/**
 * What help adds to the options the commands define: each flag in its group (workload, reranking,
 * offers, constraints, output), the default it takes when not given, and examples for each
 * command. Kept apart from the definitions so the groups read as one table.
 */

const GROUPS: [string, string[]][] = [
  ['Task:', ['--task', '--mix', '--pipeline', '--cascade', '--escalate', '--misroute', '--router-cost', '--judge-cost']],
  [
    'Workload:',
    ['--requests', '--input', '--output', '--input-tokens', '--output-tokens', '--per', '--days-per-month', '--prompt-file', '--cached', '--cache-writes', '--batch', '--discount', '--reasoning'],
  ],
  ['Reranking workload (rerankers only):', ['--searches', '--docs-per-search', '--tokens-per-doc', '--query-tokens']],
  ['Offers:', ['--provider', '--cheapest', '--successor', '--providers']],
  [
    'Constraints:',
    ['--needs', '--min-context', '--max-latency', '--budget', '--open-weights', '--quality-floor', '--include-unrated', '--include-deprecated', '--min-evidence', '--prefer'],
  ],
  ['Output:', ['--json', '--format', '--full', '--top', '--limit', '--sort']],
];

/** Defaults the flags do not carry as commander defaults (those would read as given). */
const DEFAULTS: Record<string, string> = {
  '--requests': "a typical workload for the model's category or the task, said in the output",
  '--per': 'day',
  '--cached': '0',
  '--cache-writes': '0',
  '--batch': '0',
  '--discount': '0',
  '--format': 'table',
  '--prefer': 'balanced',
  '--searches': '10,000 a day',
  '--docs-per-search': '50',
  '--tokens-per-doc': '300',
  '--query-tokens': '30',
};

const EXAMPLES: Record<string, string[]> = {
  models: [
    'model-advisor models --category reranking --sort price --limit 5',
    'model-advisor models --min-context 1M --capability tools --sort price',
    'model-advisor models --search sonnet --format csv > sonnets.csv',
  ],
  show: ['model-advisor show gpt-4o-mini', 'model-advisor show openai/gpt-4o --json | jq .model.offers'],
  catalog: ['model-advisor catalog info', 'model-advisor catalog validate our-prices.json', 'model-advisor catalog update && model-advisor catalog diff'],
  info: ['model-advisor catalog info', 'model-advisor catalog info --json | jq .sources'],
  validate: ['model-advisor catalog validate our-prices.json', 'model-advisor catalog validate model_prices_and_context_window.json --json'],
  update: ['model-advisor catalog update', 'model-advisor catalog update --source litellm=./model_prices_and_context_window.json'],
  diff: ['model-advisor catalog diff', 'model-advisor catalog diff --json'],
  reset: ['model-advisor catalog reset'],
  cost: [
    'model-advisor cost gpt-4o-mini --requests 1M --input 500 --output 100 --per month',
    'model-advisor cost gpt-4o gpt-4.1 --input-tokens 10M --output-tokens 2M --cached 40%',
    'model-advisor cost bge-reranker-v2 --searches 50k --docs-per-search 20',
  ],
  compare: [
    'model-advisor compare gpt-4o-mini bge-reranker-v2',
    'model-advisor compare gpt-4o gpt-4o-mini claude-haiku-4-5 --requests 1M --input 500 --output 100',
    'model-advisor compare gpt-4o gpt-4o-mini --full',
  ],
  recommend: [
    'model-advisor recommend --task classification --requests 200k --needs json',
    'model-advisor recommend --task code --budget 500/month --prefer quality',
    'model-advisor recommend --task reranking --searches 100k --top 3',
  ],
  route: [
    'model-advisor route --mix classification=70,summarization=20,math=10 --requests 1M',
    'model-advisor route --cascade gpt-4.1-mini,gpt-4.1 --escalate 20% --requests 100k --input 800 --output 200',
    'model-advisor route --pipeline embedding,reranking,rag --requests 100k',
  ],
  replay: ['model-advisor replay usage.csv', 'model-advisor replay openai-usage.json --on gpt-4.1-mini claude-haiku-4-5'],
  tokens: ['model-advisor tokens prompt.txt --model gpt-4o claude-sonnet-4-5', 'cat prompt.txt | model-advisor tokens - --json'],
  wizard: ['model-advisor            # at a terminal: the questions', 'model-advisor wizard --task extraction --requests 200k --needs json'],
  schema: ['model-advisor schema cost', 'model-advisor schema catalog > catalog.schema.json'],
  completion: [
    'model-advisor completion bash > ~/.local/share/bash-completion/completions/model-advisor',
    'model-advisor completion fish > ~/.config/fish/completions/model-advisor.fish',
    'eval "$(model-advisor completion zsh)"',
  ],
  config: ['model-advisor config', 'MODEL_ADVISOR_CONFIG=./team.json model-advisor config --json'],
  'model-advisor': [
    'model-advisor compare gpt-4o-mini bge-reranker-v2',
    'model-advisor cost gpt-4o-mini --requests 1M --input 500 --output 100 --per month',
    'model-advisor recommend --task classification --requests 200k --needs json',
    'model-advisor route --mix classification=70,summarization=20,math=10 --requests 1M',
    'model-advisor <command> --help    # the flags of a command, with examples',
  ],
};

/** Groups, defaults and examples for a command and its subcommands; examples fit `width`. */
export function organizeHelp(cmd: Command, width: number): void {
  // Groups show in the order of GROUPS, ungrouped options (help, globals) last.
  const rank = (flag: string | undefined) => {
    if (cmd.name() === 'models' && !GROUPS.some(([h, flags]) => h === 'Output:' && flags.includes(flag ?? ''))) return flag === '--help' ? GROUPS.length : -1;
    const i = GROUPS.findIndex(([, flags]) => flags.includes(flag ?? ''));
    return i < 0 ? GROUPS.length : i;
  };
  // commander types the list read-only; it is its own array, read only when help is drawn or a flag looked up.
  (cmd.options as Option[]).sort((a, b) => rank(a.long) - rank(b.long));
  for (const o of cmd.options) {
    const flag = o.long ?? '';
    const group = GROUPS.find(([, flags]) => flags.includes(flag));
    // models' flags (--provider, --open-weights, ...) filter the list: one group, whatever they mean elsewhere.
    if (cmd.name() === 'models' && group?.[0] !== 'Output:' && flag !== '--help') o.helpGroup('Filters:');
    else if (group) o.helpGroup(group[0]);
    const d = DEFAULTS[flag];
    if (d !== undefined && o.defaultValue === undefined && !/default/.test(o.description)) o.description += ` (default: ${d})`;
  }
  const examples = EXAMPLES[cmd.name()];
  if (examples) cmd.addHelpText('after', `\nExamples:\n${examples.map((e) => wrapCommand(e, width)).join('\n')}\n`);
  for (const c of cmd.commands) organizeHelp(c, width);
}
