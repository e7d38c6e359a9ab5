import { civilFromDays, daysFromCivil } from '../civil-date';
import { FIRST_TACTIC_CAUSE, type EngineConfig } from '../config';
import { FOLLOWER, IN_GROUP, MEMBER, PAID_MEMBER, WECOM } from '../step/population';
import { R4 } from '../tiers';

/**
 * The order ledger: what brands count about orders that the tier counts do not show (docs/model.md § In brands'
 * terms). Two tallies, kept as every order is recorded (after every tactic has set its final value):
 * - by the buyer's private-domain channel at the time of the order (member, in a group, a WeCom contact), for
 *   "members' share of GMV", "sales by group members" and "contacts against non-contacts";
 * - within windows of days, the distinct buyers, the buyers with two or more orders, the orders and the GMV: calendar
 *   months (monthly repurchase), the first N years (repurchase within N years) and each tactic's events (orders per
 *   customer in a sale, a recall, a member day, a livestream).
 * A buyer's first and second order in a window are told apart from the days of their last two orders, so the ledger
 * needs no per-window state per agent.
 */

/**
 * The buyer channels the ledger splits orders by, as masks of population flags (an order counts for a channel when
 * the buyer holds any of its flags); their index is the ledger's channel index. The last is the private domain as a
 * whole: anyone in a group, a WeCom contact, a follower or a member.
 */
export const LEDGER_CHANNELS = [MEMBER | PAID_MEMBER, IN_GROUP, WECOM, IN_GROUP | WECOM | FOLLOWER | MEMBER | PAID_MEMBER] as const;
export const CHANNEL_MEMBER = 0;
export const CHANNEL_GROUP = 1;
export const CHANNEL_WECOM = 2;
export const CHANNEL_PRIVATE = 3;

/** A window of days [from, to) over which orders are tallied per distinct buyer. */
export interface OrderWindow {
  kind: 'month' | 'cohort' | 'event';
  from: number;
  to: number;
  /** cohort: its length in years; event: the tactic's index in the config; month: the month's index from the start. */
  ref: number;
}

/** Longest run of days that still counts as one event (a month-long campaign is not an event). */
export const MAX_EVENT_DAYS = 31;
/** Horizons of "repurchase within N years", reported when the run covers them. */
export const COHORT_YEARS = [1, 2, 3] as const;

/**
 * The runs of days on which a tactic is above its usual effort: its events. The usual effort is the schedule's most
 * common value (0 for a tactic that runs in bursts; the regular effort for a daily tactic pushed harder in a sale).
 * Runs longer than MAX_EVENT_DAYS are campaigns, not events, and are left out.
 */
export function eventRuns(effort: ArrayLike<number>): Array<[number, number]> {
  const freq = new Map<number, number>();
  for (let d = 0; d < effort.length; d++) freq.set(effort[d]!, (freq.get(effort[d]!) ?? 0) + 1);
  let usual = 0;
  let most = -1;
  for (const [v, n] of freq) if (n > most || (n === most && v < usual)) [usual, most] = [v, n];
  const out: Array<[number, number]> = [];
  for (let d = 0; d < effort.length; ) {
    if (!(effort[d]! > usual)) {
      d++;
      continue;
    }
    let e = d;
    while (e < effort.length && effort[e]! > usual) e++;
    if (e - d <= MAX_EVENT_DAYS) out.push([d, e]);
    d = e;
  }
  return out;
}

function firstOfNextMonth(day: number): number {
  const c = civilFromDays(day);
  return c.month === 12 ? daysFromCivil(c.year + 1, 1, 1) : daysFromCivil(c.year, c.month + 1, 1);
}

/**
 * Every window of a run, in a fixed order: full calendar months, then cohorts, then each tactic's events.
 * @param eventDays per tactic, its event effort per day (brand-figures.ts `tacticEventDays`).
 */
export function orderWindows(config: EngineConfig, eventDays: ReadonlyArray<ArrayLike<number>>): OrderWindow[] {
  const out: OrderWindow[] = [];
  const { startDay, days } = config;
  // Full calendar months only, so every monthly rate covers a whole month.
  let m = civilFromDays(startDay).day === 1 ? startDay : firstOfNextMonth(startDay);
  for (let k = 0; ; k++) {
    const next = firstOfNextMonth(m);
    if (next - startDay > days) break;
    out.push({ kind: 'month', from: m - startDay, to: next - startDay, ref: k });
    m = next;
  }
  for (const y of COHORT_YEARS) if (days >= 365 * y) out.push({ kind: 'cohort', from: 0, to: 365 * y, ref: y });
  eventDays.forEach((effort, k) => {
    for (const [a, b] of eventRuns(effort)) out.push({ kind: 'event', from: a, to: b, ref: k });
  });
  return out;
}

/**
 * Tally fields per window, in this order. `brought` and `broughtRepeaters` count, in a tactic's event, the buyers
 * whose first order there the tactic brought (its cause), and those of them who ordered again there (any cause): the
 * customers a recall or a session brought, and how many of them ordered several times (0 outside events).
 */
export const WINDOW_FIELDS = ['buyers', 'repeaters', 'orders', 'gmv', 'brought', 'broughtRepeaters'] as const;
const FIELDS = WINDOW_FIELDS.length;
/** Tally fields per channel (and for all orders, the last row), in this order. */
export const CHANNEL_FIELDS = ['orders', 'gmv', 'repeatOrders', 'repeatGmv'] as const;
export const CHANNEL_ORDERS = 0;
export const CHANNEL_GMV = 1;
export const CHANNEL_REPEAT_ORDERS = 2;
export const CHANNEL_REPEAT_GMV = 3;
/** The channel index of every order, whatever the buyer's channels. */
export const CHANNEL_ALL = LEDGER_CHANNELS.length;

export class OrderLedger {
  readonly windows: OrderWindow[];
  /** windows × WINDOW_FIELDS, in agents and per-agent yuan (the digest applies the scale). */
  readonly windowTally: Float64Array;
  /** (channels + 1) × CHANNEL_FIELDS; the last row counts every order. Repeat: orders by people already buyers (R4, R5). */
  readonly channelTally: Float64Array;
  /** Windows open on day d: dayWindows[dayStart[d] … dayStart[d+1]). */
  private readonly dayStart: Int32Array;
  private readonly dayWindows: Int32Array;
  private readonly windowFrom: Int32Array;
  /** The cause whose orders an event window also tallies as `brought` (its tactic's), −1 for other windows. */
  private readonly windowCause: Int32Array;

  constructor(config: EngineConfig, windows: OrderWindow[]) {
    const days = config.days;
    this.windows = windows;
    const w = this.windows.length;
    this.windowTally = new Float64Array(w * FIELDS);
    this.channelTally = new Float64Array((LEDGER_CHANNELS.length + 1) * CHANNEL_FIELDS.length);
    this.windowFrom = Int32Array.from(this.windows, (x) => x.from);
    this.windowCause = Int32Array.from(this.windows, (x) => (x.kind === 'event' ? FIRST_TACTIC_CAUSE + x.ref : -1));
    const perDay = new Int32Array(days + 1);
    for (const x of this.windows) for (let d = Math.max(0, x.from); d < Math.min(days, x.to); d++) perDay[d + 1]! += 1;
    for (let d = 0; d < days; d++) perDay[d + 1]! += perDay[d]!;
    this.dayStart = perDay;
    this.dayWindows = new Int32Array(perDay[days]!);
    const fill = perDay.slice(0, days);
    this.windows.forEach((x, k) => {
      for (let d = Math.max(0, x.from); d < Math.min(days, x.to); d++) this.dayWindows[fill[d]!++] = k;
    });
  }

  /**
   * One order, with its final value. `last` and `prev`: the days of the buyer's two orders before this one (−1 for
   * none). In a window starting on day a, the order is the buyer's first there when last < a, and their second when
   * last ≥ a > prev. `cause`: this order's; `lastCause`: the cause of the buyer's last order (their first in the
   * window, when this is their second).
   */
  order(day: number, value: number, fromTier: number, channels: number, last: number, prev: number, cause: number, lastCause: number): void {
    const wt = this.windowTally;
    for (let k = this.dayStart[day]!, end = this.dayStart[day + 1]!; k < end; k++) {
      const w = this.dayWindows[k]!;
      const a = this.windowFrom[w]!;
      const at = w * FIELDS;
      if (last < a) {
        wt[at]! += 1;
        if (cause === this.windowCause[w]) wt[at + 4]! += 1;
      } else if (prev < a) {
        wt[at + 1]! += 1;
        if (lastCause === this.windowCause[w]) wt[at + 5]! += 1;
      }
      wt[at + 2]! += 1;
      wt[at + 3]! += value;
    }
    const ct = this.channelTally;
    const repeat = fromTier >= R4;
    for (let c = 0; c <= LEDGER_CHANNELS.length; c++) {
      if (c < LEDGER_CHANNELS.length && (channels & LEDGER_CHANNELS[c]!) === 0) continue;
      const at = c * 4;
      ct[at]! += 1;
      ct[at + 1]! += value;
      if (repeat) {
        ct[at + 2]! += 1;
        ct[at + 3]! += value;
      }
    }
  }

  /** A channel's tally field (CHANNEL_FIELDS index), or every order's with channel = LEDGER_CHANNELS.length. */
  channel(channel: number, field: number): number {
    return this.channelTally[channel * 4 + field]!;
  }
}
