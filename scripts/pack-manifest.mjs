// npm pack / npm publish: the published manifest carries no install script and no dependencies
// the bundles already contain. `prepare` builds dist/ for a clone (`npm install` in the repo); in
// a user's install it would make npm warn about (and, where allowed, run) a script whose file is
// not even in the tarball. So prepack strips it (after building), and postpack puts package.json
// back as it was (the pinst pattern). Usage: node scripts/pack-manifest.mjs strip|restore
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'package.json');
const saved = join(root, '.package.json.orig');

if (process.argv[2] === 'strip') {
  const text = readFileSync(file, 'utf8');
  writeFileSync(saved, text);
  const pkg = JSON.parse(text);
  delete pkg.scripts.prepare;
  delete pkg.scripts.prepack;
  delete pkg.scripts.postpack;
  writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (process.argv[2] === 'restore') {
  if (existsSync(saved)) renameSync(saved, file);
} else {
  console.error('usage: node scripts/pack-manifest.mjs strip|restore');
  process.exit(2);
}
