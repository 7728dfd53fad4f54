/**
 * Strings of one area: the principal's studies, cycles, observation sheets and progress (prefixes pts.).
 * Kept in its own file so areas can grow in parallel; `id.ts` and `en.ts` spread them.
 * Indonesian is the source of keys (`as const` keeps the `{param}` types); English must
 * have exactly the same keys.
 */
export const ptsId = {} as const;

export const ptsEn = {} satisfies Record<keyof typeof ptsId, string>;
