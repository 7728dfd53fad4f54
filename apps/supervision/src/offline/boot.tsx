import { useTRPC, useTRPCClient } from '@siklus/client';
import { setSignOutGuard, useFormat, useT } from '@siklus/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useState } from 'react';
import { offlineSince, useOnline } from './online';

/*
 * The offline runtime's foothold in the first load (decision 024): the banner, the service
 * worker's registration after the page has loaded, and the lazy start of ./session (the
 * IndexedDB code) for a signed-in principal, or at once when the app opens offline.
 */

const DiscardDialog = lazy(() => import('./discard-dialog'));
const session = () => import('./session');

export function OfflineBoot() {
  const t = useT();
  const f = useFormat();
  const online = useOnline();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const principalId = me.data?.role === 'principal' ? me.data.id : null;
  const [proceed, setProceed] = useState<(() => void) | null>(null);

  useEffect(() => {
    // Opened without a connection: the last user's kept pages come back before anything.
    if (!navigator.onLine) void session().then((m) => m.restoreLastUser(queryClient));
    const register = () => {
      if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js');
    };
    if (document.readyState === 'complete') register();
    else window.addEventListener('load', register, { once: true });
    setSignOutGuard(async (go) => {
      const outcome = await (await session()).signOutOffline(false);
      if (outcome === 'cleared') return true;
      setProceed(() => go);
      return false;
    });
    return () => setSignOutGuard(null);
  }, [queryClient]);

  useEffect(() => {
    if (principalId) void session().then((m) => m.startSession(queryClient, client, principalId));
    else if (me.data === null || (me.data && !principalId))
      void session().then((m) => m.stopSession());
  }, [principalId, me.data, queryClient, client]);

  const since = online ? null : offlineSince();
  return (
    <>
      {!online && (
        <div className="sk-offline-banner" role="status">
          {t('offline.banner', { since: since ? f.dateTime(since) : '' })}
        </div>
      )}
      {proceed && (
        <Suspense fallback={null}>
          <DiscardDialog
            onDiscard={async () => {
              await (await session()).signOutOffline(true);
              setProceed(null);
              proceed();
            }}
            onCancel={() => setProceed(null)}
          />
        </Suspense>
      )}
    </>
  );
}
