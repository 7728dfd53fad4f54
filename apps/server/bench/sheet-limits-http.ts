/**
 * The spreadsheet limits over HTTP against the real server process (`src/demo.ts` on an
 * in-memory database, under tsx as production runs): a principal sends the crafted files
 * of issue 13 to io.previewImport while /health is polled every 20 ms and the server's RSS
 * is read from /proc. Prints each file's answer, its time, the slowest /health and the RSS.
 * `pnpm --filter @siklus/server bench:sheets`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { xfdPerRow, zipBomb } from '@siklus/api/testing';
import { DEMO_PASSWORD } from '@siklus/db';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server: ChildProcess = spawn(
  process.execPath,
  ['--import', 'tsx', 'src/demo.ts', '--memory', '--port', String(port)],
  { cwd: SERVER_DIR, stdio: ['ignore', 'ignore', 'inherit'] },
);
process.on('exit', () => server.kill('SIGKILL'));
for (let i = 0; ; i++) {
  const up = await fetch(`${base}/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (i > 600) throw new Error('the server did not start');
  await new Promise((r) => setTimeout(r, 200));
}

const headers = { 'content-type': 'application/json', origin: base };
const login = await fetch(`${base}/trpc/auth.login`, {
  method: 'POST',
  headers,
  body: JSON.stringify({ login: 'kepsek.lulut2', password: DEMO_PASSWORD }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const me = ((await login.json()) as { result: { data: { schoolId: string } } }).result.data;
// biome-ignore lint/suspicious/noExplicitAny: a bench reading two answers by hand
type Any = any;
const call = async (path: string, input: unknown): Promise<Any> => {
  const res = await fetch(
    `${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
    {
      headers: { cookie },
    },
  );
  return ((await res.json()) as { result: { data: unknown } }).result.data;
};
const studies = await call('studies.list', { schoolId: me.schoolId });
const study = await call('studies.get', { studyId: (studies.items ?? studies)[0].id });
const cycleId = study.cycles[0].id as string;

const files: [string, Uint8Array][] = [
  ['normal CSV, 2 teachers', new TextEncoder().encode('Nama Guru;Persentase\nA;50\nB;60\n')],
  ['one cell at XFD per row, 600 rows', await xfdPerRow(600)],
  ['one cell at XFD per row, 5,000 rows', await xfdPerRow(5_000)],
  ['zip bomb: 200 MB of sheet XML', await zipBomb(200)],
];
process.stdout.write(`server pid ${server.pid}, RSS ${rssMb(server.pid!).toFixed(0)} MB\n`);
for (const [name, bytes] of files) {
  await new Promise((r) => setTimeout(r, 3_000));
  let slowestHealth = 0;
  let peak = rssMb(server.pid!);
  const before = peak;
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const t = performance.now();
      await fetch(`${base}/health`);
      slowestHealth = Math.max(slowestHealth, performance.now() - t);
      peak = Math.max(peak, rssMb(server.pid!));
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const start = performance.now();
  const res = await fetch(`${base}/trpc/io.previewImport`, {
    method: 'POST',
    headers: { ...headers, cookie },
    body: JSON.stringify({
      cycleId,
      fileName: name.includes('CSV') ? 'a.csv' : 'a.xlsx',
      contentBase64: Buffer.from(bytes).toString('base64'),
    }),
  });
  const ms = performance.now() - start;
  const body = (await res.json()) as {
    error?: { data?: { appError?: { messages: { en: string } } } };
  };
  polling = false;
  await poller;
  const answer = body.error?.data?.appError?.messages.en ?? 'read';
  process.stdout.write(
    `${name.padEnd(38)} HTTP ${res.status} in ${ms.toFixed(0)} ms; slowest /health ${slowestHealth.toFixed(0)} ms; RSS ${before.toFixed(0)} -> ${peak.toFixed(0)} MB; ${answer.slice(0, 70)}\n`,
  );
}
server.kill('SIGTERM');
process.exit(0);
