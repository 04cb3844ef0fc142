// Style rules the tools open in the pane share (数式を入れる, 評価ガイド, 新しい調査書, 翌年度へ繰り越し). Only the
// lazy chunks use them.
import type { StyleRule } from '../../styles/staticStyles';
import { tokens } from './fluentKit';

/** The frame of a tool: a box with its title and 閉じる. */
export const TOOL_FRAME = {
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
} satisfies Record<string, StyleRule>;

/** A row of a list that can be left out by its tick box (a cell of a write, a form to roll over). */
export const TICK_ROW = {
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Left out: the cell keeps what it holds, the form is not rolled over.
  rowOff: { color: tokens.colorNeutralForeground3, backgroundColor: tokens.colorNeutralBackground2 },
  // A native tick box: Fluent's Checkbox would be one more component handed over from the initial script for a plain job.
  tick: { width: '16px', height: '16px', margin: '3px 4px 0 0', flexShrink: 0, accentColor: tokens.colorBrandBackground, cursor: 'pointer' },
} satisfies Record<string, StyleRule>;
