// How a write of the pane can be taken back on this Excel, said in the preview before writing: by Excel's own
// 元に戻す (Ctrl+Z), where the API ledger says the write and its undo grouping keep the undo history on this
// platform, or by the pane's 元に戻す, which writes every cell's earlier content back.
import { LEDGER_PLATFORMS, WRITE_UNDO, type LedgerPlatform } from './apiLedger';
import type { ExcelPlatform } from './officeHost';

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
