import { INDUSTRIES, type IndustryId } from './industries';
import type { Scenario } from './types';

/**
 * Apply an industry preset to a scenario: its baseline flows, repeat model parameters (keeping the scenario's choice
 * of simple or BG/NBD), order values, margin and seasonality, and the industry-dependent parameters of its tactics
 * (customers' price sensitivity for coupons, the consultation weight for guides). Everything else — the market, the
 * tactics and their schedules — stays as it is.
 */
export function applyIndustry(s: Scenario, id: IndustryId): Scenario {
  const ind = INDUSTRIES[id];
  const out = structuredClone(s);
  out.industry = id;
  out.baseline.forward = { ...ind.forward };
  out.baseline.reverse = { ...ind.reverse };
  out.baseline.repeat = ind.repeat;
  out.baseline.repeatModel = s.baseline.repeatModel.kind === 'bgnbd' ? { kind: 'bgnbd', ...ind.bgnbd } : { kind: 'simple' };
  out.baseline.orderValue = { ...ind.orderValue };
  out.margin = ind.margin;
  out.seasonality = id === 'custom' ? 'none' : 'industry';
  // The whitepaper's consultation factor (1–5, 3 = average) scales what a guide's consultation achieves.
  const consultation = ind.factors.consultation / 3;
  out.tactics = out.tactics.map((t) => {
    if (t.type === 'coupons') return { ...t, priceSensitivity: ind.priceSensitivity };
    if (t.type === 'guides') return { ...t, consultationWeight: Number(consultation.toFixed(2)) };
    return t;
  });
  return out;
}
