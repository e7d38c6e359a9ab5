import { describe, expect, it } from 'vitest';
import { isAssumption } from '../../src/lib/source';
import type { FieldSpec, NumberSpec } from '../../src/lib/spec';
import { scenarioSpec } from '../../src/scenario/schema';

/** Every number spec in the scenario format, tactic parameters included, by its path. */
function numbers(spec: FieldSpec, path: string, out: Array<[string, NumberSpec]> = []): Array<[string, NumberSpec]> {
  if (spec.kind === 'number') out.push([path, spec]);
  else if (spec.kind === 'object') for (const [k, f] of Object.entries(spec.fields)) numbers(f, `${path}.${k}`, out);
  else if (spec.kind === 'union') for (const [k, v] of Object.entries(spec.variants)) numbers(v, `${path}<${k}>`, out);
  else if (spec.kind === 'array') numbers(spec.items, `${path}[]`, out);
  return out;
}

const ALL = numbers(scenarioSpec, 'scenario');

/** A figure from one brand's case (not a method, not the whitepaper's classification, not several brands). */
function oneBrand(s: NumberSpec): boolean {
  const refs = s.source?.refs ?? [];
  return !!s.source && !isAssumption(s.source) && refs.length === 1 && !/^(method|whitepaper)-/.test(refs[0]!);
}

describe('plausible ranges of assumed parameters', () => {
  it('walks the tactic parameters too', () => {
    expect(ALL.length).toBeGreaterThan(100);
    expect(ALL.some(([p]) => p.includes('<livestream>.followRate'))).toBe(true);
  });

  it('every number taken from an assumption or one brand’s figure has a range, unless the brand decides it', () => {
    const missing = ALL.filter(([, s]) => s.source && (isAssumption(s.source) || oneBrand(s)) && !s.plausible && !s.decision).map(([p]) => p);
    expect(missing).toEqual([]);
  });

  it('a decision is never also drawn', () => {
    expect(ALL.filter(([, s]) => s.decision && s.plausible).map(([p]) => p)).toEqual([]);
  });

  it('each range holds the default and lies inside the field’s limits', () => {
    const bad: string[] = [];
    for (const [path, s] of ALL) {
      const r = s.plausible;
      if (!r) continue;
      if (!(r.low < r.high)) bad.push(`${path}: low ${r.low} ≥ high ${r.high}`);
      if (r.relative) {
        if (!(r.low >= 0 && r.low <= 1 && r.high >= 1)) bad.push(`${path}: relative range ${r.low}–${r.high} does not hold ×1`);
        continue;
      }
      if (s.default === undefined || s.default < r.low || s.default > r.high) bad.push(`${path}: default ${s.default} outside ${r.low}–${r.high}`);
      if (r.low < s.min || (s.exclusiveMin && r.low <= s.min) || r.high > s.max) bad.push(`${path}: ${r.low}–${r.high} outside ${s.min}–${s.max}`);
    }
    expect(bad).toEqual([]);
  });

  it('each range says why, in both languages; the Chinese without English words', () => {
    const bad: string[] = [];
    for (const [path, s] of ALL) {
      const why = s.plausible?.reason;
      if (!s.plausible) continue;
      if (!why?.en?.trim() || !why?.zh?.trim()) bad.push(`${path}: reason missing`);
      else if (/[A-Za-z]{2,}/.test(why.zh)) bad.push(`${path}: English in “${why.zh}”`);
    }
    expect(bad).toEqual([]);
  });
});
