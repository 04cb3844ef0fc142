// The tools on a form (数式を入れる, 評価ガイド) are a chunk of their own, fetched the first time one is opened, so
// that the pane's initial script stays small. The components they use are handed over through fluentKit.ts; the
// core's plans are the chunk's own copy (webpack.config.js).
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from '@fluentui/react-components';
import { lazy } from 'react';
import { Chip } from '../Chip/Chip';
import { Toggle } from '../Toggle/Toggle';
import { fluent } from './fluentKit';
import type { ToolKind } from './FormTools.types';

const kit = {
  Chip,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Toggle,
};
export type FluentKit = typeof kit;
Object.assign(fluent, kit);

export const TOOL_TITLE: Record<ToolKind, string> = { formulas: '数式を入れる', guide: '評価ガイド' };

export const LazyFormTools = lazy(() => import(/* webpackChunkName: "tools" */ './FormTools'));
