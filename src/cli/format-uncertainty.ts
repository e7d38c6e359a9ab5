import type { SimulationResult } from '../sim';
import type { IncrementalFigure } from '../sim';

type Kind = 'count' | 'money' | 'ratio';

function fmt(x: number | null | undefined, kind: Kind): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  if (kind === 'ratio') return x.toFixed(2);
  const r = Math.round(x);
  return kind === 'money' ? (r < 0 ? '-' : '') + '¥' + Math.abs(r).toLocaleString('en-US') : r.toLocaleString('en-US');
}

const ROWS: Array<[string, string, Kind]> = [
  ['incremental.gmv', 'Incremental GMV', 'money'],
  ['incremental.assets', 'Incremental assets, people', 'count'],
  ['incremental.r5', 'Incremental R5, people', 'count'],
  ['incremental.roi', 'Incremental ROI (ΔGMV / cost)', 'ratio'],
  ['R.gmv', 'GMV (total)', 'money'],
  ['S.assetsEnd', 'Assets at end (total), people', 'count'],
  ['T.count.R5', 'R5 at end (total), people', 'count'],
  ['R.cost', 'Cost', 'money'],
];

const spread = (f: IncrementalFigure | null, k: Kind) => (f ? `${fmt(f.p05, k)} – ${fmt(f.p95, k)}` : '—');
const ci = (f: IncrementalFigure | null, k: Kind) => (f?.ci90 ? `${fmt(f.ci90[0], k)} – ${fmt(f.ci90[1], k)}` : '—');

/**
 * The table's uncertainty section: each headline figure's spread of outcomes (p05–p95 of the runs) with simulation
 * noise alone and with noise + assumptions (the headline), and the 90 % confidence interval of its mean under both;
 * with `drivers`, the assumptions that drive the spread, ranked by PRCC. Empty when no parameter was drawn.
 */
export function formatUncertainty(r: SimulationResult, drivers: boolean): string {
  const u = r.uncertainty;
  if (!u || u.drawn === 0) return '';
  const lines: string[] = [
    '',
    `Uncertainty — each run drew ${u.drawn} assumed parameters from their plausible ranges; the intervals above include them`,
    `   ${''.padEnd(34)}${'spread of outcomes (p05 – p95 of the runs)'.padEnd(56)}mean's 90% CI (± t·sd/√n)`,
    `   ${''.padEnd(34)}${'noise only'.padEnd(28)}${'noise + assumptions'.padEnd(28)}${'noise only'.padEnd(28)}noise + assumptions`,
  ];
  for (const [key, label, kind] of ROWS) {
    const f = u.figures[key];
    if (!f) continue;
    lines.push(`   ${label.padEnd(34)}${spread(f.noise, kind).padEnd(28)}${spread(f.assumptions, kind).padEnd(28)}${ci(f.noise, kind).padEnd(28)}${ci(f.assumptions, kind)}`);
  }
  if (drivers) {
    const names: Record<string, string> = { gmv: r.incremental ? 'incremental GMV' : 'GMV', assets: r.incremental ? 'incremental assets' : 'assets', r5: r.incremental ? 'incremental R5' : 'R5' };
    for (const [fig, list] of Object.entries(u.drivers)) {
      lines.push('', `What drives the spread of ${names[fig] ?? fig} — partial rank correlation (PRCC) with each assumption's draws; Spearman where not screened`);
      for (const d of list) {
        const v = d.prcc ?? d.rho;
        const bar = '█'.repeat(Math.round(Math.abs(v) * 20));
        lines.push(`   ${(d.prcc === null ? 'ρ ' : '') + (v >= 0 ? '+' : '') + v.toFixed(2)}`.padEnd(12) + `${bar.padEnd(21)}${((d.tactic ? d.tactic + ' · ' : '') + d.label.en).slice(0, 80)}  (${d.path})`);
      }
    }
  }
  return lines.join('\n') + '\n';
}
