import { makeCycle, makeObservation, makeTeacher } from '@siklus/db/testing';
import { describe, expect, test } from 'vitest';
import { makeClosableStudy } from '../cycles/pts-fixtures';
import { failure, useTestWorld } from '../testing/test-world';

/*
 * Closing a study ("selesai") with its final verdict, the read-only study, and an admin's
 * reopen with a reason (issue 14). Each refusal is checked with its code and field.
 */

const world = useTestWorld();

const scope = () => ({ districtId: world.w.districtA.id, schoolId: world.w.schoolA1.id });

describe('closing a study', () => {
  test('records the final verdict, who closed it, when and as what; principal and supervisor read it', async () => {
    const { study, cycle1 } = await makeClosableStudy(world.db, {
      ...scope(),
      percentage: '80.00',
    });
    const closed = await world.w
      .as('principalOwn')
      .studies.close({ studyId: study.id, confirmClose: true });
    expect(closed.verdict).toMatchObject({ ordinal: 1, met: true, mean: '80.00' });
    expect(closed.verdict.message.id).toMatch(/^Siklus I: Kriteria keberhasilan tercapai/);

    for (const actor of ['principalOwn', 'supervisor'] as const) {
      const got = await world.w.as(actor).studies.get({ studyId: study.id });
      expect(got.closed).toMatchObject({ byName: world.w.users.principalOwn.full_name });
      expect(got.closed?.verdict).toEqual(closed.verdict);
      expect(got.canAddCycle).toBe(false);
      expect(got.cycles.every((c) => c.allowedActions.length === 0)).toBe(true);
      expect(got.history.map((e) => [e.action, e.actorRole, e.actorName])).toEqual([
        ['close', 'principal', world.w.users.principalOwn.full_name],
      ]);
      const cycle = await world.w.as(actor).cycles.get({ cycleId: cycle1.id });
      expect(cycle).toMatchObject({ studyClosed: true, editable: false, allowedActions: [] });
    }
    const list = await world.w.as('principalOwn').studies.list({ schoolId: world.w.schoolA1.id });
    expect(list.find((s) => s.id === study.id)?.closedAt).toBe(closed.closedAt);
    const log = await world.w
      .as('admin')
      .audit.list({ action: 'study.close', limit: 10, offset: 0 });
    expect(log.items[0]).toMatchObject({
      entityId: study.id,
      userId: world.w.users.principalOwn.id,
    });
  });

  test('records a verdict of not met as well', async () => {
    const { study } = await makeClosableStudy(world.db, { ...scope(), percentage: '60.00' });
    const closed = await world.w
      .as('principalOwn')
      .studies.close({ studyId: study.id, confirmClose: true });
    expect(closed.verdict).toMatchObject({ ordinal: 1, met: false });
  });

  test('is refused without the confirmation, with a cycle not approved, and on an incomplete roster', async () => {
    const principal = world.w.as('principalOwn');
    const { study } = await makeClosableStudy(world.db, scope());
    const unconfirmed = await failure(
      // @ts-expect-error the API asks for confirmClose: true
      principal.studies.close({ studyId: study.id }),
    );
    expect(unconfirmed).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'confirmClose' } });

    await makeCycle(world.db, { study_id: study.id, ordinal: 2, status: 'submitted' });
    const open = await failure(principal.studies.close({ studyId: study.id, confirmClose: true }));
    expect(open).toMatchObject({ code: 'CONFLICT', app: { field: 'studyId' } });
    expect(open.app.messages.id).toContain('Siklus II');

    const other = await makeClosableStudy(world.db, scope());
    // A teacher joins the roster after Siklus I: no approved cycle observed everyone.
    await makeTeacher(world.db, {
      district_id: world.w.districtA.id,
      school_id: world.w.schoolA1.id,
    });
    const incomplete = await failure(
      principal.studies.close({ studyId: other.study.id, confirmClose: true }),
    );
    expect(incomplete).toMatchObject({ code: 'CONFLICT', app: { field: 'studyId' } });
    expect(incomplete.app.messages.id).toContain('semua guru aktif diobservasi');
    expect((await principal.studies.get({ studyId: other.study.id })).closed).toBeNull();
  });

  test('a closed study takes no new cycle, no edit, no workflow move, no second close', async () => {
    const principal = world.w.as('principalOwn');
    const { study, teachers } = await makeClosableStudy(world.db, { ...scope(), closed: true });
    // Test data only: a cycle left editable inside the closed study, to aim writes at.
    const draft = await makeCycle(world.db, { study_id: study.id, ordinal: 2, status: 'draft' });
    await makeObservation(world.db, { cycle_id: draft.id, teacher_id: teachers[0]!.id });
    const approved = await makeCycle(world.db, {
      study_id: study.id,
      ordinal: 3,
      status: 'approved',
    });
    const closedRefusal = { code: 'CONFLICT', app: { field: 'studyId' } };

    expect(await failure(principal.cycles.create({ studyId: study.id }))).toMatchObject(
      closedRefusal,
    );
    expect(
      await failure(
        principal.cycles.updateNotes({ cycleId: draft.id, version: 1, planningNotes: 'Baru' }),
      ),
    ).toMatchObject(closedRefusal);
    expect(
      await failure(
        principal.cycles.upsertObservation({
          cycleId: draft.id,
          version: 1,
          teacherId: teachers[0]!.id,
          kind: 'indicators',
          scores: { A1: 3, A2: 3, B1: 3, B2: 3 },
        }),
      ),
    ).toMatchObject(closedRefusal);
    expect(
      await failure(
        principal.cycles.deleteObservation({
          cycleId: draft.id,
          version: 1,
          teacherId: teachers[0]!.id,
        }),
      ),
    ).toMatchObject(closedRefusal);
    expect(
      await failure(
        principal.cycles.setPrintedFigures({
          cycleId: draft.id,
          version: 1,
          printedMean: '70',
          printedMeanBand: null,
          printedBands: null,
        }),
      ),
    ).toMatchObject(closedRefusal);
    expect(await failure(principal.cycles.submit({ cycleId: draft.id, version: 1 }))).toMatchObject(
      closedRefusal,
    );
    expect(
      await failure(
        world.w
          .as('admin')
          .review.reopen({ cycleId: approved.id, version: 1, reason: 'Koreksi skor.' }),
      ),
    ).toMatchObject(closedRefusal);
    expect(
      await failure(principal.studies.close({ studyId: study.id, confirmClose: true })),
    ).toMatchObject({ code: 'CONFLICT', app: { field: 'studyId' } });
  });

  test('a screen read before the close cannot write after it', async () => {
    const principal = world.w.as('principalOwn');
    const { study, cycle1 } = await makeClosableStudy(world.db, scope());
    const before = await principal.cycles.get({ cycleId: cycle1.id });
    await principal.studies.close({ studyId: study.id, confirmClose: true });
    const after = await principal.cycles.get({ cycleId: cycle1.id });
    expect(after.version).toBe(before.version + 1);
  });
});

describe('reopening a closed study', () => {
  test('an admin reopens it with a reason, shown in the history; the study takes writes again', async () => {
    const { study } = await makeClosableStudy(world.db, scope());
    await world.w.as('principalOwn').studies.close({ studyId: study.id, confirmClose: true });
    await world.w
      .as('admin')
      .studies.reopen({ studyId: study.id, reason: 'Skor guru 3 salah ketik.' });

    const got = await world.w.as('supervisor').studies.get({ studyId: study.id });
    expect(got.closed).toBeNull();
    expect(got.canAddCycle).toBe(true);
    expect(got.history.map((e) => [e.action, e.actorRole, e.actorName, e.reason])).toEqual([
      ['close', 'principal', world.w.users.principalOwn.full_name, null],
      ['reopen', 'admin', world.w.users.admin.full_name, 'Skor guru 3 salah ketik.'],
    ]);
    expect(got.history[0]?.verdict).toMatchObject({ ordinal: 1 });
    const next = await world.w.as('principalOwn').cycles.create({ studyId: study.id });
    expect(next.ordinal).toBe(2);
    const log = await world.w
      .as('admin')
      .audit.list({ action: 'study.reopen', limit: 10, offset: 0 });
    expect(log.items[0]).toMatchObject({ entityId: study.id, reason: 'Skor guru 3 salah ketik.' });
  });

  test('is refused for an open study and without a reason', async () => {
    const { study } = await makeClosableStudy(world.db, scope());
    expect(
      await failure(
        world.w.as('admin').studies.reopen({ studyId: study.id, reason: 'Tidak perlu.' }),
      ),
    ).toMatchObject({ code: 'CONFLICT', app: { field: 'studyId' } });
    await world.w.as('principalOwn').studies.close({ studyId: study.id, confirmClose: true });
    expect(
      await failure(world.w.as('admin').studies.reopen({ studyId: study.id, reason: '   ' })),
    ).toMatchObject({ code: 'BAD_REQUEST', app: { field: 'reason' } });
  });
});
