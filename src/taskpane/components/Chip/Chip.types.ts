import type { ReactNode } from 'react';

export type ChipColor = 'danger' | 'warning' | 'informative' | 'brand';

export interface ChipProps {
  appearance: 'filled' | 'outline' | 'tint';
  color: ChipColor;
  size?: 'small' | 'medium';
  children: ReactNode;
}

export interface ChipState extends ChipProps {
  className: string;
}
