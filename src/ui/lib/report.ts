import { translate, type Lang, type MessageKey } from '../../i18n/index';
import { formatKind, type NumberKind } from '../../i18n/numbers';
import type { FieldSpec } from '../../lib/spec';
import type { Source } from '../../lib/source';
import type { Text } from '../../lib/text';
import { localText } from '../../i18n/local-text';
import { assumptionRanges } from '../../scenario/assumptions';
import { scenarioSpec } from '../../scenario/schema';
import type { Scenario } from '../../scenario/types';
import type { ContributionReport } from '../../sim';
import type { Driver } from '../../sim';
import type { RankedAssumption } from '../../planner/tornado';
import type { IncrementalFigure } from '../../sim';
import type { SimulationResult } from '../../sim';
import { getTactic } from '../../sim';
import { causeLabel } from './compare-summary';

/**
 * What the report writes from a result, kept out of the Svelte view so it is unit-tested: the narrative paragraph
 * (what the plan does, what drives it, how sure we are), the assumptions that matter most with their ranges and
 * sources, and the plan against doing nothing.
 */

/** The report's headline figures: the plan's effect, in this order (ids as the dashboard's plan's-effect block). */
export const REPORT_HEADLINE = ['incremental.gmv', 'incremental.margin', 'incremental.r5', 'incremental.assets', 'incremental.cost', 'incremental.roi'] as const;

/** The model version a report names (the package's version, set by Vite; 'dev' in tests). */
export const MODEL_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
declare const __APP_VERSION__: string | undefined;

const fmt = (x: number, kind: NumberKind, lang: Lang) => (kind === 'count' ? translate(lang, 'unit.people', { value: formatKind(x, kind, lang) }) : formatKind(x, kind, lang));

/** The strongest drivers of a figure's spread (by |PRCC|), at most `n`. */
export function topDrivers(drivers: readonly Driver[] | undefined, n: number): Driver[] {
  return [...(drivers ?? [])].filter((d) => d.prcc !== null).sort((a, b) => Math.abs(b.prcc!) - Math.abs(a.prcc!)).slice(0, n);
}

/** A driver's (or a tornado bar's) name for a reader: "<tactic> · <parameter>". */
export function driverName(d: { label: Text; tactic?: string }, scenario: Scenario, lang: Lang): string {
  const label = localText(d.label, lang);
  return d.tactic ? `${causeLabel(d.tactic, scenario, lang)} · ${label}` : label;
}

/**
 * The narrative paragraph, sentence by sentence: what the plan does (ΔGMV with its spread, cost, incremental ROI; the
 * headline figures above it give ΔR5 and Δassets),
 * what drives it (the tactic with the largest Shapley value when per-tactic values were computed; the assumptions the
 * spread depends on most), and how sure we are (whether the spread of outcomes stays on one side of zero, whether
 * the plan pays back its cost).
 */
export function narrative(result: SimulationResult, scenario: Scenario, contributions: ContributionReport | null, lang: Lang, ranking?: readonly RankedAssumption[] | null): string[] {
  const t = (k: MessageKey, v?: Record<string, string | number>) => translate(lang, k, v);
  const inc = result.incremental;
  if (!inc?.gmv) return [t('report.story.noBaseline')];
  const money = (x: number) => fmt(x, 'money', lang);
  const out: string[] = [];
  const g = inc.gmv;
  out.push(
    t('report.story.does', {
      n: scenario.tactics.length,
      days: scenario.days,
      gmv: money(g.mean),
      lo: money(g.p05),
      hi: money(g.p95),
      cost: inc.cost ? money(inc.cost.mean) : '—',
      roi: inc.roi ? formatKind(inc.roi.mean, 'ratio', lang) : '—',
    }),
  );
  const sh = contributions?.shapley;
  if (sh && sh.tactics.length) {
    const gmvOf = (x: (typeof sh.tactics)[number]) => x.values['R.gmv']?.value?.mean ?? 0;
    const best = [...sh.tactics].sort((a, b) => gmvOf(b) - gmvOf(a))[0]!;
    const share = g.mean !== 0 ? gmvOf(best) / g.mean : NaN;
    out.push(t('report.story.tactic', { tactic: causeLabel(best.id, scenario, lang), gmv: money(gmvOf(best)), share: Number.isFinite(share) ? formatKind(share, 'percent', lang) : '—' }));
  } else if (scenario.tactics.length > 0) {
    out.push(t('report.story.noTactics'));
  }
  // The assumptions ΔGMV moves most with: the tornado's ranking when the report has it (the appendix's table), else
  // the strongest drivers of the spread (PRCC).
  const and = lang === 'zh' ? '和' : ' and ';
  if (ranking !== undefined) {
    const top = (ranking ?? []).filter((b) => b.swing > 0).slice(0, 2);
    if (top.length) out.push(t('report.story.tornado', { drivers: top.map((d) => `“${driverName(d, scenario, lang)}”`).join(and) }));
  } else {
    const drivers = topDrivers(result.uncertainty?.drivers.gmv, 2);
    if (drivers.length) out.push(t('report.story.drivers', { drivers: drivers.map((d) => `“${driverName(d, scenario, lang)}”`).join(and) }));
  }
  out.push(t(sureKey(g), { lo: money(g.p05), hi: money(g.p95), runs: inc.runs }));
  if (inc.roi) out.push(t(inc.roi.p95 < 1 ? 'report.story.roiBelow' : inc.roi.p05 >= 1 ? 'report.story.roiAbove' : 'report.story.roiMaybe'));
  return out;
}

/** How sure: the spread of outcomes above zero, below zero, or across it. */
function sureKey(g: IncrementalFigure): MessageKey {
  return g.p05 > 0 ? 'report.story.surePositive' : g.p95 < 0 ? 'report.story.sureNegative' : 'report.story.unsure';
}

/** The field spec at an assumption's path (`baseline.forward.R1`, `tactics[id].param(.sub)`, `wordOfMouth.q`…). */
function specAt(scenario: Scenario, path: string): FieldSpec | undefined {
  const m = /^tactics\[(.+)\]\.([^.]+)(?:\.([^.]+))?$/.exec(path);
  if (m) {
    const tactic = scenario.tactics.find((x) => x.id === m[1]);
    const spec = tactic ? getTactic(tactic.type).params[m[2]!] : undefined;
    return m[3] !== undefined && spec?.kind === 'object' ? spec.fields[m[3]] : spec;
  }
  let spec: FieldSpec | undefined = { kind: 'object', fields: scenarioSpec.fields } as FieldSpec;
  for (const part of path.split('.')) {
    if (spec?.kind === 'object') spec = spec.fields[part];
    else if (spec?.kind === 'union') spec = spec.variants.bgnbd?.fields[part];
    else return undefined;
  }
  return spec;
}

export interface AssumptionRow {
  path: string;
  name: string;
  /** Partial rank correlation with the plan's ΔGMV. */
  prcc: number;
  low: number;
  value: number;
  high: number;
  /** Where the value comes from, and why the range is as wide as it is. */
  source: Source | null;
  rangeReason: Text | null;
  /** The two as one cell, in the row's language ('—' when neither is known), and the PRCC signed to 2 decimals. */
  sourceText: string;
  prccText: string;
}

/** The assumptions that drive the spread of ΔGMV most, with the range each run drew from and where the value comes from. */
export function assumptionRows(result: SimulationResult, scenario: Scenario, lang: Lang, n = 6): AssumptionRow[] {
  return assumptionRowsOf(result.uncertainty?.drivers.gmv, scenario, lang, n);
}

/** The same from a list of drivers (a comparison's, of a paired difference). */
export function assumptionRowsOf(drivers: readonly Driver[] | undefined, scenario: Scenario, lang: Lang, n = 6): AssumptionRow[] {
  const ranges = new Map(assumptionRanges(scenario).map((r) => [r.path, r]));
  return topDrivers(drivers, n).flatMap((d) => {
    const r = ranges.get(d.path);
    if (!r) return [];
    return [{ path: d.path, name: driverName(d, scenario, lang), prcc: d.prcc!, low: r.low, value: r.mode, high: r.high, ...sourceOf(scenario, d.path, lang), prccText: prccText(d.prcc!) }];
  });
}

/** A PRCC signed to 2 decimals with a true minus. */
function prccText(x: number): string {
  return (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(2);
}

/** Where an assumption's value comes from and why its range is as wide as it is, and the two as one cell. */
function sourceOf(scenario: Scenario, path: string, lang: Lang): { source: Source | null; rangeReason: Text | null; sourceText: string } {
  const spec = specAt(scenario, path);
  const num = spec?.kind === 'number' ? spec : null;
  const source = num?.source ?? null;
  const rangeReason = num?.plausible?.reason ?? null;
  const sourceText = [source, rangeReason].filter((x) => x !== null).map((x) => localText(x, lang)).join(lang === 'zh' ? ';' : '; ') || '—';
  return { source, rangeReason, sourceText };
}

/** One row of the report's "assumptions that matter most", in the tornado's order. */
export interface TornadoRow {
  path: string;
  name: string;
  /** The plausible range and the value used. */
  low: number;
  value: number;
  high: number;
  /** The figure (ΔGMV, yuan) with the assumption at the low and the high end, the others as stated (mean field: expected). */
  atLow: number;
  atHigh: number;
  /** |atHigh − atLow|. */
  swing: number;
  /** By Monte Carlo, when the tornado ran this bar so: the mean paired swing high − low and its 90 % confidence interval. */
  mcSwing: { mean: number; ci90: [number, number] | null } | null;
  /** PRCC with the run's ΔGMV across its runs (all assumptions drawn), when the run drew them; else null and '—'. */
  prcc: number | null;
  prccText: string;
  source: Source | null;
  rangeReason: Text | null;
  sourceText: string;
}

/**
 * The report's "assumptions that matter most": the first `n` of a tornado's ranking (src/planner/tornado.ts
 * `tornadoRanking`), in that order, each with its PRCC from the run's drivers when the run drew the assumptions.
 */
export function tornadoRows(ranking: readonly RankedAssumption[], drivers: readonly Driver[] | undefined, scenario: Scenario, lang: Lang, n = 6): TornadoRow[] {
  const prcc = new Map((drivers ?? []).filter((d) => d.prcc !== null).map((d) => [d.path, d.prcc!]));
  return ranking.slice(0, n).map((b) => {
    const p = prcc.get(b.path) ?? null;
    const sw = b.monteCarlo?.swing ?? null;
    return {
      path: b.path,
      name: driverName(b, scenario, lang),
      low: b.low,
      value: b.mode,
      high: b.high,
      atLow: b.atLow,
      atHigh: b.atHigh,
      swing: b.swing,
      mcSwing: sw ? { mean: sw.mean, ci90: sw.ci90 } : null,
      prcc: p,
      prccText: p === null ? '—' : prccText(p),
      ...sourceOf(scenario, b.path, lang),
    };
  });
}

export interface BaselineRow {
  key: 'gmv' | 'assets' | 'r5';
  label: MessageKey;
  kind: NumberKind;
  /** Mean with the plan (a total), without it (the do-nothing counterpart's mean, = total − Δ), and the Δ. */
  plan: number;
  without: number;
  delta: number;
}

/** The plan against doing nothing, as totals: with the plan, without it (same seeds), and the difference. */
export function baselineRows(result: SimulationResult): BaselineRow[] {
  const inc = result.incremental;
  if (!inc) return [];
  const rows: Array<[BaselineRow['key'], MessageKey, NumberKind, number | undefined, IncrementalFigure | null]> = [
    ['gmv', 'report.base.gmv', 'money', result.star.R.gmv?.mean, inc.gmv],
    ['assets', 'report.base.assets', 'count', result.star.S.assetsEnd?.mean, inc.assets],
    ['r5', 'report.base.r5', 'count', result.star.T.count?.R5?.mean, inc.r5],
  ];
  return rows.flatMap(([key, label, kind, plan, d]) => (plan === undefined || !d ? [] : [{ key, label, kind, plan, without: plan - d.mean, delta: d.mean }]));
}
