import { describe, expect, it } from 'vitest';
import { validateValue, type ValidationError } from '../../src/scenario/validate';
import type { FieldSpec, ObjectSpec } from '../../src/lib/spec';

/**
 * The validator field kind by field kind: what it accepts at the edges, and the message and path it gives for what it
 * refuses, written out by hand (validate-values.test.ts has paths, texts and numbers' wording).
 */
const doc = { en: 'd', zh: 'd' };
function check(value: unknown, spec: FieldSpec, path = 'f'): { out: unknown; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  const out = validateValue(value, spec, path, errors);
  return { out, errors };
}

describe('booleans, strings, enums and dates', () => {
  it('a boolean is true or false, nothing else', () => {
    const b: FieldSpec = { kind: 'boolean', doc };
    expect(check(false, b)).toEqual({ out: false, errors: [] });
    expect(check('true', b)).toEqual({ out: undefined, errors: [{ path: 'f', message: 'expected true or false, got the string "true"' }] });
  });

  it('a string between its minimum and maximum length, matching its pattern', () => {
    const s: FieldSpec = { kind: 'string', minLength: 2, maxLength: 4, pattern: /^[a-z]+$/, patternHint: 'lower-case letters', doc };
    expect(check('ab', s)).toEqual({ out: 'ab', errors: [] });
    expect(check('abcd', s)).toEqual({ out: 'abcd', errors: [] });
    expect(check('a', s).errors).toEqual([{ path: 'f', message: 'expected at least 2 characters' }]);
    expect(check('abcde', s).errors).toEqual([{ path: 'f', message: 'is 5 characters long; the limit is 4' }]);
    expect(check('aB', s).errors).toEqual([{ path: 'f', message: 'the string "aB" is not allowed: expected lower-case letters' }]);
    expect(check(12, s).errors).toEqual([{ path: 'f', message: 'expected a string, got 12' }]);
    // No minimum: the empty string is a string.
    expect(check('', { kind: 'string', maxLength: 3, doc })).toEqual({ out: '', errors: [] });
  });

  it('an enum names every value it takes', () => {
    const e: FieldSpec = { kind: 'enum', values: ['a', 'b'], doc };
    expect(check('b', e)).toEqual({ out: 'b', errors: [] });
    expect(check('c', e).errors).toEqual([{ path: 'f', message: 'expected one of "a", "b", got the string "c"' }]);
    expect(check(1, e).errors).toEqual([{ path: 'f', message: 'expected one of "a", "b", got 1' }]);
  });

  it('a date is a real calendar day written YYYY-MM-DD', () => {
    const d: FieldSpec = { kind: 'date', doc };
    expect(check('2028-02-29', d)).toEqual({ out: '2028-02-29', errors: [] });
    expect(check('2026-02-29', d).errors).toEqual([{ path: 'f', message: 'expected a date as YYYY-MM-DD, got the string "2026-02-29"' }]);
    expect(check(20260101, d).errors).toEqual([{ path: 'f', message: 'expected a date as YYYY-MM-DD, got 20260101' }]);
  });
});

describe('texts in two languages at their edges', () => {
  const text: FieldSpec = { kind: 'text', maxLength: 3, doc };
  it('each language may use the whole limit; English alone is a text', () => {
    expect(check({ en: 'abc', zh: '一二三' }, text)).toEqual({ out: { en: 'abc', zh: '一二三' }, errors: [] });
    expect(check({ en: 'abc' }, text)).toEqual({ out: { en: 'abc' }, errors: [] });
    expect(check({ en: 'abcd' }, text).errors[0]).toEqual({ path: 'f.en', message: 'is 4 characters long; the limit is 3' });
  });
});

describe('arrays', () => {
  const a: FieldSpec = { kind: 'array', items: { kind: 'number', unit: 'count', min: 0, max: 9, doc }, minItems: 1, maxItems: 3, unique: true, doc };

  it('takes between minItems and maxItems items, each checked at its index', () => {
    expect(check([1], a)).toEqual({ out: [1], errors: [] });
    expect(check([1, 2, 3], a)).toEqual({ out: [1, 2, 3], errors: [] });
    expect(check([1, 2, 3, 4], a).errors).toEqual([{ path: 'f', message: 'has 4 items; the limit is 3' }]);
    expect(check([], a).errors).toEqual([{ path: 'f', message: 'expected at least 1 item' }]);
    expect(check([], { ...a, minItems: 2 }).errors).toEqual([{ path: 'f', message: 'expected at least 2 items' }]);
    expect(check([], { ...a, minItems: undefined })).toEqual({ out: [], errors: [] });
    expect(check([1, 12], a).errors).toEqual([{ path: 'f[1]', message: '12 is out of range: expected at least 0 and at most 9' }]);
  });

  it('names a repeated item at its second place; not an array says what it got', () => {
    expect(check([3, 1, 3], a).errors).toEqual([{ path: 'f[2]', message: '3 appears more than once' }]);
    expect(check([3, 3], { ...a, unique: false })).toEqual({ out: [3, 3], errors: [] });
    expect(check({ 0: 1 }, a).errors).toEqual([{ path: 'f', message: 'expected an array, got an object' }]);
  });
});

describe('objects and unions', () => {
  const o: ObjectSpec = {
    kind: 'object',
    doc,
    fields: {
      size: { kind: 'number', unit: 'count', min: 0, max: 9, default: 2, doc },
      label: { kind: 'string', maxLength: 9, optional: true, doc },
      colour: { kind: 'enum', values: ['red', 'blue'], doc },
    },
    check: (v, report) => {
      if ((v.size as number) > 5 && v.colour === 'red') report('size', 'too big for red');
    },
  };

  it('fills defaults, leaves optional fields out, requires the rest', () => {
    expect(check({ colour: 'red' }, o)).toEqual({ out: { size: 2, colour: 'red' }, errors: [] });
    expect(check({ colour: 'red', size: undefined }, o)).toEqual({ out: { size: 2, colour: 'red' }, errors: [] });
    expect(check({ size: 1 }, o)).toEqual({ out: undefined, errors: [{ path: 'f.colour', message: 'is required' }] });
    expect(check({ colour: 'red', label: 'x' }, o).out).toEqual({ size: 2, label: 'x', colour: 'red' });
  });

  it('suggests the closest known field for a typo (up to two edits), and none for a stranger', () => {
    expect(check({ colour: 'red', colur: 1 }, o).errors).toEqual([{ path: 'f.colur', message: 'unknown field (did you mean "colour"?)' }]);
    expect(check({ colour: 'red', SIZE: 1 }, o).errors).toEqual([{ path: 'f.SIZE', message: 'unknown field (did you mean "size"?)' }]);
    expect(check({ colour: 'red', lab: 1 }, o).errors).toEqual([{ path: 'f.lab', message: 'unknown field (did you mean "label"?)' }]);
    expect(check({ colour: 'red', la: 1 }, o).errors).toEqual([{ path: 'f.la', message: 'unknown field' }]);
    expect(check({ colour: 'red', weight: 1 }, o).errors).toEqual([{ path: 'f.weight', message: 'unknown field' }]);
    // Two names one edit away: the first in the spec's order is suggested.
    const pets: FieldSpec = { kind: 'object', doc, fields: { cat: { kind: 'boolean', optional: true, doc }, car: { kind: 'boolean', optional: true, doc } } };
    expect(check({ caz: true }, pets).errors).toEqual([{ path: 'f.caz', message: 'unknown field (did you mean "cat"?)' }]);
    // Three edits away (two changes and a letter too many) is too far, though its first three letters are two away.
    const abc: FieldSpec = { kind: 'object', doc, fields: { abc: { kind: 'boolean', optional: true, doc } } };
    expect(check({ axyq: true }, abc).errors).toEqual([{ path: 'f.axyq', message: 'unknown field' }]);
    expect(check({ axy: true }, abc).errors).toEqual([{ path: 'f.axy', message: 'unknown field (did you mean "abc"?)' }]);
  });

  it('runs the cross-field check only on valid fields, at the path it names; at the root the path is the field', () => {
    expect(check({ colour: 'red', size: 7 }, o).errors).toEqual([{ path: 'f.size', message: 'too big for red' }]);
    expect(check({ colour: 'red', size: 7, label: 123 }, o).errors).toEqual([{ path: 'f.label', message: 'expected a string, got 123' }]);
    expect(check({ colour: 'red', size: 7 }, o, '').errors).toEqual([{ path: 'size', message: 'too big for red' }]);
    expect(check({ colour: 'green', size: 7 }, o).errors).toEqual([{ path: 'f.colour', message: 'expected one of "red", "blue", got the string "green"' }]);
    expect(check({ colour: 'blue', size: 7 }, o)).toEqual({ out: { size: 7, colour: 'blue' }, errors: [] });
    expect(check([], o, '').errors).toEqual([{ path: '(root)', message: 'expected an object, got an array' }]);
  });

  const u: FieldSpec = {
    kind: 'union',
    discriminator: 'kind',
    doc,
    variants: {
      round: { kind: 'object', doc, fields: { r: { kind: 'number', unit: 'count', min: 0, max: 9, doc } } },
      square: { kind: 'object', doc, fields: {} },
    },
  };

  it('a union is chosen by its discriminator, which stays in the value', () => {
    expect(check({ kind: 'round', r: 3 }, u)).toEqual({ out: { kind: 'round', r: 3 }, errors: [] });
    expect(check({ kind: 'square' }, u)).toEqual({ out: { kind: 'square' }, errors: [] });
    expect(check({ kind: 'oval' }, u).errors).toEqual([{ path: 'f.kind', message: 'expected one of "round", "square", got the string "oval"' }]);
    expect(check({ kind: 'toString' }, u).errors).toEqual([{ path: 'f.kind', message: 'expected one of "round", "square", got the string "toString"' }]);
    expect(check({ r: 3 }, u).errors.map((e) => e.path)).toEqual(['f.kind']);
    expect(check('round', u).errors).toEqual([{ path: 'f', message: 'expected an object, got the string "round"' }]);
  });
});
