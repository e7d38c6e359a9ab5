import { DAYS_PER_MONTH } from '../sim';

/**
 * The A (Activating) flow matrix for any period, as an operator reads a flow rate: moves i → j per month over the
 * average population of tier i during the period (the same definition as the A figures, src/sim/results/digest.ts), forward
 * (j > i) and reverse (j < i). Dividing by the tier at the period's start instead would read above 100 % whenever a
 * tier fills up during the period (R1 → R2 "1 285 %" over a year). Built from the result's mean daily moves and mean
 * tier counts (a ratio of means), so any day range can be chosen without re-running.
 */
export interface FlowMatrix {
  /** Moves i → j during the period (mean across runs, real customers), 6 × 6. */
  moves: number[][];
  /** Moves i → j per month ÷ average people in i; null on the diagonal and where tier i was empty throughout. */
  rates: (number | null)[][];
  /** Person-days in each tier over the period: the tier at the start of each day, summed (the rates' exposure). */
  exposure: number[];
  /** Average people in each tier over the period (exposure ÷ days). */
  average: number[];
}

/**
 * @param dailyMoves days × 36 (row-major from × to), mean moves per day.
 * @param tierAt people in tier t at day boundary d (d = 0 … days): the start of day d.
 * @param from first day of the period (inclusive), to last day + 1 (exclusive).
 */
export function flowMatrix(dailyMoves: ReadonlyArray<ArrayLike<number>>, tierAt: (t: number, d: number) => number, from: number, to: number): FlowMatrix {
  const n = 6;
  const a = Math.max(0, Math.min(from, dailyMoves.length));
  const b = Math.max(a, Math.min(to, dailyMoves.length));
  const moves = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const exposure = new Array<number>(n).fill(0);
  for (let d = a; d < b; d++) {
    const row = dailyMoves[d]!;
    for (let i = 0; i < n; i++) {
      exposure[i]! += tierAt(i, d);
      for (let j = 0; j < n; j++) if (i !== j) moves[i]![j]! += row[i * n + j]!;
    }
  }
  const rates = monthlyFlowRates(moves, exposure);
  const average = exposure.map((e) => (b > a ? e / (b - a) : 0));
  return { moves, rates, exposure, average };
}

/** Moves i → j ÷ person-days in i, per month; null on the diagonal and where tier i had no person-days. */
export function monthlyFlowRates(moves: ReadonlyArray<ReadonlyArray<number>>, exposure: ReadonlyArray<number>): (number | null)[][] {
  return moves.map((row, i) => row.map((m, j) => (i === j || !(exposure[i]! > 0) ? null : (m / exposure[i]!) * DAYS_PER_MONTH)));
}

/** Sum of forward (upward) and reverse (downward) moves in a 6 × 6 matrix. */
export function directionTotals(moves: ReadonlyArray<ReadonlyArray<number>>): { forward: number; reverse: number } {
  let forward = 0;
  let reverse = 0;
  moves.forEach((row, i) =>
    row.forEach((m, j) => {
      if (j > i) forward += m;
      else if (j < i) reverse += m;
    }),
  );
  return { forward, reverse };
}
