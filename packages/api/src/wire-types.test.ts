import { describe, expect, it } from 'vitest';
import type { createCaller } from './root';

/*
 * Without a transformer a Date reaches the browser as its JSON string. The client's
 * RouterOutputs already say string (tRPC serialises the type), but a server-side caller
 * (tests, the download routes) gets the Date itself: two types for one procedure. So no
 * procedure returns a Date; instants leave the db package as ISO strings
 * (docs/decisions/013-instants-as-iso-strings.md). This file does not compile while any
 * procedure's output holds a Date, and the compiler's error names the paths.
 */

type DatePaths<T, P extends string> = T extends Date
  ? P
  : T extends readonly (infer U)[]
    ? DatePaths<U, `${P}[]`>
    : T extends object
      ? { [K in keyof T & string]-?: DatePaths<T[K], `${P}.${K}`> }[keyof T & string]
      : never;

type Procedures<T, P extends string = ''> = {
  // biome-ignore lint/suspicious/noExplicitAny: matches any procedure's input
  [K in keyof T & string]-?: T[K] extends (...args: any[]) => Promise<infer R>
    ? DatePaths<R, `${P}${K}`>
    : Procedures<T[K], `${P}${K}.`>;
}[keyof T & string];

type Offenders = Procedures<ReturnType<typeof createCaller>>;

// Compiles only while Offenders is `never`; otherwise tsc lists the missing keys, which
// are the paths of the procedures' outputs that hold a Date ("cycles.get.updatedAt").
const offenders: { [K in Offenders]: true } = {};

describe('wire types', () => {
  it('no procedure output says Date (the browser gets a string)', () => {
    expect(Object.keys(offenders)).toEqual([]);
  });
});
