import { renderWriteBar } from './renderWriteBar';
import type { WriteBarProps } from './WriteBar.types';
import { useWriteBar } from './useWriteBar';
import { useWriteBarStyles } from './useWriteBarStyles.styles';

/** 書き込む and 元に戻す, with what happened: one place for both tools' write path. */
export function WriteBar(props: WriteBarProps) {
  return renderWriteBar(useWriteBarStyles(useWriteBar(props)));
}
