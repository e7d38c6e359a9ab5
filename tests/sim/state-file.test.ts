import { describe, expect, it } from 'vitest';
import { fnv64 } from '../../src/lib/hash';
import { simulateRunTo } from '../../src/sim/checkpoint';
import { decodeStateFile, encodeStateFile, configHash, snapshotFromJson, snapshotToJson, STATE_VERSION } from '../../src/sim/state-file';
import type { StateArray } from '../../src/sim/tactics/types';
import { config } from '../helpers';

/**
 * State files are checked like scenarios: format, version, a hash of the content, and the scenario they were saved
 * from (scenario, seed, runs, horizon, agents, every parameter), each refusal naming the field.
 */

const patch = { days: 30, runs: 2, population: { agents: 400, scale: 10, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true }, tactics: [{ id: 'cp', type: 'coupons', schedule: { everyDays: 5 } }] };
const plan = config(patch);
const batches = [{ label: 'plan', config: plan }];
/** The state file of both runs at day 9, written anew by each test that reads it: written once at the top of the file,
 * it would be written before StrykerJS switches a mutant on (docs/testing.md § Mutation testing). */
const saved = () => savedAt(9);
const savedAt = (day: number, labels = ['plan']) => encodeStateFile(plan, day, labels.map((label) => ({ label, configHash: configHash(plan), runs: [0, 1].map((r) => simulateRunTo(plan, r, day)) })));

/** Rewrite a saved file's content and give it a correct hash (what a careful hand edit would do). */
function rehash(edit: (o: Record<string, unknown>) => void): string {
  const { hash: _, ...o } = JSON.parse(saved()) as Record<string, unknown>;
  edit(o);
  return JSON.stringify({ ...o, hash: fnv64(JSON.stringify(o)) });
}

function refusal(t: string, expected = batches): string {
  const r = decodeStateFile(t, expected);
  if (r.ok) throw new Error('accepted');
  return r.errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}

describe('state files', () => {
  it('a file as written reads back, with every run', () => {
    const text = saved();
    const r = decodeStateFile(text, batches);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.file.batches[0]!.runs.map((x) => [x.run, x.daysDone])).toEqual([[0, 9], [1, 9]]);
  });

  it('a file edited by hand is refused by its hash', () => {
    const text = saved();
    // One digit of a counter changed, the hash left as it was.
    const edited = text.replace(/"daysDone":9,"population"/, '"daysDone":8,"population"');
    expect(edited).not.toBe(text);
    expect(refusal(edited)).toMatch(/^hash: the content does not match its hash/);
    expect(refusal(text.replace(/,"hash":"[0-9a-f]+"/, ''))).toMatch(/^hash: missing/);
  });

  it('a file from another seed, horizon, scenario or version is refused, naming the field', () => {
    const text = saved();
    expect(refusal(text, [{ label: 'plan', config: config({ ...patch, seed: 99 }) }])).toMatch(/^seed: the state was saved with seed "\d+", this run has "99"/m);
    expect(refusal(text, [{ label: 'plan', config: config({ ...patch, days: 31 }) }])).toMatch(/^days: the state was saved with horizon \(days\) 30, this run has 31/m);
    const other = config({ ...patch, tactics: [{ id: 'cp', type: 'coupons', schedule: { everyDays: 6 } }] });
    expect(refusal(text, [{ label: 'plan', config: other }])).toMatch(/^batches\[0\]\.configHash: the plan was saved from another scenario or other parameters/m);
    expect(refusal(text, [{ label: 'plan', config: plan }, { label: 'baseline', config: plan }])).toMatch(/^batches: the state holds plan; resuming needs plan, baseline/);
    expect(refusal(rehash((o) => (o.version = STATE_VERSION + 1)))).toMatch(/^version: this state was saved by state version 2; this engine reads version 1 only/);
    expect(refusal(JSON.stringify({ format: 'star-sandbox-scenario' }))).toMatch(/^format: expected "star-sandbox-state"/);
    expect(refusal('{"format":')).toMatch(/^\(root\): not JSON/);
  });

  it('a re-hashed file whose runs are out of place is refused, naming the run', () => {
    const t = rehash((o) => {
      const b = (o.batches as Array<{ runs: Array<{ run: number }> }>)[0]!;
      b.runs[1]!.run = 0;
    });
    expect(refusal(t)).toMatch(/^batches\[0\]\.runs\[1\]\.run: expected run 1, got 0/m);
    const bad = rehash((o) => {
      const b = (o.batches as Array<{ runs: Array<{ population: { tier: { base64: string } } }> }>)[0]!;
      b.runs[0]!.population.tier.base64 = '***';
    });
    expect(refusal(bad)).toMatch(/^batches\[0\]\.runs\[0\]\.population\.tier: its bytes are not valid base64/m);
  });

  it('a re-hashed file with a wrong day, a wrong run count or no list of batches is refused, naming the field', () => {
    expect(refusal('[]')).toMatch(/^\(root\): expected a state file \(a JSON object\)/);
    expect(refusal('null')).toMatch(/^\(root\): expected a state file/);
    const days = (n: unknown) => rehash((o) => (o.daysDone = n));
    expect(refusal(days(0))).toMatch(/^daysDone: expected a day from 1 to 29, got 0/m);
    expect(refusal(days(30))).toMatch(/^daysDone: expected a day from 1 to 29, got 30/m);
    expect(refusal(days(2.5))).toMatch(/^daysDone: expected a day from 1 to 29, got 2.5/m);
    expect(refusal(rehash((o) => (o.batches = 'plan')))).toMatch(/^batches: expected a list of batches/m);
    const oneRun = rehash((o) => (o.batches as Array<{ runs: unknown[] }>)[0]!.runs.pop());
    expect(refusal(oneRun)).toMatch(/^batches\[0\]\.runs: expected the state of 2 runs, got 1/m);
    const noRuns = rehash((o) => ((o.batches as Array<{ runs: unknown }>)[0]!.runs = null));
    expect(refusal(noRuns)).toMatch(/^batches\[0\]\.runs: expected the state of 2 runs, got none/m);
    const otherDay = rehash((o) => ((o.batches as Array<{ runs: Array<{ daysDone: number }> }>)[0]!.runs[1]!.daysDone = 8));
    expect(refusal(otherDay)).toMatch(/^batches\[0\]\.runs\[1\]\.daysDone: expected 9, got 8/m);
    const relabelled = rehash((o) => ((o.batches as Array<{ label: string }>)[0]!.label = 'baseline'));
    expect(refusal(relabelled)).toMatch(/^batches: the state holds baseline; resuming needs plan/);
    expect(refusal(saved(), [{ label: 'plan', config: config({ ...patch, runs: 3 }) }])).toMatch(/^runs: the state was saved with runs 2, this run has 3/m);
    expect(refusal(saved(), [{ label: 'plan', config: config({ ...patch, population: { ...patch.population, agents: 500 } }) }])).toMatch(/^agents: the state was saved with agents 400, this run has 500/m);
    expect(refusal(saved(), [{ label: 'plan', config: config({ ...patch, id: 'other' }) }])).toMatch(/^scenarioId: the state was saved with scenario "test", this run has "other"/m);
  });

  it('NaN, ±Infinity and −0 in a tactic state survive the round trip', () => {
    const snap = simulateRunTo(plan, 0, 3);
    snap.tactics = [{ a: NaN, b: Infinity, c: -Infinity, d: -0, e: 0.1 + 0.2 }];
    const t = encodeStateFile(plan, 9, [{ label: 'plan', configHash: configHash(plan), runs: [snap, { ...snap, run: 1 }] }]).replace(/"daysDone":3/g, '"daysDone":9');
    const fixed = (() => {
      const { hash: _, ...o } = JSON.parse(t) as Record<string, unknown>;
      return JSON.stringify({ ...o, hash: fnv64(JSON.stringify(o)) });
    })();
    const r = decodeStateFile(fixed, batches);
    expect(r.ok).toBe(true);
    if (r.ok) {
      const st = r.file.batches[0]!.runs[0]!.tactics[0]!;
      expect([st.a, st.b, st.c, st.e]).toEqual([NaN, Infinity, -Infinity, 0.30000000000000004]);
      expect(Object.is(st.d, -0)).toBe(true);
    }
  });
});

describe('state files: the edges of what is accepted', () => {
  it('daysDone 1 and the horizon − 1 are accepted (0 and the horizon are refused above)', () => {
    for (const day of [1, 29]) {
      const r = decodeStateFile(savedAt(day), batches);
      expect(r.ok, `day ${day}`).toBe(true);
      if (r.ok) expect(r.file.daysDone).toBe(day);
    }
  });

  it('a text that is JSON but not an object is refused at the root', () => {
    for (const text of ['5', '"state"', 'true', 'null', '[]']) expect(refusal(text), text).toBe('(root): expected a state file (a JSON object)');
  });

  it('a re-hashed file whose values do not decode is refused with those errors only, each naming its path', () => {
    const t = rehash((o) => {
      o.daysDone = { $number: 'bogus' };
      const run = (o.batches as Array<{ runs: Array<Record<string, Record<string, unknown>>> }>)[0]!.runs[1]!;
      run.population!.tier = { $array: 'BigInt64Array', base64: '' };
      run.population!.orders = { $array: 'Uint16Array', base64: 'AAAA' };
      run.population!.channels = { $array: 'Uint8Array', base64: 7 };
    });
    // In the order of the file: the head, then the population's columns as saved (tier, …, channels, …, orders).
    expect(refusal(t).split('\n')).toEqual([
      'daysDone: unknown special number "bogus"',
      'batches[0].runs[1].population.tier: expected a typed array ({"$array": type, "base64": bytes}), got type "BigInt64Array"',
      'batches[0].runs[1].population.channels: expected a typed array ({"$array": type, "base64": bytes}), got type "Uint8Array"',
      'batches[0].runs[1].population.orders: 3 bytes do not make whole Uint16Array values',
    ]);
  });

  it('no batches expected: only the batch list is refused (nothing to compare the head with)', () => {
    expect(refusal(saved(), [])).toBe('batches: the state holds plan; resuming needs  (the same options as when it was saved)');
  });

  it('two batches: one label out of place is enough to refuse; the same labels in order are accepted', () => {
    const two = savedAt(9, ['plan', 'baseline']);
    expect(decodeStateFile(two, [{ label: 'plan', config: plan }, { label: 'baseline', config: plan }]).ok).toBe(true);
    expect(refusal(two, [{ label: 'plan', config: plan }, { label: 'plan (noise only)', config: plan }])).toBe('batches: the state holds plan, baseline; resuming needs plan, plan (noise only) (the same options as when it was saved)');
    expect(refusal(two, [{ label: 'baseline', config: plan }, { label: 'baseline', config: plan }])).toMatch(/^batches: the state holds plan, baseline; resuming needs baseline, baseline/);
  });

  it('a batch or a run that is null is refused, naming it, not with a TypeError', () => {
    expect(refusal(rehash((o) => (o.batches = [null])))).toBe('batches: the state holds (no batch); resuming needs plan (the same options as when it was saved)');
    const t = rehash((o) => ((o.batches as Array<{ runs: unknown[] }>)[0]!.runs[0] = null));
    expect(refusal(t).split('\n')).toEqual(['batches[0].runs[0].run: expected run 0, got undefined', 'batches[0].runs[0].daysDone: expected 9, got undefined']);
  });
});

describe('one snapshot as JSON text (snapshotToJson / snapshotFromJson)', () => {
  it('reads back bit for bit, typed arrays of every kind and special numbers included', () => {
    const arrays = [Uint8Array.of(0, 255), Int8Array.of(-128, 127), Int16Array.of(-32768, 1), Uint16Array.of(65535), Int32Array.of(-1, 2 ** 31 - 1), Uint32Array.of(2 ** 32 - 1), Float32Array.of(1.5, -0), Float64Array.of(0.1, NaN, -Infinity)];
    const snap = { ...simulateRunTo(plan, 0, 2), tactics: [{ arrays: arrays as unknown as StateArray[], n: -0, inf: Infinity, list: [1, NaN], none: null, flag: true }] };
    const back = snapshotFromJson(snapshotToJson(snap));
    const st = back.tactics[0]! as unknown as { arrays: ArrayLike<number>[]; n: number; inf: number; list: number[]; none: null; flag: boolean };
    st.arrays.forEach((a, k) => {
      expect(a.constructor).toBe(arrays[k]!.constructor);
      expect(Array.from(a).map((x) => Object.is(x, -0) ? '-0' : String(x))).toEqual(Array.from(arrays[k]!).map((x) => Object.is(x, -0) ? '-0' : String(x)));
    });
    expect(Object.is(st.n, -0)).toBe(true);
    expect(st.inf).toBe(Infinity);
    expect(st.list).toEqual([1, NaN]);
    expect([st.none, st.flag]).toEqual([null, true]);
    expect(Array.from(back.population.tier)).toEqual(Array.from(snap.population.tier));
  });

  it('an array longer than one base64 chunk (0x6000 bytes) reads back whole', () => {
    const big = Float64Array.from({ length: 0x6000 / 8 * 2 + 5 }, (_, i) => i * 1.25 - 7);
    const back = snapshotFromJson(snapshotToJson({ ...simulateRunTo(plan, 0, 1), tactics: [{ big }] }));
    expect(Array.from(back.tactics[0]!.big as Float64Array)).toEqual(Array.from(big));
  });

  it('a typed array it cannot save is refused by name', () => {
    const snap = { ...simulateRunTo(plan, 0, 1), tactics: [{ clamped: new Uint8ClampedArray(2) as never }] };
    expect(() => snapshotToJson(snap)).toThrow(new TypeError('cannot save a Uint8ClampedArray'));
  });

  it('text that does not decode is refused with every error, one per line, each naming its path', () => {
    const text = JSON.stringify({ run: 0, a: { $number: 'nan' }, b: [{ $number: ['NaN'] }], c: { $array: 'Float64Array', base64: 'AAAA' }, d: { $array: 'Float64Array', base64: '%%' } });
    expect(() => snapshotFromJson(text)).toThrow(
      new Error(['a: unknown special number "nan"', 'b[0]: unknown special number ["NaN"]', 'c: 3 bytes do not make whole Float64Array values', 'd: its bytes are not valid base64'].join('\n')),
    );
  });
});

describe('fnv64', () => {
  it('lane one is 32-bit FNV-1a (published test vectors), lane two hears every character', () => {
    // FNV-1a 32-bit: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968 (Noll's reference vectors).
    expect(fnv64('').slice(0, 8)).toBe('811c9dc5');
    expect(fnv64('a').slice(0, 8)).toBe('e40c292c');
    expect(fnv64('foobar').slice(0, 8)).toBe('bf9cf968');
    // A change in the first character of a long text changes the second lane too (an even multiplier would lose it).
    const long = 'x'.repeat(200);
    expect(fnv64('a' + long).slice(8)).not.toBe(fnv64('b' + long).slice(8));
  });
});
