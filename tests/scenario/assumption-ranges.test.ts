import { describe, expect, it } from 'vitest';
import { assumptionRanges, rangeFor } from '../../src/scenario/assumptions';
import type { NumberSpec } from '../../src/lib/spec';
import { scenario, scenarioJson } from '../helpers';

/**
 * The ranges runs draw assumed numbers from (docs/model.md § Uncertainty), computed by hand. rangeFor on made-up specs,
 * one rule at a time; assumptionRanges on a scenario whose values and ranges are read off the specs' stated figures
 * (baseline flows and word of mouth ×0.7–1.4 of the value; ads' CPM ¥25–70 around ¥40; attendance ×0.5–2).
 */
const reason = { en: 'r', zh: 'r' };
const doc = { en: 'd', zh: 'd' };
const spec = (s: Partial<NumberSpec>): NumberSpec => ({ kind: 'number', unit: 'share', min: 0, max: 1, doc, ...s });

describe('rangeFor: the range one value is drawn from', () => {
  it('a relative range multiplies the value in use', () => {
    expect(rangeFor(spec({ max: 10, plausible: { low: 0.5, high: 2, relative: true, reason } }), 4)).toEqual({ low: 2, high: 8 });
  });

  it('at the default (or with no default) the spec’s own range', () => {
    const p = { low: 0.05, high: 0.2, reason };
    expect(rangeFor(spec({ default: 0.1, plausible: p }), 0.1)).toEqual({ low: 0.05, high: 0.2 });
    expect(rangeFor(spec({ plausible: p }), 0.1)).toEqual({ low: 0.05, high: 0.2 });
  });

  it('away from a positive default, the same relative width around the value: 0.2 with 0.05–0.2 around 0.1 → 0.1–0.4', () => {
    const r = rangeFor(spec({ default: 0.1, plausible: { low: 0.05, high: 0.2, reason } }), 0.2)!;
    expect(r.low).toBeCloseTo(0.1, 12);
    expect(r.high).toBeCloseTo(0.4, 12);
  });

  it('away from a default of 0 (or below), the range is shifted by the value: 0.5 with −0.2…0.3 around 0 → 0.3–0.8', () => {
    const r = rangeFor(spec({ min: -1, default: 0, plausible: { low: -0.2, high: 0.3, reason } }), 0.5)!;
    expect(r.low).toBeCloseTo(0.3, 12);
    expect(r.high).toBeCloseTo(0.8, 12);
    const n = rangeFor(spec({ min: -10, default: -1, plausible: { low: -2, high: 0, reason } }), 0.5)!;
    expect(n.low).toBeCloseTo(-0.5, 12);
    expect(n.high).toBeCloseTo(1, 12);
  });

  it('is clamped to the field’s limits: 0.8 with 0.05–0.2 around 0.1 → 0.4–1 (not 1.6)', () => {
    const r = rangeFor(spec({ default: 0.1, plausible: { low: 0.05, high: 0.2, reason } }), 0.8)!;
    expect(r.low).toBeCloseTo(0.4, 12);
    expect(r.high).toBe(1);
    const lo = rangeFor(spec({ min: 0.3, default: 0.5, plausible: { low: 0.1, high: 0.9, reason } }), 0.5)!;
    expect(lo).toEqual({ low: 0.3, high: 0.9 });
  });

  it('an exclusive minimum is never drawn: the low end moves a thousandth of the way up', () => {
    const r = rangeFor(spec({ max: 10, exclusiveMin: true, default: 1, plausible: { low: 0, high: 2, reason } }), 1)!;
    expect(r.low).toBeCloseTo(0.002, 12);
    expect(r.high).toBe(2);
    // …but never above the value itself.
    const v = rangeFor(spec({ max: 10, exclusiveMin: true, plausible: { low: 0, high: 2, reason } }), 0.001)!;
    expect(v.low).toBe(0.001);
    // A thousandth of the way from the minimum to the high end: 1 + (3 − 1)/1000 from a minimum of 1.
    expect(rangeFor(spec({ min: 1, max: 10, exclusiveMin: true, default: 2, plausible: { low: 1, high: 3, reason } }), 2)!.low).toBeCloseTo(1.002, 12);
    // A minimum that is allowed stays the low end.
    expect(rangeFor(spec({ max: 10, default: 1, plausible: { low: 0, high: 2, reason } }), 1)).toEqual({ low: 0, high: 2 });
  });

  it('always holds the value: a range above or below it is widened to it', () => {
    expect(rangeFor(spec({ max: 10, plausible: { low: 1.2, high: 2, relative: true, reason } }), 5)).toEqual({ low: 5, high: 10 });
    expect(rangeFor(spec({ max: 10, plausible: { low: 0.5, high: 0.8, relative: true, reason } }), 5)).toEqual({ low: 2.5, high: 5 });
  });

  it('none for a decision, a number without a plausible range, or a range of width 0', () => {
    expect(rangeFor(spec({ decision: true, plausible: { low: 0.1, high: 0.2, reason } }), 0.1)).toBeNull();
    expect(rangeFor(spec({ default: 0.1 }), 0.1)).toBeNull();
    expect(rangeFor(spec({ plausible: { low: 0.5, high: 2, relative: true, reason } }), 0)).toBeNull();
  });
});

describe('assumptionRanges: every assumed number of a scenario', () => {
  const on = { assumptions: true, fixed: [] };
  const s = scenario({
    uncertainty: on,
    wordOfMouth: { q: 0.05, sources: ['R4', 'R5'] },
    tactics: [
      { id: 'ads', type: 'ads', dailySpend: 3000, cpm: 80 },
      { id: 'live', type: 'livestream', maxPublicViewers: 4000 },
      { id: 'cp', type: 'coupons' },
    ],
  });
  // Computed inside each test, not here: StrykerJS switches a mutant on when the tests start, after describe bodies ran.
  const at = (path: string) => assumptionRanges(s).find((r) => r.path === path);

  it('baseline flows and word of mouth: ×0.7–1.4 of the scenario’s value, with no tactic', () => {
    const f = at('baseline.forward.R0')!;
    expect(f.low).toBeCloseTo(0.0014, 12);
    expect(f.mode).toBe(0.002);
    expect(f.high).toBeCloseTo(0.0028, 12);
    expect('tactic' in f).toBe(false);
    expect('integer' in f).toBe(false);
    expect(at('baseline.reverse.R5')!.high).toBeCloseTo(0.006 * 1.4, 12);
    expect(at('baseline.repeat')!.low).toBeCloseTo(0.014, 12);
    const q = at('wordOfMouth.q')!;
    expect([q.low, q.mode, q.high].map((x) => +x.toFixed(12))).toEqual([0.035, 0.05, 0.07]);
    expect(q.label.en).toMatch(/word of mouth/i);
    // Every baseline flow the scenario sets is there; simple buyers have no BG/NBD parameters.
    for (const t of ['R0', 'R1', 'R2', 'R3', 'R4']) expect(at(`baseline.forward.${t}`), t).toBeDefined();
    for (const t of ['R1', 'R2', 'R3', 'R4', 'R5']) expect(at(`baseline.reverse.${t}`), t).toBeDefined();
    expect(at('baseline.repeatModel.alpha')).toBeUndefined();
  });

  it('a tactic’s numbers carry its id: ads’ CPM of ¥80 is drawn from ¥50–140 (¥25–70 around ¥40, scaled); its budget is the plan', () => {
    const cpm = at('tactics[ads].cpm')!;
    expect(cpm).toMatchObject({ tactic: 'ads', low: 50, mode: 80, high: 140 });
    expect(cpm.label.en).toMatch(/1 000 impressions/);
    expect(at('tactics[ads].engageRate')).toMatchObject({ tactic: 'ads', low: 0.01, mode: 0.02, high: 0.03 });
    expect(at('tactics[ads].dailySpend')).toBeUndefined();
  });

  it('numbers inside a tactic’s object (livestream attendance per tier) get their own path and label', () => {
    const r1 = at('tactics[live].attendance.R1')!;
    expect(r1).toMatchObject({ tactic: 'live', low: 0.0005, mode: 0.001, high: 0.002 });
    expect(r1.label.en).toMatch(/ · R1$/);
    expect(r1.label.zh).toMatch(/ · R1$/);
    expect(at('tactics[live].attendance.R5')).toMatchObject({ low: 0.02, mode: 0.04, high: 0.08 });
  });

  it('whole-number fields are marked as such (coupons’ pull-forward days, 7–30 around 14)', () => {
    expect(at('tactics[cp].pullForwardDays')).toMatchObject({ tactic: 'cp', low: 7, mode: 14, high: 30, integer: true });
  });

  it('BG/NBD buyers add α and b (×0.7–1.4)', () => {
    const b = assumptionRanges(scenario({ uncertainty: on, baseline: { ...(scenarioJson().baseline as object), repeatModel: { kind: 'bgnbd', r: 1, alpha: 30, a: 1.5, b: 6 } } }));
    const alpha = b.find((r) => r.path === 'baseline.repeatModel.alpha')!;
    expect(alpha.low).toBeCloseTo(21, 10);
    expect(alpha.high).toBeCloseTo(42, 10);
    expect(b.find((r) => r.path === 'baseline.repeatModel.b')!.high).toBeCloseTo(8.4, 10);
  });

  it('nothing with assumptions off; a fixed path is left exact; no uncertainty section means on', () => {
    expect(assumptionRanges(scenario({ uncertainty: { assumptions: false } }))).toEqual([]);
    const fixed = assumptionRanges(scenario({ uncertainty: { assumptions: true, fixed: ['baseline.repeat'] } }));
    expect(fixed.map((r) => r.path)).not.toContain('baseline.repeat');
    expect(fixed.map((r) => r.path)).toContain('baseline.forward.R0');
    const bare = { ...scenario() };
    delete (bare as { uncertainty?: unknown }).uncertainty;
    expect(assumptionRanges(bare).map((r) => r.path)).toContain('baseline.repeat');
  });
});
