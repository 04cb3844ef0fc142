import { renderToggle } from './renderToggle';
import type { ToggleProps } from './Toggle.types';
import { useToggleStyles } from './useToggleStyles.styles';

/**
 * An on/off setting: the browser's checkbox as a switch (role="switch"), drawn like Fluent's Switch, whose styles
 * and field wiring would weigh on the pane's first screen for one control.
 */
export function Toggle(props: ToggleProps) {
  return renderToggle(useToggleStyles(props));
}
