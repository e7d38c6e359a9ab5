/**
 * Undo and redo over snapshots of the draft. Typing in one field makes many edits a second apart: edits with the same
 * coalescing key within `windowMs` of each other merge into one undo step, as in text editors.
 */
export class UndoHistory<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | null = null;
  private lastAt = -Infinity;

  constructor(
    private readonly limit = 200,
    private readonly windowMs = 800,
  ) {}

  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }
  get depth(): number {
    return this.past.length;
  }

  /** Record the state before an edit. */
  record(before: T, key: string | null = null, now = 0): void {
    const merge = key !== null && key === this.lastKey && now - this.lastAt <= this.windowMs && this.past.length > 0;
    if (!merge) {
      this.past.push(before);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.future = [];
    this.lastKey = key;
    this.lastAt = now;
  }

  /** The state to go back to, given the current one; null when there is nothing to undo. */
  undo(current: T): T | null {
    const prev = this.past.pop();
    if (prev === undefined) return null;
    this.future.push(current);
    this.lastKey = null;
    return prev;
  }

  redo(current: T): T | null {
    const next = this.future.pop();
    if (next === undefined) return null;
    this.past.push(current);
    this.lastKey = null;
    return next;
  }

  clear(): void {
    this.past = [];
    this.future = [];
    this.lastKey = null;
  }
}
