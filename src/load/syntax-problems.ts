import type { CST, YAMLError } from 'yaml';
import type { Diagnostic } from '../types.js';
import type { At } from './diagnostic-at.js';
import { collectionKeyProblem } from './content-problems.js';
import { firstUnclosed, flowCollectionEnd } from './parse-tree.js';

/**
 * One diagnostic per line: yaml often reports the consequences of a mistake on the same line too.
 * A Tab used for indentation upsets everything after it, so when there is one only Tabs are shown.
 */
export function syntaxProblems(errors: readonly YAMLError[], text: string, tokens: readonly CST.Token[], at: At): Diagnostic[] {
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  const lines = new Set<number>();
  return (tabs.length > 0 ? tabs : errors).map((e) => syntaxProblem(e, text, tokens, at)).filter((d) => !lines.has(d.line!) && lines.add(d.line!));
}

function syntaxProblem(error: YAMLError, text: string, tokens: readonly CST.Token[], at: At): Diagnostic {
  const detail = firstLine(error.message);
  const colon = missingSpaceAfterColon(text, error.pos[0]);
  if (colon !== undefined) return at('yaml-colon-space', {}, colon);
  // yaml (2.9) reads `[a, b]: 1` after another key of a nested mapping as the right key, but then
  // reports a "Map comment with trailing content" at it.
  const collectionEnd = flowCollectionEnd(tokens, error.pos[0]);
  if (collectionEnd !== undefined && /^[ \t]*:/u.test(text.slice(collectionEnd, collectionEnd + 80))) {
    return collectionKeyProblem(text, error.pos[0], collectionEnd, at);
  }
  const indicator = blockIndicator(text, error.pos[0]);
  if (indicator !== undefined) return at('yaml-block-indicator', { char: text[indicator]! }, indicator);
  if (/^Nested mappings are not allowed in compact mappings/u.test(detail)) return at('yaml-colon-in-value', {}, error.pos[0]);
  // yaml reports an unclosed quote or bracket where it gave up, often lines further down (as a
  // "bad indent" for brackets); the fix goes where it was opened.
  if (/quote|end with a [\]}]/u.test(detail)) {
    const open = firstUnclosed(tokens);
    if (open !== undefined) return at('yaml-syntax', { yamlCode: 'MISSING_CHAR', detail }, open);
  }
  // A key without its colon comes as MISSING_CHAR, whose hint speaks of quotes and brackets:
  // `yamlCode` picks the hint that fits (messages.ts, YAML_VI).
  const yamlCode = /^Implicit map keys need to be followed by map values/u.test(detail) ? 'MULTILINE_IMPLICIT_KEY' : error.code;
  return at('yaml-syntax', { yamlCode, detail }, error.pos[0]);
}

// `asOf:2025-09-14`: without the space YAML reads one word, and reports whatever that breaks.
const NO_SPACE_AFTER_KEY = /^[ \t]*(?:-[ \t]+)?[A-Za-z_"'][\w."'-]*:(?=[^\s/])/u;

/** Offset of the colon, when the line of `offset` starts with a key glued to its value. */
function missingSpaceAfterColon(text: string, offset: number): number | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', start);
  const m = NO_SPACE_AFTER_KEY.exec(text.slice(start, end === -1 ? undefined : end));
  return m ? start + m[0].length - 1 : undefined;
}

// `target: >= 90%`: a value starting with > or | opens a block of text in YAML, unless quoted.
const BLOCK_INDICATOR = /^[^#]*?:[ \t]+(?=[>|](?![-+0-9]*[ \t]*(?:#|$)))/u;

/** Offset of the > or | that starts the value on the line of `offset` but not a valid block. */
function blockIndicator(text: string, offset: number): number | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', start);
  const m = BLOCK_INDICATOR.exec(text.slice(start, end === -1 ? undefined : end).replace(/\r$/u, ''));
  return m ? start + m[0].length : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '');
}

