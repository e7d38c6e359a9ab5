import type { ObjectSpec } from '../lib/spec';
import { formatIsoDate, parseIsoDate, weekdayOf } from './civil-date';
import { FESTIVALS, festivalWindow, festivalWindowsBetween, phaseDays, type FestivalId, type FestivalPhase } from './festivals';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const FESTIVAL_IDS = Object.keys(FESTIVALS) as FestivalId[];
export const FESTIVAL_PHASES = ['presale', 'main', 'peak', 'all'] as const;

/** A tactic's schedule as written in a scenario file (see scenarios/README.md § Schedules). */
export interface Schedule {
  daily?: boolean;
  weekly?: Weekday[];
  everyDays?: number;
  dates?: string[];
  windows?: { from: string; to: string; effort?: number }[];
  festivals?: { festival: FestivalId; phase: FestivalPhase; effort?: number }[];
  from?: string;
  to?: string;
  effort?: number;
}

const effortField = {
  kind: 'number',
  unit: 'multiplier',
  min: 0,
  max: 100,
  optional: true,
  doc: { en: 'Effort on these days as a multiple of the tactic’s normal effort', zh: '这些日子的投入为常规投入的倍数' },
} as const;

export const scheduleSpec: ObjectSpec = {
  kind: 'object',
  doc: {
    en: 'When the tactic is active: any combination of every day, weekdays, a cadence, dates, date windows and shopping festivals',
    zh: '何时执行:每天、每周固定日、固定间隔、具体日期、日期区间与购物节,可任意组合',
  },
  fields: {
    daily: { kind: 'boolean', optional: true, doc: { en: 'Active every day', zh: '每天执行' } },
    weekly: {
      kind: 'array',
      optional: true,
      maxItems: 7,
      unique: true,
      items: { kind: 'enum', values: WEEKDAYS, doc: { en: 'Weekday', zh: '星期' } },
      doc: { en: 'Weekdays on which it runs, e.g. ["sat"]', zh: '每周执行的日子,如周六' },
    },
    everyDays: {
      kind: 'number',
      unit: 'days',
      integer: true,
      min: 1,
      max: 366,
      optional: true,
      doc: { en: 'Runs every N days from the scenario’s start date', zh: '自开始日期起每 N 天执行一次' },
    },
    dates: {
      kind: 'array',
      optional: true,
      maxItems: 400,
      unique: true,
      items: { kind: 'date', doc: { en: 'Date', zh: '日期' } },
      doc: { en: 'Explicit dates (YYYY-MM-DD)', zh: '具体日期' },
    },
    windows: {
      kind: 'array',
      optional: true,
      maxItems: 50,
      items: {
        kind: 'object',
        doc: { en: 'A date window', zh: '日期区间' },
        fields: {
          from: { kind: 'date', doc: { en: 'First day', zh: '开始日期' } },
          to: { kind: 'date', doc: { en: 'Last day (inclusive)', zh: '结束日期(含)' } },
          effort: effortField,
        },
        check: (v, report) => {
          if ((parseIsoDate(v.to as string) ?? 0) < (parseIsoDate(v.from as string) ?? 0)) report('to', 'ends before it starts');
        },
      },
      doc: { en: 'Date windows during which it runs every day', zh: '区间内每天执行' },
    },
    festivals: {
      kind: 'array',
      optional: true,
      maxItems: 20,
      items: {
        kind: 'object',
        doc: { en: 'A shopping festival', zh: '购物节' },
        fields: {
          festival: { kind: 'enum', values: FESTIVAL_IDS, doc: { en: 'Which festival', zh: '哪个购物节' } },
          phase: {
            kind: 'enum',
            values: FESTIVAL_PHASES,
            default: 'all',
            doc: { en: 'presale, main, peak day, or all of it', zh: '预售期、正式期、高峰日或全部' },
          },
          effort: effortField,
        },
      },
      doc: {
        en: 'Shopping festivals (resolved to dates for every year the run covers, lunar ones included)',
        zh: '购物节(按运行覆盖的每一年换算为日期,含农历节日)',
      },
    },
    from: { kind: 'date', optional: true, doc: { en: 'Not before this date', zh: '不早于此日期' } },
    to: { kind: 'date', optional: true, doc: { en: 'Not after this date', zh: '不晚于此日期' } },
    effort: {
      ...effortField,
      doc: { en: 'Effort multiplier on regular (daily, weekly, cadence, date) days', zh: '常规日(每天、每周、间隔、日期)的投入倍数' },
    },
  },
  check: (v, report) => {
    const s = v as Schedule;
    if (!s.daily && !s.weekly?.length && !s.everyDays && !s.dates?.length && !s.windows?.length && !s.festivals?.length) {
      report('', 'a schedule needs at least one of daily, weekly, everyDays, dates, windows or festivals');
    }
    s.festivals?.forEach((f, k) => {
      if (f.phase === 'presale' && festivalWindow(f.festival, 2030).presale === null) {
        report(`festivals[${k}].phase`, `${f.festival} has no presale phase: use main, peak or all`);
      }
    });
  },
};

/**
 * Resolve a schedule to an effort multiplier per simulated day (0 = inactive). Regular days get `effort` (default 1);
 * windows and festivals get their own effort (default 1); where they overlap the larger multiplier wins.
 */
export function resolveSchedule(s: Schedule, startDay: number, days: number): number[] {
  const out = new Array<number>(days).fill(0);
  const from = s.from ? parseIsoDate(s.from)! - startDay : 0;
  const to = s.to ? parseIsoDate(s.to)! - startDay : days - 1;
  const regular = s.effort ?? 1;
  const set = (d: number, m: number) => {
    if (d >= 0 && d < days && d >= from && d <= to && m > out[d]!) out[d] = m;
  };
  const weekly = new Set((s.weekly ?? []).map((w) => WEEKDAYS.indexOf(w)));
  for (let d = 0; d < days; d++) {
    if (s.daily) set(d, regular);
    if (weekly.size && weekly.has(weekdayOf(startDay + d))) set(d, regular);
    if (s.everyDays && d % s.everyDays === 0) set(d, regular);
  }
  for (const date of s.dates ?? []) set(parseIsoDate(date)! - startDay, regular);
  for (const w of s.windows ?? []) {
    const a = parseIsoDate(w.from)! - startDay;
    const b = parseIsoDate(w.to)! - startDay;
    for (let d = Math.max(0, a); d <= Math.min(days - 1, b); d++) set(d, w.effort ?? 1);
  }
  for (const f of s.festivals ?? []) {
    for (const win of festivalWindowsBetween(f.festival, startDay, startDay + days - 1)) {
      const [a, b] = phaseDays(win, f.phase);
      for (let d = a; d <= b; d++) set(d - startDay, f.effort ?? 1);
    }
  }
  return out;
}

/** One festival's window with its dates as YYYY-MM-DD (both ends of a range inclusive). */
export interface FestivalDates {
  festival: FestivalId;
  presale: [string, string] | null;
  main: [string, string];
  peak: string;
}

/** Festival windows overlapping a run, for the timeline (dates as YYYY-MM-DD). */
export function festivalsInRange(startDay: number, days: number): FestivalDates[] {
  return FESTIVAL_IDS.flatMap((id) =>
    festivalWindowsBetween(id, startDay, startDay + days - 1).map((w) => ({
      festival: id,
      presale: w.presale ? [formatIsoDate(w.presale[0]), formatIsoDate(w.presale[1])] : null,
      main: [formatIsoDate(w.main[0]), formatIsoDate(w.main[1])],
      peak: formatIsoDate(w.peak),
    })),
  );
}
