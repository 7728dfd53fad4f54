import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { OutboxEntry, OutboxStore } from './outbox';

/*
 * The device's offline data, in one IndexedDB database (decision 024): the outbox, and per
 * user the answers the pages need to open without a connection. Every read names the user;
 * sign-out removes that user's cache once their outbox is empty.
 */

export interface CachedQueries {
  userId: string;
  savedAt: string;
  /** TanStack Query's dehydrated state (JSON-safe). */
  state: unknown;
}

interface OfflineSchema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byUser: string } };
  cache: { key: string; value: CachedQueries };
}

export const OFFLINE_DB = 'siklus-offline';

export type OfflineDb = IDBPDatabase<OfflineSchema>;

export function openOfflineDb(name = OFFLINE_DB): Promise<OfflineDb> {
  return openDB<OfflineSchema>(name, 1, {
    upgrade(db) {
      const outbox = db.createObjectStore('outbox', { keyPath: 'changeId' });
      outbox.createIndex('byUser', 'userId');
      db.createObjectStore('cache', { keyPath: 'userId' });
    },
  });
}

/** The outbox over IndexedDB: one record per change, read per user, oldest first. */
export function idbOutbox(db: OfflineDb): OutboxStore {
  return {
    async list(userId) {
      const entries = await db.getAllFromIndex('outbox', 'byUser', userId);
      return entries.sort((a, b) => a.seq - b.seq);
    },
    async put(entry) {
      await db.put('outbox', entry);
    },
    async delete(changeId) {
      await db.delete('outbox', changeId);
    },
  };
}

export async function readCache(db: OfflineDb, userId: string): Promise<CachedQueries | null> {
  return (await db.get('cache', userId)) ?? null;
}

export async function writeCache(db: OfflineDb, value: CachedQueries): Promise<void> {
  await db.put('cache', value);
}

/** Forgets a user's offline data: their cached pages, and their outbox when `outbox`. */
export async function clearUser(db: OfflineDb, userId: string, outbox: boolean): Promise<void> {
  await db.delete('cache', userId);
  if (!outbox) return;
  const tx = db.transaction('outbox', 'readwrite');
  for (const key of await tx.store.index('byUser').getAllKeys(userId)) await tx.store.delete(key);
  await tx.done;
}
