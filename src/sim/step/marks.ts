import type { Rng } from './rng';

/** Rows the mark table starts with (it doubles as tactics mark more agents in a day, up to one row per agent). */
const FIRST_ROWS = 1024;

/**
 * Agent-level effects for one day, written by tactics that act on particular agents (livestream viewers, group
 * members, coupon holders, a guide's contacts) and read by the move loop.
 *
 * Sparse: a stamp column says which agents carry marks today and a row column where their marks are, in a table with
 * one row per marked agent (usually a small share of the population). So nothing has to be cleared between days, the
 * loop checks a single Int16 for unmarked agents, and the columns cost 6 bytes per agent instead of one full column
 * per field. Row 0 holds the neutral values of an unmarked agent (no extra chance, no boost, no scaling): `rowOf(i)`
 * is 0 for an agent no tactic marked today, so the move loop reads everyone's marks the same way, without branches.
 *
 * Several tactics may mark the same agent: their chances combine as independent chances, and the cause of a move is
 * chosen among them in proportion to their probabilities (a reservoir draw on the marking tactic's own stream, so it
 * happens only when marks collide).
 */
export class AgentMarks {
  /** Day stamp per agent: equal to `today` when the agent carries marks today. */
  readonly stamp: Int16Array;
  /** Per agent: its row in the table today (meaningful only when stamped today). */
  readonly row: Int32Array;
  /** The table, one row per marked agent (row 0: the neutral, unmarked values). Columns grow, so read them afresh. */
  keepF: Float32Array;
  sumF: Float32Array;
  toF: Uint8Array;
  causeF: Uint16Array;
  keepR: Float32Array;
  sumR: Float32Array;
  toR: Uint8Array;
  causeR: Uint16Array;
  buyMult: Float32Array;
  buyBest: Float32Array;
  buyCause: Int32Array;
  recallKeep: Float32Array;
  recallCause: Int32Array;
  /** An extra, independent chance that a buyer (active or dormant) purchases today: a session, a group buy. */
  chanceKeep: Float32Array;
  chanceCause: Int32Array;
  lapseMult: Float32Array;
  /** Scales the agent's own forward and purchase chances (baseline and tier sources), e.g. 0 for fake accounts. */
  fScale: Float32Array;
  /** Stamp value of the current day (day index + 1, so the zero-filled column means "never marked"). */
  today = 1;
  /** Rows in use today, the neutral row 0 included. */
  rows = 1;
  private readonly maxRows: number;

  constructor(n: number) {
    this.stamp = new Int16Array(n);
    this.row = new Int32Array(n);
    this.maxRows = n + 1;
    const cap = Math.min(FIRST_ROWS, this.maxRows);
    this.keepF = new Float32Array(cap);
    this.sumF = new Float32Array(cap);
    this.toF = new Uint8Array(cap);
    this.causeF = new Uint16Array(cap);
    this.keepR = new Float32Array(cap);
    this.sumR = new Float32Array(cap);
    this.toR = new Uint8Array(cap);
    this.causeR = new Uint16Array(cap);
    this.buyMult = new Float32Array(cap);
    this.buyBest = new Float32Array(cap);
    this.buyCause = new Int32Array(cap);
    this.recallKeep = new Float32Array(cap);
    this.recallCause = new Int32Array(cap);
    this.chanceKeep = new Float32Array(cap);
    this.chanceCause = new Int32Array(cap);
    this.lapseMult = new Float32Array(cap);
    this.fScale = new Float32Array(cap);
    this.clear(0);
  }

  setDay(day: number): void {
    this.today = day + 1;
    this.rows = 1;
  }

  /** Agent i's row today: 0 (the neutral row) when no tactic marked it today. */
  rowOf(i: number): number {
    return this.stamp[i] === this.today ? this.row[i]! : 0;
  }

  /** Row r holds the values of a freshly touched mark. */
  private clear(r: number): void {
    this.keepF[r] = 1;
    this.sumF[r] = 0;
    this.toF[r] = 0;
    this.causeF[r] = 0;
    this.keepR[r] = 1;
    this.sumR[r] = 0;
    this.toR[r] = 0;
    this.causeR[r] = 0;
    this.buyMult[r] = 1;
    this.buyBest[r] = 0;
    this.buyCause[r] = -1;
    this.recallKeep[r] = 1;
    this.recallCause[r] = -1;
    this.chanceKeep[r] = 1;
    this.chanceCause[r] = -1;
    this.lapseMult[r] = 1;
    this.fScale[r] = 1;
  }

  private grow(): void {
    const cap = Math.min(this.maxRows, this.keepF.length * 2);
    const more = <T extends Float32Array | Uint8Array | Uint16Array | Int32Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.keepF = more(this.keepF);
    this.sumF = more(this.sumF);
    this.toF = more(this.toF);
    this.causeF = more(this.causeF);
    this.keepR = more(this.keepR);
    this.sumR = more(this.sumR);
    this.toR = more(this.toR);
    this.causeR = more(this.causeR);
    this.buyMult = more(this.buyMult);
    this.buyBest = more(this.buyBest);
    this.buyCause = more(this.buyCause);
    this.recallKeep = more(this.recallKeep);
    this.recallCause = more(this.recallCause);
    this.chanceKeep = more(this.chanceKeep);
    this.chanceCause = more(this.chanceCause);
    this.lapseMult = more(this.lapseMult);
    this.fScale = more(this.fScale);
  }

  /** Agent i's row today, given one (fresh, neutral) if it has none yet. */
  private touch(i: number): number {
    if (this.stamp[i] === this.today) return this.row[i]!;
    if (this.rows === this.keepF.length) this.grow();
    const r = this.rows++;
    this.stamp[i] = this.today;
    this.row[i] = r;
    this.clear(r);
    return r;
  }

  isMarked(i: number): boolean {
    return this.stamp[i] === this.today;
  }

  /** Agent i (in R0..R3) moves forward to `to` today with extra probability p. */
  forward(i: number, p: number, to: number, cause: number, rng: Rng): void {
    if (!(p > 0)) return;
    if (p > 1) p = 1;
    const r = this.touch(i);
    const sum = this.sumF[r]! + p;
    if (this.sumF[r] === 0 || rng.next() * sum < p) {
      this.toF[r] = to;
      this.causeF[r] = cause;
    }
    this.sumF[r] = sum;
    this.keepF[r] = this.keepF[r]! * (1 - p);
  }

  /** Agent i moves down to `to` today with extra probability p (fatigue, leaving a group, unfollowing). */
  reverse(i: number, p: number, to: number, cause: number, rng: Rng): void {
    if (!(p > 0)) return;
    if (p > 1) p = 1;
    const r = this.touch(i);
    const sum = this.sumR[r]! + p;
    if (this.sumR[r] === 0 || rng.next() * sum < p) {
      this.toR[r] = to;
      this.causeR[r] = cause;
    }
    this.sumR[r] = sum;
    this.keepR[r] = this.keepR[r]! * (1 - p);
  }

  /** A buyer's purchase rate is multiplied by m today (λ scaling, docs/domain.md § Repeat buying: BG/NBD). */
  buy(i: number, m: number, cause: number): void {
    if (!(m > 1)) return;
    const r = this.touch(i);
    this.buyMult[r] = this.buyMult[r]! * m;
    const w = Math.log(m);
    if (w > this.buyBest[r]!) {
      this.buyBest[r] = w;
      this.buyCause[r] = cause;
    }
  }

  /** An inactive (dormant) buyer is recalled — buys and becomes active again — with probability p today. */
  recall(i: number, p: number, cause: number): void {
    if (!(p > 0)) return;
    const r = this.touch(i);
    const before = this.recallKeep[r]!;
    this.recallKeep[r] = before * (1 - Math.min(1, p));
    if (this.recallCause[r]! < 0 || p > 1 - before) this.recallCause[r] = cause;
  }

  /**
   * Buyer i purchases today with an extra, independent probability p (an in-stream purchase, a group buy). A dormant
   * BG/NBD buyer who buys this way becomes active again.
   */
  buyChance(i: number, p: number, cause: number): void {
    if (!(p > 0)) return;
    const r = this.touch(i);
    const before = this.chanceKeep[r]!;
    this.chanceKeep[r] = before * (1 - Math.min(1, p));
    if (this.chanceCause[r]! < 0 || p > 1 - before) this.chanceCause[r] = cause;
  }

  /** Multiply agent i's baseline reverse (decay) probability today by m. */
  lapse(i: number, m: number): void {
    const r = this.touch(i);
    this.lapseMult[r] = this.lapseMult[r]! * m;
  }

  /** Scale agent i's own forward and purchase chances today (low-quality fission users convert less; fake ones never). */
  scaleForward(i: number, m: number): void {
    const r = this.touch(i);
    this.fScale[r] = this.fScale[r]! * m;
  }
}
