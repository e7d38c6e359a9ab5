import { describe, expect, expectTypeOf, it } from 'vitest';
import { config, tacticMarket } from '../helpers';
import { TACTICS } from '../../src/sim/tactics/registry';
import { tacticParams } from '../../src/sim/tactics/common';
import type { ParamsOf } from '../../src/sim/tactics/types';
import type { FieldSpec } from '../../src/lib/spec';
import { ads, type AdsParams } from '../../src/sim/tactics/ads';
import { coupons, type CouponKind } from '../../src/sim/tactics/coupons';
import { referral } from '../../src/sim/tactics/referral';
import { livestream } from '../../src/sim/tactics/livestream';

/**
 * A tactic's parameters are written once, in its specs; their type (`ParamsOf`) and the values its runtime reads
 * (`tacticParams`) are derived from them. The type checks below are checked by `tsc` (tsconfig.node.json includes the
 * tests): a parameter typed `unknown`, or a name that is not in the specs, fails the type check.
 */
const doc = { en: 'x', zh: 'x' };
const specs = {
  schedule: { kind: 'custom', expected: 'a schedule', validate: (v: unknown) => v, doc },
  budget: { kind: 'number', unit: 'yuan', min: 0, max: 10, doc },
  on: { kind: 'boolean', doc },
  tier: { kind: 'enum', values: ['R1', 'R2'] as const, doc },
  tiers: { kind: 'array', maxItems: 3, items: { kind: 'enum', values: ['R3', 'R4'] as const, doc }, doc },
  rung: { kind: 'object', fields: { people: { kind: 'number', unit: 'people', min: 1, max: 9, doc } }, doc },
} as const satisfies Record<string, FieldSpec>;

describe('a tactic parameter’s type comes from its spec', () => {
  it('by kind: number, flag, enum values, arrays and objects field by field; no schedule', () => {
    type P = ParamsOf<typeof specs>;
    expectTypeOf<P['budget']>().toEqualTypeOf<number>();
    expectTypeOf<P['on']>().toEqualTypeOf<boolean>();
    expectTypeOf<P['tier']>().toEqualTypeOf<'R1' | 'R2'>();
    expectTypeOf<P['tiers']>().toEqualTypeOf<('R3' | 'R4')[]>();
    expectTypeOf<P['rung']>().toEqualTypeOf<{ readonly people: number }>();
    expectTypeOf<keyof P>().toEqualTypeOf<'budget' | 'on' | 'tier' | 'tiers' | 'rung'>();
  });

  it('for the tactics: numbers are numbers, enums their listed values, and a name not in the specs is an error', () => {
    expectTypeOf<AdsParams['dailySpend']>().toEqualTypeOf<number>();
    expectTypeOf<ParamsOf<typeof coupons.params>['kind']>().toEqualTypeOf<CouponKind>();
    expectTypeOf<ParamsOf<typeof coupons.params>['channel']>().toEqualTypeOf<'all' | 'groups' | 'wecom' | 'members'>();
    expectTypeOf<ParamsOf<typeof coupons.params>['lapsedOnly']>().toEqualTypeOf<boolean>();
    expectTypeOf<ParamsOf<typeof referral.params>['inviteRate']>().toEqualTypeOf<number>();
    expectTypeOf<ParamsOf<typeof livestream.params>>().toHaveProperty('sessionCost');
    // @ts-expect-error a misspelt parameter is not a property of the derived type
    expectTypeOf<AdsParams['dailySpent']>().toEqualTypeOf<number>();
    expect(ads.params.dailySpend.kind).toBe('number');
  });
});

describe('tacticParams reads a validated config by its specs', () => {
  it('every field but the schedule, in the specs’ order, values as given', () => {
    const given = { budget: 3, on: false, tier: 'R2', tiers: ['R4'], rung: { people: 2 }, extra: 1 };
    const prm = tacticParams(specs, given);
    expect(Object.keys(prm)).toEqual(['budget', 'on', 'tier', 'tiers', 'rung']);
    expect(prm).toEqual({ budget: 3, on: false, tier: 'R2', tiers: ['R4'], rung: { people: 2 } });
  });

  it('a missing number or flag is an error that names it (compile.ts fills every default, so this is a bug)', () => {
    expect(() => tacticParams(specs, { on: true })).toThrow(/budget/);
    expect(() => tacticParams(specs, { budget: '3', on: true })).toThrow(/budget/);
    expect(() => tacticParams(specs, { budget: 3 })).toThrow(/\bon\b/);
  });

  it.each(Object.keys(TACTICS))('%s: a compiled config at its defaults holds a value of its kind for every spec', (type) => {
    const def = TACTICS[type]!;
    const cfg = config({ ...tacticMarket({ days: 10, runs: 1, seed: 1, agents: 100 }), tactics: [{ id: 't', type }] });
    const prm = tacticParams(def.params, cfg.tactics[0]!.params) as Record<string, unknown>;
    const names = Object.keys(def.params).filter((k) => k !== 'schedule');
    expect(Object.keys(prm)).toEqual(names);
    for (const k of names) {
      const kind = def.params[k]!.kind;
      if (kind === 'number') expect(typeof prm[k], k).toBe('number');
      if (kind === 'boolean') expect(typeof prm[k], k).toBe('boolean');
      if (kind === 'enum') expect((def.params[k] as { values: readonly unknown[] }).values, k).toContain(prm[k]);
    }
  });
});
