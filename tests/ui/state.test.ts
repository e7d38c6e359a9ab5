import { describe, expect, it } from 'vitest';
import { Library, uniqueId } from '../../src/ui/state/library.svelte';
import { Draft } from '../../src/ui/state/draft.svelte';
import { Runner } from '../../src/ui/state/runner.svelte';
import { CompareState, parseSeed, type Candidate } from '../../src/ui/state/compare.svelte';
import { I18n } from '../../src/ui/state/i18n.svelte';
import { PoolJobs, failureKind } from '../../src/ui/state/pool';
import { MemoryStore, KEYS } from '../../src/ui/lib/storage';
import { loadPresets, type PresetEntry } from '../../src/ui/lib/presets';
import { doNothing } from '../../src/scenario/variants';
import { compileScenario } from '../../src/scenario/compile';
import { runAll, scenario, scenarioJson } from '../helpers';
import { FakePool, until } from './fake-pool';
import type { EngineConfig } from '../../src/sim/config';
import type { MeanFieldResult } from '../../src/sim/projection/meanfield';

function presets(): PresetEntry[] {
  return loadPresets({ '/scenarios/test-preset.json': scenarioJson({ id: 'test-preset', name: { en: 'Test preset', zh: '测试预设' } }) });
}

function setup(store = new MemoryStore()) {
  const library = new Library(store, presets());
  let forks = 0;
  const draft = new Draft(library, store, { onFork: () => forks++, lang: () => 'zh' });
  return { store, library, draft, forks: () => forks };
}

describe('library', () => {
  it('bundles every preset from scenarios/ and validates it', () => {
    const all = loadPresets();
    expect(all.length).toBeGreaterThan(0);
    for (const p of all) expect(p.errors, p.file).toEqual([]);
  });

  it('keeps the user’s scenarios across a reload', () => {
    const { store, library } = setup();
    const key = library.add({ id: 'a', name: 'A' });
    library.flush();
    const again = new Library(store, presets());
    expect(again.get(key)?.value).toEqual({ id: 'a', name: 'A' });
    again.remove(key);
    again.flush();
    expect(new Library(store, presets()).user).toEqual([]);
  });

  it('copies get a fresh id and a name marked as a copy in both languages', () => {
    const { library } = setup();
    const copy = library.copyOf(library.presets[0]!.raw, 'zh');
    expect(copy.id).toBe('test-preset-copy');
    expect(copy.name).toEqual({ en: 'Test preset (copy)', zh: '测试预设(副本)' });
    expect(uniqueId('x', new Set(['x', 'x-2']))).toBe('x-3');
  });

  it('survives damaged storage', () => {
    const store = new MemoryStore();
    store.setItem(KEYS.scenarios, '[{"key":1},{"nope":true}, "x"]');
    expect(new Library(store, presets()).user).toEqual([]);
  });
});

describe('draft', () => {
  it('validates on every edit and reports errors at the field’s path', () => {
    const { draft, library } = setup();
    draft.open({ kind: 'user', key: library.add(scenarioJson()) }, scenarioJson());
    expect(draft.errors).toEqual([]);
    draft.set('population.agents', 'many');
    expect(draft.errorsAt('population.agents').map((e) => e.message)).toEqual(['expected a number, got the string "many"']);
    expect(draft.errorsUnder('population')).toHaveLength(1);
    draft.set('population.agents', 4000);
    expect(draft.errors).toEqual([]);
  });

  it('undo and redo step through edits', () => {
    const { draft, library } = setup();
    draft.open({ kind: 'user', key: library.add(scenarioJson()) }, scenarioJson());
    draft.set('days', 90);
    draft.set('runs', 8);
    expect(draft.canUndo).toBe(true);
    draft.undo();
    expect(draft.value!.runs).toBe(4);
    draft.undo();
    expect(draft.value!.days).toBe(60);
    expect(draft.canUndo).toBe(false);
    draft.redo();
    expect(draft.value!.days).toBe(90);
    expect(draft.canRedo).toBe(true);
  });

  it('editing a preset saves a copy in My scenarios; the preset stays as it was', () => {
    const { draft, library, forks } = setup();
    const preset = library.presets[0]!;
    draft.open({ kind: 'preset', id: preset.id }, structuredClone(preset.raw));
    draft.set('days', 120);
    expect(forks()).toBe(1);
    expect(draft.source?.kind).toBe('user');
    expect(library.user).toHaveLength(1);
    expect(library.user[0]!.value.days).toBe(120);
    expect(library.user[0]!.value.id).toBe('test-preset-copy');
    expect(preset.raw.days).toBe(60);
    draft.set('runs', 6);
    expect(library.user).toHaveLength(1);
    expect(library.user[0]!.value.runs).toBe(6);
  });

  it('is restored after a reload, edits included', () => {
    const { store, draft, library } = setup();
    const key = library.add(scenarioJson());
    draft.open({ kind: 'user', key }, scenarioJson());
    draft.set('name', 'Edited');
    draft.flush();
    const after = setup(store);
    expect(after.draft.restore()).toBe(true);
    expect(after.draft.value!.name).toBe('Edited');
    expect(after.draft.source).toEqual({ kind: 'user', key });
  });
});

describe('language', () => {
  it('defaults to Chinese, switches and is remembered', () => {
    const store = new MemoryStore();
    const i = new I18n(store, []);
    expect(i.lang).toBe('zh');
    expect(i.t('nav.library')).toBe('场景库');
    expect(i.count(1_234_567)).toBe('123.5万');
    i.setLang('en');
    expect(i.t('nav.library')).toBe('Library');
    expect(new I18n(store, ['zh-CN']).lang).toBe('en');
  });
  it('on a first visit follows the browser: zh* → Chinese, any other language → English', () => {
    expect(new I18n(new MemoryStore(), ['en-US', 'zh-CN']).lang).toBe('en');
    expect(new I18n(new MemoryStore(), ['zh-TW']).lang).toBe('zh');
  });
});

describe('runner', () => {
  it('shows the projection, fills bands in run order and ends with the same result as one summary of all runs', async () => {
    const pool = new FakePool();
    let clock = 0;
    const runner = new Runner(pool, new PoolJobs(), () => (clock += 1000));
    const s = scenario({ runs: 5, population: { agents: 2000 } });
    const done = runner.run(s);
    expect(runner.status).toBe('projecting');
    await until(() => runner.meanField !== null);
    await until(() => runner.partial);
    expect(runner.result!.meta.runs).toBeLessThan(5);
    await done;
    expect(runner.status).toBe('done');
    expect(runner.partial).toBe(false);
    expect(JSON.stringify(runner.result)).toBe(JSON.stringify(runAll(compileScenario(s)).result()));
    expect(runner.isStale(JSON.stringify(s))).toBe(false);
    expect(runner.isStale(JSON.stringify({ ...s, days: 1 }))).toBe(true);
  });

  it('cancel stops at once and keeps the scenario', async () => {
    const pool = new FakePool();
    pool.pauseAfter = 2;
    const runner = new Runner(pool, new PoolJobs());
    const s = scenario({ runs: 6 });
    const p = runner.run(s);
    await until(() => runner.done === 2);
    runner.cancel();
    await p;
    expect(runner.status).toBe('cancelled');
    expect(runner.scenario).toBe(s);
  });

  it('reports a worker failure in plain words and runs again afterwards', async () => {
    const pool = new FakePool();
    pool.failWith = new RangeError('Array buffer allocation failed');
    const runner = new Runner(pool, new PoolJobs());
    await runner.run(scenario({ runs: 2 }));
    expect(runner.status).toBe('failed');
    expect(runner.failure).toEqual({ kind: 'oom', detail: 'Array buffer allocation failed' });
    pool.failWith = null;
    await runner.run(scenario({ runs: 2 }));
    expect(runner.status).toBe('done');
    expect(failureKind(new Error('deliberate failure (test)')).kind).toBe('crash');
  });

  it('computes removal effects on the same seeds', async () => {
    const pool = new FakePool();
    const runner = new Runner(pool, new PoolJobs());
    const s = scenario({ runs: 3, tactics: [{ id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend: 5000 }] });
    await runner.run(s);
    await runner.computeContributions();
    expect(runner.contribStatus).toBe('done');
    expect(runner.contributions!.tactics.map((x) => x.id)).toEqual(['ads-1']);
    expect(runner.contributions!.tactics[0]!.effect['R.cost']!.diff!.mean).toBeGreaterThan(0);
    // …and its Shapley value: with one tactic, the plan's whole effect.
    const sh = runner.contributions!.shapley!;
    expect(sh.tactics[0]!.values['R.gmv']!.value!.mean).toBeCloseTo(sh.total['R.gmv']!.value!.mean, 0);
    expect(sh.tactics[0]!.values['R.cost']!.value!.mean).toBeCloseTo(runner.contributions!.tactics[0]!.effect['R.cost']!.diff!.mean, 0);
  });

  it('spreads the per-tactic projections over every worker, each subset once, with the same values as one worker', async () => {
    // Records which lane (worker) projected which subset (by its tactics), with projections taking turns.
    class LanePool extends FakePool {
      override readonly size: number;
      readonly lanes: Array<{ lane: number; tactics: string }> = [];
      constructor(size: number) {
        super();
        this.size = size;
      }
      override async meanField(config: EngineConfig, lane = 0): Promise<MeanFieldResult> {
        this.lanes.push({ lane, tactics: config.tactics.map((t) => t.id).join('+') });
        await new Promise((ok) => setTimeout(ok, 1));
        return super.meanField(config);
      }
    }
    const s = scenario({
      runs: 2,
      days: 60,
      tactics: [
        { id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend: 5000 },
        { id: 'content-1', type: 'content', schedule: { daily: true } },
        { id: 'live-1', type: 'livestream', schedule: { weekly: ['sat'] } },
      ],
    });
    const values = async (size: number) => {
      const pool = new LanePool(size);
      const runner = new Runner(pool, new PoolJobs());
      await runner.run(s);
      pool.lanes.length = 0;
      await runner.computeContributions();
      expect(runner.contribStatus).toBe('done');
      return { pool, json: JSON.stringify(runner.contributions) };
    };
    const two = await values(2);
    const one = await values(1);
    // 2³ subsets, each projected once, by both workers (about half each).
    expect(two.pool.lanes).toHaveLength(8);
    expect(new Set(two.pool.lanes.map((x) => x.tactics)).size).toBe(8);
    expect(two.pool.lanes.filter((x) => x.lane === 0)).toHaveLength(4);
    expect(two.pool.lanes.filter((x) => x.lane === 1)).toHaveLength(4);
    expect(one.pool.lanes.every((x) => x.lane === 0)).toBe(true);
    // The design and values do not depend on which worker projected what.
    expect(two.json).toBe(one.json);
  });
});

describe('comparison', () => {
  it('runs every scenario on the same seed and runs, and pairs them with the reference', async () => {
    const pool = new FakePool();
    const cmp = new CompareState(pool, new PoolJobs(), new MemoryStore());
    const plan = scenario({ runs: 3, tactics: [{ id: 'ads-1', type: 'ads', schedule: { daily: true }, dailySpend: 5000 }] });
    const base = doNothing(plan);
    const candidates: Candidate[] = [
      { id: 'user:plan', name: 'Plan', group: 'mine', scenario: plan },
      { id: 'baseline:user:plan', name: base.name, group: 'baseline', scenario: base },
    ];
    cmp.toggle('user:plan');
    cmp.toggle('baseline:user:plan');
    cmp.setReference('baseline:user:plan');
    cmp.seed = '42';
    cmp.runs = 3;
    cmp.days = 30;
    await cmp.run(candidates);
    expect(cmp.status).toBe('done');
    const o = cmp.outcome!;
    expect(o.referenceId).toBe('baseline:user:plan');
    expect(o.entries.map((e) => e.result.meta.seed)).toEqual(['42', '42']);
    expect(o.entries.every((e) => e.result.meta.runs === 3 && e.result.meta.days === 30)).toBe(true);
    const f = o.comparisons['user:plan']!.figures['R.cost']!;
    expect(f.diff!.mean).toBeGreaterThan(0);
    expect(f.pBgtA).toBe(1);
    cmp.rereference('user:plan');
    expect(cmp.outcome!.comparisons['baseline:user:plan']!.figures['R.cost']!.diff!.mean).toBeLessThan(0);
  });

  it('allows at most four scenarios and remembers the selection', () => {
    const store = new MemoryStore();
    const cmp = new CompareState(new FakePool(), new PoolJobs(), store);
    for (const id of ['a', 'b', 'c', 'd', 'e']) cmp.toggle(id);
    expect(cmp.selected).toEqual(['a', 'b', 'c', 'd']);
    expect(cmp.reference).toBe('a');
    cmp.toggle('a');
    expect(cmp.reference).toBe('b');
    expect(new CompareState(new FakePool(), new PoolJobs(), store).selected).toEqual(['b', 'c', 'd']);
    expect(parseSeed(' 123 ')).toBe(123);
    expect(parseSeed('spring-plan')).toBe('spring-plan');
  });
});

describe('comparison settings', () => {
  it('keeps hand-typed runs and horizon within the limits and refuses too much work', async () => {
    const cmp = new CompareState(new FakePool(), new PoolJobs());
    const s = scenario({ runs: 2 });
    const cands: Candidate[] = [
      { id: 'a', name: 'a', group: 'mine', scenario: s },
      { id: 'b', name: 'b', group: 'baseline', scenario: doNothing(s) },
    ];
    cmp.toggle('a');
    cmp.toggle('b');
    cmp.runs = Number.NaN;
    cmp.days = 20;
    await cmp.run(cands);
    expect(cmp.runs).toBe(1);
    expect(cmp.status).toBe('done');
    cmp.runs = 10_000;
    cmp.days = 3660;
    const big = scenario({ population: { agents: 1_000_000 } });
    await cmp.run([
      { id: 'a', name: 'a', group: 'mine', scenario: big },
      { id: 'b', name: 'b', group: 'baseline', scenario: doNothing(big) },
    ]);
    expect(cmp.status).toBe('failed');
    expect(cmp.failure!.detail).toMatch(/work limit/);
  });
});
