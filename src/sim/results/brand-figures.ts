import type { EngineConfig } from '../config';
import { orderWindows, type OrderWindow } from './order-ledger';
import { getTactic } from '../tactics/registry';

/**
 * Per-run figures in the terms brands report come from the order ledger's window tallies (order-ledger.ts); they are
 * declared with every other per-run figure in figures.ts. This module gives the ledger its windows.
 * - `R.monthlyRepurchase`: the average over full calendar months of (buyers with two or more orders in the month ÷
 *   buyers in the month).
 * - `R.ordersPerMonthlyBuyer`: over full calendar months, orders ÷ buyers (each month's buyers counted once per month).
 * - `R.repurchaseWithin.Ny`: of the people who bought in the first N × 365 days, the share who bought at least twice in
 *   them (only when the run is that long).
 * - `E.<tactic>.ordersPerBuyer`, `E.<tactic>.multiOrderShare`, `E.<tactic>.events`: within the tactic's events (a sale,
 *   a recall, a member day, a livestream; order-ledger.ts `eventRuns`), orders ÷ buyers and the share of buyers who
 *   ordered twice or more, each event's buyers counted once per event and pooled over events; and how many events.
 * - `E.<tactic>.broughtMultiOrderShare`: the same share among the customers the tactic brought to the event (their
 *   first order in it was the tactic's): the recalled customers of a recall, the buyers of a session.
 * The channel figures (members' share of GMV, sales by group members, contacts against non-contacts) are the
 * tactics' own metrics, since they exist only with the tactic.
 */
/** Each tactic's event days as an effort per day: its own declared events, else its schedule. */
export function tacticEventDays(config: EngineConfig): ReadonlyArray<ArrayLike<number>> {
  return config.tactics.map((t) => getTactic(t.type).eventDays?.(t, config) ?? t.schedule);
}

/** The run's order-ledger windows (the same for every run of a config), unless the config fixes them. */
export function ledgerWindows(config: EngineConfig): OrderWindow[] {
  return config.ledgerWindows ?? orderWindows(config, tacticEventDays(config));
}
