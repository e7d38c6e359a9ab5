import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { causeNames } from '../../src/sim/config';
import { ledgerWindows } from '../../src/sim/results/brand-figures';
import { DAYS_PER_MONTH, ledgerFigures } from '../../src/sim/results/figures';
import { digestRun, figureKeys } from '../../src/sim/results/digest';
import { OrderLedger } from '../../src/sim/results/order-ledger';
import { GLOSSARY, definition, glossaryMarkdown } from '../../src/sim/results/glossary';
import { incrementalResult } from '../../src/sim/results/incremental';
import { createRun, simulateRun } from '../../src/sim/step/model';
import { Recorder } from '../../src/sim/results/recorder';
import { Summary } from '../../src/sim/results/summary';
import { parseScenarioText } from '../../src/scenario/parse';
import { compileScenario } from '../../src/scenario/compile';
import { doNothing } from '../../src/scenario/variants';
import { config } from '../helpers';

/**
 * Every figure of the glossary (src/sim/results/glossary.ts), checked against a value worked out by hand on a small
 * constructed run. The last test fails when a figure is added to the glossary without a check here.
 */
const checked = new Set<string>();
const check = (id: string, fn: () => void) => {
  checked.add(id);
  it(`${id}: ${GLOSSARY.find((f) => f.id === id)?.what.en ?? '(not in the glossary)'}`, fn);
};

// A week of a hand-made run, 100 agents × 10 people each.
const c = config({ days: 7, runs: 2, margin: 0.5, population: { agents: 100, scale: 10 } });
//              R0  R1  R2  R3  R4  R5
const TIERS = [
  [50, 20, 10, 10, 6, 4], // day 0 (assets 50)
  [48, 22, 10, 10, 6, 4],
  [48, 22, 10, 12, 6, 4],
  [48, 22, 10, 12, 6, 4],
  [48, 22, 10, 8, 10, 4],
  [48, 22, 10, 8, 10, 4],
  [48, 22, 10, 10, 8, 5],
  [48, 22, 10, 10, 8, 6], // day 7, the end (assets 56)
];
/** R3 at the start of days 0–6: 10 + 10 + 12 + 12 + 8 + 8 + 10 = 70 person-days. */
const R3_PERSON_DAYS = 70;

function planRecord(run: number, extra: { gmv: number; newBuyers: number; cost: number; r5End: number }) {
  const rec = new Recorder(run, 7, causeNames(c).length);
  TIERS.forEach((row, d) => rec.tiers(d, Float64Array.from(d === 7 ? [...row.slice(0, 5), extra.r5End] : row)));
  rec.day = 0;
  rec.move(0, 1, 0);
  rec.move(0, 1, 0); // two people reached: 20 new assets
  rec.day = 1;
  for (let k = 0; k < 3; k++) rec.move(3, 4, 0);
  rec.order(3, 100, 0, true);
  rec.newBuyer(); // a first purchase ever
  rec.order(3, 200, 0, true); // a lapsed buyer returning
  rec.order(3, 150, 0, true);
  rec.newBuyer();
  rec.day = 4;
  for (let k = 0; k < 2; k++) rec.move(3, 4, 0);
  rec.order(3, 50, 0, true);
  for (let k = 2; k < extra.newBuyers; k++) rec.newBuyer();
  rec.order(3, 100, 0, true); // returning
  rec.order(5, extra.gmv - 600, 0, false); // a repeat order: GMV per agent totals extra.gmv
  rec.day = 2;
  rec.cost(0, extra.cost);
  rec.rec.buyers = 5;
  rec.rec.repeaters = 1;
  return rec.rec;
}

// Every value a test checks is computed when the test calls for it, not in a describe body or at the top of the file:
// StrykerJS switches a mutant on after those ran (docs/testing.md § Mutation testing).
const fig = (k: string) => digestRun(planRecord(0, { gmv: 1000, newBuyers: 3, cost: 500, r5End: 6 }), c).figures[figureKeys(c).indexOf(k)]!;

describe('figures of one hand-made run (100 agents × 10 people, 7 days)', () => {
  check('S.assetsEnd', () => expect(fig('S.assetsEnd')).toBe(560)); // 56 agents × 10
  check('S.growthRate', () => expect(fig('S.growthRate')).toBeCloseTo((56 - 50) / 50, 12));
  check('S.newAssets', () => expect(fig('S.newAssets')).toBe(20));
  check('T.shareEnd', () => expect(fig('T.shareEnd.R5')).toBeCloseTo(6 / 56, 12));
  check('A.rate', () => {
    // 5 moves R3 → R4 over 70 person-days in R3: 5 ÷ 70 per day, × 30.4375 per month ≈ 217 %/month… of a tiny R3.
    // "Moves ÷ R3 at the start" would read 5 ÷ 10 = 50 % for the whole week.
    expect(DAYS_PER_MONTH).toBeCloseTo(30.4375, 12);
    expect(fig('A.rate.R3>R4')).toBeCloseTo((5 / R3_PERSON_DAYS) * 30.4375, 12);
    expect(fig('A.rate.R0>R1')).toBeCloseTo((2 / (50 + 48 * 6)) * 30.4375, 12);
  });
  check('A.weekly', () => expect(fig('A.weekly.R3>R4')).toBeCloseTo(5 / 10, 12)); // one full week ÷ R3 at its start
  check('R.conversion', () => expect(fig('R.conversion')).toBeCloseTo((5 / R3_PERSON_DAYS) * 30.4375, 12));
  check('R.gmv', () => expect(fig('R.gmv')).toBe(10000)); // 1 000 per agent × 10
  check('R.orders', () => expect(fig('R.orders')).toBe(60));
  check('R.aov', () => expect(fig('R.aov')).toBeCloseTo(1000 / 6, 12));
  check('R.firstPurchases', () => expect(fig('R.firstPurchases')).toBe(50));
  check('R.newBuyers', () => expect(fig('R.newBuyers')).toBe(30));
  check('R.returningBuyers', () => expect(fig('R.returningBuyers')).toBe(20));
  check('R.repurchaseRate', () => expect(fig('R.repurchaseRate')).toBeCloseTo(1 / 5, 12));
  check('R.cost', () => expect(fig('R.cost')).toBe(500)); // costs are real yuan already
  check('R.roi', () => expect(fig('R.roi')).toBeCloseTo(10000 / 500, 12));
});

describe('the plan’s incremental figures from two hand-made runs of the plan and of doing nothing', () => {
  const summaries = () => {
    const plan = new Summary(c);
    plan.add(digestRun(planRecord(0, { gmv: 1000, newBuyers: 3, cost: 500, r5End: 6 }), c));
    plan.add(digestRun(planRecord(1, { gmv: 1200, newBuyers: 4, cost: 700, r5End: 7 }), c));
    const base = new Summary(c);
    base.add(digestRun(planRecord(0, { gmv: 400 + 600 - 600, newBuyers: 2, cost: 0, r5End: 4 }), c));
    base.add(digestRun(planRecord(1, { gmv: 500, newBuyers: 2, cost: 0, r5End: 4 }), c));
    return { plan, base };
  };
  // Per run: ΔGMV 10 000 − 4 000 = 6 000 and 12 000 − 5 000 = 7 000; cost 500 and 700; Δ new buyers 10 and 20.
  const incremental = () => {
    const { plan, base } = summaries();
    return incrementalResult(plan, base, 0.5, 'test--do-nothing');
  };
  check('incremental.gmv', () => {
    const inc = incremental();
    expect(inc.gmv!.mean).toBe(6500);
    // 90 % interval of the mean: 6 500 ± t(0.95; 1) × 707.107 ÷ √2 = 6 500 ± 6.314 × 500 = 6 500 ± 3 157; the spread is
    // p05–p95 of {6 000, 7 000}.
    expect(inc.gmv!.ci90![0]).toBeCloseTo(3343, 1);
    expect(inc.gmv!.ci90![1]).toBeCloseTo(9657, 1);
    expect(inc.gmv!.p05).toBe(6050);
    expect(inc.gmv!.p95).toBe(6950);
  });
  check('incremental.margin', () => expect(incremental().margin!.mean).toBe(0.5 * 6500));
  check('incremental.r5', () => expect(incremental().r5!.mean).toBe(((6 - 4) * 10 + (7 - 4) * 10) / 2));
  check('incremental.assets', () => expect(incremental().assets!.mean).toBe(((56 - 54) * 10 + (57 - 54) * 10) / 2));
  check('incremental.newBuyers', () => expect(incremental().newBuyers!.mean).toBe((10 + 20) / 2));
  check('incremental.cost', () => expect(incremental().cost!.mean).toBe(600));
  check('incremental.roi', () => expect(incremental().roi!.mean).toBeCloseTo((6000 / 500 + 7000 / 700) / 2, 5)); // 11
  check('incremental.marginRoi', () => expect(incremental().marginRoi!.mean).toBeCloseTo((3000 / 500 + 3500 / 700) / 2, 5)); // 5.5
  check('incremental.costPerNewBuyer', () => expect(incremental().costPerNewBuyer!.mean).toBeCloseTo((500 / 10 + 700 / 20) / 2, 4)); // 42.5
  it('has no margin figures when the scenario sets no margin', () => {
    const { plan, base } = summaries();
    const none = incrementalResult(plan, base, null, 'x');
    expect(none.margin).toBeNull();
    expect(none.marginRoi).toBeNull();
  });
});

describe('incremental ROI from two explicit engine runs (plan and do-nothing, same seeds)', () => {
  it('equals ΔGMV ÷ cost computed by hand from the runs’ records', () => {
    const parsed = parseScenarioText(readFileSync(join(import.meta.dirname, '../../scenarios/teaching-coupons.json'), 'utf8'));
    if (!parsed.ok) throw new Error('preset does not parse');
    const o = { agents: 3000, runs: 3, days: 60 };
    const pc = compileScenario(parsed.scenario, o);
    const bc = compileScenario(doNothing(parsed.scenario), o);
    const plan = new Summary(pc);
    const base = new Summary(bc);
    const rois: number[] = [];
    for (let r = 0; r < pc.runs; r++) {
      const p = simulateRun(pc, r);
      const b = simulateRun(bc, r);
      const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
      const dGmv = sum(p.gmv) * pc.scale - sum(b.gmv) * bc.scale;
      rois.push(dGmv / (sum(p.cost) - sum(b.cost)));
      plan.add(digestRun(p, pc));
      base.add(digestRun(b, bc));
    }
    const inc = incrementalResult(plan, base, pc.margin, bc.scenarioId);
    const byHand = rois.reduce((x, y) => x + y, 0) / rois.length;
    expect(inc.roi!.mean).toBeCloseTo(byHand, 4);
    // Against the total ROI, which counts the sales that happen anyway.
    expect(plan.result().star.R.roi!.mean).toBeGreaterThan(inc.roi!.mean);
  });
});

describe('new buyers are first purchases ever; lapsed buyers coming back are returning buyers', () => {
  it('the engine counts a new buyer once, and lapsed buyers (from this run or from before it) as returning', () => {
    const ec = config({ days: 5, runs: 1, population: { agents: 100, scale: 1 } });
    const s = createRun(ec, 0);
    const r3 = ec.initialCounts.slice(0, 3).reduce((a, b) => a + b, 0); // the first agent in R3
    const r4 = s.pop.initialBuyersFrom; // the first agent in R4 at the start
    expect(s.pop.tier[r3]).toBe(3);
    expect(s.pop.tier[r4]).toBe(4);
    s.moveAgent(r3, 3, 4, 0); // never bought: new buyer
    s.moveAgent(r3, 4, 3, 0);
    s.moveAgent(r3, 3, 4, 0); // bought in this run, lapsed, back: returning
    s.moveAgent(r4, 4, 3, 0);
    s.moveAgent(r4, 3, 4, 0); // a buyer before the run, lapsed, back: returning
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(s.rec.rec.firstPurchases)).toBe(3);
    expect(sum(s.rec.rec.newBuyers)).toBe(1);
  });
});

describe('figures in brands’ terms, from an order ledger filled by hand', () => {
  // 1 Mar 2026 for 62 days: March is days 0–30, April 31–60 (1 May, day 61, starts a month the run does not finish).
  // A livestream every Saturday (1 Mar 2026 is a Sunday): days 6, 13, …, 55 are its eight events, one day each.
  const cfg = config({ startDate: '2026-03-01', days: 62, tactics: [{ id: 'live', type: 'livestream', schedule: { weekly: ['sat'] } }] });
  // Orders: (day, the buyer's last two order days). A: 2, 5, 40. B: 9. C: 6 (a Saturday), 6, 6 again (three orders
  // in one event: the ledger allows it), 33. D: 35, 50.
  const orders: Array<[number, number, number]> = [
    [2, -1, -1], [5, 2, -1], [40, 5, 2], // A
    [9, -1, -1], // B
    [6, -1, -1], [6, 6, -1], [6, 6, 6], [33, 6, 6], // C
    [35, -1, -1], [50, 35, -1], // D
  ];
  const bf = (k: string) => {
    const ledger = new OrderLedger(cfg, ledgerWindows(cfg));
    for (const [day, last, prev] of orders) ledger.order(day, 100, 5, 0, last, prev, 0, 255);
    return ledgerFigures(cfg, ledgerWindows(cfg), ledger.windowTally)[k]!;
  };
  check('R.monthlyRepurchase', () => {
    // March: buyers A, B, C (3); twice or more: A, C (2) → 2/3. April: A, C, D (3); twice: D (1) → 1/3. Mean 1/2.
    expect(ledgerWindows(cfg).filter((w) => w.kind === 'month').map((w) => [w.from, w.to])).toEqual([
      [0, 31],
      [31, 61],
    ]);
    expect(bf('R.monthlyRepurchase')).toBeCloseTo(0.5, 12);
  });
  check('R.ordersPerMonthlyBuyer', () => {
    // March: 6 orders (A 2, B 1, C 3) by 3 people; April: 4 orders (A, C, D twice) by 3 people. 10 ÷ 6.
    expect(bf('R.ordersPerMonthlyBuyer')).toBeCloseTo(10 / 6, 12);
  });
  check('E.ordersPerBuyer', () => {
    // Only the first Saturday (day 6) has orders — C's three. Events with no buyer add nothing to the pooled ratio.
    expect(bf('E.live.events')).toBe(8);
    expect(bf('E.live.ordersPerBuyer')).toBe(3);
  });
  check('E.multiOrderShare', () => expect(bf('E.live.multiOrderShare')).toBe(1));
  check('E.broughtMultiOrderShare', () => {
    // The second Saturday (day 13), the livestream's cause being 3 (its first tactic): E's first order there is the
    // stream's and F's too, then F orders again; G first orders for another reason, then in the
    // stream (not brought: a second order in the stream does not make the first the stream's). Brought: E, F; of
    // them, ordering again: F. So 1/2, while all buyers ordering twice are F, G: 2/3.
    const l = new OrderLedger(cfg, ledgerWindows(cfg));
    l.order(13, 100, 5, 0, -1, -1, 3, 255); // E
    l.order(13, 100, 5, 0, -1, -1, 3, 255); // F
    l.order(13, 100, 5, 0, 13, -1, 3, 3); // F again, in the stream too
    l.order(13, 100, 5, 0, 2, -1, 0, 255); // G
    l.order(13, 100, 5, 0, 13, 2, 3, 0); // G again, in the stream
    const vals = ledgerFigures(cfg, ledgerWindows(cfg), l.windowTally);
    const at = (k: string) => vals[k]!;
    expect(at('E.live.broughtMultiOrderShare')).toBe(0.5);
    expect(at('E.live.multiOrderShare')).toBeCloseTo(2 / 3, 12);
  });
  check('R.repurchaseWithin', () => {
    // Two years from 1 Jan 2026: buyer A orders on days 10 and 400 (twice within 2 years, once within 1); B on 20, 30.
    const y2 = config({ startDate: '2026-01-01', days: 730 });
    const l2 = new OrderLedger(y2, ledgerWindows(y2));
    l2.order(10, 1, 5, 0, -1, -1, 0, 255);
    l2.order(400, 1, 5, 0, 10, -1, 0, 255);
    l2.order(20, 1, 5, 0, -1, -1, 0, 255);
    l2.order(30, 1, 5, 0, 20, -1, 0, 255);
    const vals = ledgerFigures(y2, l2.windows, l2.windowTally);
    expect(Object.keys(vals).filter((k) => k.startsWith('R.repurchaseWithin'))).toEqual(['R.repurchaseWithin.1y', 'R.repurchaseWithin.2y']);
    expect(vals['R.repurchaseWithin.1y']).toBe(0.5); // A once, B twice
    expect(vals['R.repurchaseWithin.2y']).toBe(1);
  });
});

describe('the glossary', () => {
  it('has one entry per id, each with both languages and a unit', () => {
    expect(new Set(GLOSSARY.map((f) => f.id)).size).toBe(GLOSSARY.length);
    for (const f of GLOSSARY) for (const t of [f.name, f.what, f.unit]) expect(t.en && t.zh, f.id).toBeTruthy();
  });

  it('as Markdown: a header, a rule and one row per figure; definition() finds a figure by its id', () => {
    const lines = glossaryMarkdown().split('\n');
    expect(lines.slice(0, 2)).toEqual(['| id | figure | what it is | unit | incremental or total |', '|---|---|---|---|---|']);
    expect(lines).toHaveLength(GLOSSARY.length + 2);
    expect(lines[2]).toBe(`| \`${GLOSSARY[0]!.id}\` | ${GLOSSARY[0]!.name.en} | ${GLOSSARY[0]!.what.en} | ${GLOSSARY[0]!.unit.en} | ${GLOSSARY[0]!.scope} |`);
    expect(definition('R.gmv')?.id).toBe('R.gmv');
    expect(definition('R.gmv')?.unit.en).toBe(GLOSSARY.find((f) => f.id === 'R.gmv')!.unit.en);
    expect(definition('no.such.figure')).toBeUndefined();
  });

  it('is the table in docs/model.md § Glossary (edit src/sim/results/glossary.ts, then paste glossaryMarkdown())', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/model.md'), 'utf8');
    expect(doc).toContain(glossaryMarkdown());
  });

  afterAll(() => {
    const missing = GLOSSARY.map((f) => f.id).filter((id) => !checked.has(id));
    if (missing.length) throw new Error(`glossary figures without a hand-computed check: ${missing.join(', ')}`);
  });
});
