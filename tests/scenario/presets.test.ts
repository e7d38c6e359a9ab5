import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../../src/scenario/parse';
import { checkConfig, formatGoldenChange, goldenDiff, goldenSummary } from '../../src/scenario/golden';
import { doNothing } from '../../src/scenario/variants';
import { compileScenario } from '../../src/scenario/compile';
import { runMeanField } from '../../src/sim/projection/meanfield';
import { runDigests } from '../../src/sim/batch';
import { Summary } from '../../src/sim/results/summary';
import type { SimulationResult } from '../../src/sim/results/result';
import type { Scenario } from '../../src/scenario/types';

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function load(file: string): Scenario {
  const r = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

const results = new Map<string, SimulationResult>();
function result(file: string): SimulationResult {
  if (!results.has(file)) {
    const cfg = checkConfig(load(file));
    const s = new Summary(cfg);
    for (const d of runDigests(cfg, 0, cfg.runs)) s.add(d);
    results.set(file, s.result());
  }
  return results.get(file)!;
}

describe.each(files)('preset %s', (file) => {
  it('parses, has bilingual texts and sources, and its id matches the file name', () => {
    const s = load(file);
    expect(s.id).toBe(file.replace(/\.json$/, ''));
    for (const text of [s.name, s.description]) {
      expect(typeof text === 'object' && text.en && text.zh, `${file}: name and description need en and zh`).toBeTruthy();
    }
    expect(s.sources.length).toBeGreaterThan(0);
  });

  it('runs, and its do-nothing baseline runs on the same seeds', () => {
    const r = result(file);
    expect(r.meta.runs).toBe(3);
    expect(r.daily.tiers.R1.mean.length).toBe(r.meta.days + 1);
    const base = doNothing(load(file));
    expect(base.tactics).toEqual([]);
    expect(base.seed).toBe(load(file).seed);
    expect(runMeanField(compileScenario(base, { agents: 2000 })).assets.length).toBe(r.meta.days + 1);
  });

  it('matches its golden summary (see what moved with `npm run golden:update`; save with `-- --write`)', () => {
    const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../golden', file), 'utf8'));
    // Name the preset and every figure that moved, not just "objects differ".
    const moved = goldenDiff(golden, goldenSummary(result(file))).map((c) => `${file} ${formatGoldenChange(c)}`);
    expect(moved).toEqual([]);
  });
});

// Plausibility against the brands' figures and an operator's judgement, for every preset: tests/scenario/plausibility.test.ts.
