import type { EngineConfig } from './config';
import { COHORT_YEARS, orderWindows, WINDOW_FIELDS, type OrderWindow } from './order-ledger';
import { getTactic } from './tactics/registry';

/**
 * Per-run figures in the terms brands report, from the order ledger's window tallies (order-ledger.ts). Each figure is
 * declared once here, as its key with the function that computes it; the digest appends them in this order.
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

interface BrandFigure {
  key: string;
  value(tally: (w: number, field: number) => number): number;
}

const BUYERS = WINDOW_FIELDS.indexOf('buyers');
const REPEATERS = WINDOW_FIELDS.indexOf('repeaters');
const ORDERS = WINDOW_FIELDS.indexOf('orders');
const BROUGHT = WINDOW_FIELDS.indexOf('brought');
const BROUGHT_REPEATERS = WINDOW_FIELDS.indexOf('broughtRepeaters');

function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

function pooled(ids: number[], num: number, den: number, tally: (w: number, field: number) => number): number {
  let a = 0;
  let b = 0;
  for (const w of ids) {
    a += tally(w, num);
    b += tally(w, den);
  }
  return ratio(a, b);
}

function brandFigures(config: EngineConfig, windows: OrderWindow[] = ledgerWindows(config)): BrandFigure[] {
  const ids = (pick: (x: OrderWindow) => boolean) => windows.flatMap((x, k) => (pick(x) ? [k] : []));
  const months = ids((x) => x.kind === 'month');
  const out: BrandFigure[] = [
    {
      key: 'R.monthlyRepurchase',
      value: (tally) => {
        let sum = 0;
        let n = 0;
        for (const w of months) {
          const r = ratio(tally(w, REPEATERS), tally(w, BUYERS));
          if (Number.isFinite(r)) {
            sum += r;
            n++;
          }
        }
        return n > 0 ? sum / n : NaN;
      },
    },
    { key: 'R.ordersPerMonthlyBuyer', value: (tally) => pooled(months, ORDERS, BUYERS, tally) },
  ];
  for (const y of COHORT_YEARS) {
    const cohort = ids((x) => x.kind === 'cohort' && x.ref === y);
    if (cohort.length) out.push({ key: `R.repurchaseWithin.${y}y`, value: (tally) => pooled(cohort, REPEATERS, BUYERS, tally) });
  }
  config.tactics.forEach((t, k) => {
    const events = ids((x) => x.kind === 'event' && x.ref === k);
    if (!events.length) return;
    out.push(
      { key: `E.${t.id}.ordersPerBuyer`, value: (tally) => pooled(events, ORDERS, BUYERS, tally) },
      { key: `E.${t.id}.multiOrderShare`, value: (tally) => pooled(events, REPEATERS, BUYERS, tally) },
      { key: `E.${t.id}.broughtMultiOrderShare`, value: (tally) => pooled(events, BROUGHT_REPEATERS, BROUGHT, tally) },
      { key: `E.${t.id}.events`, value: () => events.length },
    );
  });
  return out;
}

export function brandFigureKeys(config: EngineConfig): string[] {
  return brandFigures(config).map((f) => f.key);
}

/** The figures' values for one run, from its ledger's window tallies (windows × WINDOW_FIELDS). */
export function brandFigureValues(config: EngineConfig, windowTally: Float64Array): number[] {
  const fields = WINDOW_FIELDS.length;
  const tally = (w: number, field: number) => windowTally[w * fields + field]!;
  return brandFigures(config).map((f) => f.value(tally));
}
