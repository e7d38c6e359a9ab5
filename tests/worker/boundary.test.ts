import { describe, expect, it } from 'vitest';
import { config } from '../helpers';
import { digestRun } from '../../src/sim/results/digest';
import { simulateRun } from '../../src/sim/step/model';
import { runMeanField } from '../../src/sim/projection/meanfield';
import { digestBuffers, sliceRuns } from '../../src/sim/batch';
import { Summary } from '../../src/sim/results/summary';

describe('the worker boundary carries only plain data', () => {
  const c = config({
    days: 30,
    runs: 2,
    tactics: [
      { id: 'live', type: 'livestream' },
      { id: 'groups', type: 'communityGroups', groups: 10, groupBuy: { schedule: { weekly: ['fri'] } } },
      { id: 'cp', type: 'coupons', kind: 'pack', schedule: { daily: true } },
    ],
  });

  it('an engine config survives structuredClone unchanged (requests)', () => {
    expect(structuredClone(c)).toEqual(c);
  });

  it('run digests survive structuredClone, and their buffers can be transferred', () => {
    const d = digestRun(simulateRun(c, 0), c);
    const copy = structuredClone(d);
    expect(copy).toEqual(d);
    const buffers = digestBuffers(d);
    expect(buffers.length).toBeGreaterThan(5);
    const moved = structuredClone(d, { transfer: buffers });
    expect(moved.figures.length).toBe(copy.figures.length);
    expect(d.figures.byteLength).toBe(0); // detached: really transferred, not copied
  });

  it('a result assembled from cloned digests equals one from the originals (what the pool does)', () => {
    const a = new Summary(c);
    const b = new Summary(c);
    for (let r = 0; r < c.runs; r++) {
      const d = digestRun(simulateRun(c, r), c);
      a.add(structuredClone(d));
      b.add(d);
    }
    expect(JSON.stringify(a.result())).toBe(JSON.stringify(b.result()));
  });

  it('mean-field projections survive structuredClone (responses)', () => {
    const mf = runMeanField(c);
    expect(structuredClone(mf)).toEqual(mf);
  });

  it('runs are sliced into contiguous, complete, non-overlapping ranges', () => {
    for (const [runs, workers] of [[10, 3], [2, 8], [1, 1], [100, 7]] as const) {
      const slices = sliceRuns(runs, workers);
      expect(slices[0]![0]).toBe(0);
      expect(slices.at(-1)![1]).toBe(runs);
      for (let k = 1; k < slices.length; k++) expect(slices[k]![0]).toBe(slices[k - 1]![1]);
    }
  });

  it('a summary refuses digests out of run order (results never depend on which worker finished first)', () => {
    const s = new Summary(c);
    expect(() => s.add(digestRun(simulateRun(c, 1), c))).toThrow(/out of order/);
  });
});

describe('summaries in pieces (for the UI thread)', () => {
  it('resultSteps pauses for many runs and gives the same bytes as result()', async () => {
    const { compareSteps, compareSummaries } = await import('../../src/sim/results/compare');
    // Many runs of a small population: the pieces are about 20 000 values, so every series pauses several times.
    const c = config({ days: 60, runs: 800, population: { agents: 200, scale: 1, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: false } });
    const a = new Summary(c);
    const b = new Summary(c);
    const c2 = { ...c, tactics: [] };
    for (let r = 0; r < c.runs; r++) {
      a.add(digestRun(simulateRun(c, r), c));
      b.add(digestRun(simulateRun(c2, r), c2));
    }
    const g = a.resultSteps();
    let pauses = 0;
    let step = g.next();
    while (!step.done) {
      pauses++;
      step = g.next();
    }
    expect(pauses).toBeGreaterThan(20);
    expect(JSON.stringify(step.value)).toBe(JSON.stringify(a.result()));
    const cg = compareSteps(a, b, { reference: 'a', alternative: 'b' });
    let cs = cg.next();
    while (!cs.done) cs = cg.next();
    expect(JSON.stringify(cs.value)).toBe(JSON.stringify(compareSummaries(a, b, { reference: 'a', alternative: 'b' })));
  });
});
