import { assumed, reported } from '../../lib/source';
import type { TacticConfig } from '../config';
import type { MeanFieldDay } from '../projection/meanfield-day';
import { MemberSet } from '../step/member-set';
import { LOW_QUALITY } from '../step/population';
import type { RunState } from '../step/run-state';
import { TRAIT_SOCIAL } from '../step/sources';
import { R0, R1, R2, R4, R5 } from '../tiers';
import { EffortPressure, halfLife, hillShape, num, schedule, share, key, ranged, decided, WHY, tacticParams } from './common';
import { loadRng, loadSet, saveRng, saveSet, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime, RunEnv } from './types';

/**
 * Referral / fission (裂变, 拼团, 邀请有礼). Buyers invite friends for a reward (the effort: the reward, through a
 * Hill curve); each invite brings people into R1 or R2. Some of the accounts a campaign brings are fake or abusive:
 * they are not people of the market, so they are not agents — they are counted, and rewarded, beside the real
 * invitees, and never take a real prospect's place. A share of the real invitees are low quality: they came for the
 * reward and drift back a tier at a time (to R0) at `lowQualityChurn` a day, which leaves them no worse off than had
 * they never been invited.
 */
type ReferralParams = Omit<ParamsOf<typeof referral.params>, 'entryTier'> & { entryTier: number };

function paramsOf(q: Record<string, unknown>): ReferralParams {
  return { ...tacticParams(referral.params, q), entryTier: q.entryTier === 'R1' ? R1 : R2 };
}

/** Invitees per day (agents) for the buyers at the start of the day and today's pull of the reward. */
function invitees(prm: ReferralParams, buyers: number, pull: number): number {
  return buyers * prm.inviteRate * pull * prm.friendsPerInvite;
}

export const referral = {
  type: 'referral',
  name: { en: 'Referral / fission', zh: '裂变 / 邀请有礼' },
  summary: {
    en: 'Buyers invite friends for a reward; real invitees enter R1/R2 (a share of low quality drift back); fake accounts come beside them; the reward is paid per account.',
    zh: '买家邀请好友获得奖励;真实受邀者进入 R1/R2(部分低质量者会回落);虚假账号与之并存;奖励按账号数支付。',
  },
  moves: [
    [R0, R1],
    [R0, R2],
    [R2, R1],
    [R1, R0],
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
    lowQualityChurn: ranged(share(0.03, assumed('a curiosity sign-up drifts back within about a month', '为奖励而来的用户约一个月内流失回去'), { en: 'Daily chance a low-quality invitee drifts back a tier (to R0 at most)', zh: '低质量受邀者每日回落一个层级的概率(最低到 R0)' }), 0.01, 0.1, WHY.unpublished),
    fakeShare: ranged(key(share(0.15, reported('fission-fake-10-20', 'Fission campaigns: 10–20 % of the users they bring can be fake or abusive', '裂变活动:10–20% 的拉新用户可能是虚假账号或羊毛党'), {
      en: 'Share of the accounts a campaign brings that are fake or abusive (rewarded, counted, not people of the market)',
      zh: '活动带来的账号中虚假或羊毛账号的比例(计奖励、计数,但不是市场中的真实人群)',
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
    { key: 'invited', label: { en: 'Real people invited', zh: '真实受邀人数' }, unit: 'people' },
    { key: 'fake', label: { en: 'Fake or abusive accounts (rewarded; not in the tiers)', zh: '虚假账号(计奖励,不计入层级)' }, unit: 'count' },
    { key: 'lowQuality', label: { en: 'Low-quality invitees', zh: '低质量受邀者' }, unit: 'people' },
    { key: 'inviteesWhoBought', label: { en: 'Share of invitees who bought', zh: '受邀者中已购比例' }, unit: 'share' },
    { key: 'costPerInviteeBuyer', label: { en: 'Reward cost per invitee who bought', zh: '每位下单受邀者的奖励成本' }, unit: 'yuanPerPerson' },
  ],
  sideEffects: {
    en: 'Low-quality invitees drift back down; fake accounts come beside the real invitees and are rewarded too; rewards are a cost per account brought.',
    zh: '低质量受邀者会逐步回落;虚假账号与真实受邀者并存,同样获得奖励;奖励按带来的账号数计成本。',
  },
  response: { en: 'Sociable agents are reached more by invitations.', zh: '社交性强的个体更容易被邀请触达。' },

  create(cfg: TacticConfig, env: RunEnv): TacticRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationReward, prm.shape);
    let recruits = new MemberSet(env.agents);
    let rng = env.rng;
    let arrivedToday = 0;
    let fakeToday = 0;
    let invited = 0;
    let fake = 0;
    let low = 0;
    let rewardPaid = 0;
    return {
      beginDay(s: RunState) {
        arrivedToday = 0;
        fakeToday = 0;
        const pull = pressure.step(prm.reward * (cfg.schedule[s.day] ?? 0));
        const r0 = s.startCounts[R0]!;
        const buyers = s.startCounts[R4]! + s.startCounts[R5]!;
        // Only the real invitees are people of the market; the fake accounts come beside them: counted and rewarded.
        if (pull > 0 && r0 > 0) {
          const all = Math.min(r0 / (1 - prm.fakeShare || 1), invitees(prm, buyers, pull));
          fakeToday = all * prm.fakeShare;
          s.sources.addForward(R0, prm.entryTier, Math.min(1, (all * (1 - prm.fakeShare)) / r0), TRAIT_SOCIAL, cause);
        }
        // Low-quality invitees drift back a tier at a time while they are still below R3 (in R1 or R2).
        const marks = s.marks;
        const ch = s.pop.channels;
        const tier = s.pop.tier;
        for (let k = recruits.size - 1; k >= 0; k--) {
          const i = recruits.list[k]!;
          if (!(ch[i]! & LOW_QUALITY)) continue;
          const t = tier[i]!;
          if (t === R2 || t === R1) marks.reverse(i, prm.lowQualityChurn, t - 1, cause, rng);
        }
      },
      onMove(s: RunState, i: number, from: number, _to: number, c: number) {
        if (c !== cause || from !== R0) return;
        arrivedToday++;
        invited++;
        recruits.add(i);
        if (rng.next() < prm.lowQualityShare) {
          s.pop.channels[i] = s.pop.channels[i]! | LOW_QUALITY;
          low++;
        }
      },
      endDay(s: RunState) {
        // The reward is paid for every account brought, fake ones included.
        fake += fakeToday;
        const paid = (arrivedToday + fakeToday) * s.config.scale * prm.reward * (cfg.schedule[s.day] ?? 0);
        rewardPaid += paid;
        s.rec.cost(cause, paid);
      },
      report(s: RunState) {
        const sc = s.config.scale;
        let bought = 0;
        for (let k = 0; k < recruits.size; k++) if (s.pop.orders[recruits.list[k]!]! > 0) bought++;
        return [invited * sc, fake * sc, low * sc, invited > 0 ? bought / invited : NaN, bought > 0 ? rewardPaid / (bought * sc) : NaN];
      },
      saveState: () => ({ level: pressure.level, recruits: saveSet(recruits), rng: saveRng(rng), arrivedToday, fakeToday, invited, fake, low, rewardPaid }),
      loadState(st: TacticState, s: RunState) {
        pressure.level = stateNumber(st, 'level');
        recruits = loadSet(st, 'recruits', s.pop.n) ?? new MemberSet(s.pop.n);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id)) ?? rng;
        arrivedToday = stateNumber(st, 'arrivedToday');
        fakeToday = stateNumber(st, 'fakeToday');
        invited = stateNumber(st, 'invited');
        fake = stateNumber(st, 'fake');
        low = stateNumber(st, 'low');
        rewardPaid = stateNumber(st, 'rewardPaid');
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
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
        const all = Math.min(r0 / (1 - prm.fakeShare || 1), invitees(prm, buyers, pull));
        const p0 = Math.min(1, (all * (1 - prm.fakeShare)) / r0);
        m.sources.addForward(R0, prm.entryTier, p0, TRAIT_SOCIAL, cause);
        // Rewards for the real invitees and the fake accounts beside them (the low-quality drift back is left out).
        m.cost(cause, (r0 * p0 + all * prm.fakeShare) * m.config.scale * prm.reward * effort);
      },
    };
  },
} satisfies TacticDefinition;
