import { describe, expect, it } from 'vitest';
import { baselineRows, narrative, topDrivers } from '../../src/ui/lib/report';
import type { SimulationResult } from '../../src/sim/results/result';
import type { ContributionReport } from '../../src/sim/results/contributions';
import type { IncrementalFigure } from '../../src/sim/results/incremental';
import type { Driver } from '../../src/sim/results/drivers';
import { scenario } from '../helpers';

/** The report's words and tables from a result, checked on hand-made figures (nothing here runs the engine). */

const fig = (mean: number, p05: number, p95: number): IncrementalFigure => ({ mean, sd: 1, p05, p50: mean, p95, ci90: [mean - 1, mean + 1] });
const s = scenario({ tactics: [{ id: 'c1', type: 'coupons' }, { id: 'a1', type: 'ads' }] });

function result(gmv: IncrementalFigure, roi: IncrementalFigure, drivers: Driver[] = []): SimulationResult {
  return {
    incremental: { baseline: 'b', runs: 20, gmv, margin: null, r5: fig(300, 200, 400), assets: fig(5000, 4000, 6000), newBuyers: null, cost: fig(2_000_000, 2_000_000, 2_000_000), roi, marginRoi: null, costPerNewBuyer: null },
    uncertainty: { drawn: 3, figures: {}, drivers: { gmv: drivers } },
    star: { R: { gmv: { mean: 50_000_000 } }, S: { assetsEnd: { mean: 80_000 } }, T: { count: { R5: { mean: 1_000 } } } },
  } as unknown as SimulationResult;
}

const shapley = (values: Record<string, number>): ContributionReport =>
  ({ shapley: { tactics: Object.entries(values).map(([id, v]) => ({ id, values: { 'R.gmv': { value: { mean: v } } } })) } }) as unknown as ContributionReport;

describe('the narrative', () => {
  it('says what the plan adds, which tactic gives most of it, what drives the spread and that it is sure and pays back', () => {
    const drivers: Driver[] = [
      { path: 'a', label: { en: 'Small one', zh: '小' }, prcc: 0.1, rho: 0 },
      { path: 'b', label: { en: 'Word of mouth', zh: '口碑' }, prcc: -0.8, rho: 0 },
      { path: 'c', label: { en: 'Coupon uptake', zh: '领券率' }, prcc: 0.5, rho: 0 },
    ];
    const text = narrative(result(fig(10_000_000, 6_000_000, 14_000_000), fig(5, 3, 7), drivers), s, shapley({ c1: 4_000_000, a1: 6_000_000 }), 'en').join(' ');
    expect(text).toContain('2 tactics');
    expect(text).toContain('¥10M of GMV (spread of outcomes ¥6M to ¥14M)');
    // The ads tactic has the larger Shapley value: 6M of 10M.
    expect(text).toMatch(/Most of it comes from [^:]*: its incremental value \(Shapley\) is ¥6M, 60% of the plan/);
    // The two strongest drivers by |PRCC|, strongest first.
    expect(text).toContain('“Word of mouth” and “Coupon uptake”');
    expect(text).not.toContain('Small one');
    expect(text).toContain('even the 5th percentile of ΔGMV is positive (¥6M)');
    expect(text).toContain('always exceeds the cost');
  });

  it('says when the spread crosses zero and when the plan does not pay back, in Chinese too', () => {
    const r = result(fig(1_000_000, -500_000, 2_500_000), fig(0.5, -0.2, 0.9));
    const en = narrative(r, s, null, 'en').join(' ');
    expect(en).toContain('crosses zero');
    expect(en).toContain('never covers the cost');
    expect(en).toContain('Per-tactic values have not been computed');
    const zh = narrative(r, s, null, 'zh').join('');
    expect(zh).toContain('跨越零');
    expect(zh).toContain('不足以覆盖成本');
    expect(zh).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('says the ROI is uncertain when its spread crosses 1, and that a loss is likely when even p95 is below zero', () => {
    const text = narrative(result(fig(-1_000_000, -2_000_000, -100_000), fig(0.9, 0.5, 1.3)), s, null, 'en').join(' ');
    expect(text).toContain('very likely loses GMV');
    expect(text).toContain('crosses 1');
  });
});

describe('report tables', () => {
  it('the do-nothing column is the total less the plan’s effect', () => {
    const rows = baselineRows(result(fig(10_000_000, 6_000_000, 14_000_000), fig(5, 3, 7)));
    expect(rows.map((r) => [r.key, r.plan, r.without, r.delta])).toEqual([
      ['gmv', 50_000_000, 40_000_000, 10_000_000],
      ['assets', 80_000, 75_000, 5_000],
      ['r5', 1_000, 700, 300],
    ]);
  });
  it('ranks drivers by the size of their correlation, leaving out unscreened ones', () => {
    const d = (path: string, prcc: number | null): Driver => ({ path, label: { en: path, zh: path }, prcc, rho: 0 });
    expect(topDrivers([d('a', 0.2), d('b', null), d('c', -0.9), d('e', 0.5)], 2).map((x) => x.path)).toEqual(['c', 'e']);
  });
});

describe('assumption rows, one cell each for the report and the comparison report', () => {
  it('the PRCC signed to 2 decimals with a true minus, and the source with the range’s reason in the reader’s language', async () => {
    const { assumptionRanges } = await import('../../src/scenario/assumptions');
    const { assumptionRowsOf } = await import('../../src/ui/lib/report');
    const s = scenario({ uncertainty: { assumptions: true } });
    const r = assumptionRanges(s)[0]!;
    const d = { path: r.path, label: r.label, prcc: -0.954, rho: -0.9 } as unknown as Driver;
    const [zh] = assumptionRowsOf([d], s, 'zh');
    const [en] = assumptionRowsOf([d], s, 'en');
    expect(zh!.prccText).toBe('−0.95');
    expect(assumptionRowsOf([{ ...d, prcc: 0.5 } as Driver], s, 'en')[0]!.prccText).toBe('+0.50');
    // Chinese joins with a full-width semicolon, English with '; '; never empty.
    expect(zh!.sourceText).not.toMatch(/; /);
    expect(en!.sourceText.length).toBeGreaterThan(1);
    if (en!.source && en!.rangeReason) {
      expect(en!.sourceText).toContain('; ');
      expect(zh!.sourceText).toContain(';');
    }
  });
});
