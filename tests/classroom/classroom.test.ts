import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildClass, classConfig, classHash, hiddenValues, validateClass, type ClassFile } from '../../src/classroom/class-file';
import { discussionPrompts } from '../../src/classroom/debrief';
import { leaderboard, parFigures, sealLog, verifyLog, type LoggedRound } from '../../src/classroom/log';
import { baselineRecords, estimatedSpend, leverUnitCosts, roundFigures, score, TeamRunner, type RoundFigures } from '../../src/classroom/play';
import { restoreRun } from '../../src/sim/checkpoint';
import { finishRun, simulateRun } from '../../src/sim/step/model';
import type { RunRecord } from '../../src/sim/results/recorder';
import { Rng } from '../../src/sim/step/rng';
import { validateScenario } from '../../src/scenario/parse';
import { compileScenario } from '../../src/scenario/compile';
import type { Scenario } from '../../src/scenario/types';
import { diffRecords } from '../sim/resume';

const root = join(import.meta.dirname, '..', '..');
function preset(name: string): Scenario {
  const r = validateScenario(JSON.parse(readFileSync(join(root, 'scenarios', `${name}.json`), 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.scenario;
}

const market = preset('supermarket-omnichannel-growth');
const cls: ClassFile = buildClass(market, { id: 'test-class', title: 'Test class', runs: 2, agents: 1500, rounds: 4, roundDays: 15, levers: market.tactics.map((t) => t.id) });


/** Random lever values on each lever's steps. */
function randomPlan(c: ClassFile, key: string): number[][] {
  const g = new Rng(key);
  return Array.from({ length: c.rounds }, () => c.levers.map((l) => l.min + l.step * g.int(Math.round((l.max - l.min) / l.step) + 1)));
}

describe('a class file', () => {
  it('built from a preset is valid, and its errors name the field', () => {
    expect(validateClass(JSON.parse(JSON.stringify(cls)))).toMatchObject({ ok: true });
    const bad = JSON.parse(JSON.stringify(cls));
    bad.levers[1].max = -1;
    bad.levers[2].tactic = 'nope';
    bad.weights.incrementalGmv = 2;
    bad.shock = { round: 9, kind: 'storm', strength: 0.2 };
    bad.hidden = ['baseline.forward.R1', 'tactics[nope].x'];
    const r = validateClass(bad);
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['levers[1].max', 'levers[2].tactic', 'weights.incrementalGmv', 'shock.round', 'shock.kind', 'hidden[1]']));
    const badMarket = JSON.parse(JSON.stringify(cls));
    badMarket.scenario.days = -3;
    expect(validateClass(badMarket)).toMatchObject({ ok: false, errors: [{ path: 'scenario.days' }] });
    expect(validateClass({ ...cls, levers: cls.levers.slice(0, 2) })).toMatchObject({ ok: false, errors: [{ path: 'levers', message: 'expected 3–8 levers, got 2' }] });
  });

  it('hides parameters at values drawn within their plausible ranges, the same on every machine, new with a new key', () => {
    const h = hiddenValues(cls);
    expect(h.length).toBeGreaterThan(10);
    for (const x of h) {
      expect(x.value).toBeGreaterThanOrEqual(x.low);
      expect(x.value).toBeLessThanOrEqual(x.high);
    }
    expect(hiddenValues(cls)).toEqual(h);
    const other = hiddenValues({ ...cls, hiddenKey: 'another' });
    expect(other.filter((x, k) => x.value !== h[k]!.value).length).toBeGreaterThan(h.length / 2);
    // The market's forward flow R1 is the hidden value, not the preset's.
    const f = h.find((x) => x.path === 'baseline.forward.R1')!;
    expect(classConfig(cls, null).forward[1]).toBe(f.value);
  });

  it('scales each lever tactic\'s schedule by the round\'s value, and turns undecided rounds off', () => {
    const plain = compileScenario({ ...market, days: 60, tactics: market.tactics }, { agents: 1500 });
    const c = classConfig(cls, [cls.levers.map(() => 2), cls.levers.map((_, k) => (k === 0 ? 0.5 : 0))]);
    const k = c.tactics.findIndex((t) => t.id === cls.levers[0]!.tactic);
    const preset0 = plain.tactics.find((t) => t.id === cls.levers[0]!.tactic)!.schedule;
    for (let d = 0; d < 15; d++) expect(c.tactics[k]!.schedule[d]).toBe(preset0[d]! * 2);
    for (let d = 15; d < 30; d++) expect(c.tactics[k]!.schedule[d]).toBe(preset0[d]! * 0.5);
    for (let d = 30; d < 60; d++) expect(c.tactics[k]!.schedule[d]).toBe(0);
    // A competitor's push takes demand in its round only.
    const shocked = classConfig({ ...cls, shock: { round: 2, kind: 'competitorPush', strength: 0.4 } }, null);
    const calm = classConfig(cls, null);
    for (let d = 0; d < 60; d++) expect(shocked.demand[d]).toBeCloseTo(calm.demand[d]! * (d >= 30 && d < 45 ? 0.6 : 1), 12);
  });
});

describe('playing round by round', () => {
  const base = baselineRecords(cls);

  it('continues every run from the previous round\'s checkpoint and ends where one uninterrupted run of the whole plan ends, bit for bit', () => {
    let replayed = 0;
    for (const key of ['plan-a', 'plan-b', 'plan-c']) {
      const plan = randomPlan(cls, key);
      const team = new TeamRunner(cls, base);
      for (const d of plan) team.play(d);
      replayed += team.replayed;
      const whole = classConfig(cls, plan);
      team.lastSnapshots().forEach((snap, i) => {
        const resumed = finishRun(restoreRun(whole, snap));
        expect(diffRecords(simulateRun(whole, i), resumed), `${key}, run ${i}`).toBeNull();
      });
    }
    // Every round continued from its checkpoint: none had to be replayed from day 0.
    expect(replayed).toBe(0);
  });

  it('figures are the paired plan − do-nothing differences (hand-made records)', () => {
    const rec = (gmv: number[], cost: number[], r5End: number, r4End: number, assets: number, newBuyers: number[]): RunRecord =>
      ({
        gmv: Float64Array.from(gmv),
        cost: Float64Array.from(cost),
        newBuyers: Float64Array.from(newBuyers),
        // tiers at day 0 and after days 1, 2: only the end (day 2) matters
        tiers: Float64Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, assets - r4End - r5End, 0, 0, r4End, r5End]),
      }) as unknown as RunRecord;
    const config = { scale: 10 } as Parameters<typeof roundFigures>[0];
    // Run 1: plan GMV 100 + 50 per agent-yuan, baseline 60 + 40; cost 30 + 20 yuan; R5 5 vs 3; buyers 9 of 20 vs 6 of 20.
    const plan = [rec([100, 50], [30, 20], 5, 4, 20, [2, 1])];
    const basel = [rec([60, 40], [0, 0], 3, 3, 20, [1, 0])];
    const f = roundFigures(config, plan, basel, 2, 1);
    expect(f.incrementalGmv).toBe(500); // (150 − 100) × 10
    expect(f.r5Growth).toBe(20); // (5 − 3) × 10
    expect(f.cost).toBe(50);
    expect(f.roundCost).toBe(20);
    expect(f.incrementalRoi).toBe(10); // 500 ÷ 50
    expect(f.incrementalNewBuyers).toBe(20); // (3 − 1) × 10
    expect(f.costPerNewBuyer).toBe(2.5); // 50 ÷ 20
    expect(f.structureHealth).toBeCloseTo(100 * (9 / 20 - 6 / 20), 12); // 15 points
  });

  it('what moved whom: each lever\'s moves up a tier and its cost, from its own cause (hand-made records)', () => {
    // Two tactics, causes 3 (first) and 4 (second); 5 causes in all; 2 days.
    const causeMoves = new Float64Array(5 * 36);
    causeMoves[3 * 36 + 0 * 6 + 1] = 7; // first tactic: R0 → R1 ×7
    causeMoves[3 * 36 + 3 * 6 + 4] = 2; // first tactic: R3 → R4 ×2
    causeMoves[3 * 36 + 4 * 6 + 2] = 5; // first tactic: R4 → R2 ×5, a fall: not counted
    causeMoves[4 * 36 + 2 * 6 + 3] = 1; // second tactic: R2 → R3 ×1
    causeMoves[1 * 36 + 0 * 6 + 1] = 9; // word of mouth: not a lever
    const causeCost = new Float64Array(2 * 5);
    causeCost[0 * 5 + 3] = 100;
    causeCost[1 * 5 + 3] = 50;
    causeCost[1 * 5 + 4] = 30;
    const r = { gmv: new Float64Array(2), cost: new Float64Array(2), newBuyers: new Float64Array(2), tiers: new Float64Array(18), causes: 5, causeMoves, causeCost } as unknown as RunRecord;
    const config = { scale: 10, tactics: [{ id: 'a' }, { id: 'b' }] } as unknown as Parameters<typeof roundFigures>[0];
    // Levers listed in another order than the tactics.
    const f = roundFigures(config, [r], [r], 2, 1, ['b', 'a']);
    expect(f.leverMoves).toEqual([10, 90]); // b: 1 × 10; a: (7 + 2) × 10
    expect(f.leverCost).toEqual([30, 150]);
  });

  it('scores 100 for the par plan itself, and by the weights otherwise (hand-computed)', () => {
    const par: RoundFigures = { day: 15, incrementalGmv: 1000, r5Growth: 50, incrementalRoi: 2, structureHealth: 4, costPerNewBuyer: 20, cost: 500, roundCost: 500, gmv: 9000, tiers: [], incrementalNewBuyers: 25, leverMoves: [], leverCost: [] };
    expect(score(cls, par, par).total).toBeCloseTo(100, 12);
    const team = { ...par, incrementalGmv: 1500, costPerNewBuyer: 40, r5Growth: -25 };
    const s = score({ ...cls, weights: { incrementalGmv: 0.5, r5Growth: 0.25, incrementalRoi: 0, structureHealth: 0, costPerNewBuyer: 0.25 } }, team, par);
    expect(s.parts).toMatchObject({ incrementalGmv: 150, r5Growth: -50, costPerNewBuyer: 50 });
    expect(s.total).toBeCloseTo(0.5 * 150 + 0.25 * -50 + 0.25 * 50, 12);
  });

  it('estimates a round\'s spend from each lever\'s cost at effort 1', () => {
    const unit = leverUnitCosts(cls);
    expect(unit.every((u) => u >= 0)).toBe(true);
    expect(unit.some((u) => u > 0)).toBe(true);
    expect(estimatedSpend(unit, cls.levers.map(() => 0))).toBe(0);
    expect(estimatedSpend(unit, cls.levers.map(() => 2))).toBeCloseTo(2 * unit.reduce((a, b) => a + b, 0), 6);
  });
});

describe('team logs', () => {
  const base = baselineRecords(cls);
  const par = parFigures(cls, base);
  const plan = randomPlan(cls, 'log-plan').slice(0, 3);
  const team = new TeamRunner(cls, base);
  const rounds: LoggedRound[] = plan.map((d, k) => {
    const figures = team.play(d);
    return { round: k, levers: d, rationale: `round ${k + 1}: because`, figures, score: score(cls, figures, par[k]!).total };
  });
  const log = JSON.parse(JSON.stringify(sealLog(cls, 'Team A', rounds)));

  it('a log as exported verifies, with the replay\'s figures and score', () => {
    const v = verifyLog(cls, log, base, par);
    expect(v.status).toBe('verified');
    if (v.status === 'verified') {
      expect(v.rounds).toBe(3);
      expect(v.score).toBeCloseTo(rounds[2]!.score, 9);
    }
  });

  it('flags a log edited by hand, one whose figures do not match the replay, one from another class, and an illegal decision', () => {
    const edited = structuredClone(log);
    edited.rounds[1].figures.incrementalGmv *= 2;
    expect(verifyLog(cls, edited, base, par)).toMatchObject({ status: 'edited' });
    // Re-sealed by someone who knows the hash: the replay still tells.
    const resealed = JSON.parse(JSON.stringify(sealLog(cls, 'Team A', edited.rounds)));
    expect(verifyLog(cls, resealed, base, par)).toMatchObject({ status: 'mismatch', reasons: ['round 2: the recorded incrementalGmv does not match the replay'] });
    const otherLevers = structuredClone(rounds);
    otherLevers[0]!.levers = otherLevers[0]!.levers.map((x) => (x === 0 ? 0.25 : x - 0.25));
    expect(verifyLog(cls, JSON.parse(JSON.stringify(sealLog(cls, 'Team A', otherLevers))), base, par)).toMatchObject({ status: 'mismatch' });
    const other = { ...cls, title: 'Another class' };
    expect(verifyLog(other, log, base, par)).toMatchObject({ status: 'otherClass' });
    const illegal = structuredClone(rounds);
    illegal[0]!.levers[0] = 99;
    expect(verifyLog(cls, JSON.parse(JSON.stringify(sealLog(cls, 'Team A', illegal))), base, par)).toMatchObject({ status: 'invalid' });
    expect(classHash(cls)).not.toBe(classHash(other));
  });

  it('the leaderboard ranks verified teams by rounds then score, flagged teams last', () => {
    const b = leaderboard([
      { team: 'X', status: 'edited', reasons: [] },
      { team: 'A', status: 'verified', rounds: 3, score: 80, figures: [], decisions: [], rationales: [] },
      { team: 'B', status: 'verified', rounds: 3, score: 95, figures: [], decisions: [], rationales: [] },
      { team: 'C', status: 'verified', rounds: 2, score: 300, figures: [], decisions: [], rationales: [] },
    ]);
    expect(b.map((v) => v.team)).toEqual(['B', 'A', 'C', 'X']);
  });
});

describe('discussion prompts', () => {
  it('name the teams and the figures behind each question, in both languages', () => {
    const fig = (gmv: number, roi: number, cpnb: number, health: number, roundCost: number): RoundFigures => ({ day: 15, incrementalGmv: gmv, r5Growth: 0, incrementalRoi: roi, structureHealth: health, costPerNewBuyer: cpnb, cost: 0, roundCost, gmv: 0, tiers: [], incrementalNewBuyers: 0, leverMoves: [], leverCost: [] });
    const shocked = { ...cls, shock: { round: 1, kind: 'competitorPush' as const, strength: 0.3 } };
    const verdicts = [
      { team: 'Alpha', status: 'verified' as const, rounds: 2, score: 120, figures: [fig(1000, 2, 40, 1, 500), fig(90000, 1.5, 60, -2, 900)], decisions: [], rationales: ['push groups before the shock', ''] },
      { team: 'Beta', status: 'verified' as const, rounds: 2, score: 90, figures: [fig(800, 3, 20, 1, 400), fig(50000, 4, 15, 1, 100)], decisions: [], rationales: ['', ''] },
      { team: 'Gamma', status: 'edited' as const, reasons: [] },
    ];
    const hidden = [{ path: 'baseline.forward.R1', label: { en: 'Forward R1', zh: '前移 R1' }, low: 0.01, mode: 0.02, high: 0.04, value: 0.03 }];
    const p = discussionPrompts(shocked, verdicts, hidden);
    const en = p.map((x) => x.en).join('\n');
    const zh = p.map((x) => x.zh).join('\n');
    expect(en).toContain('Alpha added the most GMV (¥90,000 incremental) but Beta earned more per yuan (incremental ROI 4.00 against 1.50)');
    expect(en).toContain('Alpha paid ¥60 per truly new buyer, 4.0× Beta\'s ¥15');
    expect(en).toContain('buyers\' share of its crowd assets ended 2.0 points below doing nothing');
    expect(en).toContain('When the shock hit in round 2, Alpha spent ¥400 more than the round before and Beta ¥300 less');
    expect(en).toContain('was +50% from the value you were shown');
    expect(en).toContain('Alpha (best score) wrote: "push groups before the shock"');
    expect(zh).toContain('Alpha 带来的增量 GMV 最多(¥90,000)');
    expect(p.length).toBe(6);
    // No prompt quotes a flagged team.
    expect(en).not.toContain('Gamma');
  });
});
