// The one error family. Each error has a stable code; the web layer maps codes to HTTP statuses
// (web/errors.tsx) and the CLI maps them to a one-line message and an exit code (cli/main.ts).

export type ErrorCode =
  | "invalid"
  | "unauthenticated"
  | "not_found"
  | "gone"
  | "conflict"
  | "forbidden"
  | "too_many"
  | "too_large"
  | "unavailable";

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Where the bad input was, when it came from a file: shown to the user as `file:line`. */
  readonly file?: string;
  readonly line?: number;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; file?: string; line?: number } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.file = options.file;
    this.line = options.line;
  }

  /** The message with its place, e.g. `post.md:3: title is missing`. */
  get located(): string {
    if (!this.file) return this.message;
    return this.line ? `${this.file}:${this.line}: ${this.message}` : `${this.file}: ${this.message}`;
  }
}

export class InvalidError extends AppError {
  constructor(message: string, options: { cause?: unknown; file?: string; line?: number } = {}) {
    super("invalid", message, options);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("not_found", message, options);
  }
}

/** The thing existed and was deliberately removed (a withdrawn article): HTTP 410. */
export class GoneError extends AppError {
  constructor(message: string) {
    super("gone", message);
  }
}

/** No session, or one that has ended: HTTP 401 (the admin answers a page with a redirect to log in). */
export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super("unauthenticated", message);
  }
}

/** Too many attempts in a while (log-ins, contact messages): HTTP 429, with when to try again. */
export class TooManyError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super("too_many", message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** An upload or a body past its stated limit: HTTP 413. */
export class TooLargeError extends AppError {
  constructor(message: string) {
    super("too_large", message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string) {
    super("forbidden", message);
  }
}

/** A save based on an old revision. Carries both texts so that neither is lost. */
export class ConflictError<T = unknown> extends AppError {
  readonly current: T;
  readonly attempted: T;

  constructor(message: string, current: T, attempted: T) {
    super("conflict", message);
    this.current = current;
    this.attempted = attempted;
  }
}

/** A resource the program needs (the database file, a port) cannot be used. */
export class UnavailableError extends AppError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("unavailable", message, options);
  }
}
