import { describe, expect, test } from 'vitest';
import { DATABASE_UNAVAILABLE_MESSAGES, isConnectionError, toAppError } from './errors';

/** Faults of the connection, as pg and PGlite report them, become one "try again" error. */

const pgError = (code: string, message = 'x') =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('connection faults are UNAVAILABLE with a "try again" message', () => {
  test.each([
    [
      'the backend was terminated (pg_terminate_backend)',
      pgError('57P01', 'terminating connection due to administrator command'),
    ],
    ['the server is shutting down', pgError('57P02')],
    ['the server is starting', pgError('57P03', 'the database system is starting up')],
    ['a connection exception', pgError('08006')],
    ['the socket closed mid-query', new Error('Connection terminated unexpectedly')],
    ['no connection in time', new Error('timeout exceeded when trying to connect')],
    ['connecting timed out', new Error('Connection terminated due to connection timeout')],
    ['no answer in time (query_timeout)', new Error('Query read timeout')],
    [
      'a client whose connection died between queries',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    [
      'refused',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    ],
    [
      'refused on every address',
      Object.assign(
        new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
        {},
      ),
    ],
  ])('%s', (_, err) => {
    expect(isConnectionError(err)).toBe(true);
    const appError = toAppError(err);
    expect(appError.code).toBe('UNAVAILABLE');
    expect(appError.messages).toEqual(DATABASE_UNAVAILABLE_MESSAGES);
    expect(appError.messages.id).toBe('Basis data sedang tidak tersedia. Coba lagi sebentar lagi.');
  });

  test('a statement cancelled by statement_timeout says the database is busy', () => {
    const appError = toAppError(pgError('57014', 'canceling statement due to statement timeout'));
    expect(appError.code).toBe('UNAVAILABLE');
    expect(appError.messages.en).toMatch(/busy; try again/);
  });

  test('other errors are not mistaken for connection faults', () => {
    expect(isConnectionError(new Error('syntax error at or near'))).toBe(false);
    expect(isConnectionError(pgError('23505'))).toBe(false);
    expect(toAppError(new Error('boom')).code).toBe('INTERNAL');
  });
});
