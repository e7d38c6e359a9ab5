import type { Lang, Text } from '../lib/text';

/**
 * Labels for the codes a scenario file stores (coupon kinds, channels, seasonality modes …), by the field's own name,
 * so the editor's selects, the defaults and the comparison say "满减券" / "Spend-and-save coupon", never `threshold`.
 * Industries, festivals, weekdays, phases and tiers have their labels with their definitions (see enumLabel). A unit
 * test walks every enum of the format and fails on a value without a label.
 */
export const CODE_LABELS: Record<string, Record<string, Text>> = {
  // coupons.kind
  kind: {
    newCustomer: { en: 'New-customer coupon (first order)', zh: '新客券(仅首单)' },
    threshold: { en: 'Spend-and-save coupon (minimum basket)', zh: '满减券' },
    category: { en: 'Category coupon', zh: '品类券' },
    storewide: { en: 'Store-wide coupon', zh: '全场券' },
    pack: { en: 'Coupon pack (after a first order)', zh: '券包(首单后发放)' },
  },
  // coupons.channel
  channel: {
    all: { en: 'All channels', zh: '全部渠道' },
    groups: { en: 'Community group members', zh: '社群成员' },
    wecom: { en: 'Guides’ WeCom contacts', zh: '导购企微好友' },
    members: { en: 'Registered members', zh: '会员' },
  },
  // seasonality (a custom field: "none", "industry" or 52–53 weekly values)
  seasonality: {
    none: { en: 'Flat (no seasonality)', zh: '平稳(无季节性)' },
    industry: { en: 'Industry curve', zh: '行业预设曲线' },
  },
  // baseline.repeatModel.kind
  repeatModel: {
    simple: { en: 'Simple (daily probability)', zh: '简单模型(每日概率)' },
    bgnbd: { en: 'BG/NBD model', zh: 'BG/NBD 模型' },
  },
};

/** The label of a code for a field, or null when the field has no code labels here. */
export function codeLabel(field: string, value: string, lang: Lang): string | null {
  const table = Object.prototype.hasOwnProperty.call(CODE_LABELS, field) ? CODE_LABELS[field]! : null;
  const t = table && Object.prototype.hasOwnProperty.call(table, value) ? table[value]! : null;
  return t ? t[lang] : null;
}

/** A list in the language's way: "R4、R5" / "R4 and R5", "a, b and c". */
export function listText(items: readonly string[], lang: Lang): string {
  if (lang === 'zh') return items.join('、');
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
