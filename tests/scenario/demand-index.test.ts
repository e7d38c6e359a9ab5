import { describe, expect, it } from 'vitest';
import { demandIndex } from '../../src/scenario/industries';
import { parseIsoDate } from '../../src/sim/civil-date';

/**
 * The demand index of each day, computed by hand: the weekly curve by ISO week (weeks start on Mondays: 2026-10-19,
 * 10-26, 11-02, 11-09, 11-16 start weeks 43–47), times the festival lifts. Double 11 (the calendar's convention): presale
 * Oct 20–31 at 0.3 × the lift, main sale Nov 1–11 at the lift, and Nov 11 itself a further 0.5 × the lift.
 */
const day = (iso: string) => parseIsoDate(iso)!;

describe('demandIndex: weekly curve × festival lifts', () => {
  it('Double 11 with a lift of 0.4 over 2026-10-18 … 11-16, on a curve that names its ISO week (1 + week/100)', () => {
    const weekly = Array.from({ length: 53 }, (_, k) => 1 + (k + 1) / 100);
    const got = demandIndex(weekly, { double11: 0.4 }, day('2026-10-18'), 30);
    const expected = [
      1.42, // Oct 18, a Sunday: week 42, before the presale
      1.43, // Oct 19: week 43
      ...Array(6).fill(1.43 * 1.12), // Oct 20–25: presale, 1 + 0.3 × 0.4
      ...Array(6).fill(1.44 * 1.12), // Oct 26–31: week 44, presale
      1.44 * 1.4, // Nov 1: main sale
      ...Array(7).fill(1.45 * 1.4), // Nov 2–8: week 45
      1.46 * 1.4, // Nov 9
      1.46 * 1.4, // Nov 10
      1.46 * 1.4 * 1.2, // Nov 11: main sale and peak, 1 + 0.5 × 0.4
      ...Array(4).fill(1.46), // Nov 12–15: after the festival
      1.47, // Nov 16: week 47
    ];
    expect(got).toHaveLength(30);
    got.forEach((x, d) => expect(x, `day ${d}`).toBeCloseTo(expected[d]!, 12));
  });

  it('a run that starts inside a festival and ends before it is over gets only its own days', () => {
    const got = demandIndex([], { double11: 0.5 }, day('2026-10-25'), 10); // Oct 25 … Nov 3
    expect(got).toHaveLength(10);
    expect(got.slice(0, 7)).toEqual(Array(7).fill(1.15)); // presale days, 1 + 0.3 × 0.5
    expect(got.slice(7)).toEqual(Array(3).fill(1.5)); // Nov 1–3, main sale
  });

  it('a week beyond the curve uses its last week (week 53 of a 52-week curve); an empty curve is 1', () => {
    const weekly = Array.from({ length: 52 }, (_, k) => k + 1);
    // 2026 has 53 ISO weeks: Dec 28 (a Monday) starts week 53.
    expect(demandIndex(weekly, {}, day('2026-12-27'), 2)).toEqual([52, 52]);
    expect(demandIndex([2, 3], {}, day('2026-01-12'), 1)).toEqual([3]); // week 3 of a 2-week curve
    expect(demandIndex([], {}, day('2026-01-12'), 2)).toEqual([1, 1]);
    expect(demandIndex([2, 3], {}, day('2026-01-05'), 1)).toEqual([3]); // week 2
  });
});
