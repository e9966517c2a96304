/** Typed errors thrown by services; routes turn them into pages or JSON with the right status. */
export class AppError extends Error {
  readonly status: number = 500;
}

export class NotFound extends AppError {
  override readonly status = 404;
  constructor(message = 'We could not find that page.') {
    super(message);
  }
}

export class Forbidden extends AppError {
  override readonly status = 403;
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

export class Unauthenticated extends AppError {
  override readonly status = 401;
  constructor(message = 'Please sign in first.') {
    super(message);
  }
}

export class Conflict extends AppError {
  override readonly status = 409;
}

export class RateLimited extends AppError {
  override readonly status = 429;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export type FieldErrors = Record<string, string>;

/** Invalid input: carries one message per field so the form can show them beside the inputs. */
export class ValidationError extends AppError {
  override readonly status = 422;
  constructor(
    readonly fields: FieldErrors,
    message = 'Please correct the highlighted fields.',
  ) {
    super(message);
  }
}

/** Throws one ValidationError listing every field whose check returned a message. */
export function assertValid(errors: Record<string, string | undefined>): void {
  const failed = Object.fromEntries(Object.entries(errors).filter(([, message]) => message !== undefined)) as FieldErrors;
  if (Object.keys(failed).length > 0) throw new ValidationError(failed);
}

/** A request the server cannot read at all (e.g. a malformed multipart body). */
export class BadRequest extends AppError {
  override readonly status = 400;
  constructor(message = 'We could not read that request. Please reload the page and try again.') {
    super(message);
  }
}
