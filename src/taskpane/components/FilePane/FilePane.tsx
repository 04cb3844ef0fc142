// Loaded on demand (React.lazy, lazyFilePane.ts): outside Excel only.
import type { FilePaneProps } from './FilePane.types';
import { renderFilePane } from './renderFilePane';
import { useFilePane } from './useFilePane';
import { useFilePaneStyles } from './useFilePaneStyles.styles';

/** Outside Excel: check .xlsx files chosen or dropped, read in the page, nothing uploaded. */
export function FilePane(props: FilePaneProps) {
  return renderFilePane(useFilePaneStyles(useFilePane(props)));
}


export default FilePane;
