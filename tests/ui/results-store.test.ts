import { describe, expect, it } from 'vitest';
import { AppState } from '../../src/ui/state/app.svelte';
import { MemoryStore } from '../../src/ui/lib/storage';
import { loadPresets, type PresetEntry } from '../../src/ui/lib/presets';
import { HISTORY_LIMIT, memoryResults, prunable, type SavedRun } from '../../src/ui/lib/results-db';
import { scenario, scenarioJson } from '../helpers';
import { doNothing } from '../../src/scenario/variants';
import type { Candidate } from '../../src/ui/state/compare.svelte';
import { FakePool, until } from './fake-pool';

/**
 * Results that persist: every finished run is saved with the scenario as it ran; a new page shows the open scenario's
 * newest saved run, marked stale once the scenario changes; each scenario keeps its last HISTORY_LIMIT runs. The
 * browser's IndexedDB store is checked end to end in tests/e2e/report.test.ts; here the same contract in memory.
 */

function presets(): PresetEntry[] {
  // Two tactics' worth of plan is not needed: one small preset, a few runs of a small sample.
  return loadPresets({ '/scenarios/test-preset.json': scenarioJson({ id: 'test-preset', name: { en: 'Test preset', zh: '测试预设' }, runs: 3, days: 30, population: { agents: 500 } }) });
}

const run = (id: number, savedAt: string): SavedRun => ({ id, key: 'k', savedAt } as SavedRun);

describe('history of saved runs', () => {
  it('keeps the newest runs and drops the rest, by time then by id', () => {
    const runs = [run(1, '2026-01-01T00:00:00Z'), run(2, '2026-01-03T00:00:00Z'), run(3, '2026-01-02T00:00:00Z'), run(4, '2026-01-03T00:00:00Z')];
    // Newest first: 4 and 2 (same time, later id first), then 3, then 1.
    expect(prunable(runs, 2).sort()).toEqual([1, 3]);
    expect(prunable(runs, 3)).toEqual([1]);
    expect(prunable(runs, 4)).toEqual([]);
  });

  it('saves at most HISTORY_LIMIT runs per scenario, newest first, and never touches another scenario', async () => {
    const store = memoryResults();
    const other = await store.saveRun({ ...run(0, '2026-01-01T00:00:00Z'), key: 'other' } as SavedRun);
    for (let i = 1; i <= HISTORY_LIMIT + 2; i++) await store.saveRun({ key: 'k', savedAt: `2026-02-0${i}T00:00:00Z` } as SavedRun);
    const h = await store.history('k');
    expect(h.map((r) => r.savedAt)).toEqual([7, 6, 5, 4, 3].map((d) => `2026-02-0${d}T00:00:00Z`));
    expect(await store.getRun(other)).toBeDefined();
  });
});

describe('results that survive a reload', () => {
  it('saves a finished run; a new page shows it, not rerun, and marks it stale once the scenario changes', async () => {
    const results = memoryResults();
    const pool = new FakePool();
    const first = new AppState(new MemoryStore(), pool, presets(), results);
    first.openPreset('test-preset');
    first.runDraft();
    await until(() => first.runner.status === 'done' && first.runHistory.length === 1);
    const saved = first.runHistory[0]!;
    expect(saved.key).toBe('test-preset');
    expect(JSON.stringify(saved.result)).toBe(JSON.stringify(first.runner.result));
    expect(saved.scenarioJson).toBe(first.runner.scenarioJson);

    // A new page (a reload): the same scenario opened, nothing run.
    const started = pool.started;
    const second = new AppState(new MemoryStore(), pool, presets(), results);
    second.openPreset('test-preset');
    expect(await second.showSaved('test-preset')).toBe(true);
    expect(pool.started).toBe(started);
    expect(second.runner.status).toBe('done');
    expect(second.runner.restoredAt).toBe(saved.savedAt);
    expect(JSON.stringify(second.runner.result)).toBe(JSON.stringify(first.runner.result));
    const json = () => (second.draft.validation?.ok ? JSON.stringify(second.draft.validation.scenario) : null);
    expect(second.runner.isStale(json())).toBe(false);
    second.draft.set('runs', 4);
    expect(second.runner.isStale(json())).toBe(true);
  });

  it('a run of the scenario replaces nothing else: the second run is the newest of two, both reopenable', async () => {
    const results = memoryResults();
    const app = new AppState(new MemoryStore(), new FakePool(), presets(), results);
    // One of the user's own scenarios (editing a preset would fork it into a new scenario with its own history).
    app.newFromPreset('test-preset');
    app.runDraft();
    await until(() => app.runner.status === 'done' && app.runHistory.length === 1);
    app.draft.set('seed', 99);
    app.runDraft();
    await until(() => app.runner.status === 'done' && app.runHistory.length === 2);
    expect(app.runHistory.map((r) => r.result.meta.seed)).toEqual(['99', String(app.runHistory[1]!.scenario.seed)]);
    expect(app.shownRunId).toBe(app.runHistory[0]!.id);
    app.openSavedRun(app.runHistory[1]!);
    expect(app.runner.result!.meta.seed).not.toBe('99');
    expect(app.runner.restoredAt).toBe(app.runHistory[1]!.savedAt);
  });
});

describe('the last comparison survives a reload', () => {
  it('is saved when done and shown again in a new page, marked as saved, without rerunning', async () => {
    const results = memoryResults();
    const pool = new FakePool();
    const first = new AppState(new MemoryStore(), pool, presets(), results);
    const plan = scenario({ runs: 2, days: 20, population: { agents: 300 }, tactics: [{ id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend: 5000 }] });
    const candidates: Candidate[] = [
      { id: 'user:plan', name: 'Plan', group: 'mine', scenario: plan },
      { id: 'baseline:user:plan', name: 'Nothing', group: 'baseline', scenario: doNothing(plan) },
    ];
    const c = first.compare;
    c.toggle('user:plan');
    c.toggle('baseline:user:plan');
    c.setReference('baseline:user:plan');
    c.runs = 2;
    c.days = 20;
    await c.run(candidates);
    expect(c.status).toBe('done');
    let saved = await results.lastComparison();
    for (let i = 0; i < 200 && !saved; i++) {
      await new Promise((ok) => setTimeout(ok, 5));
      saved = await results.lastComparison();
    }
    expect(saved && JSON.stringify(saved.outcome.comparisons)).toBe(JSON.stringify(c.outcome!.comparisons));

    const started = pool.started;
    const second = new AppState(new MemoryStore(), pool, presets(), results);
    await second.restoreComparison();
    expect(second.compare.status).toBe('done');
    expect(second.comparisonSavedAt).toBe(saved!.savedAt);
    expect(JSON.stringify(second.compare.outcome)).toBe(JSON.stringify(saved!.outcome));
    expect(pool.started).toBe(started);
  });
});
