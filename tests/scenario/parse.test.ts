import { describe, expect, it } from 'vitest';
import { formatErrors, jsonDepth, parseScenarioText, validateScenario } from '../../src/scenario/parse';
import { LIMITS } from '../../src/scenario/limits';
import { scenarioJson } from '../helpers';

/** Reading a scenario file: nesting depth counted by hand, the limits at their edges, where a syntax error is. */
describe('jsonDepth: nesting outside strings', () => {
  it('counts the deepest bracket, not the number of brackets', () => {
    expect(jsonDepth('')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('[][][]')).toBe(1);
    expect(jsonDepth('[[]]{{{}}}')).toBe(3);
    expect(jsonDepth('{[}]')).toBe(2);
    expect(jsonDepth('[[[]]][]')).toBe(3);
  });

  it('skips brackets in strings, also after an escaped quote, and sees the string end after an escaped backslash', () => {
    expect(jsonDepth('{"a\\"[[[":1}')).toBe(1);
    expect(jsonDepth('["\\\\"[[]]]')).toBe(3);
    expect(jsonDepth('"[[[" [')).toBe(1);
  });
});

describe('parseScenarioText: the limits at their edges, and where a syntax error is', () => {
  it('a file of exactly the size limit is read (and judged as JSON); one byte more is refused; bytes are UTF-8 bytes', () => {
    const atLimit = parseScenarioText(' '.repeat(LIMITS.fileBytes));
    expect(!atLimit.ok && atLimit.errors[0]!.message).toMatch(/is not valid JSON/);
    // 666 667 × '中' (3 bytes each) = 2 000 001 bytes in 666 667 characters.
    const wide = parseScenarioText('中'.repeat(666_667));
    expect(!wide.ok && wide.errors[0]).toEqual({ path: '(file)', message: 'is 2000001 bytes; the file size limit is 2000000 bytes' });
  });

  it('nesting of exactly the limit is read; one level more is refused with both numbers', () => {
    const at = parseScenarioText('['.repeat(LIMITS.depth) + ']'.repeat(LIMITS.depth));
    expect(!at.ok && at.errors[0]!.message).toMatch(/expected an object, got an array/);
    const over = parseScenarioText('['.repeat(LIMITS.depth + 1) + ']'.repeat(LIMITS.depth + 1));
    expect(!over.ok && over.errors[0]).toEqual({ path: '(file)', message: 'nests 13 levels deep; the nesting limit is 12' });
  });

  it('a syntax error names its line and column (the second comma of line 3 is its 14th character)', () => {
    const r = parseScenarioText('{\n  "id": "x",\n  "days": 12,,\n}');
    expect(!r.ok && r.errors[0]!.path).toBe('(file)');
    expect(!r.ok && r.errors[0]!.message).toMatch(/^is not valid JSON at line 3, column 14: /);
    const first = parseScenarioText('x');
    expect(!first.ok && first.errors[0]!.message).toMatch(/^is not valid JSON( at line 1, column 1)?: /);
  });

  it('a valid file gives the scenario; a newer schema version is refused before anything else', () => {
    const ok = parseScenarioText(JSON.stringify(scenarioJson()));
    expect(ok.ok && ok.scenario.id).toBe('test');
    const newer = validateScenario({ schemaVersion: 2, days: -1 });
    expect(!newer.ok && newer.errors).toEqual([{ path: 'schemaVersion', message: '2 is newer than this app understands (1): update STAR Sandbox' }]);
    expect(validateScenario({ ...scenarioJson(), schemaVersion: 1 }).ok).toBe(true);
    // A version written as text is a wrong value, not a newer version ("2" > 1 would say so).
    const text = validateScenario({ ...scenarioJson(), schemaVersion: '2' });
    expect(!text.ok && text.errors.map((e) => e.path)).toEqual(['schemaVersion']);
    expect(!text.ok && text.errors[0]!.message).not.toMatch(/newer/);
    // Not an object at all: an error, not a crash.
    expect(validateScenario(null)).toEqual({ ok: false, errors: [{ path: '(root)', message: 'expected an object, got null' }] });
    expect(validateScenario([2])).toEqual({ ok: false, errors: [{ path: '(root)', message: 'expected an object, got an array' }] });
  });
});

describe('formatErrors', () => {
  it('one line per error: path, colon, message', () => {
    expect(formatErrors([{ path: 'days', message: 'is required' }, { path: 'runs', message: 'out of range' }])).toBe('days: is required\nruns: out of range');
    expect(formatErrors([])).toBe('');
  });
});
