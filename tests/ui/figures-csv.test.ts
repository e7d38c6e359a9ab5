import { describe, expect, it } from 'vitest';
import { csvParse } from 'd3';
import { BOM, columnName, figuresCsvHuman, humanCsv, withBom } from '../../src/ui/lib/figures-csv';
import { compileScenario } from '../../src/scenario/compile';
import { doNothing } from '../../src/scenario/variants';
import { incrementalResult, withIncremental } from '../../src/sim/results/incremental';
import { runAll, scenario } from '../helpers';

/**
 * CSV for spreadsheets: a UTF-8 byte-order mark (else Excel garbles Chinese) and human headers in the reader's
 * language, read back with d3-dsv's parser (not ours).
 */
describe('CSV for spreadsheets', () => {
  it('puts the byte-order mark in front once', () => {
    expect(withBom('a,b\n').charCodeAt(0)).toBe(0xfeff);
    expect(withBom(withBom('a,b\n'))).toBe(BOM + 'a,b\n');
    expect([...new TextEncoder().encode(withBom('a'))].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('writes a chart CSV’s header in words and leaves its rows alone', () => {
    const csv = humanCsv('day,gmv_mean,gmv_p05,R1,"a,b"\n0,1,2,3,4\n1,5,6,7,8\n', 'zh');
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = csvParse(csv.slice(1));
    expect(rows.columns).toEqual(['天(从 0 起)', 'GMV(元)(均值)', 'GMV(元)(第 5 百分位)', 'R1', 'a,b']);
    expect(rows.map((r) => r['R1'])).toEqual(['3', '7']);
    expect(columnName('R.gmv_shapley_mean', 'zh')).toBe('GMV(含自然发生)(增量贡献(Shapley)均值)');
    expect(columnName('T.count.R5_diff_mean', 'en')).toBe('People in R5 at the end (Difference, mean)');
    expect(columnName('week', 'en')).toBe('Week');
    expect(columnName('gmv_p95', 'en')).toBe('GMV (¥) (95th percentile)');
  });

  it('the all-figures CSV leads with the plan’s effect, names every figure in Chinese, and keeps the numbers', () => {
    const s = scenario({ runs: 3, days: 30, population: { agents: 400 }, tactics: [{ id: 'c1', type: 'coupons' }] });
    const plan = runAll(compileScenario(s));
    const base = runAll(compileScenario(doNothing(s)));
    const result = withIncremental(plan.result(), incrementalResult(plan, base, null, 'b'));
    const csv = figuresCsvHuman(result, 'zh', s);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Read back as a spreadsheet reader would: UTF-8, the mark dropped.
    const rows = csvParse(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
    expect(rows.columns).toEqual(['指标', '增量或总量', '均值', '标准差', '第 5 百分位', '中位数', '第 95 百分位']);
    expect(rows[0]!['指标']).toBe('增量 GMV');
    expect(rows[0]!['增量或总量']).toBe('增量(方案 − 不做任何动作)');
    expect(Number(rows[0]!['均值'])).toBe(result.incremental!.gmv!.mean);
    const total = rows.find((r) => r['增量或总量'] === '总量(执行方案)' && r['指标'] === '期末 R5 人数');
    expect(Number(total!['均值'])).toBe(result.star.T.count.R5!.mean);
    // No machine key left: no dotted paths, no camelCase, no Latin word but the allowed abbreviations.
    for (const r of rows) {
      const name = r['指标']!;
      expect(name, name).not.toMatch(/[A-Za-z]\.[A-Za-z]|[a-z][A-Z]/);
      for (const w of name.match(/[A-Za-z]+\d*/g) ?? []) expect(['GMV', 'ROI', 'R0', 'R1', 'R2', 'R3', 'R4', 'R5'], name).toContain(w);
    }
    expect(rows.length).toBeGreaterThan(100);
  });
});
