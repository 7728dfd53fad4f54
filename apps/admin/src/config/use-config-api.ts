import { useTRPC } from '@siklus/client';
import type { ConfigKindId } from './kinds';

/**
 * The three config routers share one lifecycle (list, get, create, updateDraft, publish,
 * newVersion, deleteDraft, duplicate, export, import) and one type (the API's
 * versionedProcedures), so a page can take any of them; criteria take one extra optional
 * input (`bandSetVersionId`), passed where the criteria page needs it.
 */
export function useConfigApi(kind: ConfigKindId) {
  const trpc = useTRPC();
  const api: typeof trpc.config.rubrics = trpc.config[kind];
  return { trpc, api };
}
