import { describe, expect, it } from 'vitest';
import { TACTICS } from '../../src/sim/tactics/registry';
import { scenarioSpec, tacticSpec } from '../../src/scenario/schema';
import type { FieldSpec, ObjectSpec } from '../../src/lib/spec';
import { validateScenario } from '../../src/scenario/parse';
import { loadPresets } from '../../src/ui/lib/presets';

/**
 * Each tactic card shows its key levers and keeps the rest under "More parameters": the levers are marked once, in the
 * tactic's own parameter spec, and that mark must stay a handful, include the response curve's effort, and change
 * nothing in validation.
 */
describe('key levers', () => {
  for (const def of Object.values(TACTICS)) {
    it(`${def.type}: 3–5 key parameters, the curve's effort among them, the rest behind "More"`, () => {
      const keys = Object.entries(def.params).filter(([, f]) => f.key).map(([k]) => k);
      expect(keys.length, keys.join(', ')).toBeGreaterThanOrEqual(3);
      expect(keys.length, keys.join(', ')).toBeLessThanOrEqual(5);
      if (def.curve) expect(keys).toContain(def.curve.effortParam);
      // The schedule has its own disclosure on the card; it is not counted among the levers.
      expect(keys).not.toContain('schedule');
      // The union variant the editor reads carries the same marks.
      const variant = tacticSpec.variants[def.type] as ObjectSpec;
      expect(Object.entries(variant.fields).filter(([, f]) => (f as FieldSpec).key).map(([k]) => k)).toEqual(keys);
      expect(Object.keys(def.params).length - keys.length).toBeGreaterThan(0);
    });
  }

  it('the editor sections keep what a first edit needs in view (name, horizon, runs, agents, scale, order value)', () => {
    const f = scenarioSpec.fields;
    for (const k of ['name', 'description', 'industry', 'startDate', 'days', 'runs']) expect(f[k]!.key, k).toBe(true);
    for (const k of ['id', 'seed', 'sources', 'schemaVersion']) expect(f[k]!.key, k).toBeFalsy();
    const pop = f.population as ObjectSpec;
    for (const k of ['agents', 'scale', 'initial']) expect(pop.fields[k]!.key, k).toBe(true);
    expect((f.baseline as ObjectSpec).fields.orderValue!.key).toBe(true);
  });

  it('the mark changes no validation: every preset is valid and a bad tier mix is still caught', () => {
    const presets = loadPresets();
    expect(presets.length).toBeGreaterThan(0);
    for (const p of presets) expect(validateScenario(p.raw).ok, p.id).toBe(true);
    const bad = structuredClone(presets[0]!.raw) as { population: { initial: Record<string, number> } };
    bad.population.initial.R0 = bad.population.initial.R0! + 0.25;
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.some((e) => e.path.startsWith('population.initial'))).toBe(true);
  });
});
