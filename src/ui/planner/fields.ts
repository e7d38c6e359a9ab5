import type { Lang } from '../../lib/text';
import type { Scenario } from '../../scenario/types';
import { getTactic } from '../../sim';
import { pathLabel } from '../lib/path-label';
import type { MessageKey } from '../../i18n/en';

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

/** Every top-level numeric tactic parameter, then the baseline's rates, word of mouth and the order value. */
export function numberFields(s: Scenario, lang: Lang): NumberField[] {
  const out: NumberField[] = [];
  s.tactics.forEach((t, k) => {
    const def = getTactic(t.type);
    for (const [name, spec] of Object.entries(def.params)) {
      if (spec.kind !== 'number' || typeof t[name] !== 'number') continue;
      const path = `tactics[${k}].${name}`;
      out.push({ path, label: pathLabel(path, s, lang), value: t[name] as number, min: spec.min, max: spec.max, integer: !!spec.integer, tactic: k });
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

export const FIGURE_KEYS = [
  'incremental.gmv',
  'incremental.margin',
  'incremental.profit',
  'incremental.r5',
  'incremental.assets',
  'incremental.orders',
  'incremental.firstPurchases',
  'incremental.roi',
  'gmv',
  'assets',
  'r1',
  'r2',
  'r3',
  'r4',
  'r5',
  'orders',
  'firstPurchases',
  'cost',
] as const;

export function figureKey(f: string): MessageKey {
  return `planner.fig.${f}` as MessageKey;
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
