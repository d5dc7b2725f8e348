#!/usr/bin/env node
'use strict';
// The bundles load with the code V8 compiled for them at build time (see src/cli/code-cache.ts).
require('../dist/cli/code-cache.js').useCodeCache();
require('../dist/cli/main.js').run();
