import { assumed, reported } from '../../lib/source';
import type { EngineConfig, TacticConfig } from '../config';
import type { MeanFieldDay } from '../projection/meanfield-day';
import { MemberSet } from '../step/member-set';
import { CHANNEL_ALL, CHANNEL_GMV, CHANNEL_MEMBER } from '../results/order-ledger';
import { MEMBER, PAID_MEMBER } from '../step/population';
import type { Order, RunState } from '../step/run-state';
import { resolveSchedule, scheduleSpec, type Schedule } from '../schedule';
import { TRAIT_RESPOND } from '../step/sources';
import { R2, R3, R4, R5 } from '../tiers';
import type { FieldSpec } from '../../lib/spec';
import { EffortPressure, hillShape, num, schedule, share, key, ranged, decided, WHY, tacticParams } from './common';
import { loadRng, loadSet, saveRng, saveSet, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime, RunEnv } from './types';

/**
 * Membership (会员, 积分, 会员日, 付费会员). Registering is an R3 entry (R2 → R3), and most buyers register at
 * checkout (keeping their tier). Points — the effort: points value as a share of the order, through a Hill curve —
 * raise members' purchase rate and lower their lapse; member days add a purchase lift on their own days. A share of
 * members take a paid membership (a yearly fee) and buy more often with bigger baskets. Points are a cost on members'
 * orders; benefits cost per member per month.
 */
type MemberParams = ParamsOf<typeof membership.params>;

function paramsOf(q: Record<string, unknown>): MemberParams {
  return tacticParams(membership.params, q);
}

const memberDaysSpec: FieldSpec = {
  ...scheduleSpec,
  optional: true,
  doc: { en: 'Member days, e.g. every Wednesday', zh: '会员日,如每周三' },
};

export const membership = {
  type: 'membership',
  name: { en: 'Membership', zh: '会员体系' },
  summary: {
    en: 'Registration (R2 → R3; buyers at checkout); points raise members’ repeat buying and lower lapse; member days; paid membership with a fee and bigger spend.',
    zh: '注册入会(R2→R3;买家结账时入会);积分提升会员复购并降低流失;会员日;付费会员缴纳年费、消费更高。',
  },
  moves: [
    [R2, R3],
    [R3, R4],
  ],
  purchases: [R4, R5],
  params: {
    schedule: schedule({ daily: true }),
    joinRate: ranged(share(0.002, assumed('about 6 % of R2 people register in a month at full pressure', '满压力时每月约 6% 的浅层互动用户注册入会'), { en: 'Daily chance an R2 person registers at full pressure: → R3', zh: '满压力时 R2 每日注册入会概率:→R3' }), 0.001, 0.004, WHY.unpublished),
    joinAtCheckout: ranged(share(0.85, reported('members-outlet-85', 'Outlet mall: 85 % of paying customers registered as members at checkout', '奥特莱斯商场:85% 的付款顾客在结账时注册会员'), {
      en: 'Buyers not yet members who register at checkout',
      zh: '结账时注册入会的非会员买家比例',
    }), 0.5, 0.9, WHY.oneBrand),
    pointsRate: decided(key(num('share', 0, 0.5, 0.02, assumed('points worth 1–3 % of the order are usual', '积分价值通常为订单金额的 1–3%'), { en: 'Points value as a share of members’ orders (the effort; a cost)', zh: '积分价值占会员订单金额的比例(投入,计入成本)' }))),
    halfSaturationPoints: ranged(num('share', 0.0001, 0.5, 0.02, assumed('a 2 % points rate gives half the full effect', '积分比例 2% 达到一半的最大效果'), { en: 'Points rate at half of the maximum effect (Hill ec)', zh: '达到一半最大效果的积分比例(Hill 半饱和点)' }), 0.01, 0.04, WHY.halfSaturation),
    shape: ranged(hillShape(1, assumed('concave: each extra point does less', '边际递减:积分越多,每多一分效果越小')), 0.7, 1.5, WHY.shape),
    repeatLift: ranged(num('multiplier', 0, 10, 0.3, reported('members-tea-1-5', 'Tea-drinks chain: members who order in a month order 1.5 times that month', '茶饮连锁:当月下单的会员平均下单 1.5 次'), {
      en: 'Members’ purchase-rate lift at full pressure',
      zh: '满压力时会员购买率提升',
    }), 0.3, 0.9, WHY.oneBrand),
    lapseReduction: ranged(share(0.25, assumed('membership keeps buyers from lapsing; no figure is published', '会员体系能减少买家流失;没有公开数据', ['gaps-not-published']), { en: 'Members’ lapse (reverse) rate falls by this share at full pressure', zh: '满压力时会员流失率下降比例' }), 0.2, 0.6, WHY.unpublished),
    firstBuyLift: ranged(share(0.003, assumed('registered members make a first purchase a little more often than others in R3', '注册会员比其他深层触动用户更容易首购'), { en: 'Daily first-purchase chance of an R3 member at full pressure: → R4', zh: '满压力时 R3 会员每日首购概率:→R4' }), 0.001, 0.006, WHY.unpublished),
    memberDays: key(memberDaysSpec),
    memberDayLift: ranged(num('multiplier', 0, 20, 1, reported('coupons-jiujiuya-member-day', 'Jiujiuya snack chain holds a member day every Friday; that members buy twice as often that day is assumed', '久久丫每周五设会员日;当天会员购买率翻倍为假设'), { en: 'Members’ extra purchase-rate lift on a member day', zh: '会员日会员购买率额外提升' }), 0.5, 1.5, WHY.oneBrand),
    paidShare: ranged(share(0.05, assumed('one new member in twenty takes the paid tier', '二十位新会员中约一位选择付费会员'), { en: 'Share of new members who take the paid membership', zh: '新会员中选择付费会员的比例' }), 0.02, 0.1, WHY.unpublished),
    paidFee: decided(key(num('yuan', 0, 100000, 99, reported('members-wugu-99', 'Wugu Mofang: a ¥99 super membership', '五谷磨房:99 元购买超级会员权益'), { en: 'Yearly fee of the paid membership (reported, not GMV)', zh: '付费会员年费(单独报告,不计入 GMV)' }))),
    paidBuyLift: ranged(num('multiplier', 0, 20, 1.5, reported('members-wugu-99', 'Wugu Mofang: a super member spends about 4–5× a regular member a year; here split into buying more often and bigger baskets', '五谷磨房:超级会员年消费约为普通会员的 4–5 倍;这里拆分为购买更频繁和客单更高'), {
      en: 'Paid members’ extra purchase-rate lift',
      zh: '付费会员额外购买率提升',
    }), 0.8, 2, WHY.oneBrand),
    paidValueLift: ranged(num('multiplier', 0, 10, 0.5, reported('members-wugu-99', 'Wugu Mofang: a super member spends about 4–5× a regular member a year', '五谷磨房:超级会员年消费约为普通会员的 4–5 倍'), { en: 'Paid members’ extra basket size', zh: '付费会员额外客单提升' }), 0.25, 0.8, WHY.oneBrand),
    costPerMemberMonth: ranged(key(num('yuan', 0, 1000, 0.3, assumed('member system and benefits per member', '每位会员的会员系统与权益费用', ['gaps-not-published']), { en: 'Benefits and CRM cost per member per month', zh: '每位会员每月的权益与会员系统成本' })), 0.2, 0.6, WHY.cost),
  },
  curve: {
    effortParam: 'pointsRate',
    effortUnit: 'share',
    effortLabel: { en: 'Points rate', zh: '积分比例' },
    pressureLabel: { en: 'Share of the maximum effect on members', zh: '占对会员最大效果的比例' },
    halfLifeParam: null,
    ecParam: 'halfSaturationPoints',
    shapeParam: 'shape',
  },
  metrics: [
    { key: 'members', label: { en: 'Members at the end', zh: '期末会员数' }, unit: 'people' },
    { key: 'paidMembers', label: { en: 'Paid members at the end', zh: '期末付费会员数' }, unit: 'people' },
    { key: 'memberOrderShare', label: { en: 'Share of orders by members', zh: '会员订单占比' }, unit: 'share' },
    { key: 'feeRevenue', label: { en: 'Paid-membership fees', zh: '付费会员年费收入' }, unit: 'yuan' },
    { key: 'memberGmvShare', label: { en: 'Share of GMV by members', zh: '会员 GMV 占比' }, unit: 'share' },
  ],
  sideEffects: {
    en: 'Points are a cost on every member order (whatever its cause); benefits cost per member per month.',
    zh: '积分按会员的每笔订单计成本(无论订单由何引起);权益按会员人数每月计成本。',
  },
  response: { en: 'Agents more responsive to marketing register more readily.', zh: '营销响应高的个体更易注册入会。' },

  // Member days are its events (orders per member in a member day), when it has them.
  // Members are the customers who register at checkout, with no limit on their number.
  opens: { channel: 'members', joinShare: (q) => Number(q.joinAtCheckout) },
  eventDays(cfg: TacticConfig, engine: EngineConfig) {
    const md = cfg.params.memberDays as Schedule | undefined;
    return md ? resolveSchedule(md, engine.startDay, engine.days) : cfg.schedule;
  },

  create(cfg: TacticConfig, env: RunEnv): TacticRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(0, prm.halfSaturationPoints, prm.shape);
    const md = cfg.params.memberDays as Schedule | undefined;
    const memberDays = md ? resolveSchedule(md, engine.startDay, engine.days) : null;
    let members = new MemberSet(env.agents);
    let rng = env.rng;
    let pr = 0;
    let memberOrders = 0;
    let allOrders = 0;
    let fees = 0;
    const join = (s: RunState, i: number) => {
      if (!members.add(i)) return;
      let flags = MEMBER;
      if (rng.next() < prm.paidShare) {
        flags |= PAID_MEMBER;
        fees += prm.paidFee * s.config.scale * (Math.max(1, s.config.days - s.day) / 365);
      }
      s.pop.channels[i] = s.pop.channels[i]! | flags;
    };
    return {
      beginDay(s: RunState) {
        const on = cfg.schedule[s.day] ?? 0;
        pr = pressure.step(prm.pointsRate * on);
        const memberDay = memberDays !== null && (memberDays[s.day] ?? 0) > 0 ? prm.memberDayLift * (memberDays[s.day] ?? 0) : 0;
        const pop = s.pop;
        const marks = s.marks;
        if (pr > 0 || memberDay > 0) {
          for (let k = 0; k < members.size; k++) {
            const i = members.list[k]!;
            const t = pop.tier[i]!;
            if (t === R3) marks.forward(i, prm.firstBuyLift * pr, R4, cause, rng);
            else if (t >= R4) {
              const paid = (pop.channels[i]! & PAID_MEMBER) !== 0;
              marks.buy(i, (1 + prm.repeatLift * pr + memberDay) * (paid ? 1 + prm.paidBuyLift : 1), cause);
              marks.lapse(i, 1 - prm.lapseReduction * pr);
            }
          }
        }
        const r2 = s.startCounts[R2]!;
        if (on > 0 && r2 > 0) s.sources.addForward(R2, R3, prm.joinRate * pr, TRAIT_RESPOND, cause);
      },
      onMove(s: RunState, i: number, from: number, to: number, c: number) {
        if (c === cause && from === R2 && to === R3) join(s, i);
        else if (to < R3 && from >= R3) members.remove(i);
      },
      onOrder(s: RunState, o: Order) {
        allOrders++;
        const i = o.agent;
        if (!members.has(i)) {
          if ((cfg.schedule[s.day] ?? 0) > 0 && rng.next() < prm.joinAtCheckout) join(s, i);
          return;
        }
        memberOrders++;
        if (s.pop.channels[i]! & PAID_MEMBER) o.value *= 1 + prm.paidValueLift;
        s.rec.cost(cause, o.value * prm.pointsRate * s.config.scale);
      },
      endDay(s: RunState) {
        s.rec.cost(cause, (members.size * s.config.scale * prm.costPerMemberMonth) / 30);
      },
      report(s: RunState) {
        const sc = s.config.scale;
        let paid = 0;
        for (let k = 0; k < members.size; k++) if (s.pop.channels[members.list[k]!]! & PAID_MEMBER) paid++;
        const all = s.ledger.channel(CHANNEL_ALL, CHANNEL_GMV);
        return [members.size * sc, paid * sc, allOrders > 0 ? memberOrders / allOrders : NaN, fees, all > 0 ? s.ledger.channel(CHANNEL_MEMBER, CHANNEL_GMV) / all : NaN];
      },
      saveState: () => ({ level: pressure.level, members: saveSet(members), rng: saveRng(rng), pr, memberOrders, allOrders, fees }),
      loadState(st: TacticState, s: RunState) {
        pressure.level = stateNumber(st, 'level');
        members = loadSet(st, 'members', s.pop.n) ?? new MemberSet(s.pop.n);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id)) ?? rng;
        pr = stateNumber(st, 'pr');
        memberOrders = stateNumber(st, 'memberOrders');
        allOrders = stateNumber(st, 'allOrders');
        fees = stateNumber(st, 'fees');
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(0, prm.halfSaturationPoints, prm.shape);
    const md = cfg.params.memberDays as Schedule | undefined;
    const memberDays = md ? resolveSchedule(md, engine.startDay, engine.days) : null;
    let m3 = 0;
    let mb = 0;
    let memberShare = 0;
    return {
      beginDay(m: MeanFieldDay) {
        const on = cfg.schedule[m.day] ?? 0;
        const pr = pressure.step(prm.pointsRate * on);
        const memberDay = memberDays !== null && (memberDays[m.day] ?? 0) > 0 ? prm.memberDayLift * (memberDays[m.day] ?? 0) : 0;
        const r2 = m.startCounts[R2]!;
        const r3 = m.startCounts[R3]!;
        const buyers = m.startCounts[R4]! + m.startCounts[R5]!;
        const pJoin = on > 0 ? prm.joinRate * pr : 0;
        m.sources.addForward(R2, R3, pJoin, TRAIT_RESPOND, cause);
        if (r3 > 0) m.sources.addForward(R3, R4, (prm.firstBuyLift * pr * Math.min(m3, r3)) / r3, TRAIT_RESPOND, cause);
        memberShare = buyers > 0 ? Math.min(1, mb / buyers) : 0;
        const paidMult = 1 + prm.paidShare * prm.paidBuyLift;
        m.sources.addBuyBoost(R4, 1 + memberShare * ((1 + prm.repeatLift * pr + memberDay) * paidMult - 1), cause);
        m.sources.addBuyBoost(R5, 1 + memberShare * ((1 + prm.repeatLift * pr + memberDay) * paidMult - 1), cause);
        m.sources.scaleLapse(R4, 1 - memberShare * prm.lapseReduction * pr);
        m.sources.scaleLapse(R5, 1 - memberShare * prm.lapseReduction * pr);
        const joins = r2 * pJoin;
        const firsts = r3 * engine.forward[R3]! * m.demand;
        m3 = Math.max(0, m3 + joins - m3 * (engine.reverse[R3]! + prm.firstBuyLift * pr));
        // Registration at checkout: yesterday's orders by buyers who are not members yet.
        const checkoutJoins = on > 0 ? m.lastOrders * (1 - memberShare) * prm.joinAtCheckout : 0;
        mb = Math.min(buyers + firsts, mb + m3 * prm.firstBuyLift * pr + checkoutJoins);
        // Points on members' orders: about the members' share of yesterday's orders.
        m.cost(cause, m.lastOrders * memberShare * engine.orderValue.mean * prm.pointsRate * engine.scale + ((m3 + mb) * engine.scale * prm.costPerMemberMonth) / 30);
      },
    };
  },
} satisfies TacticDefinition;
