/**
 * The planner's targets in `npm run bench` (issue 13), on the default preset (beauty-omnichannel-acquisition,
 * 100 000 agents × 365 days, 5 tactics), each timed from the batch file in batches/ to the assembled result:
 * - a 5 × 5 two-parameter sweep on the mean field (batches/sweep-ads-live.json): target < 1 s;
 * - a tornado over all assumptions, mean field then Monte Carlo on the top five (batches/tornado.json: 10 runs of
 *   5 000 agents per variant, same market): target < 30 s;
 * - the budget optimiser with Monte Carlo confirmation of 3 candidates and the own plan (batches/optimise.json:
 *   10 runs of 10 000 agents): target < 60 s.
 * Monte Carlo uses a worker pool of every core. Times are wall-clock on this machine, under its current load.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { NodePool } from '../src/cli/node-pool';
import { loadBatch } from '../src/cli/batch';
import { prepare, runBatch } from '../src/planner/batch';

const TARGETS: Array<{ name: string; file: string; seconds: number }> = [
  { name: '5 × 5 sweep, mean field', file: 'batches/sweep-ads-live.json', seconds: 1 },
  { name: 'tornado, 63 assumptions + MC top 5', file: 'batches/tornado.json', seconds: 30 },
  { name: 'optimiser, 5 tactics + MC confirmation', file: 'batches/optimise.json', seconds: 60 },
];

export async function benchPlanner(): Promise<void> {
  const cores = availableParallelism();
  console.log(`\nPlanner targets (issue 13) · default preset · ${cores} workers · load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.log('target'.padEnd(42) + 'jobs'.padStart(6) + 'mean field s'.padStart(14) + 'total s'.padStart(10) + 'limit s'.padStart(10) + '  ');
  const pool = new NodePool(cores);
  try {
    for (const t of TARGETS) {
      const t0 = process.hrtime.bigint();
      const batch = loadBatch(t.file, JSON.parse(readFileSync(t.file, 'utf8')));
      const p = prepare(batch);
      const t1 = process.hrtime.bigint();
      await runBatch(p, (c) => pool.run(c));
      const t2 = process.hrtime.bigint();
      const mf = Number(t1 - t0) / 1e9;
      const total = Number(t2 - t0) / 1e9;
      console.log(t.name.padEnd(42) + String(p.jobs.length).padStart(6) + mf.toFixed(2).padStart(14) + total.toFixed(2).padStart(10) + String(t.seconds).padStart(10) + (total < t.seconds ? '  met' : '  MISSED'));
    }
  } finally {
    await pool.close();
  }
}
