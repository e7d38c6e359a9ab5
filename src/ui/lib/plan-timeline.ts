import type { Lang } from '../../lib/text';
import { parseIsoDate } from '../../sim';
import { festivalsInRange, resolveSchedule, scheduleSpec, type Schedule } from '../../sim';
import { tacticLabels } from './tactic-labels';
import { validateValue, type ValidationError } from '../../scenario/validate';
import { LIMITS } from '../../scenario/limits';
import { activeDays, activeSegments } from '../../charts/timeline';
import { causeColor } from '../../charts/palette';
import { TACTICS } from '../../sim';
import type { FestivalBand, TimelineRow } from '../../charts/types';
import { festivalName } from '../editor/field-info';

/**
 * The plan's timeline from a scenario's JSON (valid or not): each tactic's active days from its schedule, and the
 * festival windows in the horizon. A tactic whose schedule is invalid gets a row without marks, so the rest still
 * shows while the user fixes it.
 */
export interface PlanTimeline {
  startDay: number;
  days: number;
  rows: TimelineRow[];
  festivals: FestivalBand[];
  /** Active days per tactic (null when its schedule is invalid). */
  effort: (number[] | null)[];
}

export function planTimeline(value: Record<string, unknown> | null, lang: Lang, activeLabel: (n: number) => string, invalidLabel: string): PlanTimeline | null {
  if (!value) return null;
  const startDay = typeof value.startDate === 'string' ? parseIsoDate(value.startDate) : parseIsoDate('2026-01-01');
  const days = value.days === undefined ? 365 : value.days;
  if (startDay === null || typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > LIMITS.days) return null;
  const tactics = Array.isArray(value.tactics) ? value.tactics : [];
  const effort: (number[] | null)[] = [];
  const labels = tacticLabels(tactics.map((t) => (t && typeof t === 'object' ? t : {}) as Record<string, unknown>), lang);
  const rows: TimelineRow[] = tactics.map((t, k) => {
    const tac = (t && typeof t === 'object' ? t : {}) as Record<string, unknown>;
    let e: number[] | null = null;
    const errors: ValidationError[] = [];
    // A tactic may leave its schedule out: the tactic's default schedule applies (as the validator fills it in).
    const def = typeof tac.type === 'string' && Object.prototype.hasOwnProperty.call(TACTICS, tac.type) ? TACTICS[tac.type] : undefined;
    const fallback = def?.params.schedule && 'default' in def.params.schedule ? def.params.schedule.default : undefined;
    const clean = validateValue(tac.schedule ?? fallback, scheduleSpec, 'schedule', errors);
    if (errors.length === 0 && clean) {
      try {
        e = resolveSchedule(clean as Schedule, startDay, days);
      } catch {
        e = null;
      }
    }
    effort.push(e);
    return { id: `${k}`, label: labels[k]!, color: causeColor(k), segments: e ? activeSegments(e) : null, note: e ? activeLabel(activeDays(e)) : invalidLabel };
  });
  let festivals: FestivalBand[] = [];
  try {
    festivals = festivalsInRange(startDay, days).map((f) => ({
      label: festivalName(f.festival, lang),
      presale: f.presale ? [parseIsoDate(f.presale[0])! - startDay, parseIsoDate(f.presale[1])! - startDay] : null,
      main: [parseIsoDate(f.main[0])! - startDay, parseIsoDate(f.main[1])! - startDay],
      peak: parseIsoDate(f.peak)! - startDay,
    }));
  } catch {
    festivals = [];
  }
  return { startDay, days, rows, festivals, effort };
}

/** Festival windows as shaded time windows for the charts (day offsets). */
export function festivalWindows(festivals: FestivalBand[]): Array<{ from: number; to: number; label: string; strength: number }> {
  return festivals.flatMap((f) => [
    ...(f.presale ? [{ from: f.presale[0], to: f.presale[1], label: f.label, strength: 0.3 }] : []),
    { from: f.main[0], to: f.main[1], label: f.label, strength: 1 },
  ]);
}
