import { describe, expect, it } from 'vitest';
import { joinPath, validateValue, type ValidationError } from '../../src/scenario/validate';
import type { FieldSpec } from '../../src/lib/spec';
import { errorText } from '../../src/i18n/errors';

/**
 * The validator's building blocks, field kind by field kind, against messages and paths written out by hand: the
 * path a person is sent to and the words they read are what these errors are for.
 */
function check(value: unknown, spec: FieldSpec, path = 'f'): { out: unknown; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const out = validateValue(value, spec, path, errors);
  return { out, errors };
}

describe('joinPath: JSON paths as a person types them', () => {
  it('indexes with [n], names with .name, and quotes keys that are not identifiers', () => {
    expect(joinPath('tactics', 2)).toBe('tactics[2]');
    expect(joinPath('', 0)).toBe('[0]');
    expect(joinPath('population', 'agents')).toBe('population.agents');
    expect(joinPath('', 'agents')).toBe('agents');
    expect(joinPath('a', '$ok_1')).toBe('a.$ok_1');
    expect(joinPath('forward', 'R0>R1')).toBe('forward["R0>R1"]');
    expect(joinPath('x', '1abc')).toBe('x["1abc"]');
    expect(joinPath('x', 'a b')).toBe('x["a b"]');
  });
});

describe('bilingual text fields', () => {
  const text: FieldSpec = { kind: 'text', maxLength: 5, doc: { en: 'a name', zh: '名称' } };

  it('takes a plain string up to the limit, and names the length and the limit past it', () => {
    expect(check('abcde', text)).toEqual({ out: 'abcde', errors: [] });
    expect(check('abcdef', text).errors).toEqual([{ path: 'f', message: 'is 6 characters long; the limit is 5' }]);
  });

  it('takes { en, zh } and checks each language at its own path', () => {
    expect(check({ en: 'Hi', zh: '你好' }, text)).toEqual({ out: { en: 'Hi', zh: '你好' }, errors: [] });
    expect(check({ zh: '你好' }, text)).toEqual({ out: { zh: '你好' }, errors: [] });
    const r = check({ en: 'toolong', zh: 3, fr: 'x' }, text);
    expect(r.out).toBeUndefined();
    expect(r.errors).toEqual([
      { path: 'f.en', message: 'is 7 characters long; the limit is 5' },
      { path: 'f.zh', message: 'expected a string, got 3' },
      { path: 'f.fr', message: 'unknown field: a text has only "en" and "zh"' },
      { path: 'f', message: 'a text needs "en" or "zh"' },
    ]);
  });

  it('an empty object is not a text; neither is a number, an array or null', () => {
    expect(check({}, text).errors).toEqual([{ path: 'f', message: 'a text needs "en" or "zh"' }]);
    expect(check(7, text).errors).toEqual([{ path: 'f', message: 'expected a string or { "en": …, "zh": … }, got 7' }]);
    expect(check([], text).errors).toEqual([{ path: 'f', message: 'expected a string or { "en": …, "zh": … }, got an array' }]);
    expect(check(null, text).errors).toEqual([{ path: 'f', message: 'expected a string or { "en": …, "zh": … }, got null' }]);
  });
});

describe('numbers and what the message says about the wrong value', () => {
  const num: FieldSpec = { kind: 'number', unit: 'people', min: 0, max: 10, doc: { en: 'n', zh: '数' } };

  it('quotes a wrong string, cut at 40 characters with an ellipsis', () => {
    const forty = 'x'.repeat(40);
    expect(check(forty, num).errors[0]!.message).toBe(`expected a number, got the string "${forty}"`);
    expect(check(forty + 'y', num).errors[0]!.message).toBe(`expected a number, got the string "${forty}…"`);
  });

  it('names other wrong kinds of value', () => {
    expect(check(true, num).errors[0]!.message).toBe('expected a number, got a boolean');
    expect(check({}, num).errors[0]!.message).toBe('expected a number, got an object');
    expect(check(Number.NaN, num).errors[0]!.message).toBe('expected a number, got NaN');
    expect(check(Infinity, num).errors[0]!.message).toBe('expected a number, got Infinity');
    // …and the Chinese reader is told the same thing in Chinese.
    expect(errorText(check({}, num).errors[0]!.message, 'zh')).toBe('必须是数字(当前为对象)');
    expect(errorText(check(true, num).errors[0]!.message, 'zh')).toBe('必须是数字(当前为是/否值)');
  });
});

describe('objects keep exactly their fields', () => {
  const n: FieldSpec = { kind: 'number', unit: 'people', min: 0, max: 10, doc: { en: 'n', zh: '数' } };
  const obj: FieldSpec = { kind: 'object', doc: { en: 'o', zh: '对象' }, fields: { a: n, b: { ...n, default: 3 } } };
  const union: FieldSpec = { kind: 'union', discriminator: 'kind', doc: { en: 'u', zh: '联合' }, variants: { x: { kind: 'object', doc: { en: 'x', zh: 'x' }, fields: { a: n } } } };

  it('a plain object: its fields (defaults filled in), nothing else; a union: its tag first, then its fields', () => {
    // Keys written out by hand: a validated scenario is what the engine and the saved files see, key for key.
    expect(Object.keys(check({ a: 1 }, obj).out as object)).toEqual(['a', 'b']);
    expect(check({ a: 1 }, obj).out).toStrictEqual({ a: 1, b: 3 });
    expect(Object.keys(check({ kind: 'x', a: 2 }, union).out as object)).toEqual(['kind', 'a']);
  });
});
