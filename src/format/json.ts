import type { Report } from '../types.js';

/** The JSON report (schemas/report.schema.json): stable key order, no timestamps. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
