import { compileScenario } from './compile';
import type { EngineConfig } from '../sim';
import type { SimulationResult } from '../sim';
import type { Stat } from '../sim';
import type { Scenario } from './types';

/** Size at which golden summaries run the presets (the same everywhere, so they compare). */
export const CHECK_SIZE = { agents: 20000, runs: 3 } as const;

/**
 * Goldens pin the engine at the parameters each preset states (simulation noise only): a change to a plausible range
 * would otherwise move every golden figure. The draws have their own tests (tests/sim/assumptions.test.ts).
 */
export function checkConfig(s: Scenario): EngineConfig {
  return compileScenario(s, { agents: CHECK_SIZE.agents, runs: CHECK_SIZE.runs, assumptions: false });
}

function sig(x: number | null | undefined): number | null {
  if (x === null || x === undefined || !Number.isFinite(x)) return null;
  return x === 0 ? 0 : Number(x.toPrecision(4));
}

/** A figure across runs as the golden file keeps it: the mean and the 5th–95th percentile spread, 4 digits. */
export interface GoldenStat {
  mean: number | null;
  p05: number | null;
  p95: number | null;
}

function g(s: Stat | null | undefined): GoldenStat {
  return { mean: sig(s?.mean), p05: sig(s?.p05), p95: sig(s?.p95) };
}

/**
 * The golden summary of a preset: the headline figures a change to the engine or a preset would move — STAR
 * totals, tier counts, and each cause's and tactic's account — each with its spread across runs, so a change to how
 * intervals are computed shows too. Rounded to 4 significant digits.
 */
export function goldenSummary(r: SimulationResult): Record<string, unknown> {
  const st = r.star;
  return {
    scenario: r.meta.scenarioId,
    size: { agents: r.meta.agents, runs: r.meta.runs, days: r.meta.days },
    S: { assetsStart: g(st.S.assetsStart), assetsEnd: g(st.S.assetsEnd), newAssets: g(st.S.newAssets) },
    T: Object.fromEntries(Object.entries(st.T.count).map(([k, v]) => [k, g(v)])),
    A: Object.fromEntries(['R0>R1', 'R1>R2', 'R2>R3', 'R3>R4', 'R4>R5', 'R5>R4'].map((k) => [k, g(st.A.weekly[k])])),
    R: { gmv: g(st.R.gmv), orders: g(st.R.orders), cost: g(st.R.cost), roi: g(st.R.roi), repurchaseRate: g(st.R.repurchaseRate) },
    causes: Object.fromEntries(Object.entries(r.byCause).map(([k, c]) => [k, { moves: g(c.moves), orders: g(c.orders), gmv: g(c.gmv), cost: g(c.cost) }])),
    tactics: Object.fromEntries(Object.entries(r.tactics).map(([k, m]) => [k, Object.fromEntries(Object.entries(m).map(([mk, s]) => [mk, g(s)]))])),
  };
}

/** Every leaf of a golden summary by its dotted path ("R.gmv.mean" → 12400000). */
export function flattenGolden(x: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (x !== null && typeof x === 'object' && !Array.isArray(x)) {
    for (const [k, v] of Object.entries(x)) flattenGolden(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, x);
  }
  return out;
}

/** One figure that differs between the stored golden summary and a fresh one. */
export interface GoldenChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** What moved, figure by figure (added and removed figures included), in a stable order. */
export function goldenDiff(before: unknown, after: unknown): GoldenChange[] {
  const a = flattenGolden(before);
  const b = flattenGolden(after);
  const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
  const out: GoldenChange[] = [];
  for (const path of paths) {
    const va = a.has(path) ? a.get(path) : undefined;
    const vb = b.has(path) ? b.get(path) : undefined;
    if (!Object.is(va, vb)) out.push({ path, before: va, after: vb });
  }
  return out;
}

/** "R.gmv.mean: 12400000 → 12500000 (+0.81 %)", one line per change. */
export function formatGoldenChange(c: GoldenChange): string {
  const show = (v: unknown) => (v === undefined ? '(absent)' : JSON.stringify(v));
  let rel = '';
  if (typeof c.before === 'number' && typeof c.after === 'number' && c.before !== 0) {
    const pct = ((c.after - c.before) / Math.abs(c.before)) * 100;
    rel = ` (${pct >= 0 ? '+' : ''}${pct.toFixed(2)} %)`;
  }
  return `${c.path}: ${show(c.before)} → ${show(c.after)}${rel}`;
}
