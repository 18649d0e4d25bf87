import { ascii } from '../util/ascii.js';

/** What the document says about itself: the plan's title, issuer, year and reference. */
export interface PlanFacts {
  title?: string;
  /** "Quang Sơn": the commune, ward or town the plan is for. */
  place?: string;
  placeKind?: string;
  year?: number;
  /** "Kế hoạch số 06/KH-UBND ngày …": the line that says which document the appendix belongs to. */
  reference?: string;
}

const ACRONYMS = ['CCHC', 'UBND', 'HĐND', 'PCI', 'PAR', 'TTHC', 'QPPL', 'CQCM', 'CNTT', 'DVC', 'DVCTT', 'PAPI', 'SIPAS'];
const PLACE = /(xã|phường|thị trấn)\s+(.+?)(?=\s+(?:năm|giai đoạn|về|tỉnh|huyện|thành phố)(?!\p{L})|[,;().]|$)/iu;

/** Reads the title, place and year from the paragraphs around the table. */
export function planFacts(lines: string[]): PlanFacts {
  const flat = lines.flatMap((l) => l.split('\n')).map((l) => l.trim()).filter((l) => l !== '').slice(0, 200);
  const facts: PlanFacts = {};
  const reference = flat.find((l) => /^\(?\s*kèm theo\b/iu.test(l));
  if (reference) facts.reference = reference.replace(/^\(\s*|\s*\)$/gu, '').replace(/^kèm theo\s+/iu, '');
  facts.title = findTitle(flat);
  const placeFrom = [facts.title, reference, ...flat].filter((l): l is string => l !== undefined);
  for (const line of placeFrom) {
    const m = PLACE.exec(line);
    if (m && /\p{Lu}/u.test(m[2]!.charAt(0))) {
      facts.placeKind = m[1]!.toLowerCase();
      facts.place = titleCase(m[2]!.trim());
      break;
    }
  }
  const year = /năm\s+(\d{4})/iu.exec(facts.title ?? '') ?? flat.map((l) => /năm\s+(20\d{2})/iu.exec(l)).find((m) => m);
  // A year the plan schema cannot hold (a typo such as 2206) is no year: the deadlines decide.
  if (year && Number(year[1]) >= 2000 && Number(year[1]) <= 2100) facts.year = Number(year[1]);
  return facts;
}

/**
 * "KẾ HOẠCH" followed by its subject ("Nâng cao Chỉ số … năm 2025"), or the appendix's title
 * ("PHÂN CÔNG THỰC HIỆN KẾ HOẠCH NÂNG CAO … / XÃ QUANG SƠN NĂM 2025"), in sentence case.
 */
function findTitle(lines: string[]): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^kế hoạch$/iu.test(line) && lines[i + 1]) return sentenceCase(`Kế hoạch ${lines[i + 1]!.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}`);
    const at = line.search(/kế hoạch\s+\S/iu);
    if (at === -1 || /^\(|^căn cứ|^thực hiện|số\s*[:\d/]/iu.test(line) || line.length > 200) continue;
    let title = line.slice(at);
    if (!/năm\s+\d{4}/iu.test(title) && lines[i + 1] && /năm\s+\d{4}/iu.test(lines[i + 1]!) && lines[i + 1]!.length < 80) title = `${title} ${lines[i + 1]}`;
    return sentenceCase(title);
  }
  return undefined;
}

/** An upper-case title as a sentence, keeping acronyms and the place's name capitalised. */
function sentenceCase(title: string): string {
  const letters = title.replace(/[^\p{L}]/gu, '');
  if (letters !== letters.toUpperCase()) return title.charAt(0).toUpperCase() + title.slice(1).replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  const words = title.toLowerCase().split(/\s+/u);
  let capitalise = false;
  return words
    .map((w, i) => {
      const acronym = ACRONYMS.find((a) => a.toLowerCase() === w.replace(/[^\p{L}]/gu, ''));
      if (/^(?:xã|phường|thị|trấn|tỉnh|huyện)$/u.test(w)) capitalise = w !== 'thị';
      else if (w === 'năm' || w === 'giai') capitalise = false;
      else if (capitalise) return titleCase(w);
      if (acronym) return w.replace(acronym.toLowerCase(), acronym);
      return i === 0 ? titleCase(w) : w;
    })
    .join(' ');
}

const titleCase = (text: string) => text.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());

/** "quang-son-2025": the place and year as a plan id. */
export function planId(place: string | undefined, year: number): string {
  const base = ascii(place ?? 'ke-hoach').toLowerCase().replace(/[^a-z0-9]+/gu, '-').replace(/^-+|-+$/gu, '').slice(0, 40);
  return `${base || 'ke-hoach'}-${year}`;
}
