import { describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/scenario/compile';
import type { Scenario } from '../../src/scenario/types';
import { addDays } from '../../src/sim/civil-date';
import { runMeanField } from '../../src/sim/projection/meanfield';
import { loadPreset, presetFiles } from './plausibility';

/**
 * Each preset's text says what the file does (issue 9, part 4): every number, date and count its English and Chinese
 * descriptions state is read from the text and compared with the file, so changing one without the other fails.
 */
type Tactic = Scenario['tactics'][number] & Record<string, unknown>;
const tactic = (s: Scenario, id: string) => s.tactics.find((t) => t.id === id) as Tactic;
const market = (s: Scenario) => s.population.agents * s.population.scale;
const lastDay = (s: Scenario) => addDays(s.startDate, s.days - 1);
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "28 September" in the file's year → ISO; "9 月 28 日" → ISO. */
const enDate = (s: Scenario, day: string, month: string, year?: string) =>
  `${year ?? s.startDate.slice(0, 4)}-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
const zhDate = (s: Scenario, month: string, day: string, year?: string) => `${year ?? s.startDate.slice(0, 4)}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
const WEEKDAY_ZH: Record<string, string> = { 一: 'mon', 二: 'tue', 三: 'wed', 四: 'thu', 五: 'fri', 六: 'sat', 日: 'sun' };
const num = (x: string) => Number(x.replace(/[ ,]/g, ''));

interface Claim {
  what: string;
  /** Reads the stated value from the text (undefined when the text does not state it). */
  en: (text: string, s: Scenario) => unknown;
  zh: (text: string, s: Scenario) => unknown;
  /** What the file does. */
  file: (s: Scenario) => unknown;
}

const m = (re: RegExp, f: (g: RegExpMatchArray) => unknown) => (text: string) => {
  const g = text.match(re);
  return g ? f(g) : undefined;
};

/** Claims every business preset makes: the market it states. */
const MARKET: Claim = {
  what: 'the market, in people (agents × scale)',
  en: m(/(\d+(?:\.\d+)?) million people/, (g) => num(g[1]!) * 1e6),
  zh: m(/(\d+) 万人/, (g) => num(g[1]!) * 1e4),
  file: market,
};

const CLAIMS: Record<string, Claim[]> = {
  'apparel-member-deep-operations': [
    MARKET,
    { what: 'the member day', en: m(/a (\w+)day member day/, (g) => g[1]!.slice(0, 3).toLowerCase()), zh: m(/每周(.)会员日/, (g) => WEEKDAY_ZH[g[1]!]), file: (s) => (tactic(s, 'membership').memberDays as { weekly: string[] }).weekly.join() },
  ],
  'beauty-double11-peak': [
    MARKET,
    { what: 'the horizon in weeks', en: m(/^Twelve weeks/, () => 12), zh: m(/十二周/, () => 12), file: (s) => s.days / 7 },
    { what: 'the first day', en: m(/\((\d+) (\w+) to/, (g) => g), zh: m(/(\d+) 月 (\d+) 日至/, (g) => g), file: (s) => s.startDate },
    { what: 'the last day', en: m(/to (\d+) (\w+)\)/, (g) => g), zh: m(/至 (\d+) 月 (\d+) 日/, (g) => g), file: lastDay },
    { what: 'groups', en: m(/(\d+) groups/, (g) => num(g[1]!)), zh: m(/(\d+) 个社群/, (g) => num(g[1]!)), file: (s) => tactic(s, 'beauty-groups').groups },
    { what: 'content doubled from', en: m(/doubled from (\d+) (\w+)/, (g) => g), zh: m(/(\d+) 月 (\d+) 日起至高峰内容加倍/, (g) => g), file: (s) => (tactic(s, 'preheat-content').schedule as { windows: { from: string; effort: number }[] }).windows.find((w) => w.effort === 2)!.from },
    { what: 'presale coupon', en: m(/¥(\d+)-off-¥(\d+)/, (g) => `${g[1]}/${g[2]}`), zh: m(/满 (\d+) 减 (\d+)/, (g) => `${g[2]}/${g[1]}`), file: (s) => `${tactic(s, 'presale-coupons').faceValue}/${tactic(s, 'presale-coupons').threshold}` },
    { what: 'peak-day sessions', en: m(/(three) sessions’ worth/, () => 3), zh: m(/高峰日按(三)场/, () => 3), file: (s) => (tactic(s, 'peak-lives').schedule as { festivals: { phase: string; effort?: number }[] }).festivals.find((f) => f.phase === 'peak')!.effort },
    { what: 'the pack’s window', en: m(/from (\d+) (\w+) to (\d+) (\w+) to bring/, (g) => g), zh: m(/(\d+) 月 (\d+) 日至 (\d+) 月 (\d+) 日首单后/, (g) => g), file: (s) => { const w = (tactic(s, 'after-peak-pack').schedule as { windows: { from: string; to: string }[] }).windows[0]!; return `${w.from}/${w.to}`; } },
  ],
  'beauty-omnichannel-acquisition': [MARKET],
  'electronics-product-launch': [
    MARKET,
    { what: 'the launch day', en: m(/on (\d+) (\w+) (\d{4})/, (g) => g), zh: m(/(\d{4}) 年 (\d+) 月 (\d+) 日发布/, (g) => g), file: (s) => (tactic(s, 'launch-live').schedule as { dates: string[] }).dates[0] },
    { what: 'the first month', en: m(/From (\w+) it/, (g) => g[1]), zh: m(/自 (\d+) 月起/, (g) => MONTHS[num(g[1]!) - 1]), file: (s) => MONTHS[num(s.startDate.slice(5, 7)) - 1] },
  ],
  'supermarket-omnichannel-growth': [
    MARKET,
    { what: 'groups', en: m(/([\d ]+) neighbourhood groups/, (g) => num(g[1]!)), zh: m(/(\d+) 个社区群/, (g) => num(g[1]!)), file: (s) => tactic(s, 'neighbourhood-groups').groups },
    { what: 'group size', en: m(/of up to (\d+) people/, (g) => num(g[1]!)), zh: m(/每群最多 (\d+) 人/, (g) => num(g[1]!)), file: (s) => tactic(s, 'neighbourhood-groups').capacity },
    { what: 'groups per operator', en: m(/one operator running (three)/, () => 3), zh: m(/每名运营负责 (\d+) 个群/, (g) => num(g[1]!)), file: (s) => tactic(s, 'neighbourhood-groups').groupsPerOperator },
    { what: 'the weekly coupon', en: m(/¥(\d+) off ¥(\d+)/, (g) => `${g[1]}/${g[2]}`), zh: m(/满 (\d+) 减 (\d+)/, (g) => `${g[2]}/${g[1]}`), file: (s) => `${tactic(s, 'weekly-manjian').faceValue}/${tactic(s, 'weekly-manjian').threshold}` },
    { what: 'store staff', en: m(/(\d+) store staff/, (g) => num(g[1]!)), zh: m(/(\d+) 名门店员工/, (g) => num(g[1]!)), file: (s) => tactic(s, 'store-staff').guides },
    { what: 'the staff allowance, yuan a month', en: m(/¥([\d ]+) monthly allowance/, (g) => num(g[1]!)), zh: m(/每月 ([\d ]+) 元/, (g) => num(g[1]!)), file: (s) => tactic(s, 'store-staff').guideCostPerMonth },
    { what: 'the member day', en: m(/a (\w+)day member day/, (g) => g[1]!.slice(0, 3).toLowerCase()), zh: m(/周(.)会员日/, (g) => WEEKDAY_ZH[g[1]!]), file: (s) => (tactic(s, 'membership').memberDays as { weekly: string[] }).weekly.join() },
    { what: 'the recall, every N days', en: m(/a (monthly) recall coupon/, () => 30), zh: m(/(每月)向流失用户发召回券/, () => 30), file: (s) => (tactic(s, 'recall-coupon').schedule as { everyDays: number }).everyDays },
  ],
  'teaching-community-groups': [{ what: 'groups', en: m(/(\d+) WeCom groups/, (g) => num(g[1]!)), zh: m(/(\d+) 个企微群/, (g) => num(g[1]!)), file: (s) => tactic(s, 'wecom-groups').groups }],
  'teaching-coupons': [{ what: 'the coupon day', en: m(/every (\w+)day/, (g) => g[1]!.slice(0, 3).toLowerCase()), zh: m(/每周(.)/, (g) => WEEKDAY_ZH[g[1]!]), file: (s) => (tactic(s, 'monday-coupons').schedule as { weekly: string[] }).weekly.join() }],
  'teaching-livestream': [{ what: 'the session day', en: m(/every (\w+)day/, (g) => g[1]!.slice(0, 3).toLowerCase()), zh: m(/每周(.)一场/, (g) => WEEKDAY_ZH[g[1]!]), file: (s) => (tactic(s, 'saturday-live').schedule as { weekly: string[] }).weekly.join() }],
  'teaching-markov-chain': [{ what: 'identical customers', en: m(/(identical customers)/, () => false), zh: m(/(所有人相同)/, () => false), file: (s) => s.population.heterogeneity }],
  'teaching-word-of-mouth': [{ what: 'the horizon in days', en: m(/(two)-year horizon/, () => 730), zh: m(/(两年)的时长/, () => 730), file: (s) => s.days }],
};

/** Dates read as regex groups become ISO dates in the file's year (or the year stated). */
function normalise(v: unknown, s: Scenario, lang: 'en' | 'zh'): unknown {
  if (!Array.isArray(v)) return v;
  const g = v as string[];
  if (lang === 'en') {
    if (g.length === 5) return `${enDate(s, g[1]!, g[2]!)}/${enDate(s, g[3]!, g[4]!)}`;
    return enDate(s, g[1]!, g[2]!, g[3]);
  }
  if (g.length === 5) return `${zhDate(s, g[1]!, g[2]!)}/${zhDate(s, g[3]!, g[4]!)}`;
  return g.length === 4 ? zhDate(s, g[2]!, g[3]!, g[1]) : zhDate(s, g[1]!, g[2]!);
}

describe('every preset’s text agrees with its file (both languages)', () => {
  it('every preset has its claims listed', () => {
    expect(Object.keys(CLAIMS).sort()).toEqual(presetFiles().map((f) => f.replace(/\.json$/, '')));
  });

  for (const [id, claims] of Object.entries(CLAIMS)) {
    for (const c of claims.filter((x) => x.file(loadPreset(`${id}.json`)) !== undefined)) {
      it(`${id}: ${c.what}`, () => {
        const s = loadPreset(`${id}.json`);
        const d = s.description as { en: string; zh: string };
        const en = normalise(c.en(d.en, s), s, 'en');
        const zh = normalise(c.zh(d.zh, s), s, 'zh');
        expect(en, `${id} English text does not state ${c.what}`).toBeDefined();
        expect(zh, `${id} Chinese text does not state ${c.what}`).toBeDefined();
        expect(en, `${id} English: ${c.what}`).toEqual(c.file(s));
        expect(zh, `${id} Chinese: ${c.what}`).toEqual(c.file(s));
      });
    }
  }

  it('teaching-word-of-mouth: about half reached after 14 months and nearly all after two years, as its text says (the mean field)', () => {
    const s = loadPreset('teaching-word-of-mouth.json');
    const r = runMeanField(compileScenario(s));
    const reached = (day: number) => 1 - r.tiers.R0![day]! / market(s);
    expect(reached(426)).toBeGreaterThan(0.4);
    expect(reached(426)).toBeLessThan(0.6);
    expect(reached(730)).toBeGreaterThan(0.95);
  });
});
