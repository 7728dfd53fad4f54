import { notifyDueFollowUps } from '@siklus/db';
import { makeCycle, makeSchool, makeTeacher } from '@siklus/db/testing';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { makeStudyWithCycle } from '../cycles/pts-fixtures';
import { callerFor } from '../testing/callers';
import { failure, useTestWorld } from '../testing/test-world';
import type { World } from '../testing/world';
import { observedCycle } from './role-matrix-rows';

const world = useTestWorld();

// 12 March 2026, 10:00 WIB: the district's today is 2026-03-12.
const NOW = new Date('2026-03-12T03:00:00.000Z');
const as = (actor: Parameters<World['as']>[0]) => world.w.as(actor, { now: () => NOW });

const plan = (cycleId: string, teacherId: string) => ({
  cycleId,
  teacherId,
  indicatorKeys: ['A1', 'B1'],
  actions: 'Menyusun tujuan kerja kelompok bersama; mengamati kelas guru sejawat',
  support: 'principal' as const,
  dueOn: '2026-03-20',
});

describe('writing a plan from an observation', () => {
  test('the principal writes it; everyone in scope reads it; an audit row says who', async () => {
    const { cycle, teachers } = await observedCycle(world.w);
    const teacher = teachers[0]!;
    const { id } = await as('principalOwn').followUps.create(plan(cycle.id, teacher.id));

    for (const actor of ['principalOwn', 'supervisor', 'admin'] as const) {
      const read = await as(actor).followUps.forCycle({ cycleId: cycle.id });
      expect(read.today).toBe('2026-03-12');
      expect(read.checking).toEqual([]);
      expect(read.written).toHaveLength(1);
      expect(read.written[0]).toMatchObject({
        id,
        teacherId: teacher.id,
        indicatorKeys: ['A1', 'B1'],
        support: 'principal',
        dueOn: '2026-03-20',
        status: 'open',
        // Due in eight days: not yet "due soon" (seven days).
        dueState: null,
        checkCycleId: null,
        createdByName: world.w.users.principalOwn.full_name,
        // The sheet it was written from: A1 = 2, B1 = 2 of 4 each.
        progress: { before: '50.00', after: null, verdict: 'not-yet-scored' },
      });
    }
    const audit = await world.db
      .selectFrom('audit_log')
      .select(['user_id', 'after'])
      .where('action', '=', 'followUp.create')
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(world.w.users.principalOwn.id);
  });

  test('refuses what cannot be a plan, naming the field, in both languages', async () => {
    const { cycle, teachers } = await observedCycle(world.w);
    const [observed, unobserved] = teachers;
    const p = as('principalOwn');

    const notObserved = await failure(p.followUps.create(plan(cycle.id, unobserved!.id)));
    expect(notObserved.code).toBe('BAD_REQUEST');
    expect(notObserved.app.field).toBe('teacherId');
    expect(notObserved.app.messages.id).toContain('belum diobservasi');

    const unknown = await failure(
      p.followUps.create({ ...plan(cycle.id, observed!.id), indicatorKeys: ['Z9'] }),
    );
    expect(unknown.app.field).toBe('indicatorKeys');
    expect(unknown.app.messages.en).toContain('Z9');

    const none = await failure(
      p.followUps.create({ ...plan(cycle.id, observed!.id), indicatorKeys: [] }),
    );
    expect(none.app.field).toBe('indicatorKeys');

    const noPeer = await failure(
      p.followUps.create({ ...plan(cycle.id, observed!.id), support: 'peer' }),
    );
    expect(noPeer.app.field).toBe('supportTeacherId');

    const otherSchool = await makeTeacher(world.db, {
      district_id: world.w.districtA.id,
      school_id: world.w.schoolA2.id,
    });
    const foreignPeer = await failure(
      p.followUps.create({
        ...plan(cycle.id, observed!.id),
        support: 'peer',
        supportTeacherId: otherSchool.id,
      }),
    );
    expect(foreignPeer.app.field).toBe('supportTeacherId');

    const self = await failure(
      p.followUps.create({
        ...plan(cycle.id, observed!.id),
        support: 'peer',
        supportTeacherId: observed!.id,
      }),
    );
    expect(self.app.messages.en).toContain('someone other');

    // A teacher of another school is out of the principal's scope.
    const foreign = await failure(p.followUps.create(plan(cycle.id, otherSchool.id)));
    expect(foreign.code).toBe('FORBIDDEN');

    const empty = await failure(
      p.followUps.create({ ...plan(cycle.id, observed!.id), actions: '   ' }),
    );
    expect(empty.app.field).toBe('actions');
    expect(empty.app.messages.id).toContain('Tindakan yang disepakati');

    const badDate = await failure(
      p.followUps.create({ ...plan(cycle.id, observed!.id), dueOn: '12/03/2026' }),
    );
    expect(badDate.app.field).toBe('dueOn');

    // Nothing half written.
    const read = await p.followUps.forCycle({ cycleId: cycle.id });
    expect(read.written).toEqual([]);
  });

  test('a peer teacher of the roster supports', async () => {
    const { cycle, teachers } = await observedCycle(world.w);
    await as('principalOwn').followUps.create({
      ...plan(cycle.id, teachers[0]!.id),
      support: 'peer',
      supportTeacherId: teachers[1]!.id,
    });
    const read = await as('principalOwn').followUps.forCycle({ cycleId: cycle.id });
    expect(read.written[0]).toMatchObject({
      support: 'peer',
      supportTeacherId: teachers[1]!.id,
      supportTeacherName: teachers[1]!.name,
      supportLabel: { id: 'Guru sejawat', en: 'Peer teacher' },
    });
  });
});

describe('the next cycle checks the plan', () => {
  test('shown on the next cycle, then whether its indicators improved, from the raw scores', async () => {
    const { study, cycle, teachers } = await observedCycle(world.w);
    const teacher = teachers[0]!;
    const p = as('principalOwn');
    const { id } = await p.followUps.create(plan(cycle.id, teacher.id));
    const next = await makeCycle(world.db, { study_id: study.id, ordinal: 1 });

    const before = await p.followUps.forCycle({ cycleId: next.id });
    expect(before.written).toEqual([]);
    expect(before.checking.map((c) => c.id)).toEqual([id]);
    expect(before.checking[0]).toMatchObject({
      checkCycleId: next.id,
      checkCycleLabel: { id: 'Siklus I', en: 'Cycle I' },
      progress: { before: '50.00', after: null, verdict: 'not-yet-scored' },
    });

    // Scored on the next cycle's sheet: A1 2 -> 3, B1 2 -> 4 (A2 and B2 are not in the plan).
    await p.cycles.upsertObservation({
      cycleId: next.id,
      version: next.version,
      teacherId: teacher.id,
      kind: 'indicators',
      scores: { A1: 3, A2: 2, B1: 4, B2: 1 },
    });
    const after = await as('supervisor').followUps.forCycle({ cycleId: next.id });
    expect(after.checking[0]!.progress).toEqual({
      indicators: [
        {
          key: 'A1',
          text: 'Merumuskan tujuan kerja kelompok',
          max: 4,
          before: 2,
          after: 3,
          change: 'improved',
        },
        {
          key: 'B1',
          text: 'Membagi peran dalam kelompok',
          max: 4,
          before: 2,
          after: 4,
          change: 'improved',
        },
      ],
      // 4 of 8 points, then 7 of 8 points.
      before: '50.00',
      after: '87.50',
      points: '37.50',
      verdict: 'improved',
    });
  });

  test('done closes it; carried over opens the same plan on the next cycle; closing twice is refused', async () => {
    const { study, cycle, teachers } = await observedCycle(world.w);
    const p = as('principalOwn');
    const first = await p.followUps.create(plan(cycle.id, teachers[0]!.id));

    // Nothing to carry it into yet.
    const early = await failure(
      p.followUps.close({ followUpId: first.id, outcome: 'carried', dueOn: '2026-04-30' }),
    );
    expect(early.code).toBe('BAD_REQUEST');
    expect(early.app.messages.en).toContain('Open the next cycle first');

    const next = await makeCycle(world.db, { study_id: study.id, ordinal: 1 });
    const carried = await p.followUps.close({
      followUpId: first.id,
      outcome: 'carried',
      note: 'Belum konsisten',
      dueOn: '2026-04-30',
    });
    expect(carried.status).toBe('carried');
    expect(carried.carriedToId).toBeTruthy();

    const onNext = await p.followUps.forCycle({ cycleId: next.id });
    expect(onNext.checking[0]).toMatchObject({
      id: first.id,
      status: 'carried',
      closingNote: 'Belum konsisten',
      closedByName: world.w.users.principalOwn.full_name,
    });
    expect(onNext.written[0]).toMatchObject({
      id: carried.carriedToId,
      carriedFromId: first.id,
      status: 'open',
      indicatorKeys: ['A1', 'B1'],
      dueOn: '2026-04-30',
    });

    const twice = await failure(p.followUps.close({ followUpId: first.id, outcome: 'done' }));
    expect(twice.code).toBe('CONFLICT');

    await p.followUps.close({ followUpId: carried.carriedToId!, outcome: 'done' });
    const closes = await world.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('action', '=', 'followUp.close')
      .where('entity_id', 'in', [first.id, carried.carriedToId!])
      .execute();
    expect(closes).toHaveLength(2);
  });

  test('only the school’s principal closes a plan', async () => {
    const { cycle, teachers } = await observedCycle(world.w);
    const { id } = await as('principalOwn').followUps.create(plan(cycle.id, teachers[0]!.id));
    expect(
      (await failure(as('supervisor').followUps.close({ followUpId: id, outcome: 'done' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await failure(as('principalOther').followUps.close({ followUpId: id, outcome: 'done' })))
        .code,
    ).toBe('FORBIDDEN');
    // Another district's principal: the plan does not exist for them.
    const other = callerFor(world.db, world.w.principalB, { now: () => NOW });
    expect((await failure(other.followUps.close({ followUpId: id, outcome: 'done' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe("a school's plans (the supervisor's drill-down)", () => {
  test('open and overdue counted on the district’s today; other schools stay out', async () => {
    const school = await makeSchool(world.db, { district_id: world.w.districtA.id });
    const principal = await world.w.as('admin').users.create({
      username: `kepsek.fu.${Date.now()}`,
      fullName: 'Kepala SD Uji RTL',
      role: 'principal',
      schoolId: school.id,
      password: 'sandi-awal-2026',
    });
    const { cycle, teachers } = await makeStudyWithCycle(world.db, {
      districtId: world.w.districtA.id,
      schoolId: school.id,
      teachers: 2,
    });
    const caller = callerFor(
      world.db,
      { ...principal, districtId: world.w.districtA.id, schoolId: school.id },
      { now: () => NOW },
    );
    for (const t of teachers) {
      const { version } = await caller.cycles.get({ cycleId: cycle.id });
      await caller.cycles.upsertObservation({
        cycleId: cycle.id,
        version,
        teacherId: t.id,
        kind: 'indicators',
        scores: { A1: 2, A2: 2, B1: 2, B2: 2 },
      });
    }
    await caller.followUps.create({ ...plan(cycle.id, teachers[0]!.id), dueOn: '2026-03-11' });
    await caller.followUps.create({ ...plan(cycle.id, teachers[1]!.id), dueOn: '2026-03-12' });

    const view = await as('supervisor').followUps.school({ schoolId: school.id });
    expect(view).toMatchObject({ today: '2026-03-12', open: 2, overdue: 1 });
    expect(view.plans.map((p) => [p.teacherName, p.dueState])).toEqual([
      [teachers[0]!.name, 'overdue'],
      [teachers[1]!.name, 'due-soon'],
    ]);
    expect((await failure(as('principalOwn').followUps.school({ schoolId: school.id }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('the results chapter and the exports list the plans per teacher and cycle', () => {
  test("chapter rows, the XLSX recap's RTL sheet and the DOCX table", async () => {
    const { study, cycle, teachers } = await observedCycle(world.w);
    const p = as('principalOwn');
    await p.followUps.create({
      ...plan(cycle.id, teachers[0]!.id),
      support: 'peer',
      supportTeacherId: teachers[1]!.id,
      dueOn: '2026-03-19',
    });
    // Approved, so the chapter counts the cycle as a result.
    await world.db
      .updateTable('cycles')
      .set({ status: 'approved', submitted_at: NOW, approved_at: NOW })
      .where('id', '=', cycle.id)
      .execute();

    const chapter = await as('supervisor').io.resultsChapter({ studyId: study.id });
    expect(chapter.followUps?.rows).toEqual([
      {
        no: 1,
        teacher: teachers[0]!.name,
        cycle: 'Kondisi Awal',
        indicators: 'A1 Merumuskan tujuan kerja kelompok; B1 Membagi peran dalam kelompok',
        actions: 'Menyusun tujuan kerja kelompok bersama; mengamati kelas guru sejawat',
        support: `Guru sejawat: ${teachers[1]!.name}`,
        dueOn: '19 Maret 2026',
        status: 'terbuka',
        result: '50,00 (Belum dinilai ulang)',
      },
    ]);
    expect(chapter.followUps?.caption).toMatch(/^Tabel \d+\. Rencana tindak lanjut \(RTL\)/);

    const xlsx = await as('supervisor').io.studyRecap({ studyId: study.id, format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('RTL');
    expect(sheet).toBeDefined();
    const cells: unknown[] = [];
    sheet!.eachRow((row) => {
      cells.push(...(row.values as unknown[]));
    });
    expect(cells).toContain(teachers[0]!.name);
    expect(cells).toContain('19 Maret 2026');

    const docx = await as('principalOwn').io.studyReport({ studyId: study.id });
    const zip = await JSZip.loadAsync(Buffer.from(docx.contentBase64, 'base64'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Rencana tindak lanjut (RTL) setiap guru per siklus');
    expect(xml).toContain('Guru sejawat: ');
  });
});

describe('a plan falling due (the server job, decision 019)', () => {
  test("notifies the school's principal once, from the due day in the district's calendar", async () => {
    const { cycle, teachers } = await observedCycle(world.w);
    const { id } = await as('principalOwn').followUps.create(plan(cycle.id, teachers[0]!.id));
    const notices = () =>
      world.db
        .selectFrom('notifications')
        .select(['user_id', 'cycle_id', 'params'])
        .where('kind', '=', 'follow_up_due')
        .where('dedupe_key', '=', `follow-up:${id}:2026-03-20`)
        .execute();

    // 19 March, 23:00 WIB: not due yet.
    await notifyDueFollowUps(world.db, new Date('2026-03-19T16:00:00.000Z'));
    expect(await notices()).toEqual([]);

    // 20 March, 00:30 WIB (still the 19th in UTC): due today.
    // (Plans of the other tests here fall due too: count this one's notices below.)
    expect(
      await notifyDueFollowUps(world.db, new Date('2026-03-19T17:30:00.000Z')),
    ).toBeGreaterThan(0);
    const sent = await notices();
    expect(sent.map((n) => n.user_id)).toEqual([world.w.users.principalOwn.id]);
    expect(sent[0]).toMatchObject({
      cycle_id: cycle.id,
      params: { teacherName: teachers[0]!.name, dueOn: '2026-03-20' },
    });

    // A later round (or a second server) adds nothing: one notice per plan and due date.
    expect(await notifyDueFollowUps(world.db, new Date('2026-03-19T17:30:00.000Z'))).toBe(0);
    await notifyDueFollowUps(world.db, new Date('2026-03-21T03:00:00.000Z'));
    expect(await notices()).toHaveLength(1);
  });
});
