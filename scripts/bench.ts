// `npm run bench`: every benchmark of the project in turn, figures and ratios printed, nothing asserted.
import { benchCore } from './bench-core';
import { benchFormulas } from './bench-formulas';
import { benchPane } from './bench-pane';
import { benchReport } from './bench-report';
import { benchReader } from './bench-reader';

async function run(): Promise<void> {
  await benchCore();
  await benchFormulas();
  await benchPane();
  await benchReport();
  await benchReader();
}

run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
