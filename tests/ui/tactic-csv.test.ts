import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { compileScenario } from '../../src/scenario/compile';
import type { ContributionReport } from '../../src/sim/results/contributions';
import type { ShapleyReport } from '../../src/sim/results/shapley';
import { humanCsv } from '../../src/ui/lib/figures-csv';
import { causedCsv, removalCsv, shapleyCsv, tacticCostCsv } from '../../src/ui/lib/tactic-csv';
import { runAll, scenario } from '../helpers';

/**
 * CSVs whose rows are tactics or causes name them as the reader does, in the chosen language: a Chinese CSV read
 * back (d3-dsv's parser, not ours) has no tactic id and no cause key in any cell. The labels expected are written
 * out by hand (优惠券 is the coupon tactic's name, 直播 the livestream's; 自然基线, 衰减与流失 and 口碑传播 the built-in
 * causes').
 */
const s = scenario({ runs: 2, days: 20, population: { agents: 300 }, tactics: [{ id: 'c1', type: 'coupons' }, { id: 'live7', type: 'livestream' }] });
const MACHINE = ['c1', 'live7', 'baseline', 'decay', 'wordOfMouth', 'sum (the plan)'];

/** Every cell of a CSV as the app saves it (header in words, byte-order mark), read back. */
function cells(csv: string): { columns: string[]; rows: string[][] } {
  const text = humanCsv(csv, 'zh');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const parsed = csvParse(text.slice(1));
  return { columns: parsed.columns, rows: parsed.map((r) => parsed.columns.map((c) => r[c] ?? '')) };
}

function expectNoMachineCell(rows: string[][]): void {
  for (const row of rows) for (const cell of row) expect(MACHINE, cell).not.toContain(cell);
}

describe('CSVs of tactics and causes, in Chinese', () => {
  it('orders through each cause: the causes and tactics by their Chinese names, the numbers kept', () => {
    const result = runAll(compileScenario(s)).result();
    const { columns, rows } = cells(causedCsv(result, s, 'zh'));
    expect(columns[0]).toBe('来源');
    expect(rows.map((r) => r[0])).toEqual(['自然基线', '衰减与流失', '口碑传播', '优惠券', '直播']);
    expectNoMachineCell(rows);
    expect(Number(rows[3]![1])).toBe(result.byCause['c1']!.orders!.mean);
  });

  it('cost by tactic, Shapley values and removal effects: each tactic by its name, the total in words', () => {
    const cost = cells(tacticCostCsv(['c1', 'live7'], [{ mean: 10, lo: 8, hi: 12 }, { mean: 5 }], s, 'zh'));
    expect(cost.rows).toEqual([
      ['优惠券', '10', '8', '12'],
      ['直播', '5', '', ''],
    ]);
    const stat = (mean: number) => ({ value: { mean, sd: 0, p05: mean, p50: mean, p95: mean }, ci90: [mean - 1, mean + 1] as [number, number] });
    const sh = {
      tactics: [
        { id: 'c1', values: { 'R.gmv': stat(100) }, roi: 2, marginRoi: null },
        { id: 'live7', values: { 'R.gmv': stat(50) }, roi: 1, marginRoi: null },
      ],
      total: { 'R.gmv': stat(150) },
    } as unknown as ShapleyReport;
    const shapley = cells(shapleyCsv(sh, s, 'zh'));
    expect(shapley.rows.map((r) => r[0])).toEqual(['优惠券', '直播', '合计(整个方案)']);
    expect(shapley.rows.map((r) => r[1])).toEqual(['100', '50', '150']);
    expectNoMachineCell(shapley.rows);
    const diff = { a: null, b: null, diff: { mean: -7, sd: 0, p05: -7, p50: -7, p95: -7 }, ci90: [-9, -5] as [number, number], pBgtA: 0.25 };
    const rep = { tactics: [{ id: 'live7', effect: { 'R.gmv': diff }, incrementalRoi: 1.5 }] } as unknown as ContributionReport;
    const removal = cells(removalCsv(rep, s, 'zh'));
    expect(removal.rows[0]![0]).toBe('直播');
    expectNoMachineCell(removal.rows);
  });

  it('in English the same rows carry the English names', () => {
    const result = runAll(compileScenario(s)).result();
    const parsed = csvParse(humanCsv(causedCsv(result, s, 'en'), 'en').slice(1));
    expect(parsed.map((r) => r[parsed.columns[0]!])).toEqual(['Organic baseline', 'Decay and lapsing', 'Word of mouth', 'Coupons', 'Livestream']);
  });
});
