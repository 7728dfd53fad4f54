import { describe, expect, it } from 'vitest';
import {
  auditActionWords,
  auditChanges,
  auditChangesText,
  describeAuditEntry,
} from './audit-words';

describe('the audit log in words', () => {
  it('names the actor and what the action touched, in both languages', () => {
    expect(
      describeAuditEntry({
        action: 'user.deactivate',
        actorName: 'Admin Dinas',
        targetName: 'Budi Santoso',
      }),
    ).toEqual({
      id: 'Admin Dinas menonaktifkan pengguna “Budi Santoso”',
      en: 'Admin Dinas deactivated the user “Budi Santoso”',
    });
    expect(
      describeAuditEntry({
        action: 'cycle.reopen',
        actorName: 'Admin Dinas',
        targetName: 'Siklus II, SD Negeri Lulut 2',
      }).id,
    ).toBe('Admin Dinas membuka kembali “Siklus II, SD Negeri Lulut 2”');
  });
  it('reads configuration actions, drops an unknown target and keeps unknown codes', () => {
    expect(auditActionWords('band_set.delete_draft')?.id).toBe(
      'menghapus draf kategori nilai {target}',
    );
    expect(describeAuditEntry({ action: 'auth.login', actorName: null, targetName: null })).toEqual(
      {
        id: 'Sistem masuk',
        en: 'System signed in',
      },
    );
    expect(
      describeAuditEntry({ action: 'rubric.publish', actorName: 'A', targetName: null }).en,
    ).toBe('A published the rubric');
    expect(describeAuditEntry({ action: 'x.y', actorName: 'A', targetName: 'B' }).id).toBe('A x.y');
  });
});

describe('before/after as a readable diff', () => {
  it('names fields in words and reads values: statuses, cycles, zones, decimals, booleans', () => {
    const changes = auditChanges(
      { status: 'submitted', version: 3, timeZone: 'Asia/Jakarta', jumpPoints: '35.00' },
      { status: 'approved', version: 4, timeZone: 'Asia/Makassar', jumpPoints: '22.50' },
    );
    expect(auditChangesText(changes, 'id')).toBe(
      'Status: Diajukan → Disetujui; Versi: 3 → 4; Zona waktu: WIB → WITA; Ambang lonjakan (poin): 35,00 → 22,50',
    );
    expect(auditChangesText(changes, 'en')).toBe(
      'Status: Submitted → Approved; Version: 3 → 4; Time zone: WIB → WITA; Jump threshold (points): 35.00 → 22.50',
    );
  });

  it('leaves out what did not change, lists a creation, and words unknown fields', () => {
    expect(auditChanges({ name: 'A', active: true }, { name: 'B', active: true })).toEqual([
      {
        field: 'name',
        label: { id: 'Nama', en: 'Name' },
        before: { id: 'A', en: 'A' },
        after: { id: 'B', en: 'B' },
      },
    ]);
    const created = auditChanges(null, {
      ordinal: 2,
      closed: false,
      role: 'principal',
      fooBarId: 'x',
    });
    expect(auditChangesText(created, 'id')).toBe(
      'Siklus: – → Siklus II; Ditutup (selesai): – → tidak; Peran: – → Kepala sekolah; foo bar id: – → x',
    );
    expect(auditChanges('not an object', undefined)).toEqual([]);
  });
});
