import type { Lang } from '../../lib/text';
import type { Scenario } from '../../scenario/types';
import { getTactic } from '../../sim';
import { pathLabel } from '../lib/path-label';
import type { MessageKey } from '../../i18n/en';
import { translate } from '../../i18n/index';
import { formatKind, plain } from '../../i18n/numbers';
import { figureCatalogue, figureInfo, INCREMENTAL_FIGURES, type FigureGroup, type FigureInfo } from '../../planner/figures';
import { compileScenario } from '../../scenario/compile';
import { definition } from '../../sim';
import { tacticLabelOf } from '../lib/tactic-labels';

/** A numeric field of the open scenario the planner may vary, with the editor's label. */
export interface NumberField {
  path: string;
  label: string;
  value: number;
  min: number;
  max: number;
  integer: boolean;
  /** Index of its tactic, when it is a tactic parameter. */
  tactic?: number;
}

/** Every top-level numeric tactic parameter (and its cadence, every N days, when it has one), then the baseline's rates, word of mouth and the order value. */
export function numberFields(s: Scenario, lang: Lang): NumberField[] {
  const out: NumberField[] = [];
  s.tactics.forEach((t, k) => {
    const def = getTactic(t.type);
    for (const [name, spec] of Object.entries(def.params)) {
      if (spec.kind !== 'number' || typeof t[name] !== 'number') continue;
      const path = `tactics[${k}].${name}`;
      out.push({ path, label: pathLabel(path, s, lang), value: t[name] as number, min: spec.min, max: spec.max, integer: !!spec.integer, tactic: k });
    }
    // The tactic's cadence ("every N days"), when its schedule has one: how often it runs.
    const every = (t.schedule as { everyDays?: unknown } | undefined)?.everyDays;
    if (typeof every === 'number') {
      const path = `tactics[${k}].schedule.everyDays`;
      out.push({ path, label: pathLabel(path, s, lang), value: every, min: 1, max: 366, integer: true, tactic: k });
    }
  });
  const rate = (path: string, value: number) => out.push({ path, label: pathLabel(path, s, lang), value, min: 0, max: 1, integer: false });
  for (const [k, v] of Object.entries(s.baseline.forward)) rate(`baseline.forward.${k}`, v);
  for (const [k, v] of Object.entries(s.baseline.reverse)) rate(`baseline.reverse.${k}`, v);
  rate('baseline.repeat', s.baseline.repeat);
  rate('wordOfMouth.q', s.wordOfMouth.q);
  out.push({ path: 'baseline.orderValue.mean', label: pathLabel('baseline.orderValue.mean', s, lang), value: s.baseline.orderValue.mean, min: 0, max: 1e7, integer: false });
  return out;
}

export interface NumCheck {
  min?: number;
  max?: number;
  integer?: boolean;
  /** The minimum itself is not allowed. */
  above?: boolean;
}

/** A typed number, or the message key (and values) saying what is wrong with it. */
export function parseNum(text: string, c: NumCheck = {}): { ok: true; value: number } | { ok: false; key: MessageKey; vars?: Record<string, string | number> } {
  const s = text.trim().replace(/,/g, '');
  if (s === '') return { ok: false, key: 'planner.err.required' };
  const v = Number(s);
  if (!Number.isFinite(v)) return { ok: false, key: 'planner.err.number' };
  if (c.integer && !Number.isInteger(v)) return { ok: false, key: 'planner.err.whole' };
  if (c.min !== undefined && (v < c.min || (c.above && v === c.min))) return { ok: false, key: 'planner.err.min', vars: { min: c.min } };
  if (c.max !== undefined && v > c.max) return { ok: false, key: 'planner.err.max', vars: { max: c.max } };
  return { ok: true, value: v };
}

/** The figures the planner tools list (legacy name kept for the tools that import it). */
export const FIGURE_KEYS = [...INCREMENTAL_FIGURES.slice(0, 8), 'gmv', 'assets', 'r1', 'r2', 'r3', 'r4', 'r5', 'orders', 'firstPurchases', 'cost'] as const;

export function figureKey(f: string): MessageKey {
  return `planner.fig.${f}` as MessageKey;
}

const FIXED_LABELS = new Set<string>(FIGURE_KEYS);

/**
 * A figure's label with its unit and whether it is a total or the plan's effect, in the reader's language: the
 * planner's own words for the first figures, the glossary's name and unit (src/sim/results/glossary.ts) for the others, with
 * the flow, tier, tactic or years it is about.
 */
export function figureLabel(key: string, scenario: Scenario, lang: Lang): string {
  if (FIXED_LABELS.has(key)) return translate(lang, figureKey(key));
  const info = figureInfo(key);
  const def = info ? definition(info.glossary) : undefined;
  if (!info || !def) return key;
  let name = def.name[lang];
  if (info.pair) name = name.replace('i → j', info.pair.replace('>', ' → '));
  if (info.tier) name = `${name} · ${info.tier}`;
  if (info.years !== undefined) name = lang === 'zh' ? name.replace('N 年', `${info.years} 年`) : name.replace('N years', info.years === 1 ? '1 year' : `${info.years} years`);
  if (info.tactic) name = `${name} · ${tacticLabelOf(info.tactic, scenario.tactics, lang) ?? info.tactic}`;
  const scope = translate(lang, info.group === 'incremental' ? 'planner.scope.incremental' : 'planner.scope.total');
  const unit = translate(lang, `planner.unit.${info.unit}` as MessageKey);
  // A name that ends in brackets gets the unit inside them: "Total ROI (GMV ÷ cost; ×, total)".
  const open = lang === 'zh' ? '(' : ' (';
  const close = lang === 'zh' ? ')' : ')';
  const sep = lang === 'zh' ? ',' : ', ';
  if (name.endsWith(close)) return `${name.slice(0, -close.length)}${lang === 'zh' ? ';' : '; '}${unit}${sep}${scope}${close}`;
  return `${name}${open}${unit}${sep}${scope}${close}`;
}

export interface FigureOptionGroup {
  group: FigureGroup;
  label: string;
  options: Array<{ key: string; label: string; meanField: boolean }>;
}

/** Every figure of the scenario for a picker, grouped (the plan's effect, S, T, A, R, the brands' figures). */
export function figureGroups(scenario: Scenario, lang: Lang): FigureOptionGroup[] {
  let catalogue: FigureInfo[];
  try {
    catalogue = figureCatalogue(compileScenario(scenario));
  } catch {
    catalogue = FIGURE_KEYS.map((k) => figureInfo(k)!);
  }
  const groups: FigureGroup[] = ['incremental', 'S', 'T', 'A', 'R', 'brand'];
  return groups
    .map((g) => ({
      group: g,
      label: translate(lang, `planner.group.${g}` as MessageKey),
      options: catalogue.filter((x) => x.group === g).map((x) => ({ key: x.key, label: figureLabel(x.key, scenario, lang), meanField: x.meanField })),
    }))
    .filter((g) => g.options.length > 0);
}

/** A figure's value for a reader, in its unit: yuan, people, orders, a ratio, a share or rate (%), orders per person. */
export function formatFigure(key: string, v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return '—';
  const unit = figureInfo(key)?.unit ?? 'people';
  switch (unit) {
    case 'yuan':
      return formatKind(v, 'money', lang);
    case 'people':
      return translate(lang, 'unit.people', { value: formatKind(v, 'count', lang) });
    case 'orders':
      return formatKind(v, 'count', lang);
    case 'ratio':
      return formatKind(v, 'ratio', lang);
    case 'share':
    case 'monthly':
    case 'weekly':
      return formatKind(v, 'percent', lang);
    case 'perPerson':
      return plain(v, 2);
  }
}

/** Numbers for CSV: plain, no grouping. */
export function csvOf(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const cell = (v: string | number | null | undefined) => {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
    const s = String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
