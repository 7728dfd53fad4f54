import { en, id } from '@siklus/ui';
import { ME, renderApp } from '@siklus/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { routes } from './router';
import { SECTIONS, sectionBody, sectionTitle } from './sections';

describe('admin app', () => {
  it('has a route and both languages for every section', () => {
    const shell = routes[1]?.children?.[0]?.children ?? [];
    for (const s of SECTIONS) {
      expect(shell.some((r) => `/${r.path}` === s.path)).toBe(true);
      expect(id[sectionTitle(s.id)]).toBeTruthy();
      expect(en[sectionBody(s.id)]).toBeTruthy();
    }
  });

  it('shows an admin every section, each linking to its own route', async () => {
    renderApp(routes, { api: { 'auth.me': () => ME.admin } });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Administrasi kabupaten' }),
    ).toBeTruthy();
    const main = screen.getByRole('main');
    for (const s of SECTIONS) {
      const title = id[sectionTitle(s.id)];
      const links = main.querySelectorAll(`a[href="${s.path}"]`);
      expect(links.length, title).toBe(1);
      expect(links[0]?.textContent).toContain(title);
    }
  });

  it('tells a supervisor the app is for administrators only, in either language', async () => {
    renderApp(routes, { api: { 'auth.me': () => ME.supervisor } });
    expect(await screen.findByRole('heading', { name: 'Hanya untuk administrator' })).toBeTruthy();
    expect(screen.getByText(/Anda masuk sebagai Pengawas sekolah/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Only for administrators' })).toBeTruthy();
  });

  it('lists the audit log from the API, newest first as it comes', async () => {
    renderApp(routes, {
      at: '/audit',
      api: {
        'auth.me': () => ME.admin,
        'audit.list': () => ({
          items: [
            {
              id: 2,
              createdAt: '2026-03-02T01:00:00.000Z',
              action: 'auth.logout',
              userId: ME.admin.id,
              username: 'admin',
              entity: 'user',
              entityId: ME.admin.id,
              schoolId: null,
              schoolName: null,
              actorName: ME.admin.fullName,
              targetName: ME.admin.fullName,
              summary: {
                id: `${ME.admin.fullName} keluar`,
                en: `${ME.admin.fullName} signed out`,
              },
              before: null,
              after: null,
              changes: [],
              reason: null,
              ip: null,
            },
            {
              id: 1,
              createdAt: '2026-03-01T17:30:00.000Z',
              action: 'cycle.approve',
              userId: ME.admin.id,
              username: 'admin',
              entity: 'cycle',
              entityId: '00000000-0000-4000-8000-0000000000c1',
              schoolId: null,
              schoolName: 'SD Negeri Lulut 2',
              actorName: ME.admin.fullName,
              targetName: 'Siklus II, SD Negeri Lulut 2',
              summary: { id: 'Admin menyetujui', en: 'Admin approved' },
              before: { status: 'submitted' },
              after: { status: 'approved' },
              changes: [
                {
                  field: 'status',
                  label: { id: 'Status', en: 'Status' },
                  before: { id: 'Diajukan', en: 'Submitted' },
                  after: { id: 'Disetujui', en: 'Approved' },
                },
              ],
              reason: null,
              ip: null,
            },
          ],
          timeZone: 'Asia/Makassar',
          total: 2,
          limit: 50,
          offset: 0,
        }),
      },
    });
    expect(await screen.findByText('auth.logout')).toBeTruthy();
    // In words, and the time in the district's zone (ME.admin's district is WIB).
    expect(screen.getByText(`${ME.admin.fullName} keluar`)).toBeTruthy();
    expect(screen.getByText(/08\.00 WIB/)).toBeTruthy();
    expect(screen.getByText('1–2 dari 2')).toBeTruthy();
    // Before/after as a readable diff, field names and values in words.
    expect(screen.getByTestId('audit-diff').textContent).toBe('StatusDiajukan → Disetujui');
    // The CSV of what the filters match, from the server's download route.
    expect(
      screen.getByRole('link', { name: 'Unduh CSV (sesuai filter)' }).getAttribute('href'),
    ).toBe('/export/audit/audit.csv');
    await userEvent.type(screen.getByLabelText('Tindakan', { selector: 'input' }), 'cycle');
    await waitFor(() =>
      expect(
        screen.getByRole('link', { name: 'Unduh CSV (sesuai filter)' }).getAttribute('href'),
      ).toBe('/export/audit/audit.csv?action=cycle'),
    );
  });
});
