export interface ToggleProps {
  checked: boolean;
  label: string;
  disabled?: boolean;
  onChange: (checked: boolean) => void;
}

export interface ToggleState extends ToggleProps {
  classes: { root: string; input: string };
}
