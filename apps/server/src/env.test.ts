import { describe, expect, test } from 'vitest';
import { parseEnv } from './env';

describe('env', () => {
  test('defaults: port 3000 on 127.0.0.1, embedded database, insecure cookie outside production', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      COOKIE_SECURE: false,
      TRUST_PROXY: false,
      ALLOWED_ORIGINS: [],
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test('production makes the cookie Secure unless told otherwise', () => {
    expect(parseEnv({ NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).COOKIE_SECURE).toBe(false);
  });

  test('lists and proxies are parsed', () => {
    const env = parseEnv({
      ALLOWED_ORIGINS: 'https://a.example/, https://b.example',
      TRUST_PROXY: '1',
    });
    expect(env.ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(env.TRUST_PROXY).toBe(1);
  });

  test('bad values are refused with every reason named', () => {
    expect(() =>
      parseEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe' }),
    ).toThrowError(
      /PORT[\s\S]*DATABASE_URL[\s\S]*COOKIE_SECURE|PORT[\s\S]*COOKIE_SECURE[\s\S]*DATABASE_URL/,
    );
  });
});
