import { describe, expect, it } from 'vitest';
import { config } from '../helpers';
import { causeNames } from '../../src/sim/config';
import { digestRun, figureKeys } from '../../src/sim/results/digest';
import { simulateRun } from '../../src/sim/step/model';
import { SHAPLEY_KEYS } from '../../src/sim/results/shapley';
import { CONFLICT_KEYS, EFFECT_KEYS } from '../../src/sim/results/contributions';
import { getTactic } from '../../src/sim/tactics/registry';

/**
 * The per-run figures are declared once (figures.ts); `figureKeys` gives their names and `digestRun` their values in
 * the same order; summaries, comparisons and per-tactic values then look them up by name. These tests check that
 * names and values line up: the same length, and for every block of the list a figure recomputed here from the run
 * record by its definition (docs/model.md), so a value computed for the wrong part or the wrong name fails. Lists of
 * names used elsewhere must name existing figures (tests/sim/figures.test.ts checks the rest).
 */

const PAIRS = 36;

describe('per-run figures: names and values line up', () => {
  const c = config({
    days: 70,
    runs: 1,
    population: { agents: 4000, scale: 3, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
    tactics: [
      { id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend: 5000 },
      { id: 'live-1', type: 'livestream', schedule: { weekly: ['fri'] } },
    ],
  });
  const rec = simulateRun(c, 0);
  const d = digestRun(rec, c);
  const keys = figureKeys(c);
  const fig = (k: string): number => {
    const i = keys.indexOf(k);
    if (i < 0) throw new Error(`no figure named ${k}`);
    return d.figures[i]!;
  };
  const sc = c.scale;
  const days = rec.days;
  const tierAt = (day: number, t: number) => rec.tiers[day * 6 + t]!;
  const assets = (day: number) => tierAt(day, 1) + tierAt(day, 2) + tierAt(day, 3) + tierAt(day, 4) + tierAt(day, 5);
  const sum = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0);
  const movesOf = (from: number, to: number) => {
    let m = 0;
    for (let day = 0; day < days; day++) m += rec.moves[day * PAIRS + from * 6 + to]!;
    return m;
  };
  const personDays = (t: number) => {
    let x = 0;
    for (let day = 0; day < days; day++) x += tierAt(day, t);
    return x;
  };

  it('has one value per name, and names are unique', () => {
    expect(d.figures.length).toBe(keys.length);
    expect(new Set(keys).size).toBe(keys.length);
    // The run did things, so the checks below compare non-trivial values.
    expect(sum(rec.orders)).toBeGreaterThan(0);
    expect(movesOf(0, 1)).toBeGreaterThan(0);
  });

  it('every block holds the figure its name says (recomputed from the run record)', () => {
    // S: assets = everyone but R0, in real customers (× scale).
    expect(fig('S.assetsStart')).toBeCloseTo(assets(0) * sc, 6);
    expect(fig('S.assetsEnd')).toBeCloseTo(assets(days) * sc, 6);
    expect(fig('S.netChange')).toBeCloseTo((assets(days) - assets(0)) * sc, 6);
    // T: counts at the end, shares of the assets, growth per tier.
    expect(fig('T.count.R0')).toBeCloseTo(tierAt(days, 0) * sc, 6);
    expect(fig('T.count.R5')).toBeCloseTo(tierAt(days, 5) * sc, 6);
    expect(fig('T.shareEnd.R5')).toBeCloseTo(tierAt(days, 5) / assets(days), 12);
    expect(fig('T.growth.R1')).toBeCloseTo((tierAt(days, 1) - tierAt(0, 1)) / tierAt(0, 1), 12);
    // A: monthly rates = moves ÷ person-days in the source tier × 365.25/12, first and last pairs of the block.
    expect(fig('A.rate.R0>R1')).toBeCloseTo((movesOf(0, 1) / personDays(0)) * (365.25 / 12), 12);
    expect(fig('A.rate.R5>R4')).toBeCloseTo((movesOf(5, 4) / personDays(5)) * (365.25 / 12), 12);
    // A: weekly rates, mean over full weeks of (moves in the week ÷ tier at the week's start).
    const weekly = (from: number, to: number) => {
      const rates: number[] = [];
      for (let w = 0; (w + 1) * 7 <= days; w++) {
        let m = 0;
        for (let day = w * 7; day < w * 7 + 7; day++) m += rec.moves[day * PAIRS + from * 6 + to]!;
        if (tierAt(w * 7, from) > 0) rates.push(m / tierAt(w * 7, from));
      }
      return sum(rates) / rates.length;
    };
    expect(fig('A.weekly.R0>R1')).toBeCloseTo(weekly(0, 1), 12);
    expect(fig('A.weekly.R5>R4')).toBeCloseTo(weekly(5, 4), 12);
    // R: sales, orders, average order value, buyers; R3 → R4 monthly rate as the conversion.
    expect(fig('R.gmv')).toBeCloseTo(sum(rec.gmv) * sc, 4);
    expect(fig('R.orders')).toBeCloseTo(sum(rec.orders) * sc, 6);
    expect(fig('R.aov')).toBeCloseTo(sum(rec.gmv) / sum(rec.orders), 8);
    expect(fig('R.buyers')).toBe(rec.buyers * sc);
    expect(fig('R.repurchaseRate')).toBeCloseTo(rec.repeaters / rec.buyers, 12);
    expect(fig('R.conversion')).toBeCloseTo((movesOf(3, 4) / personDays(3)) * (365.25 / 12), 12);
    expect(fig('R.entriesR4.R0')).toBeCloseTo(movesOf(0, 4) * sc, 6);
    expect(fig('R.entriesR4.R3')).toBeCloseTo(movesOf(3, 4) * sc, 6);
    let gmvR5 = 0;
    for (let day = 0; day < days; day++) gmvR5 += rec.gmvByTier[day * 6 + 5]!;
    expect(fig('R.gmvByTier.R5')).toBeCloseTo(gmvR5 * sc, 4);
    expect(fig('R.gmvShare.R5')).toBeCloseTo(gmvR5 / sum(rec.gmv), 10);
    expect(fig('R.cost')).toBeCloseTo(sum(rec.cost), 4);
    expect(fig('R.cost')).toBeGreaterThan(0);
    expect(fig('R.roi')).toBeCloseTo((sum(rec.gmv) * sc) / sum(rec.cost), 8);
    // Tactics' own metrics, in the order their definitions declare them.
    const metricKeys = c.tactics.flatMap((t) => getTactic(t.type).metrics.map((m) => `tactic.${t.id}.${m.key}`));
    metricKeys.forEach((k, j) => expect(fig(k), k).toBe(rec.tacticMetrics[j]!));
    // Each cause's account, the first and the last cause.
    const names = causeNames(c);
    for (const ci of [0, names.length - 1]) {
      const name = names[ci]!;
      expect(fig(`cause.${name}.orders`)).toBeCloseTo(rec.causeOrders[ci]! * sc, 6);
      expect(fig(`cause.${name}.gmv`)).toBeCloseTo(rec.causeGmv[ci]! * sc, 4);
      let m = 0;
      for (let p = 0; p < PAIRS; p++) m += rec.causeMoves[ci * PAIRS + p]!;
      expect(fig(`cause.${name}.moves`)).toBeCloseTo(m * sc, 6);
    }
    // The list ends with the last cause's return on cost.
    expect(keys.at(-1)).toBe(`cause.${names.at(-1)}.roi`);
  });

  it('the names other modules look figures up by all exist', () => {
    for (const k of [...EFFECT_KEYS, ...SHAPLEY_KEYS, ...CONFLICT_KEYS]) expect(keys, k).toContain(k);
  });
});
