import { describe, expect, it } from 'vitest';
import { FIRST_TACTIC_CAUSE } from '../../src/sim/config';
import { channelOpeners, createRun, stepDay } from '../../src/sim/step/model';
import { FOLLOWER, IN_GROUP, MEMBER, WECOM } from '../../src/sim/step/population';
import { DaySources, MAX_SOURCES_PER_TIER } from '../../src/sim/step/sources';
import { coupons } from '../../src/sim/tactics/coupons';
import { TACTICS } from '../../src/sim/tactics/registry';
import type { ChannelId, ChannelOpener, TacticEnv } from '../../src/sim/tactics/types';
import type { MeanFieldDay } from '../../src/sim/projection/meanfield-day';
import { config } from '../helpers';

/**
 * Tactics interact through the channels they declare (`opens`), not through each other's types: the declarations
 * must say what the agent model does, and the readers must use nothing else.
 */

const FLAG: Record<ChannelId, number> = { groups: IN_GROUP, wecom: WECOM, followers: FOLLOWER, members: MEMBER };

describe('channels: what a tactic declares it opens', () => {
  it('is the flag its agents get in a run; a tactic that declares no channel gives none (a livestream’s followers excepted)', () => {
    for (const [type, def] of Object.entries(TACTICS)) {
      const cfg = config({ days: 30, population: { agents: 3000, scale: 1, initial: { R0: 0.2, R1: 0.2, R2: 0.2, R3: 0.2, R4: 0.1, R5: 0.1 }, heterogeneity: false }, tactics: [{ id: 't', type, schedule: { daily: true } }] });
      const s = createRun(cfg, 0);
      for (let day = 0; day < cfg.days; day++) stepDay(s, day);
      let seen = 0;
      for (const c of s.pop.channels) seen |= c;
      const declared = def.opens ? FLAG[def.opens.channel] : 0;
      // A livestream turns the viewers who follow into followers; it declares no channel, so the mean field does not
      // pre-heat on a livestream alone (docs/model.md § Tactics).
      const allowed = declared | (type === 'livestream' ? FOLLOWER : 0);
      expect(seen & (IN_GROUP | WECOM | FOLLOWER | MEMBER) & ~allowed, `${type}: flags it sets without declaring them`).toBe(0);
      if (declared) expect(seen & declared, `${type} declares ${def.opens?.channel}`).toBe(declared);
    }
  });

  it('channelOpeners lists, per channel, the tactics declaring it, in scenario order, with their cause index', () => {
    const cfg = config({
      tactics: [
        { id: 'c', type: 'coupons', schedule: { daily: true }, channel: 'groups' },
        { id: 'g1', type: 'communityGroups', schedule: { daily: true } },
        { id: 'w', type: 'guides', schedule: { daily: true } },
        { id: 'g2', type: 'communityGroups', schedule: { daily: true } },
        { id: 'l', type: 'livestream', schedule: { daily: true } },
      ],
    });
    const openers = channelOpeners(cfg);
    expect([...openers.keys()].sort()).toEqual(['groups', 'wecom']);
    expect(openers.get('groups')!.map((o) => o.cause)).toEqual([FIRST_TACTIC_CAUSE + 1, FIRST_TACTIC_CAUSE + 3]);
    expect(openers.get('wecom')!.map((o) => o.cause)).toEqual([FIRST_TACTIC_CAUSE + 2]);
    expect(openers.get('groups')![1]!.params).toBe(cfg.tactics[3]!.params);
  });
});

describe('channels: coupons sent through a channel, in the mean field', () => {
  // One issue day with no discount (face value 0) and a cost of 1 per coupon issued at scale 1: the day's cost is the
  // number of coupons issued, reach × the targeted people who are in the channel. 1 000 R1 and 3 000 R2 targeted,
  // reach 0.5.
  const issuedOnDayOne = (channel: ChannelId, openers: ChannelOpener[]): number => {
    const cfg = config({ tactics: [{ id: 'c', type: 'coupons', schedule: { daily: true }, channel, targets: ['R1', 'R2'], reach: 0.5, faceValue: 0, issueCost: 1 }] });
    const env: TacticEnv = { cause: FIRST_TACTIC_CAUSE, engine: cfg, openers: new Map([[channel, openers]]) };
    let cost = 0;
    const day = {
      config: cfg,
      day: 0,
      demand: 1,
      startCounts: Float64Array.from([0, 1000, 3000, 0, 0, 0]),
      sources: new DaySources(),
      flows: new Float64Array(36),
      ordersByTier: new Float64Array(6),
      lastOrders: 0,
      cost: (_: number, amount: number) => void (cost += amount),
      realCount: () => 0,
    } satisfies MeanFieldDay;
    coupons.expect(cfg.tactics[0]!, env).beginDay(day);
    return cost;
  };
  // Made-up openers with no tactic type at all: coupons can only have read their declarations.
  const holds = (people: number): ChannelOpener => ({ cause: 9, params: { people }, opening: { channel: 'groups', capacity: (q) => Number(q.people) } });

  it('a channel holding 1 000 of the 4 000 targeted: a quarter of them are eligible, 0.5 × 1 000 coupons', () => {
    expect(issuedOnDayOne('groups', [holds(1000)])).toBeCloseTo(500, 9);
  });
  it('two openers add their places (600 + 1 400 = half of the targeted): 1 000 coupons', () => {
    expect(issuedOnDayOne('groups', [holds(600), holds(1400)])).toBeCloseTo(1000, 9);
  });
  it('more places than targeted people: everyone targeted is eligible, 2 000 coupons', () => {
    expect(issuedOnDayOne('groups', [holds(10000)])).toBeCloseTo(2000, 9);
  });
  it('no tactic opens the channel: no coupons', () => {
    expect(issuedOnDayOne('wecom', [])).toBe(0);
  });
  it('an unbounded channel that 30 % join (the larger of two openers’ shares): 0.3 × 0.5 × 4 000 = 600 coupons', () => {
    const joins = (share: number): ChannelOpener => ({ cause: 9, params: {}, opening: { channel: 'members', joinShare: () => share } });
    expect(issuedOnDayOne('members', [joins(0.1), joins(0.3)])).toBeCloseTo(600, 9);
  });
});

describe('channels: a livestream’s pre-heat, in the mean field', () => {
  // R3's first-purchase chance from one session: attendance × firstBuyRate, and attendance × (1 + preheatLift) when
  // some tactic opens a channel the pre-heat reaches (groups, WeCom, followers); members are not pre-heated.
  const firstBuys = (openers: Array<[ChannelId, ChannelOpener[]]>): number => {
    const cfg = config({ tactics: [{ id: 'l', type: 'livestream', schedule: { daily: true }, preheatLift: 1 }] });
    const env: TacticEnv = { cause: FIRST_TACTIC_CAUSE, engine: cfg, openers: new Map(openers) };
    const sources = new DaySources();
    const day = {
      config: cfg,
      day: 0,
      demand: 1,
      startCounts: Float64Array.from([1000, 1000, 1000, 1000, 1000, 1000]),
      sources,
      flows: new Float64Array(36),
      ordersByTier: new Float64Array(6),
      lastOrders: 0,
      cost: () => {},
      realCount: () => 1000,
    } satisfies MeanFieldDay;
    TACTICS.livestream!.expect(cfg.tactics[0]!, env).beginDay(day);
    let p = 0;
    for (let k = 0; k < sources.fCount[3]!; k++) if (sources.fTo[3 * MAX_SOURCES_PER_TIER + k] === 4) p += sources.fP[3 * MAX_SOURCES_PER_TIER + k]!;
    return p;
  };
  const opener = (channel: ChannelId): [ChannelId, ChannelOpener[]] => [channel, [{ cause: 9, params: {}, opening: { channel } }]];

  it('doubles (lift 1) with groups, WeCom contacts or followers opened, not with members or nothing', () => {
    const alone = firstBuys([]);
    expect(alone).toBeGreaterThan(0);
    expect(alone * 2).toBeLessThan(1);
    for (const c of ['groups', 'wecom', 'followers'] as const) expect(firstBuys([opener(c)]) / alone, c).toBeCloseTo(2, 12);
    expect(firstBuys([opener('members')])).toBe(alone);
  });
});
