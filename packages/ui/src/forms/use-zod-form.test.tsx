import { ZRole, ZSchoolRow, ZUserCreateInput } from '@siklus/domain';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { Lang } from '../i18n/i18n';
import { renderWithI18n } from '../test/render';
import { FormSelect, FormTextField } from './form-fields';
import { issuesOf, messageFor, serverIssue } from './issues';
import { showApiFieldError, useZodForm, type ZodForm } from './use-zod-form';

type SchoolValues = { npsn: string; name: string; subdistrict: string };
let current: ZodForm<SchoolValues, { npsn: string; name: string; subdistrict: string }> | null =
  null;

function SchoolForm({ onSave }: { onSave: (input: unknown) => void }) {
  const form = useZodForm({
    schema: ZSchoolRow,
    defaultValues: { npsn: '', name: '', subdistrict: '' },
  });
  current = form;
  return (
    <form onSubmit={form.handleSubmit(onSave)} noValidate>
      <FormTextField form={form} name="npsn" label="NPSN" />
      <FormTextField form={form} name="name" label="Nama" />
      <FormTextField form={form} name="subdistrict" label="Kecamatan" />
      <button type="submit">Simpan</button>
    </form>
  );
}

function setup(lang: Lang = 'id') {
  const onSave = vi.fn();
  renderWithI18n(<SchoolForm onSave={onSave} />, { lang });
  return { onSave };
}

/** What tRPC's client throws for an AppError (the shape `appErrorOf` reads). */
function trpcError(field: string, id: string, en: string) {
  return {
    name: 'TRPCClientError',
    data: { appError: { code: 'CONFLICT', messages: { id, en }, field } },
  };
}

describe('useZodForm', () => {
  it('checks with the domain schema, says each problem at its field and focuses the first', async () => {
    const { onSave } = setup();
    await userEvent.type(screen.getByLabelText('Nama'), 'SD Negeri Lulut 2');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    const npsn = screen.getByLabelText('NPSN');
    // The schema's own messages: bi(...) for the NPSN, zText's naming the field.
    expect(await screen.findByText('NPSN harus 8 angka')).toBeTruthy();
    expect(screen.getByText('Kecamatan wajib diisi')).toBeTruthy();
    expect(document.activeElement).toBe(npsn);
    expect(npsn.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Nama').getAttribute('aria-invalid')).toBeNull();
    expect(onSave).not.toHaveBeenCalled();
  });

  it('speaks English when the page does', async () => {
    setup('en');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('NPSN must be 8 digits')).toBeTruthy();
    expect(screen.getByText('The school name is required')).toBeTruthy();
    expect(screen.getByText('The subdistrict is required')).toBeTruthy();
  });

  it('hands the parsed input (trimmed by the schema) to the submit handler', async () => {
    const { onSave } = setup();
    await userEvent.type(screen.getByLabelText('NPSN'), ' 20231234 ');
    await userEvent.type(screen.getByLabelText('Nama'), '  SD Negeri Lulut 2 ');
    await userEvent.type(screen.getByLabelText('Kecamatan'), 'Klapanunggal');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(onSave.mock.calls[0]?.[0]).toEqual({
      npsn: '20231234',
      name: 'SD Negeri Lulut 2',
      subdistrict: 'Klapanunggal',
    });
  });

  it('clears a message as soon as the field is fixed', async () => {
    setup();
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('NPSN harus 8 angka')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('NPSN'), '20231234');
    expect(screen.queryByText('NPSN harus 8 angka')).toBeNull();
  });

  it("puts the API's refusal of a field under that field and focuses it", async () => {
    setup('en');
    const form = current;
    if (!form) throw new Error('form not rendered');
    const error = trpcError('npsn', 'NPSN sudah terdaftar', 'NPSN already registered');
    let shown = false;
    act(() => {
      shown = showApiFieldError(form, error, ['npsn', 'name', 'subdistrict']);
    });
    expect(shown).toBe(true);
    expect(await screen.findByText('NPSN already registered')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('NPSN'));
    // An error about a field the form does not hold is left to the alert.
    expect(showApiFieldError(form, trpcError('schoolId', 'x', 'x'), ['npsn'])).toBe(false);
    expect(showApiFieldError(form, new Error('boom'), ['npsn'])).toBe(false);
  });
});

function RoleForm({ onSave }: { onSave: (input: unknown) => void }) {
  const form = useZodForm({
    schema: z.object({ role: ZRole }),
    defaultValues: { role: 'principal' as const },
  });
  const options = [
    { value: 'admin', label: 'Admin' },
    { value: 'principal', label: 'Kepala sekolah' },
  ];
  return (
    <form onSubmit={form.handleSubmit(onSave)} noValidate>
      <FormSelect form={form} name="role" label="Peran" options={options} />
      <button type="submit">Simpan</button>
    </form>
  );
}

describe('FormSelect', () => {
  it("shows and submits the form's value, not the first option", async () => {
    const onSave = vi.fn();
    renderWithI18n(<RoleForm onSave={onSave} />);
    expect(screen.getByLabelText<HTMLSelectElement>('Peran').value).toBe('principal');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(onSave.mock.calls[0]?.[0]).toEqual({ role: 'principal' });
    await userEvent.selectOptions(screen.getByLabelText('Peran'), 'admin');
    await userEvent.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(onSave.mock.calls[1]?.[0]).toEqual({ role: 'admin' });
  });
});

describe('issuesOf / messageFor', () => {
  const invalidUser = {
    username: 'Ab',
    fullName: '',
    role: 'principal',
    schoolId: null,
    password: 'x',
  };

  it('keeps the first message per field, in both languages', () => {
    const issues = issuesOf(ZUserCreateInput, invalidUser);
    expect(issues.get('fullName')).toEqual({
      id: 'Nama lengkap wajib diisi',
      en: 'The full name is required',
    });
    expect(issues.get('username')?.en).toMatch(/^Username: 3-50 characters/);
  });

  it('matches a field exactly unless asked to include what is inside it', () => {
    const issues = new Map([['scores.B2', { id: 'Skor B2 di luar skala', en: 'B2 out of scale' }]]);
    expect(messageFor(issues, null, 'en', 'scores')).toBeUndefined();
    expect(messageFor(issues, null, 'en', 'scores', 'inside')).toBe('B2 out of scale');
    expect(messageFor(issues, null, 'id', 'scores.B2')).toBe('Skor B2 di luar skala');
  });

  it("falls back to the API's answer, under a prefix when asked", () => {
    const error = trpcError('payload.bands.1.from', 'Batas naik', 'Bounds must increase');
    const server = serverIssue(error, 'payload');
    expect(server?.field).toBe('bands.1.from');
    expect(messageFor(new Map(), server, 'en', 'bands.1.from')).toBe('Bounds must increase');
    expect(serverIssue(error, 'other')).toBeNull();
  });
});
