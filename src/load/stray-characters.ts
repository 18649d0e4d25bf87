import type { Diagnostic } from '../types.js';

// Characters YAML does not allow in a file (C0 and C1 controls but tab, line feed, carriage return
// and NEL). yaml lets them through, and they would break the XML inside an .xlsx report.
const CONTROL_CHARS = '\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u0084\\u0086-\\u009F\\uFFFE\\uFFFF';
const CONTROL = new RegExp(`[${CONTROL_CHARS}]`, 'u');
const ODD = '\\u00A0\\u1680\\u2000-\\u200B\\u202F\\u205F\\u3000\\uFEFF';
// A no-break space (Word, web pages, phone keyboards) looks like a space but YAML reads it as text:
// in the indentation or right after a key's colon it silently changes the structure.
const ODD_INDENT = new RegExp(`^[ \\t${ODD}]*?[${ODD}]`, 'u');
const ODD_AFTER_KEY = new RegExp(`^[ \\t]*(?:- +)?[^\\s#'"][^:#]*:[${ODD}]`, 'u');
/** Any character the checks above are about. */
export const SUSPECT_CHARS = `${CONTROL_CHARS}${ODD}`;
const SUSPECT = new RegExp(`[${SUSPECT_CHARS}]`, 'u');

/** Control characters anywhere, odd spaces where they change the structure: one per line. */
export function strayCharacters(text: string, file: string): Diagnostic[] {
  // Nearly every file holds none: one search of the whole text spares splitting it into lines.
  if (!SUSPECT.test(text)) return [];
  const found: Diagnostic[] = [];
  text.split('\n').forEach((line, i) => {
    const control = CONTROL.exec(line);
    const odd = control ? null : ODD_INDENT.exec(line) ?? ODD_AFTER_KEY.exec(line);
    const index = control ? control.index : odd ? odd[0].length - 1 : -1;
    if (index === -1) return;
    const codePoint = `U+${line.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0')}`;
    found.push({ severity: 'error', code: control ? 'control-character' : 'odd-whitespace', args: { codePoint }, file, line: i + 1, column: index + 1 });
  });
  return found;
}
