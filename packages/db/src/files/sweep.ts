import type { Kysely } from 'kysely';
import { referencedFileKeys } from '../repositories/attachments';
import type { DB } from '../schema';
import type { FileStore } from './file-store';

/** Files younger than this are never swept: an upload writes its bytes before its row. */
export const ORPHAN_GRACE_MS = 24 * 3600_000;

/**
 * Removes stored files no attachment names any more (a deleted draft attachment, an
 * upload whose transaction failed), sparing those written within the grace period. The
 * store is listed before the rows are read, so a file put and named while this runs is
 * either too young to be a candidate or already named.
 */
export async function sweepOrphans(
  db: Kysely<DB>,
  store: FileStore,
  opts: { now?: Date; graceMs?: number } = {},
): Promise<{ removed: number; bytes: number; kept: number }> {
  const cutoff = (opts.now ?? new Date()).getTime() - (opts.graceMs ?? ORPHAN_GRACE_MS);
  const candidates: { key: string; size: number }[] = [];
  let kept = 0;
  for await (const file of store.list()) {
    if (file.modifiedAt.getTime() < cutoff) candidates.push(file);
    else kept++;
  }
  const named = await referencedFileKeys(db);
  let removed = 0;
  let bytes = 0;
  for (const file of candidates) {
    if (named.has(file.key)) {
      kept++;
      continue;
    }
    await store.delete(file.key);
    removed++;
    bytes += file.size;
  }
  return { removed, bytes, kept };
}
