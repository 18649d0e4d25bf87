import stringWidthOfPackage from 'string-width';

/**
 * Whether a UTF-16 code unit is one column wide for string-width: printable ASCII, Latin-1 letters
 * and signs, Latin Extended-A and -B (ơ, ư, đ) and Latin Extended Additional (ạ … ỹ), dashes and
 * the ellipsis, arrows and mathematical operators (≥, ≤, ≠). None of them is fullwidth, a control
 * character or the start of an emoji; `tests/format/string-width.test.ts` checks every one of
 * them against the package.
 */
function narrow(code: number): boolean {
  return (code >= 0x20 && code <= 0x7e)
    || (code >= 0xa0 && code <= 0x24f && code !== 0xa9 && code !== 0xae)
    || (code >= 0x1e00 && code <= 0x1eff)
    || (code >= 0x2010 && code <= 0x2027)
    || (code >= 0x2190 && code <= 0x2193)
    || (code >= 0x2200 && code <= 0x22ff);
}

/**
 * The width of `text` in terminal columns, as the `string-width` package computes it, for
 * cli-table3 (the bundle gives it this function instead of the package; src/build/build.mjs).
 *
 * cli-table3 measures every line of every cell several times while it draws, and the package
 * builds two regular expressions (ANSI codes and emoji) on each call: about 25 ms of a 300 ms
 * `cchc check` on the example. Text made only of the characters above, which is nearly all of a
 * Vietnamese table, is measured here in one pass (combining accents, U+0300–U+036F, take no
 * column); anything else goes to the package.
 */
export function stringWidth(text: string): number {
  if (typeof text !== 'string') return stringWidthOfPackage(text);
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (narrow(code)) width++;
    else if (code < 0x300 || code > 0x36f) return stringWidthOfPackage(text);
  }
  return width;
}
