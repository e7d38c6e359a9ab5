import type { Rng } from './rng';

/**
 * Agent-level effects for one day, written by tactics that act on particular agents (livestream viewers, group
 * members, coupon holders, a guide's contacts) and read by the move loop. A stamp column says which agents carry
 * marks today, so nothing has to be cleared between days and the loop checks a single Int16 for unmarked agents.
 *
 * Several tactics may mark the same agent: their chances combine as independent chances, and the cause of a move is
 * chosen among them in proportion to their probabilities (a reservoir draw on the marking tactic's own stream, so it
 * happens only when marks collide).
 */
export class AgentMarks {
  readonly stamp: Int16Array;
  readonly keepF: Float32Array;
  readonly sumF: Float32Array;
  readonly toF: Uint8Array;
  readonly causeF: Uint16Array;
  readonly keepR: Float32Array;
  readonly sumR: Float32Array;
  readonly toR: Uint8Array;
  readonly causeR: Uint16Array;
  readonly buyMult: Float32Array;
  readonly buyBest: Float32Array;
  readonly buyCause: Int32Array;
  readonly recallKeep: Float32Array;
  readonly recallCause: Int32Array;
  /** An extra, independent chance that a buyer (active or dormant) purchases today: a session, a group buy. */
  readonly chanceKeep: Float32Array;
  readonly chanceCause: Int32Array;
  readonly lapseMult: Float32Array;
  /** Scales the agent's own forward and purchase chances (baseline and tier sources), e.g. 0 for fake accounts. */
  readonly fScale: Float32Array;
  /** Stamp value of the current day (day index + 1, so the zero-filled column means "never marked"). */
  today = 1;

  constructor(n: number) {
    this.stamp = new Int16Array(n);
    this.keepF = new Float32Array(n);
    this.sumF = new Float32Array(n);
    this.toF = new Uint8Array(n);
    this.causeF = new Uint16Array(n);
    this.keepR = new Float32Array(n);
    this.sumR = new Float32Array(n);
    this.toR = new Uint8Array(n);
    this.causeR = new Uint16Array(n);
    this.buyMult = new Float32Array(n);
    this.buyBest = new Float32Array(n);
    this.buyCause = new Int32Array(n);
    this.recallKeep = new Float32Array(n);
    this.recallCause = new Int32Array(n);
    this.chanceKeep = new Float32Array(n);
    this.chanceCause = new Int32Array(n);
    this.lapseMult = new Float32Array(n);
    this.fScale = new Float32Array(n);
  }

  setDay(day: number): void {
    this.today = day + 1;
  }

  private touch(i: number): void {
    if (this.stamp[i] === this.today) return;
    this.stamp[i] = this.today;
    this.keepF[i] = 1;
    this.sumF[i] = 0;
    this.keepR[i] = 1;
    this.sumR[i] = 0;
    this.buyMult[i] = 1;
    this.buyBest[i] = 0;
    this.buyCause[i] = -1;
    this.recallKeep[i] = 1;
    this.recallCause[i] = -1;
    this.chanceKeep[i] = 1;
    this.chanceCause[i] = -1;
    this.lapseMult[i] = 1;
    this.fScale[i] = 1;
  }

  isMarked(i: number): boolean {
    return this.stamp[i] === this.today;
  }

  /** Agent i (in R0..R3) moves forward to `to` today with extra probability p. */
  forward(i: number, p: number, to: number, cause: number, rng: Rng): void {
    if (!(p > 0)) return;
    if (p > 1) p = 1;
    this.touch(i);
    const sum = this.sumF[i]! + p;
    if (this.sumF[i] === 0 || rng.next() * sum < p) {
      this.toF[i] = to;
      this.causeF[i] = cause;
    }
    this.sumF[i] = sum;
    this.keepF[i] = this.keepF[i]! * (1 - p);
  }

  /** Agent i moves down to `to` today with extra probability p (fatigue, leaving a group, unfollowing). */
  reverse(i: number, p: number, to: number, cause: number, rng: Rng): void {
    if (!(p > 0)) return;
    if (p > 1) p = 1;
    this.touch(i);
    const sum = this.sumR[i]! + p;
    if (this.sumR[i] === 0 || rng.next() * sum < p) {
      this.toR[i] = to;
      this.causeR[i] = cause;
    }
    this.sumR[i] = sum;
    this.keepR[i] = this.keepR[i]! * (1 - p);
  }

  /** A buyer's purchase rate is multiplied by m today (λ scaling, docs/domain.md § Repeat buying: BG/NBD). */
  buy(i: number, m: number, cause: number): void {
    if (!(m > 1)) return;
    this.touch(i);
    this.buyMult[i] = this.buyMult[i]! * m;
    const w = Math.log(m);
    if (w > this.buyBest[i]!) {
      this.buyBest[i] = w;
      this.buyCause[i] = cause;
    }
  }

  /** An inactive (dormant) buyer is recalled — buys and becomes active again — with probability p today. */
  recall(i: number, p: number, cause: number): void {
    if (!(p > 0)) return;
    this.touch(i);
    const before = this.recallKeep[i]!;
    this.recallKeep[i] = before * (1 - Math.min(1, p));
    if (this.recallCause[i]! < 0 || p > 1 - before) this.recallCause[i] = cause;
  }

  /**
   * Buyer i purchases today with an extra, independent probability p (an in-stream purchase, a group buy). A dormant
   * BG/NBD buyer who buys this way becomes active again.
   */
  buyChance(i: number, p: number, cause: number): void {
    if (!(p > 0)) return;
    this.touch(i);
    const before = this.chanceKeep[i]!;
    this.chanceKeep[i] = before * (1 - Math.min(1, p));
    if (this.chanceCause[i]! < 0 || p > 1 - before) this.chanceCause[i] = cause;
  }

  /** Multiply agent i's baseline reverse (decay) probability today by m. */
  lapse(i: number, m: number): void {
    this.touch(i);
    this.lapseMult[i] = this.lapseMult[i]! * m;
  }

  /** Scale agent i's own forward and purchase chances today (low-quality fission users convert less; fake ones never). */
  scaleForward(i: number, m: number): void {
    this.touch(i);
    this.fScale[i] = this.fScale[i]! * m;
  }
}
