import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum recommendation).
 * The parameters live in each hash, so raising them later only affects new hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A hash of a random password, verified against when the account does not exist, so an
// unknown username costs the same time as a wrong password.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$x7KvON1wTkofoEVvdGdJhA$aqhS5tD1Vem2FKiS1y4AkCVU79IQBIgTzPs92Wdbt3k';

export async function verifyPassword(
  passwordHash: string | null,
  password: string,
): Promise<boolean> {
  try {
    return await verify(passwordHash ?? DUMMY_HASH, password);
  } catch {
    return false;
  }
}
