import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileScenario } from '../../src/scenario/compile';
import { doNothing } from '../../src/scenario/variants';
import { runDigests } from '../../src/sim/batch';
import { compareSummaries } from '../../src/sim/results/compare';
import { RunOrder } from '../../src/sim/results/run-order';
import { Summary } from '../../src/sim/results/summary';
import type { EngineConfig } from '../../src/sim/config';
import { runAll, scenario, scenarioJson } from '../helpers';

/**
 * Runs finish in whatever order the workers happen to finish them, but they must be summarised in run order: a paired
 * comparison (here the scenario against its do-nothing baseline) pairs run i of one with run i of the other, so adding
 * runs as they arrive would pair the wrong runs and make the intervals depend on the number of workers.
 */
const patch = {
  days: 30,
  runs: 12,
  population: { agents: 2000, scale: 10, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
  wordOfMouth: { q: 0.05, sources: ['R4', 'R5'] },
  tactics: [{ id: 'ads', type: 'ads', schedule: { weekly: ['sat', 'sun'] }, dailySpend: 4000 }],
};

/** Feed a config's digests to a summary in the given arrival order, through the reorder buffer. */
function arrive(c: EngineConfig, order: number[]): Summary {
  const digests = runDigests(c, 0, c.runs);
  const buffer = new RunOrder(new Summary(c));
  for (const r of order) buffer.push(digests[r]!);
  return buffer.summary;
}

describe('runs are summarised in run order, whatever order they arrive in', () => {
  const plan = scenario({ ...patch, runs: 6 });
  const a = compileScenario(doNothing(plan));
  const b = compileScenario(plan);

  it('holds back runs until the runs before them have arrived', () => {
    const digests = runDigests(b, 0, 6);
    const buffer = new RunOrder(new Summary(b));
    const addedAfter: number[] = [];
    for (const r of [3, 1, 0, 5, 2, 4]) {
      buffer.push(digests[r]!);
      addedAfter.push(buffer.summary.added);
    }
    expect(addedAfter).toEqual([0, 0, 2, 2, 4, 6]);
    expect(buffer.waiting).toBe(0);
  });

  it('a comparison from shuffled arrivals is the same bytes as one from runs in order', () => {
    const inOrder = JSON.stringify(compareSummaries(runAll(a), runAll(b), { reference: 'a', alternative: 'b' }));
    const shuffled = JSON.stringify(compareSummaries(arrive(a, [5, 4, 3, 2, 1, 0]), arrive(b, [1, 0, 3, 2, 5, 4]), { reference: 'a', alternative: 'b' }));
    expect(shuffled).toBe(inOrder);
    expect(JSON.stringify(arrive(b, [2, 0, 1, 5, 3, 4]).result())).toBe(JSON.stringify(runAll(b).result()));
  });
});

// The mutation runs (vitest.mutants.config.ts) skip this part: the command line it spawns runs a fresh, unmutated
// copy of the engine, so it can kill no mutant and only costs time.
describe.skipIf(process.env.STAR_MUTATION_RUN === '1')('command line: a paired comparison is byte-identical at 1, 2 and 3 workers', () => {
  const root = join(import.meta.dirname, '..', '..');
  let file: string;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'star-aggregation-'));
    file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify(scenarioJson(patch)));
  });
  const sim = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/node-entry.mjs'), 'src/cli/main.ts', ...args], { encoding: 'utf8', cwd: root });

  it('--baseline gives the same JSON at every worker count, equal to the comparison computed in run order', () => {
    const outs = [1, 2, 3].map((w) => sim(file, '--baseline', '--format', 'json', '--workers', String(w), '--seed', 'order-matters', '--quiet'));
    for (const r of outs) expect(r.status, r.stderr).toBe(0);
    // The reference: both scenarios run here, in run order, and paired run by run.
    const s = scenario(patch);
    const ref = compileScenario(doNothing(s), { seed: 'order-matters' });
    const alt = compileScenario(s, { seed: 'order-matters' });
    const expected = JSON.stringify(compareSummaries(runAll(ref), runAll(alt), { reference: ref.scenarioId, alternative: alt.scenarioId })) + '\n';
    // The premise: pairing matters here (the runs differ, and so do their differences).
    const cmp = JSON.parse(expected);
    expect(cmp.runs).toBe(12);
    expect(cmp.figures['S.assetsEnd'].diff.sd).toBeGreaterThan(0);
    expect(outs[0]!.stdout).toBe(expected);
    expect(outs[1]!.stdout).toBe(expected);
    expect(outs[2]!.stdout).toBe(expected);
  });
});
