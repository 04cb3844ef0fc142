// Text from outside (file names, cell contents, sheet names, OS error messages) made harmless on a terminal.
// A crafted name could otherwise move the cursor, clear the screen, retitle the window (ESC, CSI and OSC
// sequences, C1 controls such as U+009B), ring the bell, overwrite the line (CR) or reorder what is shown
// (bidi overrides such as U+202E). Every command passes such text through here before printing it.
import { displayWidth } from '../core/text/width';

export { displayWidth };

/** Line breaks of every kind, and TAB: shown as one space so the text stays on its line. */
const BREAKS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** The rest of C0, DEL, C1, and the invisible bidi marks, embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** One line, free of control characters: for progress, error lines and the text report. */
export function printable(s: string): string {
  return s.replace(BREAKS, ' ').replace(CONTROLS, '');
}

/** Several lines (\n or \r\n kept, any other break a space), otherwise as printable(): for CSV shown on a terminal. */
export function printableLines(s: string): string {
  return s
    .split(/\r?\n/)
    .map((line) => printable(line))
    .join('\n');
}

/** Characters JSON.stringify leaves as they are but a terminal acts on (it already escapes C0). */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/g;

/** Serialized JSON with those characters written as \uXXXX escapes: the same data, safe to print. */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The end of a text that fits in `width` columns, with "…" in front when cut (a path's end says the most). */
export function fitFromEnd(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  const chars = [...s];
  let w = 1; // the ellipsis
  let i = chars.length;
  while (i > 0) {
    const cw = displayWidth(chars[i - 1]!);
    if (w + cw > width) break;
    w += cw;
    i--;
  }
  return `…${chars.slice(i).join('')}`;
}
