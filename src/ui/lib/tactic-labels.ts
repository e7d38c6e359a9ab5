import { codeLabel } from '../../i18n/codes';
import type { Lang } from '../../lib/text';
import { TACTICS } from '../../sim';

/**
 * What a reader calls each tactic of a plan: its type's name ("直播", "Livestream"), never its file id. When two
 * tactics share a type, coupons add their kind ("优惠券 · 券包"); any still alike are numbered in plan order
 * ("社群 1", "社群 2"). The ids stay in the file and on the editor's cards, where they are edited.
 */
export function tacticLabels(tactics: ReadonlyArray<Record<string, unknown> | { id: string; type: string }>, lang: Lang): string[] {
  const rows = tactics as ReadonlyArray<Record<string, unknown>>;
  const base = rows.map((t) => {
    const type = typeof t.type === 'string' ? t.type : '';
    const def = Object.prototype.hasOwnProperty.call(TACTICS, type) ? TACTICS[type]! : null;
    return def ? def.name[lang] : type || '?';
  });
  const count = (list: string[], x: string) => list.filter((y) => y === x).length;
  const withKind = rows.map((t, i) => {
    if (count(base, base[i]!) < 2 || t.type !== 'coupons') return base[i]!;
    const kind = typeof t.kind === 'string' ? t.kind : 'storewide';
    return `${base[i]} · ${codeLabel('kind', kind, lang) ?? kind}`;
  });
  const seen = new Map<string, number>();
  return withKind.map((label) => {
    if (count(withKind, label) < 2) return label;
    const k = (seen.get(label) ?? 0) + 1;
    seen.set(label, k);
    return `${label} ${k}`;
  });
}

/** The label of the tactic with this id in a plan, or null when the plan has none. */
export function tacticLabelOf(id: string, tactics: ReadonlyArray<{ id: string; type: string }>, lang: Lang): string | null {
  const k = tactics.findIndex((t) => t.id === id);
  return k < 0 ? null : tacticLabels(tactics, lang)[k]!;
}
