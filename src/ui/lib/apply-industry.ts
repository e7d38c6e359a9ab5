import { applyIndustry } from '../../scenario/apply-industry';
import type { IndustryId } from '../../scenario/industries';
import type { Scenario } from '../../scenario/types';

/**
 * Apply an industry preset to the draft as the user wrote it: the format's own `applyIndustry` decides what changes
 * (flows, repeat parameters, order values, margin, seasonality, industry-dependent tactic parameters), and only those
 * values are written into the draft, so fields the user left to their defaults stay left out.
 */
export function applyIndustryToDraft(raw: Record<string, unknown>, scenario: Scenario, id: IndustryId): Record<string, unknown> {
  const applied = applyIndustry(scenario, id);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const out = structuredClone(raw);
  for (const k of ['industry', 'margin', 'seasonality'] as const) if (!same(applied[k], scenario[k]) || k === 'industry') out[k] = structuredClone(applied[k]);
  const baseline = { ...((out.baseline ?? {}) as Record<string, unknown>) };
  for (const k of Object.keys(applied.baseline) as Array<keyof Scenario['baseline']>) {
    if (!same(applied.baseline[k], scenario.baseline[k])) baseline[k] = structuredClone(applied.baseline[k]);
  }
  out.baseline = baseline;
  if (Array.isArray(raw.tactics)) {
    out.tactics = (raw.tactics as Record<string, unknown>[]).map((t, i) => {
      const before = scenario.tactics[i] as Record<string, unknown> | undefined;
      const after = applied.tactics[i] as Record<string, unknown> | undefined;
      if (!before || !after) return t;
      const copy = { ...t };
      for (const k of Object.keys(after)) if (!same(after[k], before[k])) copy[k] = structuredClone(after[k]);
      return copy;
    });
  }
  return out;
}
