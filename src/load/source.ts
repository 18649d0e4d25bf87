import type { Document } from 'yaml';
import type { DataPath } from '../types.js';
import type { LineStarts } from './line-starts.js';
import type { QuickMap } from './quick-yaml.js';

/**
 * One YAML file as read: its text, where its nodes are (for positions) and its plain data. The
 * positions come from quickYaml for the plain YAML it reads, else from yaml's document.
 */
export interface Source {
  /** Path as shown to the user: relative to the working folder, with `/`. */
  file: string;
  text: string;
  doc?: Document.Parsed;
  quick?: QuickMap;
  lineCounter: LineStarts;
  data: unknown;
  /** false: no number in the file is written with a point (known when quickYaml read it). */
  dottedNumbers?: boolean;
  /** An Excel progress form read as YAML: the cell ("Báo cáo!G12") each line of `text` came from. */
  cells?: (string | undefined)[];
}

export type { DataPath };
