/**
 * quickYaml, the fast reader of plain YAML (src/load/quick-yaml.ts): whatever it accepts it must
 * read to the same data, the same node offsets and the same plain-scalar text as yaml; whatever
 * it is unsure of it must leave to yaml. And it must accept the files cchc users write, or the
 * speed it exists for is lost without any test failing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quickYaml } from '../src/load/quick-yaml.js';
import { UNUSUAL } from '../src/load/read-source.js';
import { strayCharacters } from '../src/load/stray-characters.js';
import { applyByteEdits, byteEdit } from './fuzz/mutate.js';
import { compareWithYaml } from './quick/compare.js';

const root = join(import.meta.dirname, '..');
/** Generated cases per property; QUICK_YAML_RUNS=n runs more (a search, not a regular test). */
const RUNS = Number(process.env.QUICK_YAML_RUNS) || 4_000;

function yamlFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/u.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const read = (file: string) => readFileSync(file, 'utf8').replace(/^\uFEFF/u, '').normalize('NFC');

describe('quickYaml on the files in the repository', () => {
  it('reads every plan and progress file of the bundled example, as yaml does', () => {
    const files = [...yamlFiles('plans'), ...yamlFiles('fixtures/quang-son-2025')];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expect(compareWithYaml(read(file)), file).toBe('');
  });

  it('reads as yaml does, or leaves to yaml, every file of the fixtures and test cases', () => {
    const files = [...yamlFiles('fixtures'), ...yamlFiles('tests/bad-inputs'), ...yamlFiles('tests/e2e/cases')];
    expect(files.length).toBeGreaterThan(150);
    let accepted = 0;
    for (const file of files) {
      const difference = compareWithYaml(read(file));
      if (difference !== undefined) expect(difference, file).toBe('');
      if (difference === '') accepted++;
    }
    // Most of these files hold one mistake, in one of 50 kinds; the others are plain.
    expect(accepted).toBeGreaterThan(files.length / 2);
  });
});

describe('quickYaml reads plain YAML as yaml does', () => {
  const cases: [string, string][] = [
    ['nested mappings and lists', 'a:\n  b: 1\n  c:\n    - x\n    - y\nd: text\n'],
    ['a list at the indentation of its key', 'units:\n- id: a\n  name: A\n- id: b\nnext: 1\n'],
    ['a list in a list item mapping at its key indentation', '- id: a\n  aliases:\n  - x\n- id: b\n'.replace(/^/u, 'l:\n').replace(/\n(?=.)/gu, '\n  ')],
    ['empty values: null where yaml puts it', 'a:\nb:   # note\nc:\n  -\n  - \n  - x\nd: 1'],
    ['a key left empty before a dedent and at the end', 'a:\n  b:\nc:'],
    ['comments at any indentation, and after values', '# head\na: 1 # one\n      # deep comment\nb: "x" # two\nc: [a, b] # three\n'],
    ['Windows line ends', 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\nc: { value: 1, total: 2 }\r\n'],
    ['quoted keys and values', `"1.1": 'it''s'\n'2.1': "x: y # z"\nc: '' \n`],
    ['flow mappings and lists', 'a: { value: 14, total: 22 }\nb: [x, "y", \'z\']\nc: []\nd: {}\ne: {value: 1}\n'],
    ['numbers, booleans, null and look-alikes', 'a: 12\nb: -3\nc: 0.5\nd: 1.250\ne: true\nf: NULL\ng: ~\nh: 14/09/2025\ni: 2025-09-14\nj: 3.2.1\nk: -x\nl: .x\n'],
    ['plain text with punctuation', 'a: Kế hoạch số 37/KH-UBND, ngày 4/5/2025 (bản #2) [x] {y}\nb: a:b\nc: 50%\n'],
    ['keys with dots, dashes, slashes and digits', '2.1.1: a\non_time: b\nx-y/z: c\n'],
    ['a key of 1,024 characters', `${'k'.repeat(1024)}: 1\n`],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(quickYaml(text), 'quickYaml gave up').toBeDefined();
      expect(compareWithYaml(text)).toBe('');
    });
  }
});

describe('quickYaml leaves to yaml what it does not read exactly', () => {
  const cases: [string, string][] = [
    ['an anchor and an alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded block scalar', 'a: >\n  text\n'],
    ['a plain scalar over two lines', 'a: first\n  second\n'],
    ['a value on the line after its key', 'a:\n  text\n'],
    ['a double-quoted escape', 'a: "x\\ny"\n'],
    ['a quoted scalar over two lines', 'a: "x\n  y"\n'],
    ['a tab', 'a:\t1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a duplicate key in braces', 'a: { v: 1, v: 2 }\n'],
    ['a reserved key', '__proto__: 1\n'],
    ['a number as a key', '1.1: a\n'],
    ['a true as a key', 'true: a\n'],
    ['a complex key', '? a\n: 1\n'],
    ['a list as a key', '[a]: 1\n'],
    ['an exponent', 'a: 1e3\n'],
    ['a hexadecimal number', 'a: 0x1F\n'],
    ['an octal number', 'a: 0o17\n'],
    ['a leading zero', 'a: 007\n'],
    ['a plus sign', 'a: +1\n'],
    ['a number with no integer part', 'a: .5\n'],
    ['a number with no fraction', 'a: 5.\n'],
    ['infinity', 'a: .inf\n'],
    ['a 16-digit integer', 'a: 1234567890123456\n'],
    ['a colon and space in plain text', 'a: b: c\n'],
    ['a plain value ending in a colon', 'a: b:\n'],
    ['a nested flow collection', 'a: [[1]]\n'],
    ['a trailing comma in a flow list', 'a: [1, ]\n'],
    ['a flow collection over two lines', 'a: [1,\n  2]\n'],
    ['an empty value in braces', 'a: { v: }\n'],
    ['text after a closing quote', 'a: "x" y\n'],
    ['a comment right after a closing quote', 'a: "x"#c\n'],
    ['a key without a space after its colon', 'a:1\n'],
    ['a space before the colon', 'a : 1\n'],
    ['a list item holding a list', '- - a\n'.replace(/^/u, 'l:\n')],
    ['a top-level list', '- a\n'],
    ['a top-level scalar', 'text\n'],
    ['an empty file', '# only a comment\n'],
    ['a dedent to no known indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a list item under a scalar', 'a: 1\n  - b\n'],
    ['a key next to a list item', 'a:\n  - x\n  b: 1\n'],
    ['a no-break space', 'a:\u00A01\n'],
    ['a lone carriage return', 'a: 1\rb: 2\n'],
    ['a line separator', 'a: x\u2028y\n'],
    ['an indicator at the start of a value', 'a: @x\n'],
    ['a key longer than 1,024 characters', `${'k'.repeat(1025)}: 1\n`],
    ['a quoted key longer than 1,024 characters', `l:\n  - "${'k'.repeat(1030)}": 1\n`],
    ['nesting deeper than 32 levels', Array.from({ length: 40 }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n') + ' 1\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(quickYaml(text)).toBeUndefined();
    });
  }
});

// ---- Generated documents: random trees written out as plain YAML in its several styles, then
// perhaps spoilt by a line of one of the hazards above.

type Tree = { map: [string, Tree][] } | { seq: Tree[] } | { scalar: string };

const SAFE_KEYS = ['a', 'b', 'schema', 'criteria', '"1.1"', "'2.1'", '3.2.1', 'on_time', 'value', 'total', '"a b"', "'it''s'", 'x-y', 'k/2'];
const SAFE_VALUES = [
  '1', '0', '-3', '1.5', '1.250', '0.05', 'true', 'False', 'NULL', '~', 'null', 'text', 'Kế hoạch số 37/KH-UBND', '14/09/2025', '2025-09-14', 'a:b', 'x #y',
  '"q"', "'q'", "'it''s'", '"a: b"', '[a, b]', '[]', '{}', '{ value: 1, total: 2 }', '[ "a" , b ]', '{ v: "x", w: 3 }', '50%', '-x', '.x', 'é (1)', '',
];
const HAZARDS = [
  '1e3', '0x10', '007', '+1', '.5', '5.', '.inf', '.NaN', '12345678901234567', 'a: b', 'b:', '"q\\n"', '"a', "'a", '{value:1}', '[a, [b]]', '[a,]', '{ v: }',
  '[a, b', '|', '>', '&x 1', '*x', '!!str 1', '@x', '`x`', '%x', '-', '- a', '"x" y', '"x"#c', 'x\u00A0y', '{ a: 1, a: 2 }', '? a', '#c',
];
const HAZARD_LINES = ['---', '...', '\t- x', 'a: 1', 'a:', '  - x', '  b: 1', '- y', '    c', '# comment', '', '__proto__: 1', '1.1: x', 'true: 1', 'a : 1'];

const tree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; map: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...SAFE_VALUES).map((scalar) => ({ scalar })),
    tie('map'),
    fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((seq) => ({ seq })),
  ),
  map: fc.uniqueArray(fc.tuple(fc.constantFrom(...SAFE_KEYS), tie('tree')), { minLength: 1, maxLength: 4, selector: ([k]) => k }).map((map) => ({ map })),
})).map;

type Style = { step: number; seqAtKey: boolean; comments: boolean };

function write(node: Tree, indent: number, style: Style, out: string[]): void {
  const pad = ' '.repeat(indent);
  if ('map' in node) {
    for (const [key, value] of node.map) {
      if ('scalar' in value) out.push(`${pad}${key}: ${value.scalar}${style.comments ? ' # c' : ''}`.trimEnd());
      else {
        out.push(`${pad}${key}:`);
        if (style.comments) out.push(`${' '.repeat(indent + 1)}# inside`);
        write(value, 'seq' in value && style.seqAtKey ? indent : indent + style.step, style, out);
      }
    }
  } else if ('seq' in node) {
    for (const item of node.seq) {
      if ('scalar' in item) out.push(`${pad}- ${item.scalar}`.trimEnd());
      else if ('map' in item) {
        // A mapping starts on the line of its dash; the rest of it lines up with its first key.
        const inner: string[] = [];
        write(item, indent + 2, style, inner);
        out.push(`${pad}- ${inner[0]!.trimStart()}`, ...inner.slice(1));
      } else {
        out.push(`${pad}-`);
        write(item, indent + style.step, style, out);
      }
    }
  } else {
    out.push(`${pad}${node.scalar}`);
  }
}

const spoil = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  fc.record({ at: fc.nat(), line: fc.constantFrom(...HAZARD_LINES), replace: fc.boolean() }),
  fc.record({ at: fc.nat(), value: fc.constantFrom(...HAZARDS) }),
  fc.record({ at: fc.nat(), shift: fc.constantFrom(-1, 1, 2) }),
);

const documents = fc
  .tuple(tree, fc.constantFrom(2, 4), fc.boolean(), fc.boolean(), fc.constantFrom('\n', '\n', '\r\n'), fc.boolean(), spoil)
  .map(([root, step, seqAtKey, comments, eol, last, edit]) => {
    const lines: string[] = [];
    write(root, 0, { step, seqAtKey, comments }, lines);
    if (edit) {
      const at = edit.at % lines.length;
      if ('line' in edit) lines.splice(at, edit.replace ? 1 : 0, edit.line);
      else if ('value' in edit) lines[at] = lines[at]!.replace(/(:|-)( .*)?$/u, `$1 ${edit.value}`);
      else lines[at] = edit.shift < 0 ? lines[at]!.replace(/^ /u, '') : ' '.repeat(edit.shift) + lines[at];
    }
    return lines.join(eol) + (last ? eol : '');
  });

describe("readSource's one search for unusual characters", () => {
  // readSource runs strayCharacters, and quickYaml's own search, only on a text where UNUSUAL
  // finds something: it must find every character either of them is about.
  it('finds every character that strayCharacters reports or that makes quickYaml leave a text to yaml', () => {
    let flagged = 0;
    for (let c = 1; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const text of [`a: x${ch}y\n`, `${ch}a: 1\n`]) {
        const stray = strayCharacters(text, 'f.yaml').length > 0;
        const unhandled = (quickYaml(text) === undefined) !== (quickYaml(text, true) === undefined);
        if (!stray && !unhandled) continue;
        flagged++;
        expect(UNUSUAL.test(text), `U+${c.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`).toBe(true);
      }
    }
    // Controls, odd spaces, line separators, tab, BOM and non-characters: some 90 in all.
    expect(flagged).toBeGreaterThan(80);
  });
});

describe('quickYaml on generated documents', () => {
  it('reads each as yaml does, or leaves it to yaml', () => {
    let accepted = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const difference = compareWithYaml(text);
        if (difference === '') accepted++;
        expect(difference === undefined || difference === '', `${JSON.stringify(text)}: ${difference}`).toBe(true);
      }),
      { numRuns: RUNS },
    );
    // The generator must reach the accepting path often enough for the property to mean anything.
    expect(accepted).toBeGreaterThan(200);
  });

  it('reads byte-edited example files as yaml does, or leaves them to yaml', () => {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    const sources = yamlFiles('fixtures/quang-son-2025').map((file) => encoder.encode(read(file)));
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(byteEdit, { minLength: 1, maxLength: 3 }), (i, edits) => {
        const text = decoder.decode(applyByteEdits(sources[i]!, edits)).replace(/^\uFEFF/u, '').normalize('NFC');
        const difference = compareWithYaml(text);
        if (difference === '') accepted++;
        expect(difference === undefined || difference === '', `${JSON.stringify(edits)}: ${difference}`).toBe(true);
      }),
      { numRuns: Math.round(RUNS * 0.4) },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});
