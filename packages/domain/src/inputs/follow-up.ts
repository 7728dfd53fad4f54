import { z } from 'zod';
import { FOLLOW_UP_SUPPORTS } from '../follow-up';
import { bi } from '../zod-error';
import { ZId } from './directory';
import { zDate, zText } from './text';

/*
 * Inputs of follow-up plans (RTL, issue 17) and the home pages, shared by the procedures
 * and the forms.
 */

const ZDueOn = zDate({ id: 'Tanggal jatuh tempo', en: 'The due date' });

export const MAX_FOLLOW_UP_INDICATORS = 20;

/** A plan for one teacher, written from that teacher's sheet in `cycleId`. */
export const ZFollowUpCreateInput = z
  .object({
    cycleId: ZId,
    teacherId: ZId,
    /** Indicator keys of the study's rubric; empty only for a summary rubric. */
    indicatorKeys: z
      .array(z.string().trim().min(1).max(50))
      .max(
        MAX_FOLLOW_UP_INDICATORS,
        bi(
          `Paling banyak ${MAX_FOLLOW_UP_INDICATORS} indikator per RTL`,
          `At most ${MAX_FOLLOW_UP_INDICATORS} indicators per follow-up plan`,
        ),
      ),
    actions: zText(
      { id: 'Tindakan yang disepakati', en: 'The agreed actions' },
      { max: 2_000, required: true, multiline: true },
    ),
    support: z.enum(
      FOLLOW_UP_SUPPORTS,
      bi(
        'Pilih pendamping: guru sejawat, kepala sekolah atau KKG',
        'Choose who supports: a peer teacher, the principal or the KKG',
      ),
    ),
    /** The peer teacher (from the school's roster) when `support` is 'peer'. */
    supportTeacherId: ZId.nullable().optional(),
    dueOn: ZDueOn,
  })
  .strict();
export type TFollowUpCreateInput = z.infer<typeof ZFollowUpCreateInput>;

/**
 * Closing a plan: done, or carried over (a new open plan with the same indicators, actions
 * and support continues it from the next cycle, due on `dueOn`).
 */
export const ZFollowUpCloseInput = z.discriminatedUnion('outcome', [
  z
    .object({
      followUpId: ZId,
      outcome: z.literal('done'),
      note: zText(
        { id: 'Catatan penutup', en: 'The closing note' },
        { max: 1_000, multiline: true },
      )
        .nullable()
        .optional(),
    })
    .strict(),
  z
    .object({
      followUpId: ZId,
      outcome: z.literal('carried'),
      note: zText(
        { id: 'Catatan penutup', en: 'The closing note' },
        { max: 1_000, multiline: true },
      )
        .nullable()
        .optional(),
      dueOn: ZDueOn,
    })
    .strict(),
]);
export type TFollowUpCloseInput = z.infer<typeof ZFollowUpCloseInput>;

export const ZFollowUpCycleInput = z.object({ cycleId: ZId }).strict();
export type TFollowUpCycleInput = z.infer<typeof ZFollowUpCycleInput>;

export const ZFollowUpSchoolInput = z.object({ schoolId: ZId }).strict();
export type TFollowUpSchoolInput = z.infer<typeof ZFollowUpSchoolInput>;

export const ZFollowUpStudyInput = z.object({ studyId: ZId }).strict();
export type TFollowUpStudyInput = z.infer<typeof ZFollowUpStudyInput>;
