import type { Lang } from '../../lib/text';
import { translate, type MessageKey } from '../../i18n/index';
import { formatIso } from '../../i18n/dates';
import { FESTIVALS, type FestivalId } from '../../sim';
import { festivalName } from '../editor/field-info';

/** A schedule in a few words ("每周一、周三" / "every Mon, Wed; Double 11"), for defaults and summaries. */
export function describeSchedule(value: unknown, lang: Lang): string {
  if (!value || typeof value !== 'object') return '';
  const s = value as Record<string, unknown>;
  const zh = lang === 'zh';
  const sep = zh ? '、' : ', ';
  const parts: string[] = [];
  if (s.daily === true) parts.push(zh ? '每天' : 'every day');
  if (Array.isArray(s.weekly) && s.weekly.length) {
    const days = s.weekly.map((w) => translate(lang, `weekday.${String(w)}` as MessageKey)).join(sep);
    parts.push(zh ? `每${days}` : `every ${days}`);
  }
  if (typeof s.everyDays === 'number') parts.push(zh ? `每 ${s.everyDays} 天` : `every ${s.everyDays} days`);
  if (Array.isArray(s.dates) && s.dates.length) parts.push(zh ? `${s.dates.length} 个日期` : `${s.dates.length} dates`);
  if (Array.isArray(s.windows) && s.windows.length) {
    const w = s.windows as Array<{ from?: string; to?: string }>;
    parts.push(w.length === 1 && w[0]!.from && w[0]!.to ? `${formatIso(w[0]!.from, lang)} – ${formatIso(w[0]!.to, lang)}` : zh ? `${w.length} 个日期区间` : `${w.length} date windows`);
  }
  if (Array.isArray(s.festivals) && s.festivals.length) {
    parts.push((s.festivals as Array<{ festival?: string }>).map((f) => (typeof f.festival === 'string' && f.festival in FESTIVALS ? festivalName(f.festival as FestivalId, lang) : String(f.festival))).join(sep));
  }
  return parts.join(zh ? ';' : '; ');
}
