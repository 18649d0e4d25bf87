import type { Op } from '../types.js';
import { AFTER_WORDS, NOT_COUNT_NOUNS, OPERATOR_WORDS, ZERO_WORDS } from './phrases.js';

/** A numeric target read from a requirement cell. */
export interface TargetRead {
  kind: 'ratio' | 'count';
  op: Op;
  value: number;
  label: string;
  /** The words it was read from, quoted in a review. */
  words: string;
  /** Why a person should confirm it, if they should. */
  review?: 'plain-number' | 'nested' | 'range';
  /** "100% UBND cấp xã có tỷ lệ … từ 90% trở lên": each unit must meet the inner target. */
  each?: boolean;
}

export interface TargetsRead {
  targets: TargetRead[];
  /** Percentages that are not a share of a whole ("tăng 5% so với năm trước", "110% dự toán"): for the reviewer to define. */
  unread: string[];
  /** "100% đơn vị thực hiện đúng, không có sai phạm": a "không có" read as part of the percentage. */
  qualifiers: string[];
}

const PERCENT = /(?<![\d.,])(?:(\d{1,3}(?:[.,]\d+)?)\s*[-–]\s*)?(\d{1,3}(?:[.,]\d+)?)\s*%/gu;
const RATE = /t[ỷỉ] lệ/u;
const MAX_LABEL_WORDS = 16;

/**
 * Reads the numeric targets of a requirement ("Phấn đấu 100% hồ sơ…", "tối thiểu 90% trở lên",
 * "trên 85 %", "không có … bị kỷ luật", "ít nhất 02 cuộc") with the word tables of phrases.ts.
 * A requirement with no number gives none: the criterion is a task. Numbers that are dates,
 * years or document numbers are not targets.
 */
export function readTargets(requirement: string, title: string): TargetsRead {
  const targets: TargetRead[] = [];
  const qualifiers: string[] = [];
  const unread: string[] = [];
  for (const clause of clauses(requirement)) {
    const lower = clause.toLowerCase();
    // "tăng 5% so với năm trước", "giảm ít nhất 10% …": a change, not a share of a whole.
    const change = /(?:^|\s)(?:tăng|giảm)(?!\p{L})|so với/u.test(lower);
    const percents = [...lower.matchAll(PERCENT)];
    percents.forEach((m, i) => {
      const value = Number(m[2]!.replace(',', '.'));
      if (change || value > 100) {
        unread.push(clause.slice(wordStart(lower, Math.max(0, m.index! - 30)), m.index! + m[0].length).trim());
        return;
      }
      // "100% UBND cấp xã có tỷ lệ xử lý … đạt từ 90 % trở lên": the first number counts units,
      // the second is the target each of them must meet.
      const next = percents[i + 1];
      if (next && RATE.test(lower.slice(m.index + m[0].length, next.index))) return;
      const previous = percents[i - 1];
      const nestedIn = previous && RATE.test(lower.slice(previous.index + previous[0].length, m.index)) ? previous.index : undefined;
      targets.push(percentTarget(clause, lower, m, title, nestedIn));
    });
    const count = countTarget(clause, lower);
    if (count && percents.length === 0) targets.push(count);
    const zero = zeroTarget(clause, lower);
    if (zero) {
      if (percents.length === 0 && !count) targets.push(zero);
      else qualifiers.push(zero.words);
    }
  }
  return { targets: dedupe(targets), qualifiers, unread };
}

/** Sentences, lines, "; " parts and "- " bullets: each may hold its own target. */
function clauses(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\n|;|(?<=[.!?])\s+(?=\p{Lu})|(?:^|\s)[-–•+]\s+(?=\p{L})/u)
    .map((c) => c.replace(/\s+/gu, ' ').trim())
    .filter((c) => c !== '');
}

const endsWithWords = (text: string, words: string) => text === words || text.endsWith(` ${words}`) || (!/\p{L}/u.test(words) && text.endsWith(words));

/** Longest first: "không thấp hơn" before "thấp hơn" before "hơn". */
const OPERATORS_LONGEST_FIRST = [...OPERATOR_WORDS].sort((a, b) => b.words.length - a.words.length);

function operatorBefore(before: string): { op: Op; plain: boolean; words: string } | undefined {
  const tail = before.trimEnd();
  for (const entry of OPERATORS_LONGEST_FIRST) {
    if (endsWithWords(tail, entry.words)) return { op: entry.op, plain: entry.plain === true, words: entry.words };
  }
  return undefined;
}

const operatorAfter = (after: string) => AFTER_WORDS.find((entry) => after.trimStart().startsWith(entry.words));

function percentTarget(clause: string, lower: string, m: RegExpMatchArray, title: string, nestedIn: number | undefined): TargetRead {
  const nested = nestedIn !== undefined;
  const start = m.index!;
  const end = start + m[0].length;
  // "từ 95-100%": a range, read as its lower end.
  const range = m[1] !== undefined;
  const value = Number((m[1] ?? m[2]!).replace(',', '.'));
  const before = operatorBefore(lower.slice(0, start));
  const after = operatorAfter(lower.slice(end));
  const op: Op = range ? '>=' : after?.op ?? before?.op ?? '>=';
  const label = rateLabel(clause, lower, start, end, before?.words) ?? title;
  const review = nested ? 'nested' : range ? 'range' : !before && !after && value < 100 ? 'plain-number' : undefined;
  const from = nestedIn ?? wordStart(lower, Math.max(0, start - 30));
  const words = clause.slice(from, end + (after ? after.words.length + 1 : 0)).trim();
  return { kind: 'ratio', op, value, label, words, ...(review ? { review } : {}), ...(nested ? { each: true } : {}) };
}

/** The start of the word at or after `at`: an excerpt never begins inside a word. */
const wordStart = (text: string, at: number) => (at === 0 || text[at - 1] === ' ' ? at : text.indexOf(' ', at) + 1);

/** "Tỷ lệ hồ sơ trực tuyến toàn trình" before the number, else "Tỷ lệ " + the words after it. */
function rateLabel(clause: string, lower: string, start: number, end: number, opWords?: string): string | undefined {
  const rate = RATE.exec(lower.slice(0, start));
  if (rate) {
    let phrase = clause.slice(rate.index, start).trim();
    if (opWords && phrase.toLowerCase().endsWith(opWords)) phrase = phrase.slice(0, -opWords.length).trim();
    phrase = phrase.replace(/(?:\s+(?:đạt|là|ở mức|mức|có|t[ỷỉ] lệ|từ))+$/iu, '').trim();
    if (phrase.split(' ').length > 2) return sentence(trimWords(phrase));
  }
  const rest = clause.slice(end).replace(/^\s*(?:trở lên|trở xuống)/u, '').replace(/^[\s,.:)]+/u, '');
  if (rest === '') return undefined;
  // "Hoàn thành 100% nhiệm vụ được giao": the share of tasks done.
  const done = opWords === 'hoàn thành' ? ' hoàn thành' : '';
  return sentence(`Tỷ lệ ${lowerFirst(trimWords(rest))}${done}`);
}

const COUNT = new RegExp(`(?:^|\\s)(${OPERATORS_LONGEST_FIRST.filter((o) => !o.plain).map((o) => escape(o.words)).join('|')})\\s*(\\d{1,6})(?![\\d.,/%-])\\s*(?!%)(.*)$`, 'u');

function countTarget(clause: string, lower: string): TargetRead | undefined {
  const m = COUNT.exec(lower);
  if (!m) return undefined;
  const noun = m[3]!.replace(/\s*trở (?:lên|xuống)\b.*$/u, '').trim();
  if (noun === '' || NOT_COUNT_NOUNS.test(noun) || !/^\p{L}/u.test(noun)) return undefined;
  const entry = OPERATOR_WORDS.find((o) => o.words === m[1])!;
  const after = operatorAfter(m[3]!.slice(noun.length));
  const start = m.index + m[0].length - m[3]!.length;
  const original = clause.slice(start, start + noun.length);
  return { kind: 'count', op: after?.op ?? entry.op, value: Number(m[2]), label: sentence(`Số ${lowerFirst(trimWords(original))}`), words: clause.slice(m.index, start + noun.length).trim() };
}

function zeroTarget(clause: string, lower: string): TargetRead | undefined {
  const zero = /(?:^|\s)0\s+(?!%)(\p{L}.*)$/u.exec(lower);
  if (zero) {
    const start = zero.index + zero[0].length - zero[1]!.length;
    return { kind: 'count', op: '=', value: 0, label: sentence(`Số ${trimWords(clause.slice(start))}`), words: clause.slice(zero.index).trim() };
  }
  for (const words of ZERO_WORDS) {
    const at = lower.indexOf(`${words} `);
    if (at === -1 || (at > 0 && lower[at - 1] !== ' ')) continue;
    const rest = clause.slice(at + words.length + 1).trim();
    if (!/^\p{L}/u.test(rest)) continue;
    return { kind: 'count', op: '=', value: 0, label: sentence(`Số ${lowerFirst(trimWords(rest))}`), words: clause.slice(at).trim() };
  }
  return undefined;
}

function dedupe(targets: TargetRead[]): TargetRead[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.kind} ${t.op} ${t.value} ${t.label}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** At most MAX_LABEL_WORDS words, without a bracket left open or a dangling comma. */
function trimWords(text: string): string {
  let words = text.split(/\s+/u).slice(0, MAX_LABEL_WORDS).join(' ');
  const open = words.lastIndexOf('(');
  if (open > words.lastIndexOf(')')) words = words.slice(0, open);
  return words.replace(/[\s,;:.(-]+$/u, '').replace(/^\((.*)\)$/u, '$1').replace(/\)$/u, (p) => (words.includes('(') ? p : ''));
}

/** Lower-case the first letter unless the first word is an abbreviation (TTHC, UBND). */
const lowerFirst = (text: string) => (/^\p{Lu}{2,}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1));
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\<>=]/gu, (c) => (c === '<' || c === '>' || c === '=' ? c : `\\${c}`));
}
