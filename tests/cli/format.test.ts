import { describe, expect, it } from 'vitest';
import { formatComparison, formatTable, formatTacticValues } from '../../src/cli/format-table';
import { csvField, toCsv } from '../../src/sim/results/flatten';
import type { Comparison, PairedFigure } from '../../src/sim/results/compare';
import type { Stat } from '../../src/sim/results/stats';
import { seriesCsv } from '../../src/ui/lib/csv';
import { config, runAll } from '../helpers';

/** A small RFC 4180 reader, written independently of the writer: quoted fields may hold commas, "" and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks, doubling inner quotes, and leaves plain fields alone', () => {
    expect(csvField('R3 → R4')).toBe('R3 → R4');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('"')).toBe('""""');
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(null)).toBe('');
  });

  it('reads back field for field with an independent reader', () => {
    const header = ['figure', 'label, with comma', 'mean'];
    const rows: Array<Array<string | number | null>> = [
      ['R.gmv', 'GMV "gross", in yuan', 1234.5],
      ['note', 'first line\nsecond line', null],
      ['plain', 'nothing special', -0.25],
    ];
    const text = toCsv(header, rows);
    expect(text.endsWith('\n')).toBe(true);
    expect(parseCsv(text)).toEqual([header, ['R.gmv', 'GMV "gross", in yuan', '1234.5'], ['note', 'first line\nsecond line', ''], ['plain', 'nothing special', '-0.25']]);
  });

  it('series columns in the app’s CSV export keep their names and values', () => {
    const text = seriesCsv('day', [{ name: 'plan "A", spring', values: [1, 2] }, { name: 'b', values: [3] }]);
    expect(parseCsv(text)).toEqual([['day', 'plan "A", spring', 'b'], ['0', '1', '3'], ['1', '2', '']]);
  });
});

describe('command-line table', () => {
  const base = runAll(config({ days: 14, runs: 2, population: { agents: 500, scale: 2 } })).result();
  const st = (mean: number, p05: number, p95: number): Stat => ({ mean, sd: 1, p05, p50: (p05 + p95) / 2 + 0.001, p95 });
  const lineOf = (text: string, label: string) => text.split('\n').find((l) => l.startsWith(`   ${label}`))!;

  it('prints shares and rates as percentages (×100), negative ones with their minus sign, and the p05 – p95 interval', () => {
    const r = structuredClone(base);
    r.star.S.growthRate = st(0.25, -0.125, 0.5);
    r.star.T.shareEnd.R5 = st(0.05, 0.0375, 0.0625);
    r.star.R.conversion = st(-0.04, -0.08, -0.02);
    const text = formatTable(r);
    expect(text).toMatch(/spread of outcomes \(p05 – p95 of the runs\)/);
    expect(lineOf(text, 'Growth rate')).toMatch(/ 25\.0% {3}-12\.5% – 50\.0%$/);
    // Under 10 %: two decimals.
    expect(lineOf(text, 'R5 share of assets')).toMatch(/ 5\.00% {3}3\.75% – 6\.25%$/);
    expect(lineOf(text, 'Conversion R3 → R4')).toMatch(/ -4\.00% {3}-8\.00% – -2\.00%$/);
  });

  it('prints the figures in brands’ terms: monthly and N-year repurchase, event orders per customer, channel shares', () => {
    const r = structuredClone(base);
    r.star.R.monthlyRepurchase = st(0.125, 0.1, 0.15);
    r.star.R.repurchaseWithin = { '1y': st(0.5, 0.45, 0.55) };
    r.events = { live: { ordersPerBuyer: st(1.25, 1.2, 1.3), multiOrderShare: st(0.2, 0.18, 0.22), events: 26 } };
    r.tactics = { ...r.tactics, m: { memberGmvShare: st(0.4, 0.35, 0.45) } };
    const text = formatTable(r);
    expect(lineOf(text, 'Monthly repurchase')).toMatch(/ 12\.5% {3}10\.0% – 15\.0%$/);
    expect(lineOf(text, 'Repurchase within 1 × 365 days')).toMatch(/ 50\.0% {3}45\.0% – 55\.0%$/);
    expect(lineOf(text, 'live: orders per customer in an event (26)')).toMatch(/ 1\.25 {3}1\.20 – 1\.30$/);
    expect(lineOf(text, 'live: customers with 2+ orders')).toMatch(/ 20\.0% {3}18\.0% – 22\.0%$/);
    expect(lineOf(text, 'm: share of GMV by members')).toMatch(/ 40\.0% {3}35\.0% – 45\.0%$/);
  });

  it('names a pair whose Shapley values reverse their removal effects, with the numbers', () => {
    const lines = formatTacticValues({
      format: 'star-sandbox-contributions',
      runs: 4,
      tactics: [],
      conflicts: [{ figure: 'S.assetsEnd', above: 'content', below: 'live', removal: [318_750, 85_000], shapley: [220_000, 339_740], alone: [400_000, 420_000] }],
    });
    expect(lines.join('\n')).toContain('Note (S.assetsEnd): dropping content loses more (318,750 against 85,000), yet live has the larger Shapley value (220,000 against 339,740); alone, live adds 420,000');
  });

  it('prints counts and money with the p05 – p95 interval, not p05 twice or p50', () => {
    const r = structuredClone(base);
    r.star.S.assetsEnd = st(12_345.4, 11_000, 13_900);
    r.star.R.gmv = st(-2_500, -4_000, 1_000);
    const text = formatTable(r);
    expect(lineOf(text, 'Assets at end')).toMatch(/ 12,345 {3}11,000 – 13,900$/);
    expect(lineOf(text, 'GMV')).toMatch(/ -¥2,500 {3}-¥4,000 – ¥1,000$/);
  });

  it('a comparison prints the CI of Δ from its low to its high end, and P(alt > ref) as a percentage', () => {
    const pf = (diff: number, lo: number, hi: number, p: number): PairedFigure => ({ a: st(100, 90, 110), b: st(100 + diff, 90, 120), diff: st(diff, lo - 5, hi + 5), ci90: [lo, hi], pBgtA: p });
    const c: Comparison = {
      format: 'star-sandbox-comparison',
      reference: 'base',
      alternative: 'plan',
      runs: 8,
      figures: { 'R.gmv': pf(1_500, -300, 3_300, 0.625), 'T.count.R5': pf(-40, -70, -10, 0.0625) },
      series: {},
    };
    const text = formatComparison(c);
    expect(text).toMatch(/^Comparison · plan vs base · 8 paired runs/);
    expect(lineOf(text, 'GMV')).toMatch(/¥1,500 {3}-¥300 – ¥3,300 +62\.5%$/);
    expect(lineOf(text, 'R5 at end')).toMatch(/ -40 {3}-70 – -10 +6\.25%$/);
  });

  it('a difference of rates is in percentage points, the rates themselves in %', () => {
    const conv: PairedFigure = { a: st(0.05, 0.04, 0.06), b: st(0.062, 0.05, 0.07), diff: st(0.012, 0.008, 0.016), ci90: [0.01, 0.014], pBgtA: 1 };
    const c: Comparison = { format: 'star-sandbox-comparison', reference: 'a', alternative: 'b', runs: 4, figures: { 'R.conversion': conv }, series: {} };
    // 5.00 % → 6.20 % is +1.2 percentage points (a 24 % relative rise), never "1.20 %".
    expect(lineOf(formatComparison(c), 'Conversion R3 → R4')).toMatch(/ 5\.00% +6\.20% +1\.20 pp {3}1\.00 pp – 1\.40 pp /);
  });

  it('leads with the plan’s effect against doing nothing, each with its spread and its mean’s CI, then the labelled totals', () => {
    const r = structuredClone(base);
    const f = (mean: number, p05: number, p95: number, ci: [number, number]) => ({ ...st(mean, p05, p95), ci90: ci });
    r.incremental = {
      baseline: 'x--do-nothing',
      runs: 20,
      gmv: f(6_500, 6_050, 6_950, [5_677.5, 7_322.5]),
      margin: null,
      r5: f(25, 20, 30, [21, 29]),
      assets: f(25, 20, 30, [21, 29]),
      newBuyers: f(15, 10, 20, [11, 19]),
      cost: f(600, 500, 700, [520, 680]),
      roi: f(11, 10, 12, [10.2, 11.8]),
      marginRoi: null,
      costPerNewBuyer: f(42.5, 35, 50, [36, 49]),
    };
    const text = formatTable(r);
    const lines = text.split('\n');
    const at = (label: string) => lines.findIndex((l) => l.startsWith(`   ${label}`));
    expect(at('Incremental GMV')).toBeGreaterThan(0);
    expect(at('Incremental GMV')).toBeLessThan(at('Assets at end'));
    expect(lineOf(text, 'Incremental GMV')).toMatch(/ ¥6,500 {3}¥6,050 – ¥6,950 {3}mean's 90% CI ¥5,678 – ¥7,323$/);
    expect(lineOf(text, 'Incremental ROI')).toMatch(/ 11\.00 {3}10\.00 – 12\.00 /);
    expect(lineOf(text, 'Cost per new buyer')).toMatch(/ ¥43 {3}¥35 – ¥50 /);
    expect(text).toMatch(/Totals — including what happens anyway/);
    expect(lineOf(text, 'Assets at end, people')).toBeTruthy();
    expect(lineOf(text, 'ROI, total')).toBeTruthy();
  });

  it('keeps a wide interval apart from P(alt > ref): every column is separated by spaces', () => {
    const wide: PairedFigure = { a: st(3e6, 2e6, 4e6), b: st(2e6, 1e6, 3e6), diff: st(-3_725_110, -3.8e6, -3.6e6), ci90: [-3_797_547_123, -3_682_483_456], pBgtA: 0 };
    const c: Comparison = { format: 'star-sandbox-comparison', reference: 'a', alternative: 'b', runs: 4, figures: { 'R.gmv': wide, 'R.roi': { ...wide, ci90: [-1, 1] } }, series: {} };
    const gmv = lineOf(formatComparison(c), 'GMV');
    expect(gmv).toMatch(/-¥3,797,547,123 – -¥3,682,483,456 +0\.00%$/);
    // The header and every row put P(alt > ref) in the same column.
    const text = formatComparison(c);
    const col = text.split('\n')[1]!.indexOf('P(alt > ref)');
    expect(gmv.indexOf('0.00%')).toBe(col);
    expect(lineOf(text, 'ROI').indexOf('0.00%')).toBe(col);
  });
});

