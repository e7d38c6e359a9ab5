import type { CustomSpec, FieldSpec, ObjectSpec, Plausible, UnionSpec } from '../lib/spec';
import { assumed } from '../lib/source';
import { BUILTIN_CAUSES } from '../sim';
import { TACTICS } from '../sim';
import { INDUSTRY_IDS } from './industries';
import { LIMITS } from './limits';

export const SCHEMA_VERSION = 1;

const TIER_KEYS = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'] as const;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * The baseline flows a scenario states come from an industry preset, whose daily probabilities are assumptions
 * (industries.ts): runs may draw them within a relative range of the value in use.
 */
const FLOW_RANGE: Plausible = {
  low: 0.7,
  high: 1.4,
  relative: true,
  reason: {
    en: 'The industry presets’ daily flows are assumptions that keep the whitepaper’s orderings: about 30 % lower to 40 % higher',
    zh: '行业预设的每日流转概率是保持白皮书排序的假设:约低三成到高四成',
  },
};

function dailyProb(doc: { en: string; zh: string }, def: number): FieldSpec {
  return { kind: 'number', unit: 'probabilityPerDay', min: 0, max: 1, default: def, doc, plausible: FLOW_RANGE };
}

const seedSpec: CustomSpec = {
  kind: 'custom',
  expected: 'a whole number 0…4 294 967 295 or a text of 1–64 characters',
  doc: {
    en: 'Seed of the random streams: the same scenario, seed and runs give the same result, byte for byte',
    zh: '随机数种子:相同的场景、种子与运行次数给出逐字节相同的结果',
  },
  default: 1,
  validate(value, path, report) {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 4294967295) return value;
    if (typeof value === 'string' && value.length >= 1 && value.length <= 64) return value;
    report(path, `expected ${seedSpec.expected}, got ${JSON.stringify(value)}`);
    return undefined;
  },
};

const seasonalitySpec: CustomSpec = {
  kind: 'custom',
  expected: '"none", "industry", or an array of 52 or 53 weekly demand indices (0–10, 1 = an average week)',
  doc: {
    en: 'Demand by week of the year, scaling purchase propensities: "none" (flat), "industry" (the industry preset’s curve), or 52–53 numbers',
    zh: '按周的需求指数,影响购买倾向:平稳(无季节性)、行业预设曲线,或 52–53 个周指数',
  },
  default: 'none',
  validate(value, path, report) {
    if (value === 'none' || value === 'industry') return value;
    if (Array.isArray(value)) {
      if (value.length !== 52 && value.length !== 53) {
        report(path, `has ${value.length} weekly values; expected 52 or 53`);
        return undefined;
      }
      let ok = true;
      value.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 10) {
          report(`${path}[${i}]`, `expected a demand index from 0 to 10, got ${JSON.stringify(v)}`);
          ok = false;
        }
      });
      return ok ? value.slice() : undefined;
    }
    report(path, `expected ${seasonalitySpec.expected}`);
    return undefined;
  },
};

const idSpec: FieldSpec = {
  kind: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: ID_PATTERN,
  patternHint: 'letters, digits, ".", "-" and "_", starting with a letter or digit',
  doc: { en: 'Identifier (used in file names, links and results)', zh: '标识符(用于文件名、链接和结果)' },
};

/** One variant per registered tactic: `id` plus the tactic's own parameters. */
function tacticVariants(): Record<string, ObjectSpec> {
  const out: Record<string, ObjectSpec> = {};
  for (const [type, def] of Object.entries(TACTICS)) {
    out[type] = {
      kind: 'object',
      doc: def.summary,
      fields: {
        id: {
          ...idSpec,
          doc: { en: 'The tactic’s id: names it as a cause in results', zh: '策略标识:在结果中作为归因名称' },
        } as FieldSpec,
        ...def.params,
      },
    };
  }
  return out;
}

export const tacticSpec: UnionSpec = {
  kind: 'union',
  discriminator: 'type',
  doc: { en: 'A tactic placed on the calendar', zh: '排入日历的运营策略' },
  variants: tacticVariants(),
};

const tierSharesSpec: ObjectSpec = {
  kind: 'object',
  doc: { en: 'Initial share of agents in each tier; the shares sum to 1', zh: '各层级初始占比,合计为 1' },
  fields: Object.fromEntries(
    TIER_KEYS.map((t) => [
      t,
      { kind: 'number', unit: 'share', min: 0, max: 1, doc: { en: `Share in ${t} at the start`, zh: `初始时 ${t} 的占比` } },
    ]),
  ),
  check(v, report) {
    const sum = TIER_KEYS.reduce((a, t) => a + (v[t] as number), 0);
    if (Math.abs(sum - 1) > 1e-6) report('', `shares sum to ${+sum.toFixed(6)}, expected 1`);
  },
};

const repeatModelSpec: UnionSpec = {
  kind: 'union',
  discriminator: 'kind',
  doc: {
    en: 'How buyers buy again: "simple" uses forward.R4 and repeat; "bgnbd" replaces them with the BG/NBD process (rates per day)',
    zh: '复购方式:简单模型使用 R4 上升概率与 R5 每日购买概率;BG/NBD 模型以按日计速率的购买与流失过程代替',
  },
  variants: {
    simple: { kind: 'object', doc: { en: 'Daily probabilities', zh: '每日概率' }, fields: {} },
    bgnbd: {
      kind: 'object',
      doc: { en: 'BG/NBD (Fader, Hardie & Lee 2005)', zh: 'BG/NBD 模型(2005 年提出的经典复购模型)' },
      fields: {
        r: { kind: 'number', unit: 'shape', min: 0, max: 1000, exclusiveMin: true, doc: { en: 'Shape r of the Gamma distribution of purchase rates λ', zh: '购买率 λ 的 Gamma 分布形状参数 r' } },
        alpha: { kind: 'number', unit: 'days', min: 0, max: 1e6, exclusiveMin: true, plausible: FLOW_RANGE, doc: { en: 'Rate α of that Gamma (in days): mean λ = r/α per day', zh: '该 Gamma 分布的速率参数 α(天):λ 均值 = r/α 每天' } },
        a: { kind: 'number', unit: 'shape', min: 0, max: 1000, exclusiveMin: true, doc: { en: 'Beta a of the dropout probability p', zh: '流失概率 p 的 Beta 参数 a' } },
        b: { kind: 'number', unit: 'shape', min: 0, max: 1000, exclusiveMin: true, plausible: FLOW_RANGE, doc: { en: 'Beta b of the dropout probability p (mean p = a/(a+b))', zh: '流失概率 p 的 Beta 参数 b(p 均值 = a/(a+b))' } },
      },
    },
  },
};

export const scenarioSpec: ObjectSpec = {
  kind: 'object',
  doc: { en: 'A STAR Sandbox scenario', zh: 'STAR 沙盘场景' },
  fields: {
    schemaVersion: {
      kind: 'number',
      unit: 'none',
      integer: true,
      min: 1,
      max: SCHEMA_VERSION,
      doc: { en: `Version of this format (currently ${SCHEMA_VERSION})`, zh: `本格式的版本号(当前为 ${SCHEMA_VERSION})` },
    },
    id: idSpec,
    name: { key: true, kind: 'text', maxLength: 120, doc: { en: 'Name shown in the library', zh: '在场景库中显示的名称' } },
    description: { key: true, kind: 'text', maxLength: 4000, default: '', doc: { en: 'What the scenario is for', zh: '场景说明' } },
    sources: {
      kind: 'array',
      maxItems: 40,
      default: [],
      items: { kind: 'text', maxLength: 400, doc: { en: 'A source: the brand and figure, or the method, it relies on', zh: '一条来源:所依据的品牌与数据,或方法' } },
      doc: {
        en: 'Where the scenario’s figures come from, each as text or {en, zh}; cite docs/sources.md entries by their anchor',
        zh: '场景数据的来源,每条写明所依据的品牌与数据或方法,可分别填写中英文',
      },
    },
    industry: {
      key: true,
      kind: 'enum',
      values: INDUSTRY_IDS,
      default: 'custom',
      doc: { en: 'Industry preset (behaviour factors, order values, seasonality)', zh: '行业预设(行为因子、客单价、季节性)' },
    },
    startDate: { key: true, kind: 'date', default: '2026-01-01', doc: { en: 'First simulated day', zh: '模拟的第一天' } },
    days: {
      key: true,
      kind: 'number',
      unit: 'days',
      integer: true,
      min: 1,
      max: LIMITS.days,
      default: 365,
      doc: { en: `Horizon in days (limit ${LIMITS.days})`, zh: `模拟天数(上限 ${LIMITS.days})` },
    },
    seed: seedSpec,
    runs: {
      key: true,
      kind: 'number',
      unit: 'count',
      integer: true,
      min: 1,
      max: LIMITS.runs,
      default: 50,
      doc: { en: `Monte Carlo runs (limit ${LIMITS.runs})`, zh: `蒙特卡洛运行次数(上限 ${LIMITS.runs})` },
    },
    population: {
      kind: 'object',
      doc: { en: 'Who is simulated', zh: '模拟的人群' },
      fields: {
        agents: {
          key: true,
          kind: 'number',
          unit: 'agents',
          integer: true,
          min: 1,
          max: LIMITS.agents,
          default: 100_000,
          doc: {
            en: `Simulated individuals, a sample of the market (limit ${LIMITS.agents.toLocaleString('en')}). Fewer agents means more noise, not a smaller market: changing it here or with --agents recomputes the people per agent so agents × scale stays the market`,
            zh: `模拟个体数,即市场的样本(上限 ${LIMITS.agents})。个体越少噪声越大,市场并不变小:在此或在命令行修改时,每个体代表人数随之重算,个体数 × 该值保持为市场规模`,
          },
        },
        scale: {
          key: true,
          kind: 'number',
          unit: 'people',
          min: 0,
          exclusiveMin: true,
          max: 1e6,
          default: 1,
          doc: { en: 'Real customers each agent stands for; every count in results is agents × scale', zh: '每个个体代表的真实人数;结果中的人数 = 个体数 × 该值' },
        },
        initial: { ...tierSharesSpec, key: true },
        heterogeneity: {
          kind: 'boolean',
          default: true,
          doc: { en: 'Agents differ in traits; off makes every agent identical (a plain Markov chain)', zh: '个体特质各异;关闭后所有个体相同(退化为马尔可夫链)' },
        },
      },
    },
    baseline: {
      kind: 'object',
      doc: { en: 'Organic flows without any tactic', zh: '无任何策略时的自然流转' },
      fields: {
        forward: {
          kind: 'object',
          doc: { en: 'Daily probability of moving one tier up (R3: first purchase, R4: second purchase)', zh: '每日上升一层的概率(R3:首购,R4:复购)' },
          fields: {
            R0: dailyProb({ en: 'R0 → R1: organic reach', zh: 'R0→R1:自然触达' }, 0),
            R1: dailyProb({ en: 'R1 → R2: organic interaction', zh: 'R1→R2:自然互动' }, 0),
            R2: dailyProb({ en: 'R2 → R3: entering the private domain on one’s own', zh: 'R2→R3:自发进入私域' }, 0),
            R3: dailyProb({ en: 'R3 → R4: first purchase', zh: 'R3→R4:首次购买' }, 0),
            R4: dailyProb({ en: 'R4 → R5: second purchase (simple model)', zh: 'R4→R5:第二次购买(简单模型)' }, 0),
          },
        },
        reverse: {
          kind: 'object',
          doc: { en: 'Daily probability of falling one tier (decay, leaving, lapsing)', zh: '每日下降一层的概率(遗忘、退出、流失)' },
          fields: {
            R1: dailyProb({ en: 'R1 → R0: forgetting the brand', zh: 'R1→R0:遗忘品牌' }, 0),
            R2: dailyProb({ en: 'R2 → R1: interest fading', zh: 'R2→R1:兴趣消退' }, 0),
            R3: dailyProb({ en: 'R3 → R2: leaving the private domain', zh: 'R3→R2:离开私域' }, 0),
            R4: dailyProb({ en: 'R4 → R3: a one-time buyer lapsing', zh: 'R4→R3:首购用户流失' }, 0),
            R5: dailyProb({ en: 'R5 → R4: a repeat buyer lapsing', zh: 'R5→R4:复购用户流失' }, 0),
          },
        },
        repeat: dailyProb({ en: 'Daily purchase probability of an R5 agent (simple model)', zh: 'R5 个体每日购买概率(简单模型)' }, 0),
        purchaseHeadroom: {
          kind: 'number',
          label: { en: 'Headroom for tactics to raise buying', zh: '策略提升购买频次的空间' },
          unit: 'multiplier',
          min: 0.05,
          max: 100,
          default: 2,
          source: assumed('a customer’s needs are finite and shared with other brands and stores: all tactics together can raise how often a buyer buys from the brand at most about threefold; no share-of-wallet figures are published', '顾客的需求有限,且分给其他品牌和门店:所有策略加在一起,最多让买家向本品牌购买的频次提高到约 3 倍;没有公开的钱包份额数据', ['gaps-not-published']),
          plausible: {
            low: 1,
            high: 3,
            reason: { en: 'No share-of-wallet figure is published: from half (×2 at most) to one and a half times (×4 at most) the assumption', zh: '没有公开的钱包份额数据:从一半(最多 ×2)到一倍半(最多 ×4)' },
          },
          doc: {
            en: 'Headroom h for tactics to raise a buyer’s purchase rate: the product m of all boosts acts as 1 + (m − 1)/(1 + (m − 1)/h), never above 1 + h',
            zh: '策略提升买家购买率的空间:各策略提升倍数之积实际作用为 1 +(积 − 1)÷(1 +(积 − 1)÷ 空间),不超过 1 + 空间',
          },
        } as FieldSpec,
        repeatModel: { ...repeatModelSpec, default: { kind: 'simple' } } as FieldSpec,
        orderValue: {
          key: true,
          kind: 'object',
          doc: { en: 'Value of one order (log-normal with this mean and sd)', zh: '单笔订单金额(对数正态,给定均值与标准差)' },
          fields: {
            mean: { kind: 'number', unit: 'yuan', min: 0, exclusiveMin: true, max: 1e7, doc: { en: 'Mean order value', zh: '平均客单价' } },
            sd: { kind: 'number', unit: 'yuan', min: 0, max: 1e7, default: 0, doc: { en: 'Standard deviation of order values', zh: '订单金额的标准差' } },
          },
        },
      },
      check(v, report) {
        const f = v.forward as Record<string, number>;
        const r = v.reverse as Record<string, number>;
        for (const t of ['R1', 'R2', 'R3', 'R4'] as const) {
          const sum = (f[t] ?? 0) + (r[t] ?? 0);
          if (sum > 1) report(`forward.${t}`, `forward.${t} + reverse.${t} = ${+sum.toFixed(6)}, expected at most 1`);
        }
        if ((r.R5 ?? 0) + (v.repeat as number) > 1) report('repeat', `repeat + reverse.R5 = ${(r.R5 ?? 0) + (v.repeat as number)}, expected at most 1`);
      },
    },
    seasonality: seasonalitySpec,
    margin: {
      kind: 'number',
      unit: 'share',
      min: 0,
      max: 1,
      optional: true,
      doc: { en: 'Gross margin share of GMV, for margin ROI (optional)', zh: '毛利率,用于计算毛利 ROI(可选)' },
    },
    wordOfMouth: {
      kind: 'object',
      default: { q: 0, sources: ['R4', 'R5'] },
      doc: { en: 'Well-mixed word of mouth (the Bass imitation term)', zh: '口碑传播(Bass 模型的模仿项)' },
      fields: {
        q: {
          kind: 'number',
          unit: 'probabilityPerDay',
          min: 0,
          max: 1,
          default: 0,
          plausible: FLOW_RANGE,
          doc: { en: 'R0 → R1 daily probability = q × share of the population in the source tiers', zh: 'R0→R1 每日概率 = q × 来源层级人口占比' },
        },
        sources: {
          kind: 'array',
          maxItems: 5,
          unique: true,
          default: ['R4', 'R5'],
          items: { kind: 'enum', values: ['R1', 'R2', 'R3', 'R4', 'R5'], doc: { en: 'Tier', zh: '层级' } },
          doc: { en: 'Tiers whose members spread the word', zh: '传播口碑的层级' },
        },
      },
    },
    uncertainty: {
      kind: 'object',
      default: { assumptions: true, fixed: [] },
      doc: {
        en: 'What the intervals include: simulation noise always; with assumptions on, each run also draws every assumed parameter from its plausible range',
        zh: '区间包含什么:始终包含模拟噪声;开启假设不确定性后,每次运行还会在合理范围内抽取每个假设参数',
      },
      fields: {
        assumptions: {
          kind: 'boolean',
          default: true,
          doc: {
            en: 'Draw assumed parameters from their plausible ranges, one draw per run (second-order Monte Carlo); off: simulation noise only',
            zh: '每次运行在合理范围内抽取一次假设参数(二阶蒙特卡洛);关闭则只含模拟噪声',
          },
        },
        fixed: {
          kind: 'array',
          maxItems: 200,
          unique: true,
          default: [],
          items: { kind: 'string', minLength: 1, maxLength: 200, doc: { en: 'A parameter path', zh: '参数路径' } },
          doc: {
            en: 'Parameters you know (your own measured figures), kept exact: paths such as "tactics[live].followRate" or "baseline.forward.R1"',
            zh: '你已掌握的参数(自己测得的数据),保持不变:逐个填写参数路径,写法见场景文件说明',
          },
        },
      },
    },
    tactics: {
      kind: 'array',
      maxItems: LIMITS.tactics,
      default: [],
      items: tacticSpec,
      doc: { en: `Tactics on the calendar (limit ${LIMITS.tactics})`, zh: `日历上的策略(上限 ${LIMITS.tactics})` },
    },
  },
  check(v, report) {
    const tactics = v.tactics as { id: string }[];
    const seen = new Set<string>();
    tactics.forEach((t, i) => {
      if ((BUILTIN_CAUSES as readonly string[]).includes(t.id)) report(`tactics[${i}].id`, `"${t.id}" is reserved for a built-in cause`);
      if (seen.has(t.id)) report(`tactics[${i}].id`, `"${t.id}" is used by another tactic; ids must be unique`);
      seen.add(t.id);
    });
    const pop = v.population as { agents: number };
    const work = pop.agents * (v.days as number) * (v.runs as number);
    if (work > LIMITS.work) {
      report('runs', `agents × days × runs = ${work.toExponential(2)} exceeds the work limit of ${LIMITS.work.toExponential(0)}`);
    }
  },
};
