import type { MessageTable } from './message-table.js';

/** Messages of `cchc init`. */
export const INIT_MESSAGES: MessageTable = {};
