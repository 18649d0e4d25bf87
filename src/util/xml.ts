/** Small readers for the XML inside Office files (.docx, .xlsx), where a DOM would cost more than the work. */

/** The value of attribute `name` in a tag's attribute text, as written (entities not decoded). */
export function xmlAttr(attrs: string, name: string): string | undefined {
  const key = `${name}="`;
  // The name must start the attribute: `id="` is not the end of `r:id="`.
  for (let at = attrs.indexOf(key); at !== -1; at = attrs.indexOf(key, at + 1)) {
    if (at > 0 && !/\s/u.test(attrs[at - 1]!)) continue;
    const start = at + key.length;
    const end = attrs.indexOf('"', start);
    return end === -1 ? undefined : attrs.slice(start, end);
  }
  return undefined;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/gu;

/** Text with XML's character references decoded; a reference to no character is kept as written. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, named?: string) => {
    if (named) return NAMED[named]!;
    const code = dec ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
