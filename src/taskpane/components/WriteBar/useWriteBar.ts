import type { WriteBarProps, WriteBarState } from './WriteBar.types';

export function useWriteBar(props: WriteBarProps): Omit<WriteBarState, 'classes'> {
  const stage = props.write.stage;
  const busy = stage === 'writing' ? '書き込んでいます…' : stage === 'undoing' ? '元に戻しています…' : null;
  return { ...props, busy };
}
