/**
 * Strings of one area: the supervisor's dashboard, compare, school drill-down and review queue (prefix district.).
 * Kept in its own file so areas can grow in parallel; `id.ts` and `en.ts` spread them.
 * Indonesian is the source of keys (`as const` keeps the `{param}` types); English must
 * have exactly the same keys.
 */
export const districtId = {} as const;

export const districtEn = {} satisfies Record<keyof typeof districtId, string>;
