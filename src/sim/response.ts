/**
 * Response building blocks shared by every tactic (see docs/model.md § One day, step 1, and docs/domain.md § Response mathematics):
 * geometric adstock with a half-life, then Hill saturation. Same forms as Google Meridian / Meta Robyn so that
 * users who know marketing-mix tools recognise the parameters.
 */

/** Daily carry-over factor θ of a half-life in days: θ = 0.5^(1/h); h = 0 means no carry-over. */
export function halfLifeToTheta(halfLifeDays: number): number {
  return halfLifeDays <= 0 ? 0 : Math.pow(0.5, 1 / halfLifeDays);
}

/**
 * Normalised geometric adstock (Meridian's normalisation): a_t = θ·a_{t−1} + (1 − θ)·x_t, so a steady effort x maps
 * to the level x and the saturation curve's midpoint keeps its meaning whatever the half-life.
 */
export class Adstock {
  readonly theta: number;
  level = 0;
  constructor(halfLifeDays: number) {
    this.theta = halfLifeToTheta(halfLifeDays);
  }
  step(effort: number): number {
    this.level = this.theta * this.level + (1 - this.theta) * effort;
    return this.level;
  }
}

/**
 * The purchase-rate multiplier tactics actually get, given the product m of every tactic's boost for one buyer (groups,
 * guides, membership: lifts of how often they buy) and the market's headroom h:
 * 1 + (m − 1) / (1 + (m − 1)/h) for m > 1 (a cut below m, at most 1 + h), m itself for m ≤ 1. A customer's needs are
 * finite and part of them goes to other brands and stores: one small lift passes almost whole (×1.3 becomes ×1.23 at
 * h = 1), lifts stacked from several tactics add less and less (×3 becomes ×1.67). Extra purchase occasions (a
 * session, a group buy, a coupon) are not boosts and are not cut: each is limited by its own mechanics.
 */
export function withinHeadroom(m: number, h: number): number {
  if (!(m > 1)) return m;
  const x = m - 1;
  return 1 + x / (1 + x / h);
}

/** Hill saturation (Meridian's form): 1 / (1 + (x/ec)^(−s)); Hill(ec) = 0.5; s ≤ 1 concave, s > 1 S-shaped. */
export function hill(x: number, ec: number, shape: number): number {
  if (x <= 0) return 0;
  return 1 / (1 + Math.pow(x / ec, -shape));
}

/** The effort that gives pressure y on a Hill curve (inverse of `hill`). */
export function hillInverse(y: number, ec: number, shape: number): number {
  if (y <= 0) return 0;
  if (y >= 1) return Infinity;
  return ec * Math.pow(y / (1 - y), 1 / shape);
}

/**
 * The three marks shown on every response curve, in the spirit of Capsim's budget guide:
 * maintain — the effort that gives a quarter of the maximum pressure (enough to keep a presence),
 * grow — the half-saturation effort ec, around which an extra yuan buys the most (for S-shaped curves),
 * flatten — the effort at 90 % of the maximum, beyond which returns flatten.
 */
export function curveMarks(ec: number, shape: number): { maintain: number; grow: number; flatten: number } {
  return {
    maintain: hillInverse(0.25, ec, shape),
    grow: ec,
    flatten: hillInverse(0.9, ec, shape),
  };
}

/**
 * Discrete Bass diffusion with the engine's way of combining chances: each day a not-yet-reached person is reached
 * with probability 1 − (1 − p)(1 − q·F_t), i.e. external influence and imitation as independent chances
 * (docs/model.md § One day: forward sources combine as independent chances). The textbook recursion F_{t+1} = F_t + (1 − F_t)(p + q·F_t)
 * differs only by the p·q·F_t term. Returns F_0..F_days.
 */
export function bassDiscrete(p: number, q: number, days: number, f0 = 0): Float64Array {
  const f = new Float64Array(days + 1);
  f[0] = f0;
  for (let t = 0; t < days; t++) {
    const ft = f[t]!;
    const hazard = 1 - (1 - p) * (1 - q * ft);
    f[t + 1] = ft + (1 - ft) * hazard;
  }
  return f;
}

/** Textbook discrete Bass: F_{t+1} = F_t + (1 − F_t)(p + q·F_t). */
export function bassDiscreteTextbook(p: number, q: number, days: number, f0 = 0): Float64Array {
  const f = new Float64Array(days + 1);
  f[0] = f0;
  for (let t = 0; t < days; t++) {
    const ft = f[t]!;
    f[t + 1] = ft + (1 - ft) * (p + q * ft);
  }
  return f;
}

/** Continuous Bass (1969): F(t) = (1 − e^(−(p+q)t)) / (1 + (q/p)·e^(−(p+q)t)). */
export function bassContinuous(p: number, q: number, t: number): number {
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}
