/*
 * Instants leave the db package as ISO 8601 strings in UTC, never as Date: without a tRPC
 * transformer a Date reaches the browser as exactly this string, so a repository that
 * returned Date would give the API's callers (tests, the download routes) one type and
 * the browser another (docs/decisions/013-instants-as-iso-strings.md). Calendar dates
 * (`date` columns) are 'YYYY-MM-DD' text already (create-db.ts).
 */

/** `2026-11-20T08:00:00.000Z`; accepts what either driver returns for a timestamptz. */
export function iso(value: Date | string): string {
  return new Date(value).toISOString();
}

export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : iso(value);
}
