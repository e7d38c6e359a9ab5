import { describe, expect, it } from 'vitest';
import { scenario } from '../helpers';
import { applyIndustry } from '../../src/scenario/apply-industry';
import { INDUSTRIES, INDUSTRY_IDS } from '../../src/scenario/industries';
import { validateScenario } from '../../src/scenario/parse';

describe('applying an industry preset', () => {
  const s = scenario({ tactics: [{ id: 'c', type: 'coupons' }, { id: 'g', type: 'guides' }, { id: 'a', type: 'ads' }] });

  it.each(INDUSTRY_IDS)('%s gives a valid scenario with the industry’s flows and tactic parameters', (id) => {
    const out = applyIndustry(s, id);
    expect(validateScenario(out).ok).toBe(true);
    expect(out.baseline.forward).toEqual(INDUSTRIES[id].forward);
    expect(out.baseline.orderValue).toEqual(INDUSTRIES[id].orderValue);
    expect(out.tactics.find((t) => t.type === 'coupons')!.priceSensitivity).toBe(INDUSTRIES[id].priceSensitivity);
    expect(out.tactics.find((t) => t.type === 'ads')).toEqual(s.tactics.find((t) => t.type === 'ads'));
    expect(out.population).toEqual(s.population);
  });

  it('keeps the scenario’s repeat model kind, with the industry’s BG/NBD parameters', () => {
    const bg = scenario({ baseline: { ...s.baseline, repeatModel: { kind: 'bgnbd', r: 1, alpha: 1, a: 2, b: 2 } } });
    expect(applyIndustry(bg, 'supermarket').baseline.repeatModel).toEqual({ kind: 'bgnbd', ...INDUSTRIES.supermarket.bgnbd });
    expect(applyIndustry(s, 'supermarket').baseline.repeatModel).toEqual({ kind: 'simple' });
  });

  it('supermarket customers are more price-sensitive than 3C buyers; beauty wants more consultation than supermarkets', () => {
    const coupon = (id: Parameters<typeof applyIndustry>[1]) => applyIndustry(s, id).tactics.find((t) => t.type === 'coupons')!.priceSensitivity as number;
    const consult = (id: Parameters<typeof applyIndustry>[1]) => applyIndustry(s, id).tactics.find((t) => t.type === 'guides')!.consultationWeight as number;
    expect(coupon('supermarket')).toBeGreaterThan(coupon('electronics'));
    expect(consult('beauty')).toBeGreaterThan(consult('supermarket'));
  });

  it('seasonality follows the industry (none for custom); reverse flows, repeat and margin are the industry’s', () => {
    const beauty = applyIndustry(s, 'beauty');
    expect(beauty.seasonality).toBe('industry');
    expect(beauty.baseline.reverse).toEqual(INDUSTRIES.beauty.reverse);
    expect(beauty.baseline.reverse).not.toBe(INDUSTRIES.beauty.reverse);
    expect(beauty.baseline.repeat).toBe(INDUSTRIES.beauty.repeat);
    expect(beauty.margin).toBe(INDUSTRIES.beauty.margin);
    expect(applyIndustry(scenario({ seasonality: 'industry' }), 'custom').seasonality).toBe('none');
  });

  it('a guide’s consultation weight is the whitepaper’s consultation factor over 3 (average), to 2 decimals', () => {
    const w = (id: Parameters<typeof applyIndustry>[1]) => applyIndustry(s, id).tactics.find((t) => t.type === 'guides')!.consultationWeight;
    // The presets' consultation factors (1–5): beauty 5, apparel 4, supermarket 1.
    expect(w('beauty')).toBe(1.67);
    expect(w('apparel')).toBe(1.33);
    expect(w('supermarket')).toBe(0.33);
  });

  it('does not change the scenario it was given', () => {
    const before = structuredClone(s);
    applyIndustry(s, 'beauty');
    expect(s).toEqual(before);
  });
});
