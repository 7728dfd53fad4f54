/**
 * What one HTTP request may carry, per procedure. tRPC batches up to MAX_BATCH_SIZE calls
 * in one request; these bound the calls whose cost is not the request's but the server's:
 * - `auth.login` at most once: 25 guesses in one POST would otherwise be checked in
 *   parallel, each costing an argon2id hash (the throttle itself is in auth/);
 * - reports and files (district comparison, a school's detail, DOCX, spreadsheets) at most
 *   COSTLY_PER_BATCH: each reads many rows or builds a document, and a page never asks
 *   for more than two of them at once.
 * The HTTP server enforces these before the batch runs (apps/server/src/request-guards.ts).
 */

/** Ordinary requests: a form, a page of scores, a rubric. */
export const BODY_LIMIT = 1024 * 1024;

/**
 * Imports travel as base64 inside a JSON mutation: a 2 MB spreadsheet is ~2.7 MB of
 * base64, so these procedures (and only these) may carry up to 4 MiB. A batch mixing an
 * import with anything else keeps the ordinary limit.
 */
export const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;
export const IMPORT_PROCEDURES: readonly string[] = ['io.previewImport', 'io.confirmImport'];

export const COSTLY_PER_BATCH = 3;

export function isCostlyProcedure(path: string): boolean {
  return path.startsWith('reports.') || path.startsWith('io.');
}

/** The body limit of a request calling these procedures (one, or a batch). */
export function bodyLimitOf(paths: readonly string[]): number {
  return paths.length > 0 && paths.every((p) => IMPORT_PROCEDURES.includes(p))
    ? IMPORT_BODY_LIMIT
    : BODY_LIMIT;
}

export type TBatchRefusal = { id: string; en: string };

/** Why this batch is refused, or null when it may run. */
export function batchRefusal(paths: readonly string[]): TBatchRefusal | null {
  const logins = paths.filter((p) => p === 'auth.login').length;
  if (logins > 1) {
    return {
      id: 'Hanya satu permintaan masuk (auth.login) per kiriman.',
      en: 'Only one sign-in (auth.login) per request.',
    };
  }
  const costly = paths.filter(isCostlyProcedure).length;
  if (costly > COSTLY_PER_BATCH) {
    return {
      id: `Paling banyak ${COSTLY_PER_BATCH} laporan atau berkas per kiriman (diminta ${costly}).`,
      en: `At most ${COSTLY_PER_BATCH} reports or files per request (${costly} asked).`,
    };
  }
  return null;
}
