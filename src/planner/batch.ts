import type { FieldSpec, ObjectSpec } from '../lib/spec';
import type { Overrides } from '../scenario/compile';
import { scenarioSpec } from '../scenario/schema';
import type { Scenario } from '../scenario/types';
import { validateValue, type ValidationError } from '../scenario/validate';
import { figureInfo, INCREMENTAL_FIGURES, isFigure, TOTAL_FIGURES, type FigureKey } from './figures';
import { compileScenario } from '../scenario/compile';
import { checkGoalSeek, goalSeek, type GoalSeekResult } from './goal-seek';
import { band, baselineJob, paired, runMcJob, viaJson, type Band, type McJob, type McOutput, type Runner } from './jobs';
import { levers, optimiseAssemble, optimiseJobs, optimiseMeanField, type OptimiseSkeleton, type OptimiseSpec } from './optimise';
import { withValues } from './paths';
import { linspace, sweepAssemble, sweepJobs, sweepMeanField, sweepPoints, type SweepAxis } from './sweep';
import { tornadoAssemble, tornadoJobs, tornadoMeanField, type MeanFieldTornado } from './tornado';

/**
 * Batch files (docs/planner.md § Batch files): one JSON that runs a list of scenarios or variants, a sweep, a tornado,
 * a goal-seek or a budget optimisation. A batch is validated like a scenario (every error with its JSON path), then
 * prepared: the mean-field part runs at once (deterministic, milliseconds per projection) into a skeleton, and the
 * Monte Carlo part becomes a list of jobs. Outputs are assembled from the skeleton and the jobs' JSON outputs only, so
 * jobs can run on any machine (shard k of n runs jobs k, k + n, …) and the merged result is byte for byte the result
 * of one machine.
 */
export type BatchKind = 'scenarios' | 'sweep' | 'tornado' | 'goalSeek' | 'optimise';

/** Reads a scenario file named in a batch (relative to the batch file); the CLI supplies it. */
export type ScenarioLoader = (file: string) => { ok: true; scenario: Scenario } | { ok: false; message: string };

const t = (en: string, zh: string) => ({ en, zh });
const num = (doc: string, unit: 'yuan' | 'count' | 'share' | 'none', min: number, max: number, extra: Partial<FieldSpec> = {}): FieldSpec =>
  ({ kind: 'number', doc: t(doc, doc), unit, min, max, ...extra }) as FieldSpec;
const opt = (f: FieldSpec): FieldSpec => ({ ...f, optional: true }) as FieldSpec;
/** A figure key (docs/planner.md § Figures); whether the scenario has it is checked with the scenario. */
const figureSpec = (): FieldSpec => ({
  kind: 'custom',
  doc: t('a figure (docs/planner.md § Figures)', '指标'),
  expected: 'a figure key',
  validate: (v, p, r) =>
    typeof v === 'string' && figureInfo(v) ? v : r(p, `expected a figure key such as ${[...INCREMENTAL_FIGURES.slice(0, 3), ...TOTAL_FIGURES.slice(0, 3), 'A.rate.R3>R4', 'R.monthlyRepurchase'].map((x) => JSON.stringify(x)).join(', ')} (docs/planner.md § Figures), got ${JSON.stringify(v)}`),
});

function scenarioField(load: ScenarioLoader): FieldSpec {
  return {
    kind: 'custom',
    doc: t('a scenario file (relative to the batch file) or a scenario object', '方案文件路径或方案对象'),
    expected: 'a file name or a scenario object',
    validate(value, path, report) {
      if (typeof value === 'string') {
        const r = load(value);
        if (!r.ok) report(path, r.message);
        return r.ok ? r.scenario : undefined;
      }
      const errors: ValidationError[] = [];
      const out = validateValue(value, scenarioSpec, path, errors);
      for (const e of errors) report(e.path, e.message);
      return errors.length ? undefined : out;
    },
  };
}

function batchSpec(load: ScenarioLoader): FieldSpec {
  const common: Record<string, FieldSpec> = {
    batch: { kind: 'enum', doc: t('batch format version: 1', '批量文件格式版本'), values: ['1'] } as FieldSpec,
    id: { kind: 'string', doc: t('a name for the result', '结果名称'), maxLength: 64, pattern: /^[A-Za-z0-9_-]+$/, patternHint: 'letters, digits, - and _', optional: true },
    runs: opt(num('Monte Carlo runs (overrides the scenario)', 'count', 1, 10000, { integer: true })),
    seed: opt({ kind: 'custom', doc: t('seed', '随机种子'), expected: 'a whole number or a text', validate: (v, p, r) => (typeof v === 'number' && Number.isInteger(v) && v >= 0) || (typeof v === 'string' && v.length > 0 && v.length <= 64) ? v : r(p, 'expected a whole number or a text of 1–64 characters') }),
    days: opt(num('horizon in days', 'count', 1, 3660, { integer: true })),
    agents: opt(num('simulated agents (the market stays the scenario’s)', 'count', 1, 5_000_000, { integer: true })),
  };
  const withScenario = (fields: Record<string, FieldSpec>, check?: ObjectSpec['check']): ObjectSpec => ({ kind: 'object', doc: t('', ''), fields: { ...common, scenario: scenarioField(load), ...fields }, ...(check && { check }) });
  const axis: FieldSpec = {
    kind: 'object',
    doc: t('a swept field', '扫描字段'),
    fields: {
      path: { kind: 'string', doc: t('JSON path of a number in the scenario', '方案中数值字段的路径'), maxLength: 200 },
      values: opt({ kind: 'array', doc: t('the values', '取值'), items: num('a value', 'none', -1e12, 1e12), minItems: 1, maxItems: 101 }),
      from: opt(num('first value', 'none', -1e12, 1e12)),
      to: opt(num('last value', 'none', -1e12, 1e12)),
      steps: opt(num('number of values from `from` to `to`', 'count', 1, 101, { integer: true })),
    },
    check(v, report) {
      const grid = v.from !== undefined || v.to !== undefined || v.steps !== undefined;
      if (v.values !== undefined && grid) report('values', 'give either values or from, to and steps, not both');
      else if (v.values === undefined) for (const k of ['from', 'to', 'steps']) if (v[k] === undefined) report(k, 'is required (or give values)');
    },
  };
  const tacticBound: FieldSpec = {
    kind: 'object',
    doc: t('a tactic in play', '参与分配的动作'),
    fields: {
      id: { kind: 'string', doc: t('the tactic’s id', '动作编号'), maxLength: 64 },
      field: opt({ kind: 'string', doc: t('the effort field its budget buys', '预算对应的投入字段'), maxLength: 64 }),
      min: opt(num('least budget, yuan over the horizon', 'yuan', 0, 1e12)),
      max: opt(num('most budget, yuan over the horizon', 'yuan', 0, 1e12)),
    },
  };
  const risk: FieldSpec = {
    kind: 'union',
    doc: t('risk preference', '风险偏好'),
    discriminator: 'kind',
    variants: {
      mean: { kind: 'object', doc: t('the mean', '均值'), fields: {} },
      p10: { kind: 'object', doc: t('the 10th percentile of outcomes', '第 10 百分位'), fields: {} },
      lossCap: { kind: 'object', doc: t('the mean, with P(loss) at most x', '亏损概率不超过 x 时的均值'), fields: { maxLossProbability: num('largest allowed probability of a loss', 'share', 0, 1) } },
    },
    default: { kind: 'mean' },
  };
  return {
    kind: 'union',
    doc: t('a batch', '批量任务'),
    discriminator: 'kind',
    variants: {
      scenarios: {
        kind: 'object',
        doc: t('a list of scenarios or variants', '方案或变体列表'),
        fields: {
          ...common,
          items: {
            kind: 'array',
            doc: t('the scenarios', '方案'),
            minItems: 1,
            maxItems: 200,
            items: {
              kind: 'object',
              doc: t('a scenario, optionally with changed fields', '方案及可选的字段改动'),
              fields: {
                scenario: scenarioField(load),
                label: opt({ kind: 'string', doc: t('a label', '标签'), maxLength: 80 }),
                set: opt({ kind: 'custom', doc: t('numbers to change, by JSON path', '按路径修改的数值'), expected: '{ "path": number, … }', validate: (v, p, r) => (v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x)) ? v : r(p, 'expected an object of JSON paths to numbers')) }),
              },
            },
          },
        },
      },
      sweep: withScenario({
        fields: { kind: 'array', doc: t('one or two fields', '一或两个字段'), items: axis, minItems: 1, maxItems: 2 },
        method: { kind: 'enum', doc: t('meanField or monteCarlo', '均场或蒙特卡洛'), values: ['meanField', 'monteCarlo'], default: 'meanField' },
      }),
      tornado: withScenario({
        figure: { ...figureSpec(), default: 'incremental.gmv' } as FieldSpec,
        top: { ...num('assumptions run again by Monte Carlo (0: mean field only)', 'count', 0, 50, { integer: true }), default: 5 } as FieldSpec,
      }),
      goalSeek: withScenario({
        path: { kind: 'string', doc: t('JSON path of the field to seek', '要求解的字段路径'), maxLength: 200 },
        figure: figureSpec(),
        target: num('the target value of the figure', 'none', -1e15, 1e15),
        probability: num('wanted P(figure ≥ target)', 'share', 0, 1, { exclusiveMin: true }),
        min: num('least value to try', 'none', -1e12, 1e12),
        max: num('largest value to try', 'none', -1e12, 1e12),
        tolerance: opt(num('stop when the bracket is narrower (field’s unit)', 'none', 0, 1e12, { exclusiveMin: true })),
      }),
      optimise: withScenario({
        budget: num('total budget, yuan over the horizon', 'yuan', 0, 1e12, { exclusiveMin: true }),
        tactics: { kind: 'array', doc: t('the tactics in play', '参与分配的动作'), items: tacticBound, minItems: 1, maxItems: 20 },
        objective: { kind: 'enum', doc: t('gmv, margin, r5 or assets (incremental)', '目标'), values: ['gmv', 'margin', 'r5', 'assets'], default: 'margin' },
        risk,
        frontier: opt({ kind: 'array', doc: t('budgets of the efficient frontier', '前沿上的预算'), items: num('a budget', 'yuan', 0, 1e12, { exclusiveMin: true }), maxItems: 20 }),
        candidates: { ...num('allocations confirmed by Monte Carlo', 'count', 1, 10, { integer: true }), default: 3 } as FieldSpec,
      }),
    },
  } as FieldSpec;
}

export type Batch = Record<string, unknown> & { kind: BatchKind; batch: '1' };

/** Validate a parsed batch file; scenario files are read through `load`. */
export function validateBatch(value: unknown, load: ScenarioLoader): { ok: true; batch: Batch } | { ok: false; errors: ValidationError[] } {
  const errors: ValidationError[] = [];
  // The version is written as a number in files; the spec checks it as text.
  let v = value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const version = (value as Record<string, unknown>).batch;
    if (version !== 1) errors.push({ path: 'batch', message: `expected 1 (the batch format version), got ${version === undefined ? 'nothing' : JSON.stringify(version)}` });
    v = { ...(value as object), batch: '1' };
  }
  const out = validateValue(v, batchSpec(load), '', errors) as Batch | undefined;
  if (errors.length || !out) return { ok: false, errors };
  // Checks that need the scenario: paths, tactic ids, bounds.
  const s = out.scenario as Scenario | undefined;
  if (out.kind === 'scenarios') {
    (out.items as Array<{ scenario: Scenario; set?: Record<string, number> }>).forEach((it, i) => {
      if (!it.set) return;
      const r = withValues(it.scenario, Object.entries(it.set));
      if (!r.ok) for (const e of r.errors) errors.push({ path: `items[${i}].set`, message: `${e.path}: ${e.message}` });
    });
  } else if (out.kind === 'sweep') {
    const r = sweepPoints(s!, axesOf(out), 'fields');
    if (!r.ok) errors.push(...r.errors);
  } else if (out.kind === 'tornado') {
    const f = out.figure as string;
    if (!isFigure(f, compileScenario(s!, overridesOf(out)), true)) errors.push({ path: 'figure', message: figureInfo(f)?.meanField === false ? `${f} exists only by Monte Carlo; the tornado ranks on the mean field first` : `${f} is not a figure of this scenario` });
  } else if (out.kind === 'goalSeek') {
    const f = out.figure as string;
    if (!isFigure(f, compileScenario(s!, overridesOf(out)))) errors.push({ path: 'figure', message: `${f} is not a figure of this scenario` });
    errors.push(...checkGoalSeek(s!, out as unknown as Parameters<typeof checkGoalSeek>[1]));
  } else if (out.kind === 'optimise') {
    const l = levers(s!, optimiseSpecOf(out), overridesOf(out));
    if (!l.ok) errors.push(...l.errors);
    const r = out.risk as { kind: string };
    if (r.kind === 'lossCap' && (s!.margin ?? null) === null) errors.push({ path: 'risk.kind', message: 'a loss cap needs the scenario’s margin (margin × ΔGMV < cost is a loss)' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, batch: out };
}

function axesOf(b: Batch): SweepAxis[] {
  return (b.fields as Array<{ path: string; values?: number[]; from?: number; to?: number; steps?: number }>).map((f) => ({ path: f.path, values: f.values ?? linspace(f.from!, f.to!, f.steps!) }));
}

function optimiseSpecOf(b: Batch): OptimiseSpec {
  return { budget: b.budget as number, tactics: b.tactics as OptimiseSpec['tactics'], objective: b.objective as OptimiseSpec['objective'], risk: b.risk as OptimiseSpec['risk'], candidates: b.candidates as number, ...(b.frontier !== undefined && { frontier: b.frontier as number[] }) };
}

export function overridesOf(b: Batch): Overrides {
  const o: Overrides = {};
  if (b.runs !== undefined) o.runs = b.runs as number;
  if (b.seed !== undefined) o.seed = b.seed as number | string;
  if (b.days !== undefined) o.days = b.days as number;
  if (b.agents !== undefined) o.agents = b.agents as number;
  return o;
}

/** A Monte Carlo job, or a goal-seek (sequential: one job). */
export type Job = McJob | { kind: 'goalSeek'; label: string; scenario: Scenario; overrides: Overrides; spec: Parameters<typeof goalSeek>[1] };

/** The deterministic part of a batch and the jobs still to run. */
export interface Prepared {
  kind: BatchKind;
  id: string;
  skeleton: unknown;
  jobs: Job[];
}

export function prepare(b: Batch, onProgress?: (text: string) => void): Prepared {
  const o = overridesOf(b);
  const id = (b.id as string | undefined) ?? `${b.kind}`;
  const s = b.scenario as Scenario;
  switch (b.kind) {
    case 'scenarios': {
      const items = (b.items as Array<{ scenario: Scenario; label?: string; set?: Record<string, number> }>).map((it, i) => ({
        label: it.label ?? `${i + 1}. ${it.scenario.id}`,
        scenario: it.set ? (withValues(it.scenario, Object.entries(it.set)) as { ok: true; scenario: Scenario }).scenario : it.scenario,
        set: it.set ?? null,
      }));
      // One plan job per item, then one baseline job per distinct do-nothing scenario (variants that change only
      // tactics share their baseline).
      const jobs: Job[] = items.map((it): McJob => ({ kind: 'mc', label: it.label, scenario: it.scenario, overrides: o }));
      const bases = new Map<string, number>();
      const base = items.map((it) => {
        const j = baselineJob(it.scenario, o, it.label);
        const key = JSON.stringify({ ...j.scenario, id: '', name: '' });
        if (!bases.has(key)) {
          bases.set(key, jobs.length);
          jobs.push(j);
        }
        return bases.get(key)!;
      });
      return { kind: b.kind, id, skeleton: viaJson({ items: items.map((it, i) => ({ label: it.label, scenarioId: it.scenario.id, set: it.set, base: base[i]! })) }), jobs };
    }
    case 'sweep': {
      const axes = axesOf(b);
      const r = sweepPoints(s, axes);
      if (!r.ok) throw new Error('sweep points were validated');
      if (b.method === 'meanField') return { kind: b.kind, id, skeleton: viaJson(sweepMeanField(s, axes, o, r.points)), jobs: [] };
      return { kind: b.kind, id, skeleton: viaJson({ axes, points: r.points.map((p) => ({ values: p.values })) }), jobs: sweepJobs(s, axes, o, r.points) };
    }
    case 'tornado': {
      const mf = tornadoMeanField(s, b.figure as FigureKey, o, (d, n) => onProgress?.(`tornado (mean field): ${d}/${n} assumptions`));
      const top = Math.min(b.top as number, mf.bars.length);
      return { kind: b.kind, id, skeleton: viaJson({ top, meanField: mf }), jobs: top > 0 ? tornadoJobs(s, mf, top, o) : [] };
    }
    case 'goalSeek': {
      const spec = { path: b.path as string, figure: b.figure as FigureKey, target: b.target as number, probability: b.probability as number, min: b.min as number, max: b.max as number, ...(b.tolerance !== undefined && { tolerance: b.tolerance as number }) };
      return { kind: b.kind, id, skeleton: viaJson({ spec }), jobs: [{ kind: 'goalSeek', label: `${s.id} · goal-seek ${spec.path}`, scenario: s, overrides: o, spec }] };
    }
    case 'optimise': {
      const spec = optimiseSpecOf(b);
      const l = levers(s, spec, o);
      if (!l.ok) throw new Error('levers were validated');
      onProgress?.('optimiser: searching on the mean field');
      const sk = optimiseMeanField(s, spec, l.levers, l.fixedCost, o);
      return { kind: b.kind, id, skeleton: viaJson(sk), jobs: optimiseJobs(s, sk, o) };
    }
  }
}

export async function runJob(job: Job, run: Runner): Promise<unknown> {
  if (job.kind === 'mc') return runMcJob(job, run);
  return viaJson(await goalSeek(job.scenario, job.spec, job.overrides, run));
}

/** Jobs of shard `index` of `count`: k, k + count, k + 2·count, … (round robin spreads each kind of job). */
export function shardJobs(jobs: number, index: number, count: number): number[] {
  const out: number[] = [];
  for (let k = index; k < jobs; k += count) out.push(k);
  return out;
}

export interface ScenarioFigures {
  label: string;
  scenarioId: string;
  set: Record<string, number> | null;
  runs: number;
  seed: string;
  /** Per figure: spread of outcomes (p05–p95, p10) and the 90 % confidence interval of the mean (ci90). */
  figures: Partial<Record<FigureKey, Band | null>>;
}

export interface BatchResult {
  format: 'star-sandbox-batch';
  version: 1;
  id: string;
  kind: BatchKind;
  result: unknown;
}

/** The batch's result from its skeleton and the jobs' outputs (parsed JSON), in job order. */
export function assemble(p: Pick<Prepared, 'kind' | 'id' | 'skeleton'>, outputs: unknown[]): BatchResult {
  const sk = p.skeleton as Record<string, unknown>;
  let result: unknown;
  switch (p.kind) {
    case 'scenarios': {
      const items = sk.items as Array<{ label: string; scenarioId: string; set: Record<string, number> | null; base: number }>;
      result = {
        items: items.map(({ base, ...it }, i): ScenarioFigures => {
          const plan = outputs[i] as McOutput;
          const per = paired(plan, outputs[base] as McOutput);
          return { ...it, runs: plan.runs, seed: plan.seed, figures: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, band(v!)])) };
        }),
      };
      break;
    }
    case 'sweep':
      result = (sk as { method?: string }).method === 'meanField' ? sk : sweepAssemble(sk.axes as SweepAxis[], sk.points as Array<{ values: number[] }>, outputs as McOutput[]);
      break;
    case 'tornado': {
      const mf = sk.meanField as MeanFieldTornado;
      const top = sk.top as number;
      result = { meanField: mf, monteCarlo: top > 0 ? tornadoAssemble(mf, top, outputs as McOutput[]) : null };
      break;
    }
    case 'goalSeek':
      result = outputs[0] as GoalSeekResult;
      break;
    case 'optimise':
      result = optimiseAssemble(sk as unknown as OptimiseSkeleton, outputs as McOutput[]);
      break;
  }
  return { format: 'star-sandbox-batch', version: 1, id: p.id, kind: p.kind, result };
}

/** The bytes of a batch result file. */
export function resultText(r: BatchResult): string {
  return JSON.stringify(r) + '\n';
}

// ── Shards ────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface Part {
  format: 'star-sandbox-part';
  version: 1;
  /** Fingerprint of the prepared batch (skeleton and job labels): parts of different batches never merge. */
  fingerprint: string;
  shard: number;
  of: number;
  jobs: number;
  kind: BatchKind;
  id: string;
  skeleton: unknown;
  /** Outputs of this shard's jobs, by job index. */
  outputs: Record<string, unknown>;
}

/** FNV-1a 64-bit of a text, as 16 hex digits (a fingerprint, not a security measure). */
export function fingerprint(text: string): string {
  let h = 0xcbf29ce484222325n;
  const bytes = new TextEncoder().encode(text);
  for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

export function fingerprintOf(p: Prepared): string {
  return fingerprint(JSON.stringify([p.kind, p.id, p.skeleton, p.jobs.map((j) => j.label)]));
}

export async function runShard(p: Prepared, index: number, count: number, run: Runner): Promise<Part> {
  const outputs: Record<string, unknown> = {};
  for (const k of shardJobs(p.jobs.length, index, count)) outputs[k] = await runJob(p.jobs[k]!, run);
  return { format: 'star-sandbox-part', version: 1, fingerprint: fingerprintOf(p), shard: index, of: count, jobs: p.jobs.length, kind: p.kind, id: p.id, skeleton: p.skeleton, outputs };
}

/** Merge parts (in any order) into the batch result; throws with a clear message when parts are missing or mixed. */
export function mergeParts(parts: Part[]): BatchResult {
  if (parts.length === 0) throw new Error('no parts to merge');
  const first = parts[0]!;
  for (const p of parts) {
    if (p.format !== 'star-sandbox-part' || p.version !== 1) throw new Error('not a STAR Sandbox part file (format star-sandbox-part, version 1)');
    if (p.fingerprint !== first.fingerprint) throw new Error(`parts of different batches: ${first.fingerprint} and ${p.fingerprint}`);
    if (p.of !== first.of) throw new Error(`parts of ${first.of} and of ${p.of} shards cannot be merged`);
  }
  const seen = new Set<number>();
  for (const p of parts) {
    if (seen.has(p.shard)) throw new Error(`shard ${p.shard}/${p.of} given twice`);
    seen.add(p.shard);
  }
  const missing = Array.from({ length: first.of }, (_, k) => k).filter((k) => !seen.has(k));
  if (missing.length) throw new Error(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((k) => `${k}/${first.of}`).join(', ')}`);
  const outputs: unknown[] = new Array(first.jobs);
  for (const p of parts) for (const [k, v] of Object.entries(p.outputs)) outputs[Number(k)] = v;
  return assemble(first, outputs);
}

/** One machine: every job in order, each output through JSON as if read back from a part. */
export async function runBatch(p: Prepared, run: Runner, onJob?: (done: number, total: number) => void): Promise<BatchResult> {
  const outputs: unknown[] = [];
  for (const [k, j] of p.jobs.entries()) {
    outputs.push(viaJson(await runJob(j, run)));
    onJob?.(k + 1, p.jobs.length);
  }
  return assemble({ kind: p.kind, id: p.id, skeleton: viaJson(p.skeleton) }, outputs);
}

export { INCREMENTAL_FIGURES };
