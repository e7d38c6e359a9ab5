import { describe, expect, it } from 'vitest';
import { FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { createRun, finishRun, stepDay } from '../../src/sim/step/model';
import { R1, R2, TIER_COUNT } from '../../src/sim/tiers';
import { config, STILL_BASELINE } from '../helpers';

/**
 * Content reaches the people outside the private domain through the people in it (issue 9: content had no
 * saturation of its readership): a day's R1 → R2 moves from content are about audience × reachPerFollower ×
 * pressure × interactRate, whatever the number of reached people.
 */
const still = STILL_BASELINE;

function contentMoves(r3Share: number): number {
  const cfg = config({
    days: 100,
    seed: 5,
    population: { agents: 11000, scale: 1, initial: { R0: 0, R1: 1 - r3Share, R2: 0, R3: r3Share, R4: 0, R5: 0 }, heterogeneity: false },
    baseline: still,
    uncertainty: { assumptions: false, fixed: [] },
    tactics: [{ id: 'c', type: 'content', schedule: { daily: true }, postsPerDay: 50, followRate: 0, unfollowPerExtraPost: 0, reachPerFollower: 0.1, interactRate: 0.03 }],
  });
  const s = createRun(cfg, 0);
  for (let d = 0; d < cfg.days; d++) stepDay(s, d);
  return finishRun(s).causeMoves[FIRST_TACTIC_CAUSE * TIER_COUNT * TIER_COUNT + R1 * TIER_COUNT + R2]!;
}

describe('content: readers outside the private domain come through the people in it', () => {
  it('without a private domain, posts reach nobody outside it', () => {
    expect(contentMoves(0)).toBe(0);
  });
  it('1 000 people in it bring about 1 000 × 0.1 × pressure readers a day, 3 % of whom interact: about 3 moves a day', () => {
    // Pressure: Hill of the adstocked 50 posts (ec 0.5, shape 1) is 0.95 on day 1 and 0.99 after; 100 days ≈ 296
    // moves, a count with sd about √296 ≈ 17 (each reader's chance is small).
    const n = contentMoves(1000 / 11000);
    expect(Math.abs(n - 296)).toBeLessThan(4 * 17);
  });
});
