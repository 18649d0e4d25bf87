import type { Lang, Report } from '../types.js';
import type { MeetingReport } from './format-options.js';

/**
 * What a paper in the administrative format of Nghị định 30/2020 says around the figures: the
 * issuer's block (authority, issuer, number), the national motto's block with the place and date
 * in words, and, at the end, "Nơi nhận:" and the signature block. One source for the Word report
 * and the printed HTML page, so both carry the same words. Where `report:` in cchc.config.yaml
 * gives nothing, the issuer and place are taken from the plan, and the rest is left as dots to
 * fill in by hand.
 */
export interface AdminLayout {
  authority: string;
  /** The issuer in capitals ("XÃ QUANG SƠN"); empty when neither the config nor the plan says. */
  issuer: string;
  /** "Số: ……/BC-UBND". */
  number: string;
  nation: string;
  motto: string;
  /** "Quang Sơn, ngày 14 tháng 9 năm 2025". */
  placeDate: string;
  recipientsTitle: string;
  recipients: string[];
  archive: string;
  signing: string;
  signerTitle: string;
  signer: string;
}

const WORDS = {
  vi: {
    authority: 'ỦY BAN NHÂN DÂN', nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc', number: 'Số',
    recipients: 'Nơi nhận:', signing: 'TM. ỦY BAN NHÂN DÂN', signerTitle: 'CHỦ TỊCH', archive: '- Lưu: VT.',
    date: (place: string, d: Date) => `${place}, ngày ${d.getUTCDate()} tháng ${d.getUTCMonth() + 1} năm ${d.getUTCFullYear()}`,
  },
  en: {
    authority: "PEOPLE'S COMMITTEE", nation: 'SOCIALIST REPUBLIC OF VIET NAM', motto: 'Independence - Freedom - Happiness', number: 'No.',
    recipients: 'Recipients:', signing: "ON BEHALF OF THE PEOPLE'S COMMITTEE", signerTitle: 'CHAIRPERSON', archive: '- Archived.',
    date: (place: string, d: Date) => `${place}, ${d.toISOString().slice(0, 10)}`,
  },
} satisfies Record<Lang, unknown>;

/** Dots where a person writes by hand. */
export const BLANK = '……';

export function adminLayout(report: Report, meeting: MeetingReport, lang: Lang): AdminLayout {
  const w = WORDS[lang];
  const planIssuer = report.plan.issuer ?? '';
  const issuer = meeting.issuer ?? planIssuer.replace(/^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, '').toLocaleUpperCase('vi');
  const place = meeting.place ?? planIssuer.replace(/^.*?(?:xã|phường|thị trấn)\s+/iu, '');
  return {
    authority: meeting.authority ?? w.authority,
    issuer,
    number: `${w.number}: ${meeting.number ?? `${BLANK}/BC-UBND`}`,
    nation: w.nation,
    motto: w.motto,
    placeDate: w.date(place || BLANK, new Date(`${report.asOf}T00:00:00Z`)),
    recipientsTitle: w.recipients,
    recipients: (meeting.recipients ?? [BLANK]).map((r) => `- ${r}`),
    archive: w.archive,
    signing: meeting.signing ?? w.signing,
    signerTitle: meeting.signerTitle ?? w.signerTitle,
    signer: meeting.signer ?? BLANK,
  };
}
