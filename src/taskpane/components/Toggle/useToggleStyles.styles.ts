import { tokens } from '@fluentui/react-components';
import { makeStaticStyles } from '../../styles/staticStyles';
import type { ToggleProps, ToggleState } from './Toggle.types';

// Fluent's Switch measures: a 40×20 track with a 14 px thumb.
const useStyles = makeStaticStyles('Toggle', {
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
  },
  input: {
    appearance: 'none',
    position: 'relative',
    flexShrink: 0,
    width: '40px',
    height: '20px',
    margin: 0,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStrokeAccessible}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    '::before': {
      content: '""',
      position: 'absolute',
      top: '2px',
      left: '2px',
      width: '14px',
      height: '14px',
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorNeutralStrokeAccessible,
      transitionProperty: 'left',
      transitionDuration: tokens.durationNormal,
    },
    ':checked': { backgroundColor: tokens.colorCompoundBrandBackground, borderColor: tokens.colorCompoundBrandBackground },
    ':checked::before': { left: '22px', backgroundColor: tokens.colorNeutralForegroundInverted },
    ':disabled': { cursor: 'not-allowed', opacity: 0.5 },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
});

export function useToggleStyles(props: ToggleProps): ToggleState {
  return { ...props, classes: useStyles() };
}
