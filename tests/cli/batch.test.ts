import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioJson } from '../helpers';

const root = join(import.meta.dirname, '..', '..');
function node(entry: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/node-entry.mjs'), entry, ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const sim = (...a: string[]) => node('src/cli/main.ts', ...a);
const merge = (...a: string[]) => node('src/cli/merge.ts', ...a);

let dir: string;
const f = (name: string) => join(dir, name);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'star-batch-'));
  writeFileSync(
    f('scenario.json'),
    JSON.stringify(
      scenarioJson({
        days: 30,
        runs: 5,
        margin: 0.5,
        population: { agents: 1500, scale: 10, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
        tactics: [
          { id: 'ads', type: 'ads', schedule: { daily: true }, dailySpend: 1000 },
          { id: 'posts', type: 'content', schedule: { weekly: ['tue'] }, postsPerDay: 1, costPerPost: 500 },
        ],
      }),
    ),
  );
  // A Monte Carlo sweep (3 points + 1 shared baseline) and a variant list (3 plans + 2 distinct baselines: the
  // variants that change only tactics share one): 4 and 5 jobs.
  writeFileSync(f('sweep.json'), JSON.stringify({ batch: 1, kind: 'sweep', id: 'sw', scenario: 'scenario.json', method: 'monteCarlo', fields: [{ path: 'tactics[ads].dailySpend', values: [0, 500, 2000] }] }));
  writeFileSync(f('list.json'), JSON.stringify({ batch: 1, kind: 'scenarios', runs: 4, items: [{ scenario: 'scenario.json' }, { scenario: 'scenario.json', label: 'more posts', set: { 'tactics[posts].postsPerDay': 3 } }, { scenario: 'scenario.json', label: 'livelier market', set: { 'baseline.forward.R1': 0.03 } }] }));
});

describe('batches on the command line', () => {
  it('a sharded and merged batch is byte for byte the single-machine result, for 1, 2 and 4 shards', () => {
    for (const b of ['sweep', 'list']) {
      const single = sim(f(`${b}.json`), '--out', f(`${b}-single.json`), '--quiet', '--workers', '2');
      expect(single.code, single.err).toBe(0);
      const bytes = readFileSync(f(`${b}-single.json`));
      expect(JSON.parse(bytes.toString()).format).toBe('star-sandbox-batch');
      for (const n of [1, 2, 4]) {
        const parts: string[] = [];
        for (let i = 0; i < n; i++) {
          // Each shard is its own process (as on separate machines), with its own worker count.
          const r = sim(f(`${b}.json`), '--shard', `${i}/${n}`, '--out', f(`${b}-${n}-${i}.json`), '--quiet', '--workers', String(1 + (i % 2)));
          expect(r.code, r.err).toBe(0);
          parts.push(f(`${b}-${n}-${i}.json`));
        }
        // Parts in any order.
        const m = merge(...parts.reverse(), '--out', f(`${b}-merged-${n}.json`));
        expect(m.code, m.err).toBe(0);
        expect(readFileSync(f(`${b}-merged-${n}.json`)).equals(bytes), `${b}, ${n} shards`).toBe(true);
      }
    }
  }, 240_000);

  it('a list pairs each item with its own do-nothing baseline, shared where the market is the same', () => {
    const r = JSON.parse(readFileSync(f('list-single.json'), 'utf8')).result.items;
    expect(r.map((x: { label: string }) => x.label)).toEqual(['1. test', 'more posts', 'livelier market']);
    // Same market and seeds: the first two share a baseline, so ΔGMV − GMV (= −baseline GMV) is the same run by run;
    // the livelier market's baseline sells more.
    const base = (x: any) => x.figures.gmv.mean - x.figures['incremental.gmv'].mean;
    expect(Math.abs(base(r[0]) - base(r[1])) / base(r[0])).toBeLessThan(1e-5);
    expect(base(r[2])).toBeGreaterThan(base(r[0]) * 1.001);
    // --runs on the command line overrides the batch's runs, as it does a scenario's.
    const o = sim(f('list.json'), '--runs', '3', '--format', 'json', '--quiet');
    expect(o.code, o.err).toBe(0);
    expect(JSON.parse(o.out).result.items[0].runs).toBe(3);
    expect(sim(f('list.json'), '--format', 'csv').err).toMatch(/--format csv cannot be used with a batch file/);
    expect(sim(f('list.json'), '--contributions').code).toBe(2);
    expect(sim(f('list.json'), '--resume', f('x.json')).err).toMatch(/--resume cannot be used with a batch file/);
  });

  it('merge refuses missing, repeated or mixed parts', () => {
    const missing = merge(f('sweep-4-0.json'), f('sweep-4-1.json'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing shards 2\/4, 3\/4/);
    const twice = merge(f('sweep-2-0.json'), f('sweep-2-0.json'));
    expect(twice.err).toMatch(/shard 0\/2 given twice/);
    const mixed = merge(f('sweep-2-0.json'), f('list-2-1.json'));
    expect(mixed.err).toMatch(/parts of different batches/);
  });

  it('prints a summary table, with units and which interval is which', () => {
    const r = sim(f('sweep.json'), '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^STAR Sandbox batch · sw · sweep/);
    expect(r.out).toMatch(/Monte Carlo, 5 runs, mean \[p05 … p95 of runs\]/);
    expect(r.out).toMatch(/Δ GMV \(yuan\)/);
    // Zero spend on ads against the plan's baseline is posts alone: a row per point.
    expect(r.out.split('\n').filter((l) => /^(0|500|2000)\s/.test(l))).toHaveLength(3);
  });

  it('bad batch files get path-naming errors and exit 2, like scenarios', () => {
    writeFileSync(
      f('bad.json'),
      JSON.stringify({ batch: 1, kind: 'optimise', scenario: 'scenario.json', budget: 0, objective: 'profit', tactics: [{ id: 'ads', mx: 5 }], risk: { kind: 'lossCap' } }),
    );
    const r = sim(f('bad.json'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('bad.json is not a valid batch:');
    expect(r.err).toContain('budget: 0 is out of range');
    expect(r.err).toContain('objective: expected one of "gmv", "margin", "r5", "assets", got the string "profit"');
    expect(r.err).toContain('tactics[0].mx: unknown field (did you mean "max"?)');
    expect(r.err).toContain('risk.maxLossProbability: is required');
    writeFileSync(f('bad2.json'), JSON.stringify({ batch: 1, kind: 'goalSeek', scenario: 'scenario.json', path: 'tactics[tv].dailySpend', figure: 'r5', target: 1, probability: 0.8, min: 0, max: 10 }));
    expect(sim(f('bad2.json')).err).toContain('path: "tactics[tv].dailySpend": tactics has no item with id "tv"');
    expect(sim(f('scenario.json'), '--shard', '0/2', '--out', f('x.json')).err).toMatch(/--shard works on batch files/);
    expect(sim(f('sweep.json'), '--shard', '2/2', '--out', f('x.json')).err).toMatch(/--shard needs I\/N with 0 ≤ I < N/);
  });
});
