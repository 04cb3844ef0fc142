// A worker thread of `mishukin report --jobs N`: reads and checks one workbook per message and posts back the
// plain result. Runs from the compiled CLI only (dist/node/cli/report/worker.js).
import { parentPort } from 'node:worker_threads';
import { readErrorInfo } from '../inputs';
import type { ReviewTask, ReviewReply } from './pool';
import { reviewFile } from './review';

const port = parentPort;
if (port) {
  port.on('message', (task: ReviewTask) => {
    reviewFile(task.input, task.options).then(
      (file) => port.postMessage({ index: task.index, file } satisfies ReviewReply),
      // reviewFile turns read and check failures into the file's error; anything else is still that file's.
      (err: unknown) =>
        port.postMessage({
          index: task.index,
          file: { display: task.input.display, absolute: task.input.absolute, error: readErrorInfo(err), forms: [], notForms: [], hiddenSheets: [] },
        } satisfies ReviewReply),
    );
  });
}
