import { tokens } from '@fluentui/react-components';
import { makeStaticStyles, joinClasses } from '../../styles/staticStyles';
import type { FormReportState } from './FormReport.types';

const useStyles = makeStaticStyles('FormReport', {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  header: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
  },
  headerLabel: { color: tokens.colorNeutralForeground3, margin: 0 },
  headerValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  groupTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS + ' ' + tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  itemSelected: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  itemHead: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  place: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, overflowWrap: 'anywhere' },
  cellButton: { minWidth: 'auto' },
  cellLabel: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  cells: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', alignItems: 'center' },
  detail: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  empty: { color: tokens.colorPaletteGreenForeground1, fontWeight: tokens.fontWeightSemibold },
});

export function useFormReportStyles(state: Omit<FormReportState, 'classes'>): FormReportState {
  const s = useStyles();
  return {
    ...state,
    classes: {
      root: s.root,
      header: s.header,
      headerLabel: s.headerLabel,
      headerValue: s.headerValue,
      counts: s.counts,
      group: s.group,
      groupTitle: s.groupTitle,
      list: s.list,
      item: s.item,
      itemSelected: joinClasses(s.item, s.itemSelected),
      itemHead: s.itemHead,
      place: s.place,
      message: s.message,
      cells: s.cells,
      cellLabel: s.cellLabel,
      cellButton: s.cellButton,
      detail: s.detail,
      empty: s.empty,
    },
  };
}
