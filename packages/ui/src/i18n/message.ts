import type { TBilingual } from '@siklus/domain';
import { useCallback } from 'react';
import { formatDecimal, formatInteger } from './format';
import { type Lang, type MessageParams, translate, useLang } from './i18n';
import type { MessageKey } from './id';

/**
 * A message kept as what it says, not as text: a key, its parameters and (for an API's
 * words) both languages. A banner or status line stores one of these and renders it in the
 * current language, so switching language re-renders it ("Catatan tahapan tersimpan"
 * becomes "Stage notes saved") instead of leaving the old language on screen.
 */
export interface TMessage {
  key: MessageKey;
  params?: Record<string, MessageParam>;
  /** Sentences that follow it (an API's warnings, in both languages). */
  after?: readonly MessageParam[];
}

/** A parameter: plain, another message, an API's pair, or a number formatted per language. */
export type MessageParam = string | number | TMessage | TBilingual | LangValue;

/** A value shown in the current language's format ("35,5" / "35.5"). */
export interface LangValue {
  format: (lang: Lang) => string;
}

type ParamsArg<K extends MessageKey> = [keyof MessageParams<K>] extends [never]
  ? []
  : [Record<keyof MessageParams<K>, MessageParam>];

/** `msg('pts.obs.saved', { name, percent: decimalIn(p) })`: as `t(...)`, kept as a message. */
export function msg<K extends MessageKey>(key: K, ...params: ParamsArg<K>): TMessage {
  const [given] = params as [Record<string, MessageParam> | undefined];
  return given ? { key, params: given } : { key };
}

/** A decimal string shown in the current language ("35.50" -> "35,50"). */
export const decimalIn = (value: string): LangValue => ({
  format: (lang) => formatDecimal(value, lang),
});

/** A whole number shown in the current language ("1.500" / "1,500"). */
export const integerIn = (value: number): LangValue => ({
  format: (lang) => formatInteger(value, lang),
});

function isMessage(value: MessageParam): value is TMessage {
  return typeof value === 'object' && 'key' in value;
}

function paramText(lang: Lang, value: MessageParam): string | number {
  if (typeof value !== 'object') return value;
  if (isMessage(value)) return messageText(lang, value);
  if ('format' in value) return value.format(lang);
  return value[lang];
}

/** The message in one language. */
export function messageText(lang: Lang, message: TMessage): string {
  const params = message.params
    ? Object.fromEntries(
        Object.entries(message.params).map(([name, value]) => [name, paramText(lang, value)]),
      )
    : undefined;
  const text = translate(lang, message.key, params);
  const rest = (message.after ?? []).map((value) => String(paramText(lang, value)));
  return [text, ...rest].filter(Boolean).join(' ');
}

/** Renders stored messages in the current language: `const say = useMessageText(); say(notice)`. */
export function useMessageText(): (message: TMessage) => string {
  const { lang } = useLang();
  return useCallback((message: TMessage) => messageText(lang, message), [lang]);
}
