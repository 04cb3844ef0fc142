// `npm run bench`: every benchmark of the project in turn, figures and ratios printed, nothing asserted.
import { benchCore } from './bench-core';

async function run(): Promise<void> {
  await benchCore();
}

run().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
