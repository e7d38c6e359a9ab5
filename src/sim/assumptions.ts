import type { Text } from '../lib/text';
import type { EngineConfig } from './config';
import { Rng, runKey } from './step/rng';

/**
 * Second-order Monte Carlo (docs/model.md § Uncertainty): each run draws every assumed parameter from its plausible
 * range, then simulates. The draws come from their own keyed streams — `<seed>/run-<r>/assume/<path>` — never from
 * the run's simulation streams, so the simulation's random numbers stay aligned whether or not parameters are drawn,
 * and two scenarios that share a parameter (same path, same range) get the same value in run r: paired differences
 * stay paired.
 */
export interface AssumptionRange {
  /**
   * Where the value sits: `baseline.forward.R1`, `baseline.reverse.R3`, `baseline.repeat`,
   * `baseline.repeatModel.alpha` / `.b`, `wordOfMouth.q`, or `tactics[<id>].<param>` (`.<sub>` for nested blocks).
   */
  path: string;
  /** What it is, for the ranking of drivers (the tactic's id apart, in `tactic`). */
  label: Text;
  /** The tactic it belongs to, if any. */
  tactic?: string;
  low: number;
  /** The value in use: the most likely value of the triangular draw. */
  mode: number;
  high: number;
  integer?: boolean;
}

/** Triangular(low, mode, high) at the uniform u (inverse of its distribution function). */
export function triangular(u: number, low: number, mode: number, high: number): number {
  if (!(high > low)) return mode;
  const split = (mode - low) / (high - low);
  return u < split ? low + Math.sqrt(u * (high - low) * (mode - low)) : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** The key of one parameter's stream in run `run`. */
function drawKey(seed: string, run: number, path: string): string {
  return `${runKey(seed, run)}/assume/${path}`;
}

/** The values run `run` uses, one per range, in the order of `config.assumptions`. */
export function drawAssumptions(config: EngineConfig, run: number): number[] {
  return (config.assumptions ?? []).map((a) => {
    const x = triangular(new Rng(drawKey(config.seed, run, a.path)).next(), a.low, a.mode, a.high);
    return a.integer ? Math.round(x) : x;
  });
}

const TACTIC_PATH = /^tactics\[(.+)\]\.([^.]+)(?:\.([^.]+))?$/;

/** Set one drawn value in a (copied) config. */
function put(c: EngineConfig, path: string, v: number): void {
  const tier = (t: string) => Number(t.slice(1));
  const m = TACTIC_PATH.exec(path);
  if (m) {
    const t = c.tactics.find((x) => x.id === m[1]);
    if (!t) return; // a variant without this tactic (a removal effect, the do-nothing baseline)
    if (m[3] === undefined) t.params[m[2]!] = v;
    else (t.params[m[2]!] as Record<string, number>)[m[3]] = v;
    return;
  }
  const [head, a, b] = path.split('.');
  if (head === 'wordOfMouth' && a === 'q') c.wordOfMouth.q = v;
  else if (head === 'baseline' && a === 'forward') c.forward[tier(b!)] = v;
  else if (head === 'baseline' && a === 'reverse') c.reverse[tier(b!)] = v;
  else if (head === 'baseline' && a === 'repeat') c.repeat = v;
  else if (head === 'baseline' && a === 'purchaseHeadroom') c.purchaseHeadroom = v;
  else if (head === 'baseline' && a === 'repeatModel' && (b === 'alpha' || b === 'b')) c.repeatModel[b] = v;
  else throw new RangeError(`unknown assumption path ${path}`);
}

/**
 * The config run `run` simulates: the same config when nothing is drawn (byte for byte the noise-only engine),
 * otherwise a copy with every assumed parameter at its draw for this run.
 */
export function configForRun(config: EngineConfig, run: number): EngineConfig {
  const ranges = config.assumptions;
  if (!ranges || ranges.length === 0) return config;
  const c: EngineConfig = {
    ...config,
    forward: config.forward.slice(),
    reverse: config.reverse.slice(),
    repeatModel: { ...config.repeatModel },
    wordOfMouth: { ...config.wordOfMouth },
    tactics: config.tactics.map((t) => ({ ...t, params: structuredClone(t.params) })),
  };
  const values = drawAssumptions(config, run);
  ranges.forEach((a, k) => put(c, a.path, values[k]!));
  return c;
}
