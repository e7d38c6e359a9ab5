import { describe, expect, it } from 'vitest';
import { config, runAll } from '../helpers';
import { simulateRun } from '../../src/sim/step/model';
import { runDigests } from '../../src/sim/batch';
import { digestRun } from '../../src/sim/results/digest';
import { sized } from '../mutation-size';

const patch = {
  days: 45,
  runs: 3,
  population: { agents: sized(4000, 4000, 1000), scale: 3, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
  wordOfMouth: { q: 0.05, sources: ['R4', 'R5'] },
  tactics: [{ id: 'ads', type: 'ads', schedule: { weekly: ['sat'] }, dailySpend: 3000 }],
};

describe('determinism', () => {
  it('the same scenario, seed and runs give the same bytes of result JSON', () => {
    const a = JSON.stringify(runAll(config(patch)).result());
    const b = JSON.stringify(runAll(config(patch)).result());
    expect(a).toBe(b);
    expect(a).not.toMatch(/"(time|elapsed|date(Run)?|timestamp)"/i);
  });

  it('a run depends only on its index: each run alone equals the same run in a batch of runs 0…N', () => {
    const c = config({ ...patch, runs: 4 });
    // One batch, as a worker runs a slice: runs 0, 1, 2, 3 one after another in the same thread.
    const batch = runDigests(c, 0, 4);
    expect(batch.map((d) => d.run)).toEqual([0, 1, 2, 3]);
    for (const run of [3, 2, 1, 0]) {
      // Each run on its own (in reverse order, from a fresh start) and in a slice that starts at it.
      const alone = digestRun(simulateRun(c, run), c);
      const [inSlice] = runDigests(c, run, run + 1);
      for (const d of [alone, inSlice!]) {
        expect(d.run).toBe(run);
        expect(Array.from(d.tiers)).toEqual(Array.from(batch[run]!.tiers));
        expect(Array.from(d.gmv)).toEqual(Array.from(batch[run]!.gmv));
        expect(Array.from(d.figures)).toEqual(Array.from(batch[run]!.figures));
      }
    }
    // And the runs of a batch are not copies of one another.
    expect(Array.from(batch[2]!.tiers)).not.toEqual(Array.from(batch[1]!.tiers));
  });

  it('different seeds give different results; different runs differ too', () => {
    const a = runAll(config({ ...patch, seed: 1 })).result();
    const b = runAll(config({ ...patch, seed: 2 })).result();
    expect(a.daily.tiers.R3.mean).not.toEqual(b.daily.tiers.R3.mean);
    const c = config(patch);
    expect(Array.from(simulateRun(c, 0).tiers)).not.toEqual(Array.from(simulateRun(c, 1).tiers));
  });

  it('a seed given as a number or as the same text names the same streams', () => {
    const a = JSON.stringify(runAll(config({ ...patch, seed: 42 })).result());
    const b = JSON.stringify(runAll(config({ ...patch, seed: '42' })).result());
    expect(a).toBe(b);
  });

  it('adding a tactic that never acts changes nothing (zero effort gives exactly the baseline)', () => {
    const base = runAll(config({ ...patch, tactics: [] })).result();
    const idle = runAll(config({ ...patch, tactics: [{ id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 0 }] })).result();
    expect(idle.daily.tiers).toEqual(base.daily.tiers);
    expect(idle.totals.gmv).toEqual(base.totals.gmv);
  });
});
