/**
 * The glossary: every figure the app, the command line and the result show, defined once — what it is, its unit, its
 * denominator, whether it is incremental (the plan minus doing nothing) or a total (including what happens anyway),
 * and which interval it carries. The app's 术语表 / Glossary dialog and docs/model.md § Glossary are both made from
 * this table (tests/sim/glossary.test.ts keeps the docs in sync, and checks each definition on a hand-computed run).
 */
export type FigureScope = 'incremental' | 'total';

export interface Text2 {
  en: string;
  zh: string;
}

export interface FigureDefinition {
  /** The figure's key in a run's digest (`R.gmv`), or `incremental.<name>` for the plan's effect. */
  id: string;
  name: Text2;
  /** What it is and how it is computed, as an operator reads it. */
  what: Text2;
  unit: Text2;
  scope: FigureScope;
}

const PEOPLE: Text2 = { en: 'people', zh: '人' };
const YUAN: Text2 = { en: '¥', zh: '¥(元)' };
const TIMES: Text2 = { en: '× (yuan per yuan)', zh: '倍(每元成本)' };
const SHARE: Text2 = { en: '% of the denominator', zh: '占分母的 %' };
const MONTHLY: Text2 = { en: '% per month', zh: '%/月' };

/** What the two intervals mean (shown beside the glossary and on every figure). */
export const INTERVALS = {
  spread: {
    en: 'Spread of outcomes (p05–p95): 90 % of the runs fall in this range. The headline range of every figure.',
    zh: '结果分布区间(第 5–95 百分位):90% 的运行结果落在其中。各指标的主区间。',
  },
  ci90: {
    en: 'Confidence in the mean (mean ± t·sd/√n, Student’s t with n − 1 degrees of freedom: 2.35 for 4 runs, 1.73 for 20): where the average lies, given the runs; narrows with more runs.',
    zh: '均值置信区间(均值 ± t × 标准差 ÷ √运行次数,t 为自由度 n − 1 的学生 t 分位数:4 次运行为 2.35,20 次为 1.73):给定运行次数下均值所在范围;运行越多越窄。',
  },
} as const;

export const GLOSSARY: readonly FigureDefinition[] = [
  {
    id: 'incremental.gmv',
    name: { en: 'Incremental GMV', zh: '增量 GMV' },
    what: { en: 'GMV of the plan minus GMV of the same market doing nothing, run by run on the same seeds.', zh: '方案的 GMV 减去同一市场不做任何动作时的 GMV,同一种子逐次配对相减。' },
    unit: YUAN,
    scope: 'incremental',
  },
  {
    id: 'incremental.margin',
    name: { en: 'Incremental margin', zh: '增量毛利' },
    what: { en: 'Margin (the scenario’s gross margin rate) × incremental GMV; shown only when a margin is set.', zh: '毛利率(场景设定)× 增量 GMV;仅在设定毛利率时显示。' },
    unit: YUAN,
    scope: 'incremental',
  },
  {
    id: 'incremental.r5',
    name: { en: 'Incremental R5', zh: '增量 R5' },
    what: { en: 'People in R5 (repeat buyers) at the end with the plan, minus without it.', zh: '期末 R5(复购忠诚)人数:有方案减去无方案。' },
    unit: PEOPLE,
    scope: 'incremental',
  },
  {
    id: 'incremental.assets',
    name: { en: 'Incremental assets', zh: '增量资产' },
    what: { en: 'Crowd assets (R1–R5) at the end with the plan, minus without it.', zh: '期末人群资产(R1–R5)人数:有方案减去无方案。' },
    unit: PEOPLE,
    scope: 'incremental',
  },
  {
    id: 'incremental.newBuyers',
    name: { en: 'Incremental new buyers', zh: '增量新客' },
    what: { en: 'First purchases ever with the plan, minus without it.', zh: '首次购买(此前从未购买)人数:有方案减去无方案。' },
    unit: PEOPLE,
    scope: 'incremental',
  },
  {
    id: 'incremental.cost',
    name: { en: 'Cost', zh: '成本' },
    what: { en: 'What the plan spends: every tactic’s cost, discounts and rewards included (doing nothing costs 0).', zh: '方案的全部花费:各动作成本,含折扣与奖励(不做任何动作成本为 0)。' },
    unit: YUAN,
    scope: 'incremental',
  },
  {
    id: 'incremental.roi',
    name: { en: 'Incremental ROI', zh: '增量 ROI' },
    what: { en: 'Incremental GMV ÷ cost, per run: the GMV each yuan of the plan adds.', zh: '增量 GMV ÷ 成本(逐次计算):每元投入带来的额外 GMV。' },
    unit: TIMES,
    scope: 'incremental',
  },
  {
    id: 'incremental.marginRoi',
    name: { en: 'Incremental margin ROI', zh: '增量毛利 ROI' },
    what: { en: 'Incremental margin ÷ cost, per run; above 1 the plan pays for itself.', zh: '增量毛利 ÷ 成本(逐次计算);大于 1 即方案回本。' },
    unit: TIMES,
    scope: 'incremental',
  },
  {
    id: 'incremental.costPerNewBuyer',
    name: { en: 'Cost per new buyer', zh: '每位新客成本' },
    what: { en: 'Cost ÷ incremental new buyers (first purchases ever), per run; runs with no extra new buyer are left out.', zh: '成本 ÷ 增量新客(首次购买),逐次计算;没有增量新客的运行不计入。' },
    unit: YUAN,
    scope: 'incremental',
  },
  {
    id: 'S.assetsEnd',
    name: { en: 'Assets at the end', zh: '期末资产' },
    what: { en: 'People in R1–R5 (the brand’s crowd assets) on the last day.', zh: '最后一天 R1–R5(品牌人群资产)的人数。' },
    unit: PEOPLE,
    scope: 'total',
  },
  {
    id: 'S.growthRate',
    name: { en: 'Asset growth rate', zh: '资产增长率' },
    what: { en: '(Assets at the end − assets at the start) ÷ assets at the start.', zh: '(期末资产 − 期初资产)÷ 期初资产。' },
    unit: SHARE,
    scope: 'total',
  },
  {
    id: 'S.newAssets',
    name: { en: 'New assets', zh: '新增资产' },
    what: { en: 'Moves out of R0 (people reached for the first time) over the horizon.', zh: '全周期从 R0 进入资产的人次(首次触达)。' },
    unit: PEOPLE,
    scope: 'total',
  },
  {
    id: 'T.shareEnd',
    name: { en: 'Tier share at the end', zh: '期末层级占比' },
    what: { en: 'People in the tier ÷ assets (R1–R5), on the last day.', zh: '最后一天该层级人数 ÷ 资产(R1–R5)人数。' },
    unit: SHARE,
    scope: 'total',
  },
  {
    id: 'A.rate',
    name: { en: 'Monthly flow rate i → j', zh: '月流转率 i → j' },
    what: {
      en: 'Moves i → j per month ÷ the average population of tier i: moves ÷ (tier i summed over the days’ starts) × 30.44.',
      zh: '每月 i → j 流转人次 ÷ i 层级平均人数:流转人次 ÷(每日开始时 i 层级人数之和)× 30.44。',
    },
    unit: MONTHLY,
    scope: 'total',
  },
  {
    id: 'A.weekly',
    name: { en: 'Mean weekly flow rate i → j', zh: '平均每周流转率 i → j' },
    what: { en: 'Each full week’s moves i → j ÷ tier i at the week’s start, averaged over the weeks.', zh: '每个完整周的 i → j 流转人次 ÷ 周初 i 层级人数,再对各周取平均。' },
    unit: { en: '% per week', zh: '%/周' },
    scope: 'total',
  },
  {
    id: 'R.conversion',
    name: { en: 'Conversion R3 → R4', zh: '转化率 R3 → R4' },
    what: { en: 'The monthly flow rate R3 → R4: first purchases from R3 per month ÷ the average population of R3.', zh: 'R3 → R4 的月流转率:每月从 R3 首购的人数 ÷ R3 平均人数。' },
    unit: MONTHLY,
    scope: 'total',
  },
  {
    id: 'R.gmv',
    name: { en: 'GMV (total)', zh: 'GMV(含自然发生)' },
    what: { en: 'Value of every order over the horizon, including what happens without the plan; discounts are costs, not deducted.', zh: '全周期所有订单金额,包括不做任何动作也会发生的部分;折扣计入成本,不从 GMV 扣除。' },
    unit: YUAN,
    scope: 'total',
  },
  {
    id: 'R.orders',
    name: { en: 'Orders', zh: '订单数' },
    what: { en: 'Orders placed over the horizon (one order = one purchase).', zh: '全周期订单数(一次购买为一单)。' },
    unit: { en: 'orders', zh: '单' },
    scope: 'total',
  },
  {
    id: 'R.aov',
    name: { en: 'Average order value', zh: '客单价' },
    what: { en: 'GMV ÷ orders.', zh: 'GMV ÷ 订单数。' },
    unit: YUAN,
    scope: 'total',
  },
  {
    id: 'R.firstPurchases',
    name: { en: 'Moves into R4', zh: '进入 R4 的购买' },
    what: { en: 'Purchases that move someone into R4 from below: new buyers plus returning buyers.', zh: '使人从下层进入 R4 的购买:新客加回流客。' },
    unit: PEOPLE,
    scope: 'total',
  },
  {
    id: 'R.newBuyers',
    name: { en: 'New buyers', zh: '新客(首次购买)' },
    what: { en: 'First purchases ever: people who had never bought (people in R4/R5 at the start count as having bought).', zh: '此生首次购买的人数(期初在 R4/R5 的人视为已购买过)。' },
    unit: PEOPLE,
    scope: 'total',
  },
  {
    id: 'R.returningBuyers',
    name: { en: 'Returning buyers', zh: '回流客' },
    what: { en: 'Moves into R4 by people who had bought before and lapsed to R3 or below.', zh: '曾购买、后流失到 R3 及以下、又再次购买进入 R4 的人次。' },
    unit: PEOPLE,
    scope: 'total',
  },
  {
    id: 'R.repurchaseRate',
    name: { en: 'Repurchase rate', zh: '复购率' },
    what: { en: 'People who bought at least twice during the run ÷ people who bought at least once.', zh: '期内购买至少两次的人数 ÷ 期内购买至少一次的人数。' },
    unit: SHARE,
    scope: 'total',
  },
  {
    id: 'R.monthlyRepurchase',
    name: { en: 'Monthly repurchase rate', zh: '月复购率' },
    what: {
      en: 'In each full calendar month of the run: people who ordered at least twice in the month ÷ people who ordered in it; averaged over the months.',
      zh: '期内每个完整自然月:当月下单至少两次的人数 ÷ 当月下单人数;再对各月取平均。',
    },
    unit: SHARE,
    scope: 'total',
  },
  {
    id: 'R.ordersPerMonthlyBuyer',
    name: { en: 'Orders per monthly buyer', zh: '月均每位下单顾客的订单数' },
    what: {
      en: 'Over the full calendar months of the run: orders ÷ people ordering in the month, each month’s buyers counted once per month.',
      zh: '期内各完整自然月:订单数 ÷ 当月下单人数(每月的下单人各计一次)。',
    },
    unit: { en: 'orders per person', zh: '单/人' },
    scope: 'total',
  },
  {
    id: 'R.repurchaseWithin',
    name: { en: 'Repurchase within N years', zh: 'N 年内复购率' },
    what: {
      en: 'Of the people who ordered in the first N × 365 days, the share who ordered at least twice in them; shown for 1, 2 and 3 years when the run is that long.',
      zh: '前 N × 365 天内下过单的人中,在此期间下单至少两次的比例;运行期足够长时显示 1、2、3 年。',
    },
    unit: SHARE,
    scope: 'total',
  },
  {
    id: 'E.ordersPerBuyer',
    name: { en: 'Orders per customer in an event', zh: '活动期内人均订单数' },
    what: {
      en: 'Within each of a tactic’s events (the days it is above its usual effort, up to 31 days: a sale, a recall, a member day, a livestream): orders ÷ the people who ordered, pooled over its events.',
      zh: '在某个动作的每次活动内(投入高于平常的连续日子,最长 31 天:大促、召回、会员日、直播):订单数 ÷ 下单人数,汇总该动作的全部活动。',
    },
    unit: { en: 'orders per person', zh: '单/人' },
    scope: 'total',
  },
  {
    id: 'E.multiOrderShare',
    name: { en: 'Customers ordering twice or more in an event', zh: '活动期内多次下单的顾客占比' },
    what: {
      en: 'Within each of a tactic’s events: the people who ordered at least twice ÷ the people who ordered, pooled over its events.',
      zh: '在某个动作的每次活动内:下单至少两次的人数 ÷ 下单人数,汇总该动作的全部活动。',
    },
    unit: SHARE,
    scope: 'total',
  },
  {
    id: 'E.broughtMultiOrderShare',
    name: { en: 'Customers the event brought who ordered twice or more in it', zh: '活动带来的顾客中多次下单的占比' },
    what: {
      en: 'Within each of a tactic’s events: of the people whose first order in it the tactic brought (a recalled customer, a buyer in a session), those who ordered at least twice there (for any reason) ÷ them, pooled over its events.',
      zh: '在某个动作的每次活动内:首单由该动作带来的顾客(被召回的老客、直播间下单的观众)中,在活动内下单至少两次(无论原因)的人数 ÷ 这些顾客,汇总该动作的全部活动。',
    },
    unit: SHARE,
    scope: 'total',
  },
  {
    id: 'R.cost',
    name: { en: 'Total cost', zh: '总成本' },
    what: { en: 'Everything the plan spends, discounts and rewards included.', zh: '方案全部花费,含折扣与奖励。' },
    unit: YUAN,
    scope: 'total',
  },
  {
    id: 'R.roi',
    name: { en: 'Total ROI (GMV ÷ cost)', zh: '总 ROI(GMV ÷ 成本,含自然发生)' },
    what: { en: 'All GMV ÷ cost, per run. Counts sales that happen anyway: judge a plan by the incremental ROI.', zh: '全部 GMV ÷ 成本(逐次)。包含本来就会发生的销售:评估方案请看增量 ROI。' },
    unit: TIMES,
    scope: 'total',
  },
];

export function definition(id: string): FigureDefinition | undefined {
  return GLOSSARY.find((f) => f.id === id);
}

/** The glossary as the Markdown table in docs/model.md § Glossary (English). */
export function glossaryMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = GLOSSARY.map((f) => `| \`${f.id}\` | ${cell(f.name.en)} | ${cell(f.what.en)} | ${cell(f.unit.en)} | ${f.scope} |`);
  return ['| id | figure | what it is | unit | incremental or total |', '|---|---|---|---|---|', ...rows].join('\n');
}
