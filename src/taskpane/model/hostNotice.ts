// What the file mode says first when it is shown because office.js failed, not because the page was opened in a
// browser on purpose: the person expected the pane inside Excel and must learn why it is not there.
import type { OfficeHost } from '../../adapters/excel/officeHost';
import { OFFICE_READY_TIMEOUT_MS } from '../../adapters/excel/officeHost';

export interface HostNotice {
  title: string;
  text: string;
}

const FILE_MODE = 'このページでは、下の枠で .xlsx ファイルを点検できます(このパソコンの中だけで読み取ります)。';

export function hostNotice(host: OfficeHost): HostNotice | null {
  switch (host.kind) {
    case 'no-office-js':
      return {
        title: 'Office の機能を読み込めませんでした',
        text:
          'Microsoft の office.js(appsforoffice.microsoft.com)に接続できないため、Excel のブックを直接点検することはできません。' +
          'Excel の中で開いている場合は、ネットワークの接続を確かめてから作業ウィンドウを開き直してください。インターネットに出られないネットワークでは、アドインの管理者にご相談ください。' +
          FILE_MODE,
      };
    case 'not-ready':
      return {
        title: 'Office の準備が整いませんでした',
        text: `office.js は読み込めましたが、${OFFICE_READY_TIMEOUT_MS / 1000} 秒待っても Office から応答がありません。Excel の中で開いている場合は、作業ウィンドウを閉じて開き直してください。${FILE_MODE}`,
      };
    case 'other-application':
      return { title: 'Excel 以外で開かれています', text: `このアドインは Excel 用です。${FILE_MODE}` };
    case 'excel':
    case 'browser':
      return null;
  }
}
