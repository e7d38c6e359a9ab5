import { describe, expect, it } from 'vitest';
import { scenarioJson } from '../helpers';
import { parseScenarioText, validateScenario } from '../../src/scenario/parse';
import { LIMITS } from '../../src/scenario/limits';

type Json = Record<string, unknown>;

function errorsOf(value: unknown) {
  const r = validateScenario(value);
  if (r.ok) throw new Error('expected the scenario to be rejected');
  return r.errors;
}

/** Apply a mutation to a fresh valid scenario and return its errors. */
function errorsAfter(mutate: (s: Json) => void) {
  const s = scenarioJson();
  mutate(s);
  return errorsOf(s);
}

const pop = (s: Json) => s.population as Json;
const base = (s: Json) => s.baseline as Json;

describe('scenario validation', () => {
  it('accepts the valid test scenario and fills defaults', () => {
    const r = validateScenario(scenarioJson());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.wordOfMouth).toEqual({ q: 0, sources: ['R4', 'R5'] });
      expect(r.scenario.seasonality).toBe('none');
      expect(r.scenario.industry).toBe('custom');
    }
  });

  const cases: Array<[string, (s: Json) => void, string, RegExp]> = [
    ['missing required field', (s) => delete s.id, 'id', /is required/],
    ['unknown top-level field (typo) with a suggestion', (s) => (s.runz = 5), 'runz', /unknown field \(did you mean "runs"\?\)/],
    ['unknown nested field', (s) => ((pop(s).heterogenity = true), delete pop(s).heterogeneity), 'population.heterogenity', /unknown field.*heterogeneity/],
    ['wrong type', (s) => (s.days = '365'), 'days', /expected a number, got the string "365"/],
    ['a cleared number is missing, not its default', (s) => (s.days = ' '), 'days', /is required/],
    ['not a whole number', (s) => (s.days = 10.5), 'days', /whole number/],
    ['days over the limit', (s) => (s.days = 4000), 'days', /out of range: expected at least 1 and at most 3 660/],
    ['agents over the limit', (s) => (pop(s).agents = 6_000_000), 'population.agents', /at most 5 000 000/],
    ['runs over the limit', (s) => (s.runs = 20000), 'runs', /at most 10 000/],
    ['scale must be positive', (s) => (pop(s).scale = 0), 'population.scale', /greater than 0/],
    ['shares not summing to 1', (s) => ((pop(s).initial as Json).R0 = 0.7), 'population.initial', /shares sum to 1\.2, expected 1/],
    ['negative share', (s) => ((pop(s).initial as Json).R1 = -0.1), 'population.initial.R1', /out of range/],
    ['probability above 1', (s) => ((base(s).forward as Json).R2 = 1.5), 'baseline.forward.R2', /out of range/],
    ['forward + reverse above 1', (s) => (((base(s).forward as Json).R2 = 0.6), ((base(s).reverse as Json).R2 = 0.6)), 'baseline.forward.R2', /forward\.R2 \+ reverse\.R2 = 1\.2, expected at most 1/],
    ['repeat + reverse.R5 above 1', (s) => ((base(s).repeat = 0.9), ((base(s).reverse as Json).R5 = 0.2)), 'baseline.repeat', /repeat \+ reverse\.R5/],
    ['unknown repeat model', (s) => (base(s).repeatModel = { kind: 'pareto' }), 'baseline.repeatModel.kind', /expected one of "simple", "bgnbd"/],
    ['BG/NBD parameter missing', (s) => (base(s).repeatModel = { kind: 'bgnbd', r: 1, alpha: 10, a: 2 }), 'baseline.repeatModel.b', /is required/],
    ['BG/NBD parameter zero', (s) => (base(s).repeatModel = { kind: 'bgnbd', r: 0, alpha: 10, a: 2, b: 3 }), 'baseline.repeatModel.r', /greater than 0/],
    ['order value zero', (s) => (base(s).orderValue = { mean: 0, sd: 1 }), 'baseline.orderValue.mean', /greater than 0/],
    ['invalid date', (s) => (s.startDate = '2026-02-30'), 'startDate', /expected a date as YYYY-MM-DD/],
    ['seed of the wrong kind', (s) => (s.seed = -3), 'seed', /a whole number 0…4 294 967 295 or a text/],
    ['seed text too long', (s) => (s.seed = 'x'.repeat(65)), 'seed', /a text of 1–64 characters/],
    ['id with spaces', (s) => (s.id = 'my plan'), 'id', /letters, digits/],
    ['name too long', (s) => (s.name = 'x'.repeat(200)), 'name', /limit is 120/],
    ['text with an unknown language', (s) => (s.name = { en: 'A', fr: 'B' }), 'name.fr', /only "en" and "zh"/],
    ['unknown industry', (s) => (s.industry = 'toys'), 'industry', /expected one of "beauty"/],
    ['seasonality of the wrong length', (s) => (s.seasonality = [1, 2, 3]), 'seasonality', /has 3 weekly values; expected 52 or 53/],
    ['seasonality value out of range', (s) => (s.seasonality = new Array(52).fill(1).map((v, i) => (i === 7 ? -1 : v))), 'seasonality[7]', /demand index from 0 to 10/],
    ['word-of-mouth source not a tier', (s) => (s.wordOfMouth = { q: 0.1, sources: ['R9'] }), 'wordOfMouth.sources[0]', /expected one of "R1"/],
    ['duplicate word-of-mouth source', (s) => (s.wordOfMouth = { q: 0.1, sources: ['R4', 'R4'] }), 'wordOfMouth.sources[1]', /appears more than once/],
    ['margin out of range', (s) => (s.margin = 1.5), 'margin', /out of range/],
    ['unknown tactic type', (s) => (s.tactics = [{ id: 'x', type: 'telepathy' }]), 'tactics[0].type', /expected one of "livestream"/],
    ['tactic parameter out of range', (s) => (s.tactics = [{ id: 'x', type: 'ads', dailySpend: -5 }]), 'tactics[0].dailySpend', /out of range/],
    ['unknown tactic parameter', (s) => (s.tactics = [{ id: 'x', type: 'ads', dailyspend: 5 }]), 'tactics[0].dailyspend', /did you mean "dailySpend"/],
    ['duplicate tactic ids', (s) => (s.tactics = [{ id: 'x', type: 'ads' }, { id: 'x', type: 'ads' }]), 'tactics[1].id', /used by another tactic/],
    ['reserved tactic id', (s) => (s.tactics = [{ id: 'baseline', type: 'ads' }]), 'tactics[0].id', /reserved/],
    ['too many tactics', (s) => (s.tactics = Array.from({ length: 33 }, (_, i) => ({ id: `t${i}`, type: 'ads' }))), 'tactics', /has 33 items; the limit is 32/],
    ['empty schedule', (s) => (s.tactics = [{ id: 'x', type: 'ads', schedule: {} }]), 'tactics[0].schedule', /needs at least one of daily, weekly/],
    ['bad weekday', (s) => (s.tactics = [{ id: 'x', type: 'ads', schedule: { weekly: ['saturday'] } }]), 'tactics[0].schedule.weekly[0]', /expected one of "mon"/],
    ['window ending before it starts', (s) => (s.tactics = [{ id: 'x', type: 'ads', schedule: { windows: [{ from: '2026-05-01', to: '2026-04-01' }] } }]), 'tactics[0].schedule.windows[0].to', /ends before it starts/],
    ['presale of a festival without one', (s) => (s.tactics = [{ id: 'x', type: 'ads', schedule: { festivals: [{ festival: 'qixi', phase: 'presale' }] } }]), 'tactics[0].schedule.festivals[0].phase', /qixi has no presale phase/],
    ['unknown festival', (s) => (s.tactics = [{ id: 'x', type: 'ads', schedule: { festivals: [{ festival: 'blackFriday' }] } }]), 'tactics[0].schedule.festivals[0].festival', /expected one of "womensDay"/],
    ['work limit', (s) => ((pop(s).agents = 5_000_000), (s.days = 3660), (s.runs = 200)), 'runs', /exceeds the work limit/],
    ['not an object at all', (s) => (s.population = [1, 2]), 'population', /expected an object, got an array/],
  ];

  it.each(cases)('%s', (_, mutate, path, message) => {
    const errors = errorsAfter(mutate);
    const hit = errors.find((e) => e.path === path);
    expect(hit, `errors were: ${JSON.stringify(errors)}`).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('reports every error at once, not only the first', () => {
    const errors = errorsAfter((s) => {
      s.days = -1;
      s.runs = 'many';
      pop(s).agents = 0;
      s.extra = true;
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['days', 'extra', 'population.agents', 'runs']);
  });

  it('rejects a newer schema version with a clear message', () => {
    const errors = errorsAfter((s) => (s.schemaVersion = 2));
    expect(errors[0]).toEqual({ path: 'schemaVersion', message: expect.stringMatching(/newer than this app understands/) });
  });

  it('rejects a non-object document', () => {
    expect(errorsOf([1, 2, 3])[0]!.message).toMatch(/expected an object, got an array/);
    expect(errorsOf(null)[0]!.message).toMatch(/expected an object, got null/);
  });

  it('__proto__, constructor and prototype keys are unknown fields and pollute nothing', () => {
    const text = JSON.stringify(scenarioJson()).replace('{', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},');
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('a __proto__ key inside a tactic is reported and does not change the tactic', () => {
    const s = scenarioJson();
    const text = JSON.stringify({ ...s, tactics: [{ id: 'x', type: 'ads' }] }).replace('{"id":"x"', '{"__proto__":{"dailySpend":1},"id":"x"');
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]!.path).toBe('tactics[0].__proto__');
  });

  it('file-level limits: size, nesting depth and syntax errors name the problem', () => {
    const big = ' '.repeat(LIMITS.fileBytes + 1);
    const r1 = parseScenarioText(big);
    expect(!r1.ok && r1.errors[0]!.message).toMatch(/file size limit is 2000000 bytes/);
    const deep = '['.repeat(LIMITS.depth + 5) + ']'.repeat(LIMITS.depth + 5);
    const r2 = parseScenarioText(deep);
    expect(!r2.ok && r2.errors[0]!.message).toMatch(/nests 17 levels deep; the nesting limit is 12/);
    const r3 = parseScenarioText('{\n  "id": "x",\n  "days": 12,,\n}');
    expect(!r3.ok && r3.errors[0]!.message).toMatch(/is not valid JSON at line 3/);
  });

  it('brackets inside strings do not count towards nesting', () => {
    const s = scenarioJson({ description: '[[[[[[[[[[[[[[[[[[[[{{{{{{{{{{{{' });
    expect(parseScenarioText(JSON.stringify(s)).ok).toBe(true);
  });
});

describe('bounds at their edges', () => {
  const weeks = (value: number, at = 7) => new Array(52).fill(1).map((v: number, i) => (i === at ? value : v));

  it('a seasonality index of exactly 10 is accepted; just above 10 is rejected at its own path', () => {
    expect(validateScenario({ ...scenarioJson(), seasonality: weeks(10) }).ok).toBe(true);
    expect(validateScenario({ ...scenarioJson(), seasonality: new Array(53).fill(10) }).ok).toBe(true);
    expect(validateScenario({ ...scenarioJson(), seasonality: weeks(0) }).ok).toBe(true);
    for (const above of [10.001, 11, 100]) {
      const errors = errorsOf({ ...scenarioJson(), seasonality: weeks(above, 30) });
      expect(errors).toEqual([{ path: 'seasonality[30]', message: `expected a demand index from 0 to 10, got ${above}` }]);
    }
  });

  // Each of R1…R4 has both a forward and a reverse probability; they share one day's chance, so they sum to at most 1.
  it.each(['R1', 'R2', 'R3', 'R4'])('forward + reverse of %s: exactly 1 is accepted, above 1 is rejected naming the tier', (tier) => {
    const withSum = (f: number, r: number) => {
      const s = scenarioJson();
      (base(s).forward as Json)[tier] = f;
      (base(s).reverse as Json)[tier] = r;
      return s;
    };
    expect(validateScenario(withSum(0.5, 0.5)).ok).toBe(true);
    expect(validateScenario(withSum(1, 0)).ok).toBe(true);
    const errors = errorsOf(withSum(0.7, 0.4));
    expect(errors).toEqual([{ path: `baseline.forward.${tier}`, message: `forward.${tier} + reverse.${tier} = 1.1, expected at most 1` }]);
  });

  it('repeat + reverse.R5: exactly 1 is accepted, above 1 is rejected', () => {
    const s = scenarioJson();
    base(s).repeat = 0.75;
    (base(s).reverse as Json).R5 = 0.25;
    expect(validateScenario(s).ok).toBe(true);
    (base(s).reverse as Json).R5 = 0.3;
    expect(errorsOf(s).map((e) => e.path)).toEqual(['baseline.repeat']);
  });
});
