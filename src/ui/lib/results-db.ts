import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Scenario } from '../../scenario/types';
import type { ContributionReport } from '../../sim';
import type { SimulationResult } from '../../sim';
import type { CompareOutcome } from '../state/compare.svelte';

/**
 * Results that outlive the page, in IndexedDB (through `idb`, a small promise wrapper): every finished run of a
 * scenario with the scenario exactly as it ran, so a reload shows the last result of the open scenario again — marked
 * stale when the scenario has changed since (its JSON differs) — and a short history of earlier runs can be reopened.
 * The last comparison is kept the same way. localStorage is too small for results (a year of daily bands is
 * megabytes) and blocks the page while it writes.
 */

/** Runs kept per scenario, newest first: older ones are dropped when a new one is saved. */
export const HISTORY_LIMIT = 5;

export interface SavedRun {
  /** Assigned by the store. */
  id?: number;
  /** The scenario's own id (user copies get unique ids, so two scenarios never share a history). */
  key: string;
  /** The scenario as it ran, and its JSON (compared with the open draft's to tell a stale result). */
  scenario: Scenario;
  scenarioJson: string;
  result: SimulationResult;
  contributions: ContributionReport | null;
  /** When the run finished, ISO 8601. */
  savedAt: string;
}

export interface SavedComparison {
  outcome: CompareOutcome;
  savedAt: string;
}

/** What the app needs from the store; the browser's is IndexedDB, the tests' lives in memory. */
export interface ResultsStore {
  /** Save a run (newest of its scenario's history, pruned to HISTORY_LIMIT); returns its id. */
  saveRun(run: Omit<SavedRun, 'id'>): Promise<number>;
  /** Add per-tactic values computed later to a saved run. */
  setContributions(id: number, contributions: ContributionReport): Promise<void>;
  /** A scenario's saved runs, newest first. */
  history(key: string): Promise<SavedRun[]>;
  getRun(id: number): Promise<SavedRun | undefined>;
  saveComparison(c: SavedComparison): Promise<void>;
  lastComparison(): Promise<SavedComparison | undefined>;
}

interface ResultsSchema extends DBSchema {
  runs: { key: number; value: SavedRun; indexes: { byKey: string } };
  comparisons: { key: string; value: SavedComparison };
}

export const RESULTS_DB = 'star-sandbox-results';
const LAST = 'last';

/** Newest first; among runs saved in the same millisecond, the later id first. */
function newestFirst(a: SavedRun, b: SavedRun): number {
  return a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : (b.id ?? 0) - (a.id ?? 0);
}

/** The ids to drop so that at most `limit` runs remain, the newest kept. */
export function prunable(runs: SavedRun[], limit = HISTORY_LIMIT): number[] {
  return [...runs].sort(newestFirst).slice(limit).map((r) => r.id!);
}

/** The browser's store (null when IndexedDB is unavailable, e.g. some private modes: results then live in memory). */
export function indexedDbResults(name = RESULTS_DB): ResultsStore | null {
  if (!(globalThis as { indexedDB?: unknown }).indexedDB) return null;
  let db: Promise<IDBPDatabase<ResultsSchema>> | null = null;
  const open = () =>
    (db ??= openDB<ResultsSchema>(name, 1, {
      upgrade(d) {
        const runs = d.createObjectStore('runs', { keyPath: 'id', autoIncrement: true });
        runs.createIndex('byKey', 'key');
        d.createObjectStore('comparisons');
      },
    }));
  return {
    async saveRun(run) {
      const d = await open();
      const tx = d.transaction('runs', 'readwrite');
      const id = (await tx.store.add(run as SavedRun)) as number;
      const all = await tx.store.index('byKey').getAll(run.key);
      for (const old of prunable(all)) await tx.store.delete(old);
      await tx.done;
      return id;
    },
    async setContributions(id, contributions) {
      const d = await open();
      const tx = d.transaction('runs', 'readwrite');
      const run = await tx.store.get(id);
      if (run) await tx.store.put({ ...run, contributions });
      await tx.done;
    },
    async history(key) {
      const d = await open();
      return (await d.getAllFromIndex('runs', 'byKey', key)).sort(newestFirst);
    },
    async getRun(id) {
      return (await open()).get('runs', id);
    },
    async saveComparison(c) {
      await (await open()).put('comparisons', c, LAST);
    },
    async lastComparison() {
      return (await open()).get('comparisons', LAST);
    },
  };
}

/** A store in memory with the same behaviour (tests, and the fallback without IndexedDB). */
export function memoryResults(): ResultsStore {
  const runs = new Map<number, SavedRun>();
  let next = 1;
  let comparison: SavedComparison | undefined;
  return {
    async saveRun(run) {
      const id = next++;
      runs.set(id, structuredClone({ ...run, id }));
      for (const old of prunable([...runs.values()].filter((r) => r.key === run.key))) runs.delete(old);
      return id;
    },
    async setContributions(id, contributions) {
      const r = runs.get(id);
      if (r) runs.set(id, { ...r, contributions: structuredClone(contributions) });
    },
    async history(key) {
      return [...runs.values()].filter((r) => r.key === key).sort(newestFirst).map((r) => structuredClone(r));
    },
    async getRun(id) {
      const r = runs.get(id);
      return r && structuredClone(r);
    },
    async saveComparison(c) {
      comparison = structuredClone(c);
    },
    async lastComparison() {
      return comparison && structuredClone(comparison);
    },
  };
}
