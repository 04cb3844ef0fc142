import { tokens } from '@fluentui/react-components';
import { joinClasses, makeStaticStyles } from '../../styles/staticStyles';
import type { ChipProps, ChipState } from './Chip.types';

// Fluent's Badge tokens, colour by colour.
const useStyles = makeStaticStyles('Chip', {
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    boxSizing: 'border-box',
    height: '20px',
    padding: `0 calc(${tokens.spacingHorizontalXS} + ${tokens.spacingHorizontalXXS})`,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'nowrap',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
  small: { height: '16px', padding: `0 ${tokens.spacingHorizontalXS}`, fontSize: tokens.fontSizeBase100 },
  'filled-danger': { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  'filled-warning': { backgroundColor: tokens.colorPaletteYellowBackground3, color: tokens.colorNeutralForeground1Static },
  'filled-informative': { backgroundColor: tokens.colorNeutralBackground5, color: tokens.colorNeutralForeground3 },
  'filled-brand': { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
  'outline-danger': { color: tokens.colorPaletteRedForeground3, borderColor: tokens.colorPaletteRedBorder2 },
  'outline-warning': { color: tokens.colorPaletteYellowForeground2, borderColor: tokens.colorPaletteYellowBorder2 },
  'outline-informative': { color: tokens.colorNeutralForeground3, borderColor: tokens.colorNeutralStroke2 },
  'outline-brand': { color: tokens.colorBrandForeground1, borderColor: tokens.colorBrandStroke1 },
  'tint-danger': { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1, borderColor: tokens.colorPaletteRedBorder1 },
  'tint-warning': { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteYellowForeground1, borderColor: tokens.colorPaletteYellowBorder1 },
  'tint-informative': { backgroundColor: tokens.colorNeutralBackground4, color: tokens.colorNeutralForeground3, borderColor: tokens.colorNeutralStroke2 },
  'tint-brand': { backgroundColor: tokens.colorBrandBackground2, color: tokens.colorBrandForeground2, borderColor: tokens.colorBrandStroke2 },
});

export function useChipStyles(props: ChipProps): ChipState {
  const c = useStyles();
  const size = props.size === 'small' ? [c.small] : [];
  return { ...props, className: joinClasses(c.root, ...size, c[`${props.appearance}-${props.color}`]) };
}
