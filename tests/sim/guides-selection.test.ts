import { describe, expect, it } from 'vitest';
import { FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { createRun, finishRun, stepDay } from '../../src/sim/step/model';
import { R2, R3, TIER_COUNT } from '../../src/sim/tiers';
import { config, tacticMarket } from '../helpers';
import { sized } from '../mutation-size';

/**
 * Who adds a guide (issue 9): store staff add customers at the till, people who are buying; the rest come from people
 * who know the brand (R2). guides.inStoreShare splits a guide's daily adds between the two.
 */
const guides = (inStoreShare: number) =>
  config({
    ...tacticMarket({ days: 150, runs: 3, seed: 11, agents: sized(20000, 5000) }),
    tactics: [{ id: 'g', type: 'guides', schedule: { daily: true }, guides: 20, addsPerGuide: 10, inStoreShare, postOrderAddRate: 0 }],
  });

/** One run: the guides' R2 → R3 moves and the contacts they added (in agents). */
function oneRun(inStoreShare: number): { r2r3: number; added: number } {
  const cfg = guides(inStoreShare);
  const s = createRun(cfg, 0);
  for (let d = 0; d < cfg.days; d++) stepDay(s, d);
  const added = s.tactics[0]!.report!(s)[2]! / cfg.scale;
  const rec = finishRun(s);
  return { r2r3: rec.causeMoves[FIRST_TACTIC_CAUSE * TIER_COUNT * TIER_COUNT + R2 * TIER_COUNT + R3]!, added };
}

describe('guides: contacts added at the till or from R2', () => {
  it('all at the till: no R2 → R3 move is the guides’, yet contacts are added', () => {
    const r = oneRun(1);
    expect(r.added).toBeGreaterThan(100);
    expect(r.r2r3).toBe(0);
  });
  it('none at the till: every contact added is an R2 → R3 move by the guides (post-order adds off)', () => {
    const r = oneRun(0);
    expect(r.added).toBeGreaterThan(100);
    expect(r.added).toBe(r.r2r3);
  });
});
