import { parentPort } from 'node:worker_threads';
import { isAppError } from '@siklus/domain';
import { readSheetHere, type SheetAnswer, type SheetJob } from './read-sheet';

/**
 * The reading thread: started ahead of need, it waits for one file, answers, and is then
 * terminated by read-sheet.ts (a fresh heap per file).
 */
async function read(job: SheetJob): Promise<SheetAnswer> {
  try {
    return { ok: true, grid: await readSheetHere(job.fileName, job.bytes, job.preferSheet) };
  } catch (err) {
    return {
      ok: false,
      error: isAppError(err)
        ? { code: err.code, messages: err.messages, field: err.field, details: err.details }
        : null,
      message: err instanceof Error ? err.message : String(err),
    };
  }
}

parentPort?.once('message', (job: SheetJob) => {
  void read(job).then((answer) => parentPort?.postMessage(answer));
});
