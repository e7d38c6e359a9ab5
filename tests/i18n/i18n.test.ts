import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { placeholders, translate } from '../../src/i18n/index';
import { compact, formatKind, money, percent, plain, ratio, signed, tickFormat } from '../../src/i18n/numbers';
import { formatDay, formatDuration, formatMonthTick } from '../../src/i18n/dates';
import { localText } from '../../src/i18n/local-text';
import { parseIsoDate } from '../../src/sim/civil-date';

describe('dictionaries', () => {
  it('have the same keys in both languages, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) expect(v.trim(), `en ${k}`).not.toBe('');
    for (const [k, v] of Object.entries(zh)) expect(v.trim(), `zh ${k}`).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const k of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(zh[k]), k).toEqual(placeholders(en[k]));
  });

  it('Chinese texts are Chinese where English ones are words', () => {
    // Every message with three or more English words must have CJK characters in Chinese (catches untranslated copies).
    // The STAR letters' English names are shown on purpose next to the Chinese ones.
    const bilingual = new Set(['star.S.sub', 'star.T.sub', 'star.A.sub', 'star.R.sub']);
    const untranslated = (Object.keys(en) as (keyof typeof en)[]).filter(
      (k) => !bilingual.has(k) && /([A-Za-z]{3,}\s+){2,}[A-Za-z]{3,}/.test(en[k]) && !/[\u4e00-\u9fff]/.test(zh[k]),
    );
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('zh', 'run.progress', { done: 3, total: 24 })).toBe('3 / 24 次运行');
    expect(translate('en', 'run.progress', { done: 3, total: 24 })).toBe('3 / 24 runs');
  });
});

describe('number formats', () => {
  it('write Chinese numbers in 万 and 亿', () => {
    expect(compact(1_234_567, 'zh')).toBe('123.5万');
    expect(compact(230_000_000, 'zh')).toBe('2.3亿');
    expect(compact(50_000, 'zh')).toBe('5万');
    expect(compact(8532, 'zh')).toBe('8,532');
    expect(compact(99_999_999, 'zh')).toBe('1亿');
    expect(compact(-1_234_567, 'zh')).toBe('\u2212123.5万');
  });
  it('write English numbers with k / M / B', () => {
    expect(compact(1_234_567, 'en')).toBe('1.23M');
    expect(compact(230_000_000, 'en')).toBe('230M');
    expect(compact(999_600, 'en')).toBe('1M');
    expect(compact(12_345, 'en')).toBe('12.3k');
    expect(compact(8532, 'en')).toBe('8,532');
    expect(compact(0.333, 'en')).toBe('0.33');
  });
  it('money, percent, ratio and signs', () => {
    expect(money(1_234_567, 'zh')).toBe('¥123.5万');
    expect(money(41.2, 'en')).toBe('¥41.2');
    expect(money(3_400_000, 'en')).toBe('¥3.4M');
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(0.00035)).toBe('0.035%');
    expect(percent(0)).toBe('0%');
    expect(ratio(3.254)).toBe('3.25');
    expect(signed(3400, (v) => compact(v, 'en'))).toBe('+3,400');
    expect(signed(-3400, (v) => compact(v, 'zh'))).toBe('\u22123,400');
    expect(plain(1234567.891, 2)).toBe('1,234,567.89');
    expect(compact(NaN, 'zh')).toBe('—');
  });
  it('negative percentages keep their minus sign (U+2212) and are ×100 like positive ones', () => {
    const M = '\u2212';
    expect(percent(-0.1234)).toBe(`${M}12.3%`);
    expect(percent(-0.00035)).toBe(`${M}0.035%`);
    expect(percent(-1)).toBe(`${M}100%`);
    expect(percent(0.5)).toBe('50%');
    expect(formatKind(-0.2, 'percent', 'en')).toBe(`${M}20%`);
    expect(formatKind(-0.2, 'percent', 'zh')).toBe(`${M}20%`);
    expect(tickFormat('percent', 'en')(-0.05)).toBe(`${M}5%`);
    expect(signed(-0.05, percent)).toBe(`${M}5%`);
    expect(signed(0.05, percent)).toBe('+5%');
    expect(money(-41.2, 'en')).toBe(`${M}¥41.2`);
    expect(ratio(-3.254)).toBe(`${M}3.25`);
  });
});

describe('dates', () => {
  const d = parseIsoDate('2026-03-08')!;
  it('format days in both languages', () => {
    expect(formatDay(d, 'zh')).toBe('2026年3月8日');
    expect(formatDay(d, 'en')).toBe('8 Mar 2026');
    expect(formatMonthTick(parseIsoDate('2027-01-01')!, 'zh')).toBe('2027年');
    expect(formatMonthTick(parseIsoDate('2026-05-01')!, 'en')).toBe('May');
  });
  it('format durations', () => {
    expect(formatDuration(45, 'zh')).toBe('45 秒');
    expect(formatDuration(125, 'en')).toBe('2 min 5 s');
  });
  it('picks a scenario text in the language, falling back to the other', () => {
    expect(localText({ en: 'A', zh: '甲' }, 'zh')).toBe('甲');
    expect(localText({ en: 'A' }, 'zh')).toBe('A');
    expect(localText('plain', 'en')).toBe('plain');
  });
});

describe('keys built at run time', () => {
  it('exist for every tier, weekday, phase, repeat model, built-in cause and compared series', async () => {
    const { TIERS } = await import('../../src/sim/tiers');
    const { WEEKDAYS, FESTIVAL_PHASES } = await import('../../src/sim/schedule');
    const { BUILTIN_CAUSES } = await import('../../src/sim/config');
    const { COMPARED_SERIES } = await import('../../src/sim/results/compare');
    const { scenarioSpec } = await import('../../src/scenario/schema');
    const baseline = scenarioSpec.fields.baseline as { fields: Record<string, { kind: string; variants?: Record<string, unknown> }> };
    const keys = [
      ...TIERS.flatMap((t) => [`tier.${t}`, `tierShort.${t}`]),
      ...WEEKDAYS.map((w) => `weekday.${w}`),
      ...FESTIVAL_PHASES.map((p) => `phase.${p}`),
      ...Object.keys(baseline.fields.repeatModel!.variants!).map((v) => `repeatModel.${v}`),
      ...BUILTIN_CAUSES.map((c) => `cause.${c}`),
      ...COMPARED_SERIES.map((s) => `compare.metric.${s}`),
      ...['S', 'T', 'A', 'R'].flatMap((l) => [`star.${l}`, `star.${l}.sub`, `star.${l}.desc`]),
    ];
    for (const k of keys) expect(en, k).toHaveProperty([k]);
  });
});
