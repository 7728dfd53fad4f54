// The spreadsheet reading thread's entry (read-sheet.ts starts it). Plain JavaScript, so a
// worker thread can start it under any runner (vitest, tsx); it loads the TypeScript
// through tsx's API, as the server loads all its source (decision 001).
import { tsImport } from 'tsx/esm/api';

await tsImport('./sheet-worker.ts', import.meta.url);
