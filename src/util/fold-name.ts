// Vietnamese tone marks as combining characters (after NFD): grave, acute, tilde, hook above, dot below.
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const DASHES = /\s*[-\u2010-\u2015\u2212]\s*/gu;

function foldSyllable(word: string): string {
  const nfd = word.normalize('NFD');
  const tone = TONE.exec(nfd)?.[0] ?? '';
  // Old ("hoá") and new ("hóa") tone placement differ only in where the mark sits:
  // keep the mark, drop its position.
  return nfd.replace(TONES, '').normalize('NFC') + (tone ? `~${tone.codePointAt(0)!.toString(16)}` : '');
}

/**
 * A key under which spellings of one unit name compare equal: NFC/NFD, tone placement,
 * letter case, dash and space variants ("Phòng Văn hoá - Xã hội" = "phòng văn hóa-xã hội").
 */
export function foldName(name: string): string {
  let folded = folds.get(name);
  if (folded === undefined) {
    folded = fold(name);
    // A repository names a few dozen units, in a few spellings each; the bound is for safety.
    if (folds.size >= 10_000) folds.clear();
    folds.set(name, folded);
  }
  return folded;
}

// Every progress file names its unit: the same few names are folded thousands of times.
const folds = new Map<string, string>();

function fold(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(DASHES, '-')
    .trim()
    .split(/\s+/u)
    .map((w) => w.split('-').map(foldSyllable).join('-'))
    .join(' ');
}
