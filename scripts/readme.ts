/**
 * Keeps the example outputs in README.md and docs/*.md real: every block introduced by
 * `<!-- run: model-advisor <args> -->` is replaced by what that command prints (80 columns, no
 * colour). `npm run readme` rewrites; test/cli/readme.test.ts fails when one is stale.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../test/support/cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MARK = /<!-- run: model-advisor (.+?) -->\n```text\n[\s\S]*?```/g;

export function splitArgs(s: string): string[] {
  return [...s.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

export async function renderReadme(text: string): Promise<string> {
  const jobs: Promise<string>[] = [];
  text.replace(MARK, (_all, args: string) => {
    jobs.push(
      runCli(splitArgs(args), { columns: 80, env: { NO_COLOR: '1' } }).then((r) => {
        const shown = r.stdout + (r.code === 0 ? '' : r.stderr);
        return `<!-- run: model-advisor ${args} -->\n\`\`\`text\n${shown.replace(/\n?$/, '\n')}\`\`\``;
      }),
    );
    return '';
  });
  const outputs = await Promise.all(jobs);
  let i = 0;
  return text.replace(MARK, () => outputs[i++]!);
}

/** The files whose examples are run: the README and every page in docs/. */
export function exampleFiles(): string[] {
  const docs = readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join('docs', f));
  return ['README.md', ...docs];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const rel of exampleFiles()) {
    const file = join(root, rel);
    const text = readFileSync(file, 'utf8');
    const next = await renderReadme(text);
    if (next !== text) writeFileSync(file, next);
  }
  console.log(`outputs refreshed in ${exampleFiles().join(', ')}`);
}
