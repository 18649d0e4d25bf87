import { ascii } from '../util/ascii.js';
import { foldName } from '../util/fold-name.js';
import type { Review, UnitDraft } from './draft.js';
import { COLLECTIVE, SPECIALISED_AGENCIES_GROUP, SPECIALISED_AGENCY, UNIT_HEADS, UNIT_NAME_TAIL } from './phrases.js';

/** The commune's People's Council and Committee, which "Văn phòng … và …" names together. */
const COUNCILS = /^(?:ubnd|hđnd|ủy ban|uỷ ban|hội đồng)(?!\p{L})/u;


/**
 * The units named in the lead and support cells (design.md, "Plan import"): spelling variants
 * become one unit with aliases, "Các cơ quan chuyên môn …" is one group, and every unit gets a
 * short id derived from its name.
 */
export class UnitRegistry {
  private readonly units: Entry[] = [];

  /** The unit a name stands for, made on first sight. */
  unit(name: string): Entry {
    const key = keys(name);
    // A group made from a lead cell is never a unit named in a cell.
    let entry = this.units.find((u) => !u.memberKey && u.variants.some((v) => sameUnit(key, v)));
    if (!entry && SPECIALISED_AGENCIES_GROUP.test(key.lower)) entry = this.units.find((u) => u.agencies);
    if (!entry) {
      entry = { variants: [], agencies: SPECIALISED_AGENCIES_GROUP.test(key.lower), collective: COLLECTIVE.test(key.lower), id: '', reviews: [] };
      this.units.push(entry);
    }
    const known = entry.variants.find((v) => v.folded === key.folded);
    if (known) known.count++;
    else entry.variants.push(key);
    return entry;
  }

  /** A unit made of several named in one lead cell ("Phòng Kinh tế, Phòng Văn hóa - Xã hội"). */
  group(members: Entry[]): Entry {
    const memberKey = members.map((m) => this.units.indexOf(m)).join('+');
    let entry = this.units.find((u) => u.memberKey === memberKey);
    if (!entry) {
      // Named after its members, a name no cell gives to one unit.
      entry = { variants: [keys(`Nhóm ${members.map((m) => best(m).name).join(' + ')}`)], agencies: false, collective: false, memberKey, members, id: '', reviews: [] };
      this.units.push(entry);
    }
    return entry;
  }

  /** Ids given, groups filled in; in the order the units were first named. */
  finish(review: (code: string, args: Review['args']) => Review): UnitDraft[] {
    const taken = new Set<string>();
    for (const u of this.units) {
      if (u.members) continue;
      u.id = uniqueId(slug(best(u)), taken);
    }
    for (const u of this.units) if (u.members) u.id = uniqueId(u.members.map((m) => m.id).join('-').slice(0, 24), taken);
    const agencies = this.units.filter((u) => !u.collective && !u.members && SPECIALISED_AGENCY.test(best(u).lower));
    return this.units.map((u) => {
      const name = best(u).name;
      const aliases = u.variants.filter((v) => v !== best(u)).map((v) => v.name);
      const draft: UnitDraft = { id: u.id, name, aliases, reviews: [...u.reviews] };
      if (u.members) {
        draft.members = u.members.map((m) => m.id);
        draft.reviews.push(review('group-of-leads', { members: u.members.map((m) => best(m).name).join(', ') }));
      } else if (u.agencies && agencies.length > 0) {
        draft.members = agencies.map((m) => m.id);
        draft.reviews.push(review('agencies-group', { members: agencies.map((m) => best(m).name).join(', ') }));
      } else if (u.collective) {
        draft.reviews.push(review('collective-unit', { name }));
      }
      if (aliases.length > 0 && (u.agencies || u.variants.some((v) => v.abbreviated))) draft.reviews.push(review('unit-variants', { names: u.variants.map((v) => v.name).join(' / ') }));
      return draft;
    });
  }
}

export interface Entry {
  variants: Key[];
  /** "Các cơ quan chuyên môn …": its members are proposed from the Phòng and Văn phòng named. */
  agencies: boolean;
  collective: boolean;
  members?: Entry[];
  memberKey?: string;
  id: string;
  reviews: Review[];
}

export const isCollective = (u: Entry) => u.collective;

interface Key {
  name: string;
  /** Lower-case NFC, for the patterns of phrases.ts. */
  lower: string;
  /** foldName's key: tone placement, case, dashes and spaces folded. */
  folded: string;
  /** The name without "xã", dashes or "và": "văn phòng hđnd ubnd". */
  plain: string;
  /** First letters of words and whole abbreviations: "Phòng VH-XH" and "Phòng Văn hóa - Xã hội" give "pvhxh". */
  initials: string;
  abbreviated: boolean;
  count: number;
}

function keys(name: string): Key {
  const folded = foldName(name).replace(/[.,;:]+$/u, '');
  const words = name.normalize('NFC').replace(/[.,;:]+$/u, '').replace(UNIT_NAME_TAIL_CASED, '').split(/[\s\-–]+/u).filter((w) => w !== '' && !/^(?:và|&)$/iu.test(w));
  const abbreviation = (w: string) => /^\p{Lu}{2,}$/u.test(w);
  return {
    name: name.normalize('NFC'),
    lower: name.normalize('NFC').toLowerCase(),
    folded,
    plain: folded.replace(UNIT_NAME_TAIL, '').replace(/-|(?<!\p{L})và(?!\p{L})|&/gu, ' ').replace(/\s+/gu, ' ').trim(),
    initials: ascii(words.map((w) => (abbreviation(w) ? w : w.charAt(0))).join('')).toLowerCase(),
    abbreviated: words.some(abbreviation),
    count: 1,
  };
}

const UNIT_NAME_TAIL_CASED = new RegExp(UNIT_NAME_TAIL.source, 'iu');

/** Two spellings of one unit: the same words, or the same initials where one abbreviates. */
const sameUnit = (a: Key, b: Key) => a.plain === b.plain || ((a.abbreviated || b.abbreviated) && a.initials === b.initials && a.initials.length >= 3);

/** The name to show: spelled out rather than abbreviated, the spelling used most, the first seen. */
function best(u: Entry): Key {
  if (u.agencies || u.collective) return [...u.variants].sort((a, b) => a.name.length - b.name.length)[0]!;
  return [...u.variants].sort((a, b) => Number(a.abbreviated) - Number(b.abbreviated) || b.count - a.count)[0]!;
}

/**
 * A short id from the name's initials: "Phòng Kinh tế" → kt, "Phòng Văn hóa - Xã hội" → vhxh (a
 * Phòng is known by its field), "Trung tâm Phục vụ HCC" → ttpvhcc; a long one keeps the initials of
 * its spelled-out words ("Văn phòng HĐND-UBND xã" → vp).
 */
function slug(k: Key): string {
  const words = k.name.replace(UNIT_NAME_TAIL_CASED, '').split(/[\s\-–]+/u).filter((w) => w !== '' && !/^(?:và|&)$/iu.test(w));
  const spelled = words.filter((w) => !/^\p{Lu}{2,}$/u.test(w));
  let id = k.initials;
  if (/^phòng\s/u.test(k.lower) && id.length > 2) id = id.slice(1);
  else if (id.length > 8 && spelled.length >= 2) id = ascii(spelled.map((w) => w.charAt(0)).join('')).toLowerCase();
  return id.replace(/[^a-z0-9]/gu, '').slice(0, 8) || 'dv';
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = /^[a-z0-9]/u.test(base) ? base : `dv${base}`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The unit names in a lead or support cell: split at ";" and line breaks, and at "," "và" "+" "/"
 * only where a unit's name begins (phrases.ts, UNIT_HEADS).
 */
export function splitUnitCell(text: string): string[] {
  const names: string[] = [];
  for (const part of text.split(/\s*(?:;|\n)\s*/u)) {
    let rest = part.trim();
    for (;;) {
      const split = findSplit(rest);
      if (split === undefined) break;
      names.push(rest.slice(0, split.at));
      rest = rest.slice(split.next);
    }
    names.push(rest);
  }
  return names.map((n) => n.replace(/^[-–+•*\s]+/u, '').replace(/[\s.,;:]+$/u, '').trim()).filter((n) => n !== '');
}

function findSplit(text: string): { at: number; next: number } | undefined {
  const separator = /\s*(?:,|(?<!\p{L})và(?!\p{L})|\+|\/)\s*/gu;
  // "Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã": one unit.
  const joinsOne = (separator: string, rest: string) => /và/u.test(separator) && COUNCILS.test(rest);
  // "Các ban, ngành, đoàn thể xã": a collective's list of kinds goes on in lower case.
  const collective = COLLECTIVE.test(text.toLowerCase());
  for (const m of text.matchAll(separator)) {
    const next = m.index + m[0].length;
    if (m.index === 0 || next >= text.length) continue;
    const rest = text.slice(next);
    if (collective && /^\p{Ll}/u.test(rest) && !COLLECTIVE.test(rest)) continue;
    if (joinsOne(m[0], rest.toLowerCase())) continue;
    if (UNIT_HEADS.test(rest.toLowerCase())) return { at: m.index, next };
  }
  return undefined;
}
