import { PlannerRun } from './planner-run.svelte';

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
