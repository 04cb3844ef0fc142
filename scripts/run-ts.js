#!/usr/bin/env node
'use strict';
// Runs a TypeScript script without a build step (bench, fixture builder).
require('ts-node').register({ transpileOnly: true, compilerOptions: { module: 'commonjs' } });
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
require(require('path').resolve(script));
