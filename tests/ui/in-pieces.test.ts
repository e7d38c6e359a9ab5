import { describe, expect, it, vi } from 'vitest';
import { inPieces, pieceStats } from '../../src/ui/lib/in-pieces';

function* counter(n: number): Generator<void, number> {
  for (let i = 0; i < n; i++) yield;
  return n;
}

describe('inPieces', () => {
  it('gives the event loop a turn at least every maxSteps pieces, however fast the machine is', async () => {
    // A frozen clock: the time budget never runs out, so only the step bound can make it yield.
    const now = vi.spyOn(performance, 'now').mockReturnValue(0);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const before = { ...pieceStats };
    try {
      expect(await inPieces(counter(100), 12, 16)).toBe(100);
    } finally {
      now.mockRestore();
    }
    expect(pieceStats.pieces - before.pieces).toBe(100);
    expect(pieceStats.yields - before.yields).toBe(6); // after pieces 16, 32, 48, 64, 80, 96
    expect(timers).toHaveBeenCalledTimes(6);
    timers.mockRestore();
  });

  it('yields when a slice takes longer than the budget', async () => {
    let t = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => (t += 10));
    const before = pieceStats.yields;
    try {
      expect(await inPieces(counter(10), 12, 1000)).toBe(10);
    } finally {
      now.mockRestore();
    }
    // Each piece advances the clock by 10 ms (start at 10, then 20 > 10+12? no, 30 > 22 yes): a turn every two pieces.
    expect(pieceStats.yields - before).toBe(5);
  });
});
