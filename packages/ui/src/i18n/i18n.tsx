import { LANGS as DOMAIN_LANGS, type TLang } from '@siklus/domain';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Dictionary, id, type MessageKey } from './id';

export type Lang = TLang;
export const LANGS: readonly Lang[] = DOMAIN_LANGS;
export const LANG_STORAGE_KEY = 'siklus.lang';

type Messages = Record<MessageKey, string>;

/**
 * Only the default language's dictionary is in the apps' first load: Indonesian, the source
 * of keys. English is its own chunk, fetched when a page first asks for it (the stored
 * choice at start, or the switch); until then `translate` falls back to Indonesian. The
 * build keeps the English halves of `areas/*.ts` out of the first load
 * (`dictionaryPerLanguage` in scripts/first-load.ts). A new language adds a loader here.
 */
const LOADERS: Record<Exclude<Lang, 'id'>, () => Promise<Messages>> = {
  en: () => import('./en').then((module) => module.en),
};
const loaded: Partial<Record<Lang, Messages>> = { id };
const loading = new Map<Lang, Promise<void>>();

/** Whether `lang`'s words are here, so a page can be drawn in it at once. */
export function isLangLoaded(lang: Lang): boolean {
  return loaded[lang] !== undefined;
}

/** Fetches `lang`'s dictionary once (again after a failure, e.g. offline). */
export function loadLang(lang: Lang): Promise<void> {
  if (lang === 'id' || loaded[lang]) return Promise.resolve();
  let pending = loading.get(lang);
  if (!pending) {
    pending = LOADERS[lang]().then(
      (messages) => {
        loaded[lang] = messages;
        loading.delete(lang);
      },
      (error: unknown) => {
        loading.delete(lang);
        throw error;
      },
    );
    loading.set(lang, pending);
  }
  return pending;
}

/**
 * The `{name}` parameters a message declares, read from the Indonesian text at compile time;
 * a plural token `{name:one=…|other=…}` declares `name` too.
 */
type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? (P extends `${infer Name}:${string}` ? Name : P) | ParamsOf<Rest>
  : never;

/** A key whose message takes no parameters, so `t(key)` works when the key is only known at run time. */
export type PlainMessageKey = {
  [K in MessageKey]: [ParamsOf<Dictionary[K]>] extends [never] ? K : never;
}[MessageKey];

export type MessageParams<K extends MessageKey> = Record<ParamsOf<Dictionary[K]>, string | number>;

/** `t('table.range', { from, to, total })`; a key without parameters takes none. */
export type TFunction = <K extends MessageKey>(
  key: K,
  ...params: ParamsOf<Dictionary[K]> extends never ? [] : [MessageParams<K>]
) => string;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The form of a plural token for a count, chosen by the language's own rules
 * (`Intl.PluralRules`): English says "1 school" and "2 schools"; Indonesian has one form,
 * so its messages carry no token at all. `forms` is `one=# school|other=# schools`, `#`
 * standing for the count as shown (`shown`, e.g. "1.500" formatted); a category the token
 * lacks falls back to `other`.
 */
export function pluralForm(
  lang: Lang,
  count: number,
  forms: string,
  shown: string = String(count),
): string {
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const byCategory = new Map<string, string>();
  for (const form of forms.split('|')) {
    const at = form.indexOf('=');
    if (at > 0) byCategory.set(form.slice(0, at), form.slice(at + 1));
  }
  const chosen = byCategory.get(rules.select(count)) ?? byCategory.get('other') ?? '';
  return chosen.replaceAll('#', shown);
}

/**
 * A count passed as a number or as an integer formatted for the page ("1.500" in
 * Indonesian, "1,500" in English): counts are whole, so every separator is dropped.
 */
function countOf(value: string | number): number {
  return typeof value === 'number' ? value : Number(value.replace(/[^\d-]/g, ''));
}

/** `{name}` or a plural token `{name:one=…|other=…}`. */
const TOKEN = /\{(\w+)(?::([^}]*))?\}/g;

export function translate(
  lang: Lang,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  return fillMessage(lang, loaded[lang]?.[key] ?? id[key] ?? key, params);
}

/** A message's `{name}` and plural tokens filled in, by `lang`'s plural rules. */
export function fillMessage(
  lang: Lang,
  template: string,
  params?: Record<string, string | number>,
): string {
  if (!params) return template;
  return template.replace(TOKEN, (whole, name: string, forms: string | undefined) => {
    const value = params[name];
    if (value === undefined) return whole;
    return forms === undefined
      ? String(value)
      : pluralForm(lang, countOf(value), forms, String(value));
  });
}

function readStoredLang(): Lang | null {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return stored === 'id' || stored === 'en' ? stored : null;
  } catch {
    // Private browsing can throw on storage access; the default language still works.
    return null;
  }
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({
  children,
  defaultLang = 'id',
}: {
  children: ReactNode;
  /** Used when nothing is remembered; Indonesian unless a test says otherwise. */
  defaultLang?: Lang;
}) {
  const [start] = useState<Lang>(() => readStoredLang() ?? defaultLang);
  // The language the page is drawn in. A switch keeps the page in the previous language for
  // the moment the new dictionary's chunk takes; only a start in a language not loaded yet
  // draws nothing until it comes (or, if it cannot be fetched, starts in Indonesian).
  const [lang, setShown] = useState<Lang | null>(() => (isLangLoaded(start) ? start : null));
  const wanted = useRef<Lang>(start);

  const show = useCallback((next: Lang) => {
    wanted.current = next;
    if (isLangLoaded(next)) {
      setShown(next);
      return;
    }
    loadLang(next).then(
      () => {
        if (wanted.current === next) setShown(next);
      },
      () => setShown((shown) => shown ?? 'id'),
    );
  }, []);

  useEffect(() => {
    if (!isLangLoaded(start)) show(start);
  }, [start, show]);

  const setLang = useCallback(
    (next: Lang) => {
      show(next);
      try {
        globalThis.localStorage?.setItem(LANG_STORAGE_KEY, next);
      } catch {
        // Not remembered, but switched for this visit.
      }
    },
    [show],
  );

  useEffect(() => {
    // Screen readers and the browser's hyphenation follow the page language.
    if (lang) document.documentElement.lang = lang;
  }, [lang]);

  const value = useMemo<I18nValue | null>(() => {
    if (!lang) return null;
    const t = ((key: MessageKey, params?: Record<string, string | number>) =>
      translate(lang, key, params)) as TFunction;
    return { lang, setLang, t };
  }, [lang, setLang]);

  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useT/useLang must be used inside <I18nProvider>');
  return value;
}

/** The translate function for the current language. */
export function useT(): TFunction {
  return useI18nContext().t;
}

/** The current language and its setter (remembered in localStorage). */
export function useLang(): { lang: Lang; setLang: (lang: Lang) => void } {
  const { lang, setLang } = useI18nContext();
  return { lang, setLang };
}

/** Picks the current language's text out of a `{ id, en }` pair, e.g. an API message. */
export function useLocalized(): (messages: { id: string; en: string }) => string {
  const { lang } = useI18nContext();
  return useCallback((messages) => messages[lang], [lang]);
}
