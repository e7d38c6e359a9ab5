import type { Scenario } from './types';

/**
 * The "do nothing" baseline of a scenario: the same market, organic flows, seed and runs, without any tactic. Every
 * preset is compared against it (Covasim's baseline-plus-overrides idea): differences come from the tactics alone.
 */
export function doNothing(s: Scenario): Scenario {
  const suffix = { en: ' · do nothing', zh: ' · 不做任何动作' };
  const name = typeof s.name === 'string' ? `${s.name}${suffix.en}` : { en: `${s.name.en ?? s.name.zh ?? ''}${suffix.en}`, zh: `${s.name.zh ?? s.name.en ?? ''}${suffix.zh}` };
  return { ...structuredClone(s), id: `${s.id}--do-nothing`.slice(0, 64), name, tactics: [] };
}

/** A scenario without one tactic (for the removal effect and for "what if we drop it"). */
export function withoutTacticId(s: Scenario, tacticId: string): Scenario {
  return { ...structuredClone(s), tactics: s.tactics.filter((t) => t.id !== tacticId) };
}
