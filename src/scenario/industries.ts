import { assumed, reported, type Source } from '../lib/source';
import type { Text } from '../lib/text';
import { isoWeekOf } from '../sim';
import { festivalWindowsBetween, type FestivalId } from '../sim';

/**
 * Industry presets (docs/domain.md § How industries differ): the STAR whitepaper's four customer-behaviour factors, the baseline flows
 * and order values they imply, and a demand curve. The factor levels follow the whitepaper's classification table
 * (行业消费者行为与用户运营关联); the daily probabilities that express them are assumptions, chosen so that the
 * orderings the whitepaper states hold (e.g. supermarket buyers buy far more often than 3C buyers; beauty loses repeat
 * buyers faster than 3C) and read sensibly per year (beauty: about a third of the private domain buys within a year,
 * a repeat buyer orders about three times a year, a lapse takes about eight months) — see docs/presets.md. A user can
 * change every one of them.
 */
export const INDUSTRY_IDS = ['beauty', 'apparel', 'electronics', 'supermarket', 'food', 'motherBaby', 'custom'] as const;
export type IndustryId = (typeof INDUSTRY_IDS)[number];

/** 1 = low / short / weak … 5 = high / long / strong. */
export interface BehaviourFactors {
  decisionCycle: number;
  consultation: number;
  stickiness: number;
  frequency: number;
}

export interface IndustryPreset {
  id: IndustryId;
  name: Text;
  story: Text;
  factors: BehaviourFactors;
  /** Baseline daily probabilities (scenario `baseline` block). */
  forward: { R0: number; R1: number; R2: number; R3: number; R4: number };
  reverse: { R1: number; R2: number; R3: number; R4: number; R5: number };
  repeat: number;
  /** A BG/NBD parameter set with the same mean purchase rate (per day) for users who choose that model. */
  bgnbd: { r: number; alpha: number; a: number; b: number };
  orderValue: { mean: number; sd: number };
  margin: number;
  /** Price sensitivity of the industry's customers (multiplies coupon response), 1 = average. */
  priceSensitivity: number;
  /** Demand index by ISO week 1..52 (week 53 repeats week 52), mean about 1. */
  weekly: number[];
  /** Extra demand during shopping festivals: the main phase gets +lift, the peak day +2·lift, presale +0.3·lift. */
  festivalLift: Partial<Record<FestivalId, number>>;
  /** Extra demand in the 年货节 / Spring Festival weeks is part of festivalLift.newYearGoods. */
  sources: Source[];
}

/** A smooth weekly curve from a few (week, level) anchors, linearly interpolated around the year. */
function curve(anchors: [number, number][]): number[] {
  const out: number[] = [];
  const pts = [...anchors].sort((a, b) => a[0] - b[0]);
  for (let w = 1; w <= 52; w++) {
    let lo = pts[pts.length - 1]!;
    let hi = pts[0]!;
    for (const pnt of pts) {
      if (pnt[0] <= w) lo = pnt;
    }
    for (let k = pts.length - 1; k >= 0; k--) if (pts[k]![0] >= w) hi = pts[k]!;
    const span = ((hi[0] - lo[0] + 52) % 52) || 52;
    const at = ((w - lo[0] + 52) % 52) / span;
    out.push(+(lo[1] + (hi[1] - lo[1]) * (lo === hi ? 0 : at)).toFixed(3));
  }
  const mean = out.reduce((a, b) => a + b, 0) / out.length;
  return out.map((x) => +(x / mean).toFixed(3));
}

/** The whitepaper's factor levels for one industry, and the assumption that turns them into daily flows. */
function factorSources(en: string, zh: string): Source[] {
  return [
    reported('whitepaper-industry-factors', `Tencent whitepaper (2023): ${en}`, `腾讯全域用户运营白皮书(2023):${zh}`),
    assumed(
      'the daily flows, order values and seasonality that express these factors; they keep the whitepaper’s orderings and read sensibly per year',
      '体现这些因子的每日流转概率、客单价与季节性;保持白皮书给出的行业排序,并按年看合理',
    ),
  ];
}

export const INDUSTRIES: Record<IndustryId, IndustryPreset> = {
  beauty: {
    id: 'beauty',
    name: { en: 'Beauty', zh: '美妆' },
    story: {
      en: 'Growing market, many new brands, weak stickiness: customers compare products and switch brands at the next purchase. Reach R1–R3 efficiently at scale, then lift the R5 share.',
      zh: '市场增长、新品牌层出,品牌粘性弱:消费者购前比较、复购时易换品牌。高效扩容 R1–R3,再提升 R5 占比。',
    },
    factors: { decisionCycle: 4, consultation: 5, stickiness: 2, frequency: 3 },
    forward: { R0: 0.0002, R1: 0.002, R2: 0.0012, R3: 0.0012, R4: 0.0012 },
    reverse: { R1: 0.006, R2: 0.005, R3: 0.002, R4: 0.0025, R5: 0.004 },
    repeat: 0.008,
    bgnbd: { r: 0.6, alpha: 75, a: 1.2, b: 4 },
    orderValue: { mean: 220, sd: 160 },
    margin: 0.6,
    priceSensitivity: 1,
    weekly: curve([[1, 1.05], [10, 1.15], [20, 1.1], [30, 0.85], [40, 0.95], [46, 1.2], [52, 1.1]]),
    festivalLift: { womensDay: 0.6, may20: 0.4, mid618: 0.8, qixi: 0.4, double11: 1.5, double12: 0.4, newYearGoods: 0.2 },
    sources: [
      ...factorSources('beauty has a long decision cycle, strong pre-purchase consultation and weak stickiness', '美妆决策周期长、购前咨询意愿强、品牌粘性弱'),
      reported('whitepaper-beauty', 'Tencent whitepaper: beauty customers compare products and switch brands at the next purchase', '腾讯全域用户运营白皮书:美妆消费者购前多方比较,下次购买时容易换品牌'),
    ],
  },
  apparel: {
    id: 'apparel',
    name: { en: 'Apparel', zh: '服饰' },
    story: {
      en: 'Mature and seasonal, fast trends, decision fatigue: customers want help deciding (groups, official accounts, livestreams). Build R3, then R5 through close communication.',
      zh: '成熟且季节性强、潮流更迭快,消费者希望获得决策帮助(社群、公众号、直播)。先沉淀 R3,再通过紧密沟通培养 R5。',
    },
    factors: { decisionCycle: 3, consultation: 4, stickiness: 2, frequency: 2 },
    // Repeat and second purchase lowered (issue 9): 0.006 and 0.0008 gave 39 % annual repurchase doing nothing and
    // 70 % in the member-operations preset; these give about a third (docs/presets.md § Industries).
    forward: { R0: 0.0002, R1: 0.002, R2: 0.0012, R3: 0.001, R4: 0.0006 },
    reverse: { R1: 0.006, R2: 0.005, R3: 0.002, R4: 0.002, R5: 0.003 },
    repeat: 0.0045,
    bgnbd: { r: 0.5, alpha: 111, a: 1.3, b: 5 },
    orderValue: { mean: 380, sd: 260 },
    margin: 0.55,
    // Fashion buyers choose by style, fit and brand; a coupon moves them less than grocery shoppers (the whitepaper
    // names price the first reason only for supermarkets): an operator's judgement (docs/presets.md § Industries).
    priceSensitivity: 0.6,
    weekly: curve([[1, 1.2], [6, 0.8], [11, 1.1], [18, 1.0], [28, 0.75], [36, 1.05], [44, 1.25], [50, 1.2]]),
    festivalLift: { womensDay: 0.4, mid618: 0.7, double11: 1.6, double12: 0.4, newYearGoods: 0.3 },
    sources: [
      ...factorSources('apparel has strong pre-purchase consultation, weak stickiness and strong seasons', '服饰购前咨询意愿强、品牌粘性弱、季节性强'),
      reported('whitepaper-apparel', 'Tencent whitepaper: most apparel customers want help deciding, through groups, official accounts and livestreams', '腾讯全域用户运营白皮书:多数服饰消费者希望获得决策帮助,偏好社群、公众号和直播'),
    ],
  },
  electronics: {
    id: 'electronics',
    name: { en: '3C electronics', zh: '3C 电子' },
    story: {
      en: 'High ticket, low frequency, long decision cycle, mostly sold through dealers: keep accumulating R3 and convert it to R4 at launches and festivals; trade-in offers for owners.',
      zh: '高客单、低频次、决策周期长,以经销渠道为主:持续沉淀 R3,在新品发布与大促节点转化为 R4;对老用户推以旧换新。',
    },
    factors: { decisionCycle: 5, consultation: 4, stickiness: 4, frequency: 1 },
    // Second purchase and repeat lowered (issue 9): 0.0003 and 0.0012 gave 33 % three-year repurchase doing nothing,
    // too loyal for replacement cycles of about three years; these give about 18 % (docs/presets.md § Industries).
    forward: { R0: 0.0001, R1: 0.00133, R2: 0.0008, R3: 0.0006, R4: 0.00012 },
    reverse: { R1: 0.005, R2: 0.004, R3: 0.0015, R4: 0.0008, R5: 0.0008 },
    repeat: 0.0006,
    bgnbd: { r: 0.4, alpha: 667, a: 1.5, b: 6 },
    orderValue: { mean: 2600, sd: 2000 },
    margin: 0.2,
    priceSensitivity: 0.8,
    weekly: curve([[1, 1.0], [8, 0.85], [24, 1.2], [30, 0.85], [37, 1.2], [45, 1.3], [52, 1.0]]),
    festivalLift: { mid618: 1.4, double11: 1.8, double12: 0.3, newYearGoods: 0.3 },
    sources: [
      ...factorSources('3C has a long decision cycle, strong stickiness and low frequency', '3C 决策周期长、品牌粘性强、消费频次低'),
      reported('whitepaper-3c', 'Tencent whitepaper: 3C is high-ticket and bought rarely; replacement cycles keep getting longer', '腾讯全域用户运营白皮书:3C 客单高、复购低,换机周期越来越长'),
    ],
  },
  supermarket: {
    id: 'supermarket',
    name: { en: 'Supermarket', zh: '商超' },
    story: {
      en: 'Mature, price-sensitive, high frequency: expand R3 and convert it to R5 through an all-channel experience; tune coupons to build a habit that holds without them.',
      zh: '成熟、价格敏感、高频:扩充 R3 并通过全渠道体验转化为 R5;优惠券要培养不依赖券的消费习惯。',
    },
    factors: { decisionCycle: 1, consultation: 1, stickiness: 2, frequency: 5 },
    // Second purchase and repeat lowered (issue 9): 0.008 and 0.04 gave 73 % annual repurchase doing nothing and 92 %
    // in the growth preset; these give about two thirds doing nothing (docs/presets.md § Industries).
    forward: { R0: 0.0004, R1: 0.00333, R2: 0.003, R3: 0.004, R4: 0.005 },
    reverse: { R1: 0.008, R2: 0.006, R3: 0.003, R4: 0.004, R5: 0.003 },
    repeat: 0.03,
    bgnbd: { r: 1.2, alpha: 40, a: 1.5, b: 20 },
    orderValue: { mean: 85, sd: 60 },
    margin: 0.22,
    priceSensitivity: 1.5,
    weekly: curve([[1, 1.1], [5, 1.3], [8, 0.9], [20, 0.95], [30, 0.95], [38, 1.05], [44, 1.0], [52, 1.1]]),
    festivalLift: { newYearGoods: 0.8, mid618: 0.2, double11: 0.3, double12: 0.1 },
    sources: [
      ...factorSources('supermarkets have a short decision cycle, price-driven customers and high frequency', '商超决策周期短、价格驱动、消费频次高'),
      reported('whitepaper-supermarket', 'Tencent whitepaper: price is the first reason to choose a supermarket (price sensitivity 1.5)', '腾讯全域用户运营白皮书:价格是选择商超的首要因素(价格敏感度取 1.5)'),
      reported('coupons-supermarket-lifecycle', 'Supermarket chain: a member is lapsed after 12 months without buying', '商超:会员 12 个月未消费即视为流失'),
    ],
  },
  food: {
    id: 'food',
    name: { en: 'Food & beverage', zh: '食品饮料' },
    story: {
      en: 'Short decision cycle, weak consultation, high frequency: reach widely, make buying a habit (member days, groups, coupons).',
      zh: '决策周期短、购前咨询弱、频次高:广泛触达,培养购买习惯(会员日、社群、优惠券)。',
    },
    factors: { decisionCycle: 1, consultation: 1, stickiness: 2, frequency: 5 },
    // Second purchase lowered from 0.01 (issue 9): F&B's annual repurchase (75 %) sat above the supermarket's, which the
    // whitepaper puts at the same frequency level; 0.006 gives about 68 % (docs/presets.md § Industries).
    forward: { R0: 0.0004, R1: 0.00333, R2: 0.003, R3: 0.005, R4: 0.006 },
    reverse: { R1: 0.008, R2: 0.006, R3: 0.003, R4: 0.004, R5: 0.004 },
    repeat: 0.02,
    bgnbd: { r: 1, alpha: 50, a: 1.4, b: 14 },
    orderValue: { mean: 45, sd: 25 },
    margin: 0.6,
    priceSensitivity: 1.3,
    weekly: curve([[1, 1.05], [5, 1.25], [9, 0.9], [26, 1.1], [32, 1.1], [38, 1.05], [46, 0.95], [52, 1.05]]),
    festivalLift: { newYearGoods: 0.6, qixi: 0.2, mid618: 0.3, double11: 0.5 },
    sources: [
      ...factorSources('food, drinks and restaurants have a short decision cycle, weak consultation and high frequency', '食品饮料与餐饮决策周期短、购前咨询弱、消费频次高'),
      reported('members-tea-1-5', 'Tea-drinks chain: members who order in a month order 1.5 times that month', '茶饮连锁:当月下单的会员平均下单 1.5 次'),
    ],
  },
  motherBaby: {
    id: 'motherBaby',
    name: { en: 'Mother & baby', zh: '母婴' },
    story: {
      en: 'Long decision cycle, strong consultation, strong stickiness and high frequency once a family trusts a brand: guides and groups win the first purchase, then membership keeps it.',
      zh: '决策周期长、购前咨询强,一旦信任品牌则粘性强、频次高:导购与社群促成首购,会员体系维系复购。',
    },
    factors: { decisionCycle: 4, consultation: 5, stickiness: 4, frequency: 4 },
    forward: { R0: 0.0002, R1: 0.002, R2: 0.0012, R3: 0.0012, R4: 0.003 },
    reverse: { R1: 0.006, R2: 0.005, R3: 0.0015, R4: 0.0015, R5: 0.0012 },
    repeat: 0.015,
    bgnbd: { r: 0.9, alpha: 60, a: 1.6, b: 12 },
    orderValue: { mean: 260, sd: 180 },
    margin: 0.35,
    priceSensitivity: 1.1,
    weekly: curve([[1, 1.0], [6, 0.9], [20, 1.0], [30, 0.95], [44, 1.1], [52, 1.0]]),
    festivalLift: { mid618: 0.8, double11: 1.2, double12: 0.3, newYearGoods: 0.2 },
    sources: [
      ...factorSources('mother & baby has a long decision cycle, strong consultation, strong stickiness and high frequency', '母婴决策周期长、购前咨询强、品牌粘性强、消费频次高'),
      reported(['guides-mother-baby-wecom-1m', 'guides-mother-baby-consult-39'], 'Mother-and-baby chain: over 1 M new WeCom contacts in 15 days, 39 % of them bought in the first month', '母婴连锁:15 天新增企微好友 100 多万,其中 39% 首月下单'),
    ],
  },
  custom: {
    id: 'custom',
    name: { en: 'Custom', zh: '自定义' },
    story: { en: 'No industry preset: every figure is the scenario’s own.', zh: '不使用行业预设:所有参数由场景自行设定。' },
    factors: { decisionCycle: 3, consultation: 3, stickiness: 3, frequency: 3 },
    forward: { R0: 0.0002, R1: 0.002, R2: 0.0012, R3: 0.0012, R4: 0.002 },
    reverse: { R1: 0.006, R2: 0.005, R3: 0.002, R4: 0.002, R5: 0.003 },
    repeat: 0.01,
    bgnbd: { r: 0.7, alpha: 70, a: 1.3, b: 6 },
    orderValue: { mean: 200, sd: 150 },
    margin: 0.4,
    priceSensitivity: 1,
    weekly: new Array<number>(52).fill(1),
    festivalLift: {},
    sources: [assumed('middle values for every factor and flow; set your own', '各因子与流转概率取中间值,请按实际设定')],
  },
};

/**
 * The demand index of each simulated day for a weekly curve plus festival lifts (lunar festivals resolved by the
 * calendar, so the Spring Festival weeks move with the year).
 */
export function demandIndex(
  weekly: readonly number[],
  lifts: Partial<Record<FestivalId, number>>,
  startDay: number,
  days: number,
): number[] {
  const out = new Array<number>(days);
  for (let d = 0; d < days; d++) {
    const { week } = isoWeekOf(startDay + d);
    out[d] = weekly[Math.min(week, weekly.length) - 1] ?? 1;
  }
  for (const [id, lift] of Object.entries(lifts) as [FestivalId, number][]) {
    for (const w of festivalWindowsBetween(id, startDay, startDay + days - 1)) {
      const bump = (a: number, b: number, x: number) => {
        for (let day = Math.max(a, startDay); day <= Math.min(b, startDay + days - 1); day++) out[day - startDay]! *= 1 + x;
      };
      if (w.presale) bump(w.presale[0], w.presale[1], 0.3 * lift);
      bump(w.main[0], w.main[1], lift);
      bump(w.peak, w.peak, 0.5 * lift); // the peak day gets about twice the main-phase lift in all
    }
  }
  return out;
}
