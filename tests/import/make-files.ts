/** Small writers for the import's test inputs: a zip of given parts, Word documents, broken files. */
import { deflateRawSync } from 'node:zlib';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** The size the zip claims the part expands to (a lying zip bomb claims little). */
  claimedSize?: number;
}

/** A zip file written by hand: deflated parts, a central directory, an end record. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const body = deflateRawSync(part.data);
    const size = part.claimedSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A compound file (old Office format) holding a stream of the given name, as Word 97 or an encrypted .docx. */
export function compoundFile(streamName: string): Buffer {
  const file = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  Buffer.from(streamName, 'utf16le').copy(file, 1024);
  return file;
}

/** A Word document with the given paragraphs and, if given, one table (rows of cell texts; "**x**" is bold). */
export async function wordDocument(paragraphs: string[], rows?: string[][]): Promise<Buffer> {
  const children: (Paragraph | Table)[] = paragraphs.map((p) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(p)] }));
  if (rows) {
    children.push(new Table({
      rows: rows.map((r) => new TableRow({
        children: r.map((text) => {
          const bold = /^\*\*.*\*\*$/u.test(text);
          return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: bold ? text.slice(2, -2) : text, bold })] })] });
        }),
      })),
    }));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
