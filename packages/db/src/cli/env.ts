import { z } from 'zod';
import { fileStoreEnvShape } from '../files/config';

/**
 * The CLIs' environment, validated once here and read nowhere else. DATABASE_URL picks
 * Postgres; without it the embedded PGlite stores its files in SIKLUS_DATA_DIR (default
 * <repo>/.data/pglite).
 */
const ZCliEnv = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SIKLUS_DATA_DIR: z
    .string()
    .trim()
    .min(1)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Where the person typed the command (pnpm runs package scripts in the package). */
  INIT_CWD: z.string().min(1).optional(),
  /** The evidence files' store, as the server reads it (decision 020). */
  ...fileStoreEnvShape,
});

export type TCliEnv = z.infer<typeof ZCliEnv>;

export function readCliEnv(env: NodeJS.ProcessEnv = process.env): TCliEnv {
  const parsed = ZCliEnv.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid environment:\n${issues}`);
  }
  return parsed.data;
}

export function describeTarget(env: TCliEnv): string {
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    return `Postgres ${url.host}${url.pathname}`;
  }
  return `PGlite ${env.SIKLUS_DATA_DIR ?? '(default data dir)'}`;
}
