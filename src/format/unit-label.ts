import type { Report } from '../types.js';

/** A unit's short label (`Phòng KT`) for table cells, else its name, else its id. */
export function unitLabel(report: Report, id: string): string {
  const unit = report.units.find((u) => u.id === id);
  return unit?.short ?? unit?.name ?? id;
}
