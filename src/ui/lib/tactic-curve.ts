import type { Text } from '../../lib/text';
import type { Unit } from '../../lib/units';
import { responseCurve, type ResponseCurve } from '../../sim';
import type { TacticDefinition } from '../../sim';

/**
 * A tactic's response curve for its card, from the engine's own `responseCurve` (which knows each tactic's
 * effort → pressure mapping, e.g. ads' spend → impressions per targeted person → Hill), evaluated on the draft's
 * parameters with every missing one taken from its default, and the scenario's initial real counts. Null when the
 * tactic has no curve or the parameters cannot give one yet (invalid while the user types).
 */
export interface TacticCurve extends ResponseCurve {
  unit: Unit;
  label: Text;
  pressureLabel: Text;
}

/** Parameters with every missing one taken from its default. */
export function paramsWithDefaults(def: TacticDefinition, params: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...params };
  for (const [k, spec] of Object.entries(def.params)) {
    if (out[k] === undefined && 'default' in spec && spec.default !== undefined) out[k] = structuredClone(spec.default);
  }
  return out;
}

export function tacticCurve(def: TacticDefinition, rawParams: Record<string, unknown>, initialReal: number[], orderValueMean: number): TacticCurve | null {
  const c = def.curve;
  if (!c) return null;
  const params = paramsWithDefaults(def, rawParams);
  for (const k of [c.ecParam, c.shapeParam, c.effortParam]) {
    const v = params[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
  }
  try {
    const curve = responseCurve(def, params, initialReal, { orderValueMean });
    if (!curve) return null;
    const { maintain, grow, flatten } = curve.marks;
    if (![maintain, grow, flatten, curve.max].every(Number.isFinite) || curve.points.some((p) => !Number.isFinite(p.pressure))) return null;
    return { ...curve, unit: c.effortUnit, label: c.effortLabel, pressureLabel: c.pressureLabel };
  } catch {
    return null;
  }
}
