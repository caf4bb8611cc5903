// The few typed errors every use case may throw. Adapters map them by class, once.
import { t, type MessageCode, type Text } from './i18n.js';

export interface FieldError {
  /** JSON pointer-ish path of the field, e.g. "email" or "contact/phone" */
  field: string;
  code: string;
  message: Text;
}

export abstract class AppError extends Error {
  abstract readonly status: number;
  readonly text: Text;
  constructor(
    readonly code: string,
    text?: Text,
    readonly fields: FieldError[] = [],
  ) {
    const resolved = text ?? t(code as MessageCode);
    super(resolved.en);
    this.text = resolved;
  }
}

export class NotFound extends AppError {
  readonly status = 404;
  constructor(code: MessageCode = 'not_found') {
    super(code);
  }
}

export class Unauthenticated extends AppError {
  readonly status = 401;
  constructor(code: MessageCode = 'unauthenticated', params?: Record<string, string | number>) {
    super(code, t(code, params));
  }
}

export class Forbidden extends AppError {
  readonly status = 403;
  constructor(code: MessageCode = 'forbidden', params?: Record<string, string | number>) {
    super(code, t(code, params));
  }
}

export class Invalid extends AppError {
  readonly status = 400;
  constructor(fields: FieldError[], code: MessageCode = 'invalid') {
    super(code, t(code), fields);
  }
  static field(field: string, code: MessageCode, params?: Record<string, string | number>): Invalid {
    return new Invalid([{ field, code, message: t(code, params) }]);
  }
}

export class Conflict extends AppError {
  readonly status = 409;
  constructor(code: MessageCode = 'conflict', fields: FieldError[] = [], params?: Record<string, string | number>) {
    super(code, t(code, params), fields);
  }
}

export class TooLarge extends AppError {
  readonly status = 413;
  constructor(code: MessageCode = 'too_large') {
    super(code);
  }
}

export class RateLimited extends AppError {
  readonly status = 429;
  constructor(
    readonly retryAfterSeconds: number,
    code: MessageCode = 'rate_limited',
    params?: Record<string, string | number>,
  ) {
    super(code, t(code, params));
  }
}
