import { describe, expect, it } from 'vitest';
import { hasDefault, type FieldSpec } from '../../src/lib/spec';
import { pick } from '../../src/lib/text';
import { assumed, isAssumption, reported } from '../../src/lib/source';
import { fnv64 } from '../../src/lib/hash';

/** The small shared helpers of src/lib, by hand. */
const doc = { en: 'd', zh: 'd' };

describe('src/lib', () => {
  it('hasDefault: only a default that is set counts', () => {
    expect(hasDefault({ kind: 'number', unit: 'count', min: 0, max: 1, default: 0, doc })).toBe(true);
    expect(hasDefault({ kind: 'boolean', default: false, doc })).toBe(true);
    expect(hasDefault({ kind: 'number', unit: 'count', min: 0, max: 1, default: undefined, doc } as FieldSpec)).toBe(false);
    expect(hasDefault({ kind: 'boolean', doc })).toBe(false);
  });

  it('pick: the text in the language asked for', () => {
    expect(pick({ en: 'Reach', zh: '触达' }, 'zh')).toBe('触达');
    expect(pick({ en: 'Reach', zh: '触达' }, 'en')).toBe('Reach');
  });

  it('isAssumption: marked as an assumption in both languages, not in one', () => {
    expect(isAssumption(assumed('a guess', '估计'))).toBe(true);
    expect(isAssumption(reported('x', 'Brand said so', '品牌公布'))).toBe(false);
    expect(isAssumption({ en: 'Assumption: a guess', zh: '品牌公布' })).toBe(false);
    expect(isAssumption({ en: 'Brand said so', zh: '假设:估计' })).toBe(false);
    expect(assumed('a', 'b', ['r1'])).toEqual({ en: 'Assumption: a', zh: '假设:b', refs: ['r1'] });
    expect(assumed('a', 'b', [])).toEqual({ en: 'Assumption: a', zh: '假设:b' });
    expect(reported('r1', 'e', 'z')).toEqual({ en: 'e', zh: 'z', refs: ['r1'] });
    expect(reported(['r1', 'r2'], 'e', 'z')).toEqual({ en: 'e', zh: 'z', refs: ['r1', 'r2'] });
  });

  it('fnv64: its first lane is standard 32-bit FNV-1a (published test vectors), its second starts from 0x9e3779b9', () => {
    expect(fnv64('')).toBe('811c9dc59e3779b9');
    expect(fnv64('a').slice(0, 8)).toBe('e40c292c');
    expect(fnv64('foobar').slice(0, 8)).toBe('bf9cf968');
    // Lanes below 0x10000000 keep their leading zero: always 16 digits.
    expect(fnv64('k120')).toBe('0493fd3bbca7d77d');
    expect(fnv64('k4')).toBe('9b3d857a037d0326');
    expect(fnv64('ab')).not.toBe(fnv64('ba'));
    expect(fnv64('x'.repeat(1000))).toMatch(/^[0-9a-f]{16}$/);
  });
});
