import type { FieldSpec, NumberSpec } from '../../lib/spec';
import type { Text } from '../../lib/text';
import type { Unit } from '../../lib/units';
import { scheduleSpec } from '../schedule';

/** Parameter-spec helpers shared by the tactic modules, so each declares only what is its own. */
export function num(
  unit: Unit,
  min: number,
  max: number,
  def: number,
  source: string,
  doc: Text,
  extra: Partial<NumberSpec> = {},
): NumberSpec {
  return { kind: 'number', unit, min, max, default: def, source, doc, ...extra };
}

export function prob(def: number, source: string, doc: Text, max = 1): NumberSpec {
  return num('probabilityPerDay', 0, max, def, source, doc);
}

export function share(def: number, source: string, doc: Text): NumberSpec {
  return num('share', 0, 1, def, source, doc);
}

export function halfLife(def: number, source: string): NumberSpec {
  return num('days', 0, 365, def, source, {
    en: 'Carry-over half-life: days until the effect of one day’s effort halves (geometric adstock)',
    zh: '延续效应半衰期:单日投入的效果减半所需天数(几何衰减)',
  });
}

export function hillShape(def: number, source: string): NumberSpec {
  return num('shape', 0.3, 5, def, source, {
    en: 'Hill shape s: ≤ 1 concave (every extra unit does less), > 1 S-shaped (a threshold before it works)',
    zh: 'Hill 形状参数 s:≤1 为凹形(边际递减),>1 为 S 形(需越过门槛才见效)',
  });
}

export function schedule(def: Record<string, unknown>): FieldSpec {
  return { ...scheduleSpec, default: def } as FieldSpec;
}

/** Read a validated numeric parameter (compile.ts filled every default). */
export function p(params: Record<string, unknown>, key: string): number {
  const v = params[key];
  if (typeof v !== 'number') throw new TypeError(`tactic parameter ${key} is missing`);
  return v;
}
