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

  it('removes the agent at the first position like any other', () => {
    const set = new MemberSet(10);
    set.add(7);
    set.add(3);
    expect(set.remove(7)).toBe(true);
    expect(set.has(7)).toBe(false);
    expect(Array.from(set.members())).toEqual([3]);
    expect(set.remove(3)).toBe(true);
    expect(set.size).toBe(0);
    expect(set.remove(3)).toBe(false);
  });

  it('starts its list at min(n, 1024) slots and doubles it only when full, up to n', () => {
    expect(new MemberSet(10).list.length).toBe(10);
    const set = new MemberSet(3000);
    expect(set.list.length).toBe(1024);
    for (let i = 0; i < 1024; i++) set.add(i);
    expect(set.list.length).toBe(1024);
    set.add(1024);
    expect(set.list.length).toBe(2048);
    for (let i = 1025; i < 2049; i++) set.add(i);
    expect(set.list.length).toBe(3000); // not 4096: never more slots than agents
    for (let i = 2049; i < 3000; i++) set.add(i);
    expect(set.size).toBe(3000);
    expect(set.list[2999]).toBe(2999);
  });

  it('gives its members in order (a copy) and restores them in that order, replacing what it held', () => {
    const set = new MemberSet(8);
    for (const i of [5, 1, 6, 2]) set.add(i);
    set.remove(1); // swap-removal: 2 takes 1's place
    const kept = set.members();
    expect(Array.from(kept)).toEqual([5, 2, 6]);
    set.add(0);
    expect(Array.from(kept)).toEqual([5, 2, 6]); // a copy, not a view of the list
    const other = new MemberSet(8);
    other.add(7);
    other.add(4);
    other.restore(kept);
    expect(Array.from(other.members())).toEqual([5, 2, 6]);
    expect(other.size).toBe(3);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => other.has(i))).toEqual([false, false, true, false, false, true, true, false]);
    // Positions are right after a restore: removing the first member moves the last into its place.
    expect(other.remove(5)).toBe(true);
    expect(Array.from(other.members())).toEqual([6, 2]);
    other.restore([]);
    expect(other.size).toBe(0);
    expect(other.has(6)).toBe(false);
  });

  it('refuses to restore members that are not agent indices or are listed twice, naming the member', () => {
    const set = new MemberSet(4);
    expect(() => set.restore([1, 4])).toThrow('member 4 is not an agent index below 4');
    expect(() => set.restore([-1])).toThrow('member -1 is not an agent index below 4');
    expect(() => set.restore([1.5])).toThrow('member 1.5 is not an agent index below 4');
    expect(() => set.restore([2, 0, 2])).toThrow('agent 2 is listed twice');
    set.restore([0, 3]);
    expect(Array.from(set.members())).toEqual([0, 3]);
  });
});
