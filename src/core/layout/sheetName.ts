// Worksheet names Excel accepts: at most 31 characters, none of \ / ? * [ ] :, not starting or ending with ',
// unique in the workbook (compared as Excel does, without regard to case).
const MAX_SHEET_NAME = 31;

export function worksheetName(raw: string, taken: Set<string> = new Set()): string {
  let base = raw
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  if (base === '') base = 'Sheet';
  const isTaken = (n: string): boolean => [...taken].some((t) => t.toLowerCase() === n.toLowerCase());
  let name = [...base].slice(0, MAX_SHEET_NAME).join('').trim();
  for (let i = 2; isTaken(name); i++) {
    const suffix = ` (${i})`;
    name = [...base].slice(0, MAX_SHEET_NAME - suffix.length).join('').trim() + suffix;
  }
  taken.add(name);
  return name;
}

/** A name ending in `suffix` (「(令和2)」): the base is shortened, never the suffix. */
export function worksheetNameWithSuffix(base: string, suffix: string, taken: Set<string> = new Set()): string {
  const room = MAX_SHEET_NAME - [...suffix].length;
  return worksheetName([...base.trim()].slice(0, Math.max(1, room)).join('').trim() + suffix, taken);
}
