// Injected by scripts/build.mjs into the CommonJS bundles: import.meta.url becomes
// import_meta.url, worked out from __filename on first use. A getter, so a bundle that never asks
// (dist/cli/boot.js) neither carries it nor pays for it at start-up.
let url;
export const import_meta = {
  get url() {
    url ??= require('node:url').pathToFileURL(__filename).href;
    return url;
  },
};
