// The file mode (outside Excel: .xlsx files chosen or dropped) is a chunk of its own, fetched only where the pane
// shows it: inside Excel the pane never loads it. What it needs of the initial script is handed over in fileKit.ts.
import { lazy } from 'react';
import { recogniseWorkbook } from '../../../core/check';
import { fileHost } from '../../model/formHost';
import { hiddenSheetNote, present } from '../../model/present';
import { FormReport } from '../FormReport/FormReport';
import { LazyFormTools, TOOL_TITLE } from '../FormTools/lazyFormTools';
import { fileKit } from './fileKit';

const kit = { recogniseWorkbook, present, hiddenSheetNote, fileHost, FormReport, LazyFormTools, TOOL_TITLE };
export type FileKit = typeof kit;
Object.assign(fileKit, kit);

export const LazyFilePane = lazy(() => import(/* webpackChunkName: "file" */ './FilePane'));
