import { describe, expect, it } from 'vitest';
import type { FieldSpec, ObjectSpec } from '../../src/lib/spec';
import { scenarioSpec, tacticSpec } from '../../src/scenario/schema';
import { validateScenario } from '../../src/scenario/parse';
import { TACTICS } from '../../src/sim/tactics/registry';
import { assumed, reported } from '../../src/lib/source';
import { defaultFor, defaultText, enumLabel, fieldLabel, parseNumberInput, rangeText, sourceText } from '../../src/ui/editor/field-info';
import { planTimeline } from '../../src/ui/lib/plan-timeline';
import { tacticCurve } from '../../src/ui/lib/tactic-curve';
import { localizeError } from '../../src/i18n/errors';
import { loadPresets } from '../../src/ui/lib/presets';
import { scenarioJson } from '../helpers';

const f = scenarioSpec.fields as Record<string, FieldSpec>;

describe('field information from the format’s specs', () => {
  it('labels known fields in both languages and new tactic parameters from their docs', () => {
    expect(fieldLabel(f.days!, ['days'], 'zh')).toBe('模拟天数');
    expect(fieldLabel(f.days!, ['days'], 'en')).toBe('Horizon');
    const pop = f.population as ObjectSpec;
    expect(fieldLabel(pop.fields.agents!, ['population', 'agents'], 'zh')).toBe('模拟个体数');
    const fwd = ((f.baseline as ObjectSpec).fields.forward as ObjectSpec).fields.R2!;
    expect(fieldLabel(fwd, ['baseline', 'forward', 'R2'], 'en')).toBe('R2 → R3');
    // Every parameter of every registered tactic gets a non-empty label in both languages.
    for (const [type, v] of Object.entries(tacticSpec.variants)) {
      for (const [k, spec] of Object.entries(v.fields)) {
        for (const lang of ['en', 'zh'] as const) expect(fieldLabel(spec, ['tactics', 0, k], lang), `${type}.${k}`).not.toBe('');
      }
    }
  });

  it('writes ranges, defaults and sources', () => {
    expect(rangeText(f.days!, 'en')).toBe('1 – 3,660 (whole)');
    expect(rangeText((f.population as ObjectSpec).fields.scale!, 'zh')).toBe('>0 – 100万');
    expect(defaultText(f.runs!, 'en')).toBe('50');
    expect(defaultText(f.industry!, 'zh', ['industry'])).toBe('自定义');
    expect(sourceText(assumed('typical', '常见'), 'zh')).toBe('假设:常见');
    expect(sourceText(reported('members-wugu-99', 'Wugu Mofang: ¥99', '五谷磨房:99 元'), 'en')).toBe('Wugu Mofang: ¥99');
    expect(sourceText(undefined, 'zh')).toBe('');
    expect(enumLabel(['tactics', 0, 'schedule', 'weekly', 0], 'sat', 'zh')).toBe('周六');
    expect(enumLabel(['x', 'festival'], 'double11', 'zh')).toBe('双十一');
    expect(enumLabel(['x', 'festival'], 'double11', 'en')).toBe('Double 11');
  });

  it('keeps what was typed when it is not a number, so the validator can name it', () => {
    expect(parseNumberInput('1,200')).toBe(1200);
    expect(parseNumberInput('0.5')).toBe(0.5);
    expect(parseNumberInput('1e-3')).toBe(0.001);
    expect(parseNumberInput('')).toBeUndefined();
    expect(parseNumberInput('abc')).toBe('abc');
  });

  it('fresh items for "add" buttons are valid where the spec allows', () => {
    const sched = (TACTICS.ads!.params.schedule as ObjectSpec).fields;
    expect(defaultFor((sched.windows as { items: FieldSpec }).items, { startDate: '2026-03-01' })).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(defaultFor((sched.festivals as { items: FieldSpec }).items, { startDate: '2026-03-01' })).toEqual({ festival: 'womensDay', phase: 'all' });
  });
});

describe('plan timeline', () => {
  it('shows each tactic’s active days, the festivals, and survives an invalid schedule', () => {
    const v = scenarioJson({
      startDate: '2026-10-01',
      days: 61,
      tactics: [
        { id: 'live', type: 'ads', schedule: { weekly: ['sat'] } },
        { id: 'peak', type: 'ads', schedule: { festivals: [{ festival: 'double11', phase: 'main' }] } },
        { id: 'broken', type: 'ads', schedule: { weekly: ['someday'] } },
        { id: 'default', type: 'ads' },
      ],
    });
    const plan = planTimeline(v, 'zh', (n) => `${n}`, 'invalid')!;
    // Rows are named as the reader calls the tactics (four ads: numbered), not by their ids.
    expect(plan.rows.map((r) => r.label)).toEqual([1, 2, 3, 4].map((k) => `付费广告(朋友圈 / 视频号) ${k}`));
    expect(plan.rows[0]!.segments!.every((s) => s.from === s.to)).toBe(true);
    expect(plan.rows[0]!.note).toBe('9');
    expect(plan.rows[1]!.segments).toEqual([{ from: 31, to: 41, effort: 1 }]);
    expect(plan.rows[2]!.segments).toBeNull();
    expect(plan.rows[3]!.segments).not.toBeNull();
    expect(plan.festivals.map((x) => x.label)).toContain('双十一');
    expect(planTimeline({ ...v, startDate: 'soon' }, 'en', String, '')).toBeNull();
  });
});

describe('response curves of every registered tactic', () => {
  const real = [17_000_000, 1_600_000, 800_000, 400_000, 140_000, 60_000];
  for (const [type, def] of Object.entries(TACTICS)) {
    if (!def.curve) continue;
    it(`${type}: marks in order and a curve rising to its ceiling`, () => {
      const c = tacticCurve(def, {}, real, 220)!;
      expect(c).not.toBeNull();
      expect(c.marks.maintain).toBeLessThan(c.marks.grow);
      expect(c.marks.grow).toBeLessThan(c.marks.flatten);
      for (let i = 1; i < c.points.length; i++) expect(c.points[i]!.pressure).toBeGreaterThanOrEqual(c.points[i - 1]!.pressure - 1e-12);
      expect(c.label.zh).not.toBe('');
    });
  }
  it('gives no curve while a parameter is not a number', () => {
    const def = Object.values(TACTICS).find((d) => d.curve)!;
    expect(tacticCurve(def, { [def.curve!.ecParam]: 'x' }, real, 220)).toBeNull();
  });
});

describe('validator messages in Chinese', () => {
  it('renders the common messages, keeping the validator’s own words available', () => {
    const bad = scenarioJson({
      days: 0,
      runs: 1.5,
      population: { agents: 'many', initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.05 } },
      tactics: [
        { id: 'a', type: 'ads', schedule: {} },
        { id: 'a', type: 'ads', schedule: { daily: true }, cpm: 0 },
      ],
      extra: 1,
    });
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const e of r.errors) {
      const zh = localizeError(e.message, 'zh');
      expect(zh, `${e.path}: ${e.message}`).not.toBeNull();
      expect(zh!).toMatch(/[\u4e00-\u9fff]/);
      expect(localizeError(e.message, 'en')).toBeNull();
    }
  });
});

describe('presets', () => {
  it('have names and descriptions in both languages, and sources', () => {
    for (const p of loadPresets()) {
      const name = p.raw.name as Record<string, string>;
      expect(typeof name === 'string' || (name.en && name.zh), p.file).toBeTruthy();
      expect(Array.isArray(p.raw.sources) && (p.raw.sources as unknown[]).length > 0, p.file).toBe(true);
    }
  });
});

describe('schedules in words', () => {
  it('reads a schedule in both languages', async () => {
    const { describeSchedule } = await import('../../src/ui/lib/describe-schedule');
    const s = { weekly: ['mon', 'wed'], festivals: [{ festival: 'double11', phase: 'all' }], everyDays: 3 };
    expect(describeSchedule(s, 'zh')).toBe('每周一、周三;每 3 天;双十一');
    expect(describeSchedule(s, 'en')).toBe('every Mon, Wed; every 3 days; Double 11');
    expect(describeSchedule({ daily: true }, 'en')).toBe('every day');
    expect(describeSchedule(null, 'en')).toBe('');
  });
});

describe('applying an industry to the draft', () => {
  it('writes what the format’s applyIndustry changes, and nothing the user left to defaults', async () => {
    const { applyIndustryToDraft } = await import('../../src/ui/lib/apply-industry');
    const raw = scenarioJson({ industry: 'custom', tactics: [{ id: 'cp', type: 'coupons' }, { id: 'ads', type: 'ads', schedule: { daily: true } }] });
    const v = validateScenario(raw);
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const out = applyIndustryToDraft(raw, v.scenario, 'supermarket');
    expect(out.industry).toBe('supermarket');
    const { INDUSTRIES } = await import('../../src/scenario/industries');
    expect((out.baseline as { repeat: number }).repeat).toBe(INDUSTRIES.supermarket.repeat);
    expect(out.seasonality).toBe('industry');
    const tactics = out.tactics as Record<string, unknown>[];
    expect(tactics[0]!.priceSensitivity).toBe(INDUSTRIES.supermarket.priceSensitivity);
    expect(Object.keys(tactics[1]!)).toEqual(['id', 'type', 'schedule']);
    expect(validateScenario(out).ok).toBe(true);
  });
});

describe('defaults in words', () => {
  it('writes a per-tier default as a list', () => {
    const spec = { kind: 'object', doc: { en: '', zh: '' }, fields: {}, default: { R1: 0.001, R2: 0.004 } } as const;
    expect(defaultText(spec as unknown as FieldSpec, 'en')).toBe('R1 0.001 · R2 0.004');
  });
});
