import type { Lang } from '../lib/text';
import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';
export type { Lang } from '../lib/text';

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, zh };
export const LANGS: readonly Lang[] = ['zh', 'en'];
export const DEFAULT_LANG: Lang = 'zh';

export type Vars = Record<string, string | number>;

/**
 * The message for a key in a language, with `{name}` placeholders filled in. English plurals are written
 * `{n|tactic|tactics}`: the first form when `n` is 1, the second otherwise ("1 tactic", "3 tactics"); Chinese needs none.
 */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[lang][key] ?? en[key] ?? key;
  if (!vars) return text;
  return text
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, name: string, one: string, other: string) => (name in vars ? (isOne(vars[name]!) ? one : other) : m))
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** English "one": the number 1, or a text that reads as 1 ("1", "1.0" are one; "1.5", "1万" are not). */
function isOne(v: string | number): boolean {
  return typeof v === 'number' ? v === 1 : /^1(\.0+)?$/.test(v.trim());
}

/** The English plural of a noun by count: plural(1, 'run', 'runs') → "run". */
export function plural(n: number, one: string, other: string): string {
  return n === 1 ? one : other;
}

/** Placeholder names in a message (plural forms included, each name once), for the completeness test. */
export function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1]!);
  return [...new Set(names)].sort();
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh' || v === 'en';
}
