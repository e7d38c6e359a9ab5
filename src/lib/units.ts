import type { Text } from './text';

/** Units of scenario and tactic parameters, shown next to every field in the docs and the editor. */
export const UNITS = {
  probabilityPerDay: { en: 'probability per day', zh: '每日概率' },
  ratePerDay: { en: 'per day', zh: '每日' },
  share: { en: 'share (0–1)', zh: '占比(0–1)' },
  yuan: { en: '¥', zh: '元' },
  yuanPerDay: { en: '¥ per day', zh: '元/天' },
  yuanPerMonth: { en: '¥ per month', zh: '元/月' },
  yuanPerThousand: { en: '¥ per 1 000 impressions', zh: '元/千次曝光' },
  yuanPerPerson: { en: '¥ per person', zh: '元/人' },
  days: { en: 'days', zh: '天' },
  agents: { en: 'agents', zh: '个体' },
  people: { en: 'people', zh: '人' },
  count: { en: 'count', zh: '个' },
  multiplier: { en: '× (1 = no change)', zh: '倍(1 = 不变)' },
  perWeek: { en: 'per week', zh: '每周' },
  perSession: { en: 'per session', zh: '每场' },
  perPerson: { en: 'per person', zh: '每人' },
  shape: { en: 'shape (dimensionless)', zh: '形状参数(无量纲)' },
  none: { en: '', zh: '' },
} as const satisfies Record<string, Text>;

export type Unit = keyof typeof UNITS;
