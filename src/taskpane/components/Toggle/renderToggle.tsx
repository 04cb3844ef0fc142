import type { ToggleState } from './Toggle.types';

export function renderToggle(state: ToggleState) {
  const { classes: c } = state;
  return (
    <label className={c.root}>
      <input
        type="checkbox"
        role="switch"
        className={c.input}
        checked={state.checked}
        disabled={state.disabled}
        onChange={(e) => state.onChange(e.target.checked)}
      />
      <span>{state.label}</span>
    </label>
  );
}
