#!/usr/bin/env node
'use strict';
// The CLI is compiled by `npm install` (the prepare script); say so plainly if that step was skipped.
let main;
try {
  main = require('../dist/node/cli/main.js').main;
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND') {
    process.stderr.write('mishukin: ビルド済みの CLI が見つかりません。先に `npm install`(または `npm run build:cli`)を実行してください。\n');
    process.exit(2);
  }
  throw e;
}
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
