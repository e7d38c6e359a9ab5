import { describe, expect, expectTypeOf, it } from 'vitest';
import { config, runAll } from '../helpers';
import { causeNames } from '../../src/sim/config';
import { figureKeys } from '../../src/sim/results/digest';
import { familyOf, FIGURES, type FigureKey } from '../../src/sim/results/figures';
import { GLOSSARY } from '../../src/sim/results/glossary';
import type { CauseSummary, SimulationResult } from '../../src/sim/results/result';
import { SHAPLEY_KEYS } from '../../src/sim/results/shapley';
import { CONFLICT_KEYS, EFFECT_KEYS } from '../../src/sim/results/contributions';

/**
 * Every per-run figure is declared once, in figures.ts (name, unit, scope, the function computing it). The digest's
 * values, the result's `star` and `byCause` blocks, the lists other modules report and the glossary all follow it.
 * These tests fail when a figure is added (or renamed) in one of those places and not in the registry:
 * - at run time, the result's blocks hold exactly the registry's figures, in its order;
 * - in the type check (tsc includes the tests), the result's declared type (result.ts) has exactly the registry's
 *   S/T/A/R and cause fields, and every list of figure names is typed by the registry's names;
 * - the glossary's per-run entries name registry figures, with the same unit and scope.
 */

type Fam = (typeof FIGURES)[number]['key'];
/** The field a family is under in its block: `R.gmvByTier.*` → `gmvByTier`. */
type FieldOf<K, G extends string> = K extends `${G}.${infer N}.*` ? N : K extends `${G}.${infer N}` ? (N extends `${string}.${string}` ? never : N) : never;
type CauseField<K> = K extends `cause.*.${infer N}` ? N : never;

// A 400-day plan with a margin, an event tactic (livestream), a tactic with its own metrics and a cohort year, so every
// family has parts.
const c = config({
  days: 400,
  runs: 2,
  margin: 0.4,
  population: { agents: 2000, scale: 5 },
  tactics: [
    { id: 'live', type: 'livestream', schedule: { weekly: ['sat'] } },
    { id: 'cp', type: 'coupons', schedule: { weekly: ['mon'] } },
  ],
});
const keys = figureKeys(c);
const result = runAll(c).result();

/** The figure keys of a nested block, in its order (`{ count: { R0 } }` under T → `T.count.R0`). */
function leaves(prefix: string, block: Record<string, unknown>): string[] {
  return Object.entries(block).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' && !('mean' in v) ? leaves(`${prefix}.${k}`, v as Record<string, unknown>) : [`${prefix}.${k}`],
  );
}

describe('the figure registry', () => {
  it('names each figure once; every family has a unit and a scope; every key finds its family again', () => {
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(FIGURES.map((f) => f.key)).size).toBe(FIGURES.length);
    for (const f of FIGURES) {
      expect(f.unit, f.key).toBeTruthy();
      expect(['total', 'incremental'], f.key).toContain(f.scope);
    }
    for (const k of keys) expect(familyOf(k)?.family.key.replace('*', familyOf(k)!.part), k).toBe(k);
    // Every family shows up for this config (so the checks below cover all of them).
    for (const f of FIGURES) expect(keys.some((k) => familyOf(k)?.family === f), f.key).toBe(true);
  });

  it('the result’s star block holds exactly the registry’s S, T, A and R figures, in its order', () => {
    const star = (['S', 'T', 'A', 'R'] as const).flatMap((g) => leaves(g, result.star[g] as Record<string, unknown>));
    expect(star).toEqual(keys.filter((k) => /^[STAR]\./.test(k)));
    // Stats, not placeholders: the figures were looked up by name.
    expect(result.star.R.gmv?.mean).toBeGreaterThan(0);
    expect(result.star.R.repurchaseWithin['1y']).toBeDefined();
  });

  it('each cause’s account holds exactly the registry’s cause figures, and tactics their metrics', () => {
    const names = causeNames(c);
    expect(Object.keys(result.byCause)).toEqual(names);
    for (const name of names) {
      const account = Object.keys(result.byCause[name]!).filter((k) => k !== 'movesMatrix' && k !== 'dailyCost');
      expect(account.map((f) => `cause.${name}.${f}`)).toEqual(keys.filter((k) => k.startsWith(`cause.${name}.`)));
    }
    expect(Object.entries(result.tactics).flatMap(([id, m]) => Object.keys(m).map((k) => `tactic.${id}.${k}`))).toEqual(keys.filter((k) => k.startsWith('tactic.')));
  });

  it('the result’s declared type has the registry’s fields (checked by tsc)', () => {
    expectTypeOf<keyof SimulationResult['star']['S']>().toEqualTypeOf<FieldOf<Fam, 'S'>>();
    expectTypeOf<keyof SimulationResult['star']['T']>().toEqualTypeOf<FieldOf<Fam, 'T'>>();
    expectTypeOf<keyof SimulationResult['star']['A']>().toEqualTypeOf<FieldOf<Fam, 'A'>>();
    expectTypeOf<keyof SimulationResult['star']['R']>().toEqualTypeOf<FieldOf<Fam, 'R'>>();
    expectTypeOf<Exclude<keyof CauseSummary, 'movesMatrix' | 'dailyCost'>>().toEqualTypeOf<CauseField<Fam>>();
    expectTypeOf<'R.gmv'>().toExtend<FigureKey>();
    expectTypeOf<'T.count.R5'>().toExtend<FigureKey>();
    expectTypeOf<'cause.live.gmv'>().toExtend<FigureKey>();
    // @ts-expect-error a name that is not a registry figure is not a FigureKey
    expectTypeOf<'R.gmvv'>().toExtend<FigureKey>();
  });

  it('the figures other modules report are registry figures; Shapley splits only sums, each with a mean-field value', () => {
    for (const k of [...EFFECT_KEYS, ...SHAPLEY_KEYS, ...CONFLICT_KEYS]) expect(keys, k).toContain(k);
    for (const k of SHAPLEY_KEYS) {
      expect(familyOf(k)!.family.additive, k).toBe(true);
      expect(familyOf(k)!.family.meanField, k).toBeTypeOf('function');
    }
    // Ranks are compared between removal effects and Shapley values: a conflict figure must be in both lists.
    for (const k of CONFLICT_KEYS) {
      expect(EFFECT_KEYS as readonly string[], k).toContain(k);
      expect(SHAPLEY_KEYS as readonly string[], k).toContain(k);
    }
    // Ratios are not additive: no ratio-unit family claims to be.
    for (const f of FIGURES) if (['share', 'perMonth', 'perWeek', 'yuanPerOrder', 'yuanPerYuan', 'ordersPerBuyer'].includes(f.unit)) expect(f.additive, f.key).toBe(false);
  });

  it('the glossary defines registry figures, with the registry’s unit and scope', () => {
    const unitText: Record<string, string> = {
      people: 'people',
      orders: 'orders',
      yuan: '¥',
      yuanPerOrder: '¥',
      yuanPerYuan: '× (yuan per yuan)',
      share: '% of the denominator',
      perMonth: '% per month',
      perWeek: '% per week',
      ordersPerBuyer: 'orders per person',
    };
    const perRun = GLOSSARY.filter((g) => !g.id.startsWith('incremental.'));
    expect(perRun.length).toBeGreaterThan(15);
    for (const g of perRun) {
      // A family is named without its part: `T.shareEnd` for T.shareEnd.*, `E.ordersPerBuyer` for E.*.ordersPerBuyer.
      const f = FIGURES.find((x) => x.key.replace('.*', '') === g.id);
      expect(f, g.id).toBeDefined();
      expect(g.unit.en, g.id).toBe(unitText[f!.unit]);
      expect(g.scope, g.id).toBe(f!.scope);
    }
  });
});
