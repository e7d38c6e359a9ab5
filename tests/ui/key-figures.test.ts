import { describe, expect, it } from 'vitest';
import { runMeanField } from '../../src/sim/projection/meanfield';
import type { Stat } from '../../src/sim/results/stats';
import { ciText, intervalText } from '../../src/ui/lib/interval';
import { keyFigures } from '../../src/ui/lib/key-figures';
import { config, runAll } from '../helpers';

/** The dashboard's headline cards: which figure each STAR letter shows, and how intervals are written. */
describe('dashboard key figures', () => {
  // R4 and R5 start with different shares, so a card showing R4's share instead of R5's cannot pass.
  const c = config({ days: 30, runs: 3, population: { agents: 2000, scale: 4, initial: { R0: 0.4, R1: 0.2, R2: 0.15, R3: 0.1, R4: 0.1, R5: 0.05 } } });
  const summary = runAll(c);
  const result = summary.result();
  const projection = runMeanField(c);
  const card = (letter: string, cards = keyFigures(result, projection)) => cards.find((k) => k.letter === letter)!;

  it('T shows the share of R5 in the assets at the end, run by run', () => {
    const t = card('T');
    expect(t.label).toBe('fig.shareEnd');
    expect(t.vars).toEqual({ tier: 'R5' });
    expect(t.kind).toBe('percent');
    // Worked out here from each run's counts: R5 at the end ÷ assets (R1–R5) at the end, averaged over runs.
    const r5 = summary.figure('T.count.R5');
    const assets = summary.figure('S.assetsEnd');
    const shares = Array.from(r5, (x, r) => x / assets[r]!);
    const mean = shares.reduce((s, x) => s + x, 0) / shares.length;
    expect(t.stat!.mean).toBeCloseTo(mean, 5);
    const r4Share = Array.from(summary.figure('T.count.R4'), (x, r) => x / assets[r]!).reduce((s, x) => s + x, 0) / shares.length;
    expect(Math.abs(mean - r4Share)).toBeGreaterThan(0.01);
  });

  it('before the runs arrive, T is R5 ÷ assets at the end of the projection', () => {
    const t = card('T', keyFigures(null, projection));
    const d = c.days;
    const assets = ['R1', 'R2', 'R3', 'R4', 'R5'].reduce((s, k) => s + projection.tiers[k]![d]!, 0);
    expect(t.stat!.mean).toBeCloseTo(projection.tiers.R5![d]! / assets, 10);
    expect(t.stat!.p05).toBe(t.stat!.p95);
  });

  it('S, A and R show assets at the end, the monthly R3 → R4 conversion and GMV', () => {
    const [s, t, a, r] = keyFigures(result, projection);
    expect([s!.letter, t!.letter, a!.letter, r!.letter]).toEqual(['S', 'T', 'A', 'R']);
    expect(s!.stat).toEqual(result.star.S.assetsEnd);
    expect(a!.stat).toEqual(result.star.R.conversion);
    expect(a!.label).toBe('fig.conversion');
    expect(r!.stat).toEqual(result.star.R.gmv);
    // The projection has no conversion rate; nothing at all has no figures.
    expect(keyFigures(null, projection)[2]!.stat).toBeNull();
    expect(keyFigures(null, null).every((k) => k.stat === null)).toBe(true);
  });
});

describe('intervals as printed in the app', () => {
  it('a figure’s interval runs from p05 to p95', () => {
    expect(intervalText({ p05: 1, p95: 3 }, String)).toBe('1 – 3');
    const s: Stat = { mean: 2, sd: 1, p05: -0.5, p50: 2, p95: 4.5 };
    expect(intervalText(s, (x) => x.toFixed(1))).toBe('-0.5 – 4.5');
    expect(intervalText(null, String)).toBe('');
  });

  it('a confidence interval runs from its low to its high end', () => {
    expect(ciText([-2, 5], String)).toBe('-2 – 5');
    expect(ciText(null, String)).toBe('');
  });
});
