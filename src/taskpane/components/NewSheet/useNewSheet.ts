import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createOfficeSheetWriter } from '../../../adapters/excel/sheetWriter';
import { addPlannedSheet, previewNewForm, previewRollover } from '../../model/newSheetSession';
import type { NewSheetProps, NewSheetState } from './NewSheet.types';

/** The year a blank form starts with: the one most people report in a new survey (N = this fiscal year − 1). */
function defaultYear(now: Date): string {
  const APRIL = 3;
  const fiscal = now.getMonth() >= APRIL ? now.getFullYear() : now.getFullYear() - 1;
  return String(fiscal - 1);
}

export function useNewSheet(props: NewSheetProps): Omit<NewSheetState, 'classes'> {
  const { host } = props;
  const form = useSyncExternalStore(host.subscribe, () => host.form());
  const hasWorkbook = host.workbook !== null;
  const writer = useMemo(() => (props.writer !== undefined ? props.writer : hasWorkbook ? createOfficeSheetWriter() : null), [props.writer, hasWorkbook]);
  const [yearText, setYearText] = useState(() => defaultYear(new Date()));
  const [protect, setProtect] = useState(false);
  const [force, setForce] = useState(false);
  const [taken, setTaken] = useState<string[]>([]);
  const [status, setStatus] = useState<NewSheetState['status']>({ kind: 'idle', text: null });

  useEffect(() => {
    let live = true;
    writer
      ?.sheetNames()
      .then((names) => live && setTaken(names))
      .catch(() => undefined); // names are only for a unique default: Excel refuses a taken name anyway
    return () => {
      live = false;
    };
  }, [writer, status.kind]);

  const preview = useMemo(() => {
    const opts = { protect, force };
    return props.command === 'newForm' ? previewNewForm(yearText, opts, taken) : previewRollover(form, opts, taken);
  }, [props.command, yearText, protect, force, taken, form]);

  return {
    command: props.command,
    host,
    writer,
    yearText,
    protect,
    force,
    preview,
    status,
    onYear: (t) => {
      setYearText(t);
      setStatus({ kind: 'idle', text: null });
    },
    onProtect: setProtect,
    onForce: setForce,
    onAdd: () => {
      const plan = preview.plan;
      if (!writer || !plan || status.kind === 'adding') return;
      setStatus({ kind: 'adding', text: null });
      addPlannedSheet(writer, plan).then(
        (text) => setStatus({ kind: 'added', text }),
        (err: unknown) => setStatus({ kind: 'failed', text: host.workbook?.problemText(err) ?? String(err) }),
      );
    },
  };
}
