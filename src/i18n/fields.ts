import type { Text } from '../lib/text';

/**
 * Short labels for the scenario format's fields, by path pattern (array indices written `[]`). The format's own docs
 * (FieldSpec.doc) give the one-line explanation under each label; these are the names shown above the inputs. A
 * field without an entry here uses its spec's `label`, else the first clause of its doc — so a tactic added to the
 * engine later gets sensible labels without touching this file.
 */
export const FIELD_LABELS: Record<string, Text> = {
  schemaVersion: { en: 'Format version', zh: '格式版本' },
  id: { en: 'ID', zh: '标识' },
  name: { en: 'Name', zh: '名称' },
  description: { en: 'Description', zh: '说明' },
  sources: { en: 'Sources', zh: '来源' },
  'sources[]': { en: 'Source', zh: '来源' },
  industry: { en: 'Industry', zh: '行业' },
  startDate: { en: 'Start date', zh: '开始日期' },
  days: { en: 'Horizon', zh: '模拟天数' },
  seed: { en: 'Seed', zh: '随机种子' },
  runs: { en: 'Monte Carlo runs', zh: '蒙特卡洛运行次数' },
  population: { en: 'Population', zh: '人群' },
  'population.agents': { en: 'Simulated agents', zh: '模拟个体数' },
  'population.scale': { en: 'People per agent', zh: '每个体代表人数' },
  'population.initial': { en: 'Initial tier shares', zh: '初始层级占比' },
  'population.heterogeneity': { en: 'Agents differ (heterogeneity)', zh: '个体差异(异质性)' },
  baseline: { en: 'Baseline flows', zh: '基线流转' },
  'baseline.forward': { en: 'Moving up (daily probability)', zh: '上升(每日概率)' },
  'baseline.reverse': { en: 'Moving down (daily probability)', zh: '下降(每日概率)' },
  'baseline.repeat': { en: 'R5 daily purchase probability', zh: 'R5 每日购买概率' },
  'baseline.repeatModel': { en: 'Repeat-purchase model', zh: '复购模型' },
  'baseline.repeatModel.r': { en: 'Gamma shape r', zh: 'Gamma 形状 r' },
  'baseline.repeatModel.alpha': { en: 'Gamma rate α', zh: 'Gamma 速率 α' },
  'baseline.repeatModel.a': { en: 'Beta a', zh: 'Beta a' },
  'baseline.repeatModel.b': { en: 'Beta b', zh: 'Beta b' },
  'baseline.orderValue': { en: 'Order value', zh: '订单金额' },
  'baseline.orderValue.mean': { en: 'Mean order value', zh: '平均客单价' },
  'baseline.orderValue.sd': { en: 'Standard deviation', zh: '标准差' },
  seasonality: { en: 'Seasonality', zh: '季节性' },
  margin: { en: 'Gross margin', zh: '毛利率' },
  wordOfMouth: { en: 'Word of mouth', zh: '口碑传播' },
  'wordOfMouth.q': { en: 'Imitation q', zh: '模仿系数 q' },
  'wordOfMouth.sources': { en: 'Tiers that spread the word', zh: '传播口碑的层级' },
  tactics: { en: 'Tactics', zh: '策略' },
  'tactics[].id': { en: 'Tactic ID', zh: '策略标识' },
  'tactics[].schedule': { en: 'Schedule', zh: '排期' },
  'tactics[].schedule.daily': { en: 'Every day', zh: '每天' },
  'tactics[].schedule.weekly': { en: 'Weekdays', zh: '每周固定日' },
  'tactics[].schedule.everyDays': { en: 'Every N days', zh: '每隔 N 天' },
  'tactics[].schedule.dates': { en: 'Dates', zh: '具体日期' },
  'tactics[].schedule.dates[]': { en: 'Date', zh: '日期' },
  'tactics[].schedule.windows': { en: 'Date windows', zh: '日期区间' },
  'tactics[].schedule.windows[]': { en: 'Window', zh: '区间' },
  'tactics[].schedule.windows[].from': { en: 'From', zh: '开始' },
  'tactics[].schedule.windows[].to': { en: 'To (inclusive)', zh: '结束(含)' },
  'tactics[].schedule.windows[].effort': { en: 'Effort', zh: '投入倍数' },
  'tactics[].schedule.festivals': { en: 'Shopping festivals', zh: '购物节' },
  'tactics[].schedule.festivals[]': { en: 'Festival', zh: '购物节' },
  'tactics[].schedule.festivals[].festival': { en: 'Festival', zh: '购物节' },
  'tactics[].schedule.festivals[].phase': { en: 'Phase', zh: '阶段' },
  'tactics[].schedule.festivals[].effort': { en: 'Effort', zh: '投入倍数' },
  'tactics[].schedule.from': { en: 'Not before', zh: '不早于' },
  'tactics[].schedule.to': { en: 'Not after', zh: '不晚于' },
  'tactics[].schedule.effort': { en: 'Effort on regular days', zh: '常规日投入倍数' },
};

/** Common tactic parameter names (any tactic), so new tactics that reuse them read well at once. */
export const PARAM_LABELS: Record<string, Text> = {
  dailySpend: { en: 'Daily spend', zh: '日预算' },
  cpm: { en: 'CPM', zh: '千次曝光成本' },
  halfLifeDays: { en: 'Carry-over half-life', zh: '延续效应半衰期' },
  halfSaturationFrequency: { en: 'Half-saturation frequency', zh: '半饱和频次' },
  shape: { en: 'Hill shape', zh: 'Hill 形状参数' },
  engageRate: { en: 'Engagement rate', zh: '互动率' },
  directBuyRate: { en: 'Direct purchase rate', zh: '直接购买率' },
};

/** A path with its array indices replaced by `[]`: `tactics[2].schedule.weekly[0]` → `tactics[].schedule.weekly[]`. */
export function pathPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** The first clause of a doc line, when short enough to serve as a label. */
export function clauseOf(doc: string, max = 28): string | null {
  const first = doc.split(/[:：;；(（,，.。]/)[0]!.trim();
  return first.length > 0 && first.length <= max ? first : null;
}
