import { parentPort, workerData } from 'node:worker_threads';
import { isAppError } from '@siklus/domain';
import { readSheetHere, type SheetAnswer, type SheetJob } from './read-sheet';

/** The reading thread: one file, one answer, then read-sheet.ts terminates it. */
const job = workerData as SheetJob;
let answer: SheetAnswer;
try {
  answer = { ok: true, grid: await readSheetHere(job.fileName, job.bytes, job.preferSheet) };
} catch (err) {
  answer = {
    ok: false,
    error: isAppError(err)
      ? { code: err.code, messages: err.messages, field: err.field, details: err.details }
      : null,
    message: err instanceof Error ? err.message : String(err),
  };
}
parentPort?.postMessage(answer);
