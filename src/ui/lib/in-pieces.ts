/**
 * Drive one of the engine's piece-wise computations (Summary.resultSteps, compareSteps) on the UI thread, giving the
 * event loop a turn whenever a slice of work has taken longer than `budgetMs`, and in any case after `maxSteps`
 * pieces — so summarising hundreds of runs never becomes one long task that freezes the page. The step bound makes
 * the yielding a property of the work, not of the machine's speed: a test can check it on a busy machine too. The
 * value is the same as the synchronous version's.
 */
export async function inPieces<T>(g: Generator<void, T>, budgetMs = 12, maxSteps = 16): Promise<T> {
  let start = performance.now();
  let steps = 0;
  for (;;) {
    const step = g.next();
    if (step.done) return step.value;
    pieceStats.pieces++;
    if (++steps >= maxSteps || performance.now() - start > budgetMs) {
      pieceStats.yields++;
      await new Promise<void>((ok) => setTimeout(ok, 0));
      start = performance.now();
      steps = 0;
    }
  }
}

/** Pieces driven and turns given to the event loop since the page loaded (read by the end-to-end tests). */
export const pieceStats = { pieces: 0, yields: 0 };
