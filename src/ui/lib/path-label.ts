import type { FieldSpec, ObjectSpec, UnionSpec } from '../../lib/spec';
import type { Lang } from '../../lib/text';
import { scenarioSpec } from '../../scenario/schema';
import { fieldLabel } from '../editor/field-info';
import { getAt, parsePath, type Segment } from './json-path';
import { tacticLabels } from './tactic-labels';

/**
 * Where a problem is, said with the editor's labels instead of the file's JSON path: `tactics[2].dailySpend` →
 * "直播 › 日预算" / "Livestream › Daily spend", `population.agents` → "人群 › 模拟个体数". `value` is the scenario as
 * written (it may be invalid), to name tactics by their type. Unknown keys keep their own name.
 */
export function pathLabel(path: string, value: unknown, lang: Lang): string {
  if (path === '(root)' || path === '(file)' || path === '') return lang === 'zh' ? '场景文件' : 'Scenario file';
  let segs: Segment[];
  try {
    segs = parsePath(path);
  } catch {
    return path;
  }
  const parts: string[] = [];
  let spec = scenarioSpec as FieldSpec | undefined;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i]!;
    const here = segs.slice(0, i + 1);
    if (typeof seg === 'number') {
      if (i === 1 && segs[0] === 'tactics') {
        parts.pop();
        const tactics = getAt(value, ['tactics']);
        const list = Array.isArray(tactics) ? tactics.map((t) => (t && typeof t === 'object' ? t : {}) as Record<string, unknown>) : [];
        parts.push(list[seg] ? tacticLabels(list, lang)[seg]! : lang === 'zh' ? `第 ${seg + 1} 项策略` : `tactic ${seg + 1}`);
      } else {
        parts.push(lang === 'zh' ? `第 ${seg + 1} 项` : `item ${seg + 1}`);
      }
      const items: FieldSpec | undefined = spec?.kind === 'array' ? spec.items : undefined;
      spec = items?.kind === 'union' ? variantOf(items, getAt(value, here)) : items;
      continue;
    }
    let next: FieldSpec | undefined;
    if (spec?.kind === 'object') next = Object.prototype.hasOwnProperty.call(spec.fields, seg) ? spec.fields[seg] : undefined;
    else if (spec?.kind === 'union') {
      const variant = variantOf(spec, getAt(value, segs.slice(0, i)));
      next = seg === spec.discriminator ? undefined : variant?.fields[seg];
      if (seg === spec.discriminator) parts.push(lang === 'zh' ? '类型' : 'Kind');
    }
    if (next) parts.push(fieldLabel(next, here, lang));
    else if (!(spec?.kind === 'union' && seg === spec.discriminator)) parts.push(seg === 'type' ? (lang === 'zh' ? '策略类型' : 'Tactic type') : seg);
    spec = next;
  }
  return parts.join(' › ');
}

/** The variant of a union a value chose by its discriminator, if it names one. */
function variantOf(spec: UnionSpec, v: unknown): ObjectSpec | undefined {
  const tag = v && typeof v === 'object' ? (v as Record<string, unknown>)[spec.discriminator] : undefined;
  return typeof tag === 'string' && Object.prototype.hasOwnProperty.call(spec.variants, tag) ? spec.variants[tag] : undefined;
}
