import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { hashPassword } from '@siklus/api';
import { createDb, migrateToLatest } from '@siklus/db';
import { PASSWORD_MIN, ZEmail, ZFullName, ZUsername } from '@siklus/domain';
import { loadEnv } from './env';

/**
 * The first administrator of a district (production has no default accounts):
 *   pnpm --filter @siklus/server create-admin -- --district "Kabupaten Bogor" \
 *     --province "Jawa Barat" --username admin --name "Admin Dinas"
 * The password is read from SIKLUS_ADMIN_PASSWORD or asked for on the terminal.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      district: { type: 'string' },
      province: { type: 'string', default: '' },
      username: { type: 'string', default: 'admin' },
      name: { type: 'string', default: 'Administrator' },
      email: { type: 'string' },
    },
  });
  if (!values.district) throw new Error('--district "<name>" is required');
  const username = ZUsername.parse(values.username);
  const fullName = ZFullName.parse(values.name);
  const email = values.email ? ZEmail.parse(values.email) : null;
  let password = process.env.SIKLUS_ADMIN_PASSWORD;
  if (!password) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    password = await rl.question(
      `Password for ${username} (at least ${PASSWORD_MIN} characters): `,
    );
    rl.close();
  }
  if (password.length < PASSWORD_MIN)
    throw new Error(`the password needs ${PASSWORD_MIN}+ characters`);

  const env = loadEnv();
  const database = await createDb({ databaseUrl: env.DATABASE_URL, dataDir: env.SIKLUS_DATA_DIR });
  try {
    await migrateToLatest(database.db as Parameters<typeof migrateToLatest>[0]);
    const db = database.db;
    const passwordHash = await hashPassword(password);
    await db.transaction().execute(async (tx) => {
      const district =
        (await tx
          .selectFrom('districts')
          .select('id')
          .where('name', '=', values.district!)
          .executeTakeFirst()) ??
        (await tx
          .insertInto('districts')
          .values({ name: values.district!, province: values.province ?? '' })
          .returning('id')
          .executeTakeFirstOrThrow());
      await tx
        .insertInto('users')
        .values({
          district_id: district.id,
          username,
          email,
          full_name: fullName,
          password_hash: passwordHash,
          role: 'admin',
        })
        .execute();
      await tx
        .insertInto('audit_log')
        .values({
          district_id: district.id,
          action: 'user.create',
          entity: 'user',
          reason: 'create-admin CLI',
        })
        .execute();
    });
    process.stdout.write(`Created admin ${username} in ${values.district}.\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `create-admin failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
