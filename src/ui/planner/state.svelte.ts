import type { PoolJobs, PoolLike } from '../state/pool';
import { PlannerPool } from './planner-pool';
import { PlannerRun } from './planner-run.svelte';
import { planKey, planStore, type PlanStore } from './saved';

/**
 * The Planner view's form values and jobs, kept while the app is open (leaving the view and coming back keeps both;
 * a running job goes on).
 */
export const form = $state({
  tool: 'sweep' as 'sweep' | 'tornado' | 'goalSeek' | 'optimise',
  runs: '10',
  agents: '5000',
  sweep: { path: '', from: '', to: '', steps: '5', second: false, path2: '', from2: '', to2: '', steps2: '5', method: 'meanField' as 'meanField' | 'monteCarlo', figure: 'incremental.gmv' },
  tornado: { figure: 'incremental.gmv', top: '5' },
  goal: { path: '', figure: 'r5', target: '', probability: '0.8', min: '', max: '' },
  opt: { budget: '', objective: 'margin' as 'gmv' | 'margin' | 'r5' | 'assets', risk: 'mean' as 'mean' | 'p10' | 'lossCap', maxLoss: '0.2', candidates: '3', tactics: {} as Record<string, { on: boolean; min: string; max: string }> },
  /** The scenario the forms were filled for (a new scenario resets the fields that name its parts). */
  scenarioId: '',
});

export const runs = {
  sweep: new PlannerRun(),
  tornado: new PlannerRun(),
  goalSeek: new PlannerRun(),
  optimise: new PlannerRun(),
};

/** Give the tools the app's worker pool (once): their Monte Carlo runs on it, in parallel, in the pool's line. */
export function usePool(pool: PoolLike, jobs: PoolJobs): void {
  for (const run of Object.values(runs)) run.pool ??= new PlannerPool(pool, jobs);
}

let store: PlanStore | null = null;
/** The saved results (opened on first use: module load must not touch IndexedDB). */
export function plans(): PlanStore {
  return (store ??= planStore());
}

for (const [tool, run] of Object.entries(runs)) {
  run.onDone = (batch, result) => {
    const s = batch.scenario as { id: string };
    void plans()
      .save({ key: planKey(s.id, tool), scenarioJson: JSON.stringify(batch.scenario), result, savedAt: new Date().toISOString() })
      .catch(() => undefined);
  };
}

/** Show each tool's saved result for this scenario (stale when the scenario changed since), or none. */
export async function restoreFor(scenario: { id: string }): Promise<void> {
  const json = JSON.stringify(scenario);
  for (const [tool, run] of Object.entries(runs)) {
    let saved;
    try {
      saved = await plans().get(planKey(scenario.id, tool));
    } catch {
      saved = undefined;
    }
    if (saved) run.restore(saved.result, saved.scenarioJson !== json);
    // A result shown for another scenario is not this one's.
    else run.clear();
  }
}
