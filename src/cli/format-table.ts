import type { Comparison, PairedFigure } from '../sim';
import type { MeanFieldResult } from '../sim';
import type { SimulationResult } from '../sim';
import type { Stat } from '../sim';
import type { ContributionReport } from '../sim';

type Kind = 'count' | 'money' | 'pct' | 'ratio' | 'pp';

function fmt(x: number | null | undefined, kind: Kind): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  switch (kind) {
    case 'count':
      return Math.round(x).toLocaleString('en-US');
    case 'money':
      // The sign before the currency: "-¥740,015", as accountants write it, not "¥-740,015".
      return (x < 0 && Math.round(x) !== 0 ? '-' : '') + '¥' + Math.abs(Math.round(x)).toLocaleString('en-US');
    case 'pct':
      return (x * 100).toFixed(Math.abs(x) < 0.1 ? 2 : 1) + '%';
    case 'ratio':
      return x.toFixed(2);
    case 'pp':
      // A difference of two rates: percentage points, not a percent of a percent.
      return (x * 100).toFixed(Math.abs(x) < 0.1 ? 2 : 1) + ' pp';
  }
}

function row(label: string, s: Stat | null | undefined, kind: Kind, width = 34): string {
  const mean = fmt(s?.mean, kind).padStart(16);
  const band = s ? `${fmt(s.p05, kind)} – ${fmt(s.p95, kind)}` : '';
  return `   ${label.padEnd(width)}${mean}   ${band}`;
}

/** The readable STAR summary printed by `--format table`. */
export function formatTable(r: SimulationResult, contributions?: ContributionReport): string {
  const m = r.meta;
  const s = r.star;
  const lines: string[] = [];
  lines.push(
    `STAR summary · scenario ${m.scenarioId} · seed ${m.seed} · ${m.runs} runs · ${m.days} days from ${m.startDate} · ${m.agents.toLocaleString('en-US')} agents × ${m.scale}`,
  );
  lines.push(`   ${''.padEnd(34)}${'mean'.padStart(16)}   spread of outcomes (p05 – p95 of the runs)`);
  const inc = r.incremental;
  if (inc) {
    lines.push(`The plan's effect — the plan minus doing nothing (${inc.baseline}), run by run on the same seeds`);
    const irow = (label: string, f: typeof inc.gmv, kind: Kind) => {
      const ci = f?.ci90 ? `   mean's 90% CI ${fmt(f.ci90[0], kind)} – ${fmt(f.ci90[1], kind)}` : '';
      return row(label, f, kind) + ci;
    };
    lines.push(irow('Incremental GMV', inc.gmv, 'money'));
    if (inc.margin) lines.push(irow('Incremental margin', inc.margin, 'money'));
    lines.push(irow('Incremental R5, people', inc.r5, 'count'));
    lines.push(irow('Incremental assets, people', inc.assets, 'count'));
    lines.push(irow('Incremental new buyers, people', inc.newBuyers, 'count'));
    lines.push(irow('Cost', inc.cost, 'money'));
    lines.push(irow('Incremental ROI (ΔGMV / cost)', inc.roi, 'ratio'));
    if (inc.marginRoi) lines.push(irow('Margin ROI (margin × ΔGMV / cost)', inc.marginRoi, 'ratio'));
    lines.push(irow('Cost per new buyer', inc.costPerNewBuyer, 'money'));
    lines.push('Totals — including what happens anyway (without the plan)');
  } else {
    lines.push('Totals — including what happens anyway (no do-nothing baseline was run: --no-baseline, or no tactics)');
  }
  lines.push('S  Scaling — crowd assets (R1–R5)');
  lines.push(row('Assets at start, people', s.S.assetsStart, 'count'));
  lines.push(row('Assets at end, people', s.S.assetsEnd, 'count'));
  lines.push(row('Growth rate', s.S.growthRate, 'pct'));
  lines.push(row('New assets (left R0), people', s.S.newAssets, 'count'));
  lines.push('T  Triangulating — tier structure at the end');
  for (const t of ['R1', 'R2', 'R3', 'R4', 'R5']) {
    lines.push(row(`${t} count, people`, s.T.count[t as 'R1'], 'count'));
    lines.push(row(`${t} share of assets`, s.T.shareEnd[t], 'pct'));
  }
  lines.push('A  Activating — flow rates per month (moves per month ÷ the tier’s average population)');
  for (const p of ['R0>R1', 'R1>R2', 'R2>R3', 'R3>R4', 'R4>R5', 'R5>R4', 'R4>R3', 'R3>R2', 'R2>R1', 'R1>R0']) {
    const st = s.A.rate[p];
    if (st && st.p95 > 0) lines.push(row(`${p.replace('>', ' → ')}`, st, 'pct'));
  }
  lines.push('R  Returning — value');
  lines.push(row('GMV (total)', s.R.gmv, 'money'));
  lines.push(row('Orders', s.R.orders, 'count'));
  lines.push(row('New buyers (first ever), people', s.R.newBuyers, 'count'));
  lines.push(row('Returning buyers, people', s.R.returningBuyers, 'count'));
  lines.push(row('Repeat purchases', s.R.repeatPurchases, 'count'));
  lines.push(row('Average order value', s.R.aov, 'money'));
  lines.push(row('Conversion R3 → R4 per month', s.R.conversion, 'pct'));
  lines.push(row('Repurchase rate (of buyers)', s.R.repurchaseRate, 'pct'));
  lines.push(row('Cost', s.R.cost, 'money'));
  lines.push(row('ROI, total (GMV / cost)', s.R.roi, 'ratio'));
  if (s.R.marginRoi) lines.push(row('Margin ROI, total', s.R.marginRoi, 'ratio'));
  // Longer labels (tactic ids), so a wider label column.
  const W = 62;
  lines.push('In brands’ terms (totals)');
  lines.push(row('Monthly repurchase (2+ orders in a month ÷ buyers that month)', s.R.monthlyRepurchase, 'pct', W));
  lines.push(row('Orders per monthly buyer', s.R.ordersPerMonthlyBuyer, 'ratio', W));
  for (const [y, st] of Object.entries(s.R.repurchaseWithin ?? {})) lines.push(row(`Repurchase within ${parseInt(y, 10)} × 365 days`, st, 'pct', W));
  for (const [id, ev] of Object.entries(r.events ?? {})) {
    lines.push(row(`${id}: orders per customer in an event (${ev.events})`, ev.ordersPerBuyer, 'ratio', W));
    lines.push(row(`${id}: customers with 2+ orders in an event`, ev.multiOrderShare, 'pct', W));
  }
  for (const [id, m] of Object.entries(r.tactics)) {
    for (const [k, label, kind] of [
      ['memberGmvShare', 'share of GMV by members', 'pct'],
      ['privateSalesShare', 'group members’ share of private-domain GMV', 'pct'],
      ['contactFrequencyRatio', 'contacts’ orders per buyer-month ÷ others’', 'ratio'],
      ['contactSpendRatio', 'contacts’ spend per buyer-month ÷ others’', 'ratio'],
      ['newContactMonthBuyers', 'new contacts buying within 30 days', 'pct'],
    ] as const) {
      const st = m[k];
      if (st) lines.push(row(`${id}: ${label}`, st, kind, W));
    }
  }
  lines.push('By cause');
  for (const [name, c] of Object.entries(r.byCause)) {
    if (!c.moves?.mean && !c.orders?.mean && !c.cost?.mean) continue;
    lines.push(
      `   ${name.padEnd(20)} moves ${fmt(c.moves?.mean, 'count').padStart(12)}  orders ${fmt(c.orders?.mean, 'count').padStart(10)}  GMV ${fmt(c.gmv?.mean, 'money').padStart(14)}  cost ${fmt(c.cost?.mean, 'money').padStart(12)}`,
    );
  }
  if (contributions) lines.push(...formatTacticValues(contributions));
  return lines.join('\n') + '\n';
}

/** Each tactic's Shapley value (the main per-tactic view), then its removal effect. */
export function formatTacticValues(contributions: ContributionReport): string[] {
  const lines: string[] = [];
  const ci = (f: { value: { mean: number } | null; ci90: [number, number] | null } | undefined, kind: Kind) =>
    f?.value ? `${fmt(f.value.mean, kind)} (${fmt(f.ci90?.[0], kind)} – ${fmt(f.ci90?.[1], kind)})` : '—';
  const sh = contributions.shapley;
  if (sh) {
    lines.push(
      `Incremental value of each tactic (Shapley: its share of the plan's effect against no tactics, same seeds; ` +
        `what tactics achieve together is split evenly between them, so the values add up to the plan's effect; ` +
        `in brackets the 90% confidence in the mean; ${sh.method === 'exact' ? 'exact, all' : 'permutation sampling,'} ${sh.subsets} subsets × ${sh.runs} runs)`,
    );
    for (const t of sh.tactics) {
      lines.push(
        `   ${t.id.padEnd(20)} ΔGMV ${ci(t.values['R.gmv'], 'money')}   cost ${fmt(t.values['R.cost']?.value?.mean, 'money')}   incremental ROI ${fmt(t.roi, 'ratio')}   Δassets ${ci(t.values['S.assetsEnd'], 'count')}   ΔR5 ${ci(t.values['T.count.R5'], 'count')}`,
      );
    }
    const tot = sh.total;
    lines.push(`   ${'sum = the plan'.padEnd(20)} ΔGMV ${ci(tot['R.gmv'], 'money')}   cost ${fmt(tot['R.cost']?.value?.mean, 'money')}   Δassets ${ci(tot['S.assetsEnd'], 'count')}   ΔR5 ${ci(tot['T.count.R5'], 'count')}`);
  }
  for (const c of contributions.conflicts ?? []) {
    const kind: Kind = c.figure === 'R.gmv' ? 'money' : 'count';
    lines.push(
      `   Note (${c.figure}): dropping ${c.above} loses more (${fmt(c.removal[0], kind)} against ${fmt(c.removal[1], kind)}), yet ${c.below} has the larger Shapley value ` +
        `(${fmt(c.shapley[0], kind)} against ${fmt(c.shapley[1], kind)})${c.alone ? `; alone, ${c.below} adds ${fmt(c.alone[1], kind)}` : ''}: the two overlap, ` +
        'and no credit that adds up can follow both orders. To decide whether to drop a tactic, read its removal effect.',
    );
  }
  lines.push(
    'Removal effect of each tactic (this scenario minus the same without it, same seeds: what dropping it would lose, ' +
      'including everything it does together with the others, so these need not add up; 90% confidence in the mean)',
  );
  for (const c of contributions.tactics) {
    const show = (f: PairedFigure | undefined, kind: Kind) => (f?.diff ? `${fmt(f.diff.mean, kind)} (${fmt(f.ci90?.[0], kind)} – ${fmt(f.ci90?.[1], kind)})` : '—');
    lines.push(`   ${c.id.padEnd(20)} ΔGMV ${show(c.effect['R.gmv'], 'money')}   Δassets ${show(c.effect['S.assetsEnd'], 'count')}   ΔR5 ${show(c.effect['T.count.R5'], 'count')}`);
  }
  return lines;
}

export function formatMeanField(r: MeanFieldResult): string {
  const t = r.totals;
  const d = r.meta.days;
  const lines = [
    `Mean-field projection · scenario ${r.meta.scenarioId} · ${d} days from ${r.meta.startDate} · ${r.meta.classes} trait classes`,
    ...['R0', 'R1', 'R2', 'R3', 'R4', 'R5'].map((k) => `   ${k} at end`.padEnd(37) + fmt(r.tiers[k]![d], 'count').padStart(16)),
    `   Assets at end`.padEnd(37) + fmt(t.assetsEnd, 'count').padStart(16),
    `   New assets`.padEnd(37) + fmt(t.newAssets, 'count').padStart(16),
    `   Orders`.padEnd(37) + fmt(t.orders, 'count').padStart(16),
    `   GMV`.padEnd(37) + fmt(t.gmv, 'money').padStart(16),
    `   Cost`.padEnd(37) + fmt(t.cost, 'money').padStart(16),
    `   ROI`.padEnd(37) + fmt(t.roi, 'ratio').padStart(16),
  ];
  return lines.join('\n') + '\n';
}

export function formatComparison(c: Comparison): string {
  const lines = [`Comparison · ${c.alternative} vs ${c.reference} · ${c.runs} paired runs (same seeds)`];
  const show: Array<[string, string, Kind]> = [
    ['S.assetsEnd', 'Assets at end, people', 'count'],
    ['T.count.R3', 'R3 at end, people', 'count'],
    ['T.count.R4', 'R4 at end, people', 'count'],
    ['T.count.R5', 'R5 at end, people', 'count'],
    ['R.gmv', 'GMV', 'money'],
    ['R.orders', 'Orders', 'count'],
    ['R.newBuyers', 'New buyers, people', 'count'],
    ['R.conversion', 'Conversion R3 → R4 / month', 'pct'],
    ['R.repurchaseRate', 'Repurchase rate', 'pct'],
    ['R.cost', 'Cost', 'money'],
    ['R.roi', 'ROI', 'ratio'],
  ];
  // Differences of rates are in percentage points; the rates themselves stay in %.
  const dk = (kind: Kind): Kind => (kind === 'pct' ? 'pp' : kind);
  // The interval column is as wide as its widest entry, so large money figures never run into P(alt > ref).
  const rows = show.flatMap(([key, label, kind]) => {
    const f = c.figures[key];
    return f ? [{ label, kind, f, ci: f.ci90 ? `${fmt(f.ci90[0], dk(kind))} – ${fmt(f.ci90[1], dk(kind))}` : '—' }] : [];
  });
  const ciWidth = Math.max(24, ...rows.map((r) => r.ci.length + 3));
  lines.push(`   ${''.padEnd(30)}${'reference'.padStart(16)}${'alternative'.padStart(16)}${'Δ mean'.padStart(16)}   ${"mean Δ's 90% CI".padEnd(ciWidth)}P(alt > ref)`);
  for (const { label, kind, f, ci } of rows) {
    lines.push(`   ${label.padEnd(30)}${fmt(f.a?.mean, kind).padStart(16)}${fmt(f.b?.mean, kind).padStart(16)}${fmt(f.diff?.mean, dk(kind)).padStart(16)}   ${ci.padEnd(ciWidth)}${fmt(f.pBgtA, 'pct')}`);
  }
  return lines.join('\n') + '\n';
}
