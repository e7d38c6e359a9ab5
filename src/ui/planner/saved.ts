import { openDB, type IDBPDatabase } from 'idb';
import type { BatchResult } from '../../planner/batch';
import { compileScenario } from '../../scenario/compile';
import type { Scenario } from '../../scenario/types';
import { configKey } from '../lib/baseline-cache';

/**
 * Planner results that outlive the page, in IndexedDB (a database of their own, so the runs' store keeps its schema):
 * the last result of each tool for each scenario, with the scenario exactly as it ran, so a reload shows it again —
 * marked stale when the scenario has changed since (its JSON differs).
 */
export interface SavedPlan {
  /** `<scenario id>/<tool>`. */
  key: string;
  scenarioJson: string;
  result: BatchResult;
  savedAt: string;
}

export interface PlanStore {
  save(p: SavedPlan): Promise<void>;
  get(key: string): Promise<SavedPlan | undefined>;
}

export const PLANNER_DB = 'star-sandbox-planner';

/**
 * The hash of a scenario as the engine sees it (its compiled config, every assumption drawn or not as the scenario
 * says): two scenarios with the same hash give the same projections and runs, whatever their names or key order.
 */
export function scenarioHash(s: Scenario): string {
  return configKey(compileScenario(s));
}

export function planKey(scenarioId: string, tool: string): string {
  return `${scenarioId}/${tool}`;
}

/** IndexedDB when the browser has it, else memory (the page's lifetime). */
export function planStore(name = PLANNER_DB): PlanStore {
  if (!(globalThis as { indexedDB?: unknown }).indexedDB) return memoryPlans();
  let db: Promise<IDBPDatabase> | null = null;
  const open = () => (db ??= openDB(name, 1, { upgrade: (d) => void d.createObjectStore('plans', { keyPath: 'key' }) }));
  return {
    async save(p) {
      await (await open()).put('plans', p);
    },
    async get(key) {
      return (await (await open()).get('plans', key)) as SavedPlan | undefined;
    },
  };
}

export function memoryPlans(): PlanStore {
  const m = new Map<string, SavedPlan>();
  return {
    async save(p) {
      m.set(p.key, structuredClone(p));
    },
    async get(key) {
      return structuredClone(m.get(key));
    },
  };
}
