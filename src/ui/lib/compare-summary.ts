import { translate, type MessageKey } from '../../i18n/index';
import { compact, money, percent, ratio, signed } from '../../i18n/numbers';
import type { Lang } from '../../lib/text';
import type { Scenario, TacticEntry } from '../../scenario/types';
import type { Comparison, PairedFigure } from '../../sim/compare';
import type { SimulationResult } from '../../sim/result';
import { TACTICS } from '../../sim/tactics/registry';

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

export function tacticLabel(t: Pick<TacticEntry, 'id' | 'type'>, lang: Lang): string {
  const def = Object.prototype.hasOwnProperty.call(TACTICS, t.type) ? TACTICS[t.type] : undefined;
  const type = def ? def.name[lang] : t.type;
  return lang === 'zh' ? `${type}「${t.id}」` : `${type} “${t.id}”`;
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

/** Parameters that differ between two tactics with the same id, as "name a → b". */
function paramChanges(a: TacticEntry, b: TacticEntry): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const out: string[] = [];
  for (const k of keys) {
    if (k === 'id') continue;
    const va = JSON.stringify(a[k]);
    const vb = JSON.stringify(b[k]);
    if (va === vb) continue;
    const short = (v: string | undefined) => (v === undefined ? '—' : v.length > 24 ? v.slice(0, 22) + '…' : v);
    out.push(`${k} ${short(va)} → ${short(vb)}`);
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
  if (added.length) parts.push(t('summary.added', { tactics: added.map((x) => tacticLabel(x, lang)).join(sep) }));
  if (removed.length) parts.push(t('summary.removed', { tactics: removed.map((x) => tacticLabel(x, lang)).join(sep) }));
  for (const x of alt.tactics) {
    const r = refIds.get(x.id);
    if (!r) continue;
    const changes = paramChanges(r, x);
    if (changes.length) parts.push(t('summary.changed', { tactic: tacticLabel(x, lang), params: changes.slice(0, 3).join(sep) }));
  }
  const base = BASE_FIELDS.filter((k) => JSON.stringify(ref[k]) !== JSON.stringify(alt[k]));
  if (base.length) parts.push(t('summary.baseline', { fields: base.join(sep) }));
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
  return t ? tacticLabel(t, lang) : cause;
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
