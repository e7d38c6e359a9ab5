import { translate, type Lang, type MessageKey } from '../../i18n/index';
import { definition } from '../../sim';
import { flattenFigures, toCsv } from '../../sim';
import type { SimulationResult } from '../../sim';
import type { Stat } from '../../sim';
import type { Scenario } from '../../scenario/types';
import { causeLabel } from './compare-summary';

/**
 * CSV files a spreadsheet opens as the reader sees them: a UTF-8 byte-order mark (without it Excel reads UTF-8 as the
 * system's code page and Chinese labels garble) and human headers in the chosen language. The machine keys stay in
 * the JSON export.
 */
export const BOM = '\uFEFF';

/** A CSV text with the byte-order mark in front (once). */
export function withBom(csv: string): string {
  return csv.startsWith(BOM) ? csv : BOM + csv;
}

/** Column names the app's chart CSVs use, and their words; suffixes `_mean`, `_p05`, `_p95` name a band's columns. */
const COLUMN_WORDS: Record<string, MessageKey> = {
  day: 'csv.col.day',
  week: 'csv.col.week',
  mean: 'csv.col.mean',
  sd: 'csv.col.sd',
  p05: 'csv.col.p05',
  p50: 'csv.col.p50',
  p95: 'csv.col.p95',
  projection: 'csv.col.projection',
  figure: 'csv.col.figure',
  label: 'csv.col.label',
  tier: 'csv.col.tier',
  tactic: 'csv.col.tactic',
  share_start: 'csv.col.shareStart',
  share_end: 'csv.col.shareEnd',
  gmv: 'csv.col.gmv',
  cost: 'csv.col.cost',
  growth: 'csv.col.growth',
  orders: 'csv.col.orders',
  cause: 'csv.col.cause',
  incremental_roi: 'csv.col.incrementalRoi',
  margin_roi: 'csv.col.marginRoi',
  p_helped_gmv: 'csv.col.pHelped',
  shapley_mean: 'csv.col.shapley',
  ci90_low: 'csv.col.ciLow',
  ci90_high: 'csv.col.ciHigh',
  diff_mean: 'csv.col.diff',
  p_better: 'csv.col.pBetter',
};

const SUFFIX = /^(.*?)_(mean|p05|p95|shapley_mean|ci90_low|ci90_high|diff_mean|p_better)$/;

/** One column's name in words: `gmv_p05` → "GMV(第 5 百分位)"; names it does not know (R1, a tactic's name) stay. */
export function columnName(name: string, lang: Lang): string {
  const direct = COLUMN_WORDS[name];
  if (direct) return translate(lang, direct);
  const m = SUFFIX.exec(name);
  if (m) {
    const b = m[1]!;
    // A figure's key (R.gmv, T.count.R5) in words; anything else (a tier, a scenario's or tactic's id) as it is.
    const base = COLUMN_WORDS[b] ? translate(lang, COLUMN_WORDS[b]!) : /^[STAR]\./.test(b) ? figureName(`star.${b}`, lang, null) : b;
    return translate(lang, 'csv.col.of', { name: base, stat: translate(lang, COLUMN_WORDS[m[2]!]!) });
  }
  return name;
}

/** Split a CSV's first line into fields (the app's headers have no quoted line breaks). */
function headerFields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A chart's CSV with its header row in words and the byte-order mark: what the app's CSV buttons save. */
export function humanCsv(csv: string, lang: Lang): string {
  const text = csv.startsWith(BOM) ? csv.slice(1) : csv;
  const nl = text.indexOf('\n');
  const head = nl < 0 ? text : text.slice(0, nl);
  const rest = nl < 0 ? '' : text.slice(nl);
  const header = toCsv(headerFields(head).map((h) => columnName(h, lang)), []).replace(/\n$/, '');
  return withBom(header + rest);
}

const TIER = /^R[0-5]$/;

/** A figure of the result in words, from its key in `flattenFigures` or `incremental.<name>`. */
export function figureName(key: string, lang: Lang, scenario: Scenario | null): string {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const own = definition(key) ?? definition(key.replace(/^star\./, ''));
  if (own) return own.name[lang];
  const parts = key.split('.');
  if (parts[0] === 'totals') return t('csv.total', { name: leafName(parts.slice(1), lang) });
  if (parts[0] === 'star') return leafName(parts.slice(2), lang);
  if (parts[0] === 'byCause') {
    const leaf = parts[parts.length - 1]!;
    const cause = parts.slice(1, -1).join('.');
    return `${causeLabel(cause, scenario, lang)} · ${leafName([leaf], lang)}`;
  }
  return key;
}

/** The name of a figure's last part(s): `assetsEnd`, `count.R5`, `rate.R3>R4`… */
function leafName(parts: string[], lang: Lang): string {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const [a, b] = parts;
  if (b !== undefined) {
    const pair = /^(R[0-5])>(R[0-5])$/.exec(b);
    if (a === 'rate' && pair) return t('fig.rate', { from: pair[1]!, to: pair[2]! });
    if (a === 'weekly' && pair) return t('fig.weeklyRate', { from: pair[1]!, to: pair[2]! });
    if (TIER.test(b)) {
      const tier = b;
      if (a === 'count') return t('fig.count', { tier });
      if (a === 'shareEnd') return t('fig.shareEnd', { tier });
      if (a === 'shareStart') return t('csv.shareStart', { tier });
      if (a === 'growth') return t('fig.tierGrowth', { tier });
      if (a === 'entriesR4') return t('fig.entriesR4', { tier });
      if (a === 'gmvShare') return t('fig.gmvShare', { tier });
      if (a === 'gmvByTier') return t('csv.gmvByTier', { tier });
    }
    return parts.join('.');
  }
  const known: Record<string, MessageKey> = {
    assetsStart: 'fig.assetsStart',
    assetsEnd: 'fig.assetsEnd',
    growthRate: 'fig.growthRate',
    newAssets: 'fig.newAssets',
    netChange: 'fig.netChange',
    gmv: 'csv.gmv',
    orders: 'fig.orders',
    aov: 'fig.aov',
    firstPurchases: 'fig.firstPurchases',
    repeatPurchases: 'fig.repeatPurchases',
    buyers: 'fig.buyers',
    repeaters: 'fig.repeaters',
    repurchaseRate: 'fig.repurchaseRate',
    conversion: 'fig.conversion',
    cost: 'fig.cost',
    discount: 'fig.discount',
    roi: 'fig.roi',
    marginRoi: 'fig.marginRoi',
    moves: 'csv.moves',
    forwardMoves: 'csv.forwardMoves',
    reverseMoves: 'csv.reverseMoves',
  };
  const k = known[a!];
  return k ? t(k) : parts.join('.');
}

/**
 * Every figure of a result as a CSV for a spreadsheet: the plan's effect first (incremental, against doing nothing),
 * then the totals, STAR and each cause; a figure's name in words, whether it is incremental or a total, and its mean,
 * sd, p05, median and p95. With the byte-order mark.
 */
export function figuresCsvHuman(result: SimulationResult, lang: Lang, scenario: Scenario | null): string {
  const t = (k: MessageKey) => translate(lang, k);
  const rows: Array<[string, Stat | null, 'incremental' | 'total']> = [];
  for (const [k, v] of Object.entries(result.incremental ?? {})) if (v && typeof v === 'object' && 'mean' in v) rows.push([`incremental.${k}`, v as Stat, 'incremental']);
  for (const [k, s] of flattenFigures(result)) rows.push([k, s, 'total']);
  return withBom(
    toCsv(
      [t('csv.col.figure'), t('csv.col.scope'), t('csv.col.mean'), t('csv.col.sd'), t('csv.col.p05'), t('csv.col.p50'), t('csv.col.p95')],
      rows.map(([k, s, scope]) => [figureName(k, lang, scenario), t(scope === 'incremental' ? 'csv.scope.incremental' : 'csv.scope.total'), s?.mean ?? null, s?.sd ?? null, s?.p05 ?? null, s?.p50 ?? null, s?.p95 ?? null]),
    ),
  );
}
