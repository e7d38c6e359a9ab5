/**
 * Civil (Gregorian) dates for the simulation engine: day numbers, ISO dates, weekdays and ISO weeks.
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
 *  - 'YYYY-MM-DD' parsing and formatting, date arithmetic.
 *  - ISO-8601 weekday and week numbering.
 * The Chinese lunisolar calendar is in lunar-calendar.ts, the shopping festivals in festivals.ts.
 */

export type IsoDate = string; // 'YYYY-MM-DD'

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

/** Throws RangeError unless `dayNumber` is a safe integer; `fn` names the caller in the message. */
export function assertDayNumber(fn: string, dayNumber: number): void {
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
