/**
 * Deterministic calendar arithmetic for the simulation engine.
 *
 * Every date is an integer "day number": days since 1970-01-01 in the
 * proleptic Gregorian calendar. Integer days carry no time zone, no clock and
 * no daylight-saving surprises, so a run replays bit-for-bit on any machine.
 * That is also why this module never touches the host clock or the built-in
 * JS time object: the engine lint rejects them, and their local-time
 * behaviour differs between browser and Node.
 *
 * Contents:
 *  - Gregorian <-> day number (Howard Hinnant's days_from_civil /
 *    civil_from_days, exact for every integer day).
 *  - ISO-8601 weekday and week numbering.
 *  - The Chinese lunisolar calendar for lunar years 1900..2100, decoded from
 *    the compact per-year bit table used by most open-source converters.
 *  - Chinese e-commerce festival windows (38, 520, 618, 七夕, 双11, 双12, 年货节).
 */

export type IsoDate = string; // 'YYYY-MM-DD'

// ---------------------------------------------------------------------------
// Gregorian calendar
// ---------------------------------------------------------------------------

/** Days in a 400-year Gregorian cycle; the calendar repeats exactly after it. */
const DAYS_PER_ERA = 146097;
/** days_from_civil(1970, 1, 1) counted from 0000-03-01; shifts the epoch to 1970. */
const UNIX_EPOCH_SHIFT = 719468;

function isGregorianLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInGregorianMonth(year: number, month: number): number {
  if (month === 2) return isGregorianLeapYear(year) ? 29 : 28;
  // Months 4, 6, 9, 11 have 30 days; the rest 31.
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Hinnant's days_from_civil, without validation (callers validate first).
 * Counting years from March moves the leap day to the end of the year, so the
 * day-of-year formula needs no leap-year branch.
 */
function rawDaysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400; // [0, 399]
  const mp = month > 2 ? month - 3 : month + 9; // March = 0 ... February = 11
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1; // [0, 365]
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
  return era * DAYS_PER_ERA + doe - UNIX_EPOCH_SHIFT;
}

/** Gregorian date -> day number. Throws RangeError when the date does not exist. */
export function daysFromCivil(year: number, month: number, day: number): number {
  if (
    !Number.isSafeInteger(year) ||
    !Number.isInteger(month) ||
    !Number.isInteger(day) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInGregorianMonth(year, month)
  ) {
    throw new RangeError(`daysFromCivil: ${year}-${month}-${day} is not a Gregorian calendar date`);
  }
  return rawDaysFromCivil(year, month, day);
}

/** Day number -> Gregorian { year, month (1-12), day (1-31) } (Hinnant's civil_from_days). */
export function civilFromDays(dayNumber: number): { year: number; month: number; day: number } {
  assertDayNumber('civilFromDays', dayNumber);
  const z = dayNumber + UNIX_EPOCH_SHIFT;
  const era = Math.floor(z / DAYS_PER_ERA);
  const doe = z - era * DAYS_PER_ERA; // [0, 146096]
  // Undo the 4/100/400-year leap pattern to find the year of the era.
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  ); // [0, 399]
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // [0, 365]
  const mp = Math.floor((5 * doy + 2) / 153); // March = 0 ... February = 11
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function assertDayNumber(fn: string, dayNumber: number): void {
  // Safe integers only: a fractional day would silently floor somewhere and
  // break determinism guarantees downstream.
  if (!Number.isSafeInteger(dayNumber)) {
    throw new RangeError(`${fn}: day number must be a safe integer, got ${dayNumber}`);
  }
}

// Strict 'YYYY-MM-DD'. Without the u flag \d matches ASCII digits only, so
// full-width digits and other scripts are rejected.
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' -> day number, or null if malformed or not a real calendar date. */
export function parseIsoDate(s: string): number | null {
  if (typeof s !== 'string') return null;
  const m = ISO_DATE_RE.exec(s);
  if (m === null) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInGregorianMonth(year, month)) return null;
  return rawDaysFromCivil(year, month, day);
}

/** Day number -> 'YYYY-MM-DD'. Throws RangeError for years the 4-digit format cannot hold. */
export function formatIsoDate(dayNumber: number): IsoDate {
  const { year, month, day } = civilFromDays(dayNumber);
  // Refuse rather than emit something parseIsoDate would reject, so the pair
  // stays an exact round trip.
  if (year < 0 || year > 9999) {
    throw new RangeError(`formatIsoDate: year ${year} cannot be written as YYYY-MM-DD`);
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseOrThrow(fn: string, date: IsoDate): number {
  const n = parseIsoDate(date);
  if (n === null) throw new RangeError(`${fn}: not a valid YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
  return n;
}

/** date + n days. Throws RangeError on an invalid date or a non-integer n. */
export function addDays(date: IsoDate, n: number): IsoDate {
  const start = parseOrThrow('addDays', date);
  if (!Number.isSafeInteger(n)) throw new RangeError(`addDays: n must be an integer, got ${n}`);
  return formatIsoDate(start + n);
}

/** Signed whole days from a to b (b - a). Throws RangeError on invalid dates. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return parseOrThrow('daysBetween', b) - parseOrThrow('daysBetween', a);
}

/** ISO weekday: 0 = Monday ... 6 = Sunday. */
export function weekdayOf(dayNumber: number): number {
  assertDayNumber('weekdayOf', dayNumber);
  // 1970-01-01 was a Thursday (ISO index 3). The double modulo keeps the
  // result non-negative for days before the epoch.
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** ISO-8601 week-numbering year and week (1..53). */
export function isoWeekOf(dayNumber: number): { year: number; week: number } {
  const thursday = dayNumber - weekdayOf(dayNumber) + 3;
  // An ISO week belongs to the year that contains its Thursday; this handles
  // both late-December days in week 1 and early-January days in week 52/53.
  const year = civilFromDays(thursday).year;
  const week = Math.floor((thursday - rawDaysFromCivil(year, 1, 1)) / 7) + 1;
  return { year, week };
}

// ---------------------------------------------------------------------------
// Chinese lunisolar calendar
// ---------------------------------------------------------------------------

/**
 * One entry per lunar year 1900..2100, in the widely copied encoding:
 *   bits 0-3   leap month number (0 = no leap month this year)
 *   bits 4-15  lengths of regular months 12..1 (bit 15 = month 1): 1 = 30 days, 0 = 29
 *   bit 16     length of the leap month: 1 = 30 days, 0 = 29
 * Lunar year 1900 begins on 1900-01-31.
 *
 * Copies of this table circulating online disagree in a few entries, so
 * every entry for 1950..2100 was checked against an independent astronomical
 * computation (Meeus new moons and solar terms, China Standard Time, modern
 * leap-month rule). Where the copies differed, the entry used here is the one
 * that matches astronomy:
 *   1996: 0x05ac0 (the 0x055c0 variant puts 中秋 on 1996-09-26; it was 09-27)
 *   2033: 0x04afb (leap 11th month, the "2033 problem"; 0x04bd7 is the old,
 *         wrong leap-7th-month reading)
 *   2060: 0x092e0 (the 0x0a2e0 variant starts month 4 on 05-01; the new moon is
 *         on 2060-04-30 ~18:10 Beijing time)
 * The only remaining disagreement is 2057 month 9: that new moon falls within
 * seconds of Beijing midnight (2057-09-28/29), which is below the uncertainty
 * of ΔT. We keep the table's 09-29 start.
 * Before 1950 the table follows the historical almanacs (e.g. leap months in
 * 1917 and 1922), which predate the modern rules, so they were not "corrected".
 */
const LUNAR_INFO: readonly number[] = [
  0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, // 1900-1909
  0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, // 1910-1919
  0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, // 1920-1929
  0x06566, 0x0d4a0, 0x0ea50, 0x06e95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, // 1930-1939
  0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, // 1940-1949
  0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, // 1950-1959
  0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, // 1960-1969
  0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, // 1970-1979
  0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, // 1980-1989
  0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0, // 1990-1999
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000-2009
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010-2019
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020-2029
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030-2039
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040-2049
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050-2059
  0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060-2069
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070-2079
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080-2089
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090-2099
  0x0d520, // 2100
];

const LUNAR_FIRST_YEAR = 1900;
/** 1900-01-31, lunar 1900/1/1: the anchor the table's month lengths count from. */
const LUNAR_EPOCH_DAY = rawDaysFromCivil(1900, 1, 31);

/** Lunar years (and the Gregorian years their 春节 falls in) that the table covers. */
export const SUPPORTED_YEARS: { readonly from: number; readonly to: number } = Object.freeze({
  from: LUNAR_FIRST_YEAR,
  to: LUNAR_FIRST_YEAR + LUNAR_INFO.length - 1,
});

function lunarInfo(fn: string, year: number): number {
  const info = Number.isInteger(year) ? LUNAR_INFO[year - LUNAR_FIRST_YEAR] : undefined;
  if (info === undefined) {
    throw new RangeError(
      `${fn}: lunar year ${year} is outside SUPPORTED_YEARS (${SUPPORTED_YEARS.from}..${SUPPORTED_YEARS.to})`,
    );
  }
  return info;
}

function decodeLeapMonth(info: number): number {
  return info & 0xf;
}

function decodeMonthLength(info: number, month: number, leap: boolean): number {
  const bit = leap ? 0x10000 : 0x10000 >> month;
  return info & bit ? 30 : 29;
}

function decodeYearLength(info: number): number {
  let days = 0;
  for (let m = 1; m <= 12; m++) days += decodeMonthLength(info, m, false);
  if (decodeLeapMonth(info) !== 0) days += decodeMonthLength(info, 0, true);
  return days;
}

/**
 * LUNAR_YEAR_START[i] = day number of 1/1 of lunar year 1900 + i. Built once
 * at load (201 additions) so lunarToSolar is O(12) instead of O(years).
 */
const LUNAR_YEAR_START: readonly number[] = (() => {
  const starts: number[] = [];
  let day = LUNAR_EPOCH_DAY;
  for (const info of LUNAR_INFO) {
    starts.push(day);
    day += decodeYearLength(info);
  }
  return starts;
})();

/** Leap month of a lunar year (1..12), or 0 when the year has none. */
export function leapMonthOf(lunarYear: number): number {
  return decodeLeapMonth(lunarInfo('leapMonthOf', lunarYear));
}

/** Days (353..385) in a lunar year, counting its leap month. */
export function lunarYearLength(lunarYear: number): number {
  return decodeYearLength(lunarInfo('lunarYearLength', lunarYear));
}

/** Days (29 or 30) in a lunar month. Throws RangeError if that (leap) month does not exist. */
export function lunarMonthLength(lunarYear: number, lunarMonth: number, leap = false): number {
  const info = lunarInfo('lunarMonthLength', lunarYear);
  assertLunarMonth('lunarMonthLength', info, lunarYear, lunarMonth, leap);
  return decodeMonthLength(info, lunarMonth, leap);
}

function assertLunarMonth(fn: string, info: number, year: number, month: number, leap: boolean): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`${fn}: lunar month must be 1..12, got ${month}`);
  }
  if (leap && decodeLeapMonth(info) !== month) {
    const actual = decodeLeapMonth(info);
    throw new RangeError(
      `${fn}: lunar year ${year} has no leap month ${month} (${actual === 0 ? 'no leap month' : `leap month is ${actual}`})`,
    );
  }
}

/**
 * Lunar date -> Gregorian day number. `leap` selects the intercalary month
 * that follows the regular month of the same number.
 * Throws RangeError outside SUPPORTED_YEARS or for a non-existent lunar date.
 */
export function lunarToSolar(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): number {
  const info = lunarInfo('lunarToSolar', lunarYear);
  assertLunarMonth('lunarToSolar', info, lunarYear, lunarMonth, leap);
  const monthLen = decodeMonthLength(info, lunarMonth, leap);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > monthLen) {
    throw new RangeError(
      `lunarToSolar: day ${lunarDay} does not exist in ${leap ? 'leap ' : ''}month ${lunarMonth} of lunar year ${lunarYear} (${monthLen} days)`,
    );
  }
  const leapMonth = decodeLeapMonth(info);
  // lunarInfo() already proved the index is in range.
  let day = LUNAR_YEAR_START[lunarYear - LUNAR_FIRST_YEAR] as number;
  for (let m = 1; m < lunarMonth; m++) {
    day += decodeMonthLength(info, m, false);
    // A leap month sits right after the regular month it duplicates.
    if (m === leapMonth) day += decodeMonthLength(info, m, true);
  }
  if (leap) day += decodeMonthLength(info, lunarMonth, false);
  return day + lunarDay - 1;
}

/**
 * 春节 (lunar 1/1). Lunar year N always begins between Jan 21 and Feb 20 of
 * Gregorian year N, so the Gregorian and lunar year numbers coincide.
 */
export function springFestival(year: number): number {
  return lunarToSolar(year, 1, 1);
}

/** 七夕 (lunar 7/7, never the leap 7th month), always in Gregorian July-August of the same year. */
export function qixi(year: number): number {
  return lunarToSolar(year, 7, 7);
}

// ---------------------------------------------------------------------------
// E-commerce festival windows
// ---------------------------------------------------------------------------

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
        : [rawDaysFromCivil(year, presale[0], presale[1]), rawDaysFromCivil(year, presale[2], presale[3])];
    const mainRange: [number, number] = [rawDaysFromCivil(year, main[0], main[1]), rawDaysFromCivil(year, main[2], main[3])];
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
    notBefore: (year) => rawDaysFromCivil(year, 7, 1),
  },
  newYearGoods: {
    build(year) {
      const sf = springFestival(year);
      return { presale: null, main: [sf - 28, sf - 5], peak: sf - 8 };
    },
    // 春节 is never before Jan 21, so 28 days earlier is never before Dec 24
    // of the previous year.
    notBefore: (year) => rawDaysFromCivil(year - 1, 12, 1),
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
