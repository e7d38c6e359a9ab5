import type { TacticConfig } from '../config';
import type { MeanFieldDay } from '../meanfield-day';
import { MemberSet } from '../member-set';
import { DORMANT_DAYS } from '../moves';
import { WECOM } from '../population';
import type { Order, RunState } from '../run-state';
import type { Rng } from '../rng';
import { TRAIT_RESPOND } from '../sources';
import { R2, R3, R4, R5 } from '../tiers';
import { EffortPressure, halfLife, hillShape, num, p, schedule, share } from './common';
import type { TacticDefinition, TacticEnv } from './types';

/**
 * Guides on WeCom, one to one (导购, 企业微信). Each guide adds new contacts every working day (R2 → R3, and buyers
 * after an order, who keep their tier), up to a contact capacity. Follow-up messages (the effort, adstock then Hill)
 * turn R3 contacts into buyers through consultation — stronger where customers want advice before buying (the
 * industry's consultation weight) — raise contacts' repeat purchasing and recall dormant ones. A guide can follow a
 * limited number of contacts closely; beyond it each contact gets less attention.
 */
interface GuideParams {
  guides: number;
  contactsPerGuide: number;
  attentionCapacity: number;
  addsPerGuide: number;
  postOrderAddRate: number;
  messagesPerGuide: number;
  halfSaturationMessages: number;
  shape: number;
  halfLifeDays: number;
  consultRate: number;
  consultationWeight: number;
  followUpLift: number;
  recallRate: number;
  guideCostPerMonth: number;
}

function paramsOf(q: Record<string, unknown>): GuideParams {
  return {
    guides: p(q, 'guides'),
    contactsPerGuide: p(q, 'contactsPerGuide'),
    attentionCapacity: p(q, 'attentionCapacity'),
    addsPerGuide: p(q, 'addsPerGuide'),
    postOrderAddRate: p(q, 'postOrderAddRate'),
    messagesPerGuide: p(q, 'messagesPerGuide'),
    halfSaturationMessages: p(q, 'halfSaturationMessages'),
    shape: p(q, 'shape'),
    halfLifeDays: p(q, 'halfLifeDays'),
    consultRate: p(q, 'consultRate'),
    consultationWeight: p(q, 'consultationWeight'),
    followUpLift: p(q, 'followUpLift'),
    recallRate: p(q, 'recallRate'),
    guideCostPerMonth: p(q, 'guideCostPerMonth'),
  };
}

/** Attention each contact gets: full up to the capacity a guide can follow, then shared. */
function attention(prm: GuideParams, contactsReal: number): number {
  const perGuide = contactsReal / prm.guides;
  return perGuide <= prm.attentionCapacity ? 1 : prm.attentionCapacity / perGuide;
}

export const guides: TacticDefinition = {
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
    guides: num('count', 1, 1e6, 50, 'assumption (mother & baby chain: about 500 stores recruited 1M+ contacts — calibration.md)', {
      en: 'Number of guides',
      zh: '导购人数',
    }),
    contactsPerGuide: num('people', 1, 100000, 5000, 'assumption (WeCom allows thousands of contacts per guide)', {
      en: 'Contacts one guide can hold',
      zh: '每位导购可容纳的好友数',
    }),
    attentionCapacity: num('people', 1, 100000, 800, 'assumption', {
      en: 'Contacts a guide can follow closely; beyond this each contact gets proportionally less attention',
      zh: '导购能精细跟进的好友数;超过后每位好友获得的关注按比例下降',
    }),
    addsPerGuide: num('people', 0, 1000, 15, 'calibration.md § Guides (down-jacket brand: ~20 000 new WeCom friends a day across its guides)', {
      en: 'New contacts per guide per working day at full pressure',
      zh: '满压力时每位导购每个工作日新增好友数',
    }),
    postOrderAddRate: share(0.1, 'calibration.md § Guides (chocolate brand: parcel cards turned 8–15 % of buyers into followers)', {
      en: 'Buyers who add a guide after an order',
      zh: '下单后添加导购的买家比例',
    }),
    messagesPerGuide: num('count', 0, 10000, 80, 'assumption', { en: 'Follow-up messages per guide per working day (the effort)', zh: '每位导购每工作日跟进消息数(投入)' }),
    halfSaturationMessages: num('count', 0.1, 10000, 60, 'assumption', { en: 'Messages per guide per day at half of the maximum effect (Hill ec)', zh: '达到一半最大效果的日消息数(Hill 半饱和点)' }),
    shape: hillShape(1, 'assumption'),
    halfLifeDays: halfLife(3, 'assumption'),
    consultRate: share(0.004, 'calibration.md § Guides (mother & baby: contacts converted at 39 % in their first month)', {
      en: 'Daily chance an R3 contact buys after consultation at full effect: → R4',
      zh: '满效果时 R3 好友经咨询每日首购概率:→R4',
    }),
    consultationWeight: num('multiplier', 0, 5, 1, 'industry presets (the whitepaper’s pre-purchase consultation factor: strong in beauty, apparel, mother & baby)', {
      en: 'How much customers in this industry want advice before buying (1 = average)',
      zh: '该行业消费者购前咨询意愿(1 = 平均)',
    }),
    followUpLift: num('multiplier', 0, 10, 0.4, 'assumption', { en: 'Contacts’ purchase-rate lift at full effect', zh: '满效果时好友购买率提升' }),
    recallRate: share(0.01, 'assumption', { en: 'Daily chance a dormant buyer contact is recalled at full effect', zh: '满效果时沉睡买家好友每日被召回概率' }),
    guideCostPerMonth: num('yuanPerMonth', 0, 1e6, 6000, 'assumption (share of a guide’s pay spent on private-domain work)', {
      en: 'Cost of one guide per month',
      zh: '每位导购每月成本',
    }),
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
  ],
  sideEffects: {
    en: 'Guides cost every month; beyond the contacts a guide can follow, attention per contact falls.',
    zh: '导购每月计成本;好友数超过可精细跟进的规模后,每位好友获得的关注下降。',
  },
  response: { en: 'Agents more responsive to marketing add guides and respond to consultation more.', zh: '营销响应高的个体更易添加导购并响应咨询。' },

  create(cfg: TacticConfig, env: TacticEnv) {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationMessages, prm.shape);
    const capacityAgents = (prm.guides * prm.contactsPerGuide) / engine.scale;
    let contacts: MemberSet | null = null;
    let rng: Rng | null = null;
    let added = 0;
    let consults = 0;
    const add = (s: RunState, i: number) => {
      if (contacts!.size >= capacityAgents || !contacts!.add(i)) return;
      s.pop.channels[i] = s.pop.channels[i]! | WECOM;
      added++;
    };
    return {
      beginDay(s: RunState) {
        contacts ??= new MemberSet(s.pop.n);
        rng ??= s.tacticRng(cfg.id);
        const working = cfg.schedule[s.day] ?? 0;
        const pr = pressure.step(prm.messagesPerGuide * working) * attention(prm, contacts.size * engine.scale);
        const pop = s.pop;
        const marks = s.marks;
        const consult = prm.consultRate * prm.consultationWeight * pr;
        const lift = 1 + prm.followUpLift * pr;
        const recall = prm.recallRate * pr;
        if (pr > 0) {
          for (let k = 0; k < contacts.size; k++) {
            const i = contacts.list[k]!;
            const t = pop.tier[i]!;
            if (t === R3) marks.forward(i, consult * (pop.respond ? pop.respond[i]! : 1), R4, cause, rng);
            else if (t >= R4) {
              marks.buy(i, lift, cause);
              const dormant = s.bgnbd ? pop.active[i] === 0 : s.day - pop.lastOrderDay[i]! > DORMANT_DAYS;
              if (dormant) marks.recall(i, recall, cause);
            }
          }
        }
        // New contacts from R2 on working days, while guides have room.
        const room = capacityAgents - contacts.size;
        const r2 = s.startCounts[R2]!;
        if (working > 0 && room > 0 && r2 > 0) {
          const adds = (prm.guides * prm.addsPerGuide * working * Math.min(1, pr * 2)) / engine.scale;
          s.sources.addForward(R2, R3, Math.min(1, Math.min(adds, room) / r2), TRAIT_RESPOND, cause);
        }
      },
      onMove(s: RunState, i: number, from: number, to: number, c: number) {
        if (c === cause && from === R2 && to === R3) add(s, i);
        else if (from === R3 && to === R4 && c === cause) consults++;
        else if (to < R3 && from >= R3 && contacts!.has(i)) contacts!.remove(i);
      },
      onOrder(s: RunState, o: Order) {
        if (prm.postOrderAddRate > 0 && (cfg.schedule[s.day] ?? 0) > 0 && !contacts!.has(o.agent) && rng!.next() < prm.postOrderAddRate) add(s, o.agent);
      },
      endDay(s: RunState) {
        s.rec.cost(cause, (prm.guides * prm.guideCostPerMonth) / 30);
      },
      report(s: RunState) {
        const sc = s.config.scale;
        return [contacts!.size * sc, (contacts!.size * sc) / prm.guides, added * sc, consults * sc];
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv) {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const engine = env.engine;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationMessages, prm.shape);
    const capacityAgents = (prm.guides * prm.contactsPerGuide) / engine.scale;
    let c3 = 0; // expected R3 contacts (agents)
    let cb = 0; // expected buyer contacts
    return {
      beginDay(m: MeanFieldDay) {
        const working = cfg.schedule[m.day] ?? 0;
        const pr = pressure.step(prm.messagesPerGuide * working) * attention(prm, (c3 + cb) * engine.scale);
        const r2 = m.startCounts[R2]!;
        const r3 = m.startCounts[R3]!;
        const buyers = m.startCounts[R4]! + m.startCounts[R5]!;
        const consult = prm.consultRate * prm.consultationWeight * pr;
        if (r3 > 0) m.sources.addForward(R3, R4, (consult * Math.min(c3, r3)) / r3, TRAIT_RESPOND, cause);
        if (buyers > 0) {
          const lift = 1 + (prm.followUpLift * pr * Math.min(cb, buyers)) / buyers;
          m.sources.addBuyBoost(R4, lift, cause);
          m.sources.addBuyBoost(R5, lift, cause);
        }
        const room = Math.max(0, capacityAgents - c3 - cb);
        let joins = 0;
        if (working > 0 && room > 0 && r2 > 0) {
          const adds = (prm.guides * prm.addsPerGuide * working * Math.min(1, pr * 2)) / engine.scale;
          const pAdd = Math.min(1, Math.min(adds, room) / r2);
          m.sources.addForward(R2, R3, pAdd, TRAIT_RESPOND, cause);
          joins = r2 * pAdd;
        }
        const conv = c3 * consult;
        c3 = Math.max(0, c3 + joins - conv - c3 * engine.reverse[R3]!);
        const nonContacts = buyers > 0 ? Math.max(0, 1 - cb / buyers) : 1;
        const postOrderAdds = working > 0 ? m.lastOrders * nonContacts * prm.postOrderAddRate : 0;
        cb = Math.min(capacityAgents - c3, cb + conv + postOrderAdds);
        m.cost(cause, (prm.guides * prm.guideCostPerMonth) / 30);
      },
    };
  },
};
