import { expect } from 'vitest';
import { FIRST_TACTIC_CAUSE, type EngineConfig } from '../../src/sim/config';
import type { RunRecord } from '../../src/sim/results/recorder';
import { config, STILL_BASELINE } from '../helpers';
import { meanFieldDay as tacticMeanFieldDay } from './tactic-day';

/**
 * What the livestream and coupon tests (tactic-live.test.ts, tactic-live-math.test.ts) build their tiny scenarios from:
 * a still market with the tactics given, readers of one run's record, and tactics that do nothing (or redeem surely)
 * unless a test switches them on.
 */

export type Json = Record<string, unknown>;
export type Tiers = Partial<Record<'R0' | 'R1' | 'R2' | 'R3' | 'R4' | 'R5', number>>;
/** The scenario's only (or first) tactic. */
export const CAUSE = FIRST_TACTIC_CAUSE;
/** scenarioJson's start date, a Monday. */
export const START = Date.UTC(2026, 2, 2);
/** The calendar date of day d of the run. */
export const dateOf = (d: number) => new Date(START + d * 86400000).toISOString().slice(0, 10);

/** One run of `agents` at `scale`, tiers as given, still unless `baseline` says otherwise, with these tactics. */
export function scenarioOf(tactics: Json[], o: { agents: number; initial: Tiers; days: number; scale?: number; baseline?: Json; heterogeneity?: boolean; seed?: number }): EngineConfig {
  return config({
    days: o.days,
    runs: 1,
    seed: o.seed ?? 21,
    population: { agents: o.agents, scale: o.scale ?? 1, initial: { R0: 0, R1: 0, R2: 0, R3: 0, R4: 0, R5: 0, ...o.initial }, heterogeneity: o.heterogeneity ?? false },
    baseline: o.baseline ?? STILL_BASELINE,
    tactics,
  });
}

export const causeMove = (rec: RunRecord, from: number, to: number) => rec.causeMoves[CAUSE * 36 + from * 6 + to]!;
export const dayMove = (rec: RunRecord, day: number, from: number, to: number) => rec.moves[day * 36 + from * 6 + to]!;
/** Equal within 1e-9, relative to the larger of 1 and |want|. */
export const close = (got: number, want: number) => expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));

/** One mean-field day over the given expected agents per tier (tactic-day.ts), in the live tests' argument order. */
export const meanFieldDay = (cfg: EngineConfig, counts: number[], day = 0, demand = 1) => tacticMeanFieldDay(cfg, counts, { day, demand });

/** A livestream that does nothing unless the test switches it on. */
export const quietLive = (p: Json): Json => ({
  id: 'l',
  type: 'livestream',
  sessionsPerDay: 1,
  attendance: { R1: 0, R2: 0, R3: 0, R4: 0, R5: 0 },
  preheatLift: 0,
  fatigue: 0,
  maxPublicViewers: 0,
  shareRate: 0,
  followRate: 0,
  impulseRate: 0,
  firstBuyRate: 0,
  repeatBuyRate: 0,
  orderAgain: 0,
  sessionCost: 500,
  trafficSpend: 1000,
  shareCouponCost: 5,
  ...p,
});

/**
 * A coupon every holder redeems on the day it holds it (hazard 1): face 30 on orders of 100 pulls Hill(0.3; 0.15, 1)
 * = ⅔, × redeem rate 1 × price sensitivity 5 × mass-drop share 0.5 = 1.67, capped at 1.
 */
export const sureCoupon = (p: Json): Json => ({
  id: 'c',
  type: 'coupons',
  kind: 'storewide',
  targets: ['R5'],
  reach: 1,
  faceValue: 30,
  halfSaturationDepth: 0.15,
  shape: 1,
  redeemRate: 1,
  priceSensitivity: 5,
  massRedemption: 0.5,
  validityDays: 5,
  reminderDays: 0,
  issueCost: 0.1,
  perIssue: 1,
  orderAgain: 0,
  dependenceStep: 0.2,
  dependenceHalfLifeDays: 10,
  pullForward: 0,
  dependenceEffect: 0,
  ...p,
});
/** A coupon nobody redeems (face value 0: no pull). */
export const deadCoupon = (p: Json): Json => sureCoupon({ faceValue: 0, ...p });

/** Expected agents per tier (R0–R5) for the coupons' preview tests. */
export const PREVIEW_COUNTS = [0, 1000, 3000, 2000, 500, 500];
/**
 * A store-wide coupon for the preview tests: every tier targeted, reach ½, issued daily. At scale 2 with orders of 100,
 * face 20 pulls Hill(0.2; 0.2, 1) = ½ × redeem rate 0.2 = 0.1, × mass-drop share ½ = 0.05 a day.
 */
export const previewCoupon = (p: Json = {}): Json => ({
  id: 'c',
  type: 'coupons',
  kind: 'storewide',
  schedule: { daily: true },
  targets: ['R1', 'R2', 'R3', 'R4', 'R5'],
  reach: 0.5,
  faceValue: 20,
  halfSaturationDepth: 0.2,
  shape: 1,
  redeemRate: 0.2,
  priceSensitivity: 1,
  massRedemption: 0.5,
  validityDays: 10,
  issueCost: 0.1,
  orderAgain: 0.5,
  ...p,
});
