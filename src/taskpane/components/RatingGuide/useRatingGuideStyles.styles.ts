import { tokens } from '../FormTools/fluentKit';
import { makeStaticStyles, joinClasses } from '../../styles/staticStyles';
import type { RatingGuideState } from './RatingGuide.types';


const cellPad = `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`;

const useStyles = makeStaticStyles('RatingGuide', {
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200 },
  th: {
    padding: cellPad,
    textAlign: 'right',
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  rowHead: { padding: cellPad, textAlign: 'left', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, width: '30%' },
  td: {
    padding: cellPad,
    textAlign: 'right',
    fontVariantNumeric: 'tabular-nums',
    overflowWrap: 'anywhere',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  tdStrong: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  unit: { margin: 0, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, textAlign: 'right' },
  // Side by side where the pane is wide, one under another in Excel's narrow pane.
  cards: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  cardHead: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  cardTitle: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  reasons: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  question: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  questionText: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  // Native radio buttons and a link-styled button: Fluent's RadioGroup and Link would grow the tools' chunk.
  choices: { display: 'flex', gap: tokens.spacingHorizontalL, padding: `${tokens.spacingVerticalXS} 0` },
  choice: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, cursor: 'pointer', fontSize: tokens.fontSizeBase300 },
  radio: { width: '16px', height: '16px', margin: 0, accentColor: tokens.colorBrandBackground, cursor: 'pointer' },
  link: {
    padding: 0,
    border: 'none',
    background: 'none',
    color: tokens.colorBrandForegroundLink,
    font: 'inherit',
    textAlign: 'left',
    textDecorationLine: 'underline',
    cursor: 'pointer',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  decided: { fontSize: tokens.fontSizeBase300 },
  summary: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  start: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
  followUps: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  followUpList: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
});

export function useRatingGuideStyles(state: Omit<RatingGuideState, 'classes'>): RatingGuideState {
  const s = useStyles();
  return { ...state, classes: { ...s, tdStrong: joinClasses(s.td, s.tdStrong) } };
}
