import { describe, expect, it } from 'vitest';
import { AgentMarks } from '../../src/sim/step/marks';
import { Rng } from '../../src/sim/step/rng';

/**
 * The tactics' per-agent marks (src/sim/step/marks.ts), checked directly against hand-computed values: chances that
 * combine as independent chances (keep = ∏(1 − p)), the cause of a move chosen in proportion to the chances (a
 * reservoir draw), purchase-rate multipliers and their best cause, day stamps, the neutral row 0, and the table
 * growing past its first 1024 rows. The reference day calls the same marks, so only tests like these can tell a wrong
 * mark from a right one.
 */

/** A stream that gives the listed uniforms in turn and counts its draws (throws when it runs out). */
function fixed(...us: number[]): Rng & { draws: number } {
  const s = {
    draws: 0,
    next(): number {
      if (s.draws >= us.length) throw new Error('the stub stream ran out: an unexpected draw');
      return us[s.draws++]!;
    },
  };
  return s as unknown as Rng & { draws: number };
}

/** Every column of row r, as plain numbers. */
function rowValues(m: AgentMarks, r: number) {
  return {
    keepF: m.keepF[r],
    sumF: m.sumF[r],
    toF: m.toF[r],
    causeF: m.causeF[r],
    keepR: m.keepR[r],
    sumR: m.sumR[r],
    toR: m.toR[r],
    causeR: m.causeR[r],
    buyMult: m.buyMult[r],
    buyBest: m.buyBest[r],
    buyCause: m.buyCause[r],
    recallKeep: m.recallKeep[r],
    recallCause: m.recallCause[r],
    chanceKeep: m.chanceKeep[r],
    chanceCause: m.chanceCause[r],
    lapseMult: m.lapseMult[r],
    fScale: m.fScale[r],
  };
}

/** The values of an agent no tactic marked: no extra chance, no boost, no cause, no scaling. */
const NEUTRAL = {
  keepF: 1,
  sumF: 0,
  toF: 0,
  causeF: 0,
  keepR: 1,
  sumR: 0,
  toR: 0,
  causeR: 0,
  buyMult: 1,
  buyBest: 0,
  buyCause: -1,
  recallKeep: 1,
  recallCause: -1,
  chanceKeep: 1,
  chanceCause: -1,
  lapseMult: 1,
  fScale: 1,
};

const f32 = (x: number) => Math.fround(x);

describe('AgentMarks: unmarked agents and the neutral row', () => {
  it('a new table: every agent reads row 0, which holds the neutral values; one row in use', () => {
    const m = new AgentMarks(4);
    m.setDay(0);
    expect(m.rows).toBe(1);
    expect(m.today).toBe(1);
    for (let i = 0; i < 4; i++) {
      expect(m.rowOf(i)).toBe(0);
      expect(m.isMarked(i)).toBe(false);
    }
    expect(rowValues(m, 0)).toEqual(NEUTRAL);
    // Small populations get only the rows they can use: one per agent plus the neutral row.
    expect(m.keepF.length).toBe(5);
  });

  it('marks that carry no effect (p ≤ 0, NaN, a multiplier ≤ 1) do not mark the agent', () => {
    const m = new AgentMarks(3);
    m.setDay(0);
    const rng = fixed();
    m.forward(0, 0, 2, 5, rng);
    m.forward(0, -0.1, 2, 5, rng);
    m.forward(0, NaN, 2, 5, rng);
    m.reverse(0, 0, 1, 5, rng);
    m.reverse(0, NaN, 1, 5, rng);
    m.buy(0, 1, 5);
    m.buy(0, 0.5, 5);
    m.buy(0, NaN, 5);
    m.recall(0, 0, 5);
    m.recall(0, NaN, 5);
    m.buyChance(0, 0, 5);
    m.buyChance(0, -1, 5);
    expect(m.isMarked(0)).toBe(false);
    expect(m.rowOf(0)).toBe(0);
    expect(m.rows).toBe(1);
    expect(rng.draws).toBe(0);
  });

  it('marked agents get rows 1, 2, … in the order they are first marked, one row each however often marked; row 0 stays neutral', () => {
    const m = new AgentMarks(5);
    m.setDay(0);
    m.lapse(3, 2);
    m.lapse(1, 3);
    m.lapse(3, 5);
    m.scaleForward(4, 0.5);
    expect([m.rowOf(0), m.rowOf(1), m.rowOf(2), m.rowOf(3), m.rowOf(4)]).toEqual([0, 2, 0, 1, 3]);
    expect([m.isMarked(0), m.isMarked(1), m.isMarked(2), m.isMarked(3), m.isMarked(4)]).toEqual([false, true, false, true, true]);
    expect(m.rows).toBe(4);
    expect(m.lapseMult[1]).toBe(10);
    expect(m.lapseMult[2]).toBe(3);
    expect(m.fScale[3]).toBe(0.5);
    expect(m.lapseMult[3]).toBe(1);
    expect(rowValues(m, 0)).toEqual(NEUTRAL);
  });
});

describe('AgentMarks: day stamps', () => {
  it("yesterday's marks are invisible today, and a reused row starts neutral again", () => {
    const m = new AgentMarks(4);
    m.setDay(0);
    const rng = fixed(0.5);
    m.lapse(1, 5);
    m.forward(1, 0.4, 3, 7, rng);
    m.buy(1, 2, 7);
    m.recall(1, 0.3, 7);
    m.buyChance(1, 0.3, 7);
    m.reverse(1, 0.2, 0, 7, rng);
    m.scaleForward(1, 0);
    expect(m.rowOf(1)).toBe(1);

    m.setDay(1);
    expect(m.today).toBe(2);
    expect(m.rows).toBe(1);
    expect(m.isMarked(1)).toBe(false);
    expect(m.rowOf(1)).toBe(0);
    // Another agent takes row 1 today: its values are its own, not yesterday's agent's.
    m.lapse(2, 3);
    expect(m.rowOf(2)).toBe(1);
    expect(m.rowOf(1)).toBe(0);
    expect(rowValues(m, 1)).toEqual({ ...NEUTRAL, lapseMult: 3 });
    // The same agent marked again today starts from neutral too.
    m.lapse(1, 2);
    expect(m.rowOf(1)).toBe(2);
    expect(rowValues(m, 2)).toEqual({ ...NEUTRAL, lapseMult: 2 });
  });

  it('the stamp is the day index + 1, so a zero-filled stamp column never reads as marked on day 0', () => {
    const m = new AgentMarks(2);
    m.setDay(0);
    expect(m.stamp[0]).toBe(0);
    expect(m.isMarked(0)).toBe(false);
    m.lapse(0, 2);
    expect(m.stamp[0]).toBe(1);
    m.setDay(41);
    expect(m.today).toBe(42);
    m.lapse(1, 2);
    expect(m.stamp[1]).toBe(42);
    expect(m.isMarked(0)).toBe(false);
  });
});

describe('AgentMarks: forward and reverse chances', () => {
  it('one tactic: keep = 1 − p, sum = p, its target and cause, without drawing', () => {
    const m = new AgentMarks(2);
    m.setDay(0);
    const rng = fixed(0.99);
    m.forward(1, 0.25, 3, 9, rng);
    const r = m.rowOf(1);
    expect(m.keepF[r]).toBe(0.75);
    expect(m.sumF[r]).toBe(0.25);
    expect(m.toF[r]).toBe(3);
    expect(m.causeF[r]).toBe(9);
    expect(rng.draws).toBe(0);
    // Forward marks leave the reverse columns neutral.
    expect(m.keepR[r]).toBe(1);
    expect(m.sumR[r]).toBe(0);
  });

  it('three tactics: keep = (1 − 0.2)(1 − 0.5)(1 − 0.25) = 0.3, so the combined chance is 0.7; sum = 0.95', () => {
    const m = new AgentMarks(2);
    m.setDay(0);
    // Second mark: u·0.7 = 0.63 < 0.5? no → keeps the first. Third: u·0.95 = 0.095 < 0.25 → the third takes over.
    const rng = fixed(0.9, 0.1);
    m.forward(0, 0.2, 1, 3, rng);
    m.forward(0, 0.5, 2, 4, rng);
    expect(m.toF[1]).toBe(1);
    expect(m.causeF[1]).toBe(3);
    m.forward(0, 0.25, 4, 5, rng);
    expect(m.keepF[1]).toBe(f32(f32(0.8 * 0.5) * 0.75));
    expect(m.keepF[1]).toBeCloseTo(0.3, 7);
    expect(m.sumF[1]).toBeCloseTo(0.95, 6);
    expect(m.toF[1]).toBe(4);
    expect(m.causeF[1]).toBe(5);
    expect(rng.draws).toBe(2);
  });

  it('the reservoir rule: the newcomer takes over when u·sum < p, strictly', () => {
    const m = new AgentMarks(3);
    m.setDay(0);
    // Agent 0: 0.5 then 0.5 (sum 1); u = 0.5 gives u·sum = p exactly: the first keeps it.
    // Agent 1: the same with u just below 0.5: the second takes it.
    const rng = fixed(0.5, 0.4999);
    m.forward(0, 0.5, 1, 3, rng);
    m.forward(0, 0.5, 2, 4, rng);
    m.forward(1, 0.5, 1, 3, rng);
    m.forward(1, 0.5, 2, 4, rng);
    expect([m.toF[m.rowOf(0)], m.causeF[m.rowOf(0)]]).toEqual([1, 3]);
    expect([m.toF[m.rowOf(1)], m.causeF[m.rowOf(1)]]).toEqual([2, 4]);
    expect(m.keepF[m.rowOf(0)]).toBe(0.25);
    // The same rule for reverse marks.
    const rev = fixed(0.5, 0.4999);
    m.reverse(0, 0.5, 1, 3, rev);
    m.reverse(0, 0.5, 0, 4, rev);
    m.reverse(1, 0.5, 1, 3, rev);
    m.reverse(1, 0.5, 0, 4, rev);
    expect([m.toR[m.rowOf(0)], m.causeR[m.rowOf(0)]]).toEqual([1, 3]);
    expect([m.toR[m.rowOf(1)], m.causeR[m.rowOf(1)]]).toEqual([0, 4]);
  });

  it('a chance above 1 counts as 1: keep 0, sum 1', () => {
    const m = new AgentMarks(1);
    m.setDay(0);
    const rng = fixed(0.5);
    m.forward(0, 1.7, 2, 3, rng);
    expect(m.keepF[1]).toBe(0);
    expect(m.sumF[1]).toBe(1);
    m.reverse(0, 3, 1, 4, rng);
    expect(m.keepR[1]).toBe(0);
    expect(m.sumR[1]).toBe(1);
    // A second forward mark of 0.5 with u = 0.3: u·(1 + 0.5) = 0.45 < 0.5, so it takes over; had the first kept its
    // weight 1.7, u·2.2 = 0.66 would not.
    m.forward(0, 0.5, 4, 5, fixed(0.3));
    expect(m.sumF[1]).toBe(1.5);
    expect(m.causeF[1]).toBe(5);
  });

  it('reverse marks combine the same way in their own columns', () => {
    const m = new AgentMarks(2);
    m.setDay(0);
    const rng = fixed(0.2, 0.7);
    m.reverse(1, 0.1, 2, 6, rng);
    m.reverse(1, 0.3, 1, 7, rng); // 0.2·0.4 = 0.08 < 0.3 → takes over
    m.reverse(1, 0.4, 0, 8, rng); // 0.7·0.8 = 0.56 < 0.4? no → stays
    const r = m.rowOf(1);
    expect(m.keepR[r]).toBeCloseTo(0.9 * 0.7 * 0.6, 7);
    expect(m.sumR[r]).toBeCloseTo(0.8, 6);
    expect(m.toR[r]).toBe(1);
    expect(m.causeR[r]).toBe(7);
    expect(rng.draws).toBe(2);
    // Reverse marks leave the forward columns neutral.
    expect(m.keepF[r]).toBe(1);
    expect(m.sumF[r]).toBe(0);
    expect(m.toF[r]).toBe(0);
  });

  it('the cause falls on each tactic in proportion to its chance (0.1 : 0.2 : 0.3 over 3000 agents, a real stream)', () => {
    const n = 3000;
    const m = new AgentMarks(n);
    m.setDay(0);
    const rng = new Rng('marks-test/reservoir');
    for (let i = 0; i < n; i++) {
      m.forward(i, 0.1, 1, 3, rng);
      m.forward(i, 0.2, 2, 4, rng);
      m.forward(i, 0.3, 3, 5, rng);
      m.reverse(i, 0.3, 0, 3, rng);
      m.reverse(i, 0.1, 0, 4, rng);
    }
    const fwd = [0, 0, 0];
    const rev = [0, 0];
    for (let i = 0; i < n; i++) {
      const r = m.rowOf(i);
      fwd[m.causeF[r]! - 3]! += 1;
      expect(m.toF[r]).toBe(m.causeF[r]! - 2);
      rev[m.causeR[r]! - 3]! += 1;
    }
    // Shares 1/6, 2/6, 3/6 and 3/4, 1/4, each within 4.5 standard errors (sd of a share ≤ √(0.25/3000) ≈ 0.0091).
    const tol = 4.5 * Math.sqrt(0.25 / n);
    expect(Math.abs(fwd[0]! / n - 1 / 6)).toBeLessThan(tol);
    expect(Math.abs(fwd[1]! / n - 2 / 6)).toBeLessThan(tol);
    expect(Math.abs(fwd[2]! / n - 3 / 6)).toBeLessThan(tol);
    expect(Math.abs(rev[0]! / n - 3 / 4)).toBeLessThan(tol);
    expect(Math.abs(rev[1]! / n - 1 / 4)).toBeLessThan(tol);
  });
});

describe('AgentMarks: purchases, recalls, lapses and scaling', () => {
  it('purchase-rate multipliers multiply; the cause is the largest single boost', () => {
    const m = new AgentMarks(2);
    m.setDay(0);
    m.buy(0, 2, 3);
    m.buy(0, 3, 4);
    m.buy(0, 1.5, 5);
    m.buy(0, 2.5, 6);
    const r = m.rowOf(0);
    expect(m.buyMult[r]).toBe(22.5);
    expect(m.buyBest[r]).toBe(f32(Math.log(3)));
    expect(m.buyCause[r]).toBe(4);
    // A single boost just above 1 still names its cause.
    m.buy(1, 1.01, 7);
    expect(m.buyCause[m.rowOf(1)]).toBe(7);
    expect(m.buyMult[m.rowOf(1)]).toBe(f32(1.01));
    // Of two equal boosts the first keeps the cause. (e^0.5 is a boost whose logarithm, 0.5, a Float32 holds exactly.)
    m.buy(1, Math.exp(0.5), 3);
    m.buy(1, Math.exp(0.5), 4);
    expect(m.buyBest[m.rowOf(1)]).toBe(0.5);
    expect(m.buyCause[m.rowOf(1)]).toBe(3);
  });

  it('recall chances combine as independent chances; the cause moves to a newcomer whose chance beats the combined chance so far', () => {
    const m = new AgentMarks(3);
    m.setDay(0);
    m.recall(0, 0.2, 3); // first: cause 3
    m.recall(0, 0.5, 4); // 0.5 > 1 − 0.8 = 0.2 → cause 4
    m.recall(0, 0.3, 5); // 0.3 > 1 − 0.4 = 0.6? no
    const r = m.rowOf(0);
    expect(m.recallKeep[r]).toBeCloseTo(0.8 * 0.5 * 0.7, 7);
    expect(m.recallCause[r]).toBe(4);
    // Equal to the chance so far is not enough: 0.5 then 0.5.
    m.recall(1, 0.5, 3);
    m.recall(1, 0.5, 4);
    expect(m.recallKeep[m.rowOf(1)]).toBe(0.25);
    expect(m.recallCause[m.rowOf(1)]).toBe(3);
    // A chance above 1 is a certainty: keep 0, not negative.
    m.recall(2, 1.5, 6);
    expect(m.recallKeep[m.rowOf(2)]).toBe(0);
    expect(m.recallCause[m.rowOf(2)]).toBe(6);
    m.recall(2, 0.5, 7);
    expect(m.recallKeep[m.rowOf(2)]).toBe(0);
    expect(m.recallCause[m.rowOf(2)]).toBe(6);
    // Cause 0 is a cause like any other (only −1 means none yet): a weaker newcomer does not displace it.
    const z = new AgentMarks(1);
    z.setDay(0);
    z.recall(0, 0.5, 0);
    z.recall(0, 0.3, 4);
    expect(z.recallCause[1]).toBe(0);
    z.buyChance(0, 0.5, 0);
    z.buyChance(0, 0.3, 4);
    expect(z.chanceCause[1]).toBe(0);
  });

  it('extra purchase chances combine the same way, in their own columns', () => {
    const m = new AgentMarks(3);
    m.setDay(0);
    m.buyChance(0, 0.1, 3);
    m.buyChance(0, 0.4, 4); // 0.4 > 0.1 → 4
    m.buyChance(0, 0.45, 5); // 0.45 > 1 − 0.54 = 0.46? no
    const r = m.rowOf(0);
    expect(m.chanceKeep[r]).toBeCloseTo(0.9 * 0.6 * 0.55, 7);
    expect(m.chanceCause[r]).toBe(4);
    expect(m.recallKeep[r]).toBe(1);
    expect(m.recallCause[r]).toBe(-1);
    m.buyChance(1, 0.5, 3);
    m.buyChance(1, 0.5, 4);
    expect(m.chanceCause[m.rowOf(1)]).toBe(3);
    m.buyChance(2, 2, 6);
    expect(m.chanceKeep[m.rowOf(2)]).toBe(0);
    expect(m.chanceCause[m.rowOf(2)]).toBe(6);
  });

  it('lapse and forward scaling multiply (any factor marks the agent, 1 included)', () => {
    const m = new AgentMarks(3);
    m.setDay(0);
    m.lapse(0, 3);
    m.lapse(0, 0.5);
    m.scaleForward(0, 0.25);
    m.scaleForward(0, 0.5);
    expect(m.lapseMult[m.rowOf(0)]).toBe(1.5);
    expect(m.fScale[m.rowOf(0)]).toBe(0.125);
    m.lapse(1, 1);
    expect(m.isMarked(1)).toBe(true);
    m.scaleForward(2, 0);
    expect(m.fScale[m.rowOf(2)]).toBe(0);
    expect(m.lapseMult[m.rowOf(2)]).toBe(1);
  });
});

describe('AgentMarks: the table grows', () => {
  it('past the first 1024 rows (3000 agents marked in a day): rows keep their values, columns grow to one row per agent + 1', () => {
    const n = 3000;
    const m = new AgentMarks(n);
    m.setDay(0);
    expect(m.keepF.length).toBe(1024);
    // Agent 0 carries every kind of mark before the table grows.
    m.forward(0, 0.5, 2, 3, fixed());
    m.reverse(0, 0.25, 1, 4, fixed());
    m.buy(0, 2, 5);
    m.recall(0, 0.5, 6);
    m.buyChance(0, 0.75, 7);
    m.lapse(0, 3);
    m.scaleForward(0, 0.5);
    // The first 1024 rows (the neutral one and 1023 agents) fill the table; the next agent doubles it.
    for (let i = 1; i < 1023; i++) m.lapse(i, i + 2);
    expect(m.keepF.length).toBe(1024);
    m.lapse(1023, 1025);
    expect(m.rows).toBe(1025);
    expect(m.keepF.length).toBe(2048);
    expect(m.fScale.length).toBe(2048);
    for (let i = 1024; i < n; i++) m.lapse(i, i + 2);
    expect(m.rows).toBe(n + 1);
    for (const col of [m.keepF, m.sumF, m.toF, m.causeF, m.keepR, m.sumR, m.toR, m.causeR, m.buyMult, m.buyBest, m.buyCause, m.recallKeep, m.recallCause, m.chanceKeep, m.chanceCause, m.lapseMult, m.fScale]) {
      expect(col.length).toBe(n + 1);
    }
    expect(rowValues(m, m.rowOf(0))).toEqual({
      keepF: 0.5,
      sumF: 0.5,
      toF: 2,
      causeF: 3,
      keepR: 0.75,
      sumR: 0.25,
      toR: 1,
      causeR: 4,
      buyMult: 2,
      buyBest: f32(Math.log(2)),
      buyCause: 5,
      recallKeep: 0.5,
      recallCause: 6,
      chanceKeep: 0.25,
      chanceCause: 7,
      lapseMult: 3,
      fScale: 0.5,
    });
    for (let i = 1; i < n; i++) {
      expect(m.rowOf(i)).toBe(i + 1);
      if (m.lapseMult[i + 1] !== i + 2) expect(m.lapseMult[i + 1]).toBe(i + 2);
    }
    expect(rowValues(m, 0)).toEqual(NEUTRAL);
    // The next day reuses the grown table from row 1.
    m.setDay(1);
    m.lapse(n - 1, 4);
    expect(m.rowOf(n - 1)).toBe(1);
    expect(m.lapseMult[1]).toBe(4);
  });
});
