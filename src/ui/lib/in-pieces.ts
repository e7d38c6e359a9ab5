/**
 * Drive one of the engine's piece-wise computations (Summary.resultSteps, compareSteps) on the UI thread, giving the
 * event loop a turn whenever a slice of work has taken longer than `budgetMs` — so summarising hundreds of runs never
 * becomes one long task that freezes the page. The value is the same as the synchronous version's.
 */
export async function inPieces<T>(g: Generator<void, T>, budgetMs = 12): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = g.next();
    if (step.done) return step.value;
    if (performance.now() - start > budgetMs) {
      await new Promise<void>((ok) => setTimeout(ok, 0));
      start = performance.now();
    }
  }
}
