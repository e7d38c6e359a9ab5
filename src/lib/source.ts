import type { Text } from './text';

/**
 * Where a default comes from, said to an operator in both languages: either a figure a brand reported (the brand and
 * the number, with the entries of docs/sources.md it comes from) or an assumption with its reason
 * ("Assumption: …" / "假设:…"). A test checks that every default has one and that every entry named exists.
 */
export interface Source extends Text {
  /** Anchors of the docs/sources.md entries the figure comes from; none for an assumption. */
  refs?: readonly string[];
}

/** The file the anchors point into, from the repository's root. */
export const SOURCES_DOC = 'docs/sources.md';

const ASSUMPTION_EN = 'Assumption: ';
const ASSUMPTION_ZH = '假设:';

/** A figure reported by a brand or a case collection, with the docs/sources.md entries it comes from. */
export function reported(refs: string | readonly string[], en: string, zh: string): Source {
  return { en, zh, refs: typeof refs === 'string' ? [refs] : refs };
}

/** An assumption, with its reason; `refs` name the docs/sources.md entries the reason leans on, if any. */
export function assumed(en: string, zh: string, refs?: readonly string[]): Source {
  return refs?.length ? { en: ASSUMPTION_EN + en, zh: ASSUMPTION_ZH + zh, refs } : { en: ASSUMPTION_EN + en, zh: ASSUMPTION_ZH + zh };
}

export function isAssumption(s: Source): boolean {
  return s.en.startsWith(ASSUMPTION_EN) && s.zh.startsWith(ASSUMPTION_ZH);
}
