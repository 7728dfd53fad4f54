import { useTRPC } from '@siklus/client';
import type { ConfigKindId } from './kinds';

/**
 * The three config routers share one lifecycle (list, get, create, updateDraft, publish,
 * newVersion, deleteDraft, duplicate, export, import), so a page can take any of them. The
 * rubric router's type stands for all three; criteria take one extra optional input
 * (`bandSetVersionId`), passed where the criteria page needs it.
 */
export function useConfigApi(kind: ConfigKindId) {
  const trpc = useTRPC();
  const api = trpc.config[kind] as unknown as typeof trpc.config.rubrics;
  return { trpc, api };
}
