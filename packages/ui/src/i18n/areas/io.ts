/**
 * Strings of one area: imports, exports and the printable results chapter (prefix io.).
 * Kept in its own file so areas can grow in parallel; `id.ts` and `en.ts` spread them.
 * Indonesian is the source of keys (`as const` keeps the `{param}` types); English must
 * have exactly the same keys.
 */
export const ioId = {} as const;

export const ioEn = {} satisfies Record<keyof typeof ioId, string>;
