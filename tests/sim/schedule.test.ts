import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/sim/civil-date';
import { festivalWindow } from '../../src/sim/festivals';
import { festivalsInRange, resolveSchedule, type Schedule } from '../../src/sim/schedule';
import { validateScenario } from '../../src/scenario/parse';
import { scenarioJson } from '../helpers';

/**
 * A schedule resolved to one effort multiplier per day, against calendars written out by hand. The run starts on
 * Monday 2 March 2026 and lasts 14 days (day 0 = 2 Mar, day 5 = Sat 7 Mar, day 12 = Sat 14 Mar, day 13 = 15 Mar).
 */
const START = parseIsoDate('2026-03-02')!;
const at = (s: Schedule, days = 14) => resolveSchedule(s, START, days);
const only = (ds: number[], m = 1, days = 14) => Array.from({ length: days }, (_, d) => (ds.includes(d) ? m : 0));

describe('resolveSchedule', () => {
  it('daily, weekly, every n days and single dates (dates outside the run are left out)', () => {
    expect(at({ daily: true })).toEqual(new Array(14).fill(1));
    expect(at({ weekly: ['sat'] })).toEqual(only([5, 12]));
    expect(at({ weekly: ['mon', 'sun'] })).toEqual(only([0, 6, 7, 13]));
    expect(at({ everyDays: 5 })).toEqual(only([0, 5, 10]));
    expect(at({ dates: ['2026-03-04', '2026-02-01', '2026-04-01', '2026-03-15'] })).toEqual(only([2, 13]));
    expect(at({ daily: true, effort: 0.5 })).toEqual(new Array(14).fill(0.5));
  });

  it('from and to bound the regular days, both ends included', () => {
    expect(at({ daily: true, from: '2026-03-05', to: '2026-03-08' })).toEqual(only([3, 4, 5, 6]));
    expect(at({ daily: true, from: '2026-03-14' })).toEqual(only([12, 13]));
    expect(at({ daily: true, to: '2026-03-02' })).toEqual(only([0]));
  });

  it('windows carry their own effort, cut to the run; where they overlap, the larger multiplier wins', () => {
    expect(at({ windows: [{ from: '2026-02-25', to: '2026-03-03', effort: 2 }] })).toEqual(only([0, 1], 2));
    expect(at({ windows: [{ from: '2026-03-14', to: '2026-03-20' }] })).toEqual(only([12, 13]));
    const mixed = at({ daily: true, effort: 0.5, windows: [{ from: '2026-03-04', to: '2026-03-05', effort: 3 }, { from: '2026-03-10', to: '2026-03-10', effort: 0.2 }] });
    expect(mixed).toEqual([0.5, 0.5, 3, 3, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]);
  });

  it('a festival phase marks the days festivals.ts gives for it (Women’s Day 2026), with its effort', () => {
    const w = festivalWindow('womensDay', 2026);
    const [a, b] = w.main;
    const days = at({ festivals: [{ festival: 'womensDay', phase: 'main', effort: 2 }] });
    const want = Array.from({ length: 14 }, (_, d) => (START + d >= a && START + d <= b ? 2 : 0));
    expect(days).toEqual(want);
    expect(want.some((x) => x > 0)).toBe(true);
    expect(at({ festivals: [{ festival: 'womensDay', phase: 'peak' }] })).toEqual(only([w.peak - START]));
  });

  it('nothing before the run or after it, and no days: an empty list', () => {
    expect(at({ dates: ['2026-03-01'] })).toEqual(only([]));
    expect(at({ daily: true }, 0)).toEqual([]);
  });

  it('a run that starts on 1 January 1970 (day number 0) gets only the days its schedule names', () => {
    // 1970-01-01 was a Thursday, so the first Monday is 5 January (day 4). No dates, no windows: nothing else is
    // marked, not even day 0 (a missing date read as day number 0 would be).
    expect(resolveSchedule({ weekly: ['mon'] }, 0, 7)).toEqual([0, 0, 0, 0, 1, 0, 0]);
    expect(resolveSchedule({ weekly: ['thu'], effort: 2 }, 0, 7)).toEqual([2, 0, 0, 0, 0, 0, 0]);
  });
});

describe('schedule rules in a scenario', () => {
  const withSchedule = (schedule: unknown) => validateScenario(scenarioJson({ tactics: [{ id: 'x', type: 'ads', schedule }] }));

  it('accepts windows that end on or after the day they start, and festival phases that exist', () => {
    const r = withSchedule({
      windows: [{ from: '2026-04-01', to: '2026-04-01' }, { from: '2026-04-01', to: '2026-05-01', effort: 2 }],
      festivals: [
        { festival: 'womensDay', phase: 'main' },
        { festival: 'qixi', phase: 'peak' },
        { festival: 'mid618', phase: 'presale' },
        { festival: 'double11', phase: 'presale' },
        { festival: 'double12', phase: 'all' },
      ],
    });
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('festivalsInRange (the timeline’s festival bands)', () => {
  const may1 = parseIsoDate('2026-05-01')!;

  it('lists the windows that overlap the run, as dates, both ends included (published conventions: 520 is 14–20 May, 618’s presale 20–31 May)', () => {
    const may20 = { festival: 'may20', presale: null, main: ['2026-05-14', '2026-05-20'], peak: '2026-05-20' };
    const mid618 = { festival: 'mid618', presale: ['2026-05-20', '2026-05-31'], main: ['2026-06-01', '2026-06-18'], peak: '2026-06-18' };
    // 1–14 May reaches 520's first day only; 1–20 May reaches 618's presale too.
    expect(festivalsInRange(may1, 14)).toEqual([may20]);
    expect(festivalsInRange(may1, 20)).toEqual([may20, mid618]);
    // A run ending on 13 May reaches no festival; one starting 19 June is past 618.
    expect(festivalsInRange(may1, 13)).toEqual([]);
    expect(festivalsInRange(parseIsoDate('2026-06-19')!, 30)).toEqual([]);
  });
});

