import { describe, expect, it } from 'vitest';
import { auditActionWords, describeAuditEntry } from './audit-words';

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
