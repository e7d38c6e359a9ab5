import type { Lang, Text } from '../lib/text';

/** A scenario's name or description: plain, or per language; falls back to the other language, then to ''. */
export function localText(t: unknown, lang: Lang): string {
  if (typeof t === 'string') return t;
  if (t && typeof t === 'object') {
    const o = t as Partial<Text>;
    const other: Lang = lang === 'zh' ? 'en' : 'zh';
    const v = o[lang] ?? o[other];
    return typeof v === 'string' ? v : '';
  }
  return '';
}
