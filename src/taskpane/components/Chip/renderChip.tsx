import type { ChipState } from './Chip.types';

export function renderChip(state: ChipState) {
  return <span className={state.className}>{state.children}</span>;
}
