import { expect } from 'vitest';
import { type AppErrorCode, isAppError } from './errors';

export type TExpectedError = {
  code: AppErrorCode;
  id: string;
  en: string;
  field?: string;
};

/** Runs fn, expecting an AppError with exactly this code, both messages and (if given) field. */
export function expectAppError(fn: () => unknown, expected: TExpectedError): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  if (!isAppError(thrown)) {
    throw new Error(
      `expected an AppError, got ${thrown === undefined ? 'no error' : String(thrown)}`,
    );
  }
  expect({
    code: thrown.code,
    id: thrown.messages.id,
    en: thrown.messages.en,
    message: thrown.message,
    ...(expected.field === undefined ? {} : { field: thrown.field }),
  }).toEqual({
    code: expected.code,
    id: expected.id,
    en: expected.en,
    message: expected.en,
    ...(expected.field === undefined ? {} : { field: expected.field }),
  });
}
