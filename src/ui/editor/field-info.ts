import type { Source } from '../../lib/source';
import type { FieldSpec, NumberSpec } from '../../lib/spec';
import type { Lang } from '../../lib/text';
import { UNITS } from '../../lib/units';
import { clauseOf, FIELD_LABELS, PARAM_LABELS, pathPattern } from '../../i18n/fields';
import { compact, plain } from '../../i18n/numbers';
import { codeLabel, listText } from '../../i18n/codes';
import { localText } from '../../i18n/local-text';
import { formatIso } from '../../i18n/dates';
import { describeSchedule } from '../lib/describe-schedule';
import { translate, type MessageKey } from '../../i18n/index';
import { FESTIVALS, type FestivalId } from '../../sim';
import { INDUSTRIES, type IndustryId } from '../../scenario/industries';
import { formatPath, type Segment } from '../lib/json-path';

/**
 * What the editor shows around a field, from its FieldSpec: label, unit, range, default, source — in the reader's
 * language. Pure functions, shared by every field component and unit-tested.
 */
export function fieldLabel(spec: FieldSpec, segs: readonly Segment[], lang: Lang): string {
  const pattern = pathPattern(formatPath(segs));
  const known = FIELD_LABELS[pattern];
  if (known) return known[lang];
  const key = segs[segs.length - 1];
  // A tactic's own parameter: tactics[i].<param>.
  if (segs.length === 3 && segs[0] === 'tactics' && typeof key === 'string' && PARAM_LABELS[key]) return PARAM_LABELS[key][lang];
  if (spec.label) return spec.label[lang];
  return clauseOf(spec.doc[lang]) ?? String(key ?? '');
}

export function unitText(spec: FieldSpec, lang: Lang): string {
  return spec.kind === 'number' ? UNITS[spec.unit][lang] : '';
}

/** A bound for display: exact for small numbers, 万/亿 or k/M for large ones. */
export function boundText(x: number, lang: Lang): string {
  return Math.abs(x) >= 100_000 ? compact(x, lang) : plain(x, 6);
}

export function rangeText(spec: FieldSpec, lang: Lang): string {
  if (spec.kind !== 'number') return '';
  const lo = spec.exclusiveMin ? `>${boundText(spec.min, lang)}` : boundText(spec.min, lang);
  return `${lo} – ${boundText(spec.max, lang)}${spec.integer ? (lang === 'zh' ? '(整数)' : ' (whole)') : ''}`;
}

export function defaultText(spec: FieldSpec, lang: Lang, segs: readonly Segment[] = []): string {
  if (!('default' in spec) || spec.default === undefined) return '';
  return valueText(spec, spec.default, lang, segs);
}

/**
 * A value as a reader says it, from its spec: numbers in the language's format, codes as labels, lists in the
 * language's list format, schedules described in words, per-tier records as "R1 0.001 · R2 …" — never JSON.
 */
export function valueText(spec: FieldSpec, v: unknown, lang: Lang, segs: readonly Segment[] = []): string {
  const zh = lang === 'zh';
  if (v === undefined || v === null) return '';
  const key = String(segs[segs.length - 1] ?? '');
  if (spec.kind === 'custom' || key === 'schedule') {
    if (key === 'schedule') return describeSchedule(v, lang) || (zh ? '无' : 'none');
    if (typeof v === 'string') return codeLabel(key, v, lang) ?? v;
    if (typeof v === 'number') return plain(v, 6);
    if (Array.isArray(v)) return zh ? `${v.length} 个数值` : `${v.length} ${v.length === 1 ? 'value' : 'values'}`;
  }
  if (typeof v === 'number') return boundText(v, lang);
  if (typeof v === 'boolean') return translate(lang, v ? 'field.on' : 'field.off');
  if (spec.kind === 'enum' && typeof v === 'string') return enumLabel(segs, v, lang);
  if (spec.kind === 'date' && typeof v === 'string') return formatIso(v, lang);
  if (spec.kind === 'text') return localText(v, lang) || (zh ? '(空)' : '(empty)');
  if (typeof v === 'string') return v === '' ? (zh ? '(空)' : '(empty)') : v;
  if (Array.isArray(v)) {
    if (!v.length) return zh ? '无' : 'none';
    if (spec.kind === 'array' && v.every((x) => typeof x !== 'object' || x === null)) return listText(v.map((x, i) => valueText(spec.items, x, lang, [...segs, i])), lang);
    return zh ? `${v.length} 项` : `${v.length} ${v.length === 1 ? 'item' : 'items'}`;
  }
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    // A per-tier record of numbers reads better as "R1 0.001 · R2 0.004 …".
    if (entries.length && entries.every(([k, x]) => /^R[0-5]$/.test(k) && typeof x === 'number')) return entries.map(([k, x]) => `${k} ${boundText(x as number, lang)}`).join(' · ');
    if (spec.kind === 'union') {
      const tag = (v as Record<string, unknown>)[spec.discriminator];
      if (typeof tag === 'string') return codeLabel(key, tag, lang) ?? tag;
    }
    if (spec.kind === 'object') {
      const parts = entries
        .filter(([k]) => Object.prototype.hasOwnProperty.call(spec.fields, k))
        .map(([k, x]) => `${fieldLabel(spec.fields[k]!, [...segs, k], lang)} ${valueText(spec.fields[k]!, x, lang, [...segs, k])}`);
      return parts.join(zh ? ',' : ', ');
    }
  }
  return zh ? '(已设置)' : '(set)';
}

/** Where a default comes from, in the reader's language: the brand and figure it cites, or the assumption and why. */
export function sourceText(source: Source | undefined, lang: Lang): string {
  return source ? source[lang] : '';
}

/** The label of an enum value (industries, festivals, weekdays, phases, tiers), else the value itself. */
export function enumLabel(segs: readonly Segment[], value: string, lang: Lang): string {
  const key = String(segs[segs.length - 1] ?? '');
  const parent = String(segs[segs.length - 2] ?? '');
  if (key === 'industry' && value in INDUSTRIES) return INDUSTRIES[value as IndustryId].name[lang];
  if ((key === 'festival' || parent === 'festivals') && value in FESTIVALS) return festivalName(value as FestivalId, lang);
  if (parent === 'weekly' || key === 'weekly') return translate(lang, `weekday.${value}` as MessageKey);
  if (key === 'phase') return translate(lang, `phase.${value}` as MessageKey);
  if (/^R[0-5]$/.test(value)) return translate(lang, `tier.${value}` as MessageKey);
  return codeLabel(key, value, lang) ?? value;
}

/** A festival's short name: "双十一" / "Double 11". */
export function festivalName(id: FestivalId, lang: Lang): string {
  const f = FESTIVALS[id];
  return lang === 'zh' ? f.zh : f.en.replace(/\s*\(.*\)\s*$/, '');
}

/** A DOM id for a field path (used to focus a field from an error). */
export function fieldDomId(path: string): string {
  return 'f-' + (path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '') || 'root');
}

/** A fresh value for a field, for "add" buttons: its default, or the smallest valid value of its kind. */
export function defaultFor(spec: FieldSpec, ctx: { startDate: string }): unknown {
  if ('default' in spec && spec.default !== undefined) return structuredClone(spec.default);
  switch (spec.kind) {
    case 'number':
      return (spec as NumberSpec).exclusiveMin ? Math.min(spec.max, spec.min + 1) : spec.min;
    case 'boolean':
      return false;
    case 'string':
      return '';
    case 'enum':
      return spec.values[0];
    case 'date':
      return ctx.startDate;
    case 'text':
      return '';
    case 'array':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(spec.fields)) if (!f.optional) out[k] = defaultFor(f, ctx);
      return out;
    }
    case 'union': {
      const [tag, variant] = Object.entries(spec.variants)[0]!;
      return { [spec.discriminator]: tag, ...(defaultFor(variant, ctx) as object) };
    }
    case 'custom':
      return null;
  }
}

/** Parse what was typed in a number field: a number when it reads as one, nothing when empty, else the text itself (so the validator names the problem). */
export function parseNumberInput(text: string): number | string | undefined {
  const s = text.trim().replace(/,/g, '');
  if (s === '') return undefined;
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return Number(s);
  return text;
}

/** A number as typed in an input: plain digits, never scientific notation (1e-7 → "0.0000001", 1e21 → all digits). */
export function displayNumber(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number') return noExponent(v);
  return String(v);
}

export function noExponent(x: number): string {
  const s = String(x);
  if (!/e/i.test(s) || !Number.isFinite(x)) return s;
  if (Math.abs(x) >= 1) return BigInt(Math.round(x)).toString();
  // toFixed(20) keeps 20 decimals; smaller magnitudes round to zero rather than print an exponent.
  const t = x.toFixed(20).replace(/\.?0+$/, '');
  return t === '-0' ? '0' : t;
}
