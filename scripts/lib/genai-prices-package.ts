import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The price data inside the installed @pydantic/genai-prices package (a dev dependency pinned by
 * package-lock.json): the same providers list as its data.json, bundled as a JavaScript literal.
 * A newer release of the package carries newer prices than the snapshot in ../shared/upstream.
 * Returns the providers and the package version, or undefined when the package is not installed.
 */
export function genaiPricesFromPackage(): { providers: unknown[]; version: string } | undefined {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    // The package exports only its entry points: its folder is two up from dist/index.cjs.
    dir = dirname(dirname(require.resolve('@pydantic/genai-prices')));
  } catch {
    return undefined;
  }
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const src = readFileSync(join(dir, 'dist', 'index.js'), 'utf8');
  // The bundle opens with `const E = [ ...providers... ], J = {`: the array literal is the data.
  const start = src.indexOf('= [\n  {\n    id: ');
  const end = src.indexOf('\n], ', start);
  if (start < 0 || end < 0) throw new Error(`@pydantic/genai-prices ${version}: price data not found in dist/index.js`);
  // The literal is plain data (strings, numbers, arrays, objects): evaluated, it is the JSON.
  const providers = new Function(`return ${src.slice(start + 2, end + 2)}`)() as unknown[];
  if (!Array.isArray(providers) || providers.length < 10)
    throw new Error(`@pydantic/genai-prices ${version}: unexpected price data (${providers.length} providers)`);
  return { providers, version };
}
