import { describe, expect, it } from 'vitest';
import { causeNames } from '../../src/sim/config';
import { digestRun, figureKeys } from '../../src/sim/results/digest';
import { Recorder } from '../../src/sim/results/recorder';
import { Summary } from '../../src/sim/results/summary';
import { ledgerWindows } from '../../src/sim/results/brand-figures';
import { config } from '../helpers';

/**
 * The per-run figures of a hand-made run record, checked against values worked out by hand. Growth and shares are
 * ratios: growth is (end − start) ÷ start, a share is a tier ÷ the assets (R1–R5) on the same day.
 */
describe('a run’s figures from a hand-made record', () => {
  const c = config({ days: 2, runs: 1, population: { agents: 100, scale: 10 } });
  /** The run's digest, made anew for each figure a test reads: made here, in the describe body, it would be made before
   * StrykerJS switches a mutant on (docs/testing.md § Mutation testing). */
  const digest = () => {
    const rec = new Recorder(0, 2, causeNames(c).length);
    //                     R0  R1  R2  R3  R4  R5      assets (R1–R5)
    rec.tiers(0, Float64Array.from([50, 20, 10, 10, 6, 4])); // 50
    rec.tiers(1, Float64Array.from([40, 25, 12, 11, 7, 5])); // 60
    rec.tiers(2, Float64Array.from([30, 30, 15, 12, 8, 5])); // 70
    return digestRun(rec.rec, c);
  };
  const fig = (k: string) => digest().figures[figureKeys(c).indexOf(k)]!;

  it('growth rate divides the change by the assets at the start', () => {
    // (70 − 50) / 50 = 0.4; dividing by the end would give 20 / 70 = 0.2857.
    expect(fig('S.growthRate')).toBeCloseTo(0.4, 12);
    expect(fig('S.assetsStart')).toBe(500);
    expect(fig('S.assetsEnd')).toBe(700);
    expect(fig('S.netChange')).toBe(200);
  });

  it('each tier’s growth divides by that tier at the start; shares divide by the assets of the same day', () => {
    expect(fig('T.growth.R1')).toBeCloseTo((30 - 20) / 20, 12); // 0.5
    expect(fig('T.growth.R2')).toBeCloseTo((15 - 10) / 10, 12); // 0.5
    expect(fig('T.growth.R4')).toBeCloseTo((8 - 6) / 6, 12); // 0.333…
    expect(fig('T.growth.R5')).toBeCloseTo((5 - 4) / 4, 12); // 0.25
    expect(fig('T.shareStart.R5')).toBeCloseTo(4 / 50, 12);
    expect(fig('T.shareEnd.R5')).toBeCloseTo(5 / 70, 12);
    expect(fig('T.shareEnd.R4')).toBeCloseTo(8 / 70, 12);
  });

  it('a shrinking crowd has a negative growth rate, and the summary carries it through', () => {
    const r2 = new Recorder(0, 2, causeNames(c).length);
    r2.tiers(0, Float64Array.from([50, 20, 10, 10, 6, 4])); // 50
    r2.tiers(2, Float64Array.from([60, 16, 8, 8, 5, 3])); // 40
    const d2 = digestRun(r2.rec, c);
    // (40 − 50) / 50 = −0.2; over the end it would be −0.25.
    expect(d2.figures[figureKeys(c).indexOf('S.growthRate')]).toBeCloseTo(-0.2, 12);
    const s = new Summary(c);
    s.add(d2);
    expect(s.result().star.S.growthRate!.mean).toBeCloseTo(-0.2, 12);
  });
});

describe('a run’s order-ledger figures from its window tallies', () => {
  it('reads each window’s tallies by window and field (windows × buyers, repeaters, orders, gmv, brought, broughtRepeaters)', () => {
    // 70 days from Monday 2 March 2026: one full calendar month (April, window 0) and live's 10 Saturdays (windows 1–10).
    const c = config({ days: 70, runs: 1, population: { agents: 100, scale: 10 }, tactics: [{ id: 'live', type: 'livestream', schedule: { weekly: ['sat'] } }] });
    const windows = ledgerWindows(c);
    expect(windows.map((w) => w.kind)).toEqual(['month', ...Array(10).fill('event')]);
    const rec = new Recorder(0, 70, causeNames(c).length);
    // Window w: buyers 10 + w, repeaters 1 + w, orders 20 + 3w, GMV 100w, brought 2 + w, brought repeaters w mod 2.
    rec.rec.ledgerWindows = Float64Array.from(windows.flatMap((_, w) => [10 + w, 1 + w, 20 + 3 * w, 100 * w, 2 + w, w % 2]));
    const keys = figureKeys(c);
    const d = digestRun(rec.rec, c);
    const fig = (k: string) => d.figures[keys.indexOf(k)]!;
    // April: 1 of 10 buyers ordered twice; 20 orders over 10 buyers.
    expect(fig('R.monthlyRepurchase')).toBeCloseTo(0.1, 12);
    expect(fig('R.ordersPerMonthlyBuyer')).toBeCloseTo(2, 12);
    // Windows 1–10 pooled: orders Σ(20 + 3w) = 365, buyers Σ(10 + w) = 155, repeaters Σ(1 + w) = 65,
    // brought Σ(2 + w) = 75 of whom Σ(w mod 2) = 5 ordered twice.
    expect(fig('E.live.ordersPerBuyer')).toBeCloseTo(365 / 155, 12);
    expect(fig('E.live.multiOrderShare')).toBeCloseTo(65 / 155, 12);
    expect(fig('E.live.broughtMultiOrderShare')).toBeCloseTo(5 / 75, 12);
    expect(fig('E.live.events')).toBe(10);
  });
});
