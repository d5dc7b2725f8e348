import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleFiles, renderReadme } from '../../scripts/readme.js';

const root = join(__dirname, '..', '..');
const read = (rel: string) => readFileSync(join(root, rel), 'utf8');

describe('README and docs/', () => {
  it.each(exampleFiles())('%s shows the real output of the commands it runs (npm run readme refreshes it)', async (rel) => {
    const text = read(rel);
    expect(await renderReadme(text)).toBe(text);
  });

  it('the long examples live in docs/, still run by this test', () => {
    const examples = exampleFiles().filter((f) => f.startsWith('docs/') && read(f).includes('<!-- run: model-advisor'));
    expect(examples).toContain('docs/commands.md');
    expect(read('docs/commands.md').match(/<!-- run: model-advisor/g)!.length).toBeGreaterThanOrEqual(10);
  });

  it('gives the two commands for a fresh machine', () => {
    const text = read('README.md');
    expect(text).toContain('npm install && npx model-advisor compare gpt-4o-mini bge-reranker-v2');
    expect(text).toContain('npm test');
  });

  it('is at most 350 lines, and every docs/ page it links to exists', () => {
    const text = read('README.md');
    expect(text.replace(/\n$/, '').split('\n').length).toBeLessThanOrEqual(350);
    const links = [...text.matchAll(/\]\((docs\/[^)#]+)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(() => read(l), l).not.toThrow();
  });
});
