import { translate, type MessageKey } from '../../i18n/index';
import { compact, money, percent, plain, ratio, signed } from '../../i18n/numbers';
import type { Lang } from '../../lib/text';
import type { Scenario, TacticEntry } from '../../scenario/types';
import type { Comparison, PairedFigure } from '../../sim';
import type { SimulationResult } from '../../sim';
import type { FieldSpec, ObjectSpec } from '../../lib/spec';
import { UNITS, type Unit } from '../../lib/units';
import { FIELD_LABELS } from '../../i18n/fields';
import { listText } from '../../i18n/codes';
import { tacticSpec } from '../../scenario/schema';
import { fieldLabel, valueText } from '../editor/field-info';
import { describeSchedule } from './describe-schedule';
import { tacticLabelOf, tacticLabels } from './tactic-labels';

/**
 * The comparison in plain words, generated from the numbers: for each scenario against the reference, what changed in
 * R5, assets, GMV and cost (with the 90 % interval of the paired mean difference and how often it was better), what
 * each extra R5 member cost, and why — which tactics were added, dropped or changed, and which cause brought the
 * extra R5 entries.
 */
export interface SummaryEntry {
  id: string;
  name: string;
  scenario: Scenario;
  result: SimulationResult;
}

export interface SummaryParagraph {
  id: string;
  lines: string[];
}

type Kind = 'count' | 'money';

interface FigureLine {
  key: string;
  what: MessageKey;
  kind: Kind;
  /** Lower is better (cost). */
  lowerBetter?: boolean;
}

const LINES: FigureLine[] = [
  { key: 'T.count.R5', what: 'summary.what.R5', kind: 'count' },
  { key: 'S.assetsEnd', what: 'summary.what.assets', kind: 'count' },
  { key: 'R.gmv', what: 'summary.what.gmv', kind: 'money' },
  { key: 'R.cost', what: 'summary.what.cost', kind: 'money', lowerBetter: true },
];

/** A tactic as the reader calls it in this plan: its name, with the coupon kind or a number when two are alike. */
export function tacticLabel(t: Pick<TacticEntry, 'id' | 'type'>, lang: Lang, plan?: ReadonlyArray<Pick<TacticEntry, 'id' | 'type'>>): string {
  return (plan && tacticLabelOf(t.id, plan as TacticEntry[], lang)) ?? tacticLabels([t as TacticEntry], lang)[0]!;
}

function fmt(x: number, kind: Kind, lang: Lang): string {
  return kind === 'money' ? money(x, lang) : compact(x, lang);
}

function changeLine(f: PairedFigure, line: FigureLine, lang: Lang): string | null {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  if (!f.diff || !f.ci90) return null;
  const [lo, hi] = f.ci90;
  // Chinese needs no space between words, except after a Latin word ("GMV 提高").
  const what = t(line.what) + (lang === 'zh' && /[A-Za-z0-9]$/.test(t(line.what)) ? ' ' : '');
  const f2 = (v: number) => signed(v, (x) => fmt(x, line.kind, lang));
  if (lo <= 0 && hi >= 0) return t('summary.noDiff', { what, lo: f2(lo), hi: f2(hi) });
  const up = f.diff.mean > 0;
  const verb = line.kind === 'money' ? t(up ? 'summary.raises' : 'summary.lowers') : t(up ? 'summary.adds' : 'summary.removes');
  const pBetter = f.pBgtA === null ? null : line.lowerBetter ? 1 - f.pBgtA : f.pBgtA;
  return t('summary.change', {
    verb,
    what,
    value: fmt(Math.abs(f.diff.mean), line.kind, lang),
    lo: f2(lo),
    hi: f2(hi),
    p: pBetter === null ? '—' : percent(pBetter),
  });
}

/** A tactic parameter's value with its unit, as said in a sentence: "¥2万/天", "20%", "14 天", "每周六". */
export function paramValue(spec: FieldSpec | undefined, v: unknown, key: string, lang: Lang): string {
  if (v === undefined) return '—';
  if (key === 'schedule') return describeSchedule(v, lang) || '—';
  if (!spec) return typeof v === 'number' ? compact(v, lang, 2) : typeof v === 'string' ? v : '…';
  if (spec.kind === 'number' && typeof v === 'number') return quantity(v, spec.unit, lang);
  return valueText(spec, v, lang, ['tactics', 0, key]);
}

/** A number in its unit, in words: money with ¥, shares as percentages, days and multipliers. */
export function quantity(x: number, unit: Unit, lang: Lang): string {
  const zh = lang === 'zh';
  switch (unit) {
    case 'share':
      return percent(x);
    case 'probabilityPerDay':
    case 'ratePerDay':
      return percent(x) + (zh ? '/天' : ' a day');
    case 'yuan':
      return money(x, lang);
    case 'yuanPerDay':
      return money(x, lang) + (zh ? '/天' : ' a day');
    case 'yuanPerMonth':
      return money(x, lang) + (zh ? '/月' : ' a month');
    case 'yuanPerPerson':
      return money(x, lang) + (zh ? '/人' : ' per person');
    case 'yuanPerThousand':
      return money(x, lang) + (zh ? '/千次曝光' : ' per 1,000 impressions');
    case 'days':
      return zh ? `${plain(x, 1)} 天` : `${plain(x, 1)} ${x === 1 ? 'day' : 'days'}`;
    case 'multiplier':
      return `×${ratio(x)}`;
    case 'shape':
    case 'none':
    case 'count':
      return compact(x, lang, 2);
    default: {
      const u = UNITS[unit][lang];
      return u ? `${compact(x, lang, 2)} ${u}` : compact(x, lang, 2);
    }
  }
}

/** Parameters that differ between two tactics with the same id, as "label a → b" with labels, units and words. */
function paramChanges(a: TacticEntry, b: TacticEntry, lang: Lang): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const variant = Object.prototype.hasOwnProperty.call(tacticSpec.variants, b.type) ? (tacticSpec.variants[b.type] as ObjectSpec) : null;
  const out: string[] = [];
  for (const k of keys) {
    if (k === 'id') continue;
    if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    const spec = variant?.fields[k];
    const label = k === 'schedule' ? translate(lang, 'tactic.schedule') : spec ? fieldLabel(spec, ['tactics', 0, k], lang) : k;
    out.push(`${label} ${paramValue(spec, a[k], k, lang)} → ${paramValue(spec, b[k], k, lang)}`);
  }
  return out;
}

const BASE_FIELDS = ['industry', 'startDate', 'days', 'population', 'baseline', 'seasonality', 'margin', 'wordOfMouth'] as const;

function whyLine(ref: Scenario, alt: Scenario, lang: Lang): string {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const sep = lang === 'zh' ? '、' : ', ';
  const refIds = new Map(ref.tactics.map((x) => [x.id, x]));
  const altIds = new Map(alt.tactics.map((x) => [x.id, x]));
  const parts: string[] = [];
  const added = alt.tactics.filter((x) => !refIds.has(x.id));
  const removed = ref.tactics.filter((x) => !altIds.has(x.id));
  if (added.length) parts.push(t('summary.added', { tactics: listText(added.map((x) => tacticLabel(x, lang, alt.tactics)), lang) }));
  if (removed.length) parts.push(t('summary.removed', { tactics: listText(removed.map((x) => tacticLabel(x, lang, ref.tactics)), lang) }));
  for (const x of alt.tactics) {
    const r = refIds.get(x.id);
    if (!r) continue;
    const changes = paramChanges(r, x, lang);
    if (changes.length) parts.push(t('summary.changed', { tactic: tacticLabel(x, lang, alt.tactics), params: changes.slice(0, 3).join(sep) }));
  }
  const base = BASE_FIELDS.filter((k) => JSON.stringify(ref[k]) !== JSON.stringify(alt[k]));
  if (base.length) parts.push(t('summary.baseline', { fields: base.map((k) => FIELD_LABELS[k]?.[lang] ?? k).join(sep) }));
  return t('summary.why', { changes: parts.length ? parts.join(lang === 'zh' ? ';' : '; ') : t('summary.same') });
}

/** The cause whose moves into R5 grew most from the reference to the alternative. */
function topR5Cause(ref: SimulationResult, alt: SimulationResult): string | null {
  const into5 = (r: SimulationResult, c: string) => r.byCause[c]?.movesMatrix.reduce((s, row) => s + (row[5] ?? 0), 0) ?? 0;
  let best: string | null = null;
  let bestGain = 0;
  for (const c of alt.meta.causes) {
    const gain = into5(alt, c) - into5(ref, c);
    if (gain > bestGain) {
      bestGain = gain;
      best = c;
    }
  }
  return best;
}

export function causeLabel(cause: string, scenario: Scenario | null, lang: Lang): string {
  if (cause === 'baseline' || cause === 'decay' || cause === 'wordOfMouth') return translate(lang, `cause.${cause}` as MessageKey);
  const t = scenario?.tactics.find((x) => x.id === cause);
  return t ? tacticLabel(t, lang, scenario!.tactics) : cause;
}

export function compareSummary(reference: SummaryEntry, others: SummaryEntry[], comparisons: Record<string, Comparison>, lang: Lang): SummaryParagraph[] {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  return others.map((alt) => {
    const cmp = comparisons[alt.id];
    const lines = [t('summary.vs', { alt: alt.name, ref: reference.name })];
    if (!cmp) return { id: alt.id, lines };
    for (const line of LINES) {
      const f = cmp.figures[line.key];
      const s = f ? changeLine(f, line, lang) : null;
      if (s) lines.push(s);
    }
    const dR5 = cmp.figures['T.count.R5']?.diff?.mean ?? 0;
    const dCost = cmp.figures['R.cost']?.diff?.mean ?? 0;
    if (dR5 > 0 && dCost > 0) lines.push(t('summary.costPer', { value: money(dCost / dR5, lang) }));
    const roiA = cmp.figures['R.roi']?.a?.mean;
    const roiB = cmp.figures['R.roi']?.b?.mean;
    if (roiA !== undefined && roiB !== undefined && Number.isFinite(roiA) && Number.isFinite(roiB)) lines.push(t('summary.roi', { a: ratio(roiA), b: ratio(roiB) }));
    const top = dR5 > 0 ? topR5Cause(reference.result, alt.result) : null;
    if (top) lines.push(t('summary.topCause', { cause: causeLabel(top, alt.scenario, lang) }));
    lines.push(whyLine(reference.scenario, alt.scenario, lang));
    return { id: alt.id, lines };
  });
}
