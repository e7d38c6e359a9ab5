/**
 * The planning timeline's marks for one tactic: runs of consecutive active days. A run of one day is a session or a
 * drop (drawn as a tick); longer runs are windows (drawn as bars). Effort multipliers give each mark its strength.
 */
export interface ActiveSegment {
  /** First and last active day offset (inclusive). */
  from: number;
  to: number;
  /** Largest effort multiplier in the run. */
  effort: number;
}

export function activeSegments(effort: ArrayLike<number>): ActiveSegment[] {
  const out: ActiveSegment[] = [];
  let cur: ActiveSegment | null = null;
  for (let d = 0; d < effort.length; d++) {
    const e = effort[d]!;
    if (e > 0) {
      if (cur && cur.to === d - 1) {
        cur.to = d;
        cur.effort = Math.max(cur.effort, e);
      } else {
        cur = { from: d, to: d, effort: e };
        out.push(cur);
      }
    }
  }
  return out;
}

export function activeDays(effort: ArrayLike<number>): number {
  let n = 0;
  for (let d = 0; d < effort.length; d++) if (effort[d]! > 0) n++;
  return n;
}
