import type { DB } from '@siklus/db';
import { instrumentCompleteness, listStudyInstruments } from '@siklus/db';
import { AppError } from '@siklus/domain';
import type { Kysely, Transaction } from 'kysely';

/*
 * A study's further instruments (decision 022) where a cycle's procedures need them: the
 * rubric and bands a sheet of instrument n is scored with, and the submit guard.
 */

type Db = Kysely<DB> | Transaction<DB>;

/** Instrument `instrument` of the study: its key, rubric definition and band set. */
export async function studyInstrument(db: Db, studyId: string, instrument: number) {
  const found = (await listStudyInstruments(db, studyId)).find((i) => i.instrument === instrument);
  if (!found) {
    throw new AppError(
      'BAD_REQUEST',
      {
        id: `Penelitian ini tidak memiliki instrumen nomor ${instrument}; muat ulang halaman.`,
        en: `This study has no instrument number ${instrument}; reload the page.`,
      },
      { field: 'instrument' },
    );
  }
  return { key: found.key, definition: found.rubric.definition, bands: found.bandSet.bands };
}

/**
 * Refuses to submit a cycle of several instruments while one of them lacks a sheet for an
 * active teacher (a one-instrument cycle only warns, as before).
 */
export async function assertInstrumentsComplete(db: Db, cycleId: string): Promise<void> {
  const instruments = await instrumentCompleteness(db, cycleId);
  if (instruments.length < 2) return;
  const incomplete = instruments.filter((i) => i.missing > 0);
  if (incomplete.length === 0) return;
  const id = incomplete.map((i) => `instrumen ${i.key}: ${i.missing} guru aktif belum dinilai`);
  const en = incomplete.map(
    (i) => `instrument ${i.key}: ${i.missing} active teacher(s) not scored`,
  );
  throw new AppError(
    'BAD_REQUEST',
    {
      id: `Lembar observasi belum lengkap (${id.join('; ')}); isi semua instrumen sebelum mengajukan siklus.`,
      en: `The observation sheets are incomplete (${en.join('; ')}); score every instrument before submitting the cycle.`,
    },
    { field: 'observations', details: { incomplete } },
  );
}
