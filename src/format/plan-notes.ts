import type { Report } from '../types.js';
import type { FormatOptions } from './format-options.js';

/** One note the plan keeps on an area, a heading or a criterion, with what it is about. */
export interface PlanNote {
  id: string;
  note: string;
}

/**
 * The plan's transcription notes (a spelling remark on the original, a target read from an unclear
 * cell…), in plan order: each area's own, then its headings', then its criteria's. They help whoever
 * maintains the plan file; meeting papers leave them out unless `--notes` (or `report: notes: true`
 * in cchc.config.yaml) asks for them.
 */
export function planNotes(report: Report): PlanNote[] {
  const out: PlanNote[] = [];
  for (const area of report.areas) {
    for (const note of area.notes ?? []) out.push({ id: area.id, note });
    for (const h of area.headings) for (const note of h.notes ?? []) out.push({ id: h.id, note });
    for (const c of report.criteria) if (c.area === area.id) for (const note of c.notes ?? []) out.push({ id: c.id, note });
  }
  return out;
}

/** Whether the plan's notes go into a Word, HTML or XLSX export. */
export function wantsNotes(options: Pick<FormatOptions, 'notes' | 'meeting'>): boolean {
  return options.notes ?? options.meeting?.notes ?? false;
}
