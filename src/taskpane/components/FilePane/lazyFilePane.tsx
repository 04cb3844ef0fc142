// The file mode is shown only outside Excel: a chunk of its own, so that the pane's initial script carries only
// what Excel's first screen shows.
import { lazy, Suspense } from 'react';
import type { FilePaneProps } from './FilePane.types';

const FilePane = lazy(() => import(/* webpackChunkName: "filemode" */ './FilePane'));

export function LazyFilePane(props: FilePaneProps) {
  return (
    <Suspense fallback={<p style={{ padding: 16, margin: 0 }}>読み込んでいます…</p>}>
      <FilePane {...props} />
    </Suspense>
  );
}
