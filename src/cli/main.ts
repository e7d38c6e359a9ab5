/**
 * `npm run sim -- <scenario.json> [options]`: run a scenario from the command line.
 * Exit codes: 0 success, 2 bad input or usage (a message naming the problem, no stack trace), 1 internal error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseArgs, UsageError, USAGE, type CliOptions } from './args';
import { NodePool } from './node-pool';
import { formatComparison, formatMeanField, formatTable } from './format-table';
import { parseScenarioText, formatErrors } from '../scenario/parse';
import { compileScenario } from '../scenario/compile';
import { runMeanField } from '../sim';
import { compareSummaries } from '../sim';
import { tacticValues } from '../sim';
import { figuresCsv, toCsv } from '../sim';
import { noiseOnly, uncertaintyResult } from '../sim';
import { formatUncertainty } from './format-uncertainty';
import type { EngineConfig } from '../sim';
import type { Summary } from '../sim';
import { LIMITS } from '../scenario/limits';
import { doNothing } from '../scenario/variants';
import { incrementalResult, withIncremental } from '../sim';
import type { Scenario } from '../scenario/types';
import { BatchInputError, isBatch, runBatchCli } from './batch';
import type { RunSnapshot } from '../sim';
import { decodeStateFile, encodeStateFile, configHash } from '../sim';

class InputError extends Error {}

function readScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read scenario file ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new InputError(`${file} is not a valid scenario:\n${formatErrors(parsed.errors)}`);
  return parsed.scenario;
}

function compile(scenario: Scenario, o: CliOptions): EngineConfig {
  const config = compileScenario(scenario, { runs: o.runs, seed: o.seed, days: o.days, agents: o.agents, assumptions: o.assumptions });
  const work = config.agents * config.days * config.runs;
  if (work > LIMITS.work) throw new InputError(`agents × days × runs = ${work.toExponential(2)} exceeds the work limit of ${LIMITS.work.toExponential(0)}`);
  return config;
}

function progressReporter(quiet: boolean, label: string) {
  const t0 = Date.now();
  let shown = false;
  return {
    update(done: number, total: number) {
      const elapsed = (Date.now() - t0) / 1000;
      if (quiet || elapsed < 1) return;
      const left = done > 0 ? (elapsed / done) * (total - done) : 0;
      process.stderr.write(`\r${label}: ${done}/${total} runs · ${elapsed.toFixed(1)} s · about ${left.toFixed(0)} s left   `);
      shown = true;
    },
    end() {
      if (shown) process.stderr.write('\n');
    },
  };
}

async function main(argv: string[]): Promise<number> {
  let o: CliOptions;
  try {
    const parsed = parseArgs(argv);
    if (parsed === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    o = parsed;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  // A batch file ("batch": 1) rather than a scenario: sweeps, tornado, goal-seek, optimiser, lists (src/cli/batch.ts).
  const batch = peekBatch(o.file);
  if (batch !== undefined) return runBatchFile(o, batch);
  if (o.shard) {
    process.stderr.write('error: --shard works on batch files ("batch": 1); a single scenario is one job\n');
    return 2;
  }
  let config: EngineConfig;
  let other: EngineConfig | null = null;
  // The do-nothing counterpart behind the incremental figures (by default; not for a scenario without tactics).
  let nothing: EngineConfig | null = null;
  try {
    const scenario = readScenario(o.file);
    config = compile(scenario, o);
    if (!o.noBaseline && !o.baseline && !o.compare && scenario.tactics.length > 0) nothing = compile(doNothing(scenario), o);
    if (o.baseline) {
      // The reference is the do-nothing baseline; the scenario is the alternative (Δ = what its tactics add).
      other = config;
      config = compile(doNothing(scenario), o);
    } else if (o.compare) {
      other = compile(readScenario(o.compare), o);
      if (other.runs !== config.runs || other.seed !== config.seed) {
        throw new InputError(`--compare needs the same seed and runs in both scenarios (or set them with --seed and --runs): ${config.seed}/${config.runs} vs ${other.seed}/${other.runs}`);
      }
    }
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  let output: string;
  if (o.meanField) {
    const mf = runMeanField(config);
    output = o.format === 'json' ? JSON.stringify(mf) + '\n' : o.format === 'csv' ? meanFieldCsv(mf) : formatMeanField(mf);
  } else {
    const pool = new NodePool(Math.max(1, Math.min(o.workers ?? availableParallelism(), config.runs)));
    try {
      // The batches behind the result, in the order they run: what --stop-at saves and --resume continues.
      const noiseBand = !other && !!config.assumptions?.length;
      const batches: Array<{ label: string; config: EngineConfig }> = [
        { label: 'plan', config },
        ...(nothing ? [{ label: 'baseline', config: nothing }] : []),
        ...(noiseBand ? [{ label: 'plan (noise only)', config: noiseOnly(config) }] : []),
        ...(noiseBand && nothing ? [{ label: 'baseline (noise only)', config: noiseOnly(nothing) }] : []),
      ];
      if (o.stopAt !== undefined) return await saveState(o, pool, batches);
      const resumed = o.resume ? readState(o.resume, batches) : null;
      const run = async (c: EngineConfig, label: string): Promise<Summary> => {
        const p = progressReporter(o.quiet, label);
        const from = resumed?.get(configHash(c));
        const s = await pool.run(c, ({ done, total }) => p.update(done, total), from);
        p.end();
        return s;
      };
      const full = await run(config, config.scenarioId);
      let result = full.result();
      let base: Summary | null = null;
      if (nothing) {
        base = await run(nothing, `${nothing.scenarioId} (the plan's baseline)`);
        result = withIncremental(result, incrementalResult(full, base, config.margin, nothing.scenarioId));
      }
      if (noiseBand) {
        // The noise-only band: the same runs and seeds with every parameter at its stated value.
        const planNoise = await run(noiseOnly(config), `${config.scenarioId} (noise only)`);
        const baseNoise = nothing ? await run(noiseOnly(nothing), `${nothing.scenarioId} (noise only)`) : null;
        result = { ...result, uncertainty: uncertaintyResult(config, full, base, planNoise, baseNoise) };
      }
      if (other) {
        const b = await run(other, other.scenarioId);
        const cmp = compareSummaries(full, b, { reference: config.scenarioId, alternative: other.scenarioId });
        output = o.format === 'json' ? JSON.stringify(cmp) + '\n' : o.format === 'csv' ? comparisonCsv(cmp) : formatComparison(cmp);
      } else {
        // Shapley values and removal effects from one set of subset runs (the do-nothing run is reused).
        let subset = 0;
        const contributions = o.contributions
          ? await tacticValues(config, full, (c) => run(c, `subset ${++subset} (${c.tactics.length} of ${config.tactics.length} tactics)`), { empty: base ?? undefined })
          : undefined;
        if (o.format === 'json') output = JSON.stringify(contributions ? { ...result, contributions } : result) + '\n';
        else if (o.format === 'csv') output = figuresCsv(result);
        else output = formatTable(result, contributions) + formatUncertainty(result, o.drivers);
      }
    } catch (e) {
      if (e instanceof InputError) {
        process.stderr.write(`error: ${e.message}\n`);
        return 2;
      }
      throw e;
    } finally {
      await pool.close();
    }
  }
  if (o.out) writeFileSync(o.out, output);
  else process.stdout.write(output);
  return 0;
}

/** --stop-at D --save-state FILE: run every batch for D days and write the state of every run. */
async function saveState(o: CliOptions, pool: NodePool, batches: Array<{ label: string; config: EngineConfig }>): Promise<number> {
  const days = batches[0]!.config.days;
  if (o.stopAt! >= days) throw new InputError(`--stop-at ${o.stopAt} must be before the end of the scenario's ${days} days`);
  const saved = [];
  for (const b of batches) {
    const p = progressReporter(o.quiet, `${b.label}: the first ${o.stopAt} days`);
    const runs = await pool.checkpoint(b.config, o.stopAt!, ({ done, total }) => p.update(done, total));
    p.end();
    saved.push({ label: b.label, configHash: configHash(b.config), runs });
  }
  writeFileSync(o.saveState!, encodeStateFile(batches[0]!.config, o.stopAt!, saved));
  if (!o.quiet) process.stderr.write(`saved the state after day ${o.stopAt} of ${days} (${batches.map((b) => b.label).join(', ')}; ${batches[0]!.config.runs} runs each) to ${o.saveState}\n`);
  return 0;
}

/** --resume FILE: the saved runs of each batch, by the hash of its config; refused with the reasons when they do not fit. */
function readState(file: string, batches: Array<{ label: string; config: EngineConfig }>): Map<string, RunSnapshot[]> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read state file ${file}: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}`);
  }
  const r = decodeStateFile(text, batches);
  if (!r.ok) throw new InputError(`${file} cannot be resumed by this run:\n${r.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
  return new Map(r.file.batches.map((b) => [b.configHash, b.runs]));
}

/** The parsed file when it is a batch, else undefined (scenario errors are reported by the scenario path). */
function peekBatch(file: string): unknown {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isBatch(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function runBatchFile(o: CliOptions, value: unknown): Promise<number> {
  const unusable = [o.meanField && '--mean-field', o.contributions && '--contributions', o.compare && '--compare', o.baseline && '--baseline', o.noBaseline && '--no-baseline', o.drivers && '--drivers', o.assumptions !== undefined && (o.assumptions ? '--assumptions' : '--no-assumptions'), o.format === 'csv' && '--format csv', o.stopAt !== undefined && '--stop-at', o.saveState && '--save-state', o.resume && '--resume'].filter(Boolean);
  if (unusable.length) {
    process.stderr.write(`error: ${unusable.join(', ')} cannot be used with a batch file (it says what to run; use --format table or json)\n`);
    return 2;
  }
  // --runs, --seed, --days and --agents override the batch's own, as they override a scenario's.
  const flags = { runs: o.runs, seed: o.seed, days: o.days, agents: o.agents };
  if (value && typeof value === 'object') for (const [k, v] of Object.entries(flags)) if (v !== undefined) (value as Record<string, unknown>)[k] = v;
  const pool = new NodePool(Math.max(1, o.workers ?? availableParallelism()));
  try {
    const run = async (c: EngineConfig, label: string): Promise<Summary> => {
      const p = progressReporter(o.quiet, label);
      const s = await pool.run(c, ({ done, total }) => p.update(done, total));
      p.end();
      return s;
    };
    process.stdout.write(await runBatchCli(o.file, value, { out: o.out, shard: o.shard, format: o.format, quiet: o.quiet }, run));
    return 0;
  } catch (e) {
    if (e instanceof BatchInputError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  } finally {
    await pool.close();
  }
}

function meanFieldCsv(mf: ReturnType<typeof runMeanField>): string {
  const rows = mf.assets.map((_, d) => [d, ...['R0', 'R1', 'R2', 'R3', 'R4', 'R5'].map((t) => mf.tiers[t]![d]!), mf.assets[d]!, d > 0 ? mf.orders[d - 1]! : null, d > 0 ? mf.gmv[d - 1]! : null, d > 0 ? mf.cost[d - 1]! : null]);
  return toCsv(['day', 'R0', 'R1', 'R2', 'R3', 'R4', 'R5', 'assets', 'orders', 'gmv', 'cost'], rows);
}

function comparisonCsv(c: ReturnType<typeof compareSummaries>): string {
  return toCsv(
    ['figure', 'reference_mean', 'alternative_mean', 'diff_mean', 'diff_p05', 'diff_p95', 'ci90_low', 'ci90_high', 'p_alternative_greater'],
    Object.entries(c.figures).map(([k, f]) => [k, f.a?.mean ?? null, f.b?.mean ?? null, f.diff?.mean ?? null, f.diff?.p05 ?? null, f.diff?.p95 ?? null, f.ci90?.[0] ?? null, f.ci90?.[1] ?? null, f.pBgtA]),
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
