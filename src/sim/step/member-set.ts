/**
 * A set of agent indices with O(1) add, remove and membership, iterable in a dense array (no allocation): the
 * members of community groups, a guide's WeCom contacts, coupon holders, registered members. Iteration order is the
 * order of additions with swap-removal, which is deterministic for a given run.
 */
export class MemberSet {
  /** Agents in the set: list[0..size). It grows as agents are added (read it afresh, not from a saved local). */
  list: Int32Array;
  /** Position of agent i in `list`, or −1. */
  private readonly pos: Int32Array;
  size = 0;

  constructor(n: number) {
    // Most sets hold a small share of the agents: the list starts small and doubles (up to n), so a set costs
    // 4 bytes per agent (pos) plus its members, not 8 bytes per agent.
    this.list = new Int32Array(Math.min(n, 1024));
    this.pos = new Int32Array(n).fill(-1);
  }

  has(i: number): boolean {
    return this.pos[i]! >= 0;
  }

  add(i: number): boolean {
    if (this.pos[i]! >= 0) return false;
    if (this.size === this.list.length) {
      const more = new Int32Array(Math.min(this.pos.length, 2 * this.list.length));
      more.set(this.list);
      this.list = more;
    }
    this.pos[i] = this.size;
    this.list[this.size++] = i;
    return true;
  }

  remove(i: number): boolean {
    const at = this.pos[i]!;
    if (at < 0) return false;
    const last = this.list[--this.size]!;
    this.list[at] = last;
    this.pos[last] = at;
    this.pos[i] = -1;
    return true;
  }

  /** The members in iteration order (a copy): with `restore`, what a checkpoint keeps of the set. */
  members(): Int32Array {
    return this.list.slice(0, this.size);
  }

  /** Empty the set and add `members` in order: the same iteration order as the set they were read from. */
  restore(members: ArrayLike<number>): void {
    for (let k = 0; k < this.size; k++) this.pos[this.list[k]!] = -1;
    this.size = 0;
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      if (!Number.isInteger(i) || i < 0 || i >= this.pos.length) throw new RangeError(`member ${i} is not an agent index below ${this.pos.length}`);
      if (!this.add(i)) throw new RangeError(`agent ${i} is listed twice`);
    }
  }
}
