import type { FieldSpec, NumberSpec, Plausible } from '../../lib/spec';
import type { Source } from '../../lib/source';
import type { Text } from '../../lib/text';
import type { Unit } from '../../lib/units';
import { scheduleSpec } from '../schedule';
import { Adstock, hill } from '../response';
import type { ParamsOf } from './types';

/** Parameter-spec helpers shared by the tactic modules, so each declares only what is its own. */
export function num(
  unit: Unit,
  min: number,
  max: number,
  def: number,
  source: Source,
  doc: Text,
  extra: Partial<NumberSpec> = {},
): NumberSpec {
  return { kind: 'number', unit, min, max, default: def, source, doc, ...extra };
}

export function share(def: number, source: Source, doc: Text): NumberSpec {
  return num('share', 0, 1, def, source, doc);
}

export function halfLife(def: number, source: Source): NumberSpec {
  return num('days', 0, 365, def, source, {
    en: 'Carry-over half-life: days until the effect of one day’s effort halves (geometric adstock)',
    zh: '延续效应半衰期:单日投入的效果减半所需天数(几何衰减)',
  });
}

export function hillShape(def: number, source: Source): NumberSpec {
  return num('shape', 0.3, 5, def, source, {
    en: 'Hill shape s: ≤ 1 concave (every extra unit does less), > 1 S-shaped (a threshold before it works)',
    zh: 'Hill 形状参数 s:≤1 为凹形(边际递减),>1 为 S 形(需越过门槛才见效)',
  });
}

export function schedule(def: Record<string, unknown>): FieldSpec {
  return { ...scheduleSpec, default: def } as FieldSpec;
}

/** Mark a parameter as one of the tactic's key levers, shown on its card (the rest sit under "More parameters"). */
export function key<T extends FieldSpec>(spec: T): T {
  return { ...spec, key: true };
}

/**
 * The plausible range of an assumed parameter (or of one brand's figure), declared next to its default: runs draw the
 * value from [low, high] when assumption uncertainty is on (docs/model.md § Uncertainty).
 */
export function ranged<T extends NumberSpec>(spec: T, low: number, high: number, reason: Text): T {
  return { ...spec, plausible: { low, high, reason } };
}

/** A number the brand decides (a budget, a cadence, a discount, a fee): part of the plan, never drawn. */
export function decided<T extends NumberSpec>(spec: T): T {
  return { ...spec, decision: true };
}

/** Reasons shared by many ranges, in both languages. */
export const WHY = {
  unpublished: {
    en: 'No figure is published: the range runs from clearly below to clearly above the assumption',
    zh: '没有公开数据:范围从明显低于假设值到明显高于假设值',
  },
  oneBrand: {
    en: 'One brand’s figure: other brands can sit well below or above it',
    zh: '仅来自单个品牌:其他品牌可能明显更低或更高',
  },
  cost: {
    en: 'A placeholder until the brand enters its own cost: from about a third lower to about twice as high',
    zh: '品牌填入自身成本之前的占位值:约低三成到约高一倍',
  },
  shape: {
    en: 'The curve’s shape is not measured: from more concave to more S-shaped',
    zh: '曲线形状没有实测:从边际递减更明显到 S 形更明显',
  },
  halfLife: {
    en: 'Carry-over is not measured: it may last about half as long or twice as long',
    zh: '延续效应没有实测:持续时间可能只有一半,也可能长一倍',
  },
  halfSaturation: {
    en: 'Where the effect reaches half its maximum is not measured: about half to twice the assumed effort',
    zh: '效果达到一半所需的投入没有实测:约为假设值的一半到两倍',
  },
} as const satisfies Record<string, Text>;

/** Read a validated numeric parameter (compile.ts filled every default). */
export function p(params: Record<string, unknown>, key: string): number {
  const v = params[key];
  if (typeof v !== 'number') throw new TypeError(`tactic parameter ${key} is missing`);
  return v;
}

/**
 * A tactic's parameters, typed by its specs (`ParamsOf`), from a validated config: every spec's field but the
 * schedule, in the specs' order; numbers and flags are checked to be there (compile.ts filled every default).
 */
export function tacticParams<P extends Record<string, FieldSpec>>(specs: P, params: Record<string, unknown>): ParamsOf<P> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(specs)) {
    if (k === 'schedule') continue;
    const kind = specs[k]!.kind;
    if (kind === 'number') out[k] = p(params, k);
    else if (kind === 'boolean' && typeof params[k] !== 'boolean') throw new TypeError(`tactic parameter ${k} is missing`);
    else out[k] = params[k];
  }
  return out as ParamsOf<P>;
}

/** Effort → pressure for one tactic: geometric adstock with a half-life, then Hill saturation (response.ts). */
export class EffortPressure {
  private readonly adstock: Adstock;
  constructor(
    halfLifeDays: number,
    private readonly ec: number,
    private readonly shape: number,
  ) {
    this.adstock = new Adstock(halfLifeDays);
  }
  /** Feed today's effort; returns today's pressure in [0, 1]. */
  step(effort: number): number {
    return hill(this.adstock.step(effort), this.ec, this.shape);
  }
  /** The carried-over effort (the adstock's level): all the state a checkpoint needs. */
  get level(): number {
    return this.adstock.level;
  }
  set level(v: number) {
    this.adstock.level = v;
  }
}

/** Attendance-style recency: an exponentially weighted count of past events (not normalised), for fatigue. */
export class Recency {
  private readonly theta: number;
  level = 0;
  constructor(halfLifeDays: number) {
    this.theta = halfLifeDays > 0 ? Math.pow(0.5, 1 / halfLifeDays) : 0;
  }
  /** The weight of events before today; then records today's events. */
  step(eventsToday: number): number {
    const before = this.level;
    this.level = this.theta * this.level + eventsToday;
    return before * this.theta;
  }
}

/** A per-tier parameter block (R1..R5) with the same unit, for specs such as attendance by tier. */
export function perTier(values: Record<string, number>, source: Source, doc: Text, unit: Unit, plausible?: Plausible): FieldSpec {
  return {
    kind: 'object',
    doc,
    source,
    default: values,
    fields: Object.fromEntries(
      Object.entries(values).map(([t, v]) => [t, { kind: 'number', unit, min: 0, max: 1, default: v, source, ...(plausible && { plausible }), doc: { en: `${t}`, zh: `${t}` } }]),
    ),
  } as FieldSpec;
}

/** Read a per-tier block into an array indexed by tier (missing tiers 0). */
export function tierArray(params: Record<string, unknown>, key: string): number[] {
  const block = params[key] as Record<string, number> | undefined;
  return ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'].map((t) => block?.[t] ?? 0);
}
