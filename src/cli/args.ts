/** Command-line arguments of `npm run sim`, parsed strictly: an unknown or malformed flag is a usage error. */
export interface CliOptions {
  file: string;
  runs?: number;
  seed?: number | string;
  days?: number;
  agents?: number;
  workers?: number;
  format: 'json' | 'table' | 'csv';
  out?: string;
  meanField: boolean;
  contributions: boolean;
  compare?: string;
  baseline: boolean;
  /** Skip the do-nothing runs that give the incremental figures (the plan's effect), computed by default. */
  noBaseline: boolean;
  /** Draw assumed parameters per run (overrides the file's uncertainty.assumptions); undefined: the file decides. */
  assumptions?: boolean;
  /** List the assumptions that drive the spread of GMV, assets and R5 in the table. */
  drivers: boolean;
  quiet: boolean;
  /** Run only shard `index` of `count` of a batch file and write a part file (`--shard i/n`, needs --out). */
  shard?: { index: number; count: number };
  /** End every run after this many days and save their state (`--stop-at D --save-state FILE`). */
  stopAt?: number;
  saveState?: string;
  /** Continue every run from a saved state file to the scenario's end. */
  resume?: string;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run sim -- <scenario.json | batch.json> [options]

A batch file ("batch": 1) runs a list of scenarios or variants, a sweep, a tornado, a goal-seek or a budget
optimisation (docs/planner.md): a summary table on stdout, the result as one JSON with --out.

options:
  --runs N          Monte Carlo runs (overrides the file; 1–10000)
  --seed S          seed (a whole number or a text)
  --days D          horizon in days (1–3660)
  --agents N        simulated agents (1–5000000)
  --workers W       worker threads (default: all cores)
  --format F        json (full result), table (STAR summary) or csv (figures); default table
  --out FILE        write the output to FILE instead of stdout
  --mean-field      print the mean-field (expected-value) projection instead of running Monte Carlo
  --contributions   add each tactic's incremental value (Shapley: its share of the plan's effect, adding up
                    to it) and removal effect, from subsets of the tactics rerun on the same seeds
  --compare B.json  compare B against the scenario (same seeds, paired differences)
  --baseline        compare the scenario against its do-nothing baseline (the same without tactics)
  --no-baseline     skip the do-nothing runs behind the incremental figures (the plan's effect, computed by
                    default on the same seeds; the output then has totals only)
  --no-assumptions  simulation noise only: every parameter at its stated value (the file's uncertainty.assumptions
                    is on by default: each run draws every assumed parameter from its plausible range)
  --assumptions     draw assumed parameters even when the file turns it off
  --drivers         list, ranked, the assumptions that drive the spread of GMV, assets and R5 (PRCC)
  --shard I/N       batch files: run only shard I of N (0 ≤ I < N) and write a part file to --out; join the parts
                    with npm run merge -- part-*.json --out result.json (the same bytes as one machine)
  --stop-at D       end every run after day D (1 ≤ D < the horizon) and save the state of every run (the plan,
                    its baseline, the noise-only twins) to the file given by --save-state; nothing on stdout
  --save-state F    where --stop-at saves the state (JSON; refused on resume if edited by hand)
  --resume F        continue every run from the state saved in F to the scenario's end: the same output, byte for
                    byte, as one uninterrupted run (the same scenario, seed, runs and options as when it was saved)
  --quiet           no progress line on stderr
  --help            this text`;

function int(flag: string, v: string | undefined, min: number, max: number): number {
  if (v === undefined || !/^\d+$/.test(v)) throw new UsageError(`${flag} needs a whole number from ${min} to ${max}, got ${v === undefined ? 'nothing' : JSON.stringify(v)}`);
  const n = Number(v);
  if (n < min || n > max) throw new UsageError(`${flag} must be from ${min} to ${max}, got ${n}`);
  return n;
}

export function parseArgs(argv: string[]): CliOptions | 'help' {
  const o: Partial<CliOptions> = { format: 'table', meanField: false, contributions: false, baseline: false, noBaseline: false, drivers: false, quiet: false };
  const files: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const value = () => {
      const v = argv[++k];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--help':
      case '-h':
        return 'help';
      case '--runs':
        o.runs = int(a, value(), 1, 10_000);
        break;
      case '--seed': {
        const v = value();
        o.seed = /^\d+$/.test(v) && Number(v) <= 4294967295 ? Number(v) : v;
        if (typeof o.seed === 'string' && (o.seed.length > 64 || o.seed.length === 0)) throw new UsageError('--seed text must be 1–64 characters');
        break;
      }
      case '--days':
        o.days = int(a, value(), 1, 3660);
        break;
      case '--agents':
        o.agents = int(a, value(), 1, 5_000_000);
        break;
      case '--workers':
        o.workers = int(a, value(), 1, 256);
        break;
      case '--format': {
        const v = value();
        if (v !== 'json' && v !== 'table' && v !== 'csv') throw new UsageError(`--format must be json, table or csv, got ${JSON.stringify(v)}`);
        o.format = v;
        break;
      }
      case '--out':
        o.out = value();
        break;
      case '--mean-field':
        o.meanField = true;
        break;
      case '--contributions':
        o.contributions = true;
        break;
      case '--compare':
        o.compare = value();
        break;
      case '--baseline':
        o.baseline = true;
        break;
      case '--no-baseline':
        o.noBaseline = true;
        break;
      case '--no-assumptions':
        o.assumptions = false;
        break;
      case '--assumptions':
        o.assumptions = true;
        break;
      case '--drivers':
        o.drivers = true;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '--stop-at':
        o.stopAt = int(a, value(), 1, 3659);
        break;
      case '--save-state':
        o.saveState = value();
        break;
      case '--resume':
        o.resume = value();
        break;
      case '--shard': {
        const v = value();
        const m = /^(\d+)\/(\d+)$/.exec(v);
        if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2]) || Number(m[2]) > 10_000) throw new UsageError(`--shard needs I/N with 0 ≤ I < N ≤ 10000, got ${JSON.stringify(v)}`);
        o.shard = { index: Number(m[1]), count: Number(m[2]) };
        break;
      }
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
        files.push(a);
    }
  }
  if (files.length === 0) throw new UsageError('no scenario file given');
  if (files.length > 1) throw new UsageError(`one scenario file expected, got ${files.length}: ${files.join(', ')}`);
  if (o.meanField && (o.contributions || o.compare || o.baseline)) throw new UsageError('--mean-field cannot be combined with --contributions, --compare or --baseline');
  if (o.compare && o.baseline) throw new UsageError('--compare and --baseline cannot be combined');
  if (o.shard && !o.out) throw new UsageError('--shard needs --out part-I.json');
  if ((o.stopAt !== undefined) !== (o.saveState !== undefined)) throw new UsageError('--stop-at D and --save-state FILE go together');
  if (o.stopAt !== undefined && o.resume) throw new UsageError('--stop-at and --resume cannot be combined: resume first, or stop a fresh run');
  if ((o.stopAt !== undefined || o.resume) && (o.meanField || o.contributions || o.compare || o.baseline || o.shard)) {
    throw new UsageError('--stop-at and --resume work on a scenario run with its baseline; not with --mean-field, --contributions, --compare, --baseline or --shard');
  }
  return { ...(o as CliOptions), file: files[0]! };
}
