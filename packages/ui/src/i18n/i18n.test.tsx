import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../components/language-switch';
import { en } from './en';
import {
  I18nProvider,
  isLangLoaded,
  LANG_STORAGE_KEY,
  loadLang,
  pluralForm,
  translate,
  useT,
} from './i18n';
import { id } from './id';

function Greeting() {
  const t = useT();
  return (
    <>
      <h1>{t('auth.title')}</h1>
      <p>{t('table.range', { from: 1, to: 25, total: 120 })}</p>
    </>
  );
}

function App() {
  return (
    <I18nProvider>
      <LanguageSwitch />
      <Greeting />
    </I18nProvider>
  );
}

afterEach(() => localStorage.clear());

describe('i18n', () => {
  // Runs first: nothing in this file has asked for English yet, as on a phone's first visit.
  it('starts in a remembered English once its dictionary has come, drawing nothing before', async () => {
    expect(isLangLoaded('en')).toBe(false);
    expect(translate('en', 'auth.title')).toBe('Masuk ke Siklus');
    localStorage.setItem(LANG_STORAGE_KEY, 'en');
    const { container } = render(
      <I18nProvider>
        <Greeting />
      </I18nProvider>,
    );
    expect(container.textContent).toBe('');
    expect(await screen.findByRole('heading')).toHaveProperty('textContent', 'Sign in to Siklus');
    expect(isLangLoaded('en')).toBe(true);
    // The page's language is set by an effect after the first English render.
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('has the same keys in English as in Indonesian, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const value of [...Object.values(id), ...Object.values(en)]) expect(value).not.toBe('');
  });

  it('uses the same parameters in both languages', () => {
    // A plural token `{count:one=…|other=…}` uses `count` as much as `{count}` does.
    const params = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?::[^}]*)?\}/g)].map((m) => m[1]))].sort();
    for (const key of Object.keys(id) as Array<keyof typeof id>) {
      expect(params(en[key]), key).toEqual(params(id[key]));
    }
  });

  it('fills parameters', () => {
    expect(translate('id', 'table.range', { from: 1, to: 25, total: 120 })).toBe('1–25 dari 120');
  });

  it('chooses the plural form by the language rules', async () => {
    await loadLang('en'); // already here after the first test; a no-op then
    expect(pluralForm('en', 1, 'one=# school|other=# schools')).toBe('1 school');
    expect(pluralForm('en', 0, 'one=# school|other=# schools')).toBe('0 schools');
    expect(pluralForm('en', 2, 'one=# school|other=# schools')).toBe('2 schools');
    // Indonesian has a single form: whatever the count, `other`.
    expect(pluralForm('id', 1, 'one=# siswa|other=# sekolah')).toBe('1 sekolah');
    // A count formatted for the page keeps its formatting and still picks the right form.
    expect(translate('en', 'adm.import.created', { count: '1,500' })).toBe('1,500 schools added.');
    expect(translate('en', 'adm.import.created', { count: 1 })).toBe('1 school added.');
    expect(translate('id', 'adm.import.created', { count: 1 })).toBe('1 sekolah ditambahkan.');
  });

  it('writes every English count message with a plural token', () => {
    // A count shown next to a countable noun must agree with it ("1 school", "2 schools").
    // Each count parameter below is one, in Indonesian with no plural (one form).
    const counts =
      /\{(count|n|errors|studies|observations|means|schools|missing|shown|observed|total)\} ([a-z]+)/g;
    const bare = Object.entries(en).filter(([, text]) =>
      [...text.matchAll(counts)].some((m) => !['of', 'selected', 'not'].includes(m[2] ?? '')),
    );
    expect(bare.map(([key]) => key)).toEqual([]);
  });

  it('starts in Indonesian and switches to English once its dictionary has loaded', async () => {
    render(<App />);
    expect(screen.getByRole('heading')).toHaveProperty('textContent', 'Masuk ke Siklus');
    expect(document.documentElement.lang).toBe('id');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Siklus' })).toHaveProperty(
      'textContent',
      'Sign in to Siklus',
    );
    expect(isLangLoaded('en')).toBe(true);
    expect(screen.getByText('1–25 of 120')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('remembers the choice for the next visit', async () => {
    const first = render(<App />);
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    first.unmount();

    render(<App />);
    expect(screen.getByRole('heading')).toHaveProperty('textContent', 'Sign in to Siklus');
    await act(async () => {
      await userEvent.click(screen.getByRole('button', { name: 'Bahasa Indonesia' }));
    });
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('id');
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    render(<App />);
    expect(screen.getByRole('heading')).toHaveProperty('textContent', 'Masuk ke Siklus');
  });
});
