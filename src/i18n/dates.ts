import type { Lang } from '../lib/text';
import { civilFromDays, parseIsoDate } from '../sim';

/**
 * Dates for labels, from the engine's integer day numbers (days since 1970-01-01). No host time zone and no Intl:
 * the same day reads the same in every browser and in the tests.
 */
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026年3月8日" / "8 Mar 2026". */
export function formatDay(day: number, lang: Lang): string {
  const { year, month, day: d } = civilFromDays(day);
  return lang === 'zh' ? `${year}年${month}月${d}日` : `${d} ${MONTHS_EN[month - 1]} ${year}`;
}

/** "3月8日" / "8 Mar" (the year is shown by the axis). */
export function formatDayShort(day: number, lang: Lang): string {
  const { month, day: d } = civilFromDays(day);
  return lang === 'zh' ? `${month}月${d}日` : `${d} ${MONTHS_EN[month - 1]}`;
}

/** An axis tick for the first day of a month: "3月" / "Mar", and the year on January: "2027年" / "2027". */
export function formatMonthTick(day: number, lang: Lang, withYear = false): string {
  const { year, month } = civilFromDays(day);
  if (month === 1 || withYear) return lang === 'zh' ? `${year}年${month === 1 ? '' : `${month}月`}` : month === 1 ? `${year}` : `${MONTHS_EN[month - 1]} ${year}`;
  return lang === 'zh' ? `${month}月` : MONTHS_EN[month - 1]!;
}

/** A day range: "3月1日–3月8日" / "1 Mar – 8 Mar". */
export function formatRange(a: number, b: number, lang: Lang): string {
  return lang === 'zh' ? `${formatDayShort(a, lang)}–${formatDayShort(b, lang)}` : `${formatDayShort(a, lang)} – ${formatDayShort(b, lang)}`;
}

/** An ISO date from a scenario, for labels; the text itself when it is not a valid date. */
export function formatIso(iso: string, lang: Lang): string {
  const d = parseIsoDate(iso);
  return d === null ? iso : formatDay(d, lang);
}

/** When something was saved, in the reader's local time: "2026-11-29 15:45" (digits only, the same in both languages). */
export function formatStamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A duration in seconds: "45 秒" / "45 s", "2 分 5 秒" / "2 min 5 s". */
export function formatDuration(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return lang === 'zh' ? `${s} 秒` : `${s} s`;
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (m < 60) return lang === 'zh' ? `${m} 分 ${r} 秒` : `${m} min ${r} s`;
  const h = Math.floor(m / 60);
  return lang === 'zh' ? `${h} 小时 ${m % 60} 分` : `${h} h ${m % 60} min`;
}
