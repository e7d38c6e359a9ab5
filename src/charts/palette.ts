/**
 * One colour scale for the tiers everywhere (charts, timeline, tables, legends): the mind-share tiers R1–R3 in cool
 * blues that deepen with the relationship, the buying tiers R4–R5 in warm colours, R0 (not reached) in grey.
 */
export const TIER_COLORS = ['#a3acb9', '#9cc9f0', '#5aa2dd', '#2c6fb3', '#f0a13a', '#d4572c'] as const;

/** Up to four compared scenarios: distinct colours and dash patterns, so they stay apart in print and for colour-blind readers. */
export const SCENARIO_STYLES = [
  { color: '#1f5fbf', dash: '' },
  { color: '#d9731a', dash: '7 4' },
  { color: '#23917f', dash: '2 3' },
  { color: '#8a4fc7', dash: '9 3 2 3' },
] as const;

/** Tactics (causes) in cost and contribution charts. */
export const CAUSE_COLORS = ['#1f5fbf', '#d9731a', '#23917f', '#8a4fc7', '#c23b5a', '#6b8e23', '#b8860b', '#4682b4', '#9c5b3c', '#5f6b7a'] as const;

export const INK = '#1d2733';
export const MUTED = '#5b6775';
export const GRID = '#e4e8ee';
export const AXIS = '#9aa4b1';
export const FORWARD_COLOR = '#1f7a5c';
export const REVERSE_COLOR = '#b9402b';
export const PROJECTION_COLOR = '#5b6775';
export const FONT_FAMILY = '-apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Segoe UI", Roboto, sans-serif';

export function tierColor(t: number): string {
  return TIER_COLORS[t] ?? '#888';
}

export function causeColor(k: number): string {
  return CAUSE_COLORS[k % CAUSE_COLORS.length]!;
}
