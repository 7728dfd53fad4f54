import { LANGS, useLang, useT } from '../i18n/i18n';

/** "ID | EN": a two-button toggle; the choice is remembered on this device. */
export function LanguageSwitch() {
  const { lang, setLang } = useLang();
  const t = useT();
  return (
    <fieldset className="sk-lang-switch">
      <legend className="sk-visually-hidden">{t('lang.label')}</legend>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="sk-lang-switch__option"
          aria-pressed={lang === l}
          title={t(`lang.${l}`)}
          onClick={() => setLang(l)}
        >
          {/* Named by the language's full name, shown as its code (a label that hid the
              code would not match what a voice-control user reads on the button). */}
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="sk-visually-hidden">{t(`lang.${l}`)}</span>
        </button>
      ))}
    </fieldset>
  );
}
