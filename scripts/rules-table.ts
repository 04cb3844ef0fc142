// Prints the rules table (id, severity, meaning) in Markdown, for the README.
import { RULES } from '../src/core/rules';

const SEVERITY_JA = { error: 'エラー', warning: '確認', info: '情報' } as const;
const rows = RULES.map((r) => `| ${r.id} | ${SEVERITY_JA[r.severity]} | ${({ older: '旧様式', current: '現行', any: '両方' } as const)[r.edition]} | ${r.title} |`);
console.log(['| id | 重大度 | 様式 | 点検内容 |', '|---|---|---|---|', ...rows].join('\n'));
