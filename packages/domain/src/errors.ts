/** Every error code the platform uses; the API's error formatter maps each to an HTTP status. */
export const APP_ERROR_CODES = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** A text a person reads, Indonesian first, English second. */
export type TBilingual = { id: string; en: string };

export type AppErrorOptions = {
  /** Where the problem is, as a dotted path such as `scores.B2`. */
  field?: string;
  cause?: unknown;
  details?: Record<string, unknown>;
};

/**
 * The one error type for anything a person must fix (or be told about). `message` is the
 * English text so logs and stack traces stay readable; `messages` carries both languages
 * for the UI.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  readonly code: AppErrorCode;
  readonly messages: TBilingual;
  // `declare`: an absent field or details stays absent instead of an own `undefined` key.
  declare readonly field?: string;
  declare readonly details?: Record<string, unknown>;

  constructor(code: AppErrorCode, messages: TBilingual, options: AppErrorOptions = {}) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.messages = { id: messages.id, en: messages.en };
    if (options.field !== undefined) this.field = options.field;
    if (options.details !== undefined) this.details = options.details;
  }
}

/**
 * True for an AppError. Falls back to a structural check because a bundler can load this
 * module twice (e.g. once for the server, once for a test helper), and then `instanceof`
 * fails for an error that is an AppError in every way that matters.
 */
export function isAppError(value: unknown): value is AppError {
  if (value instanceof AppError) return true;
  if (!(value instanceof Error) || value.name !== 'AppError') return false;
  if (!('code' in value) || !APP_ERROR_CODES.some((c) => c === value.code)) return false;
  if (!('messages' in value)) return false;
  const m = value.messages;
  return (
    typeof m === 'object' &&
    m !== null &&
    'id' in m &&
    'en' in m &&
    typeof m.id === 'string' &&
    typeof m.en === 'string'
  );
}

/** Shorthand for the most common case: input a person must correct. */
export function badRequest(id: string, en: string, field?: string): AppError {
  return new AppError('BAD_REQUEST', { id, en }, field === undefined ? {} : { field });
}
