/// <reference lib="webworker" />
/**
 * The Planner view's worker: validates a batch (src/planner/batch.ts) whose scenario is inline, runs its mean-field
 * part, and its Monte Carlo jobs either on the app's worker pool (`pooled`: each job's runs are asked of the page,
 * which spreads them over the dashboard's workers and adds them in run order) or, without a pool, in this thread.
 * Cancel is `terminate()`: nothing here needs to be undone. The result is the same JSON the command line writes for
 * the same batch (same seeds, same bytes), whatever the number of workers.
 */
import { prepare, runBatch, validateBatch } from '../../planner/batch';
import { totalsSource, type RunTotals } from '../../planner/figures';
import type { FigureSource } from '../../planner/jobs';
import type { EngineConfig } from '../../sim';
import { runDigests } from '../../sim';
import { Summary } from '../../sim';
import type { PlannerMessage, PlannerRequest } from './protocol';

const post = (m: PlannerMessage) => (self as unknown as Worker).postMessage(m);

/** Monte Carlo asked of the page, by request id. */
const asked = new Map<number, { ok: (t: RunTotals) => void; no: (e: Error) => void }>();
let lastId = 0;

self.onmessage = (e: MessageEvent<PlannerRequest>) => {
  const m = e.data;
  if (m.type === 'mcDone' || m.type === 'mcFailed') {
    const w = asked.get(m.id);
    asked.delete(m.id);
    if (m.type === 'mcDone') w?.ok(m.totals);
    else w?.no(new Error(m.message));
    return;
  }
  void start(m.batch, m.pooled);
};

async function start(batch: Record<string, unknown>, pooled: boolean): Promise<void> {
  try {
    const v = validateBatch(batch, () => ({ ok: false, message: 'a scenario file cannot be read in the app' }));
    if (!v.ok) return post({ type: 'invalid', errors: v.errors });
    post({ type: 'progress', phase: 'meanField', job: 0, jobs: 0, run: 0, runs: 0 });
    const p = prepare(v.batch);
    const phase = p.kind === 'goalSeek' ? 'seek' : 'jobs';
    let job = 0;
    const inThread = async (config: EngineConfig): Promise<FigureSource> => {
      const s = new Summary(config);
      for (let r = 0; r < config.runs; r++) {
        for (const d of runDigests(config, r, r + 1)) s.add(d);
        post({ type: 'progress', phase, job: job + 1, jobs: p.jobs.length, run: r + 1, runs: config.runs });
        // Let the cancel (terminate) and the progress messages through between runs.
        await new Promise((ok) => setTimeout(ok, 0));
      }
      return s;
    };
    const onPool = (config: EngineConfig): Promise<FigureSource> =>
      new Promise<RunTotals>((ok, no) => {
        const id = ++lastId;
        asked.set(id, { ok, no });
        post({ type: 'mc', id, config, phase, job: job + 1, jobs: p.jobs.length });
      }).then(totalsSource);
    const run = async (config: EngineConfig): Promise<FigureSource> => {
      const s = await (pooled ? onPool(config) : inThread(config));
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
}
