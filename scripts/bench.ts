/**
 * `npm run bench`: engine speed at realistic sizes, separate from the tests.
 * For 100 000 and 1 000 000 agents × 365 days it prints agent-steps per second on one thread, seconds per run,
 * the speed-up with every core (worker threads) and the peak memory. Scenarios: the baseline model alone
 * (homogeneous and heterogeneous) and a preset with a realistic mix of tactics.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseScenarioText, formatErrors } from '../src/scenario/parse';
import { compileScenario } from '../src/scenario/compile';
import type { EngineConfig } from '../src/sim/config';
import { simulateRun } from '../src/sim/model';
import { NodePool } from '../src/cli/node-pool';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7);

function load(file: string): EngineConfig['tactics'] extends unknown ? ReturnType<typeof parseScenarioText> : never {
  return parseScenarioText(readFileSync(file, 'utf8'));
}

function scenario(file: string, agents: number, mutate?: (s: Record<string, any>) => void): EngineConfig {
  const r = load(file);
  if (!r.ok) throw new Error(formatErrors(r.errors));
  const s = structuredClone(r.scenario) as unknown as Record<string, any>;
  mutate?.(s);
  const again = parseScenarioText(JSON.stringify(s));
  if (!again.ok) throw new Error(formatErrors(again.errors));
  return compileScenario(again.scenario, { agents, days: 365 });
}

const cases: Array<{ name: string; make: (agents: number) => EngineConfig }> = [
  {
    name: 'baseline model, homogeneous',
    make: (n) => scenario('scenarios/beauty-omnichannel-acquisition.json', n, (s) => {
      s.tactics = [];
      s.wordOfMouth = { q: 0, sources: ['R4'] };
      s.seasonality = 'none';
      s.population.heterogeneity = false;
    }),
  },
  {
    name: 'baseline model, heterogeneous',
    make: (n) => scenario('scenarios/beauty-omnichannel-acquisition.json', n, (s) => {
      s.tactics = [];
      s.population.heterogeneity = true;
    }),
  },
  {
    name: 'realistic tactic mix (preset)',
    make: (n) => scenario(process.env.BENCH_PRESET ?? 'scenarios/beauty-omnichannel-acquisition.json', n),
  },
];

function fmt(x: number, digits = 1): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main() {
  const cores = availableParallelism();
  const sizes = quick ? [100_000] : [100_000, 1_000_000];
  console.log(`STAR Sandbox engine benchmark · Node ${process.version} · ${cores} cores · 365 days`);
  console.log('case'.padEnd(34) + 'agents'.padStart(11) + 'M steps/s/thread'.padStart(18) + 's/run'.padStart(9) + `speed-up ×${cores}`.padStart(14) + 'peak RSS'.padStart(11));
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    for (const n of sizes) {
      const config = c.make(n);
      // Single thread: warm up on a short run, then time whole runs and take the median (this VM's timings are noisy).
      simulateRun({ ...config, days: 30 }, 999);
      const runs = n >= 1_000_000 ? 3 : 5;
      const times: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = process.hrtime.bigint();
        simulateRun(config, r);
        times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      }
      times.sort((a, b) => a - b);
      const single = times[Math.floor(runs / 2)]!;
      const perThread = (n * 365) / single / 1e6;
      // All cores: the worker pool, runs = 2 per core.
      const pool = new NodePool(cores);
      // Start the workers (each compiles the engine) before timing.
      await pool.run({ ...config, days: 5, runs: cores });
      const parallelRuns = cores * 2;
      const t1 = process.hrtime.bigint();
      await pool.run({ ...config, runs: parallelRuns });
      const wall = Number(process.hrtime.bigint() - t1) / 1e9;
      await pool.close();
      const speedup = (single * parallelRuns) / wall;
      const rss = process.resourceUsage().maxRSS / 1024;
      console.log(
        c.name.padEnd(34) + n.toLocaleString('en-US').padStart(11) + fmt(perThread).padStart(18) + fmt(single, 2).padStart(9) + fmt(speedup, 2).padStart(14) + `${fmt(rss, 0)} MB`.padStart(11),
      );
    }
  }
  console.log('peak RSS counts the whole process, worker threads included.');
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
