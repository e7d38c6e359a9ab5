/**
 * Batches on the command line: `npm run sim -- batch.json [--out result.json]` runs a batch file (src/planner/batch.ts)
 * and prints a summary table; `--shard i/n --out part-i.json` runs only shard i of n and writes a part file;
 * `npm run merge -- part-*.json --out result.json` (src/cli/merge.ts) joins the parts into the bytes one machine writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { formatErrors, parseScenarioText } from '../scenario/parse';
import { validateBatch, prepare, runBatch, runShard, resultText, type BatchResult, type ScenarioLoader } from '../planner/batch';
import type { Runner } from '../planner/jobs';
import { figureUnit, type FigureKey } from '../planner/figures';
import type { Band } from '../planner/jobs';
import { LIMITS } from '../scenario/limits';

export class BatchInputError extends Error {}

/** Is this parsed file a batch (it has a top-level "batch" field) rather than a scenario? */
export function isBatch(value: unknown): boolean {
  return !!value && typeof value === 'object' && !Array.isArray(value) && 'batch' in value;
}

export function loadBatch(file: string, value: unknown) {
  const base = dirname(resolve(file));
  const load: ScenarioLoader = (name) => {
    let text: string;
    try {
      text = readFileSync(resolve(base, name), 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { ok: false, message: `cannot read scenario file ${name}: ${code === 'ENOENT' ? 'no such file' : code ?? String(e)}` };
    }
    const r = parseScenarioText(text);
    return r.ok ? r : { ok: false, message: `${name} is not a valid scenario: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}` };
  };
  const r = validateBatch(value, load);
  if (!r.ok) throw new BatchInputError(`${file} is not a valid batch:\n${formatErrors(r.errors)}`);
  return r.batch;
}

export interface BatchCliOptions {
  out?: string;
  shard?: { index: number; count: number };
  format: 'json' | 'table' | 'csv';
  quiet: boolean;
}

export async function runBatchCli(file: string, value: unknown, o: BatchCliOptions, run: Runner): Promise<string> {
  const batch = loadBatch(file, value);
  const say = (t: string) => {
    if (!o.quiet) process.stderr.write(t + '\n');
  };
  const p = prepare(batch, o.quiet ? undefined : (t) => process.stderr.write(`\r${t}   `));
  if (!o.quiet) process.stderr.write('\n');
  const runs = (batch.runs as number | undefined) ?? 0;
  const agents = (batch.agents as number | undefined) ?? 0;
  if (runs * agents * ((batch.days as number | undefined) ?? 0) * Math.max(1, p.jobs.length) > LIMITS.work * 50) say('warning: this batch is large; consider --shard over several machines');
  if (o.shard) {
    const part = await runShard(p, o.shard.index, o.shard.count, run);
    writeFileSync(o.out!, JSON.stringify(part) + '\n');
    return `shard ${o.shard.index}/${o.shard.count}: ${Object.keys(part.outputs).length} of ${p.jobs.length} jobs written to ${o.out}\n`;
  }
  const result = await runBatch(p, run, (d, n) => say(`batch ${p.id}: job ${d}/${n} done`));
  const text = resultText(result);
  if (o.out) writeFileSync(o.out, text);
  if (o.format === 'json') return o.out ? '' : text;
  return formatBatch(result) + (o.out ? `\nJSON written to ${o.out}\n` : '');
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en-US') : String(Math.round(x * 1000) / 1000));
const bandText = (b: Band | null | undefined) => (b ? `${fmt(b.mean)}  [${fmt(b.p05)} … ${fmt(b.p95)}]` : '—');

/** The summary table of a batch result (a few lines per kind). */
export function formatBatch(r: BatchResult): string {
  const lines: string[] = [`STAR Sandbox batch · ${r.id} · ${r.kind}`];
  const res = r.result as Record<string, any>;
  const note = (k: FigureKey) => `${k} (${figureUnit(k)})`;
  switch (r.kind) {
    case 'scenarios':
      lines.push('mean [p05 … p95 of runs]; incremental = vs do nothing on the same seeds', '');
      for (const it of res.items) {
        lines.push(`${it.label} · ${it.runs} runs · seed ${it.seed}`);
        for (const k of ['incremental.gmv', 'incremental.margin', 'incremental.r5', 'incremental.assets', 'cost'] as FigureKey[]) lines.push(`  ${note(k).padEnd(78)} ${bandText(it.figures[k])}`);
      }
      break;
    case 'sweep': {
      const axes = res.axes.map((a: { path: string }) => a.path).join(' × ');
      lines.push(`${axes} · ${res.method === 'meanField' ? 'mean field (expected values)' : `Monte Carlo, ${res.runs} runs, mean [p05 … p95 of runs]`}`, '');
      lines.push(['values'.padEnd(24), 'Δ GMV (yuan)'.padStart(18), 'Δ R5 (people)'.padStart(16), 'Δ assets (people)'.padStart(18), 'cost (yuan)'.padStart(16)].join(''));
      for (const pt of res.points) {
        const v = (k: FigureKey) => (res.method === 'meanField' ? fmt(pt.figures[k]) : fmt(pt.figures[k]?.mean));
        lines.push([pt.values.join(', ').padEnd(24), v('incremental.gmv').padStart(18), v('incremental.r5').padStart(16), v('incremental.assets').padStart(18), v('cost').padStart(16)].join(''));
      }
      break;
    }
    case 'tornado': {
      const mf = res.meanField;
      lines.push(`${note(mf.figure)} · stated values: ${fmt(mf.atMode)} (mean field)`, 'assumption: figure at low … high end of its plausible range (others held), swing', '');
      for (const b of mf.bars.slice(0, 12)) lines.push(`  ${b.path.padEnd(52)} ${fmt(b.atLow).padStart(14)} … ${fmt(b.atHigh).padEnd(14)} swing ${fmt(b.swing)}`);
      if (res.monteCarlo) {
        lines.push('', `Monte Carlo (${res.monteCarlo.runs} runs, same seeds, noise only): swing = mean of paired high − low [90 % confidence interval of the mean]`);
        for (const b of res.monteCarlo.bars) lines.push(`  ${b.path.padEnd(52)} ${fmt(b.swing?.mean)} [${fmt(b.swing?.ci90?.[0])} … ${fmt(b.swing?.ci90?.[1])}]`);
      }
      break;
    }
    case 'goalSeek':
      lines.push(`least ${res.path} with P(${res.figure} ≥ ${fmt(res.target)}) ≥ ${res.probability} · ${res.runs} runs per try, same seeds`);
      if (res.status === 'unreachable') lines.push(`not reached even at the largest value tried: P = ${res.evaluations[0].p}`);
      else lines.push(`answer: ${fmt(res.answer)}${res.status === 'atMin' ? ' (reached already at min)' : ''} · P there ${res.pAtAnswer.p} [90 % Wilson interval ${res.pAtAnswer.ci90[0]} … ${res.pAtAnswer.ci90[1]}]`);
      lines.push(`tries: ${res.evaluations.map((e: { value: number; p: number }) => `${fmt(e.value)} → ${e.p}`).join(' · ')}`);
      lines.push(`P rose with the field: ${res.monotone.strict ? 'always' : `not always (largest fall ${res.monotone.largestDrop}, ${res.monotone.withinError ? 'within' : 'beyond'} Monte Carlo error)`}`);
      break;
    case 'optimise': {
      lines.push(`objective ${note(res.figure)} · budget ${fmt(res.budget)} yuan (fixed costs ${fmt(res.fixedCost)}) · risk ${res.risk.kind}${res.risk.kind === 'lossCap' ? ` ≤ ${res.risk.maxLossProbability}` : ''}`);
      lines.push(`tactic budgets (yuan): ${res.levers.map((l: { id: string }) => l.id).join(' · ')}`, '');
      lines.push(`mean-field optimum: ${res.meanField.allocation.map(fmt).join(' · ')} → ${fmt(res.meanField.value)} (projected cost ${fmt(res.meanField.cost)})`);
      lines.push(`your plan:          ${res.own.allocation.map(fmt).join(' · ')} → ${fmt(res.own.value)} (projected cost ${fmt(res.own.cost)})`);
      lines.push('', `Monte Carlo, ${res.runs} runs, same seeds: objective mean [p10] · P(loss)`);
      lines.push(`  your plan  ${bandText(res.ownConfirmed.objective)} [p10 ${fmt(res.ownConfirmed.objective?.p10)}] · ${res.ownConfirmed.pLoss.p}`);
      res.confirmed.forEach((c: any, k: number) => lines.push(`  ${k === res.chosen ? '→' : ' '} cand. ${k + 1}  ${c.allocation.map(fmt).join(' · ')}: ${bandText(c.objective)} [p10 ${fmt(c.objective?.p10)}] · ${c.pLoss.p}`));
      if (res.vsOwnPlan) lines.push('', `chosen − your plan (paired): ${fmt(res.vsOwnPlan.mean)} [90 % confidence interval of the mean ${fmt(res.vsOwnPlan.ci90?.[0])} … ${fmt(res.vsOwnPlan.ci90?.[1])}]`);
      else lines.push('', 'no candidate meets the loss cap');
      lines.push('', 'efficient frontier (mean field): budget → objective');
      for (const f of res.frontier) lines.push(`  ${fmt(f.budget).padStart(14)} → ${fmt(f.value).padStart(14)}   ${f.allocation.map(fmt).join(' · ')}`);
      break;
    }
  }
  return lines.join('\n') + '\n';
}
