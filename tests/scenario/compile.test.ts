import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile';
import { checkConfig, CHECK_SIZE } from '../../src/scenario/golden';
import { doNothing, withoutTacticId } from '../../src/scenario/variants';
import { scenario, scenarioJson } from '../helpers';

/** What the engine receives from a scenario, checked field by field against values worked out by hand. */
describe('compileScenario', () => {
  const base = scenarioJson();

  it('fewer agents keep the market: 1 000 agents of a 5 000 × 1 market stand for 5 people each', () => {
    const s = scenario();
    expect(compileScenario(s).scale).toBe(1);
    const c = compileScenario(s, { agents: 1000 });
    expect(c.agents).toBe(1000);
    expect(c.scale).toBe(5);
    expect(c.initialCounts.reduce((a, b) => a + b, 0)).toBe(1000);
    expect(compileScenario(scenario({ population: { ...(base.population as object), scale: 3 } })).scale).toBe(3);
    // At the file's own size the scale is the file's, exactly: 3 agents × 0.1 ÷ 3 would give 0.10000000000000002.
    const tenth = scenario({ population: { ...(base.population as object), agents: 3, scale: 0.1 } });
    expect(compileScenario(tenth).scale).toBe(0.1);
    expect(compileScenario(tenth, { agents: 3 }).scale).toBe(0.1);
  });

  it('seasonality: none is 1 every day; a weekly curve by ISO week; the industry’s curve with its festivals', () => {
    expect(compileScenario(scenario({ seasonality: 'none', days: 3 })).demand).toEqual([1, 1, 1]);
    // 2026-03-02 is the Monday of ISO week 10: days 0–6 use the 10th value, day 7 the 11th.
    const weekly = Array.from({ length: 52 }, (_, k) => (k + 1) / 10);
    const d = compileScenario(scenario({ seasonality: weekly, days: 8 })).demand;
    expect(d).toEqual([...Array(7).fill(1), 1.1]);
    // Beauty lifts Double 11 by 1.5: Nov 11 (the peak) is 1 + 0.5 × 1.5 = 1.75 × Nov 10 (same week, both main sale).
    const beauty = compileScenario(scenario({ industry: 'beauty', seasonality: 'industry', startDate: '2026-11-10', days: 3 })).demand;
    expect(beauty[1]! / beauty[0]!).toBeCloseTo(1.75, 12);
    expect(beauty[0]).toBeGreaterThan(2.5 * 0.5); // main-sale day: 2.5 × a weekly index well above 0.5
    // Another industry's lift (supermarket: Double 11 at 0.3) gives another ratio: the industry is used.
    const market = compileScenario(scenario({ industry: 'supermarket', seasonality: 'industry', startDate: '2026-11-10', days: 3 })).demand;
    expect(market[1]! / market[0]!).toBeCloseTo(1.15, 12);
  });

  it('word-of-mouth sources become one flag per tier R0…R5', () => {
    expect(compileScenario(scenario({ wordOfMouth: { q: 0.01, sources: ['R4', 'R5'] } })).wordOfMouth).toEqual({ q: 0.01, sources: [false, false, false, false, true, true] });
    expect(compileScenario(scenario({ wordOfMouth: { q: 0.01, sources: ['R1'] } })).wordOfMouth.sources).toEqual([false, true, false, false, false, false]);
  });

  it('the repeat model, margin and flows are passed on; simple buyers get zero BG/NBD parameters', () => {
    const c = compileScenario(scenario());
    expect(c.repeatModel).toEqual({ kind: 'simple', r: 0, alpha: 0, a: 0, b: 0 });
    expect(c.margin).toBeNull();
    expect(c.forward).toEqual([0.002, 0.02, 0.01, 0.01, 0.01, 0]);
    expect(c.reverse).toEqual([0, 0.01, 0.01, 0.005, 0.004, 0.006]);
    const b = compileScenario(scenario({ margin: 0.3, baseline: { ...(base.baseline as object), repeatModel: { kind: 'bgnbd', r: 1, alpha: 30, a: 1.5, b: 6 } } }));
    expect(b.repeatModel).toEqual({ kind: 'bgnbd', r: 1, alpha: 30, a: 1.5, b: 6 });
    expect(b.margin).toBe(0.3);
  });

  it('the assumptions override turns draws on or off and keeps the scenario’s fixed values exact', () => {
    const off = scenario({ uncertainty: { assumptions: false, fixed: ['baseline.repeat'] } });
    expect(compileScenario(off).assumptions).toEqual([]);
    const on = compileScenario(off, { assumptions: true }).assumptions!.map((r) => r.path);
    expect(on).toContain('baseline.forward.R0');
    expect(on).not.toContain('baseline.repeat');
    expect(compileScenario(scenario({ uncertainty: { assumptions: true } }), { assumptions: false }).assumptions).toEqual([]);
    // No override: the scenario's own choice.
    expect(compileScenario(scenario({ uncertainty: { assumptions: true } })).assumptions!.map((r) => r.path)).toContain('baseline.repeat');
  });

  it('checkConfig: the golden size, at the scenario’s stated parameters (no draws)', () => {
    const c = checkConfig(scenario({ uncertainty: { assumptions: true } }));
    expect(CHECK_SIZE).toEqual({ agents: 20000, runs: 3 });
    expect(c.agents).toBe(20000);
    expect(c.runs).toBe(3);
    expect(c.scale).toBe(5000 / 20000);
    expect(c.assumptions).toEqual([]);
  });
});

describe('scenario variants', () => {
  const tactics = [
    { id: 'a', type: 'ads', dailySpend: 1000 },
    { id: 'b', type: 'content' },
  ];

  it('doNothing: same market and seed, no tactics, a new id and a name in both languages', () => {
    const s = scenario({ id: 'plan', name: { en: 'Plan', zh: '计划' }, tactics });
    const d = doNothing(s);
    expect(d.tactics).toEqual([]);
    expect(d.id).toBe('plan--do-nothing');
    expect(d.name).toEqual({ en: 'Plan · do nothing', zh: '计划 · 不做任何动作' });
    expect(d.seed).toBe(s.seed);
    expect(d.baseline).toEqual(s.baseline);
    expect(s.tactics).toHaveLength(2);
    expect(doNothing(scenario({ name: 'Plain', tactics })).name).toBe('Plain · do nothing');
    // A name in one language only is used for both.
    expect(doNothing({ ...s, name: { zh: '仅中文' } as unknown as typeof s.name }).name).toEqual({ en: '仅中文 · do nothing', zh: '仅中文 · 不做任何动作' });
    expect(doNothing({ ...s, name: { en: 'Only' } as unknown as typeof s.name }).name).toEqual({ en: 'Only · do nothing', zh: 'Only · 不做任何动作' });
    expect(doNothing({ ...s, name: {} as unknown as typeof s.name }).name).toEqual({ en: ' · do nothing', zh: ' · 不做任何动作' });
    expect(doNothing({ ...s, id: 'x'.repeat(64) }).id).toHaveLength(64);
  });

  it('withoutTacticId drops that tactic only, and leaves the scenario it was given alone', () => {
    const s = scenario({ tactics });
    expect(withoutTacticId(s, 'a').tactics.map((t) => t.id)).toEqual(['b']);
    expect(withoutTacticId(s, 'zzz').tactics.map((t) => t.id)).toEqual(['a', 'b']);
    expect(s.tactics.map((t) => t.id)).toEqual(['a', 'b']);
    expect(withoutTacticId(s, 'a').id).toBe(s.id);
  });
});
