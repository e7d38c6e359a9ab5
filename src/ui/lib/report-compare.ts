import { translate, type Lang, type MessageKey } from '../../i18n/index';
import { listText } from '../../i18n/codes';
import { formatKind, percent, signed } from '../../i18n/numbers';
import type { Comparison, PairedFigure } from '../../sim';
import { COMPARE_FIGURES, pBetter, type CompareFigure } from '../compare/compare-figures';

/**
 * What the comparison report's first page says, kept out of the Svelte view so it is unit-tested: the headline figures
 * (their paired differences to the reference with both intervals) and the narrative of which plan wins on what and how
 * sure that is.
 */

/** The headline figures of a comparison, in this order (keys of COMPARE_FIGURES). */
export const COMPARE_HEADLINE = ['R.gmv', 'R.cost', 'R.roi', 'T.count.R5', 'S.assetsEnd', 'R.orders'] as const;

export const HEADLINE_FIGURES: CompareFigure[] = COMPARE_HEADLINE.map((k) => COMPARE_FIGURES.find((f) => f.key === k)!);

/** The figures' short names in a sentence. */
const SHORT: Record<(typeof COMPARE_HEADLINE)[number], MessageKey> = {
  'R.gmv': 'summary.what.gmv',
  'R.cost': 'summary.what.cost',
  'R.roi': 'report.cmp.what.roi',
  'T.count.R5': 'summary.what.R5',
  'S.assetsEnd': 'summary.what.assets',
  'R.orders': 'report.cmp.what.orders',
};

/**
 * Which side of zero the 90 % confidence interval of the mean paired difference (alternative − reference) lies on,
 * read the way the figure is better: 'better', 'worse', or 'unclear' when it holds zero; null without an interval.
 */
export function sideOf(f: PairedFigure | undefined, lowerBetter = false): 'better' | 'worse' | 'unclear' | null {
  if (!f?.ci90 || !Number.isFinite(f.ci90[0]) || !Number.isFinite(f.ci90[1])) return null;
  const [lo, hi] = f.ci90;
  if (lo <= 0 && hi >= 0) return 'unclear';
  const up = lo > 0;
  return up !== lowerBetter ? 'better' : 'worse';
}

export interface VerdictEntry {
  id: string;
  /** The scenario's name, as the reader sees it. */
  name: string;
}

/**
 * The narrative, sentence by sentence: for each scenario against the reference, the headline figures it is ahead on,
 * behind on and not clearly different on (by the 90 % confidence interval of the mean paired difference), how often
 * it did better on what it leads, and what its extra cost bought; then which plan leads each of GMV, R5 and cost by
 * the means, and what "ahead" rests on.
 */
export function compareVerdict(entries: readonly VerdictEntry[], referenceId: string, comparisons: Record<string, Comparison>, assumptionsDrawn: boolean, lang: Lang): string[] {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const ref = entries.find((e) => e.id === referenceId);
  if (!ref) return [];
  const end = lang === 'zh' ? '。' : '.';
  const money = (x: number) => formatKind(x, 'money', lang);
  const out: string[] = [];
  for (const alt of entries) {
    if (alt.id === referenceId) continue;
    const cmp = comparisons[alt.id];
    if (!cmp) continue;
    const by: Record<'better' | 'worse' | 'unclear', string[]> = { better: [], worse: [], unclear: [] };
    const wonP: number[] = [];
    for (const f of HEADLINE_FIGURES) {
      const p = cmp.figures[f.key];
      const side = sideOf(p, f.lowerBetter);
      if (!side) continue;
      // In an English sentence a figure's name is lower case after the first word ("ahead on GMV and crowd assets").
      const name = t(SHORT[f.key as (typeof COMPARE_HEADLINE)[number]]);
      by[side].push(lang === 'en' && /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name);
      const pb = p ? pBetter(p.pBgtA, f.lowerBetter) : null;
      if (side === 'better' && pb !== null) wonP.push(pb);
    }
    const parts: string[] = [];
    if (by.better.length) parts.push(t('report.cmp.story.ahead', { list: listText(by.better, lang) }));
    if (by.worse.length) parts.push(t('report.cmp.story.behind', { list: listText(by.worse, lang) }));
    if (by.unclear.length) parts.push(t('report.cmp.story.even', { list: listText(by.unclear, lang) }));
    if (!parts.length) continue;
    out.push(t('report.cmp.story.lead', { alt: alt.name, ref: ref.name }) + parts.join(lang === 'zh' ? ';' : '; ') + end);
    if (wonP.length) out.push(t('report.cmp.story.sure', { p: percent(Math.min(...wonP)) }));
    const dCost = cmp.figures['R.cost']?.diff?.mean;
    const dGmv = cmp.figures['R.gmv']?.diff?.mean;
    if (dCost !== undefined && dGmv !== undefined && dCost > 0) {
      out.push(t('report.cmp.story.pays', { cost: money(dCost), gmv: signed(dGmv, money), ratio: signed(dGmv / dCost, (x) => formatKind(x, 'ratio', lang)) }));
    } else if (dCost !== undefined && dCost < 0) {
      out.push(t('report.cmp.story.saves', { cost: money(-dCost) }));
    }
  }
  // Which plan leads on each of GMV, R5 and cost, by the means (the reference's from any comparison).
  const meanOf = (id: string, key: string): number | undefined => {
    if (id === referenceId) return Object.values(comparisons)[0]?.figures[key]?.a?.mean;
    return comparisons[id]?.figures[key]?.b?.mean;
  };
  const leader = (key: string, lowest = false): string | null => {
    let best: VerdictEntry | null = null;
    let bestValue = NaN;
    for (const e of entries) {
      const v = meanOf(e.id, key);
      if (v === undefined || !Number.isFinite(v)) continue;
      if (best === null || (lowest ? v < bestValue : v > bestValue)) {
        best = e;
        bestValue = v;
      }
    }
    return best?.name ?? null;
  };
  const gmv = leader('R.gmv');
  const r5 = leader('T.count.R5');
  const cost = leader('R.cost', true);
  if (out.length && gmv && r5 && cost) out.push(t('report.cmp.story.leaders', { gmv, r5, cost }));
  if (out.length) out.push(t('report.cmp.story.basis') + t(assumptionsDrawn ? 'report.cmp.story.basisBoth' : 'report.cmp.story.basisNoise'));
  return out;
}
