import { assumed, reported } from '../../lib/source';
import type { TacticConfig } from '../config';
import type { MeanFieldDay } from '../projection/meanfield-day';
import { MemberSet } from '../step/member-set';
import { DORMANT_DAYS } from '../step/moves';
import { CHANNEL_ALL, CHANNEL_REPEAT_GMV, CHANNEL_REPEAT_ORDERS, CHANNEL_WECOM } from '../results/order-ledger';
import { WECOM } from '../step/population';
import type { Order, RunState } from '../step/run-state';
import { TRAIT_RESPOND } from '../step/sources';
import { R2, R3, R4, R5 } from '../tiers';
import { EffortPressure, halfLife, hillShape, num, schedule, share, key, ranged, decided, WHY, tacticParams } from './common';
import { loadArrayOrNull, loadRng, loadSet, saveRng, saveSet, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime, RunEnv } from './types';

/**
 * Guides on WeCom, one to one (导购, 企业微信). Each guide adds new contacts every working day (R2 → R3, and buyers
 * after an order, who keep their tier), up to a contact capacity. Follow-up messages (the effort, adstock then Hill)
 * turn R3 contacts into buyers through consultation — stronger where customers want advice before buying (the
 * industry's consultation weight) — raise contacts' repeat purchasing and recall dormant ones. A guide can follow a
 * limited number of contacts closely; beyond it each contact gets less attention.
 */
type GuideParams = ParamsOf<typeof guides.params>;

function paramsOf(q: Record<string, unknown>): GuideParams {
  return tacticParams(guides.params, q);
}

/** Attention each contact gets: full up to the capacity a guide can follow, then shared. */
function attention(prm: GuideParams, contactsReal: number): number {
  const perGuide = contactsReal / prm.guides;
  return perGuide <= prm.attentionCapacity ? 1 : prm.attentionCapacity / perGuide;
}

export const guides = {
  type: 'guides',
  name: { en: 'Guides on WeCom (1-on-1)', zh: '导购企微一对一' },
  summary: {
    en: 'Guides add contacts (R2 → R3; buyers after an order), consult them into first purchases (R3 → R4), follow up for repeat purchases and recall dormant buyers.',
    zh: '导购添加好友(R2→R3;买家下单后添加),通过咨询促成首购(R3→R4),跟进复购并召回沉睡买家。',
  },
  moves: [
    [R2, R3],
    [R3, R4],
  ],
  purchases: [R4, R5],
  params: {
    schedule: schedule({ weekly: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] }),
    guides: decided(key(num('count', 1, 1e6, 50, assumed('a mid-size team; a mother-and-baby chain mobilised the staff of about 500 stores', '按中等规模团队设定;某母婴连锁动员了约 500 家门店的员工', ['guides-mother-baby-wecom-1m']), {
      en: 'Number of guides',
      zh: '导购人数',
    }))),
    contactsPerGuide: ranged(num('people', 1, 100000, 5000, assumed('a guide’s WeCom account holds thousands of contacts', '一位导购的企业微信可容纳数千位好友'), {
      en: 'Contacts one guide can hold',
      zh: '每位导购可容纳的好友数',
    }), 2000, 8000, WHY.unpublished),
    attentionCapacity: ranged(num('people', 1, 100000, 800, assumed('a guide can follow several hundred contacts closely', '一位导购能精细跟进几百位好友'), {
      en: 'Contacts a guide can follow closely; beyond this each contact gets proportionally less attention',
      zh: '导购能精细跟进的好友数;超过后每位好友获得的关注按比例下降',
    }), 400, 1500, WHY.unpublished),
    addsPerGuide: ranged(key(num('people', 0, 1000, 15, reported('guides-bosideng-20k-a-day', 'Bosideng: its guides added about 20 000 WeCom friends a day; 15 per guide a day for a mid-size team', '波司登:导购每天新增企业微信好友 2 万多;中等规模团队按每人每天 15 位计'), {
      en: 'New contacts per guide per working day at full pressure',
      zh: '满压力时每位导购每个工作日新增好友数',
    })), 8, 25, WHY.oneBrand),
    inStoreShare: { ...ranged(share(0.5, reported('guides-mother-baby-wecom-1m', 'A mother-and-baby chain: 90 % added by store staff; half for a brand that also adds online', '某母婴连锁 90% 由门店导购添加;兼做线上加粉的品牌按一半计'), {
      en: 'Share of a guide’s new contacts added at the till, from customers buying that day (the rest come from people who know the brand, R2); the customers who add a guide in store are buying, which is who adds a guide',
      zh: '导购新增好友中在门店收银时添加的比例(来自当天下单的顾客,其余来自已了解品牌的人群 R2);在店里加导购的人正在购物——这正是会加导购的人',
    }), 0.2, 0.9, WHY.oneBrand), label: { en: 'New contacts added at the till', zh: '收银时添加的新好友比例' } },
    postOrderAddRate: ranged(share(0.1, reported('guides-chocolate-parcel-card', 'Meiri Heiqiao chocolate: cards in parcels turned 8–15 % of buyers into followers', '每日黑巧:包裹里的卡片让 8–15% 的买家成为粉丝'), {
      en: 'Buyers who add a guide after an order',
      zh: '下单后添加导购的买家比例',
    }), 0.08, 0.15, { en: 'One brand: cards in parcels turned 8–15 % of buyers into followers', zh: '单个品牌:包裹卡让 8%–15% 的买家成为关注者' }),
    messagesPerGuide: decided(key(num('count', 0, 10000, 80, assumed('follow-up messages in one working day', '一个工作日的跟进消息量', ['gaps-not-published']), { en: 'Follow-up messages per guide per working day (the effort)', zh: '每位导购每工作日跟进消息数(投入)' }))),
    halfSaturationMessages: ranged(num('count', 0.1, 10000, 60, assumed('60 messages a day give half the full effect', '每天 60 条消息达到一半的最大效果'), { en: 'Messages per guide per day at half of the maximum effect (Hill ec)', zh: '达到一半最大效果的日消息数(Hill 半饱和点)' }), 30, 120, WHY.halfSaturation),
    shape: ranged(hillShape(1, assumed('concave: each extra message does less', '边际递减:每多一条消息,效果更小')), 0.7, 1.5, WHY.shape),
    halfLifeDays: ranged(halfLife(3, assumed('a conversation keeps working for a few days', '一次沟通的效果持续几天')), 1, 7, WHY.halfLife),
    consultRate: ranged(key(share(0.004, reported('guides-mother-baby-consult-39', 'Mother-and-baby chain: 39 % of new WeCom contacts bought on its mini-program in their first month; 0.4 % a day (about 11 % a month) for a typical brand', '母婴连锁:新加企微好友首月在小程序的转化率 39%;一般品牌按每天 0.4%(每月约 11%)计'), {
      en: 'Daily chance an R3 contact buys after consultation at full effect: → R4',
      zh: '满效果时 R3 好友经咨询每日首购概率:→R4',
    })), 0.002, 0.008, WHY.oneBrand),
    consultationWeight: num('multiplier', 0, 5, 1, reported('whitepaper-industry-factors', 'Tencent whitepaper: customers want advice before buying most in beauty, apparel and mother & baby — the industry presets raise it there', '腾讯全域用户运营白皮书:美妆、服饰、母婴的购前咨询意愿最强——行业预设中相应调高'), {
      en: 'How much customers in this industry want advice before buying (1 = average)',
      zh: '该行业消费者购前咨询意愿(1 = 平均)',
    }),
    followUpLift: ranged(num('multiplier', 0, 10, 0.4, assumed('follow-up lifts contacts’ buying by 40 % at full effect, a little above Luckin’s groups', '满效果时跟进使好友购买率提升 40%,略高于瑞幸社群的提升', ['groups-luckin-frequency-30']), { en: 'Contacts’ purchase-rate lift at full effect', zh: '满效果时好友购买率提升' }), 0.2, 0.6, WHY.unpublished),
    welcomeDays: ranged(num('days', 0, 90, 14, reported('guides-mother-baby-consult-39', 'Mother-and-baby chain: 39 % of new WeCom contacts bought in their first month — guides consult a new contact most in the first weeks (welcome message, needs, first-order guidance)', '母婴连锁:新加企微好友首月转化 39%——导购在加好友后的头几周咨询最密集(欢迎语、需求了解、首单引导)'), {
      en: 'Days after a contact is added during which the guide consults them more (the welcome period)',
      zh: '添加好友后导购重点咨询的天数(欢迎期)',
    }, { integer: true }), 7, 30, WHY.oneBrand),
    welcomeLift: ranged(num('multiplier', 1, 20, 4, assumed('in the welcome period a new contact gets several times the consultation of an established one; set so a mother-and-baby market reaches about a third of the chain’s 39 % first-month conversion baseline-free', '欢迎期内新好友获得的咨询是老好友的数倍'), {
      en: 'Consultation of a new contact in the welcome period, as a multiple of the usual',
      zh: '欢迎期内新好友获得的咨询为平常的倍数',
    }), 2, 6, WHY.unpublished),
    basketLift: ranged(share(0.15, assumed('a guide’s recommendation adds about one item in seven to a contact’s basket at full effect; no basket figures are published', '满效果时导购推荐使好友的客单价提升约 15%;没有公开的客单价数据', ['gaps-not-published']), {
      en: 'Contacts’ order value lift at full effect (recommendations, bundles)',
      zh: '满效果时好友客单价提升(推荐、搭配)',
    }), 0.05, 0.3, WHY.unpublished),
    recallRate: ranged(share(0.01, assumed('no recall rates are published', '没有公开的召回比例', ['gaps-not-published']), { en: 'Daily chance a dormant buyer contact is recalled at full effect', zh: '满效果时沉睡买家好友每日被召回概率' }), 0.003, 0.02, WHY.unpublished),
    guideCostPerMonth: ranged(key(num('yuanPerMonth', 0, 1e6, 6000, assumed('the part of a guide’s pay spent on private-domain work', '导购薪酬中用于私域工作的部分', ['gaps-not-published']), {
      en: 'Cost of one guide per month',
      zh: '每位导购每月成本',
    })), 4000, 12000, WHY.cost),
  },
  curve: {
    effortParam: 'messagesPerGuide',
    effortUnit: 'count',
    effortLabel: { en: 'Follow-up messages per guide per day', zh: '每位导购每日跟进消息数' },
    pressureLabel: { en: 'Share of the maximum consultation effect', zh: '占最大咨询效果的比例' },
    halfLifeParam: 'halfLifeDays',
    ecParam: 'halfSaturationMessages',
    shapeParam: 'shape',
  },
  metrics: [
    { key: 'contacts', label: { en: 'WeCom contacts at the end', zh: '期末企微好友数' }, unit: 'people' },
    { key: 'contactsPerGuide', label: { en: 'Contacts per guide', zh: '人均好友数' }, unit: 'people' },
    { key: 'added', label: { en: 'Contacts added', zh: '新增好友' }, unit: 'people' },
    { key: 'consultPurchases', label: { en: 'First purchases after consultation', zh: '咨询促成的首购' }, unit: 'count' },
    { key: 'contactFrequencyRatio', label: { en: 'Contacts’ orders per buyer-month ÷ other buyers’', zh: '企微好友买家月均购买频次 ÷ 非好友买家' }, unit: 'multiplier' },
    { key: 'contactSpendRatio', label: { en: 'Contacts’ spend per buyer-month ÷ other buyers’', zh: '企微好友买家月均消费额 ÷ 非好友买家' }, unit: 'multiplier' },
    { key: 'newContactMonthBuyers', label: { en: 'New contacts who ordered within 30 days after the day they were added', zh: '新增好友在添加后 30 天内下单的比例' }, unit: 'share' },
  ],
  sideEffects: {
    en: 'Guides cost every month; beyond the contacts a guide can follow, attention per contact falls.',
    zh: '导购每月计成本;好友数超过可精细跟进的规模后,每位好友获得的关注下降。',
  },
  response: { en: 'Agents more responsive to marketing add guides and respond to consultation more.', zh: '营销响应高的个体更易添加导购并响应咨询。' },

  // Its guides' WeCom accounts hold at most guides × contacts per guide.
  opens: { channel: 'wecom', capacity: (q) => Number(q.guides) * Number(q.contactsPerGuide) },
  create(cfg: TacticConfig, env: RunEnv): TacticRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationMessages, prm.shape);
    const capacityAgents = (prm.guides * prm.contactsPerGuide) / engine.scale;
    let contacts = new MemberSet(env.agents);
    let rng = env.rng;
    let added = 0;
    let consults = 0;
    // Buyer-days (R4, R5 at the start of a day) of contacts and of everyone, for contacts' frequency and spend.
    let contactBuyerDays = 0;
    let buyerDays = 0;
    // Orders within 30 days after the day of being added: the day each contact was added (−1: not a new contact or
    // already counted), and the new contacts whose 30 days end within the run (the denominator). A contact added at
    // the till has just ordered; their next order is what counts, as the brand counts purchases after the add.
    let addedOn = new Int16Array(env.agents).fill(-1);
    let newContacts = 0;
    let boughtWithin30 = 0;
    // The last day of each contact's welcome period (consulted welcomeLift times as much until then), and today's
    // pressure (for the basket lift of contacts' orders).
    let welcomeUntil = new Int16Array(env.agents).fill(-1);
    let prToday = 0;
    // In-store adds: today's chance that an order's customer is added at the till (today's in-store adds ÷ the
    // orders expected today, taken as yesterday's), and the orders counted today.
    let tillChance = 0;
    let ordersToday = 0;
    let ordersYesterday = 0;
    const add = (s: RunState, i: number) => {
      if (contacts.size >= capacityAgents || !contacts.add(i)) return;
      s.pop.channels[i] = s.pop.channels[i]! | WECOM;
      added++;
      if (prm.welcomeDays > 0) welcomeUntil[i] = s.day + prm.welcomeDays - 1;
      // Only contacts whose first 30 days fit in the run count, so the share is not diluted at the end.
      if (s.day + 30 <= s.config.days) {
        addedOn[i] = s.day;
        newContacts++;
      } else addedOn[i] = -1;
    };
    return {
      beginDay(s: RunState) {
        const working = cfg.schedule[s.day] ?? 0;
        const pr = pressure.step(prm.messagesPerGuide * working) * attention(prm, contacts.size * engine.scale);
        prToday = pr;
        const pop = s.pop;
        const marks = s.marks;
        buyerDays += s.startCounts[R4]! + s.startCounts[R5]!;
        const consult = prm.consultRate * prm.consultationWeight * pr;
        const lift = 1 + prm.followUpLift * pr;
        const recall = prm.recallRate * pr;
        // One pass over the contacts (in the order they were added, for the stream's draws): count the buyers among
        // them and, when the guides are active, mark them.
        const list = contacts.list;
        const size = contacts.size;
        if (!(pr > 0)) {
          for (let k = 0; k < size; k++) if (pop.tier[list[k]!]! >= R4) contactBuyerDays++;
        } else {
          for (let k = 0; k < size; k++) {
            const i = list[k]!;
            const t = pop.tier[i]!;
            if (t >= R4) contactBuyerDays++;
            if (t === R3) {
              const welcome = s.day <= welcomeUntil[i]! ? prm.welcomeLift : 1;
              marks.forward(i, consult * welcome * (pop.respond ? pop.respond[i]! : 1), R4, cause, rng);
            }
            else if (t >= R4) {
              marks.buy(i, lift, cause);
              const dormant = s.bgnbd ? pop.active[i] === 0 : s.day - pop.lastOrderDay[i]! > DORMANT_DAYS;
              if (dormant) marks.recall(i, recall, cause);
            }
          }
        }
        // New contacts on working days, while guides have room: a share at the till, from today's buyers; the rest
        // from R2.
        const room = capacityAgents - contacts.size;
        const r2 = s.startCounts[R2]!;
        ordersYesterday = ordersToday;
        ordersToday = 0;
        tillChance = 0;
        if (working > 0 && room > 0) {
          const adds = Math.min((prm.guides * prm.addsPerGuide * working * Math.min(1, pr * 2)) / engine.scale, room);
          if (r2 > 0) s.sources.addForward(R2, R3, Math.min(1, (adds * (1 - prm.inStoreShare)) / r2), TRAIT_RESPOND, cause);
          if (ordersYesterday > 0) tillChance = Math.min(1, (adds * prm.inStoreShare) / ordersYesterday);
        }
      },
      onMove(s: RunState, i: number, from: number, to: number, c: number) {
        if (c === cause && from === R2 && to === R3) add(s, i);
        else if (from === R3 && to === R4 && c === cause) consults++;
        else if (to < R3 && from >= R3 && contacts.has(i)) contacts.remove(i);
      },
      onOrder(s: RunState, o: Order) {
        const i = o.agent;
        ordersToday++;
        if (addedOn[i]! >= 0 && s.day > addedOn[i]!) {
          if (s.day - addedOn[i]! <= 30) boughtWithin30++;
          addedOn[i] = -1;
        }
        // A contact's basket grows with the guide's recommendations (before the prompts below add new ones).
        if (prm.basketLift > 0 && prToday > 0 && contacts.has(i)) o.value *= 1 + prm.basketLift * prToday;
        if (contacts.has(i) || o.follow) return;
        if (tillChance > 0 && rng.next() < tillChance) add(s, i);
        else if (prm.postOrderAddRate > 0 && (cfg.schedule[s.day] ?? 0) > 0 && rng.next() < prm.postOrderAddRate) add(s, i);
      },
      endDay(s: RunState) {
        s.rec.cost(cause, (prm.guides * prm.guideCostPerMonth) / 30);
      },
      saveState: () => ({ level: pressure.level, contacts: saveSet(contacts), rng: saveRng(rng), added, consults, contactBuyerDays, buyerDays, addedOn: addedOn.slice(), newContacts, boughtWithin30, welcomeUntil: welcomeUntil.slice(), prToday, tillChance, ordersToday, ordersYesterday }),
      loadState(st: TacticState, s: RunState) {
        pressure.level = stateNumber(st, 'level');
        contacts = loadSet(st, 'contacts', s.pop.n) ?? new MemberSet(s.pop.n);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id)) ?? rng;
        added = stateNumber(st, 'added');
        consults = stateNumber(st, 'consults');
        contactBuyerDays = stateNumber(st, 'contactBuyerDays');
        buyerDays = stateNumber(st, 'buyerDays');
        addedOn = loadArrayOrNull(st, 'addedOn', Int16Array, s.pop.n) ?? new Int16Array(s.pop.n).fill(-1);
        newContacts = stateNumber(st, 'newContacts');
        boughtWithin30 = stateNumber(st, 'boughtWithin30');
        welcomeUntil = loadArrayOrNull(st, 'welcomeUntil', Int16Array, s.pop.n) ?? new Int16Array(s.pop.n).fill(-1);
        prToday = stateNumber(st, 'prToday');
        tillChance = stateNumber(st, 'tillChance');
        ordersToday = stateNumber(st, 'ordersToday');
        ordersYesterday = stateNumber(st, 'ordersYesterday');
      },
      report(s: RunState) {
        const sc = s.config.scale;
        // Orders by people who were buyers already (R4, R5), per buyer-day, contacts against everyone else.
        const l = s.ledger;
        const per = (a: number, days: number) => (days > 0 ? a / days : NaN);
        const otherDays = buyerDays - contactBuyerDays;
        const freq = per(l.channel(CHANNEL_WECOM, CHANNEL_REPEAT_ORDERS), contactBuyerDays) / per(l.channel(CHANNEL_ALL, CHANNEL_REPEAT_ORDERS) - l.channel(CHANNEL_WECOM, CHANNEL_REPEAT_ORDERS), otherDays);
        const spend = per(l.channel(CHANNEL_WECOM, CHANNEL_REPEAT_GMV), contactBuyerDays) / per(l.channel(CHANNEL_ALL, CHANNEL_REPEAT_GMV) - l.channel(CHANNEL_WECOM, CHANNEL_REPEAT_GMV), otherDays);
        return [contacts.size * sc, (contacts.size * sc) / prm.guides, added * sc, consults * sc, Number.isFinite(freq) ? freq : NaN, Number.isFinite(spend) ? spend : NaN, newContacts > 0 ? boughtWithin30 / newContacts : NaN];
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationMessages, prm.shape);
    const capacityAgents = (prm.guides * prm.contactsPerGuide) / engine.scale;
    let c3 = 0; // expected R3 contacts (agents)
    let cb = 0; // expected buyer contacts
    // Contacts added on each of the last welcomeDays days (a ring), for the R3 contacts still in their welcome period.
    const recent = new Float64Array(Math.max(1, prm.welcomeDays));
    return {
      beginDay(m: MeanFieldDay) {
        const working = cfg.schedule[m.day] ?? 0;
        const pr = pressure.step(prm.messagesPerGuide * working) * attention(prm, (c3 + cb) * engine.scale);
        const r2 = m.startCounts[R2]!;
        const r3 = m.startCounts[R3]!;
        const buyers = m.startCounts[R4]! + m.startCounts[R5]!;
        const consult = prm.consultRate * prm.consultationWeight * pr;
        let inWelcome = 0;
        if (prm.welcomeDays > 0) for (let k = 0; k < recent.length; k++) inWelcome += recent[k]!;
        inWelcome = Math.min(inWelcome, c3);
        // Expected conversions of R3 contacts today: each at most once (the engine caps each contact's chance at 1),
        // the welcome ones at the lifted chance. Never more than the R3 contacts there are.
        const contacts3 = Math.min(c3, r3);
        const welcomed = Math.min(inWelcome, contacts3);
        const conv = Math.min(1, consult * prm.welcomeLift) * welcomed + Math.min(1, consult) * (contacts3 - welcomed);
        if (r3 > 0) m.sources.addForward(R3, R4, conv / r3, TRAIT_RESPOND, cause);
        if (buyers > 0) {
          const share = Math.min(cb, buyers) / buyers;
          const lift = 1 + prm.followUpLift * pr * share;
          m.sources.addBuyBoost(R4, lift, cause);
          m.sources.addBuyBoost(R5, lift, cause);
          // Contacts' baskets: yesterday's orders by buyer contacts, each lifted by basketLift × pressure.
          if (prm.basketLift > 0) m.adjustValue?.(cause, m.lastOrders * share * engine.orderValue.mean * prm.basketLift * pr);
        }
        const room = Math.max(0, capacityAgents - c3 - cb);
        let joins = 0;
        let tillAdds = 0;
        if (working > 0 && room > 0) {
          const adds = Math.min((prm.guides * prm.addsPerGuide * working * Math.min(1, pr * 2)) / engine.scale, room);
          if (r2 > 0) {
            const pAdd = Math.min(1, (adds * (1 - prm.inStoreShare)) / r2);
            m.sources.addForward(R2, R3, pAdd, TRAIT_RESPOND, cause);
            joins = r2 * pAdd;
          }
          // At the till: at most every order of the day (yesterday's count), as in the engine.
          tillAdds = Math.min(adds * prm.inStoreShare, m.lastOrders);
        }
        if (prm.welcomeDays > 0) {
          // Age the ring: welcome contacts convert at the lifted rate; today's joins take the oldest slot.
          const keep = Math.max(0, 1 - consult * prm.welcomeLift - engine.reverse[R3]!);
          for (let k = 0; k < recent.length; k++) recent[k] = recent[k]! * keep;
          recent[m.day % recent.length] = joins;
        }
        c3 = Math.max(0, c3 + joins - conv - c3 * engine.reverse[R3]!);
        const nonContacts = buyers > 0 ? Math.max(0, 1 - cb / buyers) : 1;
        const postOrderAdds = working > 0 ? m.lastOrders * nonContacts * prm.postOrderAddRate : 0;
        cb = Math.min(capacityAgents - c3, cb + conv + tillAdds + postOrderAdds);
        m.cost(cause, (prm.guides * prm.guideCostPerMonth) / 30);
      },
    };
  },
} satisfies TacticDefinition;
