/** A text in both of the app's languages. */
export interface Text {
  en: string;
  zh: string;
}

export type Lang = 'en' | 'zh';

export function pick(t: Text, lang: Lang): string {
  return t[lang];
}
