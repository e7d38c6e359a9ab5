import { assumed, reported } from '../../lib/source';
import type { TacticConfig } from '../config';
import type { MeanFieldDay } from '../projection/meanfield-day';
import { FOLLOWER, IN_GROUP, WECOM } from '../step/population';
import { Adstock, hill } from '../response';
import type { Order, RunState } from '../step/run-state';
import type { Rng } from '../step/rng';
import { TRAIT_RESPOND, TRAIT_SOCIAL } from '../step/sources';
import { R0, R1, R2, R3, R4, R5 } from '../tiers';
import { halfLife, hillShape, num, perTier, Recency, schedule, share, tierArray, key, ranged, decided, WHY, tacticParams } from './common';
import { loadRng, saveRng, stateNumber } from './state';
import type { TacticDefinition, TacticEnv, TacticState, ParamsOf, TacticRuntime, ExpectedRuntime, RunEnv } from './types';

/**
 * Livestream (直播, 视频号 / 小程序直播). Sessions on scheduled days. The brand's own audience attends by tier (deeper
 * tiers attend more); agents pre-heated through a group, the official account or a guide's WeCom attend more; too
 * frequent sessions tire the audience. Paid public traffic brings new viewers (R0 → R2) with diminishing returns on
 * the traffic spend. Viewers convert in-stream: R1/R2 follow or add WeCom (→ R3) or buy on impulse (→ R4), R3 buy
 * (→ R4), buyers buy again; in-stream orders carry the deal (a bigger basket, a discount that is a cost). Viewers
 * share social coupons (社交立减金) that bring friends (R0 → R2).
 */
type LiveParams = Omit<ParamsOf<typeof livestream.params>, 'attendance'> & { attendance: number[] };

function paramsOf(q: Record<string, unknown>): LiveParams {
  return { ...tacticParams(livestream.params, q), attendance: tierArray(q, 'attendance') };
}

/** Public viewers per session (real people) for a traffic spend carried over by adstock. */
export function publicViewers(carriedSpend: number, prm: LiveParams): number {
  return prm.maxPublicViewers * hill(carriedSpend, prm.trafficHalfSaturation, prm.trafficShape);
}

/** The day's calendar state shared by the engine and the mean field: sessions, fatigue, public traffic. */
class LiveCalendar {
  private readonly traffic: Adstock;
  private readonly recency: Recency;
  sessions = 0;
  fatigueMult = 1;
  publicReal = 0;
  spend = 0;
  constructor(
    private readonly cfg: TacticConfig,
    private readonly prm: LiveParams,
  ) {
    this.traffic = new Adstock(prm.halfLifeDays);
    this.recency = new Recency(prm.fatigueHalfLifeDays);
  }
  advance(day: number): void {
    const prm = this.prm;
    this.sessions = prm.sessionsPerDay * (this.cfg.schedule[day] ?? 0);
    // Fatigue from the sessions of the past days (not today's): weekly sessions barely tire, daily ones do.
    const recent = this.recency.step(this.sessions);
    this.fatigueMult = 1 / (1 + prm.fatigue * recent);
    this.spend = prm.trafficSpend * this.sessions;
    const carried = this.traffic.step(this.spend);
    this.publicReal = this.sessions > 0 ? publicViewers(carried, prm) * Math.min(this.sessions, 1) : 0;
  }
  /** The calendar's carried-over state (checkpoint.ts): traffic adstock, fatigue recency and today's figures. */
  save(): TacticState {
    return { traffic: this.traffic.level, recency: this.recency.level, sessions: this.sessions, fatigueMult: this.fatigueMult, publicReal: this.publicReal, spend: this.spend };
  }
  load(st: TacticState): void {
    this.traffic.level = stateNumber(st, 'traffic');
    this.recency.level = stateNumber(st, 'recency');
    this.sessions = stateNumber(st, 'sessions');
    this.fatigueMult = stateNumber(st, 'fatigueMult');
    this.publicReal = stateNumber(st, 'publicReal');
    this.spend = stateNumber(st, 'spend');
  }
  /** Probability that an agent of tier t attends at least one of today's sessions (before traits and pre-heat). */
  attend(t: number): number {
    const a = Math.min(1, this.prm.attendance[t]! * this.fatigueMult);
    return 1 - Math.pow(1 - a, this.sessions);
  }
}

const PREHEATED = IN_GROUP | FOLLOWER | WECOM;

/** Viewers and sharers of one day's sessions (sessionViewers' result, reused: the engine allocates nothing per day). */
const seen = { viewers: 0, sharers: 0 };
/** sessionViewers' list of the agents outside R0 (scratch, shared by the runs of this thread; grown as needed). */
let outside = new Int32Array(0);

/**
 * Who watches today's sessions: every agent outside R0 draws whether it attends (its tier's attendance × its
 * responsiveness, × the pre-heat lift in a group, as a follower or a WeCom contact), viewers draw whether they share,
 * and viewers get the session's marks. The tactic's stream is drawn in agent order, exactly as `rng.next()` would;
 * the generator is inlined in locals (as in moves.ts) because this loop visits every agent on session days, and
 * written back before any call that draws from the stream itself (the marks' cause draws).
 */
function sessionViewers(s: RunState, rng: Rng, attend: Float64Array, lift: number, prm: LiveParams, cause: number): typeof seen {
  const pop = s.pop;
  const n = pop.n;
  const tier = pop.tier;
  const channels = pop.channels;
  const respond = pop.respond;
  const social = pop.social;
  const marks = s.marks;
  const shareRate = prm.shareRate;
  let viewers = 0;
  let sharers = 0;
  let sa = rng.a | 0;
  let sb = rng.b | 0;
  let sc = rng.c | 0;
  let sd = rng.d | 0;
  // First the agents outside R0, in order, gathered without a branch ((t + 255) >> 8 is 1 for tiers 1–5, 0 for R0):
  // whether an agent is in R0 is a coin toss the processor cannot predict, and the draws below only follow it.
  if (outside.length < n) outside = new Int32Array(n);
  const list = outside;
  let count = 0;
  for (let i = 0; i < n; i++) {
    list[count] = i;
    count += (tier[i]! + 255) >> 8;
  }
  for (let k = 0; k < count; k++) {
    const i = list[k]!;
    const t = tier[i]!;
    let a = attend[t]! * (respond ? respond[i]! : 1);
    if (channels[i]! & PREHEATED) a *= lift;
    // sfc32, inlined (rng.ts): the attendance draw.
    let x = (((sa + sb) | 0) + sd) | 0;
    sd = (sd + 1) | 0;
    sa = sb ^ (sb >>> 9);
    sb = (sc + (sc << 3)) | 0;
    sc = (sc << 21) | (sc >>> 11);
    sc = (sc + x) | 0;
    if ((x >>> 0) / 4294967296 >= a) continue;
    viewers++;
    // The sharing draw.
    x = (((sa + sb) | 0) + sd) | 0;
    sd = (sd + 1) | 0;
    sa = sb ^ (sb >>> 9);
    sb = (sc + (sc << 3)) | 0;
    sc = (sc << 21) | (sc >>> 11);
    sc = (sc + x) | 0;
    if ((x >>> 0) / 4294967296 < shareRate * (social ? social[i]! : 1)) sharers++;
    if (t === R1 || t === R2 || t === R3) {
      rng.a = sa;
      rng.b = sb;
      rng.c = sc;
      rng.d = sd;
      if (t === R3) marks.forward(i, prm.firstBuyRate, R4, cause, rng);
      else {
        marks.forward(i, prm.followRate, R3, cause, rng);
        marks.forward(i, prm.impulseRate, R4, cause, rng);
      }
      sa = rng.a | 0;
      sb = rng.b | 0;
      sc = rng.c | 0;
      sd = rng.d | 0;
    } else {
      marks.buyChance(i, prm.repeatBuyRate, cause);
    }
  }
  rng.a = sa;
  rng.b = sb;
  rng.c = sc;
  rng.d = sd;
  seen.viewers = viewers;
  seen.sharers = sharers;
  return seen;
}

export const livestream = {
  type: 'livestream',
  name: { en: 'Livestream', zh: '直播' },
  summary: {
    en: 'Scheduled sessions: the own audience attends by tier (pre-heat raises it, fatigue lowers it), paid traffic brings new viewers; viewers follow (→ R3), buy (→ R4) or buy again, and share coupons that bring friends.',
    zh: '按排期开播:自有人群按层级观看(预热提升、疲劳降低),付费流量带来新观众;观众关注(→R3)、下单(→R4)或复购,并分享社交立减金带来新朋友。',
  },
  moves: [
    [R0, R1],
    [R0, R2],
    [R1, R2],
    [R1, R3],
    [R2, R3],
    [R1, R4],
    [R2, R4],
    [R3, R4],
  ],
  purchases: [R4, R5],
  params: {
    schedule: schedule({ weekly: ['sat'] }),
    sessionsPerDay: decided(key(num('count', 0, 10, 1, reported('live-weekly-cadence', 'V·GRASS and Amway: one session every Saturday is the usual rhythm', 'V·GRASS 维格娜丝、安利:每周六固定一场是常见节奏'), {
      en: 'Sessions on a scheduled day (× the schedule’s effort)',
      zh: '排期日的场次(乘以排期的投入倍数)',
    }))),
    attendance: perTier(
      { R1: 0.001, R2: 0.004, R3: 0.015, R4: 0.02, R5: 0.04 },
      assumed('deeper tiers watch more; Youngor’s own users were about a tenth of a session’s traffic', '层级越深观看越多;雅戈尔的自有用户约占一场流量的一成', ['live-aiguang-sharing']),
      { en: 'Share of each tier that watches a session', zh: '各层级观看一场直播的比例' },
      'share',
      {
        low: 0.5,
        high: 2,
        relative: true,
        reason: {
          en: 'Only Youngor’s share of own users in the audience is known: each tier may watch half or twice as often',
          zh: '只知道雅戈尔自有用户占观众的比例:各层级的观看率可能只有一半,也可能高一倍',
        },
      },
    ),
    preheatLift: ranged(num('multiplier', 0, 10, 1, assumed('pre-heat in groups, the official account and Moments ads doubles the attendance of those it reaches, as Annil does for its thank-you sales', '通过社群、公众号和朋友圈广告预热,被预热者观看率翻倍(安奈儿“感谢折”直播的做法)', ['live-preheat']), {
      en: 'Extra attendance of agents in a group, following the account or on a guide’s WeCom (+100 % = ×2)',
      zh: '社群成员、公众号关注者与导购企微好友的额外观看率(+100% 即 ×2)',
    }), 0.3, 2, WHY.unpublished),
    fatigue: ranged(num('multiplier', 0, 5, 0.2, assumed('more sessions tire the audience; no figure is published', '场次越密,观众越疲劳;没有公开数据', ['gaps-not-published']), {
      en: 'Audience fatigue: attendance ÷ (1 + fatigue × recent sessions)',
      zh: '观众疲劳:观看率 ÷(1 + 疲劳系数 × 近期场次)',
    }), 0.05, 0.5, WHY.unpublished),
    fatigueHalfLifeDays: ranged(num('days', 0, 60, 3, assumed('a session tires its audience for a few days', '一场直播带来的疲劳持续几天'), {
      en: 'How long past sessions keep tiring the audience (half-life)',
      zh: '过往场次造成疲劳的持续时间(半衰期)',
    }), 1, 7, WHY.halfLife),
    trafficSpend: decided(key(num('yuan', 0, 1e7, 8000, assumed('sized so paid traffic can pay back; Zui’eniang wine accepts an ROI of 1:5 to 1:10', '按付费流量能回本设定;醉鹅娘认为投入产出比 1:5 到 1:10 即可', ['live-zuieniang-roi']), {
      en: 'Paid public traffic per session',
      zh: '每场付费公域流量预算',
    }))),
    trafficHalfSaturation: ranged(num('yuan', 1, 1e8, 20000, assumed('¥20 000 of traffic brings half the maximum public audience', '2 万元流量带来一半的最大公域观众'), {
      en: 'Traffic spend at which half of the maximum public audience comes (Hill ec)',
      zh: '带来一半最大公域观众所需的流量预算(Hill 半饱和点)',
    }), 10000, 40000, WHY.halfSaturation),
    trafficShape: ranged(hillShape(1, assumed('concave: each extra yuan of traffic brings fewer viewers', '边际递减:每多投一元,带来的观众更少')), 0.7, 1.5, WHY.shape),
    halfLifeDays: ranged(halfLife(1, assumed('paid traffic carries over little', '付费流量几乎没有延续效应')), 0, 3, WHY.halfLife),
    maxPublicViewers: ranged(num('people', 0, 1e8, 60000, reported('live-travel-retail-7-6', 'Lvgou travel retail: 350 000 views per session; sized down to 60 000 for a mid-size brand', '旅购:单场观看 35 万人次;中等规模品牌按 6 万计'), {
      en: 'Public viewers per session at saturated traffic',
      zh: '流量饱和时每场公域观众数',
    }), 30000, 120000, { en: 'Sized down from one brand (Lvgou, 350 000 views a session): a mid-size brand may reach half or twice this', zh: '由单个品牌(旅购,单场 35 万人次)缩小而来:中等规模品牌可能只有一半,也可能多一倍' }),
    publicEngageShare: { ...ranged(share(0.2, assumed('a fifth of public viewers comment, like, claim a deal or follow during the stream; the rest only watched, so they are reached (R1), not yet engaged; no figure is published', '约五分之一的公域观众在直播中评论、点赞、领券或关注;其余只是看过,算作已触达(R1)而非已互动;没有公开数据', ['gaps-not-published']), {
      en: 'Share of public viewers who engage with the stream (→ R2); the others have only seen the brand (→ R1)',
      zh: '在直播中有互动的公域观众比例(→R2);其余只是看过品牌(→R1)',
    }), 0.1, 0.35, WHY.unpublished), label: { en: 'Public viewers who engage', zh: '有互动的公域观众比例' } },
    followRate: ranged(share(0.05, assumed('one new viewer in twenty follows or adds a WeCom contact', '约二十分之一的新观众关注或添加企业微信'), {
      en: 'R1/R2 viewers who follow or add WeCom during a session: → R3',
      zh: '观看的 R1/R2 中关注或添加企微的比例:→R3',
    }), 0.02, 0.1, WHY.unpublished),
    impulseRate: ranged(share(0.01, assumed('a few new viewers buy on impulse', '少数新观众冲动下单'), { en: 'R1/R2 viewers who buy on impulse: → R4', zh: '观看的 R1/R2 冲动下单比例:→R4' }), 0.003, 0.03, WHY.unpublished),
    firstBuyRate: ranged(share(0.04, reported(['live-furniture-3', 'live-travel-retail-7-6'], 'Furniture brand: about 3 % of views became orders; Lvgou travel retail 7.6 %', '家居品牌:约 3% 的观看转化为订单;旅购为 7.6%'), {
      en: 'R3 viewers who make a first purchase in-stream: → R4',
      zh: '观看的 R3 在直播中首购的比例:→R4',
    }), 0.02, 0.076, { en: 'Two brands reported 3 % and 7.6 % of views converting: from a little below the lower to the higher', zh: '两个品牌的观看转化分别为 3% 与 7.6%:从略低于前者到后者' }),
    repeatBuyRate: ranged(share(0.06, reported(['live-furniture-3', 'live-travel-retail-7-6'], 'Furniture brand and Lvgou travel retail: 3–7.6 % of views convert; buyers who know the brand convert more', '家居品牌与旅购:3–7.6% 的观看转化为订单;熟悉品牌的老买家转化更高'), {
      en: 'Buyer viewers (R4, R5) who buy again in-stream',
      zh: '观看的已购用户(R4、R5)在直播中复购的比例',
    }), 0.03, 0.1, { en: 'Two brands reported 3–7.6 % of views converting; buyers who know the brand may convert somewhat more', zh: '两个品牌的观看转化为 3%–7.6%;熟悉品牌的已购用户可能更高一些' }),
    dealBasket: ranged(num('multiplier', 0.5, 5, 1.15, assumed('bundles make livestream orders a little bigger', '直播组合套装让订单金额略高'), {
      en: 'Order value of in-stream orders relative to an average order',
      zh: '直播订单金额相对平均订单的倍数',
    }), 1, 1.4, WHY.unpublished),
    dealDiscount: decided(key(share(0.12, assumed('a usual livestream deal', '常见的直播优惠力度'), {
      en: 'Deal discount given on in-stream orders (share of the order value, a cost)',
      zh: '直播订单的优惠折扣(占订单金额的比例,计入成本)',
    }))),
    orderAgain: { ...ranged(num('share', 0, 0.9, 0.2, assumed('a viewer who has bought in a session often adds another item as a separate order (another product shown later, a second for a friend); no figure is published', '在直播间下过单的观众常会另下一单(后面讲解的另一件商品、替朋友再买一份);没有公开数据', ['gaps-not-published']), {
      en: 'Chance that an in-stream order is followed by another from the same viewer in the same session; each order may be followed in turn',
      zh: '一笔直播订单之后,同一观众在同一场直播中再下一单的概率;每一单都可能再带来下一单',
    }), 0.1, 0.35, WHY.unpublished), label: { en: 'Another order in the same session', zh: '同场再下一单的概率' } },
    shareRate: ranged(share(0.1, reported('live-aiguang-sharing', 'Youngor on Aiguang: more than 20 % of a session’s traffic came from viewers sharing', '雅戈尔(爱逛):20% 以上的直播流量来自观众分享'), {
      en: 'Viewers who share a social coupon (a discount their friends can claim)',
      zh: '分享社交立减金的观众比例',
    }), 0.05, 0.2, WHY.oneBrand),
    friendsPerShare: ranged(num('people', 0, 50, 2, reported('live-aiguang-sharing', 'Youngor on Aiguang: each own viewer brought about 2 more by sharing', '雅戈尔(爱逛):每位自有观众通过分享约带来 2 位新观众'), {
      en: 'New people each share brings: R0 → R2',
      zh: '每次分享带来的新用户数:R0→R2',
    }), 1, 3, WHY.oneBrand),
    shareCouponCost: ranged(num('yuanPerPerson', 0, 1000, 5, assumed('a social coupon of a few yuan per new person', '每带来一位新用户,社交立减金约几元', ['gaps-not-published']), {
      en: 'Cost of the social coupon per new person it brings',
      zh: '社交立减金每带来一位新用户的成本',
    }), 3, 10, WHY.cost),
    sessionCost: ranged(key(num('yuan', 0, 1e7, 15000, assumed('production, host and operations', '制作、主播与运营费用', ['gaps-not-published']), {
      en: 'Cost per session besides traffic (production, host)',
      zh: '每场除流量外的成本(制作、主播)',
    })), 10000, 30000, WHY.cost),
  },
  curve: {
    effortParam: 'trafficSpend',
    effortUnit: 'yuan',
    effortLabel: { en: 'Traffic spend per session', zh: '每场流量预算' },
    pressureLabel: { en: 'Share of the maximum public audience', zh: '占最大公域观众的比例' },
    halfLifeParam: 'halfLifeDays',
    ecParam: 'trafficHalfSaturation',
    shapeParam: 'trafficShape',
  },
  metrics: [
    { key: 'sessions', label: { en: 'Sessions', zh: '场次' }, unit: 'count' },
    { key: 'ownViewersPerSession', label: { en: 'Own-audience viewers per session', zh: '每场自有观众' }, unit: 'people' },
    { key: 'publicViewersPerSession', label: { en: 'Public viewers per session', zh: '每场公域观众' }, unit: 'people' },
    { key: 'ordersPerSession', label: { en: 'In-stream orders per session', zh: '每场直播订单' }, unit: 'count' },
    { key: 'viewerConversion', label: { en: 'Orders per own-audience viewer', zh: '自有观众下单率' }, unit: 'share' },
    { key: 'newFromSharing', label: { en: 'New people from sharing', zh: '分享带来的新用户' }, unit: 'people' },
    { key: 'gmvPerTrafficYuan', label: { en: 'In-stream GMV ÷ paid-traffic spend (attributed, as streamers count it)', zh: '直播间成交额 ÷ 付费流量花费(归因口径,主播通常这样算)' }, unit: 'multiplier' },
  ],
  sideEffects: {
    en: 'Frequent sessions tire the audience (lower attendance); deals cost margin (discount booked as cost); shared coupons cost per new person.',
    zh: '开播过密导致观众疲劳(观看率下降);直播优惠计入成本;社交立减金按带来的新用户计成本。',
  },
  response: {
    en: 'Agents more responsive to marketing watch more; sociable agents share more; pre-heated agents (groups, followers, WeCom) attend more.',
    zh: '营销响应高的个体更常观看;社交性强的个体更常分享;已预热的个体(社群、关注者、企微)观看率更高。',
  },

  create(cfg: TacticConfig, env: RunEnv): TacticRuntime {
    const prm = paramsOf(cfg.params);
    const cal = new LiveCalendar(cfg, prm);
    const cause = env.cause;
    let rng = env.rng;
    let sessions = 0;
    let ownViewers = 0;
    let publicTotal = 0;
    let orders = 0;
    let inStreamGmv = 0;
    let trafficSpent = 0;
    let fromSharing = 0;
    let shareShare = 0; // share of today's R0 → R2 chance that comes from sharing (for the coupon cost)
    let newcomersToday = 0;
    return {
      beginDay(s: RunState) {
        cal.advance(s.day);
        newcomersToday = 0;
        shareShare = 0;
        if (cal.sessions <= 0) return;
        sessions += cal.sessions;
        const attend = Float64Array.of(0, cal.attend(R1), cal.attend(R2), cal.attend(R3), cal.attend(R4), cal.attend(R5));
        const watched = sessionViewers(s, rng, attend, 1 + prm.preheatLift, prm, cause);
        const viewers = watched.viewers;
        const sharers = watched.sharers;
        ownViewers += viewers;
        // Public traffic (in agents) comes from everyone outside the private domain (R0–R2), so only the R0 part of it
        // is new reach: the same people see the brand's streams again, and a heavy schedule saturates instead of
        // reaching the whole market. Viewers who only watched have seen the brand (R0 → R1); those who engage are
        // R2 (from R0 or R1). Friends brought by shared coupons are new people who claimed a coupon (R0 → R2).
        const r0 = s.startCounts[R0]!;
        const cold = r0 + s.startCounts[R1]! + s.startCounts[R2]!;
        if (r0 > 0) {
          const pub = cal.publicReal / s.config.scale;
          const shared = sharers * prm.friendsPerShare;
          publicTotal += cal.publicReal;
          s.sources.addForward(R0, R1, Math.min(1, (pub * (1 - prm.publicEngageShare)) / cold), TRAIT_RESPOND, cause);
          s.sources.addForward(R0, R2, Math.min(1, (pub * prm.publicEngageShare) / cold), TRAIT_RESPOND, cause);
          s.sources.addForward(R1, R2, Math.min(1, (pub * prm.publicEngageShare) / cold), TRAIT_RESPOND, cause);
          s.sources.addForward(R0, R2, Math.min(1, shared / r0), TRAIT_SOCIAL, cause);
          const pubNew = (pub * r0) / cold;
          shareShare = pubNew + shared > 0 ? shared / (pubNew + shared) : 0;
        }
      },
      onMove(s: RunState, i: number, from: number, to: number, c: number) {
        if (c !== cause) return;
        if (to === R3) s.pop.channels[i] = s.pop.channels[i]! | FOLLOWER;
        if (from === R0) newcomersToday++;
      },
      onOrder(s: RunState, o: Order) {
        if (o.cause !== cause) return;
        orders++;
        o.value *= prm.dealBasket;
        s.rec.discount(cause, o.value * prm.dealDiscount * s.config.scale);
        inStreamGmv += o.value * s.config.scale;
        if (prm.orderAgain > 0 && rng.next() < prm.orderAgain) o.again = 1;
      },
      endDay(s: RunState) {
        if (cal.sessions <= 0) return;
        const shared = newcomersToday * shareShare * s.config.scale;
        fromSharing += shared;
        trafficSpent += cal.spend;
        s.rec.cost(cause, prm.sessionCost * cal.sessions + cal.spend + shared * prm.shareCouponCost);
      },
      report(s: RunState) {
        const sc = s.config.scale;
        return [
          sessions,
          sessions > 0 ? (ownViewers * sc) / sessions : 0,
          sessions > 0 ? publicTotal / sessions : 0,
          sessions > 0 ? (orders * sc) / sessions : 0,
          ownViewers > 0 ? orders / ownViewers : NaN,
          fromSharing,
          trafficSpent > 0 ? inStreamGmv / trafficSpent : NaN,
        ];
      },
      saveState: () => ({ ...cal.save(), rng: saveRng(rng), totalSessions: sessions, ownViewers, publicTotal, orders, inStreamGmv, trafficSpent, fromSharing, shareShare, newcomersToday }),
      loadState(st: TacticState, s: RunState) {
        cal.load(st);
        rng = loadRng(st, 'rng', () => s.tacticRng(cfg.id)) ?? rng;
        sessions = stateNumber(st, 'totalSessions');
        ownViewers = stateNumber(st, 'ownViewers');
        publicTotal = stateNumber(st, 'publicTotal');
        orders = stateNumber(st, 'orders');
        inStreamGmv = stateNumber(st, 'inStreamGmv');
        trafficSpent = stateNumber(st, 'trafficSpent');
        fromSharing = stateNumber(st, 'fromSharing');
        shareShare = stateNumber(st, 'shareShare');
        newcomersToday = stateNumber(st, 'newcomersToday');
      },
    };
  },

  expect(cfg: TacticConfig, env: TacticEnv): ExpectedRuntime {
    const prm = paramsOf(cfg.params);
    const cal = new LiveCalendar(cfg, prm);
    const cause = env.cause;
    // Pre-heat reaches the private domain only when some tactic opens a channel it reaches (groups, WeCom, followers:
    // PREHEATED); the mean field assumes R3–R5 are pre-heated then, R1–R2 never. A livestream's own followers do not
    // count here (it declares no channel), so a livestream alone is previewed without pre-heat.
    const preheats = (['groups', 'wecom', 'followers'] as const).some((c) => env.openers.has(c));
    let inStreamOrders = 0;
    return {
      beginDay(m: MeanFieldDay) {
        cal.advance(m.day);
        inStreamOrders = 0;
        if (cal.sessions <= 0) return;
        const att = (t: number) => Math.min(1, cal.attend(t) * (preheats && t >= R3 ? 1 + prm.preheatLift : 1));
        const src = m.sources;
        for (const t of [R1, R2]) {
          src.addForward(t, R3, att(t) * prm.followRate, TRAIT_RESPOND, cause);
          src.addForward(t, R4, att(t) * prm.impulseRate, TRAIT_RESPOND, cause);
        }
        src.addForward(R3, R4, att(R3) * prm.firstBuyRate, TRAIT_RESPOND, cause);
        src.addBuyChance(R4, att(R4) * prm.repeatBuyRate, cause);
        src.addBuyChance(R5, att(R5) * prm.repeatBuyRate, cause);
        let viewers = 0;
        for (let t = R1; t <= R5; t++) viewers += m.startCounts[t]! * att(t);
        const r0 = m.startCounts[R0]!;
        let shared = 0;
        if (r0 > 0) {
          const pub = cal.publicReal / m.config.scale;
          shared = viewers * prm.shareRate * prm.friendsPerShare;
          const cold = r0 + m.startCounts[R1]! + m.startCounts[R2]!;
          src.addForward(R0, R1, Math.min(1, (pub * (1 - prm.publicEngageShare)) / cold), TRAIT_RESPOND, cause);
          src.addForward(R0, R2, Math.min(1, (pub * prm.publicEngageShare) / cold), TRAIT_RESPOND, cause);
          src.addForward(R1, R2, Math.min(1, (pub * prm.publicEngageShare) / cold), TRAIT_RESPOND, cause);
          src.addForward(R0, R2, Math.min(1, shared / r0), TRAIT_SOCIAL, cause);
        }
        inStreamOrders =
          m.startCounts[R1]! * att(R1) * prm.impulseRate +
          m.startCounts[R2]! * att(R2) * prm.impulseRate +
          m.startCounts[R3]! * att(R3) * prm.firstBuyRate +
          (m.startCounts[R4]! * att(R4) + m.startCounts[R5]! * att(R5)) * prm.repeatBuyRate;
        // Orders that follow an in-stream order in the same session (Order.again): a geometric chain.
        const follow = inStreamOrders * (prm.orderAgain / (1 - prm.orderAgain));
        if (follow > 0) m.addOrders?.(cause, follow);
        inStreamOrders += follow;
        const value = m.config.orderValue.mean * prm.dealBasket;
        m.adjustValue?.(cause, inStreamOrders * m.config.orderValue.mean * (prm.dealBasket - 1));
        m.cost(cause, prm.sessionCost * cal.sessions + cal.spend + shared * m.config.scale * prm.shareCouponCost + inStreamOrders * value * prm.dealDiscount * m.config.scale);
      },
    };
  },
} satisfies TacticDefinition;
