import type { EngineConfig } from '../../src/sim/config';
import type { Summary } from '../../src/sim/results/summary';
import { runAll } from '../helpers';
import { FIGURES, type CalibrationFigure } from './figures';

/** Within ×1.5 of the reported value, or of a reported range's ends. */
export function withinTolerance(model: number, value: number | [number, number], factor = 1.5): boolean {
  const [lo, hi] = Array.isArray(value) ? value : [value, value];
  return model >= lo / factor && model <= hi * factor;
}

/** Model ÷ reported (the range's nearer end for a range; 1 inside it). */
export function ratioTo(model: number, value: number | [number, number]): number {
  if (!Array.isArray(value)) return model / value;
  const [lo, hi] = value;
  return model < lo ? model / lo : model > hi ? model / hi : 1;
}

/** A runner that simulates each distinct config once (figures share scenarios). */
export function cachedRunner(): (c: EngineConfig) => Summary {
  const cache = new Map<string, Summary>();
  return (c) => {
    const key = JSON.stringify(c);
    let s = cache.get(key);
    if (!s) cache.set(key, (s = runAll(c)));
    return s;
  };
}

export interface CalibrationRow {
  figure: CalibrationFigure;
  model: number | null;
  ratio: number | null;
  within: boolean | null;
}

export function calibrationRows(run = cachedRunner()): CalibrationRow[] {
  return FIGURES.map((figure) => {
    if (!figure.measure || figure.value === undefined) return { figure, model: null, ratio: null, within: null };
    const model = figure.measure(run);
    return { figure, model, ratio: ratioTo(model, figure.value), within: withinTolerance(model, figure.value) };
  });
}

function fmt(x: number, unit: CalibrationFigure['unit']): string {
  if (unit === 'share') return `${(x * 100).toPrecision(3)} %`;
  return x.toPrecision(3);
}

/** docs/calibration.md: every figure, its source, scenario, the model's figure, the ratio and the verdict. */
export function calibrationMarkdown(rows: CalibrationRow[]): string {
  const verdict = (f: CalibrationFigure) =>
    f.verdict.kind === 'match' ? 'match (within ×1.5)' : f.verdict.kind === 'gap' ? `**gap**: ${f.verdict.why}` : f.verdict.kind === 'input' ? `input: sets \`${f.verdict.parameter}\`` : `not compared: ${f.verdict.why}`;
  const value = (f: CalibrationFigure) => (f.value === undefined ? '—' : Array.isArray(f.value) ? `${fmt(f.value[0], f.unit)} – ${fmt(f.value[1], f.unit)}` : fmt(f.value, f.unit));
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '| source | reported | value | scenario | model figure | model | model ÷ reported | verdict |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => {
      const f = r.figure;
      return `| [${f.id}](sources.md#${f.id}) | ${cell(f.reported)} | ${value(f)} | ${cell(f.scenario ?? '—')} | ${cell(f.measures ?? '—')} | ${r.model === null ? '—' : fmt(r.model, f.unit)} | ${r.ratio === null ? '—' : r.ratio.toFixed(2)} | ${cell(verdict(f))} |`;
    }),
  ];
  return lines.join('\n');
}
