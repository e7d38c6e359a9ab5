import { assumed, reported } from '../../lib/source';
import type { TacticConfig } from '../config';
import type { MeanFieldDay } from '../meanfield-day';
import { MemberSet } from '../member-set';
import { FAKE, LOW_QUALITY } from '../population';
import type { RunState } from '../run-state';
import type { Rng } from '../rng';
import { TRAIT_SOCIAL } from '../sources';
import { R0, R1, R2, R4, R5 } from '../tiers';
import { EffortPressure, halfLife, hillShape, num, p, schedule, share, key, ranged, decided, WHY } from './common';
import { loadRng, loadSet, saveRng, saveSet, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState } from './types';

/**
 * Referral / fission (裂变, 拼团, 邀请有礼). Buyers invite friends for a reward (the effort: the reward, through a
 * Hill curve); each invite brings new people into R1 or R2. A share of them are low quality (they convert far less)
 * and some are fake or abusive accounts that never convert — but the reward is paid for them too, as fission
 * campaigns report.
 */
interface ReferralParams {
  reward: number;
  halfSaturationReward: number;
  shape: number;
  halfLifeDays: number;
  inviteRate: number;
  friendsPerInvite: number;
  entryTier: number;
  lowQualityShare: number;
  lowQualityFactor: number;
  fakeShare: number;
}

function paramsOf(q: Record<string, unknown>): ReferralParams {
  return {
    reward: p(q, 'reward'),
    halfSaturationReward: p(q, 'halfSaturationReward'),
    shape: p(q, 'shape'),
    halfLifeDays: p(q, 'halfLifeDays'),
    inviteRate: p(q, 'inviteRate'),
    friendsPerInvite: p(q, 'friendsPerInvite'),
    entryTier: q.entryTier === 'R1' ? R1 : R2,
    lowQualityShare: p(q, 'lowQualityShare'),
    lowQualityFactor: p(q, 'lowQualityFactor'),
    fakeShare: p(q, 'fakeShare'),
  };
}

/** Invitees per day (agents) for the buyers at the start of the day and today's pull of the reward. */
function invitees(prm: ReferralParams, buyers: number, pull: number): number {
  return buyers * prm.inviteRate * pull * prm.friendsPerInvite;
}

export const referral: TacticDefinition = {
  type: 'referral',
  name: { en: 'Referral / fission', zh: '裂变 / 邀请有礼' },
  summary: {
    en: 'Buyers invite friends for a reward; invitees enter R1/R2, a share of low quality and some fake; the reward is paid per invitee.',
    zh: '买家邀请好友获得奖励;受邀者进入 R1/R2,其中部分质量低、部分为虚假账号;奖励按受邀人数支付。',
  },
  moves: [
    [R0, R1],
    [R0, R2],
  ],
  purchases: [],
  params: {
    schedule: schedule({ daily: true }),
    reward: decided(key(num('yuanPerPerson', 0, 10000, 15, assumed('about ¥15 for each friend invited', '每邀请一位好友奖励约 15 元'), { en: 'Reward per invited person (the effort)', zh: '每邀请一人的奖励(投入)' }))),
    halfSaturationReward: ranged(num('yuanPerPerson', 0.01, 10000, 20, assumed('¥20 gives half the maximum pull', '20 元达到一半的最大吸引力'), { en: 'Reward at half of the maximum pull (Hill ec)', zh: '达到一半最大吸引力的奖励(Hill 半饱和点)' }), 10, 40, WHY.halfSaturation),
    shape: ranged(hillShape(1.2, assumed('small rewards barely move people', '奖励太小几乎没人参与')), 0.8, 2, WHY.shape),
    halfLifeDays: ranged(halfLife(0, assumed('a reward works only while it is offered', '奖励只在活动期间起作用')), 0, 2, WHY.halfLife),
    inviteRate: ranged(key(share(0.01, assumed('about a quarter of buyers invite someone within a month at full pull', '吸引力饱和时,一个月内约四分之一的买家发出邀请'), { en: 'Daily chance a buyer invites at full pull', zh: '奖励吸引力饱和时买家每日邀请概率' })), 0.004, 0.02, WHY.unpublished),
    friendsPerInvite: ranged(key(num('people', 0, 50, 1.5, assumed('an invitation brings one or two people', '一次邀请带来一到两人'), { en: 'People each invite brings', zh: '每次邀请带来的人数' })), 1, 2.5, WHY.unpublished),
    entryTier: { kind: 'enum', values: ['R1', 'R2'], default: 'R2', source: assumed('an invited friend has already interacted once, so enters R2', '受邀好友已有过一次互动,进入浅层互动层级'), doc: { en: 'Tier invitees enter', zh: '受邀者进入的层级' } },
    lowQualityShare: ranged(share(0.3, reported('guides-chocolate-fission-quality', 'Meiri Heiqiao chocolate: fission brought the most followers, but imprecise ones who seldom bought again; the 30 % is assumed', '每日黑巧:裂变加粉最多,但人群不精准、复购低;低质量比例 30% 为假设'), { en: 'Share of invitees of low quality', zh: '低质量受邀者比例' }), 0.15, 0.5, WHY.oneBrand),
    lowQualityFactor: ranged(share(0.3, assumed('a low-quality invitee converts and buys at about a third of the usual rate', '低质量受邀者的转化与购买约为一般人的三成'), { en: 'Forward and purchase chances of a low-quality invitee relative to others', zh: '低质量受邀者的转化与购买概率相对倍数' }), 0.15, 0.5, WHY.unpublished),
    fakeShare: ranged(key(share(0.15, reported('fission-fake-10-20', 'Fission campaigns: 10–20 % of the users they bring can be fake or abusive', '裂变活动:10–20% 的拉新用户可能是虚假账号或羊毛党'), {
      en: 'Share of invitees that are fake or abusive (never convert, reward still paid)',
      zh: '虚假或羊毛账号比例(永不转化,但仍需支付奖励)',
    })), 0.1, 0.2, { en: 'Fission campaigns report 10–20 % fake or abusive users', zh: '裂变活动中虚假或恶意用户约占 10%–20%' }),
  },
  curve: {
    effortParam: 'reward',
    effortUnit: 'yuanPerPerson',
    effortLabel: { en: 'Reward per invited person', zh: '每位受邀者奖励' },
    pressureLabel: { en: 'Share of the maximum invitation pull', zh: '占最大邀请吸引力的比例' },
    halfLifeParam: 'halfLifeDays',
    ecParam: 'halfSaturationReward',
    shapeParam: 'shape',
  },
  metrics: [
    { key: 'invited', label: { en: 'People invited', zh: '受邀人数' }, unit: 'people' },
    { key: 'fake', label: { en: 'Fake or abusive accounts', zh: '虚假账号' }, unit: 'people' },
    { key: 'lowQuality', label: { en: 'Low-quality invitees', zh: '低质量受邀者' }, unit: 'people' },
    { key: 'inviteesWhoBought', label: { en: 'Share of invitees who bought', zh: '受邀者中已购比例' }, unit: 'share' },
    { key: 'costPerInviteeBuyer', label: { en: 'Reward cost per invitee who bought', zh: '每位下单受邀者的奖励成本' }, unit: 'yuanPerPerson' },
  ],
  sideEffects: {
    en: 'Low-quality invitees convert far less; fake accounts never convert but are rewarded; rewards are a cost per invitee.',
    zh: '低质量受邀者转化低;虚假账号永不转化但仍获奖励;奖励按受邀人数计成本。',
  },
  response: { en: 'Sociable agents are reached more by invitations.', zh: '社交性强的个体更容易被邀请触达。' },

  create(cfg: TacticConfig, env: TacticEnv) {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationReward, prm.shape);
    let recruits: MemberSet | null = null;
    let rng: Rng | null = null;
    let arrivedToday = 0;
    let invited = 0;
    let fake = 0;
    let low = 0;
    let rewardPaid = 0;
    return {
      beginDay(s: RunState) {
        recruits ??= new MemberSet(s.pop.n);
        rng ??= s.tacticRng(cfg.id);
        arrivedToday = 0;
        const pull = pressure.step(prm.reward * (cfg.schedule[s.day] ?? 0));
        const r0 = s.startCounts[R0]!;
        const buyers = s.startCounts[R4]! + s.startCounts[R5]!;
        if (pull > 0 && r0 > 0) s.sources.addForward(R0, prm.entryTier, Math.min(1, invitees(prm, buyers, pull) / r0), TRAIT_SOCIAL, cause);
        // Invitees of low quality or fake keep their handicap every day.
        const marks = s.marks;
        const ch = s.pop.channels;
        for (let k = 0; k < recruits.size; k++) {
          const i = recruits.list[k]!;
          if (ch[i]! & FAKE) marks.scaleForward(i, 0);
          else if (ch[i]! & LOW_QUALITY) marks.scaleForward(i, prm.lowQualityFactor);
        }
      },
      onMove(s: RunState, i: number, from: number, _to: number, c: number) {
        if (c !== cause || from !== R0) return;
        arrivedToday++;
        invited++;
        recruits!.add(i);
        const u = rng!.next();
        if (u < prm.fakeShare) {
          s.pop.channels[i] = s.pop.channels[i]! | FAKE;
          fake++;
        } else if (u < prm.fakeShare + (1 - prm.fakeShare) * prm.lowQualityShare) {
          s.pop.channels[i] = s.pop.channels[i]! | LOW_QUALITY;
          low++;
        }
      },
      endDay(s: RunState) {
        const paid = arrivedToday * s.config.scale * prm.reward * (cfg.schedule[s.day] ?? 0);
        rewardPaid += paid;
        s.rec.cost(cause, paid);
      },
      report(s: RunState) {
        const sc = s.config.scale;
        let bought = 0;
        for (let k = 0; k < recruits!.size; k++) if (s.pop.orders[recruits!.list[k]!]! > 0) bought++;
        return [invited * sc, fake * sc, low * sc, invited > 0 ? bought / invited : NaN, bought > 0 ? rewardPaid / (bought * sc) : NaN];
      },
      saveState: () => ({ level: pressure.level, recruits: saveSet(recruits), rng: saveRng(rng), arrivedToday, invited, fake, low, rewardPaid }),
      loadState(st: TacticState, s: RunState) {
        pressure.level = stateNumber(st, 'level');
        recruits = loadSet(st, 'recruits', s.pop.n);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id));
        arrivedToday = stateNumber(st, 'arrivedToday');
        invited = stateNumber(st, 'invited');
        fake = stateNumber(st, 'fake');
        low = stateNumber(st, 'low');
        rewardPaid = stateNumber(st, 'rewardPaid');
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv) {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationReward, prm.shape);
    return {
      beginDay(m: MeanFieldDay) {
        const effort = cfg.schedule[m.day] ?? 0;
        const pull = pressure.step(prm.reward * effort);
        const r0 = m.startCounts[R0]!;
        const buyers = m.startCounts[R4]! + m.startCounts[R5]!;
        if (pull <= 0 || r0 <= 0) return;
        const p0 = Math.min(1, invitees(prm, buyers, pull) / r0);
        m.sources.addForward(R0, prm.entryTier, p0, TRAIT_SOCIAL, cause);
        m.cost(cause, r0 * p0 * m.config.scale * prm.reward * effort);
      },
    };
  },
};
