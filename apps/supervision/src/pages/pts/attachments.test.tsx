import type { RouterOutputs } from '@siklus/client';
import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from '../../router';
import { IDS, makeCycle, teacherList } from './test-fixtures';

const AT = `/cycles/${IDS.cycle}`;
const MIB = 1024 * 1024;

type Attachment = RouterOutputs['attachments']['list']['attachments'][number];

const photo: Attachment = {
  id: '00000000-0000-4000-8000-0000000a0001',
  cycleId: IDS.cycle,
  stage: 'observation',
  teacherId: null,
  teacherName: null,
  fileName: 'kelas 5A.jpg',
  kind: 'image',
  contentType: 'image/jpeg',
  sizeBytes: 734_003,
  width: 2000,
  height: 1500,
  hasThumbnail: true,
  uploadedBy: 'Hj. Aas Asiah, S.Pd',
  createdAt: '2026-03-02T02:30:00.000Z',
};
const sheetPdf: Attachment = {
  ...photo,
  id: '00000000-0000-4000-8000-0000000a0002',
  stage: null,
  teacherId: IDS.t2,
  fileName: 'lembar bertanda tangan.pdf',
  kind: 'pdf',
  contentType: 'application/pdf',
  hasThumbnail: false,
  width: null,
  height: null,
};

const list = (editable: boolean, attachments: Attachment[] = [photo, sheetPdf]) => ({
  attachments,
  editable,
  locked: !editable,
  usage: { studyBytes: 12 * MIB, studyLimitBytes: 200 * MIB, fileLimitBytes: 10 * MIB },
});

const api = (role: 'principal' | 'supervisor', editable: boolean, extra = {}) => ({
  'auth.me': () => ME[role],
  'cycles.get': () => makeCycle(role === 'supervisor' ? { status: 'submitted' } : {}),
  'studies.get': () => ({ id: IDS.study, schoolName: 'SD Negeri Lulut 2', title: 'PTS' }),
  'teachers.list': teacherList,
  'attachments.list': () => list(editable),
  ...extra,
});

describe('evidence on the cycle page', () => {
  it('the principal sees each stage with its files, the limits, and deletes a draft file', async () => {
    const { calls } = renderApp(routes, {
      at: AT,
      api: api('principal', true, {
        'attachments.delete': () => ({ deleted: photo.id, fileName: photo.fileName }),
      }),
    });
    const observation = await screen.findByTestId('evidence-observation');
    const thumb = await within(observation).findByRole('img', {
      name: 'Gambar kecil kelas 5A.jpg',
    });
    expect(thumb.getAttribute('src')).toBe(`/files/attachments/${photo.id}/thumbnail`);
    const link = within(observation).getByRole('link', { name: 'kelas 5A.jpg' });
    expect(link.getAttribute('href')).toBe(`/files/attachments/${photo.id}`);
    expect(within(observation).getByText(/716,8 KB|0,7 MB|717 KB/)).toBeTruthy();
    expect(
      within(screen.getByTestId('evidence-planning')).getByText('Belum ada lampiran.'),
    ).toBeTruthy();
    // The limits, stated where files are added.
    expect(
      screen.getAllByText(/paling besar 10 MB per berkas\. Terpakai 12 MB dari 200 MB/).length,
    ).toBeGreaterThan(0);
    // The camera input for phones.
    const camera = within(observation).getByLabelText('Ambil foto');
    expect(camera.getAttribute('accept')).toBe('image/*');
    expect(camera.getAttribute('capture')).toBe('environment');

    // The selected teacher's sheet shows the signed sheet (Dra. teacher t2 is picked first).
    const sheet = screen.getByTestId('evidence-sheet');
    expect(within(sheet).getByRole('link', { name: 'lembar bertanda tangan.pdf' })).toBeTruthy();

    await userEvent.click(within(observation).getByRole('button', { name: 'Hapus' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Hapus lampiran kelas 5A.jpg?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Hapus' }));
    await waitFor(() =>
      expect(calls.filter((c) => c.path === 'attachments.delete').map((c) => c.input)).toEqual([
        { attachmentId: photo.id },
      ]),
    );
    expect(await screen.findByText('kelas 5A.jpg dihapus.')).toBeTruthy();
  });

  it('a supervisor sees the files read-only: no upload, no delete', async () => {
    renderApp(routes, { at: AT, api: api('supervisor', false) });
    const observation = await screen.findByTestId('evidence-observation');
    expect(await within(observation).findByRole('link', { name: 'kelas 5A.jpg' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unggah berkas' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Hapus' })).toBeNull();
    expect(
      screen.getByText('Lampiran terkunci: siklus sudah diajukan atau disetujui.'),
    ).toBeTruthy();
  });
});
