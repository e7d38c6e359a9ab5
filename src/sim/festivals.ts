/**
 * Chinese e-commerce festival windows (38, 520, 618, 七夕, 双11, 双12, 年货节) as
 * day-number ranges (civil-date.ts); 七夕 and 年货节 follow the lunar calendar (lunar-calendar.ts).
 */
import { assertDayNumber, civilFromDays, daysFromCivil } from './civil-date';
import { qixi, springFestival } from './lunar-calendar';

export type FestivalId = 'womensDay' | 'may20' | 'mid618' | 'qixi' | 'double11' | 'double12' | 'newYearGoods';
export type FestivalPhase = 'presale' | 'main' | 'peak' | 'all';

/** Inclusive day-number ranges. `year` is the Gregorian year the festival is named for. */
export interface FestivalWindow {
  festival: FestivalId;
  year: number;
  presale: [number, number] | null;
  main: [number, number];
  peak: number;
}

/**
 * Window conventions. These are industry habits (Tmall / JD / Douyin
 * campaign calendars), not laws; platforms shift their dates year to year.
 * The simulator uses one fixed, documented rule per festival so results are
 * comparable across years and runs.
 */
export const FESTIVALS: Readonly<Record<FestivalId, { zh: string; en: string; rule: string }>> = Object.freeze({
  womensDay: {
    zh: '三八女王节',
    en: "Queen's Day (International Women's Day)",
    rule:
      "Convention: main sale Mar 1-8 with the peak on Mar 8 (International Women's Day, marketed by Chinese e-commerce as 'Queen's Day' / 'Goddess Day'); no presale.",
  },
  may20: {
    zh: '520',
    en: "520 (May 20, 'I love you' day)",
    rule:
      "Convention: main sale May 14-20 with the peak on May 20 ('5-2-0' sounds like 'I love you' in Mandarin); no presale.",
  },
  mid618: {
    zh: '618年中大促',
    en: '618 Mid-Year Shopping Festival',
    rule:
      'Convention: presale (deposits) May 20-31, main sale Jun 1-18, peak on Jun 18 (JD.com anniversary, adopted by all major platforms).',
  },
  qixi: {
    zh: '七夕',
    en: "Qixi (Chinese Valentine's Day)",
    rule:
      "Convention: main sale from 6 days before Qixi through Qixi itself (7 days), peak on Qixi, the 7th day of the 7th lunar month (Chinese lunisolar calendar, China Standard Time); no presale.",
  },
  double11: {
    zh: '双十一',
    en: "Double 11 (Singles' Day)",
    rule:
      "Convention: presale (deposits) Oct 20-31, main sale Nov 1-11, peak on Nov 11 (Tmall-originated Singles' Day).",
  },
  double12: {
    zh: '双十二',
    en: 'Double 12',
    rule: 'Convention: main sale Dec 8-12 with the peak on Dec 12; no presale.',
  },
  newYearGoods: {
    zh: '年货节',
    en: 'New Year Goods Festival (pre-Spring Festival shopping)',
    rule:
      'Convention: main sale from 28 days before the lunar Spring Festival (春节, lunar 1/1) to 5 days before it, when couriers stop taking orders for the holiday; peak 8 days before the Spring Festival. It belongs to the Gregorian year in which that Spring Festival falls, so it can start in the previous December.',
  },
});

interface FestivalDef {
  /** Build the window for Gregorian year `year`. */
  build(year: number): { presale: [number, number] | null; main: [number, number]; peak: number };
  /**
   * A lower bound on the window start for `year` that needs no lunar data.
   * festivalWindowsBetween uses it to skip years without building them, so a
   * query near the edge of SUPPORTED_YEARS does not fail on a lunar year it
   * could never overlap.
   */
  notBefore(year: number): number;
}

/** Fixed Gregorian window helper: month/day pairs inside one year. */
function fixedFestival(
  presale: [number, number, number, number] | null,
  main: [number, number, number, number],
): FestivalDef {
  const build = (year: number) => {
    const pre: [number, number] | null =
      presale === null
        ? null
        : [daysFromCivil(year, presale[0], presale[1]), daysFromCivil(year, presale[2], presale[3])];
    const mainRange: [number, number] = [daysFromCivil(year, main[0], main[1]), daysFromCivil(year, main[2], main[3])];
    // Every fixed festival peaks on its last main day.
    return { presale: pre, main: mainRange, peak: mainRange[1] };
  };
  return {
    build,
    notBefore: (year) => {
      const w = build(year);
      return (w.presale ?? w.main)[0];
    },
  };
}

const FESTIVAL_DEFS: Readonly<Record<FestivalId, FestivalDef>> = {
  womensDay: fixedFestival(null, [3, 1, 3, 8]),
  may20: fixedFestival(null, [5, 14, 5, 20]),
  mid618: fixedFestival([5, 20, 5, 31], [6, 1, 6, 18]),
  double11: fixedFestival([10, 20, 10, 31], [11, 1, 11, 11]),
  double12: fixedFestival(null, [12, 8, 12, 12]),
  qixi: {
    build(year) {
      const day = qixi(year);
      return { presale: null, main: [day - 6, day], peak: day };
    },
    // Lunar 7/7 falls between late July and late August; minus 6 days is
    // still after Jul 1.
    notBefore: (year) => daysFromCivil(year, 7, 1),
  },
  newYearGoods: {
    build(year) {
      const sf = springFestival(year);
      return { presale: null, main: [sf - 28, sf - 5], peak: sf - 8 };
    },
    // 春节 is never before Jan 21, so 28 days earlier is never before Dec 24
    // of the previous year.
    notBefore: (year) => daysFromCivil(year - 1, 12, 1),
  },
};

function assertFestival(fn: string, festival: FestivalId): FestivalDef {
  const def = Object.prototype.hasOwnProperty.call(FESTIVAL_DEFS, festival) ? FESTIVAL_DEFS[festival] : undefined;
  if (def === undefined) throw new RangeError(`${fn}: unknown festival ${JSON.stringify(festival)}`);
  return def;
}

/**
 * The window of `festival` for Gregorian year `year`.
 * Lunar festivals (qixi, newYearGoods) throw RangeError outside SUPPORTED_YEARS.
 */
export function festivalWindow(festival: FestivalId, year: number): FestivalWindow {
  const def = assertFestival('festivalWindow', festival);
  if (!Number.isSafeInteger(year)) throw new RangeError(`festivalWindow: year must be an integer, got ${year}`);
  const { presale, main, peak } = def.build(year);
  return { festival, year, presale, main, peak };
}

/** First and last day of a window, presale included. */
function windowSpan(w: FestivalWindow): [number, number] {
  return [w.presale !== null ? w.presale[0] : w.main[0], w.main[1]];
}

/**
 * Every window of `festival` overlapping the inclusive range [fromDay, toDay],
 * in chronological order. Empty when fromDay > toDay.
 */
export function festivalWindowsBetween(festival: FestivalId, fromDay: number, toDay: number): FestivalWindow[] {
  const def = assertFestival('festivalWindowsBetween', festival);
  assertDayNumber('festivalWindowsBetween', fromDay);
  assertDayNumber('festivalWindowsBetween', toDay);
  const out: FestivalWindow[] = [];
  if (fromDay > toDay) return out;
  // Every window of year Y lies within [Dec 1 of Y-1, Dec 31 of Y], so the
  // only candidates are the years of fromDay..toDay plus the following year
  // (whose 年货节 can start in December).
  const firstYear = civilFromDays(fromDay).year;
  const lastYear = civilFromDays(toDay).year + 1;
  for (let year = firstYear; year <= lastYear; year++) {
    if (def.notBefore(year) > toDay) continue;
    const w = festivalWindow(festival, year);
    const [start, end] = windowSpan(w);
    if (start <= toDay && end >= fromDay) out.push(w);
  }
  return out;
}

/**
 * Inclusive day range of one phase. 'all' spans presale start (or main start)
 * to main end; 'peak' is [peak, peak]. Asking for 'presale' of a festival that
 * has none throws RangeError: an empty phase is almost always a scenario bug.
 */
export function phaseDays(w: FestivalWindow, phase: FestivalPhase): [number, number] {
  switch (phase) {
    case 'presale':
      if (w.presale === null) throw new RangeError(`phaseDays: ${w.festival} ${w.year} has no presale phase`);
      return [w.presale[0], w.presale[1]];
    case 'main':
      return [w.main[0], w.main[1]];
    case 'peak':
      return [w.peak, w.peak];
    case 'all':
      return windowSpan(w);
    default: {
      // Reached only from untyped callers (e.g. scenario JSON).
      const bad: never = phase;
      throw new RangeError(`phaseDays: unknown phase ${JSON.stringify(bad)}`);
    }
  }
}
