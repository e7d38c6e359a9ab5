import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDUSTRIES } from '../../src/scenario/industries';
import { cachedRunner } from '../calibration/table';
import {
  blockOf,
  CHECKS,
  GAPS,
  gapKey,
  INDUSTRY_MARKERS,
  INDUSTRY_RANGES,
  industriesMarkdown,
  industryRows,
  inside,
  loadPreset,
  PRESETS_MARKERS,
  presetFiles,
  presetRows,
  presetRun,
  presetsMarkdown,
  type CheckRow,
} from './plausibility';

/**
 * Every preset against its plausibility ranges, at the market it states (tests/scenario/plausibility.ts says what
 * each check measures and where its range comes from). A row that is a known gap of a tactic's mechanics runs as
 * `it.fails` with the gap in its name: when the mechanics are fixed and the figure comes inside, the test fails and
 * the gap is removed from GAPS on purpose. Rows whose runs cannot tell the figure from noise are shown, not checked.
 */
const run = cachedRunner();
const files = presetFiles();
const rowsByFile = new Map<string, CheckRow[]>();
const rowsOf = (file: string) => {
  if (!rowsByFile.has(file)) rowsByFile.set(file, presetRows(presetRun(file, run)));
  return rowsByFile.get(file)!;
};
const show = (r: CheckRow) => `${gapKey(r.file, r.check.id, r.subject)}: ${r.value.toPrecision(3)}, range ${r.range[0]}–${r.range[1]}`;

describe.each(files)('preset %s is plausible at its stated market', (file) => {
  // The checks that apply to this preset are known without running it (the preset's tactics decide), so each row is a test.
  const s = loadPreset(file);
  const rows = () => rowsOf(file);
  const expected = CHECKS.flatMap((c) => {
    const subjects =
      c.id === 'tactic-roi'
        ? s.tactics.map((t) => t.id)
        : ['group-frequency', 'group-size'].includes(c.id)
          ? s.tactics.filter((t) => t.type === 'communityGroups').map((t) => t.id)
          : c.id === 'live-conversion'
            ? s.tactics.filter((t) => t.type === 'livestream').map((t) => t.id)
            : c.id === 'ads-cost-per-engaged'
              ? s.tactics.filter((t) => t.type === 'ads').map((t) => t.id)
              : c.id === 'fission-fake'
                ? s.tactics.filter((t) => t.type === 'referral').map((t) => t.id)
                : c.id === 'coupon-redemption'
                  ? s.tactics.filter((t) => t.type === 'coupons').map((t) => t.id)
                  : [undefined];
    return subjects.map((subject) => ({ check: c.id, subject }));
  });

  for (const { check, subject } of expected) {
    const key = gapKey(file, check, subject);
    const gap = GAPS[key];
    const find = () => rows().find((r) => r.check.id === check && r.subject === subject);
    const body = (ctx: { skip: (note?: string) => void }) => {
      const r = find();
      // The check does not apply (no repurchase within a year in a 12-week preset, no industry, no tactics).
      if (!r) return ctx.skip('does not apply to this preset');
      if (!r.resolved) return ctx.skip(`${show(r)}: the removal effect on GMV is within the runs’ noise`);
      expect(r.inside, show(r)).toBe(true);
    };
    if (gap) it.fails(`${check}${subject ? ` · ${subject}` : ''} — known gap: ${gap}`, body);
    else it(`${check}${subject ? ` · ${subject}` : ''}`, body);
  }
});

describe('plausibility table', () => {
  it('every gap names a row that exists and fails, and is not within noise', () => {
    const all = files.flatMap(rowsOf);
    for (const key of Object.keys(GAPS)) {
      const r = all.find((x) => gapKey(x.file, x.check.id, x.subject) === key);
      expect(r, `${key} is no row of the table`).toBeDefined();
      expect(r!.resolved, key).toBe(true);
    }
  });

  it('the range test is the closed interval, by hand', () => {
    expect(inside(1, [1, 3])).toBe(true);
    expect(inside(3, [1, 3])).toBe(true);
    expect(inside(3.0001, [1, 3])).toBe(false);
    expect(inside(0.999, [1, Infinity])).toBe(false);
    expect(inside(Number.NaN, [0, 1])).toBe(false);
  });

  it('docs/presets.md shows every preset’s figures against its ranges as they are now (npm run presets:table)', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/presets.md'), 'utf8');
    expect(blockOf(doc, ...PRESETS_MARKERS)).toBe(presetsMarkdown(files.flatMap(rowsOf)));
  });
});

describe('industries: do-nothing repurchase as an operator would believe it (docs/presets.md § Industries)', () => {
  let cache: ReturnType<typeof industryRows> | null = null;
  const rows = () => (cache ??= industryRows(run));
  const value = (industry: string, key: string) => rows().find((r) => r.industry === industry)!.figures.find((f) => f.key === key)!.value;

  it.each(Object.keys(INDUSTRY_RANGES))('%s: annual, monthly and 3-year repurchase and orders per monthly buyer within their ranges', (industry) => {
    for (const f of rows().find((r) => r.industry === industry)!.figures) expect(f.inside, `${industry} ${f.key}: ${f.value.toPrecision(3)}, range ${f.range[0]}–${f.range[1]}`).toBe(true);
  });

  it('the whitepaper’s order: 3C buys rarely, supermarkets and F&B often (docs/sources.md#whitepaper-industry-factors)', () => {
    for (const key of ['R.repurchaseWithin.1y', 'R.monthlyRepurchase', 'R.repurchaseWithin.3y']) {
      expect(value('electronics', key), key).toBeLessThan(value('apparel', key));
      expect(value('apparel', key), key).toBeLessThan(value('beauty', key));
      expect(value('beauty', key), key).toBeLessThan(value('supermarket', key));
      expect(value('beauty', key), key).toBeLessThan(value('food', key));
    }
    // Supermarket shoppers buy more often within a month than F&B buyers (weekly shopping), as the factor tables’ frequency 5 for both allows.
    expect(value('supermarket', 'R.ordersPerMonthlyBuyer')).toBeGreaterThan(value('food', 'R.ordersPerMonthlyBuyer'));
    // 3C: replacement cycles — a buyer almost never orders twice in a month.
    expect(value('electronics', 'R.ordersPerMonthlyBuyer')).toBeLessThan(1.05);
  });

  it('docs/presets.md shows each industry’s figures as they are now (npm run presets:table)', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/presets.md'), 'utf8');
    expect(blockOf(doc, ...INDUSTRY_MARKERS)).toBe(industriesMarkdown(rows()));
  });

  it('every preset with an industry carries that industry’s baseline, so the industry table describes it', () => {
    for (const file of files) {
      const s = loadPreset(file);
      if (!s.industry || s.industry === 'custom') continue;
      const ind = INDUSTRIES[s.industry as keyof typeof INDUSTRIES];
      expect({ f: s.baseline.forward, r: s.baseline.reverse, rep: s.baseline.repeat, ov: s.baseline.orderValue, m: s.margin }, file).toEqual({
        f: ind.forward,
        r: ind.reverse,
        rep: ind.repeat,
        ov: ind.orderValue,
        m: ind.margin,
      });
    }
  });
});
