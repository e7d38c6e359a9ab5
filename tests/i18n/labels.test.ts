import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../src/lib/spec';
import type { Segment } from '../../src/ui/lib/json-path';
import { scenarioSpec } from '../../src/scenario/schema';
import { TACTICS } from '../../src/sim/tactics/registry';
import { INDUSTRIES } from '../../src/scenario/industries';
import { validateScenario } from '../../src/scenario/parse';
import { defaultText, displayNumber, enumLabel, valueText } from '../../src/ui/editor/field-info';
import { listText } from '../../src/i18n/codes';
import { errorText, localizeError } from '../../src/i18n/errors';
import { translate } from '../../src/i18n/index';
import { compact, formatKind, money, percent, plain, ratio, tickFormat } from '../../src/i18n/numbers';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { pathLabel } from '../../src/ui/lib/path-label';
import { tacticLabels } from '../../src/ui/lib/tactic-labels';
import { langFromBrowser } from '../../src/ui/state/i18n.svelte';
import type { Lang } from '../../src/lib/text';

const CJK = /[\u3400-\u9fff]/;
/** Latin words a Chinese reader sees in Chinese material too (the same allowlist as the browser's leak test). */
const ZH_ALLOWED = /^(R[0-5]|STAR|[STAR]|ROI|GMV|CPM|KOC|KOL|CSV|SVG|PNG|JSON|Hill|Bass|Markov|Gamma|Beta|BG|NBD|3C|V|GRASS|Meta|Robyn|[a-zA-Z]|x0)$/;
const latinWords = (s: string) => (s.match(/[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/g) ?? []).filter((w) => !ZH_ALLOWED.test(w));

/** Every field of the format with the segments of a path that reaches it (tactic parameters under tactics[0]). */
function* fields(spec: FieldSpec, segs: Segment[]): Generator<[FieldSpec, Segment[]]> {
  yield [spec, segs];
  if (spec.kind === 'object') for (const [k, f] of Object.entries(spec.fields)) yield* fields(f, [...segs, k]);
  if (spec.kind === 'array') yield* fields(spec.items, [...segs, 0]);
  if (spec.kind === 'union') for (const v of Object.values(spec.variants)) for (const [k, f] of Object.entries(v.fields)) yield* fields(f, [...segs, k]);
}
const ALL = [...fields(scenarioSpec, [])];

describe('codes are shown as labels', () => {
  it('every value of every enum in the format has a label in both languages (a new value without one fails)', () => {
    const enums = ALL.filter(([s]) => s.kind === 'enum');
    expect(enums.length).toBeGreaterThanOrEqual(8);
    const missing: string[] = [];
    for (const [spec, segs] of enums) {
      if (spec.kind !== 'enum') continue;
      for (const v of spec.values) {
        for (const lang of ['zh', 'en'] as Lang[]) {
          const label = enumLabel(segs, v, lang);
          // A label is not the code itself; the Chinese one has no English word, the English one no CJK.
          if (label === v || (lang === 'zh' && latinWords(label).length) || (lang === 'en' && CJK.test(label))) missing.push(`${segs.join('.')}=${v} (${lang}: "${label}")`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('union kinds (repeat model, tactic type) and the seasonality modes have labels too', () => {
    expect(valueText(scenarioSpec.fields.baseline!.kind === 'object' ? scenarioSpec.fields.baseline.fields.repeatModel! : scenarioSpec, { kind: 'bgnbd' }, 'zh', ['baseline', 'repeatModel'])).toBe('BG/NBD 模型');
    expect(valueText(scenarioSpec.fields.seasonality!, 'none', 'zh', ['seasonality'])).toBe('平稳(无季节性)');
    expect(valueText(scenarioSpec.fields.seasonality!, 'industry', 'en', ['seasonality'])).toBe('Industry curve');
    for (const t of Object.values(TACTICS)) expect(CJK.test(t.name.zh) && !CJK.test(t.name.en), t.type).toBe(true);
  });
});

describe('defaults are values, not JSON or codes', () => {
  it('no default in either language reads as JSON, a code, or a number in scientific notation', () => {
    const bad: string[] = [];
    for (const [spec, segs] of ALL) {
      for (const lang of ['zh', 'en'] as Lang[]) {
        const d = defaultText(spec, lang, segs);
        if (!d) continue;
        if (/[[\]{}"]/.test(d) || /\de[+-]?\d/.test(d)) bad.push(`${segs.join('.')} ${lang}: ${d}`);
        if (lang === 'zh' && latinWords(d).length) bad.push(`${segs.join('.')} zh: ${d}`);
        if (lang === 'en' && CJK.test(d)) bad.push(`${segs.join('.')} en: ${d}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('formats tier lists, channels, schedules and large numbers in the language’s way', () => {
    const coupons = (TACTICS.coupons!.params as Record<string, FieldSpec>);
    expect(defaultText(coupons.channel!, 'zh', ['tactics', 0, 'channel'])).toBe('全部渠道');
    expect(defaultText(coupons.kind!, 'en', ['tactics', 0, 'kind'])).toBe('Store-wide coupon');
    expect(defaultText(coupons.targets!, 'zh', ['tactics', 0, 'targets'])).toBe('R3 深层触动、R4 首购、R5 复购');
    expect(defaultText(coupons.targets!, 'en', ['tactics', 0, 'targets'])).toMatch(/^R3 \S.*, R4 .* and R5 /);
    expect(defaultText(coupons.schedule!, 'zh', ['tactics', 0, 'schedule'])).toBe('每周一');
    expect(listText(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(listText(['a', 'b'], 'zh')).toBe('a、b');
    const agents = (scenarioSpec.fields.population as { fields: Record<string, FieldSpec> }).fields.agents!;
    expect(valueText(agents, 5_000_000, 'zh', ['population', 'agents'])).toBe('500万');
    expect(valueText(agents, 5_000_000, 'en', ['population', 'agents'])).toBe('5M');
  });
});

describe('plural rules', () => {
  it('English says "1 tactic" and "3 tactics"; Chinese needs no plural', () => {
    expect(translate('en', 'library.tactics', { n: 1 })).toBe('1 tactic');
    expect(translate('en', 'library.tactics', { n: 3 })).toBe('3 tactics');
    expect(translate('en', 'library.tactics', { n: 0 })).toBe('0 tactics');
    expect(translate('en', 'io.problems', { n: 1 })).toBe('1 problem:');
    expect(translate('en', 'library.horizon', { days: 1, date: 'x' })).toBe('1 day from x');
    expect(translate('zh', 'library.tactics', { n: 1 })).toBe('1 项策略');
  });
  it('no English message says "1 <plural>" for any count placeholder', () => {
    for (const [k, v] of Object.entries(en)) {
      const text = translate('en', k as keyof typeof en, { n: 1, done: 1, total: 1, runs: 1, days: 1 });
      expect(text, k).not.toMatch(/(?<!(\/|of) )\b1 (tactics|problems|days|items|values|workers|people|runs)\b/);
      expect(zh[k as keyof typeof zh]).not.toMatch(/\|/);
    }
  });
});

describe('numbers never use scientific notation', () => {
  const values = [1.83e13, 1e21, 5e22, 123_456_789_012, 1e-7, 3.2e-12, -4.5e15, 0.1 + 0.2];
  it('in any formatter, in either language', () => {
    for (const x of values) {
      for (const lang of ['zh', 'en'] as Lang[]) {
        const out = [compact(x, lang), money(x, lang), percent(x), ratio(x), plain(x, 2), formatKind(x, 'plain', lang), tickFormat('count', lang)(x), displayNumber(x)];
        for (const s of out) expect(s, `${x} ${lang}`).not.toMatch(/\de[+-]?\d|e\+/i);
      }
    }
    expect(compact(1.83e13, 'zh')).toBe('18.3万亿');
    expect(compact(1.83e13, 'en')).toBe('18.3T');
    expect(displayNumber(1e-7)).toBe('0.0000001');
    expect(displayNumber(1e21)).toBe('1000000000000000000000');
  });
  it('in validation messages: the work limit and bounds in 万/亿 in Chinese, with commas in English', () => {
    const msg = 'agents × days × runs = 1.83e+13 exceeds the work limit of 1e+10';
    expect(errorText(msg, 'zh')).toBe('个体数 × 天数 × 运行次数 = 18.3万亿,超过计算量上限 100亿');
    expect(errorText(msg, 'en')).toBe('agents × days × runs = 18.3T exceeds the work limit of 10B');
    expect(errorText('-3 is out of range: expected at least 1 and at most 5 000 000', 'zh')).toBe('−3 超出范围:应不小于 1 且不大于 500万');
    expect(errorText('-3 is out of range: expected at least 1 and at most 5 000 000', 'en')).toBe('-3 is out of range: expected at least 1 and at most 5,000,000');
  });
});

describe('validation messages are wholly Chinese in Chinese', () => {
  it('says what it got in Chinese, with no English line', () => {
    expect(localizeError('expected a number, got the string "abc"', 'zh')).toBe('必须是数字(当前为文本“abc”)');
    expect(localizeError('expected a number, got null', 'zh')).toBe('必须是数字(当前为空值)');
    expect(localizeError('expected an array, got a boolean', 'zh')).toBe('必须是列表(当前为是/否值)');
  });
  it('every message the validator gives for a broken preset reads without English words', () => {
    const bad = {
      schemaVersion: 1, id: 'x', name: 'x', days: 'soon', runs: 1e9, startDate: '2026-13-01',
      population: { agents: -3, scale: 0, initial: { R0: 0.5, R1: 0.1, R2: 0.1, R3: 0.1, R4: 0.1, R5: 0.2 } },
      baseline: { forward: { R1: 0.9 }, reverse: { R1: 0.5 } },
      tactics: [
        { id: 'a', type: 'coupons', schedule: {}, faceValue: 'lots', kind: 'big', targets: 'R3' },
        { id: 'a', type: 'livestream', schedule: { weekly: ['someday'] }, sessionsPerDay: 2.5 },
      ],
    };
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const leaks = r.errors.map((e) => errorText(e.message, 'zh')).filter((m) => latinWords(m.replace(/“[^”]*”/g, '')).length);
    expect(leaks).toEqual([]);
    for (const e of r.errors) expect(errorText(e.message, 'en')).not.toMatch(CJK);
  });
});

describe('places and tactics are named as the editor names them', () => {
  const value = { tactics: [{ id: 'weekly-live', type: 'livestream' }, { id: 'pack', type: 'coupons', kind: 'pack' }, { id: 'm', type: 'coupons' }] };
  it('a JSON path becomes labels', () => {
    expect(pathLabel('tactics[1].dailySpend', { tactics: [{ type: 'livestream' }, { type: 'ads' }] }, 'zh')).toBe('付费广告(朋友圈 / 视频号) › 日预算');
    expect(pathLabel('tactics[1].faceValue', value, 'zh')).not.toMatch(/faceValue/);
    expect(pathLabel('population.agents', value, 'zh')).toBe('人群 › 模拟个体数');
    expect(pathLabel('population.agents', value, 'en')).toBe('Population › Simulated agents');
    expect(pathLabel('(file)', null, 'zh')).toBe('场景文件');
    expect(pathLabel('tactics[1].schedule.weekly[0]', value, 'zh')).toBe('优惠券 · 券包(首单后发放) › 排期 › 每周固定日 › 第 1 项');
  });
  it('tactics of the same type are told apart by coupon kind, then by number', () => {
    expect(tacticLabels(value.tactics, 'zh')).toEqual(['直播', '优惠券 · 券包(首单后发放)', '优惠券 · 全场券']);
    expect(tacticLabels([{ id: 'a', type: 'ads' }, { id: 'b', type: 'ads' }], 'en')).toEqual(['Paid ads (Moments / Channels) 1', 'Paid ads (Moments / Channels) 2']);
  });
});

describe('first visit', () => {
  it('follows the browser’s first language: zh* → Chinese, anything else → English', () => {
    expect(langFromBrowser(['zh-CN', 'en'])).toBe('zh');
    expect(langFromBrowser(['zh-Hant-TW'])).toBe('zh');
    expect(langFromBrowser(['en-US', 'zh-CN'])).toBe('en');
    expect(langFromBrowser(['fr'])).toBe('en');
    expect(langFromBrowser([])).toBe('zh');
  });
});

describe('texts of the format, tactics and industries', () => {
  it('English texts have no CJK and Chinese texts no English words (docs, labels, sources, summaries)', () => {
    const out: string[] = [];
    const seen = new Set<unknown>();
    const walk = (p: string, v: unknown) => {
      if (!v || typeof v !== 'object' || seen.has(v)) return;
      seen.add(v);
      const t = v as Record<string, unknown>;
      if (typeof t.en === 'string' && typeof t.zh === 'string') {
        if (CJK.test(t.en)) out.push(`${p} en: ${t.en}`);
        if (latinWords(t.zh).length) out.push(`${p} zh: ${t.zh}`);
        return;
      }
      for (const k of Object.keys(t)) walk(`${p}.${k}`, t[k]);
    };
    walk('scenario', scenarioSpec);
    walk('tactics', TACTICS);
    walk('industries', INDUSTRIES);
    expect(out).toEqual([]);
  });
});
