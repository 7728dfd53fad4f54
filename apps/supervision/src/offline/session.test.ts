import 'fake-indexeddb/auto';
import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { restoreLastUser } from './session';
import { openOfflineDb, writeCache } from './store';

const USER = 'u-principal';
const STUDY_KEY = [['studies', 'get'], { input: { studyId: 's-1' }, type: 'query' }];

describe('answers kept for offline use', () => {
  test('a kept answer draws at once, and the first page that uses it asks the server again', async () => {
    // Kept a second ago: Siklus III still a draft on the screen the user left.
    const keptAt = Date.now() - 1000;
    const db = await openOfflineDb();
    await writeCache(db, {
      userId: USER,
      savedAt: new Date(keptAt).toISOString(),
      state: {
        mutations: [],
        queries: [
          {
            queryKey: STUDY_KEY,
            queryHash: JSON.stringify(STUDY_KEY),
            state: {
              data: { canAddCycle: false },
              dataUpdateCount: 1,
              dataUpdatedAt: keptAt,
              error: null,
              errorUpdateCount: 0,
              errorUpdatedAt: 0,
              fetchFailureReason: null,
              fetchFailureCount: 0,
              fetchMeta: null,
              isInvalidated: false,
              status: 'success',
              fetchStatus: 'idle',
            },
          },
        ],
      },
    });
    localStorage.setItem('siklus.offline.user', USER);
    // The app's own defaults: 30 s fresh.
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
    await restoreLastUser(queryClient);

    expect(queryClient.getQueryData(STUDY_KEY)).toEqual({ canAddCycle: false });
    // Meanwhile the cycle was submitted: the server now says the next one may be added.
    let asked = 0;
    const observer = new QueryObserver(queryClient, {
      queryKey: STUDY_KEY,
      queryFn: async () => {
        asked += 1;
        return { canAddCycle: true };
      },
    });
    const seen: unknown[] = [];
    const unsubscribe = observer.subscribe((result) => seen.push(result.data));
    await expect.poll(() => queryClient.getQueryData(STUDY_KEY)).toEqual({ canAddCycle: true });
    unsubscribe();
    expect(asked).toBe(1);
    // What was kept drew first, then the server's answer.
    expect(seen[0]).toEqual({ canAddCycle: false });
  });
});
