/**
 * The plan as the importer builds it before writing: the fields of `cchc/plan@1` (design.md), plus
 * the things a person must confirm (`reviews`) and where each row was read. Plain data.
 */
import type { MessageArgs } from '../message-table.js';
import type { MeasureKind } from '../types.js';
import type { Place } from './table.js';

/** A guess to confirm: written as `# KIỂM TRA: …` above the field and listed on stderr. */
export interface Review {
  code: string;
  args: MessageArgs;
}

export interface UnitDraft {
  id: string;
  name: string;
  aliases: string[];
  members?: string[];
  reviews: Review[];
}

export interface MeasureDraft {
  id: string;
  label: string;
  kind: MeasureKind;
  target: string;
  aggregate?: 'sum' | 'each';
  reviews: Review[];
}

export interface CriterionDraft {
  type: 'criterion';
  id: string;
  title: string;
  requirement?: string;
  due?: string;
  dueText?: string;
  lead: string;
  support: string[];
  measures: MeasureDraft[];
  /** Reviews about the row as a whole (its number, its title). */
  reviews: Review[];
  dueReviews: Review[];
  leadReviews: Review[];
  at: Place;
}

export interface HeadingDraft {
  type: 'heading';
  id: string;
  title: string;
  criteria: NodeDraft[];
  reviews: Review[];
  at: Place;
}

export type NodeDraft = CriterionDraft | HeadingDraft;

export interface AreaDraft {
  id: string;
  title: string;
  criteria: NodeDraft[];
  reviews: Review[];
}

export interface PlanDraft {
  id: string;
  title: string;
  issuer: string;
  year: number;
  source: string;
  notes: string[];
  units: UnitDraft[];
  areas: AreaDraft[];
  /** Reviews of the plan's own fields, by field name. */
  fieldReviews: Partial<Record<'id' | 'title' | 'issuer' | 'year', Review[]>>;
}
