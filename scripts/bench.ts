/**
 * `npm run bench`: engine speed at realistic sizes, separate from the tests.
 * For 100 000 and 1 000 000 agents × 365 days it prints, per case:
 * - agent-steps per second on one thread (main thread, median of whole runs after a warm-up run), and the same
 *   figure as a ratio to a plain-JavaScript reference kernel timed in the same process just before (`refKernel`
 *   below), so the figure means something on any machine; and per second of CPU time (less sensitive to load);
 * - bytes per agent: the typed arrays one run holds (ArrayBuffer memory after 30 days of stepping, less before);
 * - parallel efficiency: runs per second with every core (worker threads) ÷ (cores × runs per second with one
 *   worker), both pools warmed up by a full-length run per worker before timing. Both sides are measured in workers
 *   the same way, so a warm main thread against cold workers cannot give speed-ups above the core count.
 * Scenarios: the baseline model alone (homogeneous and heterogeneous) and a preset with a realistic mix of tactics.
 * The machine's load average is printed: on a shared machine every figure is only as good as that.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseScenarioText, formatErrors } from '../src/scenario/parse';
import { compileScenario } from '../src/scenario/compile';
import type { EngineConfig } from '../src/sim/config';
import { createRun, simulateRun, stepDay } from '../src/sim/step/model';
import { NodePool } from '../src/cli/node-pool';
import { benchPlanner } from './bench-planner';
import { benchBrowser } from './bench-browser';

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

/**
 * The plain-JavaScript reference kernel: the simplest daily tier-move loop on typed arrays — one sfc32 draw per agent
 * (inlined), a per-tier forward and forward+reverse threshold, the tier column and counts updated in place. No causes,
 * traits, marks or orders: it is what "plain JavaScript on typed arrays" gives on this machine and in this process,
 * the yardstick the engine's figures are divided by. Returns M agent-steps per second (median of 3 timed passes).
 */
function refKernel(n: number, days: number): number {
  const tier = new Uint8Array(n);
  const shares = [0.85, 0.08, 0.04, 0.02, 0.007, 0.003];
  for (let i = 0, t = 0, acc = shares[0]! * n; i < n; i++) {
    while (i >= acc && t < 5) acc += shares[++t]! * n;
    tier[i] = t;
  }
  const F = Float64Array.of(0.001, 0.01, 0.02, 0.01, 0, 0);
  const FR = Float64Array.of(0.001, 0.03, 0.05, 0.04, 0.01, 0.005);
  const counts = new Float64Array(6);
  const pass = (): number => {
    let a = 0x9e3779b9 | 0;
    let b = 0x243f6a88 | 0;
    let c = 0xb7e15162 | 0;
    let d = 1;
    let moves = 0;
    for (let day = 0; day < days; day++) {
      for (let i = 0; i < n; i++) {
        const x = (((a + b) | 0) + d) | 0;
        d = (d + 1) | 0;
        a = b ^ (b >>> 9);
        b = (c + (c << 3)) | 0;
        c = (c << 21) | (c >>> 11);
        c = (c + x) | 0;
        const u = (x >>> 0) * 2.3283064365386963e-10;
        const k = tier[i]!;
        if (u < FR[k]!) {
          const to = u < F[k]! ? k + 1 : k - 1;
          tier[i] = to;
          counts[k]! -= 1;
          counts[to]! += 1;
          moves++;
        }
      }
    }
    return moves;
  };
  pass();
  const rates: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = process.hrtime.bigint();
    pass();
    rates.push((n * days) / (Number(process.hrtime.bigint() - t0) / 1e9) / 1e6);
  }
  return rates.sort((x, y) => x - y)[1]!;
}

/** A full garbage collection (V8's gc exposed at run time), so that ArrayBuffer memory can be measured. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A full collection, then time for V8 to free the ArrayBuffers it found dead (it does so concurrently). */
async function collect(): Promise<void> {
  for (let k = 0; k < 2; k++) {
    gc();
    await new Promise((ok) => setTimeout(ok, 200));
  }
}

/**
 * Bytes of ArrayBuffer memory (typed-array columns: population, marks, tactics' sets, records) one run holds per
 * agent after 30 days of stepping, less what the process held before. The run is measured while alive, inside a
 * function, so nothing of it is left over for the next case.
 */
async function bytesPerAgent(config: EngineConfig): Promise<number> {
  await collect();
  const before = process.memoryUsage().arrayBuffers;
  const during = ((): number => {
    const s = createRun(config, 0);
    for (let day = 0; day < Math.min(30, config.days); day++) stepDay(s, day);
    gc();
    return process.memoryUsage().arrayBuffers;
  })();
  await collect();
  return (during - before) / config.agents;
}

/** Runs per second of a warmed-up pool of `size` workers on `runs` runs. */
async function poolRate(config: EngineConfig, size: number, runs: number): Promise<number> {
  const pool = new NodePool(size);
  try {
    // Warm-up: one full-length run per worker (each compiles and optimises the engine on real work).
    await pool.run({ ...config, runs: size });
    const t0 = process.hrtime.bigint();
    await pool.run({ ...config, runs });
    return runs / (Number(process.hrtime.bigint() - t0) / 1e9);
  } finally {
    await pool.close();
  }
}

function fmt(x: number, digits = 1): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

async function main() {
  const cores = availableParallelism();
  const sizes = quick ? [100_000] : [100_000, 1_000_000];
  console.log(`STAR Sandbox engine benchmark · Node ${process.version} · ${cores} cores · 365 days · load average ${loadavg().map((x) => fmt(x, 2)).join(' ')}`);
  console.log(
    'case'.padEnd(34) +
      'agents'.padStart(11) +
      'M steps/s/thread'.padStart(18) +
      '÷ ref'.padStart(8) +
      'per CPU-s'.padStart(11) +
      's/run'.padStart(8) +
      'B/agent'.padStart(9) +
      `efficiency ×${cores}`.padStart(16) +
      'peak RSS'.padStart(11),
  );
  const refs: number[] = [];
  // Memory first, before any worker exists (a closing pool frees its memory late and would blur the figures).
  const bytes = new Map<string, number>();
  for (const c of cases) for (const n of sizes) if (!only || c.name.includes(only)) bytes.set(`${c.name}/${n}`, await bytesPerAgent(c.make(n)));
  for (const c of cases) {
    if (only && !c.name.includes(only)) continue;
    for (const n of sizes) {
      const config = c.make(n);
      // Single thread: warm up on a short run, then time whole runs and take the median (this VM's timings are noisy).
      simulateRun({ ...config, days: 30 }, 999);
      // The reference kernel next to each case, so that both see the same load on a shared machine.
      const ref = refKernel(1_000_000, 20);
      refs.push(ref);
      const runs = n >= 1_000_000 ? 3 : 5;
      const times: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < runs; r++) {
        const t0 = process.hrtime.bigint();
        const c0 = process.cpuUsage();
        simulateRun(config, r);
        times.push(Number(process.hrtime.bigint() - t0) / 1e9);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1e6);
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      const single = times[Math.floor(runs / 2)]!;
      const perThread = (n * 365) / single / 1e6;
      // Agent-steps per second of CPU time (no worker is alive here, so it is this thread's): less sensitive to
      // other processes on a shared machine than the wall-clock figure.
      const perCpu = (n * 365) / cpu[Math.floor(runs / 2)]! / 1e6;
      // Parallel efficiency: every core against one worker, both warmed up, 2 runs per worker.
      let eff = '';
      if (cores > 1 && !args.includes('--no-parallel')) {
        const one = await poolRate(config, 1, 2);
        const all = await poolRate(config, cores, 2 * cores);
        eff = `${fmt((100 * all) / (cores * one), 0)} %`;
      }
      const rss = process.resourceUsage().maxRSS / 1024;
      console.log(
        c.name.padEnd(34) +
          n.toLocaleString('en-US').padStart(11) +
          fmt(perThread).padStart(18) +
          fmt(perThread / ref, 2).padStart(8) +
          fmt(perCpu).padStart(11) +
          fmt(single, 2).padStart(8) +
          fmt(bytes.get(`${c.name}/${n}`)!, 0).padStart(9) +
          eff.padStart(16) +
          `${fmt(rss, 0)} MB`.padStart(11),
      );
    }
  }
  console.log(`plain-JS reference kernel (refKernel), measured before each case: ${refs.map((x) => fmt(x, 0)).join(', ')} M agent-steps/s`);
  console.log(`load average at the end ${loadavg().map((x) => fmt(x, 2)).join(' ')}; peak RSS counts the whole process, worker threads included.`);
}

// The planner's targets (scripts/bench-planner.ts): `--planner` runs only them, `--no-planner` skips them.
async function all() {
  if (!args.includes('--planner')) await main();
  if (!args.includes('--no-planner')) await benchPlanner();
  // The default preset in headless Chromium (scripts/bench-browser.ts), on request: it builds the app first.
  if (args.includes('--browser')) await benchBrowser();
}

all().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
