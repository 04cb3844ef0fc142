// `npm run bench`: every benchmark of the project in turn, figures and ratios printed, nothing asserted.
import { benchCore } from './bench-core';
import { benchFormulas } from './bench-formulas';

async function run(): Promise<void> {
  await benchCore();
  await benchFormulas();
}

run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
