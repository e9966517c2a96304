import { msg, type Message } from '../i18n/message.js';
import { localeFormat } from '../i18n/translator.js';

/**
 * What an error says: a catalog message (src/i18n/message.ts), put in the reader's language by the
 * route that answers. A plain string is text already written for people (English).
 */
export type ErrorText = Message | string;

function english(text: ErrorText): string {
  return typeof text === 'string' ? text : localeFormat('en', 'UTC').t(text.key, text.values);
}

/** Typed errors thrown by services; routes turn them into pages or JSON with the right status. */
export class AppError extends Error {
  readonly status: number = 500;
  /** The message for people; `message` is its English text, for logs. */
  readonly text: ErrorText;

  constructor(text: ErrorText = '') {
    super(english(text));
    this.text = text;
  }
}

export class NotFound extends AppError {
  override readonly status = 404;
  constructor(message: ErrorText = msg('error.notFound')) {
    super(message);
  }
}

export class Forbidden extends AppError {
  override readonly status = 403;
  constructor(message: ErrorText = msg('error.forbidden')) {
    super(message);
  }
}

export class Unauthenticated extends AppError {
  override readonly status = 401;
  constructor(message: ErrorText = msg('error.signInFirst')) {
    super(message);
  }
}

export class Conflict extends AppError {
  override readonly status = 409;
}

export class RateLimited extends AppError {
  override readonly status = 429;
  constructor(
    message: ErrorText,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export type FieldErrors = Record<string, ErrorText>;

/** Invalid input: carries one message per field so the form can show them beside the inputs. */
export class ValidationError extends AppError {
  override readonly status = 422;
  constructor(
    readonly fields: FieldErrors,
    message: ErrorText = msg('error.correctFields'),
  ) {
    super(message);
  }
}

/** Throws one ValidationError listing every field whose check returned a message. */
export function assertValid(errors: Record<string, ErrorText | undefined>): void {
  const failed = Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as FieldErrors;
  if (Object.keys(failed).length > 0) throw new ValidationError(failed);
}

/** A request the server cannot read at all (e.g. a malformed multipart body). */
export class BadRequest extends AppError {
  override readonly status = 400;
  constructor(message: ErrorText = msg('error.unreadableRequest')) {
    super(message);
  }
}
