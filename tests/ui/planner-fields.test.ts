import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { validateScenario } from '../../src/scenario/parse';
import type { Scenario } from '../../src/scenario/types';
import { numberFields } from '../../src/ui/planner/fields';
import { sweepMeanField, sweepPoints } from '../../src/planner/sweep';

function preset(id: string): Scenario {
  const v = validateScenario(JSON.parse(readFileSync(`scenarios/${id}.json`, 'utf8')));
  if (!v.ok) throw new Error(id);
  return v.scenario;
}

describe('the fields a sweep can vary', () => {
  it('include a tactic’s cadence (every N days), labelled in both languages, and sweeping it changes how often the tactic runs', () => {
    const s = preset('apparel-member-deep-operations');
    const k = s.tactics.findIndex((t) => typeof (t.schedule as { everyDays?: number }).everyDays === 'number');
    expect(k).toBeGreaterThanOrEqual(0);
    const path = `tactics[${k}].schedule.everyDays`;
    const zh = numberFields(s, 'zh').find((f) => f.path === path);
    const en = numberFields(s, 'en').find((f) => f.path === path);
    expect(zh).toMatchObject({ value: (s.tactics[k]!.schedule as { everyDays: number }).everyDays, min: 1, max: 366, integer: true, tactic: k });
    expect(zh!.label).toMatch(/每隔 N 天$/);
    expect(en!.label).toMatch(/Every N days$/);
    // Only this tactic runs on a cadence, so: the more often it runs, the more the plan costs (expected values).
    const axes = [{ path, values: [7, 14, 28] }];
    const r = sweepPoints(s, axes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const cost = sweepMeanField(s, axes, {}, r.points).points.map((p) => p.figures['cost']!);
    expect(cost[0]!).toBeGreaterThan(cost[1]!);
    expect(cost[1]!).toBeGreaterThan(cost[2]!);
  });
});
