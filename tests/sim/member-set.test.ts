import { describe, expect, it } from 'vitest';
import { MemberSet } from '../../src/sim/step/member-set';
import { Rng } from '../../src/sim/step/rng';

describe('MemberSet', () => {
  it('holds the same agents as a JS Set through random adds and removes, past the size its list starts with', () => {
    const n = 5000;
    const set = new MemberSet(n);
    const oracle = new Set<number>();
    const rng = new Rng('member-set-test');
    for (let step = 0; step < 40_000; step++) {
      const i = rng.int(n);
      // Mostly adds, so the set fills up to every agent and its list has to grow several times.
      if (rng.next() < 0.7) {
        expect(set.add(i)).toBe(!oracle.has(i));
        oracle.add(i);
      } else {
        expect(set.remove(i)).toBe(oracle.has(i));
        oracle.delete(i);
      }
      if (step % 997 === 0) {
        expect(set.size).toBe(oracle.size);
        expect(new Set(Array.from(set.list.subarray(0, set.size))), `step ${step}`).toEqual(oracle);
      }
    }
    expect(oracle.size).toBeGreaterThan(2048);
    for (let i = 0; i < n; i++) expect(set.has(i)).toBe(oracle.has(i));
    expect(new Set(Array.from(set.list.subarray(0, set.size)))).toEqual(oracle);
  });
});
