import type { ChipProps } from './Chip.types';
import { renderChip } from './renderChip';
import { useChipStyles } from './useChipStyles.styles';

/**
 * A short label (a count, a rule id, a rating) in the colours of Fluent's Badge: Badge's styles cover every size,
 * shape and colour, which the pane's first screen would carry for the three it shows.
 */
export function Chip(props: ChipProps) {
  return renderChip(useChipStyles(props));
}
