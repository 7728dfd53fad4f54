import { onlineManager } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';

/*
 * Whether the device is online, and since when it is not (kept across reloads, so the
 * banner says when the connection was lost, not when the page was opened). Small: it is
 * part of the first load.
 */

const SINCE = 'siklus.offline.since';

function sync(): void {
  const online = navigator.onLine;
  if (online) localStorage.removeItem(SINCE);
  else if (!localStorage.getItem(SINCE)) localStorage.setItem(SINCE, new Date().toISOString());
  // TanStack Query only hears online/offline events: a page opened offline must say so,
  // or every query fails three times instead of waiting for the connection.
  onlineManager.setOnline(online);
}

export function watchConnection(): void {
  sync();
  window.addEventListener('online', sync);
  window.addEventListener('offline', sync);
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('online', listener);
  window.addEventListener('offline', listener);
  return () => {
    window.removeEventListener('online', listener);
    window.removeEventListener('offline', listener);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(subscribe, () => navigator.onLine);
}

/** When the connection was lost (ISO), or null while online. */
export function offlineSince(): string | null {
  return navigator.onLine ? null : localStorage.getItem(SINCE);
}
