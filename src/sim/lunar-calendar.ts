/**
 * The Chinese lunisolar calendar for lunar years 1900..2100, decoded from the
 * compact per-year bit table used by most open-source converters; dates come
 * out as day numbers (civil-date.ts).
 */
import { daysFromCivil } from './civil-date';

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
const LUNAR_EPOCH_DAY = daysFromCivil(1900, 1, 31);

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
