import type { Lang } from '../lib/text';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';
export type { Lang } from '../lib/text';

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, zh };
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const DEFAULT_LANG: Lang = 'zh';

export type Vars = Record<string, string | number>;

/** The message for a key in a language, with `{name}` placeholders filled in. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[lang][key] ?? en[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** Placeholder names in a message, for the completeness test. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}
