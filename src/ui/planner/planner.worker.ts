/// <reference lib="webworker" />
/**
 * The Planner view's worker: validates a batch (src/planner/batch.ts) whose scenario is inline, runs its mean-field
 * part and its Monte Carlo jobs in this thread, and reports progress. Cancel is `terminate()`: nothing here needs to
 * be undone. The result is the same JSON the command line writes for the same batch (same seeds, same bytes).
 */
import { prepare, runBatch, validateBatch } from '../../planner/batch';
import type { EngineConfig } from '../../sim';
import { runDigests } from '../../sim';
import { Summary } from '../../sim';
import type { PlannerMessage, PlannerRequest } from './protocol';

const post = (m: PlannerMessage) => (self as unknown as Worker).postMessage(m);

self.onmessage = async (e: MessageEvent<PlannerRequest>) => {
  try {
    const v = validateBatch(e.data.batch, () => ({ ok: false, message: 'a scenario file cannot be read in the app' }));
    if (!v.ok) return post({ type: 'invalid', errors: v.errors });
    post({ type: 'progress', phase: 'meanField', job: 0, jobs: 0, run: 0, runs: 0 });
    const p = prepare(v.batch);
    let job = 0;
    const run = async (config: EngineConfig): Promise<Summary> => {
      const s = new Summary(config);
      for (let r = 0; r < config.runs; r++) {
        for (const d of runDigests(config, r, r + 1)) s.add(d);
        post({ type: 'progress', phase: p.kind === 'goalSeek' ? 'seek' : 'jobs', job: job + 1, jobs: p.jobs.length, run: r + 1, runs: config.runs });
        // Let the cancel (terminate) and the progress messages through between runs.
        await new Promise((ok) => setTimeout(ok, 0));
      }
      if (p.kind === 'goalSeek') job++;
      return s;
    };
    const result = await runBatch(p, run, (done) => {
      if (p.kind !== 'goalSeek') job = done;
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
};
