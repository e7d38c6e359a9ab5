/**
 * The A (Activating) flow matrix for any period: of the people in tier i at the period's start, the share that moved
 * to tier j during it (STAR's flow rate), forward (j > i) and reverse (j < i). Built from the result's mean daily
 * moves and mean tier counts, so any day range can be chosen without re-running.
 */
export interface FlowMatrix {
  /** Moves i → j during the period (mean across runs, real customers), 6 × 6. */
  moves: number[][];
  /** moves[i][j] / people in i at the start; null on the diagonal and where tier i started empty. */
  rates: (number | null)[][];
  /** People in each tier at the period's start. */
  start: number[];
}

/**
 * @param dailyMoves days × 36 (row-major from × to), mean moves per day.
 * @param tierAt people in tier t at day boundary d (d = 0 … days).
 * @param from first day of the period (inclusive), to last day + 1 (exclusive).
 */
export function flowMatrix(dailyMoves: ReadonlyArray<ArrayLike<number>>, tierAt: (t: number, d: number) => number, from: number, to: number): FlowMatrix {
  const n = 6;
  const a = Math.max(0, Math.min(from, dailyMoves.length));
  const b = Math.max(a, Math.min(to, dailyMoves.length));
  const moves = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let d = a; d < b; d++) {
    const row = dailyMoves[d]!;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) moves[i]![j]! += row[i * n + j]!;
  }
  const start = Array.from({ length: n }, (_, t) => tierAt(t, a));
  const rates = moves.map((row, i) => row.map((m, j) => (i === j || !(start[i]! > 0) ? null : m / start[i]!)));
  return { moves, rates, start };
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
