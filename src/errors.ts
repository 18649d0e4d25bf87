import type { Diagnostic } from './types.js';

/** A mistake in how cchc was called or configured: shown without a stack trace, exit 2. */
export class UsageError extends Error {
  constructor(readonly code: string, readonly args: Diagnostic['args'] = {}) {
    super(code);
  }
}

/** Input files have errors; they were already printed. Exit 2. */
export class InvalidInputError extends Error {}
