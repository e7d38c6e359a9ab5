import type { Lang } from '../lib/text';

/**
 * The validator writes its messages in English (the command line and the scenario docs use the same ones). In Chinese
 * the editor shows a Chinese rendering of the common messages next to the validator's own words. A message without a
 * rule here is shown as the validator wrote it.
 */
type Rule = [RegExp, (m: RegExpExecArray) => string];

const ZH_RULES: Rule[] = [
  [/^is required$/, () => '必填'],
  [/^expected a number, got (.+)$/, (m) => `必须是数字(当前为 ${m[1]})`],
  [/^expected a whole number, got (.+)$/, (m) => `必须是整数(当前为 ${m[1]})`],
  [
    /^(.+) is out of range: expected (at least|greater than) (.+) and at most (.+)$/,
    (m) => `${m[1]} 超出范围:应${m[2] === 'at least' ? '不小于' : '大于'} ${m[3]} 且不大于 ${m[4]}`,
  ],
  [/^unknown field \(did you mean "(.+)"\?\)$/, (m) => `未知字段(是否应为“${m[1]}”?)`],
  [/^unknown field(: .*)?$/, () => '未知字段'],
  [/^expected one of (.+), got (.+)$/, (m) => `必须是以下取值之一:${m[1]}(当前为 ${m[2]})`],
  [/^expected a date as YYYY-MM-DD, got (.+)$/, (m) => `必须是 YYYY-MM-DD 格式的日期(当前为 ${m[1]})`],
  [/^shares sum to (.+), expected 1$/, (m) => `各层级占比之和为 ${m[1]},应为 1`],
  [/^forward\.(\w+) \+ reverse\.(\w+) = (.+), expected at most 1$/, (m) => `${m[1]} 的上升与下降概率之和为 ${m[3]},不能超过 1`],
  [/^repeat \+ reverse\.R5 = (.+), expected at most 1$/, (m) => `复购概率与 R5 下降概率之和为 ${m[1]},不能超过 1`],
  [/^"(.+)" is used by another tactic; ids must be unique$/, (m) => `“${m[1]}”已被其他策略使用:标识必须唯一`],
  [/^"(.+)" is reserved for a built-in cause$/, (m) => `“${m[1]}”为内置归因保留,请换一个标识`],
  [/^a schedule needs at least one of/, () => '排期至少需要以下之一:每天、每周固定日、固定间隔、具体日期、日期区间或购物节'],
  [/^ends before it starts$/, () => '结束日期早于开始日期'],
  [/^agents × days × runs = (.+) exceeds the work limit of (.+)$/, (m) => `个体数 × 天数 × 运行次数 = ${m[1]},超过计算量上限 ${m[2]}`],
  [/^expected at least (\d+) characters?$/, (m) => `至少需要 ${m[1]} 个字符`],
  [/^is (\d+) characters long; the limit is (\d+)$/, (m) => `长度为 ${m[1]} 个字符,上限为 ${m[2]}`],
  [/^has (\d+) items; the limit is (\d+)$/, (m) => `共有 ${m[1]} 项,上限为 ${m[2]}`],
  [/^expected at least (\d+) items?$/, (m) => `至少需要 ${m[1]} 项`],
  [/is not allowed: expected letters, digits/, () => '只能包含字母、数字、“.”、“-”和“_”,且以字母或数字开头'],
  [/^(.+) appears more than once$/, (m) => `${m[1]} 重复出现`],
  [/^a text needs "en" or "zh"$/, () => '需要填写中文或英文文本'],
  [/^expected true or false, got (.+)$/, (m) => `必须是“是”或“否”(当前为 ${m[1]})`],
  [/^expected an array, got (.+)$/, (m) => `必须是列表(当前为 ${m[1]})`],
  [/^expected an object, got (.+)$/, (m) => `必须是对象(当前为 ${m[1]})`],
  [/^expected a string, got (.+)$/, (m) => `必须是文本(当前为 ${m[1]})`],
  [/^expected a string or \{ "en": …, "zh": … \}, got (.+)$/, (m) => `必须是文本或 { "en": …, "zh": … }(当前为 ${m[1]})`],
  [/^(\w+) has no presale phase/, (m) => `${m[1]} 没有预售期:请选择正式期、高峰日或整个活动期`],
  [/^expected a whole number 0…4 294 967 295 or a text of 1–64 characters/, () => '必须是 0…4 294 967 295 的整数,或 1–64 个字符的文本'],
  [/^has (\d+) weekly values; expected 52 or 53$/, (m) => `共有 ${m[1]} 个周指数,应为 52 或 53 个`],
  [/^expected a demand index from 0 to 10, got (.+)$/, (m) => `需求指数应在 0 到 10 之间(当前为 ${m[1]})`],
  [/^expected "none", "industry", or an array/, () => '必须是 "none"、"industry" 或 52–53 个周指数组成的列表'],
  [/^(\d+) is newer than this app understands/, (m) => `格式版本 ${m[1]} 比当前应用更新:请升级 STAR 沙盘`],
  [/^the seed must be a whole number or a text of 1–64 characters$/, () => '种子必须是整数或 1–64 个字符的文本'],
  [/^is not valid JSON(.*)$/, (m) => `不是有效的 JSON${m[1]}`],
  [/^is (\d+) bytes; the file size limit is (\d+) bytes$/, (m) => `文件大小为 ${m[1]} 字节,上限为 ${m[2]} 字节`],
  [/^nests (\d+) levels deep; the nesting limit is (\d+)$/, (m) => `嵌套深度为 ${m[1]} 层,上限为 ${m[2]} 层`],
];

/** The message in the reader's language, or null when it is already right (English) or has no rendering. */
export function localizeError(message: string, lang: Lang): string | null {
  if (lang === 'en') return null;
  for (const [re, f] of ZH_RULES) {
    const m = re.exec(message);
    if (m) return f(m);
  }
  return null;
}
