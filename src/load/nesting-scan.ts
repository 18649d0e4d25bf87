const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const HASH = 0x23;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const DASH = 0x2d;
const QUESTION = 0x3f;
const OPEN_SQUARE = 0x5b;
const CLOSE_SQUARE = 0x5d;
const OPEN_CURLY = 0x7b;
const CLOSE_CURLY = 0x7d;

/** Two indicators chained, as in "- - 1" or "? - x". */
const CHAINED = /[-?][ \t]+[-?][ \t]/u;

const isBlank = (c: number) => c === SPACE || c === TAB || c === LF || c === CR || Number.isNaN(c);

/**
 * Where the nesting of `text` plainly goes past `limit` levels, found in one pass over the text:
 * at the `limit + 1`-th bracket ([ or {) open at once, or at the `limit + 1`-th "- " or "? "
 * chained at the start of one line ("- - - - 1"). Returns where to cut the text so that a parse
 * of the part before the cut shows the nesting: the end of that line, or 1,024 characters on.
 *
 * Brackets inside comments and quoted text are skipped, as far as a scan without YAML's grammar
 * tells them apart (a quote opens quoted text only where a value starts); those of block text
 * (`|`, `>`) and of plain text are counted. So the answer is a guess to confirm, never a verdict.
 */
export function deepNestingEnd(text: string, limit: number): number | undefined {
  // Nearly every file has no "- - " and fewer brackets in all than the limit: two searches in
  // native code settle it, five times faster than the scan below (which runs on every file read).
  if (!CHAINED.test(text) && !moreBracketsThan(text, limit)) return undefined;
  let brackets = 0;
  let chain = 0;
  // Nothing but indentation and chained "- " / "? " yet on this line.
  let lineStart = true;
  // A quote here opens quoted text: at the start of a line, after "[", "{", ",", ": " or a leading "- ".
  let valueStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) {
      lineStart = true;
      valueStart = true;
      chain = 0;
    } else if (c === SPACE || c === TAB || c === CR) {
      // Spaces change nothing.
    } else if (c === HASH && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end - 1;
    } else if ((c === DOUBLE_QUOTE || c === SINGLE_QUOTE) && valueStart) {
      const close = closingQuote(text, i);
      if (close === -1) return undefined;
      i = close;
      lineStart = false;
      valueStart = false;
    } else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      if (++brackets > limit) return cutAfter(text, i);
      lineStart = false;
      valueStart = true;
    } else if (c === CLOSE_SQUARE || c === CLOSE_CURLY) {
      if (brackets > 0) brackets--;
      lineStart = false;
      valueStart = false;
    } else if ((c === DASH || c === QUESTION) && lineStart && isBlank(text.charCodeAt(i + 1))) {
      if (brackets === 0 && ++chain > limit) return cutAfter(text, i);
      valueStart = true;
    } else if (c === COLON && (brackets > 0 || isBlank(text.charCodeAt(i + 1)))) {
      lineStart = false;
      valueStart = true;
    } else if (c === COMMA && brackets > 0) {
      lineStart = false;
      valueStart = true;
    } else {
      lineStart = false;
      valueStart = false;
    }
  }
  return undefined;
}

function moreBracketsThan(text: string, limit: number): boolean {
  let count = 0;
  for (const bracket of ['[', '{']) {
    for (let i = text.indexOf(bracket); i !== -1; i = text.indexOf(bracket, i + 1)) if (++count > limit) return true;
  }
  return false;
}

/** The end of the line of `offset`, or 1,024 characters on if the line is longer. */
function cutAfter(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  const far = Math.min(text.length, offset + 1024);
  return end !== -1 && end < far ? end : far;
}

/** Offset of the quote that closes the one at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  const quote = text[open]!;
  for (let i = text.indexOf(quote, open + 1); i !== -1; i = text.indexOf(quote, i + 1)) {
    if (quote === "'") {
      // '' is a quote inside single-quoted text.
      if (text[i + 1] === "'") i++;
      else return i;
    } else {
      let k = i - 1;
      while (text.charCodeAt(k) === BACKSLASH) k--;
      if ((i - 1 - k) % 2 === 0) return i;
    }
  }
  return -1;
}
