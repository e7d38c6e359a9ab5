import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { encodeResults, readResults, resultsDataFromHash, resultsJson, resultsUrl, type SharedResult } from '../../src/ui/lib/result-share';
import { compileScenario } from '../../src/scenario/compile';
import { doNothing } from '../../src/scenario/variants';
import { incrementalResult, withIncremental } from '../../src/sim/results/incremental';
import { runAll, scenario } from '../helpers';
import { AppState } from '../../src/ui/state/app.svelte';
import { MemoryStore } from '../../src/ui/lib/storage';
import { FakePool, until } from './fake-pool';

/**
 * Results that travel: a link or file carries the scenario and its result; opening it checks each part against its
 * SHA-256 digest (computed here with node:crypto, not the app's code) and validates it like a scenario file, naming
 * the field of every problem.
 */
const s = scenario({ runs: 2, days: 20, population: { agents: 300 }, tactics: [{ id: 'c1', type: 'coupons' }] });
const plan = runAll(compileScenario(s));
const base = runAll(compileScenario(doNothing(s)));
const shared: SharedResult = { scenario: s, result: withIncremental(plan.result(), incrementalResult(plan, base, null, 'b')), contributions: null, savedAt: '2026-11-29T08:00:00.000Z' };
const sha = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

describe('results links and files', () => {
  it('round-trip through a link and a file, with a digest per part that anyone can recompute', async () => {
    const url = resultsUrl('http://x/app?debug=1#/report', await encodeResults(shared));
    expect(url.startsWith('http://x/app?debug=1#r=')).toBe(true);
    const back = await readResults({ data: resultsDataFromHash(new URL(url).hash)! });
    expect(back.ok && JSON.stringify(back.shared.result)).toBe(JSON.stringify(shared.result));
    const file = JSON.parse(await resultsJson(shared));
    expect(file.digests).toEqual({ scenario: sha(file.scenario), result: sha(file.result), contributions: sha(null), savedAt: sha(file.savedAt) });
    expect((await readResults({ text: JSON.stringify(file) })).ok).toBe(true);
  });

  it('refuses a file changed after it was saved and says which part changed', async () => {
    const file = JSON.parse(await resultsJson(shared));
    file.result.incremental.gmv.mean += 1;
    const r = await readResults({ text: JSON.stringify(file) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe('tampered');
    expect(r.errors).toEqual([{ path: 'result', message: 'was changed after the results were saved' }]);
    const file2 = JSON.parse(await resultsJson(shared));
    file2.scenario.runs = 3;
    const r2 = await readResults({ text: JSON.stringify(file2) });
    expect(!r2.ok && r2.errors.map((e) => e.path)).toEqual(['scenario']);
    const file3 = JSON.parse(await resultsJson(shared));
    delete file3.digests;
    const r3 = await readResults({ text: JSON.stringify(file3) });
    expect(!r3.ok && r3.kind).toBe('tampered');
  });

  it('validates what it carries like a scenario file, naming each field, even when the digests were recomputed', async () => {
    const file = JSON.parse(await resultsJson(shared));
    file.scenario.days = -4;
    file.result.meta.seed = 'other';
    file.result.incremental.roi.p05 = 'high';
    for (const p of ['scenario', 'result'] as const) file.digests[p] = sha(file[p]);
    const r = await readResults({ text: JSON.stringify(file) });
    expect(!r.ok && r.kind).toBe('invalid');
    expect(!r.ok && r.errors.map((e) => e.path)).toEqual(['scenario.days']);
    file.scenario.days = 20;
    file.digests.scenario = sha(file.scenario);
    const r2 = await readResults({ text: JSON.stringify(file) });
    expect(!r2.ok && r2.errors).toEqual([
      { path: 'result.meta.seed', message: `does not match the scenario's seed (${String(s.seed)})` },
      { path: 'result.incremental.roi.p05', message: 'expected a number, got the string "high"' },
    ]);
  });

  it('names a wrong format or a newer version, and calls a damaged link damaged', async () => {
    const file = JSON.parse(await resultsJson(shared));
    const r = await readResults({ text: JSON.stringify({ ...file, format: 'star-sandbox-scenario', version: 9 }) });
    expect(!r.ok && r.errors.map((e) => [e.path, e.message])).toEqual([
      ['format', 'expected one of "star-sandbox-results", got the string "star-sandbox-scenario"'],
      ['version', '9 is newer than this app understands'],
    ]);
    const data = await encodeResults(shared);
    const cut = await readResults({ data: data.slice(0, data.length - 30) });
    expect(!cut.ok && cut.kind).toBe('broken');
    expect(!(await readResults({ data: 'not base64!' })).ok).toBe(true);
  });
});

describe('a results file dropped or imported', () => {
  it('opens read-only in the report, adds nothing to the library and runs nothing', async () => {
    const pool = new FakePool();
    const app = new AppState(new MemoryStore(), pool, []);
    expect(app.importText(await resultsJson(shared), 'plan-results.json')).toBeNull();
    await until(() => app.shared !== null);
    expect(app.view).toBe('report');
    expect(JSON.stringify(app.shared!.result)).toBe(JSON.stringify(shared.result));
    expect(app.library.user).toEqual([]);
    expect(pool.started).toBe(0);
    expect(app.runner.status).toBe('idle');
  });
  it('a changed file is refused with a message naming the part', async () => {
    const app = new AppState(new MemoryStore(), new FakePool(), []);
    const file = JSON.parse(await resultsJson(shared));
    file.contributions = { format: 'star-sandbox-contributions', runs: 2, tactics: [] };
    app.importText(JSON.stringify(file), 'plan-results.json');
    await until(() => app.toasts.items.length > 0);
    const toast = app.toasts.items[0]!;
    expect(toast.kind).toBe('error');
    expect(toast.details?.join('\n')).toContain('contributions:');
    expect(app.shared).toBeNull();
  });
});
