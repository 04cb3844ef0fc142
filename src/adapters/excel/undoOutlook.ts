// How a write of the pane can be taken back on this Excel, said in the preview before writing: by Excel's own
// 元に戻す (Ctrl+Z), where the API ledger says the write and its undo grouping keep the undo history on this
// platform, or by the pane's 元に戻す, which writes every cell's earlier content back. And what adding a worksheet
// (新しい調査書, 翌年度へ繰り越し) does to Excel's undo history here, said before adding, with how the sheet is removed.
import { LEDGER_PLATFORMS, SHEET_UNDO, WRITE_UNDO, type LedgerPlatform, type UndoEffect } from './apiLedger';
import type { ExcelPlatform } from './officeHost';

/** ExcelApi 1.20: Excel keeps an add-in's writes in its undo history and can group them (mergeUndoGroup). */
export const UNDO_SUPPORT_MINOR = 20;

export interface UndoOutlook {
  /** 'excel': one Ctrl+Z takes the whole write back; 'journal': the pane's 元に戻す does. */
  way: 'excel' | 'journal';
  /** What the preview says, in Japanese, for this platform. */
  text: string;
}

const PLATFORM_JA: Record<ExcelPlatform, string> = {
  desktop: 'Windows 版 Excel',
  web: 'Excel on the web',
  mac: 'Mac 版 Excel',
  other: 'この Excel',
};

const PANE_UNDO = '取り消すときは、書き込んだあとに表示される作業ウィンドウの「元に戻す」を使ってください。';

function isLedgerPlatform(p: ExcelPlatform): p is LedgerPlatform {
  return (LEDGER_PLATFORMS as readonly string[]).includes(p);
}

/**
 * @param undoSupport ExcelApi 1.20 is supported: Excel keeps add-ins' writes in its undo history and can group them
 *   (mergeUndoGroup).
 */
export function undoOutlook(platform: ExcelPlatform, undoSupport: boolean): UndoOutlook {
  const name = PLATFORM_JA[platform];
  const { write, grouping } = WRITE_UNDO;
  if (isLedgerPlatform(platform) && undoSupport && write.undo[platform] === 'kept' && grouping.undo[platform] === 'kept') {
    return {
      way: 'excel',
      text: `${name}(ExcelApi 1.20 対応)では、この書き込みは Excel の「元に戻す」(Ctrl+Z)1 回でまとめて取り消せます。Excel がまとめられなかったときは書き込んだあとにそう表示し、作業ウィンドウの「元に戻す」で取り消せるようにします。`,
    };
  }
  if (isLedgerPlatform(platform) && !undoSupport && write.beforeUndoSupport === 'cleared') {
    return {
      way: 'journal',
      text: `${name}(ExcelApi 1.20 より前)では、アドインが書き込むと Excel の「元に戻す」の履歴が消え、この書き込みも、それまでの入力も Ctrl+Z では戻せなくなります。${PANE_UNDO}`,
    };
  }
  return { way: 'journal', text: `${name}で Excel の「元に戻す」(Ctrl+Z)が使えるかは確かめられていません。${PANE_UNDO}` };
}

/** What adding sheets does to the undo history here, and what the preview says about it. */
export interface SheetUndoOutlook {
  /** The worst of what the calls of the add do to the undo history on this platform. */
  effect: UndoEffect;
  text: string;
}

const WORST: readonly UndoEffect[] = ['cleared', 'unverified', 'kept'];

const REMOVE_SHEET =
  '追加したシートが要らなければ、シート見出しを右クリックして「削除」を選ぶと取り除けます。ほかのシートには何も書き込みません。';

/**
 * @param undoSupport ExcelApi 1.20: without it every write of an add-in clears the undo history.
 * @param protect The sheet is protected (the computed cells locked), which Microsoft lists as clearing it everywhere.
 */
export function sheetUndoOutlook(platform: ExcelPlatform, undoSupport: boolean, protect: boolean): SheetUndoOutlook {
  const name = PLATFORM_JA[platform];
  const steps = [
    { step: 'シートの追加', fact: SHEET_UNDO.add },
    { step: '書き込み', fact: WRITE_UNDO.write },
    ...(protect ? [{ step: 'シートの保護(計算欄のロック)', fact: SHEET_UNDO.protect }] : []),
  ];
  const effectOf = (fact: (typeof steps)[number]['fact']): UndoEffect => {
    if (!undoSupport && 'beforeUndoSupport' in fact) return fact.beforeUndoSupport;
    return isLedgerPlatform(platform) ? fact.undo[platform] : 'unverified';
  };
  const effect = WORST.find((e) => steps.some((s) => effectOf(s.fact) === e))!;
  const causes = steps.filter((s) => effectOf(s.fact) === effect).map((s) => s.step);
  const where = `${name}(ExcelApi 1.20 ${undoSupport ? '対応' : 'より前'})`;
  const head = {
    cleared: `${where}では、${causes.join('・')}で Excel の「元に戻す」(Ctrl+Z)の履歴が消え、それまでの入力や操作も Ctrl+Z では戻せなくなります。`,
    unverified: `${where}で、${causes.join('・')}のあとも Excel の「元に戻す」(Ctrl+Z)の履歴が残るかは確かめられていません。消えることがあるものとしてお使いください。`,
    kept: `${where}では、シートを追加しても、それまでの「元に戻す」(Ctrl+Z)の履歴は残ります。`,
  }[effect];
  return { effect, text: `${head}${REMOVE_SHEET}` };
}
