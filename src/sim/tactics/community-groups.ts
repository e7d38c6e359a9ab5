import { assumed, reported } from '../../lib/source';
import type { EngineConfig, TacticConfig } from '../config';
import type { MeanFieldDay } from '../projection/meanfield-day';
import { MemberSet } from '../step/member-set';
import { CHANNEL_ALL, CHANNEL_GMV, CHANNEL_GROUP, CHANNEL_PRIVATE } from '../results/order-ledger';
import { IN_GROUP } from '../step/population';
import type { Order, RunState } from '../step/run-state';
import { resolveSchedule, type Schedule } from '../schedule';
import { scheduleSpec } from '../schedule';
import { TRAIT_SOCIAL } from '../step/sources';
import { R2, R3, R4 } from '../tiers';
import type { FieldSpec } from '../../lib/spec';
import { EffortPressure, halfLife, hillShape, num, schedule, share, key, ranged, decided, WHY, tacticParams } from './common';
import { loadRng, loadSet, saveRng, saveSet, stateArray, stateBool, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime, RunEnv } from './types';

/**
 * Community groups (社群, 企微社群). Groups with a capacity, run by operators who each run a few. Joining is the
 * R2 → R3 move (entering the private domain); buyers can join after an order (a post-order prompt or a card in the
 * parcel) without changing tier. Posting (effort: posts per group per day, adstock then Hill) raises members' first
 * purchases (R3 → R4) and buyers' purchase rate (λ × (1 + lift·pressure)); word of mouth works inside each group
 * (exposure = share of its members who bought). Large groups water down (人越多,群越水): every effect is divided by
 * 1 + size / wateringSize. Posting beyond what members tolerate makes them leave (non-buyers fall R3 → R2; buyers just
 * leave the group). Optional group buying (团购) on its own days, with a price ladder by participants.
 */
type GroupParams = Omit<ParamsOf<typeof communityGroups.params>, 'groupBuy'> & { groupBuyRate: number; ladder: Array<{ participants: number; discount: number }> };

function paramsOf(q: Record<string, unknown>): GroupParams {
  const gb = q.groupBuy as { rate: number; ladder: Array<{ participants: number; discount: number }> } | undefined;
  return {
    ...tacticParams(communityGroups.params, q),
    groupBuyRate: gb?.rate ?? 0,
    ladder: [...(gb?.ladder ?? [])].sort((a, b) => a.participants - b.participants),
  };
}

/** The ladder discount reached by an expected number of participants (0 below the first rung). */
export function ladderDiscount(ladder: GroupParams['ladder'], participants: number): number {
  let d = 0;
  for (const rung of ladder) if (participants >= rung.participants) d = rung.discount;
  return d;
}

/** Daily leave chance of a non-buyer member for a day's posts. */
function leaveChance(prm: GroupParams, posts: number, size: number): number {
  const excess = Math.max(0, posts - prm.comfortablePosts);
  return Math.min(1, (prm.baseLeave + prm.fatigue * excess) * (1 + size / prm.capacity));
}

const groupBuySpec: FieldSpec = {
  kind: 'object',
  optional: true,
  doc: {
    en: 'Group buying on its own days: members join a group buy; the discount grows with the number of participants',
    zh: '团购:在团购日成员参团,参团人数越多折扣越大',
  },
  fields: {
    schedule: { ...scheduleSpec, doc: { en: 'Group-buy days', zh: '团购日' } },
    rate: ranged(share(0.012, reported('groups-home-group-buy-25', 'Home-furnishing brand: about 3 000 participants per group-buy session among some 250 000 group members, about 1.2 %', '家居品牌:每场团购约 3 000 人参团,社群成员约 25 万,约 1.2%'), {
      en: 'Share of a group’s members who join its group buy on a group-buy day (before the discount’s pull)',
      zh: '团购日每群参团的成员比例(未计折扣吸引力)',
    }), 0.005, 0.04, { en: 'One brand: about 1.2 % of group members per session; a weekly fresh-food group buy may draw a few per cent', zh: '单个品牌:每场约 1.2% 的群成员参团;每周生鲜团购可能达到几个百分点' }),
    ladder: {
      kind: 'array',
      maxItems: 10,
      default: [
        { participants: 30, discount: 0.2 },
        { participants: 50, discount: 0.3 },
        { participants: 100, discount: 0.4 },
      ],
      source: reported('coupons-group-buy-ladder', 'Duobao robot: group buys at 30 / 50 / 100 people gave 20 % / 30 % / 40 % off', '多保机器人:拼够 30 人打八折、50 人打七折、100 人打六折'),
      items: {
        kind: 'object',
        doc: { en: 'A rung of the ladder', zh: '阶梯的一档' },
        fields: {
          participants: decided(num('people', 1, 500, 30, reported('coupons-group-buy-ladder', 'Duobao robot: the first rung of its group-buy ladder is 30 people', '多保机器人:拼团阶梯第一档为 30 人'), { en: 'Participants needed in a group', zh: '每群所需参团人数' })),
          discount: decided(share(0.2, reported('coupons-group-buy-ladder', 'Duobao robot: 20 % off at the first rung', '多保机器人:第一档打八折'), { en: 'Discount at this rung', zh: '该档折扣' })),
        },
      },
      doc: { en: 'Price ladder: participants per group → discount', zh: '价格阶梯:每群参团人数 → 折扣' },
    },
  },
};

export const communityGroups = {
  type: 'communityGroups',
  name: { en: 'Community groups', zh: '社群' },
  summary: {
    en: 'WeCom groups: R2 join (→ R3) and buyers join after an order; posts raise first purchases and repeat buying, word of mouth spreads inside each group; too many posts and big groups make members leave.',
    zh: '企微社群:R2 入群(→R3),买家下单后入群;发帖提升首购与复购,群内口碑传播;发帖过多、群过大会导致退群。',
  },
  moves: [
    [R2, R3],
    [R3, R4],
    [R3, R2],
  ],
  purchases: [R4, 5],
  params: {
    schedule: schedule({ daily: true }),
    groups: decided(key(num('count', 1, 100000, 100, assumed('a mid-size brand; Luckin Coffee built 9 100 groups in three months, far more', '按中等规模品牌设定;瑞幸三个月建群 9100 多个,远多于此', ['groups-luckin-scale-9100']), {
      en: 'Number of groups',
      zh: '社群数量',
    }))),
    capacity: decided(num('people', 10, 500, 200, reported('groups-size-40-200', 'Amway: groups of 40–100 work best; common sizes are 40–200, and WeCom caps a group at 500', '安利:40–100 人的小群更有效;常见群规模 40–200 人,企业微信客户群上限 500 人'), {
      en: 'Members per group at most (WeCom’s hard cap is 500) — in agents × scale',
      zh: '每群成员上限(企微上限 500)— 按个体数 × 规模计',
    }, { integer: true })),
    groupsPerOperator: decided(num('count', 1, 50, 3, reported('groups-xtep-per-employee', 'Xtep: each store employee runs 2–3 groups of more than 100 members', '特步:每位门店员工平均运营 2–3 个群,每群 100 人以上'), {
      en: 'Groups one operator runs',
      zh: '每位运营负责的群数',
    })),
    operatorCostPerMonth: ranged(key(num('yuanPerMonth', 0, 1e6, 8000, assumed('part of an operator’s monthly pay; no source gives what a group costs', '按一名运营月薪的一部分计;没有公开的社群成本数据', ['gaps-not-published']), { en: 'Cost of one operator per month', zh: '每位运营每月成本' })), 5000, 16000, WHY.cost),
    joinRate: ranged(key(share(0.01, assumed('groups fill within months; Luckin Coffee gained about 12 000 members a day at its scale', '使社群在几个月内坐满;瑞幸在其规模下日均入群约 1.2 万人', ['groups-luckin-scale-9100']), {
      en: 'Daily chance an R2 person joins a group at full pressure (while groups have room): → R3',
      zh: '满压力时 R2 每日入群概率(群有空位时):→R3',
    })), 0.004, 0.02, WHY.unpublished),
    postOrderJoinRate: ranged(share(0.257, reported('guides-chocolate-post-order-25-7', 'Meiri Heiqiao chocolate: a prompt right after the order brought 25.7 % of buyers into groups', '每日黑巧:下单后弹出入群引导,25.7% 的买家入群'), {
      en: 'Buyers not in a group who join after an order',
      zh: '未入群买家在下单后入群的比例',
    }), 0.1, 0.35, WHY.oneBrand),
    postsPerDay: decided(key(num('count', 0, 50, 3, assumed('a few posts a day is a common group rhythm', '每天几条是社群常见的发帖节奏'), { en: 'Posts per group on a scheduled day (the effort)', zh: '排期日每群发帖数(投入)' }))),
    halfSaturationPosts: ranged(num('count', 0.1, 50, 2, assumed('two posts a day give half the full effect', '每天 2 条即可达到一半的最大效果'), { en: 'Posts per day at half of the maximum effect (Hill ec)', zh: '达到一半最大效果的日发帖数(Hill 半饱和点)' }), 1, 4, WHY.halfSaturation),
    shape: ranged(hillShape(1.5, assumed('a group needs a minimum rhythm before it works', '社群要有基本的发帖节奏才会见效')), 1, 2.5, WHY.shape),
    halfLifeDays: ranged(halfLife(2, assumed('a post is read within a day or two', '群消息一两天内就被看完')), 1, 4, WHY.halfLife),
    quality: ranged(num('multiplier', 0, 3, 1, assumed('1 stands for typical content; raise it for content members value', '1 代表一般内容;内容对成员更有价值时可调高'), { en: 'Content quality (1 = typical)', zh: '内容质量(1 = 一般)' }), 0.7, 1.3, { en: 'What typical content means is a judgement: about a third weaker or stronger', zh: '何为一般内容是经验判断:约弱三成到强三成' }),
    convertRate: ranged(key(share(0.003, reported(['groups-xtep-conversion-16', 'groups-home-group-buy-25'], 'Xtep: its best groups converted 16 %; group buys 25 %. 0.6 % a day is about 16 % a month', '特步:社群成交转化率最高 16%;团购为 25%。每天 0.6% 约合每月 16%'), {
      en: 'Daily chance an R3 member makes a first purchase at full pressure: → R4',
      zh: '满压力时 R3 成员每日首购概率:→R4',
    })), 0.002, 0.008, { en: 'Xtep’s 16 % a month came from its best groups; typical groups may convert a third as often', zh: '特步每月 16% 的转化来自其最好的社群;一般社群可能只有其三分之一' }),
    repeatLift: ranged(num('multiplier', 0, 10, 0.35, reported('groups-luckin-frequency-30', 'Luckin Coffee: after joining its groups, customers bought 30 % more often a month', '瑞幸:用户进入社群后,月消费频次提升 30%'), {
      en: 'Buyers’ purchase-rate lift at full pressure: rate × (1 + lift)',
      zh: '满压力时买家购买率提升:购买率 ×(1 + 提升)',
    }), 0.15, 0.5, WHY.oneBrand),
    localWordOfMouth: ranged(share(0.01, assumed('word of mouth inside a group grows with the share of members who bought; no figure is published', '群内口碑随已购成员比例上升;没有公开数据', ['gaps-not-published']), {
      en: 'Daily first-purchase chance of an R3 member per unit of exposure (share of the group who bought)',
      zh: 'R3 成员每单位曝光(群内已购比例)的每日首购概率',
    }), 0.003, 0.03, WHY.unpublished),
    comfortablePosts: ranged(num('count', 0, 50, 4, assumed('members accept a few posts a day; beyond that they start to leave', '成员能接受每天几条,再多就开始退群', ['gaps-not-published']), { en: 'Posts per day members tolerate without leaving more', zh: '成员可接受的日发帖数' }), 2, 6, WHY.unpublished),
    fatigue: ranged(share(0.002, assumed('no leaving or muting rates are published; small, so over-posting shows within weeks', '没有公开的退群或屏蔽比例;取较小值,发帖过多的后果在几周内显现', ['gaps-not-published']), { en: 'Extra daily leave chance per post beyond the comfortable number', zh: '超出可接受发帖数后每多一帖的额外退群概率' }), 0.0005, 0.005, WHY.unpublished),
    baseLeave: ranged(share(0.001, assumed('no group-leaving rates are published; about 3 % of members a month', '没有公开的退群比例;约每月 3% 的成员退群', ['gaps-not-published']), {
      en: 'Daily chance a member leaves a group anyway',
      zh: '成员每日自然退群概率',
    }), 0.0005, 0.002, WHY.unpublished),
    wateringSize: ranged(num('people', 1, 10000, 300, reported('groups-watered-down', 'Futu community: “the more people, the more watered-down the group”; the effect halves at 300 members', '富途社区:“人越多,群越水”;默认 300 人时效果减半'), {
      en: 'Size at which a group’s effect per member halves',
      zh: '群效果减半时的群规模',
    }), 150, 500, WHY.oneBrand),
    groupBuy: groupBuySpec,
  },
  curve: {
    effortParam: 'postsPerDay',
    effortUnit: 'count',
    effortLabel: { en: 'Posts per group per day', zh: '每群每日发帖数' },
    pressureLabel: { en: 'Share of the maximum effect on members', zh: '对成员最大效果的比例' },
    halfLifeParam: 'halfLifeDays',
    ecParam: 'halfSaturationPosts',
    shapeParam: 'shape',
  },
  metrics: [
    { key: 'members', label: { en: 'Members at the end', zh: '期末成员数' }, unit: 'people' },
    { key: 'averageGroupSize', label: { en: 'Average group size', zh: '平均群规模' }, unit: 'people' },
    { key: 'joined', label: { en: 'Joined (R2 → R3 and after orders)', zh: '入群人数(R2→R3 与下单后)' }, unit: 'people' },
    { key: 'left', label: { en: 'Left a group', zh: '退群人数' }, unit: 'people' },
    { key: 'buyerShare', label: { en: 'Share of members who bought', zh: '成员中已购比例' }, unit: 'share' },
    { key: 'groupBuyOrders', label: { en: 'Group-buy orders', zh: '团购订单' }, unit: 'count' },
    { key: 'memberRepeatRatio', label: { en: 'Members’ repeat-purchase rate ÷ other buyers’', zh: '成员复购频次 ÷ 非成员买家' }, unit: 'multiplier' },
    { key: 'memberGmvShare', label: { en: 'Sales by group members (share of GMV)', zh: '群成员成交占 GMV 比例' }, unit: 'share' },
    { key: 'privateSalesShare', label: { en: 'Sales by group members (share of private-domain GMV)', zh: '群成员成交占私域 GMV 比例' }, unit: 'share' },
  ],
  sideEffects: {
    en: 'Posting beyond the comfortable number, and large groups, make members leave (non-buyers fall R3 → R2); group-buy discounts are a cost; operators cost every day.',
    zh: '发帖超过可接受数量或群过大会导致退群(未购成员 R3→R2);团购折扣计入成本;运营人力每日计成本。',
  },
  response: {
    en: 'Sociable agents join more readily; members in smaller groups respond more.',
    zh: '社交性强的个体更易入群;小群成员响应更强。',
  },

  // Group buys are its events (orders per member in a group buy), when it has them.
  // Its groups hold at most groups × members per group.
  opens: { channel: 'groups', capacity: (q) => Number(q.groups) * Number(q.capacity) },
  eventDays(cfg: TacticConfig, engine: EngineConfig) {
    const gb = cfg.params.groupBuy as { schedule: Schedule } | undefined;
    return gb ? resolveSchedule(gb.schedule, engine.startDay, engine.days) : cfg.schedule;
  },

  create(cfg: TacticConfig, env: RunEnv): TacticRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationPosts, prm.shape);
    const gbRaw = cfg.params.groupBuy as { schedule: Schedule } | undefined;
    const gbDays = gbRaw ? resolveSchedule(gbRaw.schedule, engine.startDay, engine.days) : null;
    // Capacity in agents: a group of 200 people at scale 10 holds 20 agents.
    const capAgents = Math.max(1, Math.round(prm.capacity / engine.scale));
    const size = new Int32Array(prm.groups);
    const bought = new Int32Array(prm.groups);
    let members = new MemberSet(env.agents);
    let rng = env.rng;
    let cursor = 0;
    let free = prm.groups * capAgents;
    let posts = 0;
    let joined = 0;
    let left = 0;
    // Discount each group reached today by its expected participants (the ladder works per group).
    const gbDisc = new Float32Array(prm.groups);
    let gbToday = false;
    let gbOrders = 0;
    let joinToday = false;
    // For the members-vs-others purchase-frequency ratio: repeat orders and buyer-days of each group.
    let memberRepeat = 0;
    let otherRepeat = 0;
    let memberBuyerDays = 0;
    let otherBuyerDays = 0;

    const join = (s: RunState, i: number): boolean => {
      if (free <= 0 || members.has(i)) return false;
      while (size[cursor]! >= capAgents) cursor = (cursor + 1) % prm.groups;
      members.add(i);
      s.pop.group[i] = cursor;
      s.pop.channels[i] = s.pop.channels[i]! | IN_GROUP;
      size[cursor]! += 1;
      free--;
      joined++;
      return true;
    };
    const leave = (s: RunState, i: number) => {
      if (!members.remove(i)) return;
      const g = s.pop.group[i]!;
      size[g]! -= 1;
      free++;
      s.pop.group[i] = -1;
      s.pop.channels[i] = s.pop.channels[i]! & ~IN_GROUP;
      if (size[g]! < capAgents && size[cursor]! >= capAgents) cursor = g;
    };

    return {
      beginDay(s: RunState) {
        posts = prm.postsPerDay * (cfg.schedule[s.day] ?? 0);
        const pr = pressure.step(posts) * prm.quality;
        const pop = s.pop;
        const marks = s.marks;
        // Who bought, per group (exposure for word of mouth inside the group).
        bought.fill(0);
        let memberBuyers = 0;
        for (let k = 0; k < members.size; k++) {
          const i = members.list[k]!;
          if (pop.tier[i]! >= R4) {
            bought[pop.group[i]!]! += 1;
            memberBuyers++;
          }
        }
        memberBuyerDays += memberBuyers;
        otherBuyerDays += s.startCounts[R4]! + s.startCounts[5]! - memberBuyers;
        const groupBuy = gbDays !== null && (gbDays[s.day] ?? 0) > 0;
        gbToday = groupBuy;
        if (groupBuy) for (let g = 0; g < prm.groups; g++) gbDisc[g] = ladderDiscount(prm.ladder, size[g]! * engine.scale * prm.groupBuyRate);
        for (let k = members.size - 1; k >= 0; k--) {
          const i = members.list[k]!;
          const g = pop.group[i]!;
          const n = size[g]!;
          const people = n * engine.scale;
          const eff = pr / (1 + people / prm.wateringSize);
          const t = pop.tier[i]!;
          const leaveP = leaveChance(prm, posts, people);
          if (t === R3) {
            const exposure = n > 0 ? bought[g]! / n : 0;
            marks.forward(i, prm.convertRate * eff + prm.localWordOfMouth * exposure * prm.quality, R4, cause, rng);
            marks.reverse(i, leaveP, R2, cause, rng);
          } else if (t >= R4) {
            marks.buy(i, 1 + prm.repeatLift * eff, cause);
            // Buyers who leave stay buyers: they only leave the group.
            if (rng.next() < leaveP) {
              leave(s, i);
              left++;
              continue;
            }
          }
          if (groupBuy) {
            // A deeper discount pulls more members in (price-sensitive ones most).
            const chance = prm.groupBuyRate * (1 + gbDisc[g]!) * (pop.price ? pop.price[i]! : 1);
            if (t === R3) marks.forward(i, chance, R4, cause, rng);
            else if (t >= R4) marks.buyChance(i, chance, cause);
          }
        }
        // Joining from R2, limited by the room left in the groups.
        const r2 = s.startCounts[R2]!;
        joinToday = free > 0 && pr > 0;
        if (joinToday && r2 > 0) {
          s.sources.addForward(R2, R3, Math.min(prm.joinRate * pr, free / r2), TRAIT_SOCIAL, cause);
        }
      },
      onMove(s: RunState, i: number, from: number, to: number, c: number) {
        if (c === cause && from === R2 && to === R3) {
          join(s, i);
        } else if (to < R3 && from >= R3 && members.has(i)) {
          // Falling out of the private domain (by any cause) means leaving the group.
          leave(s, i);
          if (c === cause) left++;
        }
      },
      onOrder(s: RunState, o: Order) {
        if (o.fromTier >= R4) {
          if (members.has(o.agent)) memberRepeat++;
          else otherRepeat++;
        }
        if (o.cause === cause && gbToday) {
          gbOrders++;
          const g = s.pop.group[o.agent]!;
          const d = g >= 0 ? gbDisc[g]! : 0;
          if (d > 0) s.rec.discount(cause, o.value * d * s.config.scale);
        }
        // The post-order prompt runs on the tactic's scheduled days only.
        if (prm.postOrderJoinRate > 0 && free > 0 && (cfg.schedule[s.day] ?? 0) > 0 && !members.has(o.agent) && rng.next() < prm.postOrderJoinRate) {
          join(s, o.agent);
        }
      },
      endDay(s: RunState) {
        const operators = Math.ceil(prm.groups / prm.groupsPerOperator);
        s.rec.cost(cause, (operators * prm.operatorCostPerMonth) / 30);
      },
      saveState: () => ({
        level: pressure.level,
        size: size.slice(),
        bought: bought.slice(),
        members: saveSet(members),
        rng: saveRng(rng),
        cursor,
        free,
        posts,
        joined,
        left,
        gbDisc: gbDisc.slice(),
        gbToday,
        gbOrders,
        joinToday,
        memberRepeat,
        otherRepeat,
        memberBuyerDays,
        otherBuyerDays,
      }),
      loadState(st: TacticState, s: RunState) {
        pressure.level = stateNumber(st, 'level');
        size.set(stateArray(st, 'size', Int32Array, size.length));
        bought.set(stateArray(st, 'bought', Int32Array, bought.length));
        members = loadSet(st, 'members', s.pop.n) ?? new MemberSet(s.pop.n);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id)) ?? rng;
        cursor = stateNumber(st, 'cursor');
        free = stateNumber(st, 'free');
        posts = stateNumber(st, 'posts');
        joined = stateNumber(st, 'joined');
        left = stateNumber(st, 'left');
        gbDisc.set(stateArray(st, 'gbDisc', Float32Array, gbDisc.length));
        gbToday = stateBool(st, 'gbToday');
        gbOrders = stateNumber(st, 'gbOrders');
        joinToday = stateBool(st, 'joinToday');
        memberRepeat = stateNumber(st, 'memberRepeat');
        otherRepeat = stateNumber(st, 'otherRepeat');
        memberBuyerDays = stateNumber(st, 'memberBuyerDays');
        otherBuyerDays = stateNumber(st, 'otherBuyerDays');
      },
      report(s: RunState) {
        const sc = s.config.scale;
        let buyers = 0;
        for (let k = 0; k < members.size; k++) if (s.pop.tier[members.list[k]!]! >= R4) buyers++;
        const ratio = memberBuyerDays > 0 && otherBuyerDays > 0 && otherRepeat > 0 ? memberRepeat / memberBuyerDays / (otherRepeat / otherBuyerDays) : NaN;
        const all = s.ledger.channel(CHANNEL_ALL, CHANNEL_GMV);
        const group = s.ledger.channel(CHANNEL_GROUP, CHANNEL_GMV);
        const priv = s.ledger.channel(CHANNEL_PRIVATE, CHANNEL_GMV);
        return [members.size * sc, (members.size * sc) / prm.groups, joined * sc, left * sc, members.size > 0 ? buyers / members.size : NaN, gbOrders * sc, ratio, all > 0 ? group / all : NaN, priv > 0 ? group / priv : NaN];
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationPosts, prm.shape);
    const capAgents = Math.max(1, Math.round(prm.capacity / engine.scale));
    const total = prm.groups * capAgents;
    // Expected members in R3 and among buyers (agents), updated from the day's expected flows.
    let m3 = 0;
    let mb = 0;
    let pJoin = 0;
    let pConv = 0;
    let pLeave = 0;
    return {
      beginDay(m: MeanFieldDay) {
        const posts = prm.postsPerDay * (cfg.schedule[m.day] ?? 0);
        const pr = pressure.step(posts) * prm.quality;
        const members = m3 + mb;
        const people = (members / prm.groups) * engine.scale;
        const eff = pr / (1 + people / prm.wateringSize);
        const r2 = m.startCounts[R2]!;
        const r3 = m.startCounts[R3]!;
        const buyers = m.startCounts[R4]! + m.startCounts[5]!;
        const free = Math.max(0, total - members);
        pJoin = free > 0 && r2 > 0 ? Math.min(prm.joinRate * pr, free / r2) : 0;
        const exposure = members > 0 ? mb / members : 0;
        pConv = prm.convertRate * eff + prm.localWordOfMouth * exposure * prm.quality;
        pLeave = leaveChance(prm, posts, people);
        m.sources.addForward(R2, R3, pJoin, TRAIT_SOCIAL, cause);
        if (r3 > 0) {
          m.sources.addForward(R3, R4, (pConv * Math.min(m3, r3)) / r3, TRAIT_SOCIAL, cause);
          m.sources.addReverse(R3, R2, (pLeave * Math.min(m3, r3)) / r3, TRAIT_SOCIAL, cause);
        }
        if (buyers > 0) {
          const lift = 1 + (prm.repeatLift * eff * Math.min(mb, buyers)) / buyers;
          m.sources.addBuyBoost(R4, lift, cause);
          m.sources.addBuyBoost(5, lift, cause);
        }
        // Joiners arrive today; converters become buyer members; leavers and decayed members go.
        const joins = r2 * pJoin;
        const conv = m3 * pConv;
        const decay = m3 * engine.reverse[R3]!;
        // Post-order joins: yesterday's orders by buyers not yet in a group, on scheduled days.
        const nonMembers = buyers > 0 ? Math.max(0, 1 - mb / buyers) : 1;
        const newBuyerJoins = posts > 0 ? Math.min(free, m.lastOrders * nonMembers * prm.postOrderJoinRate) : 0;
        m3 = Math.max(0, m3 + joins - conv - m3 * pLeave - decay);
        mb = Math.max(0, mb + conv + newBuyerJoins - mb * pLeave);
        m.cost(cause, (Math.ceil(prm.groups / prm.groupsPerOperator) * prm.operatorCostPerMonth) / 30);
      },
    };
  },
} satisfies TacticDefinition;
