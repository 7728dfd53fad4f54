import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../components/language-switch';
import { I18nProvider } from './i18n';
import { decimalIn, messageText, msg, type TMessage, useMessageText } from './message';

function Banner() {
  // A banner as pages keep it: the message, not its text.
  const [notice, setNotice] = useState<TMessage | null>(null);
  const say = useMessageText();
  return (
    <>
      <button
        type="button"
        onClick={() =>
          setNotice({
            ...msg('pts.obs.saved', {
              time: '10.42',
              name: 'Bu Sari',
              percent: decimalIn('87.50'),
              band: 'Baik',
            }),
            after: [{ id: 'Ada peringatan.', en: 'There is a warning.' }],
          })
        }
      >
        save
      </button>
      {notice && <p role="status">{say(notice)}</p>}
    </>
  );
}

afterEach(() => localStorage.clear());

describe('messages kept as keys', () => {
  it('re-render in the new language when the language switches', async () => {
    render(
      <I18nProvider>
        <LanguageSwitch />
        <Banner />
      </I18nProvider>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'save' }));
    const id = screen.getByRole('status').textContent ?? '';
    expect(id).toContain('Bu Sari');
    expect(id).toContain('87,50');
    expect(id).toContain('Ada peringatan.');
    await userEvent.click(screen.getByRole('button', { name: 'English' }));
    // The English dictionary loads lazily: the banner turns once it has come.
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('87.50'));
    const en = screen.getByRole('status').textContent ?? '';
    expect(en).toBe(
      messageText('en', {
        ...msg('pts.obs.saved', {
          time: '10.42',
          name: 'Bu Sari',
          percent: decimalIn('87.50'),
          band: 'Baik',
        }),
        after: [{ id: 'Ada peringatan.', en: 'There is a warning.' }],
      }),
    );
    expect(en).toContain('87.50');
    expect(en).toContain('There is a warning.');
    expect(en).not.toBe(id);
  });

  it('fill nested messages and bilingual pairs in the language asked for', () => {
    const label = { id: 'Siklus I', en: 'Cycle I' };
    expect(messageText('en', msg('pts.submit.done', { label }))).toContain('Cycle I');
    expect(messageText('id', msg('pts.submit.done', { label }))).toContain('Siklus I');
  });
});
