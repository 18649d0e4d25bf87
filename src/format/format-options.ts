import type { ChalkInstance } from 'chalk';
import type { Lang } from '../types.js';

/** What every formatter is told besides the report. A leaf of its own, so no formatter imports index.ts. */
export interface FormatOptions {
  lang: Lang;
  /** Chalk at the colour level the CLI chose; only the terminal table uses it. */
  chalk: ChalkInstance;
  /** Terminal width, for the table. */
  width: number;
  /** With --stamp: when the report was made (ISO 8601). Absent, output carries no timestamp. */
  stamp?: string;
  /** The Word report's issuer, signer and recipients (cchc.config.yaml's `report:`). */
  meeting?: MeetingReport;
  /** With --notes: the plan's transcription notes go into the Word, HTML and XLSX exports. */
  notes?: boolean;
}

/** `report:` of cchc.config.yaml: what the administrative layout of a report needs beyond the figures. */
export interface MeetingReport {
  authority?: string;
  issuer?: string;
  place?: string;
  number?: string;
  signing?: string;
  signerTitle?: string;
  signer?: string;
  recipients?: string[];
  /** Put the plan's transcription notes into the meeting papers (as --notes does). */
  notes?: boolean;
}
