/** What an `evidence` entry is: a web link, a file in the repository, or a document reference. */
export type EvidenceKind = 'url' | 'path' | 'reference';

const URL = /^https?:\/\/\S+$/iu;
const DOCUMENT = /\.(pdf|docx?|xlsx?|odt|ods|pptx?|jpe?g|png|tiff?|zip|rar|7z|txt|md|csv|html?)$/iu;

/**
 * "Quyết định số 123/QĐ-UBND ngày 15/8/2025" is a reference (it has spaces), while
 * `minh-chung/qd-123.pdf`, `minh-chung\qd 123.pdf` and `bien-ban.docx` are files that must exist.
 */
export function evidenceKind(entry: string): EvidenceKind {
  const text = entry.trim();
  if (URL.test(text)) return 'url';
  if (DOCUMENT.test(text)) return 'path';
  if (!/\s/u.test(text) && /[\\/]/u.test(text)) return 'path';
  return 'reference';
}

/** A path as written on Windows or Linux, with `/`. */
export function normalisePath(entry: string): string {
  return entry.trim().replace(/\\/gu, '/').replace(/^\.\//u, '');
}
