/** Language of everything a person reads. */
export type Lang = 'vi' | 'en';

/** Status of one criterion as of a date (design.md, "Evaluation"). */
export type Status = 'pass' | 'fail' | 'overdue' | 'at-risk' | 'pending' | 'no-data';
export const STATUSES: readonly Status[] = ['pass', 'fail', 'overdue', 'at-risk', 'pending', 'no-data'];

export type MeasureKind = 'ratio' | 'percent' | 'count';
export type Op = '>=' | '>' | '=' | '<=' | '<';
export type TaskStatus = 'done' | 'in-progress' | 'not-started';
export type FailOn = 'overdue' | 'fail' | 'at-risk' | 'none';

/** A YAML data path: map keys and sequence indexes. */
export type DataPath = readonly (string | number)[];

/** A parsed target such as `>= 90%`. `text` keeps what the plan wrote. */
export interface Target {
  op: Op;
  value: number;
  unit: '%' | '';
  text: string;
}

export interface Measure {
  id: string;
  label: string;
  kind: MeasureKind;
  target: Target;
  aggregate: 'sum' | 'each';
  valueLabel?: string;
  totalLabel?: string;
}

export interface Unit {
  id: string;
  name: string;
  short?: string;
  aliases: string[];
  /** Present for a group; its members report, results roll up. */
  members?: string[];
  notes: string[];
}

export interface Criterion {
  id: string;
  area: string;
  /** Id of the heading the criterion sits under (e.g. "3.2"), if any. */
  heading?: string;
  title: string;
  requirement?: string;
  /** ISO date; the end of the plan year when the plan gives none. */
  due: string;
  ongoing: boolean;
  /** True when the plan gave no deadline and `due` is the end of the plan year. */
  dueImplied: boolean;
  dueText?: string;
  lead: string;
  support: string[];
  measures: Measure[];
  notes: string[];
}

export interface Heading {
  id: string;
  title: string;
  area: string;
  notes: string[];
}

export interface Area {
  id: string;
  title: string;
  headings: Heading[];
  notes: string[];
}

/** One recorded change of a plan amendment (`amendments[].changes[]` in the plan file). */
export interface PlanChangeRecord {
  criterion?: string;
  measure?: string;
  unit?: string;
  /** What changed: target, due, lead, support, requirement, title, added, removed, renumbered… */
  field: string;
  from?: string | number | null;
  to?: string | number | null;
  note?: string;
}

export interface Amendment {
  revision: number;
  date?: string;
  basis?: string;
  changes: PlanChangeRecord[];
}

export interface Plan {
  file: string;
  /** Recorded amendments, so files made for an older revision learn what changed for them. */
  amendments: Amendment[];
  id: string;
  revision: number;
  title: string;
  issuer: string;
  year: number;
  units: Map<string, Unit>;
  areas: Area[];
  /** Criteria (not headings) in plan order. */
  criteria: Criterion[];
  /** Every id used by a criterion or a heading, to tell "a heading" from "unknown". */
  headingIds: Set<string>;
}

/**
 * What progress files are checked against: a plan without its areas and headings, and with only
 * the ids, lead and measures of its criteria (units and amendments are kept whole). `cchc
 * validate` keeps only this of each plan, about a fifth of it; a Plan is one.
 */
export interface PlanOutline {
  file: string;
  amendments: Amendment[];
  id: string;
  revision: number;
  /** The plan year: a report dated outside it is probably filed against the wrong plan. */
  year?: number;
  units: Map<string, Unit>;
  criteria: CriterionOutline[];
  headingIds: Set<string>;
}

/** A criterion as progress files are checked against it. */
export interface CriterionOutline {
  id: string;
  heading?: string;
  lead: string;
  measures: Pick<Measure, 'id' | 'kind' | 'totalLabel'>[];
}

/** Figures for one measure in one progress entry. */
export interface Figure {
  value: number;
  total?: number;
}

export interface ProgressEntry {
  criterion: string;
  figures: Map<string, Figure>;
  status?: TaskStatus;
  completedOn?: string;
  evidence: string[];
  note?: string;
  line: number;
}

export interface ProgressReport {
  file: string;
  plan: string;
  planRevision: number;
  unit: string;
  period: string;
  asOf: string;
  reportedBy?: string;
  entries: Map<string, ProgressEntry>;
}

export type Severity = 'error' | 'warning';

/** A finding about an input file; its text is made by `formatMessage`. */
export interface Diagnostic {
  severity: Severity;
  code: string;
  args: Record<string, string | number>;
  file: string;
  line?: number;
  column?: number;
  /** In an Excel progress form, the sheet and cell ("Báo cáo!G12") in place of line and column. */
  cell?: string;
}

// ---- The report (schemas/report.schema.json) ----

export interface ReportMeasureByUnit {
  unit: string;
  actual: number | null;
  value: number;
  total?: number;
  met: boolean;
}

export interface ReportMeasure {
  id: string;
  label: string;
  kind: MeasureKind;
  target: { op: Op; value: number; unit: '%' | '' };
  actual: number | null;
  value: number | null;
  total: number | null;
  met: boolean | null;
  /** Ratio with denominator 0: "không phát sinh", counted as met. */
  notApplicable?: boolean;
  aggregate?: 'sum' | 'each';
  byUnit?: ReportMeasureByUnit[];
  /** Where the measure is heading by its due date, at the pace of the last two reports. */
  forecast?: ReportForecast;
  /** The measure report by report, when it was given on two dates or more (oldest first). */
  history?: ReportHistoryPoint[];
}

/** A measure as it stood on one report date. */
export interface ReportHistoryPoint {
  asOf: string;
  /** In percent for ratio and percent measures (null: nothing arose), else the count. */
  actual: number | null;
  value: number;
  /** Ratio measures: the denominator. */
  total?: number;
}

/** A measure projected to `by` (design.md, "Trend and forecast"); it never changes a status. */
export interface ReportForecast {
  /** In percent for ratio and percent measures, else the count. */
  value: number;
  /** The due date, or the end of the plan year for an ongoing criterion. */
  by: string;
  met: boolean;
  /** The report dates the pace was taken from. */
  basis: string[];
}

export interface ReportUnitRef {
  id: string;
  name: string;
  short?: string;
}

export interface ReportTaskUnit {
  unit: string;
  status: TaskStatus;
  completedOn?: string;
  evidence: string[];
}

export interface ReportCriterion {
  id: string;
  area: string;
  heading?: string;
  title: string;
  requirement: string | null;
  due: string;
  dueText?: string;
  dueImplied?: boolean;
  ongoing: boolean;
  dueSoon: boolean;
  daysOverdue: number;
  lead: ReportUnitRef;
  support: ReportUnitRef[];
  status: Status;
  measures: ReportMeasure[];
  task?: ReportTaskUnit[];
  missingUnits: ReportUnitRef[];
  notes?: string[];
  sources: { file: string; line: number }[];
}

export interface ReportDiagnostic {
  severity: Severity;
  code: string;
  file: string;
  line?: number;
  column?: number;
  /** In an Excel progress form: the sheet and cell ("Báo cáo!G12"). */
  cell?: string;
  message: string;
}

export interface Report {
  schema: 'cchc/report@1';
  asOf: string;
  plan: { id: string; revision: number; title: string; issuer?: string; file?: string };
  summary: { total: number; forecastMiss?: number } & Record<Status, number>;
  /** Set by `--unit`: figures of group-led criteria are this unit's own share. */
  unit?: ReportUnitRef;
  units: ReportUnitRef[];
  areas: { id: string; title: string; notes?: string[]; headings: { id: string; title: string; notes?: string[] }[] }[];
  criteria: ReportCriterion[];
  diagnostics: ReportDiagnostic[];
}
