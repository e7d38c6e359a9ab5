import type { Lang } from '../lib/text';
import { compact, plain } from './numbers';
import { CODE_LABELS } from './codes';
import { zh } from './zh';
import { FESTIVALS } from '../sim';

/**
 * The validator writes its messages in English (the command line and the scenario docs use the same ones). The app
 * shows them in the reader's language: in Chinese a full rendering (the value it got said in Chinese too, numbers in
 * 万/亿), in English the validator's words with the app's number format (commas, never "1.83e+13"). A message without a
 * Chinese rule is shown as the validator wrote it.
 */
type Rule = [RegExp, (m: RegExpExecArray) => string];

/** A number as the validator wrote it ("5 000 000", "1.83e+13", "-3"), or null when the text is not one. */
function readNumber(text: string): number | null {
  const t = text.trim().replace(/(\d) (?=\d{3}\b)/g, '$1');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : null;
}

/** A number in the language's format: exact below 100 000 (10⁹ in English), then 万/亿 or k/M/B; never an exponent. */
export function messageNumber(x: number, lang: Lang): string {
  const big = lang === 'zh' ? 1e5 : 1e9;
  return Math.abs(x) >= big ? compact(x, lang) : plain(x, 6);
}

const NUMBER_IN_TEXT = /(?<![\w.\-])[-+]?\d{1,3}(?: \d{3})+(?![\d.])|(?<![\w.])[-+]?\d+(?:\.\d+)?e[-+]?\d+(?![\w.])/gi;

/** Every number the validator wrote with spaces or an exponent, in the language's format. */
export function numbersIn(text: string, lang: Lang): string {
  return text.replace(NUMBER_IN_TEXT, (m) => {
    const x = readNumber(m);
    return x === null ? m : messageNumber(x, lang);
  });
}

/** What the validator says it got ("the string \"abc\"", "an array", "-3"), said in Chinese. */
function zhGot(got: string): string {
  const x = readNumber(got);
  if (x !== null) return messageNumber(x, 'zh');
  const str = /^the string "(.*)"$/s.exec(got);
  if (str) return `文本“${str[1]}”`;
  const words: Record<string, string> = {
    null: '空值',
    'an array': '列表',
    'an object': '对象',
    'a boolean': '是/否值',
    'a string': '文本',
    'a number': '数字',
    'a undefined': '空值',
    true: '“是”',
    false: '“否”',
    NaN: '非数字',
    Infinity: '无穷大',
    '-Infinity': '负无穷大',
  };
  return words[got] ?? got;
}

/** A list of codes ("\"mon\", \"tue\"") as their Chinese labels when every one has a label, else as written. */
function zhCodes(list: string): string {
  const codes = [...list.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
  const labels = codes.map((c) => codeWord(c));
  return codes.length && labels.every((l) => l !== null) ? labels.join('、') : list;
}

function codeWord(code: string): string | null {
  for (const table of Object.values(CODE_LABELS)) if (Object.prototype.hasOwnProperty.call(table, code)) return table[code]!.zh;
  for (const prefix of ['weekday', 'phase', 'tier']) {
    const key = `${prefix}.${code}`;
    if (Object.prototype.hasOwnProperty.call(zh, key)) return zh[key as keyof typeof zh];
  }
  if (Object.prototype.hasOwnProperty.call(FESTIVALS, code)) return FESTIVALS[code as keyof typeof FESTIVALS].zh;
  return null;
}

const n = (s: string | undefined) => {
  const x = readNumber(s ?? '');
  return x === null ? (s ?? '') : messageNumber(x, 'zh');
};

const ZH_RULES: Rule[] = [
  [/^was changed after the results were saved$/, () => '在保存结果之后被改动过(与保存时的校验值不符)'],
  [/^does not match the scenario's (runs|seed|days) \((.+)\)$/, (m) => `与场景的${({ runs: '运行次数', seed: '种子', days: '模拟天数' } as Record<string, string>)[m[1]!]}不一致(场景为 ${m[2]})`],
  [/^expected a date, got (.+)$/, (m) => `必须是日期(当前为${zhGot(m[1]!)})`],
  [/^is required$/, () => '必填'],
  [/^expected a number, got (.+)$/s, (m) => `必须是数字(当前为${zhGot(m[1]!)})`],
  [/^expected a whole number, got (.+)$/s, (m) => `必须是整数(当前为${zhGot(m[1]!)})`],
  [
    /^(.+) is out of range: expected (at least|greater than) (.+) and at most (.+)$/,
    (m) => `${n(m[1])} 超出范围:应${m[2] === 'at least' ? '不小于' : '大于'} ${n(m[3])} 且不大于 ${n(m[4])}`,
  ],
  [/^unknown field \(did you mean "(.+)"\?\)$/, (m) => `未知字段(是否应为“${m[1]}”?)`],
  [/^unknown field(: .*)?$/, () => '未知字段'],
  [/^expected one of (.+), got (.+)$/, (m) => `必须是以下取值之一:${zhCodes(m[1]!)}(当前为${zhGot(m[2]!)})`],
  [/^expected a date as YYYY-MM-DD, got (.+)$/, (m) => `必须是“年-月-日”格式的日期,如 2026-01-01(当前为${zhGot(m[1]!)})`],
  [/^shares sum to (.+), expected 1$/, (m) => `各层级占比之和为 ${n(m[1])},应为 1`],
  [/^forward\.(\w+) \+ reverse\.(\w+) = (.+), expected at most 1$/, (m) => `${m[1]} 的上升与下降概率之和为 ${n(m[3])},不能超过 1`],
  [/^repeat \+ reverse\.R5 = (.+), expected at most 1$/, (m) => `复购概率与 R5 下降概率之和为 ${n(m[1])},不能超过 1`],
  [/^"(.+)" is used by another tactic; ids must be unique$/, (m) => `“${m[1]}”已被其他策略使用:标识必须唯一`],
  [/^"(.+)" is reserved for a built-in cause$/, (m) => `“${m[1]}”为内置归因保留,请换一个标识`],
  [/^a schedule needs at least one of/, () => '排期至少需要以下之一:每天、每周固定日、固定间隔、具体日期、日期区间或购物节'],
  [/^ends before it starts$/, () => '结束日期早于开始日期'],
  [/^agents × days × runs = (.+) exceeds the work limit of (.+)$/, (m) => `个体数 × 天数 × 运行次数 = ${n(m[1])},超过计算量上限 ${n(m[2])}`],
  [/^expected at least (\d+) characters?$/, (m) => `至少需要 ${m[1]} 个字符`],
  [/^is (\d+) characters long; the limit is (\d+)$/, (m) => `长度为 ${m[1]} 个字符,上限为 ${m[2]}`],
  [/^has (\d+) items; the limit is (\d+)$/, (m) => `共有 ${m[1]} 项,上限为 ${m[2]}`],
  [/^expected at least (\d+) items?$/, (m) => `至少需要 ${m[1]} 项`],
  [/is not allowed: expected letters, digits/, () => '只能包含字母、数字、“.”、“-”和“_”,且以字母或数字开头'],
  [/^(.+) appears more than once$/, (m) => `${m[1]} 重复出现`],
  [/^a text needs "en" or "zh"$/, () => '需要填写中文或英文文本'],
  [/^expected true or false, got (.+)$/, (m) => `必须是“是”或“否”(当前为${zhGot(m[1]!)})`],
  [/^expected an array, got (.+)$/, (m) => `必须是列表(当前为${zhGot(m[1]!)})`],
  [/^expected an object, got (.+)$/, (m) => `必须是对象(当前为${zhGot(m[1]!)})`],
  [/^expected a string, got (.+)$/, (m) => `必须是文本(当前为${zhGot(m[1]!)})`],
  [/^expected a string or \{ "en": …, "zh": … \}, got (.+)$/, (m) => `必须是文本,或分别填写的中英文(当前为${zhGot(m[1]!)})`],
  [/^(\w+) has no presale phase/, (m) => `${m[1]} 没有预售期:请选择正式期、高峰日或整个活动期`],
  [/^expected a whole number 0…4 294 967 295 or a text of 1–64 characters/, () => '必须是 0…4 294 967 295 的整数,或 1–64 个字符的文本'],
  [/^has (\d+) weekly values; expected 52 or 53$/, (m) => `共有 ${m[1]} 个周指数,应为 52 或 53 个`],
  [/^expected a demand index from 0 to 10, got (.+)$/, (m) => `需求指数应在 0 到 10 之间(当前为${zhGot(m[1]!)})`],
  [/^expected "none", "industry", or an array/, () => '必须是平稳、行业预设曲线,或 52–53 个周指数组成的列表'],
  [/^(\d+) is newer than this app understands/, (m) => `格式版本 ${m[1]} 比当前应用更新:请升级 STAR 沙盘`],
  [/^the seed must be a whole number or a text of 1–64 characters$/, () => '种子必须是整数或 1–64 个字符的文本'],
  [/^is not valid JSON(?: at line (\d+), column (\d+))?/, (m) => (m[1] ? `不是有效的 JSON 文件:第 ${m[1]} 行第 ${m[2]} 列有误` : '不是有效的 JSON 文件')],
  [/^is (\d+) bytes; the file size limit is (\d+) bytes$/, (m) => `文件大小为 ${n(m[1])} 字节,上限为 ${n(m[2])} 字节`],
  [/^nests (\d+) levels deep; the nesting limit is (\d+)$/, (m) => `嵌套深度为 ${m[1]} 层,上限为 ${m[2]} 层`],
];

/** The Chinese rendering of a message, or null when it is English or there is no rule for it. */
export function localizeError(message: string, lang: Lang): string | null {
  if (lang === 'en') return null;
  for (const [re, f] of ZH_RULES) {
    const m = re.exec(message);
    if (m) return numbersIn(f(m), 'zh');
  }
  return null;
}

/** A validator's message as the app shows it: in Chinese, its rendering; in English, its words with the app's numbers. */
export function errorText(message: string, lang: Lang): string {
  return localizeError(message, lang) ?? numbersIn(message, lang);
}
