import { probit } from 'simple-statistics';
import { assumed, reported } from '../../lib/source';
import type { TacticConfig } from '../config';
import type { MeanFieldDay } from '../projection/meanfield-day';
import { MemberSet } from '../step/member-set';
import { DORMANT_DAYS } from '../step/moves';
import { IN_GROUP, MEMBER, WECOM } from '../step/population';
import { hill } from '../response';
import type { Order, RunState } from '../step/run-state';
import { TRAIT_PRICE } from '../step/sources';
import { R0, R1, R2, R3, R4, R5, TIERS } from '../tiers';
import { hillShape, num, schedule, share, key, ranged, decided, WHY, tacticParams } from './common';
import { loadArrayOrNull, loadRng, loadSet, saveRng, saveSet, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime, RunEnv } from './types';

/**
 * Coupons (优惠券). Issued on scheduled days to a share of the target tiers (optionally only inside groups, to WeCom
 * contacts, to members, or only to lapsed buyers for a recall), or as a pack of 2–4 after a first order (券包). An
 * agent holds a coupon until it is used or expires; each day a holder redeems with a hazard that rises with the face
 * value (Hill on the face value: the effort) and the agent's price sensitivity, and more in the reminder days before
 * expiry. Redemption is a purchase: a first purchase (→ R4) for R1–R3, an extra purchase chance for buyers (recalling
 * dormant ones). Coupons dropped on everyone redeem less than claimed or targeted ones (in a group, from a guide, for
 * members, a recall). The discount is a cost. A threshold coupon (满减) is used when the basket reaches the threshold,
 * or comes within reach of it (the customer adds to it); a smaller basket is bought without it, and the coupon given
 * up. Redemption pulls
 * purchases forward (the buyer's own purchase chance is lower for a while) and raises discount dependence, which
 * lowers purchasing without a coupon and fades slowly — the habit measure the result reports.
 */
const COUPON_KINDS = ['newCustomer', 'threshold', 'category', 'storewide', 'pack'] as const;
export type CouponKind = (typeof COUPON_KINDS)[number];
const CHANNELS = ['all', 'groups', 'wecom', 'members'] as const;

type CouponParams = Omit<ParamsOf<typeof coupons.params>, 'targets'> & { targets: boolean[] };

function paramsOf(q: Record<string, unknown>): CouponParams {
  const targets = new Array<boolean>(6).fill(false);
  for (const t of q.targets as string[]) targets[TIERS.indexOf(t as (typeof TIERS)[number])] = true;
  return { ...tacticParams(coupons.params, q), targets };
}

/** The pull of a face value: Hill on the discount depth (face value ÷ the mean order), so it means the same in every industry. */
export function couponPull(faceValue: number, meanOrder: number, halfSaturationDepth: number, shape: number): number {
  return hill(faceValue / meanOrder, halfSaturationDepth, shape);
}

/**
 * Daily redemption hazard of a holder before traits: the face value's pull, the industry's price sensitivity,
 * the share of baskets the coupon can apply to (category coupons), and for threshold coupons how far the threshold is
 * above a typical basket.
 */
export function redemptionHazard(prm: CouponParams, meanOrder: number): number {
  let h = prm.redeemRate * couponPull(prm.faceValue, meanOrder, prm.halfSaturationDepth, prm.shape) * prm.priceSensitivity;
  if (isMassDrop(prm)) h *= prm.massRedemption;
  if (prm.kind === 'category') h *= prm.categoryShare;
  if (prm.kind === 'threshold' && prm.threshold > meanOrder) h *= meanOrder / prm.threshold;
  return Math.min(1, h);
}

/** Dropped on everyone in the target tiers: not claimed in a group, sent by a guide, a members' coupon, a recall or a pack after an order. */
export function isMassDrop(prm: Pick<CouponParams, 'channel' | 'lapsedOnly' | 'kind'>): boolean {
  return prm.channel === 'all' && !prm.lapsedOnly && prm.kind !== 'pack';
}

/**
 * What a threshold coupon does to the baskets of the orders it brings, for order values log-normal with this mean and
 * sd: the share of those orders that use it (the basket reaches the threshold, or (1 − reach) × threshold and the
 * customer adds the rest) and the yuan added per order on average. By the quantiles of the distribution (the mean
 * field's twin of the per-order rule in `create`).
 */
export function thresholdBasket(mean: number, sd: number, threshold: number, reach: number, points = 400): { used: number; topUp: number } {
  const cv = mean > 0 ? sd / mean : 0;
  const s2 = Math.log(1 + cv * cv);
  const s = Math.sqrt(s2);
  const mu = Math.log(mean) - s2 / 2;
  const lo = (1 - reach) * threshold;
  let used = 0;
  let topUp = 0;
  for (let k = 0; k < points; k++) {
    const v = s > 0 ? Math.exp(mu + s * probit((k + 0.5) / points)) : mean;
    if (v >= threshold) used++;
    else if (v >= lo) {
      used++;
      topUp += threshold - v;
    }
  }
  return { used: used / points, topUp: topUp / points };
}

/** Category coupons on high-margin goods build about half the dependence of store-wide ones (docs/sources.md#coupons-metro-category). */
function dependenceStepOf(prm: CouponParams): number {
  return prm.kind === 'category' ? prm.dependenceStep / 2 : prm.dependenceStep;
}

export const coupons = {
  type: 'coupons',
  name: { en: 'Coupons', zh: '优惠券' },
  summary: {
    en: 'Coupons issued to target tiers or as a pack after a first order; holders redeem before expiry (first purchase or repeat, recalling lapsed buyers); discounts are a cost; redemption pulls purchases forward and builds discount dependence.',
    zh: '向目标层级发券或首单后发券包;持券人在有效期内核销(首购或复购,召回流失用户);折扣计入成本;核销会提前透支购买并培养价格依赖。',
  },
  moves: [
    [R1, R4],
    [R2, R4],
    [R3, R4],
  ],
  purchases: [R4, R5],
  params: {
    schedule: schedule({ weekly: ['mon'] }),
    kind: key({
      kind: 'enum',
      values: COUPON_KINDS,
      default: 'storewide',
      source: assumed('start with the simplest, store-wide; the five kinds are the ones operators use (new-customer, spend-and-save, category, store-wide coupons and packs)', '从最简单的全场券开始;五种券型即运营常用的新客券、满减券、品类券、全场券和券包'),
      doc: {
        en: 'newCustomer (first order only), threshold (spend-and-save: basket ≥ threshold), category (one category), storewide, pack (2–4 coupons after a first order)',
        zh: '新客券(仅首单)、满减券(满额可用)、品类券、全场券、券包(首单后发 2–4 张)',
      },
    }),
    targets: key({
      kind: 'array',
      maxItems: 5,
      unique: true,
      default: ['R3', 'R4', 'R5'],
      source: assumed('coupons go to people in the private domain and to buyers', '券发给已进入私域的人和已购用户'),
      items: { kind: 'enum', values: ['R1', 'R2', 'R3', 'R4', 'R5'], doc: { en: 'Tier', zh: '层级' } },
      doc: { en: 'Tiers that receive coupons on issue days (not used by packs)', zh: '发券日领券的层级(券包不适用)' },
    }),
    channel: {
      kind: 'enum',
      values: CHANNELS,
      default: 'all',
      source: reported('groups-luckin-cups', 'Luckin Coffee: more than 35 000 cups a day were ordered with coupons sent in its groups; “all” reaches every channel', '瑞幸:社群领券下单每天超过 3.5 万杯;默认“全部”覆盖所有渠道'),
      doc: { en: 'Who can receive: everyone, group members, guides’ WeCom contacts, or registered members', zh: '发放渠道:全部、社群成员、导购企微好友或会员' },
    },
    lapsedOnly: {
      kind: 'boolean',
      default: false,
      source: reported('coupons-supermarket-lifecycle', 'Supermarket chain: a member is lapsed after 12 months without buying and is then recalled; off by default', '商超:会员 12 个月未消费即视为流失,再做召回;默认不限于沉睡买家'),
      doc: { en: 'Only dormant buyers receive (a recall campaign)', zh: '仅向沉睡买家发放(召回活动)' },
    },
    reach: ranged(share(0.2, assumed('a fifth of eligible people receive a coupon on an issue day', '发券日约五分之一的目标人群领到券'), { en: 'Share of eligible people who receive a coupon on an issue day', zh: '发券日符合条件者领到券的比例' }), 0.1, 0.35, WHY.unpublished),
    faceValue: decided(key(num('yuan', 0, 10000, 20, reported('coupons-jiujiuya-20-off-100', 'Jiujiuya snack chain: customers who spend about ¥80 get ¥20 off ¥100', '久久丫:可承受 80 元左右的顾客,发满 100 减 20 的券'), { en: 'Face value (discount) of a coupon', zh: '券面额(优惠金额)' }))),
    threshold: decided(key(num('yuan', 0, 100000, 100, reported('coupons-jiujiuya-20-off-100', 'Jiujiuya snack chain: ¥20 off ¥100 for about ¥80 spenders, ¥30 off ¥300 for ¥200+ spenders', '久久丫:80 元左右的顾客满 100 减 20,200 元以上的满 300 减 30'), {
      en: 'Minimum basket for a spend-and-save (threshold) coupon; the basket is lifted to it',
      zh: '满减券门槛;订单金额被抬升至门槛',
    }))),
    validityDays: decided(key(num('days', 1, 365, 14, assumed('two weeks is a common validity', '两周是常见的有效期'), { en: 'Days a coupon stays valid', zh: '券的有效天数' }, { integer: true }))),
    reminderDays: decided(num('days', 0, 30, 2, assumed('a reminder two days before expiry', '到期前两天提醒'), { en: 'Days before expiry when a reminder is sent', zh: '到期前发送提醒的天数' }, { integer: true })),
    reminderLift: ranged(num('multiplier', 1, 10, 1.8, assumed('a reminder nearly doubles redemption in its days; no redemption data are published', '提醒期间核销接近翻倍;没有公开的核销数据', ['gaps-not-published']), { en: 'Redemption lift in the reminder days', zh: '提醒期间的核销提升倍数' }), 1.3, 2.5, WHY.unpublished),
    redeemRate: ranged(share(0.04, assumed('no redemption rates are published; 4 % a day redeems about 40 % of coupons within two weeks at full pull', '没有公开的核销率;每天 4%,吸引力饱和时两周内约四成的券被核销', ['gaps-not-published']), {
      en: 'Daily redemption chance of a holder at full face-value pull',
      zh: '面额吸引力饱和时持券人每日核销概率',
    }), 0.02, 0.07, WHY.unpublished),
    halfSaturationDepth: ranged(num('share', 0.001, 1, 0.15, assumed('a 15 % discount pulls half as hard as a very deep one', '15% 的优惠,吸引力约为极深折扣的一半'), {
      en: 'Discount depth (face value ÷ mean order) at half of the maximum pull (Hill ec)',
      zh: '达到一半最大吸引力的折扣深度(面额 ÷ 平均订单,Hill 半饱和点)',
    }), 0.08, 0.25, WHY.halfSaturation),
    shape: ranged(hillShape(1.3, assumed('small coupons barely move people', '面额很小的券几乎没人用')), 1, 2, WHY.shape),
    priceSensitivity: num('multiplier', 0, 5, 1, reported('whitepaper-supermarket', 'Tencent whitepaper: price is the first reason to choose a supermarket — the supermarket preset sets 1.5', '腾讯全域用户运营白皮书:价格是消费者选择商超的首要因素——商超行业预设取 1.5'), {
      en: 'Price sensitivity of the industry’s customers (multiplies redemption)',
      zh: '行业消费者的价格敏感度(乘以核销率)',
    }),
    categoryShare: ranged(share(0.4, assumed('one category is in fewer than half of the baskets', '一个品类出现在不到一半的订单里'), { en: 'Share of baskets a category coupon applies to', zh: '品类券适用的订单比例' }), 0.25, 0.55, WHY.unpublished),
    packSize: decided(num('count', 1, 10, 3, reported('coupons-supermarket-lifecycle', 'Supermarket chain: 2–4 coupon packs are pushed after the first order', '商超:首单后再推送 2–4 次券包'), { en: 'Coupons in a pack', zh: '券包张数' }, { integer: true })),
    pullForward: ranged(share(0.5, assumed('a coupon mostly moves a purchase earlier rather than adding one', '券多半是让购买提前,而不是多买一次'), {
      en: 'After redeeming, the buyer’s own purchase chance is lower by this share for a while (purchases pulled forward)',
      zh: '核销后一段时间内买家自然购买概率下降的比例(透支)',
    }), 0.3, 0.7, WHY.unpublished),
    pullForwardDays: ranged(num('days', 0, 180, 14, assumed('about two weeks, a usual gap between orders', '约两周,即常见的下单间隔'), { en: 'How long the pull-forward lasts', zh: '透支效应持续天数' }, { integer: true }), 7, 30, WHY.unpublished),
    dependenceStep: ranged(share(0.15, assumed('each redemption adds some dependence; category coupons add half as much, as Metro found them to build buying that holds without coupons', '每次核销都增加一些价格依赖;品类券只增加一半——麦德龙发现品类券培养的购买习惯在无券时也能保持', ['coupons-metro-category']), {
      en: 'Discount dependence added by each redemption (0–1 scale)',
      zh: '每次核销增加的价格依赖(0–1)',
    }), 0.05, 0.3, WHY.unpublished),
    dependenceHalfLifeDays: ranged(num('days', 1, 3650, 90, assumed('the habit of waiting for coupons halves within a quarter', '等券再买的习惯约一个季度减半'), { en: 'Half-life of discount dependence', zh: '价格依赖的半衰期' }), 45, 180, WHY.halfLife),
    dependenceEffect: ranged(share(0.5, assumed('full dependence halves buying without a coupon', '完全依赖时,无券购买减半'), {
      en: 'Purchase chance without a coupon falls by effect × dependence',
      zh: '无券时购买概率下降 = 系数 × 依赖度',
    }), 0.25, 0.75, WHY.unpublished),
    massRedemption: ranged(share(0.3, assumed('a coupon dropped on everyone is used about a third as often as one a customer claimed in a group, got from a guide or as a member; no redemption rates are published', '面向所有人群批量发放的券,核销约为社群领取、导购发放或会员专享券的三分之一;没有公开的核销数据', ['gaps-not-published']), {
      en: 'Redemption of coupons dropped on everyone, relative to claimed or targeted ones (channel “all”, not a recall or a pack)',
      zh: '面向全部人群批量发放的券相对于定向券(社群、导购、会员、召回、券包)的核销比例',
    }), 0.15, 0.5, WHY.unpublished),
    topUpReach: ranged(share(0.3, assumed('a customer adds up to about a third of the threshold to use a spend-and-save coupon', '顾客最多补单约满减门槛的三分之一来用券'), {
      en: 'Threshold coupons: how far below the threshold a basket can be and still be topped up to it (share of the threshold)',
      zh: '满减券:购物篮低于门槛多少仍会凑单到门槛(占门槛的比例)',
    }), 0.15, 0.5, WHY.unpublished),
    perIssue: decided(num('count', 1, 10, 1, assumed('one coupon per issue; a recall campaign usually sends a pack of several', '每次发一张;召回活动通常发一个多张券的券包'), {
      en: 'Coupons in each issue: more than 1 sends a pack (each next coupon valid once the one before is used or expires); kind “pack” uses the pack size after a first order instead',
      zh: '每次发放的券数:大于 1 即发券包(前一张用掉或过期后,下一张开始生效);“券包”类型改用首单后的券包张数',
    }, { integer: true })),
    orderAgain: { ...ranged(num('share', 0, 0.9, 0.4, reported('members-apparel-recall', 'An apparel brand’s 7-day recall sale: 50 % of the recalled customers ordered several times; set lower, as that is one brand’s success story', '某服饰品牌 7 天召回活动:被召回老客中 50% 多次下单;这是单个品牌的成功案例,故取更低的值'), {
      en: 'Chance that a customer who has just used a coupon, and holds the next one of a pack, orders again at once (another size, a friend’s order); each order may be followed in turn',
      zh: '刚用掉一张券、手上还有券包下一张的顾客立即再下一单的概率(换尺码、替朋友买);每一单都可能再带来下一单',
    }), 0.2, 0.6, WHY.oneBrand), label: { en: 'Next coupon of a pack used at once', zh: '券包下一张立即使用的概率' } },
    issueCost: ranged(num('yuan', 0, 100, 0.05, assumed('the message cost of sending one coupon', '每发一张券的消息费用', ['gaps-not-published']), { en: 'Cost per coupon issued', zh: '每张券的发放成本' }), 0.03, 0.1, WHY.cost),
  },
  curve: {
    effortParam: 'faceValue',
    effortUnit: 'yuan',
    effortLabel: { en: 'Face value', zh: '券面额' },
    pressureLabel: { en: 'Share of the maximum redemption pull', zh: '占最大核销吸引力的比例' },
    halfLifeParam: null,
    ecParam: 'halfSaturationDepth',
    shapeParam: 'shape',
    pressure: (effort, params, _real, engine) => couponPull(effort, engine?.orderValueMean ?? 200, Number(params.halfSaturationDepth), Number(params.shape)),
  },
  metrics: [
    { key: 'issued', label: { en: 'Coupons issued', zh: '发券数' }, unit: 'count' },
    { key: 'redeemed', label: { en: 'Coupons redeemed', zh: '核销数' }, unit: 'count' },
    { key: 'redemptionRate', label: { en: 'Redemption rate', zh: '核销率' }, unit: 'share' },
    { key: 'discount', label: { en: 'Discount given', zh: '优惠金额' }, unit: 'yuan' },
    { key: 'meanDependence', label: { en: 'Discount dependence of buyers at the end (0–1)', zh: '期末买家价格依赖度(0–1)' }, unit: 'share' },
    { key: 'couponOrderShare', label: { en: 'Share of all orders placed with a coupon', zh: '用券订单占比' }, unit: 'share' },
  ],
  sideEffects: {
    en: 'Discounts are a cost; redemption pulls purchases forward (fewer own purchases right after) and raises discount dependence (fewer purchases without a coupon), which fades with its half-life.',
    zh: '折扣计入成本;核销会透支随后的自然购买,并提高价格依赖(无券时购买减少),依赖按半衰期消退。',
  },
  response: {
    en: 'Price-sensitive agents redeem more; the industry’s price sensitivity scales everyone.',
    zh: '价格敏感的个体核销更多;行业价格敏感度整体放大。',
  },

  create(cfg: TacticConfig, env: RunEnv): TacticRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const hazard = redemptionHazard(prm, engine.orderValue.mean);
    const depStep = dependenceStepOf(prm);
    const depDecay = Math.pow(0.5, 1 / prm.dependenceHalfLifeDays);
    const n0 = env.agents;
    let holders = new MemberSet(n0);
    let affected = new MemberSet(n0);
    let until = new Int16Array(n0);
    let packLeft = new Uint8Array(n0);
    let dependence = new Float32Array(n0);
    let depDay = new Int16Array(n0);
    let pullUntil = new Int16Array(n0).fill(-1);
    let rng = env.rng;
    let issuedToday = 0;
    let issued = 0;
    let redeemed = 0;
    let discount = 0;
    let couponOrders = 0;
    let allOrders = 0;

    const give = (i: number, day: number, pack: number) => {
      holders.add(i);
      until[i] = day + prm.validityDays - 1;
      packLeft[i] = pack;
      issuedToday += 1 + pack; // a pack counts as all its coupons
    };
    // depDecay^d for every whole number of days d in the horizon, made once with the same Math.pow: the holders'
    // dependence is read for every redeemer every day, and the power was a large share of the tactic's time.
    const decayPow = Float64Array.from({ length: engine.days + 1 }, (_, d) => Math.pow(depDecay, d));
    const dependenceNow = (i: number, day: number) => {
      const d = day - depDay[i]!;
      return dependence[i]! * (d >= 0 && d < decayPow.length ? decayPow[d]! : Math.pow(depDecay, d));
    };
    const eligible = (s: RunState, i: number): boolean => {
      const ch = s.pop.channels[i]!;
      if (prm.channel === 'groups' && !(ch & IN_GROUP)) return false;
      if (prm.channel === 'wecom' && !(ch & WECOM)) return false;
      if (prm.channel === 'members' && !(ch & MEMBER)) return false;
      if (prm.lapsedOnly) {
        const t = s.pop.tier[i]!;
        if (t < R4) return false;
        const dormant = s.bgnbd ? s.pop.active[i] === 0 : s.day - s.pop.lastOrderDay[i]! > DORMANT_DAYS;
        if (!dormant) return false;
      }
      return true;
    };

    return {
      beginDay(s: RunState) {
        const pop = s.pop;
        const n = pop.n;
        const day = s.day;
        issuedToday = 0;
        const effort = cfg.schedule[day] ?? 0;
        // Issue day: a share of the eligible target tiers receive (packs are given after first orders instead).
        if (effort > 0 && prm.kind !== 'pack') {
          const reach = Math.min(1, prm.reach * effort);
          const tier = pop.tier;
          for (let i = 0; i < n; i++) {
            const t = tier[i]!;
            if (!prm.targets[t] || holders.has(i)) continue;
            if (prm.kind === 'newCustomer' && t >= R4) continue;
            if (rng.next() < reach && eligible(s, i)) give(i, day, prm.perIssue - 1);
          }
        }
        // Holders: expire, or get today's redemption chance.
        const marks = s.marks;
        const price = pop.price;
        for (let k = holders.size - 1; k >= 0; k--) {
          const i = holders.list[k]!;
          if (day > until[i]!) {
            if (packLeft[i]! > 0) {
              packLeft[i] = packLeft[i]! - 1;
              until[i] = day + prm.validityDays - 1;
            } else {
              holders.remove(i);
              continue;
            }
          }
          const t = pop.tier[i]!;
          if (t === R0) continue;
          let h = hazard * (price ? price[i]! : 1);
          if (until[i]! - day < prm.reminderDays) h *= prm.reminderLift;
          if (t < R4) {
            if (prm.kind === 'newCustomer' || t === R3 || prm.targets[t]) marks.forward(i, Math.min(1, h), R4, cause, rng);
          } else if (prm.kind !== 'newCustomer') {
            marks.buyChance(i, Math.min(1, h), cause);
          }
        }
        // Pull-forward and discount dependence: buyers who redeemed buy less on their own.
        for (let k = affected.size - 1; k >= 0; k--) {
          const i = affected.list[k]!;
          const dep = dependenceNow(i, day);
          const pulled = day <= pullUntil[i]!;
          if (dep < 0.005 && !pulled) {
            affected.remove(i);
            continue;
          }
          let f = pulled ? 1 - prm.pullForward : 1;
          if (!holders.has(i)) f *= 1 - prm.dependenceEffect * Math.min(1, dep);
          if (f < 1) marks.scaleForward(i, f);
        }
      },
      onMove(s: RunState, i: number, from: number, to: number) {
        // The pack after a first order, on the days the programme runs.
        if (prm.kind === 'pack' && to === R4 && from < R4 && (cfg.schedule[s.day] ?? 0) > 0 && !holders.has(i) && eligible(s, i)) {
          give(i, s.day, Math.max(0, prm.packSize - 1));
        }
      },
      onOrder(s: RunState, o: Order) {
        allOrders++;
        if (o.cause !== cause) return;
        const i = o.agent;
        // The coupon is spent, or given up on: the next one of a pack starts its validity, else the agent holds none.
        const spend = () => {
          if (packLeft[i]! > 0) {
            packLeft[i] = packLeft[i]! - 1;
            until[i] = s.day + prm.validityDays - 1;
          } else holders.remove(i);
        };
        if (prm.kind === 'threshold' && o.value < prm.threshold) {
          // Too far below the threshold: the coupon brought the visit, but the basket is bought without it.
          if (o.value < (1 - prm.topUpReach) * prm.threshold) return spend();
          o.value = prm.threshold;
        }
        const d = Math.min(prm.faceValue, o.value);
        s.rec.discount(cause, d * s.config.scale);
        discount += d * s.config.scale;
        redeemed++;
        couponOrders++;
        spend();
        // Holding the pack's next coupon, the customer may use it at once: another order in the same event.
        if (prm.orderAgain > 0 && holders.has(i) && rng.next() < prm.orderAgain) o.again = 1;
        dependence[i] = Math.min(1, dependenceNow(i, s.day) + depStep);
        depDay[i] = s.day;
        pullUntil[i] = s.day + prm.pullForwardDays;
        affected.add(i);
      },
      endDay(s: RunState) {
        issued += issuedToday;
        if (issuedToday > 0) s.rec.cost(cause, issuedToday * s.config.scale * prm.issueCost);
      },
      report(s: RunState) {
        const sc = s.config.scale;
        let depSum = 0;
        let buyers = 0;
        for (let i = 0; i < s.pop.n; i++) {
          if (s.pop.tier[i]! >= R4) {
            buyers++;
            depSum += dependenceNow(i, s.config.days);
          }
        }
        return [issued * sc, redeemed * sc, issued > 0 ? redeemed / issued : NaN, discount, buyers > 0 ? depSum / buyers : NaN, allOrders > 0 ? couponOrders / allOrders : NaN];
      },
      saveState: () => ({
        holders: saveSet(holders),
        affected: saveSet(affected),
        until: until.slice(),
        packLeft: packLeft.slice(),
        dependence: dependence.slice(),
        depDay: depDay.slice(),
        pullUntil: pullUntil.slice(),
        rng: saveRng(rng),
        issuedToday,
        issued,
        redeemed,
        discount,
        couponOrders,
        allOrders,
      }),
      loadState(st: TacticState, s: RunState) {
        const n = s.pop.n;
        // A state saved before the first day has none of these: keep the fresh ones.
        holders = loadSet(st, 'holders', n) ?? new MemberSet(n);
        affected = loadSet(st, 'affected', n) ?? new MemberSet(n);
        until = loadArrayOrNull(st, 'until', Int16Array, n) ?? new Int16Array(n);
        packLeft = loadArrayOrNull(st, 'packLeft', Uint8Array, n) ?? new Uint8Array(n);
        dependence = loadArrayOrNull(st, 'dependence', Float32Array, n) ?? new Float32Array(n);
        depDay = loadArrayOrNull(st, 'depDay', Int16Array, n) ?? new Int16Array(n);
        pullUntil = loadArrayOrNull(st, 'pullUntil', Int16Array, n) ?? new Int16Array(n).fill(-1);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id)) ?? rng;
        issuedToday = stateNumber(st, 'issuedToday');
        issued = stateNumber(st, 'issued');
        redeemed = stateNumber(st, 'redeemed');
        discount = stateNumber(st, 'discount');
        couponOrders = stateNumber(st, 'couponOrders');
        allOrders = stateNumber(st, 'allOrders');
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const hazard = redemptionHazard(prm, engine.orderValue.mean);
    const basket = prm.kind === 'threshold' ? thresholdBasket(engine.orderValue.mean, engine.orderValue.sd, prm.threshold, prm.topUpReach) : { used: 1, topUp: 0 };
    // Expected holders per tier (agents). Holders move with their tier only approximately: the mean field keeps them
    // in the tier where they received the coupon; dependence and pull-forward are left out of the preview.
    const held = new Float64Array(6);
    const meanLife = Math.max(1, prm.validityDays);
    // Coupons sent through a channel reach only the agents there: approximate their share by what the tactics opening
    // the channel declare (people they hold, e.g. groups × capacity; the share who join, e.g. registering at
    // checkout); none if no tactic opens that channel.
    const openers = prm.channel === 'all' ? [] : (env.openers.get(prm.channel) ?? []);
    const capacity = prm.channel === 'all' ? Infinity : openers.reduce((a, o) => a + (o.opening.capacity?.(o.params, engine) ?? Infinity), 0) / engine.scale;
    const memberShare = prm.channel === 'all' ? 1 : Math.max(0, ...openers.map((o) => o.opening.joinShare?.(o.params, engine) ?? 1));
    const couponsHeld = prm.kind === 'pack' ? prm.packSize : prm.perIssue;
    let followPerRedemption = 0;
    for (let j = 1, q = prm.orderAgain; j < couponsHeld; j++, q *= prm.orderAgain) followPerRedemption += q;
    return {
      beginDay(m: MeanFieldDay) {
        const effort = cfg.schedule[m.day] ?? 0;
        let issuedToday = 0;
        if (effort > 0 && prm.kind !== 'pack') {
          const reach = Math.min(1, prm.reach * effort);
          let targeted = 0;
          for (let t = R1; t <= R5; t++) if (prm.targets[t] && !(prm.kind === 'newCustomer' && t >= R4)) targeted += m.startCounts[t]!;
          const eligible = targeted > 0 ? Math.min(1, capacity / targeted) * memberShare : 0;
          for (let t = R1; t <= R5; t++) {
            if (!prm.targets[t] || (prm.kind === 'newCustomer' && t >= R4)) continue;
            const fresh = Math.max(0, m.startCounts[t]! * eligible - held[t]!) * reach * (prm.lapsedOnly ? 0.3 : 1);
            held[t]! += fresh;
            issuedToday += fresh;
          }
        }
        if (prm.kind === 'pack' && effort > 0) {
          const firsts = m.startCounts[R3]! * engine.forward[R3]! * m.demand;
          held[R4]! += firsts * prm.packSize;
          issuedToday += firsts * prm.packSize;
        }
        let redemptions = 0;
        for (let t = R1; t <= R5; t++) {
          const count = m.startCounts[t]!;
          if (count <= 0 || held[t]! <= 0) continue;
          held[t] = Math.min(held[t]!, count);
          const share = held[t]! / count;
          if (t < R4) m.sources.addForward(t, R4, hazard * share, TRAIT_PRICE, cause);
          else if (prm.kind !== 'newCustomer') m.sources.addBuyChance(t, hazard * share, cause);
          const redeeming = held[t]! * hazard;
          redemptions += redeeming;
          held[t] = Math.max(0, held[t]! - redeeming - held[t]! / meanLife);
        }
        // Orders that follow a redemption while the pack's next coupon is in hand (Order.again): a chain of at most
        // one per remaining coupon, each with chance orderAgain.
        const follow = redemptions * followPerRedemption;
        if (follow > 0) m.addOrders?.(cause, follow);
        redemptions += follow;
        // Threshold coupons: only baskets within reach use the coupon, topped up to the threshold.
        const used = basket.used * redemptions;
        if (prm.kind === 'threshold') m.adjustValue?.(cause, redemptions * basket.topUp);
        const value = prm.kind === 'threshold' ? Math.max(prm.threshold, engine.orderValue.mean) : engine.orderValue.mean;
        m.cost(cause, used * Math.min(prm.faceValue, value) * engine.scale + issuedToday * engine.scale * prm.issueCost);
      },
    };
  },
} satisfies TacticDefinition;
