import { cell, MAX_CELLS, MAX_TABLE_ROWS, tidy, type Cell, type Row, type SourceDocument, type Table } from '../table.js';
import { xmlAttr, decodeXml } from '../../util/xml.js';
import { readEntry, type ZipEntry } from '../../util/zip.js';

/**
 * Reads a Word document's body (word/document.xml) into tables and paragraphs. The XML is read with
 * a small tag scanner rather than a DOM: the file can be tens of megabytes, and only a dozen tags
 * matter (table, row, cell, spans, paragraph, run, bold, text, tab, break).
 */
export function readDocx(bytes: Uint8Array, entries: Map<string, ZipEntry>): SourceDocument {
  const body = entries.get('word/document.xml')!;
  const styles = entries.get('word/styles.xml');
  const boldStyles = styles ? readBoldStyles(readEntry(bytes, styles).toString('utf8')) : new Set<string>();
  return readBody(readEntry(bytes, body).toString('utf8'), boldStyles);
}

const OFF = new Set(['0', 'false', 'off', 'none']);
/** `<w:b/>` is on; `<w:b w:val="0"/>` (or false, off) is off. */
const isOn = (attrs: string) => !OFF.has(xmlAttr(attrs, 'w:val') ?? '');

interface Tag {
  name: string;
  attrs: string;
  close: boolean;
  selfClosing: boolean;
}

/**
 * Walks the XML's tags in order, handing the text between them to `text` only when asked for it
 * (`wantText()`): a hand-written scanner, as a regular expression over every token costs several
 * times more on a 300-row table.
 */
function scan(xml: string, tag: (t: Tag) => void, text: (chars: string) => void, wantText: () => boolean): void {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) break;
    if (lt > i && wantText()) text(xml.slice(i, lt));
    const next = xml.charCodeAt(lt + 1);
    if (next === 33) {
      // <!-- comment --> or <![CDATA[ … ]]>
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt);
        if (end === -1) break;
        if (wantText()) text(xml.slice(lt + 9, end).replace(/&/gu, '&amp;').replace(/</gu, '&lt;'));
        i = end + 3;
      } else {
        const end = xml.indexOf('-->', lt);
        if (end === -1) break;
        i = end + 3;
      }
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt === -1) break;
    i = gt + 1;
    if (next === 63) continue; // <?xml … ?>
    const close = next === 47;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const from = close ? lt + 2 : lt + 1;
    let end = from;
    for (; end < gt; end++) {
      const c = xml.charCodeAt(end);
      if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
    }
    tag({ name: xml.slice(from, end), attrs: xml.slice(end, selfClosing ? gt - 1 : gt), close, selfClosing });
  }
}

/** Styles that make text bold, directly or through the style they are based on. */
function readBoldStyles(xml: string): Set<string> {
  const based = new Map<string, string>();
  const bold = new Map<string, boolean>();
  let style: string | undefined;
  let inRunProps = false;
  scan(xml, ({ name, attrs, close, selfClosing }) => {
    if (name === 'w:style') style = close ? undefined : xmlAttr(attrs, 'w:styleId');
    else if (name === 'w:rPr') inRunProps = !close && !selfClosing;
    else if (style !== undefined && !close && name === 'w:basedOn') based.set(style, xmlAttr(attrs, 'w:val') ?? '');
    else if (style !== undefined && !close && inRunProps && name === 'w:b') bold.set(style, isOn(attrs));
  }, () => {}, () => false);
  const result = new Set<string>();
  for (const id of new Set([...based.keys(), ...bold.keys()])) {
    let s: string | undefined = id;
    for (let hops = 0; s !== undefined && hops < 20; hops++, s = based.get(s)) {
      if (bold.has(s)) {
        if (bold.get(s)) result.add(id);
        break;
      }
    }
  }
  return result;
}

interface OpenCell {
  paragraphs: string[];
  colSpan: number;
  /** `restart`, `continue`, or undefined for a cell not merged vertically. */
  vMerge?: string;
  boldChars: number;
  plainChars: number;
  gridCol: number;
}

interface OpenRow {
  cells: OpenCell[];
  header: boolean;
  gridBefore: number;
}

function readBody(xml: string, boldStyles: Set<string>): SourceDocument {
  const tables: Table[] = [];
  const lines: string[] = [];
  let tableDepth = 0;
  let rows: OpenRow[] = [];
  let row: OpenRow | undefined;
  let tc: OpenCell | undefined;
  let paragraph: string[] | undefined;
  let paragraphBold = false;
  let runBold: boolean | undefined;
  let inRunProps = false;
  let inText = false;
  let skipDepth = 0; // inside mc:Fallback: the same content again, for old readers

  const endParagraph = () => {
    const text = paragraph!.join('');
    if (tc) tc.paragraphs.push(text);
    else if (tableDepth === 0) lines.push(text);
    paragraph = undefined;
  };

  const onText = (chars: string) => {
    if (skipDepth > 0 || !paragraph) return;
    const text = decodeXml(chars);
    paragraph.push(text);
    const visible = text.replace(/\s/gu, '').length;
    if (tc) {
      if (runBold ?? paragraphBold) tc.boldChars += visible;
      else tc.plainChars += visible;
    }
  };
  const onTag = ({ name, attrs, close, selfClosing }: Tag) => {
    // mc:Fallback repeats the content for old readers; a text box (w:txbxContent) is a drawing
    // inside a paragraph, whose own paragraphs would end the one around it.
    if (name === 'mc:Fallback' || name === 'w:txbxContent') {
      if (!selfClosing) skipDepth += close ? -1 : 1;
      return;
    }
    if (skipDepth > 0) return;
    if (close) {
      switch (name) {
        case 'w:t': inText = false; break;
        case 'w:rPr': inRunProps = false; break;
        case 'w:r': runBold = undefined; break;
        case 'w:p': if (paragraph) endParagraph(); break;
        case 'w:tc':
          if (tableDepth === 1 && tc && row) {
            row.cells.push(tc);
            tc = undefined;
          }
          break;
        case 'w:tr':
          if (tableDepth === 1 && row && rows.length <= MAX_TABLE_ROWS) rows.push(row);
          row = undefined;
          break;
        case 'w:tbl':
          if (tableDepth === 1) {
            tables.push(closeTable(rows, tables.length + 1));
            rows = [];
          }
          tableDepth--;
          break;
      }
      return;
    }
    switch (name) {
      case 'w:tbl': tableDepth++; break;
      case 'w:tr':
        // Past the limit the rows are counted, not kept (import-plan.ts refuses the table).
        if (tableDepth === 1) row = { cells: [], header: false, gridBefore: 0 };
        break;
      case 'w:tblHeader': if (row && tableDepth === 1) row.header = isOn(attrs); break;
      case 'w:gridBefore': if (row && tableDepth === 1) row.gridBefore = Number(xmlAttr(attrs, 'w:val') ?? 0) || 0; break;
      case 'w:tc':
        if (tableDepth === 1 && row && row.cells.length < MAX_CELLS) {
          const last = row.cells.at(-1);
          tc = { paragraphs: [], colSpan: 1, boldChars: 0, plainChars: 0, gridCol: last ? last.gridCol + last.colSpan : row.gridBefore };
        }
        break;
      case 'w:gridSpan': if (tc && tableDepth === 1) tc.colSpan = Math.max(1, Math.min(64, Number(xmlAttr(attrs, 'w:val') ?? 1) || 1)); break;
      case 'w:vMerge': if (tc && tableDepth === 1) tc.vMerge = xmlAttr(attrs, 'w:val') ?? 'continue'; break;
      case 'w:p':
        if (selfClosing) {
          if (tc) tc.paragraphs.push('');
          break;
        }
        // A paragraph inside a nested table joins the text of the outer cell.
        if (!paragraph) {
          paragraph = [];
          paragraphBold = false;
        } else {
          paragraph.push('\n');
        }
        break;
      case 'w:pStyle': if (paragraph && runBold === undefined && !inRunProps) paragraphBold = boldStyles.has(xmlAttr(attrs, 'w:val') ?? ''); break;
      case 'w:r': runBold = undefined; break;
      case 'w:rPr': if (!selfClosing) inRunProps = true; break;
      case 'w:rStyle': if (inRunProps && boldStyles.has(xmlAttr(attrs, 'w:val') ?? '')) runBold = true; break;
      case 'w:b': if (inRunProps) runBold = isOn(attrs); break;
      case 'w:t': if (!selfClosing) inText = true; break;
      case 'w:tab': if (paragraph && !inRunProps) paragraph.push('\t'); break;
      case 'w:br': case 'w:cr': if (paragraph) paragraph.push('\n'); break;
    }
  };
  scan(xml, onTag, onText, () => inText && skipDepth === 0);
  return { kind: 'docx', tables, lines: lines.map(tidy).filter((l) => l !== '') };
}

/** Turns Word's vertical merges (a `restart` cell, then `continue` cells below) into row spans. */
function closeTable(open: OpenRow[], table: number): Table {
  const rows: Row[] = [];
  // The cell that started a vertical merge in each grid column, while the merge goes on.
  const merging = new Map<number, Cell>();
  open.forEach((r, index) => {
    const cells: Cell[] = [];
    for (const c of r.cells) {
      const origin = merging.get(c.gridCol);
      if (c.vMerge === 'continue' && origin) {
        origin.rowSpan++;
        continue;
      }
      const made = cell(tidy(c.paragraphs.join('\n')), c.boldChars > 0 && c.plainChars === 0, c.colSpan);
      if (c.vMerge === 'restart') merging.set(c.gridCol, made);
      else merging.delete(c.gridCol);
      cells.push(made);
    }
    rows.push({ cells, at: { kind: 'row', table, row: index + 1 }, repeatsAsHeader: r.header });
  });
  return { rows };
}
