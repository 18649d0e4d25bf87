import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { daysBetween, displayDate, parseDate, todayIn } from '../src/util/dates.js';
import { parseTarget } from '../src/util/target.js';
import { numberMeets, ratioMeets } from '../src/util/compare.js';
import { foldName } from '../src/util/fold-name.js';
import { suggest } from '../src/util/suggest.js';
import { reportingUnits, resolveUnit } from '../src/validate/resolve-unit.js';
import type { Plan, Unit } from '../src/types.js';

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

describe('parseDate', () => {
  it.each([
    ['2025-09-14', '2025-09-14'],
    ['14/09/2025', '2025-09-14'],
    ['14/9/2025', '2025-09-14'],
    ['4/9/2025', '2025-09-04'],
    ['04/09/2025', '2025-09-04'],
    ['31/12/2025', '2025-12-31'],
    ['1/1/2026', '2026-01-01'],
    ['29/02/2024', '2024-02-29'],
    ['2024-02-29', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['  2025-09-14  ', '2025-09-14'],
  ])('%s → %s', (text, iso) => {
    expect(parseDate(text)).toEqual({ date: iso });
  });

  it.each([
    '31/02/2025',
    '29/02/2025',
    '2025-02-29',
    '29/02/1900',
    '31/04/2025',
    '2025-04-31',
    '32/01/2025',
    '00/01/2025',
    '01/00/2025',
    '01/13/2025',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
  ])('%s names a day that does not exist', (text) => {
    expect(parseDate(text)).toEqual({ problem: 'impossible' });
  });

  it.each([
    '2025-9-14',
    '2025-09-4',
    '25-09-14',
    '14/09/25',
    '2025/09/14',
    '14-09-2025',
    '14.09.2025',
    '2025-09-14T00:00:00Z',
    '2025-09-14x',
    '',
    '   ',
    'hôm nay',
    'Trong năm 2025',
    'ongoing',
    '１４/09/2025',
    '140/9/2025',
    '14/009/2025',
    '14/9/20255',
  ])('%j is not a date', (text) => {
    expect(parseDate(text)).toEqual({ problem: 'format' });
  });

  // Years 0–99 once went through Date.UTC, which maps them to 1900–1999.
  it('reads four-digit years below 100 (0050-06-15, 31/12/0099)', () => {
    expect(parseDate('0050-06-15')).toEqual({ date: '0050-06-15' });
    expect(parseDate('31/12/0099')).toEqual({ date: '0099-12-31' });
  });
});

describe('todayIn (Asia/Ho_Chi_Minh, UTC+7)', () => {
  it.each([
    ['2025-09-14T18:00:00Z', '2025-09-15'],
    ['2025-09-14T16:59:59Z', '2025-09-14'],
    ['2025-09-14T17:00:00Z', '2025-09-15'],
    ['2025-12-31T17:00:00Z', '2026-01-01'],
    ['2025-12-31T16:59:59.999Z', '2025-12-31'],
    ['2024-02-28T17:00:00Z', '2024-02-29'],
  ])('%s → %s', (instant, day) => {
    expect(todayIn(new Date(instant))).toBe(day);
  });

  it('gives the date Intl gives for Asia/Ho_Chi_Minh at any instant (it computes UTC+7 itself)', () => {
    const intl = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2200, 0, 1) }), (t) => {
      expect(todayIn(new Date(t))).toBe(intl.format(new Date(t)));
    }), { numRuns: 20_000 });
  });

  it('takes another zone when asked', () => {
    expect(todayIn(new Date('2025-09-14T18:00:00Z'), 'UTC')).toBe('2025-09-14');
    expect(todayIn(new Date('2025-09-14T03:00:00Z'), 'America/Los_Angeles')).toBe('2025-09-13');
  });
});

describe('daysBetween', () => {
  it.each([
    ['2025-09-14', '2025-09-14', 0],
    ['2025-09-14', '2025-09-15', 1],
    ['2025-09-15', '2025-09-14', -1],
    ['2025-12-31', '2026-01-01', 1],
    ['2025-09-14', '2025-12-31', 108],
    ['2025-06-30', '2025-09-14', 76],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-02-28', '2025-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    // US and EU daylight-saving changes must not matter
    ['2025-03-08', '2025-03-10', 2],
    ['2025-03-29', '2025-03-31', 2],
    ['2025-11-01', '2025-11-03', 2],
    ['2025-10-25', '2025-10-27', 2],
  ])('%s → %s = %i', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('displayDate', () => {
  it('dd/MM/yyyy in Vietnamese, ISO in English', () => {
    expect(displayDate('2025-09-14', 'vi')).toBe('14/09/2025');
    expect(displayDate('2025-01-05', 'vi')).toBe('05/01/2025');
    expect(displayDate('2025-09-14', 'en')).toBe('2025-09-14');
  });
});

describe('dates in the built module do not depend on the machine time zone', () => {
  const datesUrl = new URL('../dist/util/dates.js', import.meta.url);
  const run = (tz: string, expr: string) =>
    execFileSync(process.execPath, ['--input-type=module', '-e', `import(${JSON.stringify(datesUrl.href)}).then((m) => console.log(${expr}))`], {
      env: { ...process.env, TZ: tz },
      encoding: 'utf8',
    }).trim();

  it('dist is built (npm test builds it; otherwise run `npx tsc -p .`)', () => {
    expect(existsSync(fileURLToPath(datesUrl))).toBe(true);
  });

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Asia/Ho_Chi_Minh', 'Pacific/Kiritimati'])('TZ=%s: todayIn(2025-09-14T18:00:00Z) = 2025-09-15', (tz) => {
    expect(run(tz, "m.todayIn(new Date('2025-09-14T18:00:00Z'))")).toBe('2025-09-15');
    expect(run(tz, "m.todayIn(new Date('2025-09-14T16:59:59Z'))")).toBe('2025-09-14');
  }, 30_000);

  it.each(['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Europe/London'])('TZ=%s: daysBetween across DST changes', (tz) => {
    expect(run(tz, "[m.daysBetween('2025-03-08','2025-03-10'), m.daysBetween('2025-11-01','2025-11-03'), m.daysBetween('2025-03-29','2025-03-31'), m.daysBetween('2025-01-01','2026-01-01')].join(',')")).toBe('2,2,2,365');
  }, 30_000);

  // Where the UTC offset crosses 0 at a DST change (Atlantic/Azores: UTC-1 in winter, UTC+0 in
  // summer) a day count done in local time is off by one; daysBetween must not depend on the TZ.
  it('TZ=Atlantic/Azores: daysBetween across a DST change that crosses UTC+0', () => {
    expect(run('Atlantic/Azores', "[m.daysBetween('2025-03-29','2025-03-31'), m.daysBetween('2025-10-25','2025-10-27'), m.daysBetween('2025-02-20','2025-04-10')].join(',')")).toBe('2,2,49');
  }, 30_000);
});

// ---------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------

describe('parseTarget', () => {
  it.each([
    ['>= 90%', '>=', 90],
    ['> 85%', '>', 85],
    ['= 100%', '=', 100],
    ['<= 10%', '<=', 10],
    ['< 5%', '<', 5],
    ['≥ 90%', '>=', 90],
    ['≤ 10%', '<=', 10],
    ['≥90%', '>=', 90],
    ['>=100%', '>=', 100],
    ['>= 0%', '>=', 0],
    ['>= 99,5%', '>=', 99.5],
    ['>= 99.5%', '>=', 99.5],
    ['>= 99 %', '>=', 99],
  ])('ratio %j → %s %d%%', (text, op, value) => {
    expect(parseTarget(text, 'ratio')).toEqual({ target: { op, value, unit: '%', text } });
    expect(parseTarget(text, 'percent')).toEqual({ target: { op, value, unit: '%', text } });
  });

  it('keeps the written text, trimmed', () => {
    expect(parseTarget('  ≥  90 %  ', 'ratio')).toEqual({ target: { op: '>=', value: 90, unit: '%', text: '≥  90 %' } });
  });

  it.each([
    ['= 0', '=', 0],
    ['<= 2', '<=', 2],
    ['< 3', '<', 3],
    ['>= 1', '>=', 1],
    ['> 0', '>', 0],
    ['≤ 0', '<=', 0],
    ['≥ 12', '>=', 12],
  ])('count %j → %s %d', (text, op, value) => {
    expect(parseTarget(text, 'count')).toEqual({ target: { op, value, unit: '', text } });
  });

  it('a ratio or percent target needs %', () => {
    expect(parseTarget('>= 90', 'ratio')).toEqual({ problem: 'percent-missing' });
    expect(parseTarget('>= 90', 'percent')).toEqual({ problem: 'percent-missing' });
  });

  it('a count target must not have %', () => {
    expect(parseTarget('= 0%', 'count')).toEqual({ problem: 'percent-not-allowed' });
  });

  it('a count target must be an integer', () => {
    expect(parseTarget('<= 1,5', 'count')).toEqual({ problem: 'count-not-integer' });
    expect(parseTarget('<= 1.5', 'count')).toEqual({ problem: 'count-not-integer' });
  });

  it('a percentage above 100 is out of range; 100 itself is fine', () => {
    expect(parseTarget('>= 101%', 'ratio')).toEqual({ problem: 'percent-range' });
    expect(parseTarget('> 100,5%', 'ratio')).toEqual({ problem: 'percent-range' });
    expect(parseTarget('≥ 150%', 'percent')).toEqual({ problem: 'percent-range' });
    expect(parseTarget('<= 100%', 'ratio')).toEqual({ target: { op: '<=', value: 100, unit: '%', text: '<= 100%' } });
  });

  it.each([
    '',
    '90%',
    'tối thiểu 90%',
    'Hoàn thành 100%',
    '=> 90%',
    '>== 90%',
    '> = 90%',
    '== 0',
    '!= 0',
    '>= -5%',
    '>= 1e2%',
    '>= .5%',
    '>= 5.%',
    '>= 90%%',
    '>= 90 % nữa',
    '>= 9,5,5%',
    '>= 9 0%',
    '>= ninety%',
  ])('%j is a syntax error', (text) => {
    expect(parseTarget(text, 'ratio')).toEqual({ problem: 'syntax' });
    expect(parseTarget(text, 'count')).toEqual({ problem: 'syntax' });
  });
});

// ---------------------------------------------------------------------------
// Exact comparison
// ---------------------------------------------------------------------------

describe('ratioMeets / numberMeets', () => {
  it('9/10 and 900/1000 are exactly 90%', () => {
    for (const [v, t] of [[9, 10], [900, 1000]] as const) {
      expect(ratioMeets(v, t, '>=', 90)).toBe(true);
      expect(ratioMeets(v, t, '=', 90)).toBe(true);
      expect(ratioMeets(v, t, '<=', 90)).toBe(true);
      expect(ratioMeets(v, t, '>', 90)).toBe(false);
      expect(ratioMeets(v, t, '<', 90)).toBe(false);
    }
  });

  it('percentages that floating point gets wrong', () => {
    expect(ratioMeets(7, 100, '>', 7)).toBe(false); // 7/100*100 = 7.000000000000001
    expect(ratioMeets(7, 100, '=', 7)).toBe(true);
    expect(ratioMeets(11, 20, '>', 55)).toBe(false); // 55.00000000000001
    expect(ratioMeets(57, 100, '>=', 57)).toBe(true); // 56.99999999999999
    expect(ratioMeets(29, 100, '>=', 29)).toBe(true); // 28.999999999999996
    expect(ratioMeets(1243, 1250, '>=', 99.44)).toBe(true);
    expect(ratioMeets(1243, 1250, '=', 99.44)).toBe(true);
    expect(ratioMeets(1243, 1250, '>=', 100)).toBe(false);
  });

  it('1/3 = 33.333…%', () => {
    expect(ratioMeets(1, 3, '>=', 33.33)).toBe(true);
    expect(ratioMeets(1, 3, '>', 33.33)).toBe(true);
    expect(ratioMeets(1, 3, '=', 33.33)).toBe(false);
    expect(ratioMeets(1, 3, '>=', 33.34)).toBe(false);
    expect(ratioMeets(1, 3, '<', 33.34)).toBe(true);
    expect(ratioMeets(2, 3, '>=', 66.67)).toBe(false);
    expect(ratioMeets(2, 3, '>=', 66.66)).toBe(true);
  });

  it('0 and 100', () => {
    expect(ratioMeets(0, 10, '>=', 0)).toBe(true);
    expect(ratioMeets(0, 10, '>', 0)).toBe(false);
    expect(ratioMeets(0, 10, '=', 0)).toBe(true);
    expect(ratioMeets(10, 10, '=', 100)).toBe(true);
    expect(ratioMeets(10, 10, '>=', 100)).toBe(true);
    expect(ratioMeets(10, 10, '<', 100)).toBe(false);
  });

  it('values near 1e12 (VND disbursement)', () => {
    const T = 1_000_000_000_000;
    expect(ratioMeets(T - 1, T, '>=', 100)).toBe(false);
    expect(ratioMeets(T - 1, T, '<', 100)).toBe(true);
    expect(ratioMeets(T, T, '>=', 100)).toBe(true);
    expect(ratioMeets(T - 1, T, '=', 99.9999999999)).toBe(true);
    expect(ratioMeets(T - 1, T, '>', 99.9999999999)).toBe(false);
    expect(ratioMeets(T - 2, T, '>=', 99.9999999999)).toBe(false);
    // 987654321/1234567890 = 0.8 + 9/1234567890 → 80.000000729…%
    expect(ratioMeets(987_654_321_000, 1_234_567_890_000, '>', 80)).toBe(true);
    expect(ratioMeets(987_654_321_000, 1_234_567_890_000, '>=', 80.0000007)).toBe(true);
    expect(ratioMeets(987_654_321_000, 1_234_567_890_000, '>=', 80.0000008)).toBe(false);
  });

  it('values near 1e14', () => {
    const T = 100_000_000_000_000;
    expect(ratioMeets(T - 1, T, '>=', 100)).toBe(false);
    expect(ratioMeets(T - 1, T, '=', 99.999999999999)).toBe(true);
    expect(ratioMeets(T - 1, T, '<', 99.999999999999)).toBe(false);
    expect(ratioMeets(T - 1, T, '>', 99.99999999999)).toBe(true);
    expect(ratioMeets(T / 2, T, '=', 50)).toBe(true);
    expect(ratioMeets(T / 2 + 1, T, '>', 50)).toBe(true);
    expect(ratioMeets(T / 2 - 1, T, '<', 50)).toBe(true);
  });

  it('numberMeets: counts and percents', () => {
    expect(numberMeets(0, '=', 0)).toBe(true);
    expect(numberMeets(1, '=', 0)).toBe(false);
    expect(numberMeets(5, '<=', 5)).toBe(true);
    expect(numberMeets(5, '<', 5)).toBe(false);
    expect(numberMeets(6, '<=', 5)).toBe(false);
    expect(numberMeets(90, '>=', 90)).toBe(true);
    expect(numberMeets(90, '>', 90)).toBe(false);
    expect(numberMeets(99.5, '>=', 99.5)).toBe(true);
    expect(numberMeets(99.49, '>=', 99.5)).toBe(false);
    expect(numberMeets(99.51, '>', 99.5)).toBe(true);
    expect(numberMeets(1e14, '>', 1e14 - 1)).toBe(true);
    expect(numberMeets(1e21, '>', 1e20)).toBe(true);
    expect(numberMeets(1e-7, '>', 0)).toBe(true);
  });
});

// ---------------------------------------------------------------------------
// Unit names
// ---------------------------------------------------------------------------

describe('foldName', () => {
  const canonical = foldName('Phòng Văn hóa - Xã hội');

  it.each([
    'Phòng Văn hoá - Xã hội', // old tone placement
    'Phòng Văn hóa - Xã hội',
    'Phòng Văn hóa - Xã hội'.normalize('NFD'),
    'Phòng Văn hoá - Xã hội'.normalize('NFD'),
    'phòng văn hóa-xã hội',
    'PHÒNG VĂN HOÁ - XÃ HỘI',
    'Phòng Văn hóa – Xã hội', // en dash
    'Phòng Văn hóa — Xã hội', // em dash
    'Phòng Văn hóa ‑ Xã hội', // non-breaking hyphen
    'Phòng Văn hóa − Xã hội', // minus sign
    '  Phòng   Văn hóa  -  Xã hội  ',
    'Phòng\u00a0Văn hóa - Xã hội', // no-break space
    'Phòng\tVăn hóa -Xã hội',
  ])('%j folds like "Phòng Văn hóa - Xã hội"', (name) => {
    expect(foldName(name)).toBe(canonical);
  });

  it.each([
    'Phòng Văn hoa - Xã hội', // no tone
    'Phòng Văn hỏa - Xã hội', // other tone
    'Phòng Văn hòa - Xã hội',
    'Phòng Vân hóa - Xã hội', // circumflex instead of breve
    'Phòng Van hóa - Xã hội', // no breve
    'Phòng Văn hóa - Xã hội - Y tế',
    'Phong Van hoa - Xa hoi',
  ])('%j differs', (name) => {
    expect(foldName(name)).not.toBe(canonical);
  });

  it('other old/new tone placements: thuỷ/thủy, hoà/hòa, khoẻ/khỏe', () => {
    expect(foldName('Thuỷ lợi')).toBe(foldName('Thủy lợi'));
    expect(foldName('Hoà Bình')).toBe(foldName('Hòa Bình'));
    expect(foldName('sức khoẻ')).toBe(foldName('sức khỏe'));
    expect(foldName('Thuỷ lợi')).not.toBe(foldName('Thụy lợi'));
  });

  it('đ and d differ; ư/ơ horns are kept', () => {
    expect(foldName('Đội')).not.toBe(foldName('Dội'));
    expect(foldName('Đội')).toBe(foldName('đội'));
    expect(foldName('Phục vụ')).not.toBe(foldName('Phuc vu'));
    expect(foldName('Trường')).not.toBe(foldName('Truong'));
  });

  it('is idempotent on the examples', () => {
    for (const s of ['Phòng Văn hoá - Xã hội', 'Trung tâm Phục vụ HCC xã', 'Văn phòng HĐND-UBND']) {
      expect(foldName(foldName(s))).toBe(foldName(s));
    }
  });
});

describe('suggest', () => {
  const ids = ['ttphcc', 'vp', 'kt', 'vhxh', 'ccm'];

  it('finds a close id', () => {
    expect(suggest('ttphc', ids)).toBe('ttphcc');
    expect(suggest('tphcc', ids)).toBe('ttphcc');
    expect(suggest('vhx', ids)).toBe('vhxh');
    expect(suggest('on_tme', ['on_time', 'online_full'])).toBe('on_time');
  });

  it('ignores case and returns the candidate as written', () => {
    expect(suggest('TTPHCC', ids)).toBe('ttphcc');
    expect(suggest('on_time', ['On_Time'])).toBe('On_Time');
  });

  it('the first of equally close candidates wins', () => {
    expect(suggest('3.2.4', ['3.2.1', '3.2.2', '3.2.3'])).toBe('3.2.1');
  });

  it('gives nothing when nothing is close', () => {
    expect(suggest('phongtuphap', ids)).toBeUndefined();
    expect(suggest('xyz', ['abc'])).toBeUndefined();
    expect(suggest('anything', [])).toBeUndefined();
  });

  it('allows at least 2 edits, and a third of the length for long words', () => {
    expect(suggest('abc', ['axx'])).toBe('axx'); // 2 edits, limit max(2, 1) = 2
    expect(suggest('abcdefghijkl', ['abcdxxxxijkl'])).toBe('abcdxxxxijkl'); // 4 edits, limit 12/3 = 4
    expect(suggest('abcdefghijkl', ['abcdxxxxxjkl'])).toBeUndefined(); // 5 edits
  });

  it('accepts any iterable', () => {
    expect(suggest('kt', new Set(['kt', 'vp']))).toBe('kt');
    expect(suggest('vhxh', new Map([['vhxh', 1]]).keys())).toBe('vhxh');
  });
});

describe('resolveUnit / reportingUnits', () => {
  const units: Unit[] = [
    { id: 'ttphcc', name: 'Trung tâm Phục vụ hành chính công', aliases: ['Trung tâm Phục vụ HCC', 'Trung tâm Phục vụ HCC xã'], notes: [] },
    { id: 'vhxh', name: 'Phòng Văn hóa - Xã hội', aliases: [], notes: [] },
    { id: 'vp', name: 'Văn phòng HĐND-UBND', aliases: [], notes: [] },
    { id: 'ccm', name: 'Các cơ quan chuyên môn', aliases: [], members: ['vp', 'vhxh'], notes: [] },
  ];
  const plan = {
    file: 'p.yaml', id: 'p', revision: 1, title: 't', issuer: 'i', year: 2025,
    units: new Map(units.map((u) => [u.id, u])), areas: [], criteria: [], headingIds: new Set<string>(),
  } satisfies Plan;

  it('matches id, name and alias spelt any common way', () => {
    expect(resolveUnit(plan, 'vhxh')).toBe('vhxh');
    expect(resolveUnit(plan, 'Phòng Văn hoá - Xã hội')).toBe('vhxh');
    expect(resolveUnit(plan, 'phòng văn hóa – xã hội'.normalize('NFD'))).toBe('vhxh');
    expect(resolveUnit(plan, 'Trung tâm Phục vụ HCC')).toBe('ttphcc');
    expect(resolveUnit(plan, 'trung tâm phục vụ hcc xã')).toBe('ttphcc');
    expect(resolveUnit(plan, 'TTPHCC')).toBe('ttphcc');
    expect(resolveUnit(plan, 'Phòng Văn hoa - Xã hội')).toBeUndefined();
    expect(resolveUnit(plan, 'Phòng Tư pháp')).toBeUndefined();
  });

  it('a group reports through its members', () => {
    expect(reportingUnits(plan, 'ccm')).toEqual(['vp', 'vhxh']);
    expect(reportingUnits(plan, 'ttphcc')).toEqual(['ttphcc']);
  });
});
