import { parseArgs } from 'node:util';
import { z } from 'zod';
import { migrateToLatest } from '../migrate';
import { synthesize } from '../synth';
import { openFromEnv, runCli } from './open';

// pnpm db:synth --schools N --seed S [--district-name "Kabupaten ..."]
const ZArgs = z.object({
  schools: z.coerce.number().int().min(1).max(200_000),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  'district-name': z.string().trim().min(1).optional(),
});

await runCli('db:synth', async () => {
  const { values } = parseArgs({
    options: {
      schools: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      'district-name': { type: 'string' },
    },
  });
  const args = ZArgs.parse(values);
  const { db, close, kind } = await openFromEnv();
  try {
    await migrateToLatest(db);
    const started = performance.now();
    const result = await synthesize(db, {
      schools: args.schools,
      seed: args.seed,
      ...(args['district-name'] ? { districtName: args['district-name'] } : {}),
    });
    const total = Math.round(performance.now() - started);
    console.log(
      `${kind}: ${args.schools} schools in ${(total / 1000).toFixed(1)} s ` +
        `(generate ${result.generateMs} ms, insert ${result.insertMs} ms)`,
    );
    console.log(JSON.stringify(result.counts));
    console.log(`district id: ${result.districtId}`);
  } finally {
    await close();
  }
});
