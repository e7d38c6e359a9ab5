import type { FieldSpec, NumberSpec } from '../lib/spec';
import type { Text } from '../lib/text';
import type { AssumptionRange } from '../sim';
import { getTactic } from '../sim';
import { scenarioSpec } from './schema';
import type { Scenario } from './types';

function fieldsOf(spec: FieldSpec | undefined): Record<string, FieldSpec> {
  return spec?.kind === 'object' ? spec.fields : {};
}

/**
 * The range one value is drawn from. A relative range scales the value in use. An absolute range is the spec's when
 * the value is the default; a value the scenario sets otherwise is varied by the same relative width (low/default to
 * high/default times the value; shifted when the default is 0), clamped to the field's limits — a number typed into a
 * file is usually still an estimate (docs/model.md § Uncertainty; `uncertainty.fixed` keeps a known one exact).
 */
export function rangeFor(spec: NumberSpec, value: number): { low: number; high: number } | null {
  const r = spec.plausible;
  if (!r || spec.decision) return null;
  let low: number;
  let high: number;
  const def = spec.default;
  if (r.relative) [low, high] = [value * r.low, value * r.high];
  else if (def === undefined || value === def) [low, high] = [r.low, r.high];
  else if (def > 0) [low, high] = [(value * r.low) / def, (value * r.high) / def];
  else [low, high] = [value + r.low - def, value + r.high - def];
  low = Math.max(spec.min, Math.min(spec.max, low));
  high = Math.max(spec.min, Math.min(spec.max, high));
  if (spec.exclusiveMin && low <= spec.min) low = Math.min(value, spec.min + (high - spec.min) * 1e-3);
  low = Math.min(low, value);
  high = Math.max(high, value);
  return high > low ? { low, high } : null;
}

function labelOf(spec: FieldSpec): Text {
  return spec.label ?? spec.doc;
}

/** Every assumed parameter of a scenario with the range its runs draw it from (empty when assumptions are off). */
export function assumptionRanges(s: Scenario): AssumptionRange[] {
  const u = s.uncertainty ?? { assumptions: true, fixed: [] };
  if (!u.assumptions) return [];
  const fixed = new Set(u.fixed);
  const out: AssumptionRange[] = [];
  const add = (path: string, spec: FieldSpec | undefined, value: unknown, label: Text, tactic?: string) => {
    if (spec?.kind !== 'number' || typeof value !== 'number' || fixed.has(path)) return;
    const r = rangeFor(spec, value);
    if (r) out.push({ path, label, ...(tactic !== undefined && { tactic }), low: r.low, mode: value, high: r.high, ...(spec.integer && { integer: true }) });
  };
  const base = fieldsOf(scenarioSpec.fields.baseline);
  const b = s.baseline;
  for (const dir of ['forward', 'reverse'] as const) {
    const fields = fieldsOf(base[dir]);
    for (const [t, spec] of Object.entries(fields)) add(`baseline.${dir}.${t}`, spec, (b[dir] as Record<string, number>)[t], labelOf(spec));
  }
  add('baseline.repeat', base.repeat, b.repeat, labelOf(base.repeat!));
  add('baseline.purchaseHeadroom', base.purchaseHeadroom, b.purchaseHeadroom, labelOf(base.purchaseHeadroom!));
  if (b.repeatModel.kind === 'bgnbd') {
    const rm = base.repeatModel;
    const fields = rm?.kind === 'union' ? rm.variants.bgnbd!.fields : {};
    for (const k of ['alpha', 'b'] as const) add(`baseline.repeatModel.${k}`, fields[k], b.repeatModel[k], labelOf(fields[k]!));
  }
  const wom = fieldsOf(scenarioSpec.fields.wordOfMouth);
  add('wordOfMouth.q', wom.q, s.wordOfMouth.q, labelOf(scenarioSpec.fields.wordOfMouth!));
  for (const t of s.tactics) {
    const def = getTactic(t.type);
    for (const [name, spec] of Object.entries(def.params)) {
      const v = t[name];
      if (spec.kind === 'number') add(`tactics[${t.id}].${name}`, spec, v, labelOf(spec), t.id);
      else if (spec.kind === 'object' && v && typeof v === 'object') {
        const own = labelOf(spec);
        for (const [sub, f] of Object.entries(spec.fields)) add(`tactics[${t.id}].${name}.${sub}`, f, (v as Record<string, unknown>)[sub], { en: `${own.en} · ${sub}`, zh: `${own.zh} · ${sub}` }, t.id);
      }
    }
  }
  return out;
}
