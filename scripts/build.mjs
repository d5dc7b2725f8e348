// Bundles the CLI into dist/, mirroring src/: dist/cli/main.js is the entry, and every module the
// code loads with a dynamic import() (command modules, renderers, the wizard, zod-backed
// validation) becomes its own self-contained file, loaded only when used. Dependencies are
// inlined, so start-up reads two or three local files and resolves nothing in node_modules.
// The output is CommonJS (dist/package.json says so): Node starts a CommonJS program about 10%
// faster than an ES module one, which is a third of the start-up budget. Dynamic imports become
// require() calls; their paths stay relative, so a module that lazily imports must live in the
// same directory as the entry that bundles it (src/cli for main, src/cli/commands for commands).
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { patchTableSource } from './lib/table-patches.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');

function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

// Entry points: main, plus every target of a relative dynamic import.
// boot.ts is what the bin loads; it requires main.js (with the code cache, see boot.ts).
const entries = new Set([join(src, 'cli', 'boot.ts'), join(src, 'cli', 'main.ts')]);
for (const file of sources(src)) {
  for (const m of readFileSync(file, 'utf8').matchAll(/import\(\s*'(\.[^']+)\.js'\s*\)/g))
    entries.add(resolve(dirname(file), `${m[1]}.ts`));
}

const lazyImportsStayExternal = {
  name: 'lazy-imports-stay-external',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) =>
      args.kind === 'dynamic-import' || (args.kind === 'require-call' && args.importer.startsWith(src))
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};

// commander requires node:child_process at load, for executable subcommands, which this CLI does
// not have. Loading that module costs about 3.5 ms of a start-up budget of about 30 ms, so the
// bundle gets a stand-in that loads the real module on first use.
const childProcessOnDemand = {
  name: 'child-process-on-demand',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${join('node_modules', 'commander')}`) ? { path: 'child_process', namespace: 'on-demand' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'on-demand' }, () => ({
      contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
      loader: 'js',
    }));
  },
};

// cli-table3 measures cells with string-width 4, whose emoji regular expression dominated drawing a
// table; it gets src/render/string-width.ts instead (same widths, see there and its test).
const tableStringWidth = {
  name: 'table-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) =>
      args.importer.includes(join('node_modules', 'cli-table3')) ? { path: 'string-width', namespace: 'table-string-width' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'table-string-width' }, () => ({
      contents: `module.exports = require(${JSON.stringify(join(src, 'render', 'string-width.ts'))}).stringWidth;`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

// Three costs of drawing a table with cli-table3, removed in the bundle with the same results
// (scripts/lib/table-patches.mjs; test/unit/table-patch.test.ts draws tables with the patched and
// the published code and compares them; the build fails if cli-table3's source no longer holds the
// code it replaces):
// - layout-manager.js asks, for every column of every row, whether a cell already covers that
//   spot, scanning every row from the top: quadratic in the rows (a 50-row table made 20,000
//   calls). The patched scan starts at the row asked about, where the covering cell almost always
//   is, and goes up; the answer (is there any such cell) is the same.
// - cell.js merges each cell's options with the table's through setOption(), once per border
//   character (sixteen) and padding side per cell: each call splits and re-capitalises the name
//   and gathers the candidates into a rest-parameter array. The patched one works the camel-cased
//   names out once and tests the candidates in place.
// - utils.js's strlen() compiles a new regular expression and measures each line twice on every
//   call, and cells are measured many times a table; the patched one keeps one expression and
//   measures once (the same widths). Its truncateWidth() cut a cell holding a character wider than
//   one byte by dropping one character at a time and measuring the rest again (quadratic in the
//   cell's length); the patched one finds the longest prefix that fits in one pass: `show
//   gpt-4o-mini` 115 -> 94 ms.
// The first two took a 50-row, 4-column table from 5.5 ms to about 1 ms warm.
const tableFast = {
  name: 'table-fast',
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/]cli-table3[\\/]src[\\/](cell|layout-manager|utils)\.js$/ }, (args) => ({
      contents: patchTableSource(args.path.split(/[\\/]/).pop(), readFileSync(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

// chalk detects the terminal's colours on load through its vendored supports-color, which imports
// node:os and node:tty (and with tty, net and all of Node's streams): about 5 ms the first time a
// table is drawn to a pipe or a file. We never use that detection: style.ts builds `new Chalk({ level })`
// from our own colorLevel (NO_COLOR, FORCE_COLOR, whether stdout is a terminal). So chalk's
// `#supports-color` import resolves to the detection chalk ships for other platforms (its package's
// own "default" condition), which reads no module.
const chalkWithoutDetection = {
  name: 'chalk-without-detection',
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, (args) => {
      if (!/node_modules[\\/]chalk[\\/]/.test(args.importer)) return undefined;
      return { path: join(args.importer.slice(0, args.importer.search(/node_modules[\\/]chalk[\\/]/) + 'node_modules/chalk/'.length), 'source', 'vendor', 'supports-color', 'browser.js') };
    });
  },
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
const result = await build({
  metafile: true,
  entryPoints: [...entries],
  outbase: src,
  outdir: join(root, 'dist'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // NO_MINIFY=1 npm run build keeps names readable, for CPU profiles of the bundles.
  minify: !process.env.NO_MINIFY,
  legalComments: 'none',
  plugins: [lazyImportsStayExternal, childProcessOnDemand, tableStringWidth, tableFast, chalkWithoutDetection],
  supported: { 'dynamic-import': false },
  // import.meta.url, for code that finds files next to itself, from the CommonJS __filename;
  // import.meta.dirname and .filename are the CommonJS names themselves (no URL to build and parse).
  inject: [join(root, 'scripts', 'import-meta-url.cjs')],
  define: { 'import.meta.url': 'import_meta.url', 'import.meta.dirname': '__dirname', 'import.meta.filename': '__filename' },
  logLevel: 'warning',
});
mkdirSync(join(root, 'dist'), { recursive: true });
writeFileSync(join(root, 'dist', 'package.json'), '{ "type": "commonjs" }\n');

// The bundles contain third-party code (commander, chalk, zod, ...; legal comments are stripped
// from them): each package's name, version, licence and licence text ships beside them.
const bundled = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  // The innermost node_modules/<name>/ of the path is the package the file belongs to.
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) continue;
  const name = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input.slice(at))?.[1];
  if (!name) continue;
  const dir = join(root, input.slice(0, at), 'node_modules', name);
  bundled.set(dir, { name, dir });
}
const notices = [...bundled.values()]
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  .map(({ name, dir }) => {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const licence = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
    const text = licence ? readFileSync(join(dir, licence), 'utf8').trim() : `(no licence file in the package; its package.json says ${pkg.license ?? 'nothing'})`;
    return `${name} ${pkg.version}, ${pkg.license ?? 'licence unstated'}\n${'-'.repeat(72)}\n${text}\n`;
  });
writeFileSync(
  join(root, 'dist', 'THIRD_PARTY_LICENSES.txt'),
  `Third-party code bundled into dist/ (${notices.length} packages), with its licences.\n\n${notices.join('\n')}`,
);
console.log(`built ${entries.size} entry points: ${[...entries].map((e) => relative(src, e)).join(', ')}`);

// V8 code caches for the bundles (see src/cli/boot.ts), from a plain node process.
const recorded = spawnSync(process.execPath, [join(root, 'scripts', 'record-code-cache.cjs')], { stdio: 'inherit' });
if (recorded.status !== 0) process.exit(recorded.status ?? 1);
