import type { MessageTable } from './message-table.js';

/** Messages of `cchc plan show` and `cchc plan diff`. */
export const PLAN_MESSAGES: MessageTable = {};
