import { assumed } from '../../lib/source';
import type { TacticConfig } from '../config';
import type { MeanFieldDay } from '../projection/meanfield-day';
import { MemberSet } from '../step/member-set';
import { FOLLOWER } from '../step/population';
import type { RunState } from '../step/run-state';
import { TRAIT_RESPOND } from '../step/sources';
import { R1, R2, R3, R4, R5 } from '../tiers';
import { EffortPressure, halfLife, hillShape, num, schedule, share, key, ranged, decided, WHY, tacticParams } from './common';
import { loadRng, loadSet, saveRng, saveSet, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime, RunEnv } from './types';

/**
 * Content on the official account and 视频号 (公众号 / 视频号). Posts (the effort, adstock then Hill) make reached
 * people interact (R1 → R2) and interested people follow (R2 → R3); followers are pre-heated for livestreams. Posting
 * more often than followers like makes some unfollow (R3 → R2).
 */
type ContentParams = ParamsOf<typeof content.params>;

function paramsOf(q: Record<string, unknown>): ContentParams {
  return tacticParams(content.params, q);
}

/**
 * The share of the people outside the private domain who know the brand (R1, R2) whom today's posts reach: readers outside the private domain come through the
 * people in it (forwards, recommendations), so an account reaches as many as its audience carries, not the whole
 * market (issue 9: content had no saturation of its readership).
 */
function readShare(s: { realCount(t: number): number }, prm: ContentParams, pressure: number): number {
  const outside = s.realCount(R1) + s.realCount(R2);
  if (!(outside > 0)) return 0;
  const audience = s.realCount(R3) + s.realCount(R4) + s.realCount(R5);
  return Math.min(1, (audience * prm.reachPerFollower * pressure) / outside);
}

export const content = {
  type: 'content',
  name: { en: 'Content (official account, Channels)', zh: '内容(公众号 / 视频号)' },
  summary: {
    en: 'Posts make reached people interact (R1 → R2) and follow (R2 → R3); followers are pre-heated for livestreams; too many posts make some unfollow.',
    zh: '发布内容使触达人群互动(R1→R2)并关注(R2→R3);关注者成为直播的预热人群;发布过多会导致取关。',
  },
  moves: [
    [R1, R2],
    [R2, R3],
    [R3, R2],
  ],
  purchases: [],
  params: {
    schedule: schedule({ weekly: ['tue', 'fri'] }),
    postsPerDay: decided(key(num('count', 0, 50, 1, assumed('one article or short video on a posting day', '发布日发一篇文章或一条短视频'), { en: 'Posts on a scheduled day (the effort)', zh: '排期日发布数(投入)' }))),
    halfSaturationPosts: ranged(num('count', 0.01, 50, 0.5, assumed('half a post a day already gives half the effect', '平均每天半条即可达到一半效果'), { en: 'Posts per day at half of the maximum effect (Hill ec)', zh: '达到一半最大效果的日发布数(Hill 半饱和点)' }), 0.25, 1, WHY.halfSaturation),
    shape: ranged(hillShape(1, assumed('concave: each extra post does less', '边际递减:每多发一条,效果更小')), 0.7, 1.5, WHY.shape),
    halfLifeDays: ranged(halfLife(3, assumed('content keeps being read for a few days', '内容发布后几天内仍有人阅读')), 1, 7, WHY.halfLife),
    reachPerFollower: { ...ranged(num('multiplier', 0, 20, 0.1, assumed('a post is read outside the private domain by about one person for every ten inside it (forwards to Moments and chats, Channels recommendations); no read figures are published', '私域内每十人约带来一位私域外读者(转发朋友圈和聊天、视频号推荐);没有公开的阅读数据', ['gaps-not-published']), {
      en: 'Readers outside the private domain per person in it (R3–R5), at full pressure: how many of the people who know the brand (R1, R2) a day’s posts can touch',
      zh: '满压力时私域(R3–R5)每人带来的私域外读者数:当天内容能触及多少了解品牌的人(R1、R2)',
    }), 0.03, 0.3, WHY.unpublished), label: { en: 'Readers outside the private domain per person in it', zh: '私域每人带来的私域外读者数' } },
    interactRate: { ...ranged(key(share(0.03, assumed('no read or interaction rates are published; a few in a hundred readers like, comment, forward or search the brand', '没有公开的阅读或互动比例;每百位读者中有几位点赞、评论、转发或搜索品牌', ['gaps-not-published']), { en: 'Share of the reached people (R1) who read a post and interact with it: R1 → R2', zh: '读到内容的已触达人群(R1)中产生互动的比例:R1→R2' })), 0.01, 0.06, WHY.unpublished), label: { en: 'Readers who interact (R1 → R2)', zh: '读者互动比例(R1→R2)' } },
    followRate: { ...ranged(key(share(0.05, assumed('no follow rates are published; one engaged reader in twenty follows the account', '没有公开的关注比例;约二十位已互动的读者中有一位关注', ['gaps-not-published']), { en: 'Share of the engaged people (R2) who read a post and follow: R2 → R3', zh: '读到内容的已互动人群(R2)中关注的比例:R2→R3' })), 0.02, 0.1, WHY.unpublished), label: { en: 'Engaged readers who follow (R2 → R3)', zh: '已互动读者关注比例(R2→R3)' } },
    comfortablePosts: ranged(num('count', 0, 50, 1, assumed('followers accept about one post a day', '关注者大约能接受每天一条'), { en: 'Posts per day followers tolerate', zh: '关注者可接受的日发布数' }), 0.5, 2, WHY.unpublished),
    unfollowPerExtraPost: ranged(share(0.001, assumed('no unfollow rates are published', '没有公开的取关比例', ['gaps-not-published']), { en: 'Daily unfollow chance of a follower per post beyond the comfortable number', zh: '超出可接受数量后每多一条的关注者每日取关概率' }), 0.0003, 0.003, WHY.unpublished),
    costPerPost: ranged(key(num('yuan', 0, 1e6, 3000, assumed('producing one article or short video', '制作一篇文章或一条短视频的费用', ['gaps-not-published']), { en: 'Cost per post', zh: '每条内容成本' })), 1500, 6000, WHY.cost),
  },
  curve: {
    effortParam: 'postsPerDay',
    effortUnit: 'count',
    effortLabel: { en: 'Posts per day', zh: '每日发布数' },
    pressureLabel: { en: 'Share of the maximum effect', zh: '占最大效果的比例' },
    halfLifeParam: 'halfLifeDays',
    ecParam: 'halfSaturationPosts',
    shapeParam: 'shape',
  },
  metrics: [
    { key: 'posts', label: { en: 'Posts', zh: '发布数' }, unit: 'count' },
    { key: 'followers', label: { en: 'Followers gained and still following', zh: '新增且仍在关注的人数' }, unit: 'people' },
    { key: 'unfollowed', label: { en: 'Unfollowed', zh: '取关人数' }, unit: 'people' },
  ],
  sideEffects: {
    en: 'Posting beyond what followers tolerate makes some unfollow (R3 → R2); every post costs.',
    zh: '发布超过关注者可接受的数量会导致取关(R3→R2);每条内容计成本。',
  },
  response: { en: 'Agents more responsive to marketing interact and follow more.', zh: '营销响应高的个体更常互动与关注。' },

  // Readers who follow the official account.
  opens: { channel: 'followers' },
  create(cfg: TacticConfig, env: RunEnv): TacticRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationPosts, prm.shape);
    let followers = new MemberSet(env.agents);
    let rng = env.rng;
    let posts = 0;
    let totalPosts = 0;
    let unfollowed = 0;
    return {
      beginDay(s: RunState) {
        posts = prm.postsPerDay * (cfg.schedule[s.day] ?? 0);
        const pr = pressure.step(posts);
        const read = readShare(s, prm, pr);
        s.sources.addForward(R1, R2, prm.interactRate * read, TRAIT_RESPOND, cause);
        s.sources.addForward(R2, R3, prm.followRate * read, TRAIT_RESPOND, cause);
        const excess = Math.max(0, posts - prm.comfortablePosts);
        if (excess > 0) {
          const q = Math.min(1, prm.unfollowPerExtraPost * excess);
          for (let k = 0; k < followers.size; k++) {
            const i = followers.list[k]!;
            if (s.pop.tier[i] === R3) s.marks.reverse(i, q, R2, cause, rng);
          }
        }
      },
      onMove(s: RunState, i: number, from: number, to: number, c: number) {
        if (c === cause && from === R2 && to === R3) {
          followers.add(i);
          s.pop.channels[i] = s.pop.channels[i]! | FOLLOWER;
        } else if (to < R3 && from >= R3 && followers.remove(i) && c === cause) unfollowed++;
      },
      endDay(s: RunState) {
        totalPosts += posts;
        s.rec.cost(cause, posts * prm.costPerPost);
      },
      report(s: RunState) {
        return [totalPosts, followers.size * s.config.scale, unfollowed * s.config.scale];
      },
      saveState: () => ({ level: pressure.level, followers: saveSet(followers), rng: saveRng(rng), posts, totalPosts, unfollowed }),
      loadState(st: TacticState, s: RunState) {
        pressure.level = stateNumber(st, 'level');
        followers = loadSet(st, 'followers', s.pop.n) ?? new MemberSet(s.pop.n);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id)) ?? rng;
        posts = stateNumber(st, 'posts');
        totalPosts = stateNumber(st, 'totalPosts');
        unfollowed = stateNumber(st, 'unfollowed');
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
    const prm = paramsOf(cfg.params);
    const cause = env.cause;
    const pressure = new EffortPressure(prm.halfLifeDays, prm.halfSaturationPosts, prm.shape);
    let followers = 0;
    return {
      beginDay(m: MeanFieldDay) {
        const posts = prm.postsPerDay * (cfg.schedule[m.day] ?? 0);
        const pr = pressure.step(posts);
        const read = readShare(m, prm, pr);
        m.sources.addForward(R1, R2, prm.interactRate * read, TRAIT_RESPOND, cause);
        m.sources.addForward(R2, R3, prm.followRate * read, TRAIT_RESPOND, cause);
        const r3 = m.startCounts[R3]!;
        const q = Math.min(1, prm.unfollowPerExtraPost * Math.max(0, posts - prm.comfortablePosts));
        if (q > 0 && r3 > 0) m.sources.addReverse(R3, R2, (q * Math.min(followers, r3)) / r3, TRAIT_RESPOND, cause);
        followers = Math.max(0, followers + m.startCounts[R2]! * prm.followRate * read - followers * (q + m.config.reverse[R3]!));
        m.cost(cause, posts * prm.costPerPost);
      },
    };
  },
} satisfies TacticDefinition;
