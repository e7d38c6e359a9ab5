import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIGURES } from './figures';
import { cachedRunner, ratioTo, withinTolerance } from './table';

/**
 * Each brand figure the model can express, run at the market its scenario states (tests/calibration/figures.ts):
 * a `match` must stay within ×1.5, a `gap` must still be outside (when a mechanic closes it, update the verdict and
 * the table: `npm run calibration`). docs/calibration.md lists every figure with its verdict.
 */
const run = cachedRunner();

describe('calibration against brands’ reported figures', () => {
  for (const f of FIGURES.filter((x) => x.measure)) {
    it(`${f.id}: ${f.verdict.kind}`, () => {
      const model = f.measure!(run);
      expect(Number.isFinite(model), `${f.id}: the model's figure is ${model}`).toBe(true);
      const inside = withinTolerance(model, f.value!);
      const note = `${f.id}: model ${model.toPrecision(3)}, reported ${JSON.stringify(f.value)}, ratio ${ratioTo(model, f.value!).toFixed(2)}`;
      if (f.verdict.kind === 'match') expect(inside, note).toBe(true);
      else expect(inside, `${note} — the gap has closed: make the verdict a match and rerun npm run calibration`).toBe(false);
    });
  }

  it('every figure compared has a value, a scenario and what it measures; every other one says why not', () => {
    for (const f of FIGURES) {
      if (f.measure) {
        expect(f.value, f.id).toBeDefined();
        expect(f.scenario && f.measures, f.id).toBeTruthy();
        expect(['match', 'gap']).toContain(f.verdict.kind);
      } else expect(['input', 'not compared']).toContain(f.verdict.kind);
    }
    expect(new Set(FIGURES.map((f) => f.id)).size).toBe(FIGURES.length);
  });

  it('docs/calibration.md lists every figure with its verdict, and every figure is an entry of docs/sources.md', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/calibration.md'), 'utf8');
    const sources = readFileSync(join(import.meta.dirname, '../../docs/sources.md'), 'utf8');
    for (const f of FIGURES) {
      expect(sources, f.id).toContain(`### ${f.id}\n`);
      const row = doc.split('\n').find((l) => l.startsWith(`| [${f.id}](`));
      expect(row, `${f.id} is not in docs/calibration.md (npm run calibration)`).toBeDefined();
      const word = f.verdict.kind === 'match' ? '| match' : f.verdict.kind === 'gap' ? '| **gap**' : f.verdict.kind === 'input' ? '| input' : '| not compared';
      expect(row, f.id).toContain(word);
    }
  });

  it('tolerance by hand: ×1.5 either way, and a range widened at both ends', () => {
    expect(withinTolerance(1.5 * 1.5, 1.5)).toBe(true);
    expect(withinTolerance(1.5 * 1.5 + 1e-9, 1.5)).toBe(false);
    expect(withinTolerance(1, 1.5)).toBe(true);
    expect(withinTolerance(0.99, 1.5)).toBe(false);
    expect(withinTolerance(0.02, [0.03, 0.076])).toBe(true);
    expect(withinTolerance(0.115, [0.03, 0.076])).toBe(false);
    expect(ratioTo(0.05, [0.03, 0.076])).toBe(1);
    expect(ratioTo(0.015, [0.03, 0.076])).toBe(0.5);
  });
});
