import type { Lang } from '../lib/text';

/**
 * Number formats for both languages. Chinese readers count in 万 (10⁴) and 亿 (10⁸), so large numbers are written
 * that way in Chinese ("123.5万", "2.3亿"); English uses comma grouping and k / M / B. Every function is pure and
 * never depends on the host locale, so tests and screenshots are the same everywhere.
 */

const MINUS = '\u2212';

/** Fixed decimals with trailing zeros (and a trailing point) removed: 12.50 → "12.5", 3.0 → "3". */
export function trimFixed(x: number, decimals: number): string {
  // toFixed writes an exponent from 10²¹ on: such a number has no decimals to keep, so write its digits.
  if (Math.abs(x) >= 1e21 && Number.isFinite(x)) return BigInt(x).toString();
  const s = x.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Comma grouping of an integer part: 1234567 → "1,234,567". */
export function group(intText: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A plain number with grouping and at most `decimals` decimals (trailing zeros trimmed). */
export function plain(x: number, decimals = 0): string {
  if (!Number.isFinite(x)) return '—';
  const neg = x < 0;
  const s = trimFixed(Math.abs(x), decimals);
  const [i, f] = s.split('.');
  return (neg && s !== '0' ? MINUS : '') + group(i!) + (f ? '.' + f : '');
}

/** Decimals that keep about `sig` significant digits for a value of this size (at least 0). */
function decimalsFor(abs: number, sig: number): number {
  if (abs === 0) return 0;
  const digits = Math.floor(Math.log10(abs)) + 1;
  return Math.max(0, sig - digits);
}

/**
 * A compact count: zh 1 234 567 → "123.5万", 230 000 000 → "2.3亿", 8 532 → "8,532"; en → "1.23M", "230M", "8,532".
 * Values under 10 000 are written in full in both languages (rounded to `smallDecimals`).
 */
export function compact(x: number, lang: Lang, smallDecimals = 0): string {
  if (!Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  const sign = x < 0 ? MINUS : '';
  // Small means of counts (0.33 people) keep two decimals so they do not read as zero.
  if (abs < 10_000) return plain(x, abs < 10 && !Number.isInteger(x) ? Math.max(smallDecimals, 2) : smallDecimals);
  if (lang === 'zh') {
    // 万亿 (10¹²) for the very large, so 1.83e13 reads "18.3万亿", not "183000亿".
    if (Number((abs / 1e8).toFixed(0)) >= 10_000) {
      const v = abs / 1e12;
      return sign + (v >= 10_000 ? plain(v, 0) : trimFixed(v, v < 100 ? (v < 10 ? 2 : 1) : 0)) + '万亿';
    }
    if (abs >= 1e8) {
      const v = abs / 1e8;
      return sign + trimFixed(v, v < 100 ? (v < 10 ? 2 : 1) : 0) + '亿';
    }
    const v = abs / 1e4;
    // 9999.96万 would round to "10000万": write it as 亿 instead.
    if (Number(v.toFixed(1)) >= 10_000) return sign + '1亿';
    return sign + trimFixed(v, v < 1000 ? 1 : 0) + '万';
  }
  const units: Array<[number, string]> = [
    [1e3, 'k'],
    [1e6, 'M'],
    [1e9, 'B'],
    [1e12, 'T'],
  ];
  let k = units.length - 1;
  while (k > 0 && abs < units[k]![0]) k--;
  let v = abs / units[k]![0];
  let d = decimalsFor(v, 3);
  // 999.6k rounds to "1000k": write it as 1M instead.
  if (Number(v.toFixed(d)) >= 1000 && k < units.length - 1) {
    k++;
    v = abs / units[k]![0];
    d = decimalsFor(v, 3);
  }
  return sign + (v >= 1000 ? plain(v, 0) : trimFixed(v, d)) + units[k]![1];
}

/** Money in yuan: "¥123.5万" / "¥1.24M"; small amounts with up to 2 decimals when under ¥100. */
export function money(x: number, lang: Lang): string {
  if (!Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  const sign = x < 0 ? MINUS : '';
  const body = abs < 100 ? plain(abs, 2) : compact(abs, lang);
  return sign + '¥' + body;
}

/** A share or rate as a percentage with about 3 significant digits: 0.1234 → "12.3%", 0.00035 → "0.035%". */
export function percent(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const v = x * 100;
  const abs = Math.abs(v);
  const d = abs === 0 ? 0 : abs >= 1 ? 1 : Math.min(4, decimalsFor(abs, 2));
  return (v < 0 ? MINUS : '') + trimFixed(abs, d) + '%';
}

/** A ratio such as ROI: 3.254 → "3.25". */
export function ratio(x: number): string {
  if (!Number.isFinite(x)) return '—';
  const abs = Math.abs(x);
  return (x < 0 ? MINUS : '') + trimFixed(abs, abs >= 100 ? 0 : abs >= 10 ? 1 : 2);
}

/** Prefix a formatted value with its sign (+ / −) for differences. */
export function signed(x: number, format: (v: number) => string): string {
  if (!Number.isFinite(x)) return '—';
  if (x === 0) return format(0);
  return (x > 0 ? '+' : MINUS) + format(Math.abs(x));
}

/** A daily probability: percentages with enough digits for very small numbers (0.0003 → "0.03%"). */
export function probability(x: number): string {
  return percent(x);
}

export type NumberKind = 'count' | 'money' | 'percent' | 'ratio' | 'days' | 'plain';

/** Format by kind, for tables whose rows carry a kind. */
export function formatKind(x: number, kind: NumberKind, lang: Lang): string {
  switch (kind) {
    case 'count':
      return compact(x, lang);
    case 'money':
      return money(x, lang);
    case 'percent':
      return percent(x);
    case 'ratio':
      return ratio(x);
    case 'days':
      return plain(x, 1);
    case 'plain':
      return compact(x, lang, 2);
  }
}

/** Axis ticks: compact, and never more decimals than the step between ticks needs. */
export function tickFormat(kind: NumberKind, lang: Lang): (x: number) => string {
  return (x: number) => {
    if (kind === 'percent') return percent(x);
    if (kind === 'money') return money(x, lang);
    if (kind === 'ratio') return ratio(x);
    return compact(x, lang, 1);
  };
}
