import { assumed, reported } from '../../lib/source';
import { Adstock, hill } from '../response';
import { TRAIT_RESPOND } from '../step/sources';
import { R0, R1, R2, R3, R4, R5 } from '../tiers';
import type { RunState } from '../step/run-state';
import type { MeanFieldDay } from '../projection/meanfield-day';
import type { TacticConfig } from '../config';
import { stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime } from './types';
import { halfLife, hillShape, num, schedule, share, key, ranged, decided, WHY, tacticParams } from './common';

/**
 * Paid ads (朋友圈广告 / 视频号投放). Daily spend buys impressions at a CPM; carried over by adstock, the impressions
 * per targeted person (R0–R2) pass through a Hill curve whose value is the share of targeted people reached that day.
 * With the default ec = 1 and s = 1 this is f/(1+f), close to the unique-reach curve 1 − e^(−f) of a Poisson number of
 * impressions — diminishing returns come from frequency, as in media planning. Reach can never exceed one person
 * per impression. Reached R0 people become R1; of the people reached, `engageRate` interact (R1 → R2) and
 * `directBuyRate` buy at once in the mini-program (R1/R2 → R4). A share of the spend (`retargetShare`) retargets warm
 * audiences — followers, contacts, buyers (R3–R5) — through the same reach curve on their pool: of the warm people
 * reached, `retargetBuyRate` buy (R3 → R4, or a purchase by a buyer).
 *
 * Audiences overlap from day to day: a campaign's targeting reaches only `audienceShare` of the people around the
 * brand, and the same people see its ads again. The cold reach works on that audience: the impressions per person
 * are over the audience, and R0 people leave R0 only while audience members are still there (the expected audience
 * left in R0 is carried from day to day, the same in the agent engine and the mean field). So a heavy campaign
 * saturates at its audience instead of reaching the whole market within weeks.
 */
export type AdsParams = ParamsOf<typeof ads.params>;

/** Pressure (share of the targeted pool reached today) for an adstocked spend and a pool of real people. */
export function adsPressure(spend: number, pool: number, prm: AdsParams): number {
  if (spend <= 0 || pool <= 0) return 0;
  const frequency = (spend * 1000) / prm.cpm / pool;
  return Math.min(frequency, hill(frequency, prm.halfSaturationFrequency, prm.shape));
}

function readParams(cfg: TacticConfig): AdsParams {
  return paramsOf(cfg.params);
}

function paramsOf(q: Record<string, unknown>): AdsParams {
  return tacticParams(ads.params, q);
}

/** The day's effect shared by the agent engine and the mean field (ads act on whole tiers). */
class AdsDay {
  private readonly adstock: Adstock;
  constructor(
    private readonly cfg: TacticConfig,
    private readonly prm: AdsParams,
    private readonly cause: number,
  ) {
    this.adstock = new Adstock(prm.halfLifeDays);
  }
  /** Real people of the audience still in R0 (expected); negative until the first day sets it. */
  audienceLeft = -1;
  /**
   * Add today's sources; returns today's spend. `coldPool`: real people in R0–R2; `warmPool`: in R3–R5; `r0`: real
   * people in R0.
   */
  apply(day: number, coldPool: number, warmPool: number, r0: number, sources: RunState['sources']): number {
    const prm = this.prm;
    const spend = prm.dailySpend * (this.cfg.schedule[day] ?? 0);
    const carried = this.adstock.step(spend);
    if (this.audienceLeft < 0) this.audienceLeft = r0 * prm.audienceShare;
    // The audience never holds more R0 people than there are.
    this.audienceLeft = Math.min(this.audienceLeft, r0);
    const reach = adsPressure(carried * (1 - prm.retargetShare), coldPool * prm.audienceShare, prm);
    if (reach > 0) {
      // Of today's R0, only the audience members still there can be reached.
      const fromR0 = r0 > 0 ? (reach * this.audienceLeft) / r0 : 0;
      this.audienceLeft -= reach * this.audienceLeft;
      sources.addForward(R0, R1, fromR0, TRAIT_RESPOND, this.cause);
      sources.addForward(R1, R2, reach * prm.engageRate, TRAIT_RESPOND, this.cause);
      sources.addForward(R1, R4, reach * prm.directBuyRate, TRAIT_RESPOND, this.cause);
      sources.addForward(R2, R4, reach * prm.directBuyRate, TRAIT_RESPOND, this.cause);
    }
    const warm = adsPressure(carried * prm.retargetShare, warmPool, prm);
    if (warm > 0) {
      const buy = warm * prm.retargetBuyRate;
      sources.addForward(R3, R4, buy, TRAIT_RESPOND, this.cause);
      sources.addBuyChance(R4, buy, this.cause);
      sources.addBuyChance(R5, buy, this.cause);
    }
    return spend;
  }
  /** The carried-over spend (checkpoint.ts). */
  get level(): number {
    return this.adstock.level;
  }
  set level(v: number) {
    this.adstock.level = v;
  }
}

function pool(count: (t: number) => number): number {
  return count(R0) + count(R1) + count(R2);
}

function warmPool(count: (t: number) => number): number {
  return count(R3) + count(R4) + count(R5);
}

export const ads = {
  type: 'ads',
  name: { en: 'Paid ads (Moments / Channels)', zh: '付费广告(朋友圈 / 视频号)' },
  summary: {
    en: 'Daily spend buys impressions; people reached move R0 → R1, some interact (R1 → R2) or buy at once (→ R4); a share of the spend retargets followers and buyers, some of whom buy.',
    zh: '每日预算购买曝光;触达的人从 R0 进入 R1,部分互动(R1→R2)或直接下单(→R4);部分预算再营销粉丝与老客,其中部分下单。',
  },
  moves: [
    [R0, R1],
    [R1, R2],
    [R1, R4],
    [R2, R4],
    [R3, R4],
  ],
  purchases: [R4, R5],
  params: {
    schedule: schedule({ daily: true }),
    dailySpend: decided(key(num('yuanPerDay', 0, 1e8, 20000, assumed('a mid-size brand’s daily feed-ad budget; set your own', '按中等规模品牌的日常信息流广告预算设定,请按实际填写'), {
      en: 'Spend on scheduled days (multiplied by the schedule’s effort)',
      zh: '投放日的预算(乘以排期的投入倍数)',
    }))),
    cpm: ranged(key(num('yuanPerThousand', 1, 1000, 40, assumed('Moments ads are usually priced at tens of yuan per 1 000 impressions', '朋友圈广告的千次曝光价格通常在几十元'), {
      en: 'Cost per 1 000 impressions',
      zh: '千次曝光成本',
    })), 25, 70, { en: 'Moments ad prices vary with the audience and the season, from about ¥25 to ¥70 per 1 000 impressions', zh: '朋友圈广告价格随人群与季节变化,千次曝光约 25 至 70 元' }),
    halfLifeDays: halfLife(3, reported('method-robyn-carryover', 'Meta Robyn’s rule of thumb for digital media (carry-over 0–0.3 a week) comes to about 3 days', 'Meta 旗下 Robyn 工具对数字媒体的经验值(每周留存 0–0.3)折合约 3 天')),
    halfSaturationFrequency: num('perPerson', 0.01, 20, 1, reported('method-unique-reach', 'Unique reach: at about one impression per person a day, roughly half the pool is reached', '独立触达规律:人均每天约 1 次曝光时,约一半目标人群被触达'), {
      en: 'Impressions per targeted person per day at which half the pool is reached (Hill ec)',
      zh: '目标人群人均每日曝光达到多少时触达一半人群(Hill 半饱和点)',
    }),
    shape: hillShape(1, reported('method-unique-reach', 'Unique reach 1 − e^(−f) is close to a saturation curve with shape 1', '独立触达曲线 1 − e^(−f) 与形状参数为 1 的饱和曲线非常接近')),
    engageRate: ranged(key(share(0.02, assumed('feed ads are usually clicked by 1–2 % of those who see them', '信息流广告的点击率通常为 1–2%'), {
      en: 'Share of reached R1 people who interact (click, watch, follow): R1 → R2',
      zh: '被触达的 R1 中产生互动(点击、观看、关注)的比例:R1→R2',
    })), 0.01, 0.03, { en: 'Feed ads are usually clicked by 1–2 % of viewers; a strong creative does better', zh: '信息流广告点击率通常为 1%–2%,优秀素材更高' }),
    audienceShare: ranged(share(0.5, assumed('a campaign’s targeting (region, age, interests) reaches about half the people around a brand; the rest do not see its ads however much it spends', '一次投放的定向(地域、年龄、兴趣)约覆盖品牌周边一半的人;其余的人花再多也看不到'), {
      en: 'Share of the people around the brand that the campaign’s targeting can reach (cold audiences)',
      zh: '投放定向可覆盖的品牌周边人群比例(冷启动人群)',
    }), 0.25, 0.8, WHY.unpublished),
    retargetShare: ranged(share(0.3, assumed('about a third of a feed-ad budget goes to custom audiences of followers, contacts and buyers', '信息流广告预算中约三分之一投向粉丝、好友与老客等自定义人群'), {
      en: 'Share of the spend that retargets warm audiences (R3–R5)',
      zh: '投向温热人群(R3–R5)的预算比例(再营销)',
    }), 0.1, 0.5, WHY.unpublished),
    retargetBuyRate: ranged(share(0.002, assumed('of warm people reached on a day, a click (1–2 %) that converts about one time in eight; no figures are published', '当天被触达的温热人群中,点击(1–2%)后约八分之一下单;没有公开数据', ['gaps-not-published']), {
      en: 'Share of the warm people reached who buy (R3 → R4, or a purchase by a buyer)',
      zh: '被触达的温热人群中下单的比例(R3→R4,或老客复购)',
    }), 0.0005, 0.005, WHY.unpublished),
    directBuyRate: ranged(share(0.0005, assumed('very few people buy straight from an ad; most need more contact first', '看到广告就直接下单的人极少,多数人需要更多接触'), {
      en: 'Share of reached R1/R2 people who buy at once in the mini-program: → R4',
      zh: '被触达的 R1/R2 中直接在小程序下单的比例:→R4',
    }), 0.0002, 0.001, WHY.unpublished),
  },
  curve: {
    effortParam: 'dailySpend',
    effortUnit: 'yuanPerDay',
    effortLabel: { en: 'Daily spend', zh: '日预算' },
    pressureLabel: { en: 'Share of the targeted pool (R0–R2) reached per day', zh: '目标人群(R0–R2)每日触达比例' },
    halfLifeParam: 'halfLifeDays',
    ecParam: 'halfSaturationFrequency',
    shapeParam: 'shape',
    pressure: (effort, params, real): number => {
      const prm = paramsOf(params);
      return adsPressure(effort * (1 - prm.retargetShare), (real[0]! + real[1]! + real[2]!) * prm.audienceShare, prm);
    },
  },
  metrics: [
    { key: 'spend', label: { en: 'Spend', zh: '投放花费' }, unit: 'yuan' },
    { key: 'impressions', label: { en: 'Impressions', zh: '曝光次数' }, unit: 'count' },
    { key: 'reached', label: { en: 'People reached (R0 → R1)', zh: '触达人数(R0→R1)' }, unit: 'people' },
    { key: 'costPerReached', label: { en: 'Cost per person reached', zh: '单人触达成本' }, unit: 'yuanPerPerson' },
    { key: 'costPerEngaged', label: { en: 'Cost per person engaged (→ R2) or buying (→ R4)', zh: '单人互动(→R2)或下单(→R4)成本' }, unit: 'yuanPerPerson' },
  ],
  sideEffects: {
    en: 'None on tiers; spend is a cost every scheduled day whether or not it converts.',
    zh: '不直接影响层级;投放日的预算无论转化与否均计入成本。',
  },
  response: {
    en: 'Agents more responsive to marketing (the respond trait) are reached and convert more.',
    zh: '对营销更敏感(响应特质高)的个体更易被触达与转化。',
  },
  create(cfg: TacticConfig, env: TacticEnv): TacticRuntime {
    const prm = readParams(cfg);
    const day = new AdsDay(cfg, prm, env.cause);
    let spend = 0;
    let total = 0;
    return {
      beginDay(s: RunState) {
        spend = day.apply(s.day, pool((t) => s.realCount(t)), warmPool((t) => s.realCount(t)), s.realCount(R0), s.sources);
      },
      endDay(s: RunState) {
        s.rec.cost(env.cause, spend);
        total += spend;
      },
      report(s: RunState) {
        const m = s.rec.rec.causeMoves;
        const at = env.cause * 36;
        const reached = m[at + 1]! * s.config.scale;
        const engaged = (m[at + 6 + 2]! + m[at + 6 + 4]! + m[at + 12 + 4]!) * s.config.scale;
        return [total, (total * 1000) / prm.cpm, reached, reached > 0 ? total / reached : NaN, engaged > 0 ? total / engaged : NaN];
      },
      saveState: () => ({ level: day.level, audienceLeft: day.audienceLeft, spend, total }),
      loadState(st: TacticState) {
        day.level = stateNumber(st, 'level');
        day.audienceLeft = stateNumber(st, 'audienceLeft');
        spend = stateNumber(st, 'spend');
        total = stateNumber(st, 'total');
      },
    };
  },
  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
    const prm = readParams(cfg);
    const day = new AdsDay(cfg, prm, env.cause);
    return {
      beginDay(m: MeanFieldDay) {
        const spend = day.apply(m.day, pool((t) => m.realCount(t)), warmPool((t) => m.realCount(t)), m.realCount(R0), m.sources);
        m.cost(env.cause, spend);
      },
    };
  },
} satisfies TacticDefinition;
