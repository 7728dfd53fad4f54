import {
  countSchoolsWithCycles,
  type DB,
  flatSheets,
  getIntegritySettings,
  listIntegrityDismissals,
  narrativeNoteCycles,
  nearCopyNotes,
  printedFiguresCycles,
  repeatedScoreVectors,
  scoreVectorSheets,
  teacherJumps,
  typedPercentages,
} from '@siklus/db';
import {
  flatSheetSignals,
  heapingSignals,
  INTEGRITY_DEFAULTS,
  identicalVectorSignals,
  isRareVector,
  jumpSignals,
  narrativeClaimSignals,
  nearCopySignals,
  noteTemplateSchools,
  printedMismatchSignals,
  type TIntegritySignal,
} from '@siklus/domain';
import type { Kysely } from 'kysely';

export type SignalWithDismissal = TIntegritySignal & {
  dismissal: { reason: string; by: string | null; at: string } | null;
};

/** Repeated vectors counted by the db, judged by the domain, and only the rare fetched. */
async function rareVectorSheets(db: Kysely<DB>, districtId: string) {
  const min = INTEGRITY_DEFAULTS.minIndicators;
  const repeated = await repeatedScoreVectors(db, districtId, min);
  const rare = repeated.filter((g) => isRareVector(g.vector, g.sheets));
  return scoreVectorSheets(db, districtId, min, rare);
}

/**
 * Every integrity signal of a district, each with its dismissal if a supervisor set it
 * aside. The db narrows the candidates; the domain decides and words each signal.
 */
export async function districtSignals(
  db: Kysely<DB>,
  districtId: string,
): Promise<{ signals: SignalWithDismissal[]; jumpPoints: string }> {
  const settings = await getIntegritySettings(db, districtId);
  const jumpPoints = settings?.jumpPoints ?? INTEGRITY_DEFAULTS.jumpPoints;
  const schools = await countSchoolsWithCycles(db, districtId);
  const [vectors, flat, jumps, printed, notes, typed, narratives, dismissals] = await Promise.all([
    rareVectorSheets(db, districtId),
    flatSheets(db, districtId, INTEGRITY_DEFAULTS.minIndicators),
    teacherJumps(db, districtId, jumpPoints),
    printedFiguresCycles(db, districtId),
    nearCopyNotes(db, districtId, {
      threshold: INTEGRITY_DEFAULTS.noteSimilarity,
      minLength: INTEGRITY_DEFAULTS.noteMinLength,
      templateSchools: noteTemplateSchools(schools),
    }),
    typedPercentages(db, districtId),
    narrativeNoteCycles(db, districtId),
    listIntegrityDismissals(db, districtId),
  ]);
  const signals = [
    ...identicalVectorSignals(vectors),
    ...flatSheetSignals(flat),
    ...jumpSignals(jumps, jumpPoints),
    ...printedMismatchSignals(printed),
    ...nearCopySignals(notes, schools),
    ...heapingSignals(typed),
    ...narrativeClaimSignals(narratives),
  ];
  const dismissed = new Map(dismissals.map((d) => [d.signalKey, d]));
  return {
    jumpPoints,
    signals: signals
      .map((s) => {
        const d = dismissed.get(s.key);
        return {
          ...s,
          dismissal: d ? { reason: d.reason, by: d.dismissedByName, at: d.createdAt } : null,
        };
      })
      .sort((a, b) => a.schoolName.localeCompare(b.schoolName) || a.key.localeCompare(b.key)),
  };
}
