import type { ErrorCode } from '../types.js';

/** An input problem that belongs to one record: it becomes that record's ErrorRecord. */
export class InputError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
