import { DEFAULT_LANG, isLang, translate, type MessageKey, type Vars } from '../../i18n/index';
import { compact, money, percent, ratio, signed, plain } from '../../i18n/numbers';
import { localText } from '../../i18n/local-text';
import type { Lang, Text } from '../../lib/text';
import { KEYS, type KeyValueStore } from '../lib/storage';

/**
 * A first visit's language from the browser's preferred languages: Chinese when the first one is Chinese (zh, zh-CN,
 * zh-TW, zh-Hans …), English otherwise; the app's default (Chinese) when the browser says nothing.
 */
export function langFromBrowser(languages: readonly (string | undefined)[]): Lang {
  const first = languages.find((l) => typeof l === 'string' && l.trim() !== '');
  if (!first) return DEFAULT_LANG;
  return /^zh\b/i.test(first.trim()) ? 'zh' : 'en';
}

/** `navigator.languages` (or `navigator.language`) where there is a navigator; none on a server or in plain Node. */
function browserLanguageList(): readonly string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } }).navigator;
  if (!nav) return [];
  return nav.languages?.length ? nav.languages : nav.language ? [nav.language] : [];
}

/**
 * The current language, remembered in the browser. Components call `i18n.t(key)`; because `t` reads `lang`, every
 * label re-renders when the language changes — no reload, nothing the user typed is touched.
 */
export class I18n {
  lang = $state<Lang>(DEFAULT_LANG);

  /** The stored choice when there is one, else the browser's languages (`navigator.languages`). */
  constructor(
    private readonly store?: KeyValueStore,
    browserLanguages: readonly string[] = browserLanguageList(),
  ) {
    const saved = store?.getItem(KEYS.lang);
    this.lang = isLang(saved) ? saved : langFromBrowser(browserLanguages);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    try {
      this.store?.setItem(KEYS.lang, lang);
    } catch {
      // Storage full or refused: the choice still holds for this session.
    }
  }

  t = (key: MessageKey, vars?: Vars): string => translate(this.lang, key, vars);

  /** A text given in both languages ({ en, zh }) or a scenario's name / description. */
  text = (t: Text | unknown): string => localText(t, this.lang);

  count = (x: number): string => compact(x, this.lang);
  money = (x: number): string => money(x, this.lang);
  pct = (x: number): string => percent(x);
  ratio = (x: number): string => ratio(x);
  plain = (x: number, decimals = 0): string => plain(x, decimals);
  signedCount = (x: number): string => signed(x, (v) => compact(v, this.lang));
  signedMoney = (x: number): string => signed(x, (v) => money(v, this.lang));
}
