import { afterEach, describe, expect, it, vi } from 'vitest';
import { restoreRun, resumeRun, RUN_STREAMS, saveRun, simulateRunTo, stepDays } from '../../src/sim/checkpoint';
import type { EngineConfig } from '../../src/sim/config';
import type { OrderWindow } from '../../src/sim/results/order-ledger';
import { createRun, finishRun, simulateRun } from '../../src/sim/step/model';
import { coupons } from '../../src/sim/tactics/coupons';
import { StateError } from '../../src/sim/tactics/state';
import { config } from '../helpers';
import { diffRecords } from './resume';

/**
 * Snapshots that do not fit the scenario are refused with a StateError naming the field (checkpoint.ts restoreRun),
 * at the exact edges of what is accepted; and the pieces of checkpointing the bit-for-bit test in checkpoint.test.ts
 * does not reach: a snapshot is a copy, simulateRunTo's stop day, resumeRun, a runtime without saveState/loadState,
 * and a plan whose ledger windows change ahead of the cut.
 *
 * Small and quick on purpose: StrykerJS runs this file first for the state group (scripts/mutants-group.sh).
 * Bugs injected while writing it, each caught, then reverted: daysDone < −1, ≥ the horizon, or not checked to be whole;
 * a stream's length not checked; `snap.streams[k]` without `?.`; unknown record keys accepted; the record or the
 * ledger saved without a copy; the loadState check removed; every loadState error taken for a StateError; a stop
 * day equal to the horizon refused, or −1 accepted; onDay(day) for onDay(day + 1); a window opening on the cut day refused; the
 * `ledger.channels` path misnamed. It also found a bug, since fixed: a new plan with no ledger windows was refused
 * ("expected 0 values") because carryWindows took the fields per window from the new plan's tallies.
 */

/** 20 days, 300 agents, one coupon tactic (id cp) every 5 days. */
const small = (): EngineConfig =>
  config({ days: 20, runs: 1, population: { agents: 300, scale: 1, initial: { R0: 0.4, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.1, R5: 0.1 }, heterogeneity: true }, tactics: [{ id: 'cp', type: 'coupons', schedule: { everyDays: 5 } }] });

/** The StateError's text (`path: message`) of a call that must refuse; anything else fails the test. */
function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof StateError) return e.message;
    throw e;
  }
  throw new Error('accepted');
}


afterEach(() => {
  vi.restoreAllMocks();
});

describe('restoreRun: the day a snapshot was saved after', () => {
  it('0 and the horizon are accepted; −1, the horizon + 1 and a fraction are refused, naming daysDone', () => {
    const c = small();
    const first = simulateRunTo(c, 0, 0);
    expect(restoreRun(c, first).run).toBe(0);
    expect(refusal(() => restoreRun(c, { ...first, daysDone: -1 }))).toBe('daysDone: must be a whole number of days from 0 to the horizon 20, got -1');
    const last = simulateRunTo(c, 0, 20);
    expect(restoreRun(c, last).run).toBe(0);
    expect(refusal(() => restoreRun(c, { ...last, daysDone: 21 }))).toBe('daysDone: must be a whole number of days from 0 to the horizon 20, got 21');
    expect(refusal(() => restoreRun(c, { ...last, daysDone: 2.5 }))).toMatch(/^daysDone: .* got 2\.5$/);
  });
});

describe('restoreRun: the shape of a snapshot', () => {
  it('each stream must be four 32-bit words', () => {
    const c = small();
    const snap = simulateRunTo(c, 0, 4);
    for (const k of RUN_STREAMS) {
      for (const bad of [undefined, new Int32Array(3), new Int32Array(5), new Float64Array(4), [1, 2, 3, 4]]) {
        expect(refusal(() => restoreRun(c, { ...snap, streams: { ...snap.streams, [k]: bad } }))).toBe(`streams.${k}: expected four 32-bit words`);
      }
    }
    expect(refusal(() => restoreRun(c, { ...snap, streams: undefined as never }))).toBe('streams.movesRng: expected four 32-bit words');
  });

  it('a missing population, record or ledger is refused at its first field, not with a TypeError', () => {
    const c = small();
    const snap = simulateRunTo(c, 0, 4);
    expect(refusal(() => restoreRun(c, { ...snap, population: undefined as never }))).toBe('population.tier: expected Uint8Array, got undefined');
    const firstRecordKey = Object.keys(snap.record)[0]!;
    expect(refusal(() => restoreRun(c, { ...snap, record: undefined as never }))).toBe(`record.${firstRecordKey}: expected Float64Array, got undefined`);
    expect(refusal(() => restoreRun(c, { ...snap, ledger: undefined as never }))).toBe('ledger.windows: expected Float64Array, got undefined');
    expect(refusal(() => restoreRun(c, { ...snap, ledger: { ...snap.ledger, channels: undefined as never } }))).toBe('ledger.channels: expected Float64Array, got undefined');
    const n = snap.ledger.channels.length;
    expect(refusal(() => restoreRun(c, { ...snap, ledger: { ...snap.ledger, channels: snap.ledger.channels.slice(1) } }))).toBe(`ledger.channels: expected ${n} values, got ${n - 1}`);
  });

  it('a record key a run record does not have is refused, naming it', () => {
    const c = small();
    const snap = simulateRunTo(c, 0, 4);
    expect(refusal(() => restoreRun(c, { ...snap, record: { ...snap.record, extra: new Float64Array(1) } }))).toBe('record.extra: is not part of a run record');
    // The same keys in another order are fine.
    const reversed = Object.fromEntries(Object.entries(snap.record).reverse());
    expect(restoreRun(c, { ...snap, record: reversed }).run).toBe(0);
  });

  it('tactics that are not a list, or a tactic state its runtime cannot read, are refused naming the tactic', () => {
    const c = small();
    const snap = simulateRunTo(c, 0, 4);
    expect(refusal(() => restoreRun(c, { ...snap, tactics: undefined as never }))).toBe('tactics: expected the state of 1 tactics, got none');
    expect(refusal(() => restoreRun(c, { ...snap, tactics: [] }))).toBe('tactics: expected the state of 1 tactics, got 0');
    // A state that is not an object: the runtime's own TypeError, under the tactic's path.
    expect(refusal(() => restoreRun(c, { ...snap, tactics: [null as never] }))).toMatch(/^tactics\[0\] \(cp\): \S/);
    // A StateError inside the runtime keeps its field under the tactic's path, stated once.
    const st = refusal(() => restoreRun(c, { ...snap, tactics: [{}] }));
    expect(st).toMatch(/^tactics\[0\] \(cp\)\.(\w+): expected [^:]+$/);
  });
});

describe('a runtime without saveState or loadState', () => {
  it('cannot be checkpointed (saveRun names the tactic) nor resumed (restoreRun names it)', () => {
    const c = small();
    const snap = simulateRunTo(c, 0, 4);
    const create = coupons.create.bind(coupons);
    const spy = vi.spyOn(coupons, 'create');
    spy.mockImplementation((t, env) => ({ ...create(t, env), saveState: undefined }));
    const s = createRun(c, 0);
    expect(() => saveRun(s, 0)).toThrow(/^tactic cp cannot be checkpointed: its runtime has no saveState$/);
    spy.mockImplementation((t, env) => ({ ...create(t, env), loadState: undefined }));
    expect(refusal(() => restoreRun(c, snap))).toBe('tactics[0] (cp): this tactic cannot be resumed: its runtime has no loadState');
  });
});

describe('a snapshot is a copy', () => {
  it('stepping the run on after saving does not change the snapshot', () => {
    const c = small();
    const s = createRun(c, 0);
    stepDays(s, 0, 6);
    const snap = saveRun(s, 6);
    const frozen = JSON.stringify(snap, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
    stepDays(s, 6, 20);
    expect(JSON.stringify(snap, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v))).toBe(frozen);
    // And it still resumes to the uninterrupted run.
    expect(diffRecords(simulateRun(c, 0), resumeRun(c, snap))).toBeNull();
  });
});

describe('simulateRunTo and resumeRun', () => {
  it('stop days 0 and the horizon are accepted; −1, the horizon + 1 and a fraction are refused', () => {
    const c = small();
    expect(simulateRunTo(c, 0, 0).daysDone).toBe(0);
    expect(simulateRunTo(c, 0, 20).daysDone).toBe(20);
    expect(() => simulateRunTo(c, 0, -1)).toThrow(new RangeError('stop day must be from 0 to 20, got -1'));
    expect(() => simulateRunTo(c, 0, 21)).toThrow(new RangeError('stop day must be from 0 to 20, got 21'));
    expect(() => simulateRunTo(c, 0, 2.5)).toThrow(new RangeError('stop day must be from 0 to 20, got 2.5'));
  });

  it('onDay hears the days done after each day: 1…stop, then stop+1…horizon; the resumed run is the uninterrupted one', () => {
    const c = small();
    const before: number[] = [];
    const snap = simulateRunTo(c, 0, 7, (d) => before.push(d));
    expect(before).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const after: number[] = [];
    const rec = resumeRun(c, snap, (d) => after.push(d));
    expect(after).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(diffRecords(simulateRun(c, 0), rec)).toBeNull();
  });
});

describe('a new plan whose ledger windows differ from the saved plan’s (restoreRun with savedWith)', () => {
  const ev = (from: number, to: number): OrderWindow => ({ kind: 'event', from, to, ref: 0 });
  const plan = (windows: OrderWindow[]): EngineConfig => ({ ...small(), ledgerWindows: windows });

  it('a window opening on the cut day is counted from there, as in an uninterrupted run of the new plan', () => {
    const a = plan([ev(2, 4)]);
    const b = plan([ev(2, 4), ev(7, 9)]);
    const snap = simulateRunTo(a, 0, 7);
    const r = restoreRun(b, snap, a);
    stepDays(r, 7, 20);
    const rec = finishRun(r);
    expect(rec.ledgerWindows).toHaveLength(12);
    expect(diffRecords(simulateRun(b, 0), rec)).toBeNull();
  });

  it('a window that opened before the cut and the saved plan did not count is refused', () => {
    const a = plan([ev(2, 4)]);
    const snap = simulateRunTo(a, 0, 7);
    expect(refusal(() => restoreRun(plan([ev(2, 4), ev(6, 9)]), snap, a))).toBe('ledger.windows: the new plan has a event window from day 6 that the saved plan did not count');
  });

  it('a new plan with no windows at all resumes (nothing to carry)', () => {
    const a = plan([ev(10, 12)]);
    const b = plan([]);
    const snap = simulateRunTo(a, 0, 5);
    const r = restoreRun(b, snap, a);
    stepDays(r, 5, 20);
    expect(diffRecords(simulateRun(b, 0), finishRun(r))).toBeNull();
  });

  it('saved windows that do not fit the saved plan are refused, naming ledger.windows and the expected count', () => {
    const a = plan([ev(2, 4), ev(10, 12)]);
    const snap = simulateRunTo(a, 0, 7);
    expect(snap.ledger.windows).toHaveLength(12);
    for (const windows of [snap.ledger.windows.slice(1), new Float32Array(12), undefined]) {
      expect(refusal(() => restoreRun(a, { ...snap, ledger: { ...snap.ledger, windows: windows as never } }, a))).toBe('ledger.windows: expected 12 values for the plan it was saved under');
    }
    expect(refusal(() => restoreRun(a, { ...snap, ledger: undefined as never }, a))).toBe('ledger.windows: expected 12 values for the plan it was saved under');
  });
});
