import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText } from '../../src/scenario/parse';
import { checkConfig, formatGoldenChange, goldenDiff, goldenSummary } from '../../src/scenario/golden';
import { doNothing } from '../../src/scenario/variants';
import { compileScenario } from '../../src/scenario/compile';
import { runMeanField } from '../../src/sim/projection/meanfield';
import { runDigests } from '../../src/sim/batch';
import { Summary } from '../../src/sim/results/summary';
import type { SimulationResult } from '../../src/sim/results/result';
import type { Scenario } from '../../src/scenario/types';
import { isMassDrop } from '../../src/sim/tactics/coupons';

const dir = join(import.meta.dirname, '../../scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

function load(file: string): Scenario {
  const r = parseScenarioText(readFileSync(join(dir, file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.errors)}`);
  return r.scenario;
}

const results = new Map<string, SimulationResult>();
function result(file: string): SimulationResult {
  if (!results.has(file)) {
    const cfg = checkConfig(load(file));
    const s = new Summary(cfg);
    for (const d of runDigests(cfg, 0, cfg.runs)) s.add(d);
    results.set(file, s.result());
  }
  return results.get(file)!;
}

describe.each(files)('preset %s', (file) => {
  it('parses, has bilingual texts and sources, and its id matches the file name', () => {
    const s = load(file);
    expect(s.id).toBe(file.replace(/\.json$/, ''));
    for (const text of [s.name, s.description]) {
      expect(typeof text === 'object' && text.en && text.zh, `${file}: name and description need en and zh`).toBeTruthy();
    }
    expect(s.sources.length).toBeGreaterThan(0);
  });

  it('runs, and its do-nothing baseline runs on the same seeds', () => {
    const r = result(file);
    expect(r.meta.runs).toBe(3);
    expect(r.daily.tiers.R1.mean.length).toBe(r.meta.days + 1);
    const base = doNothing(load(file));
    expect(base.tactics).toEqual([]);
    expect(base.seed).toBe(load(file).seed);
    expect(runMeanField(compileScenario(base, { agents: 2000 })).assets.length).toBe(r.meta.days + 1);
  });

  it('matches its golden summary (see what moved with `npm run golden:update`; save with `-- --write`)', () => {
    const golden = JSON.parse(readFileSync(join(import.meta.dirname, '../golden', file), 'utf8'));
    // Name the preset and every figure that moved, not just "objects differ".
    const moved = goldenDiff(golden, goldenSummary(result(file))).map((c) => `${file} ${formatGoldenChange(c)}`);
    expect(moved).toEqual([]);
  });
});

/**
 * Plausibility against the brands' reported figures (docs/sources.md): each check states its range and where it comes from. These are operators'
 * own figures, so the ranges are wide; what they catch is a preset or tactic that produces something no brand reports.
 */
describe('preset outputs are plausible against the reported figures (docs/sources.md)', () => {
  const all = () => files.map((f) => ({ file: f, r: result(f) }));
  const tacticsOfType = (type: string) =>
    all().flatMap(({ file, r }) => load(file).tactics.filter((t) => t.type === type).map((t) => ({ file, id: t.id, m: r.tactics[t.id]! })));

  it('group members buy about 1.3× as often as other buyers (range 1.1–1.8; docs/sources.md#groups-luckin-frequency-30: Luckin Coffee, +30 % monthly frequency, +28 % weekly repurchasing users)', () => {
    const m = result('teaching-community-groups.json').tactics['wecom-groups']!;
    expect(m.memberRepeatRatio!.mean).toBeGreaterThan(1.1);
    expect(m.memberRepeatRatio!.mean).toBeLessThan(1.8);
  });

  it('livestreams convert a few percent of viewers (range 1–10 %; docs/sources.md#live-furniture-3, #live-travel-retail-7-6: 3 % a furniture brand, 7.6 % Lvgou travel retail)', () => {
    const lives = tacticsOfType('livestream');
    expect(lives.length).toBeGreaterThan(2);
    for (const { file, m } of lives) {
      expect(m.viewerConversion!.mean, file).toBeGreaterThan(0.01);
      expect(m.viewerConversion!.mean, file).toBeLessThan(0.1);
    }
  });

  it('paid ads cost tens of yuan per person engaged or acquired (range ¥10–100; docs/sources.md#ads-petfood-20-per-person: Yuanben cat food, more than ¥20 per person acquired)', () => {
    const ads = tacticsOfType('ads');
    expect(ads.length).toBeGreaterThan(1);
    for (const { file, m } of ads) {
      expect(m.costPerEngaged!.mean, file).toBeGreaterThan(10);
      expect(m.costPerEngaged!.mean, file).toBeLessThan(100);
    }
  });

  it('of the accounts fission brings, 10–20 % are fake (docs/sources.md#fission-fake-10-20)', () => {
    for (const { file, m } of tacticsOfType('referral')) {
      const share = m.fake!.mean / (m.invited!.mean + m.fake!.mean);
      expect(share, file).toBeGreaterThan(0.08);
      expect(share, file).toBeLessThan(0.22);
    }
  });

  it('groups never exceed WeCom’s 500 cap, and stay within their capacity (docs/sources.md#groups-size-40-200)', () => {
    for (const { file, m } of tacticsOfType('communityGroups')) {
      expect(m.averageGroupSize!.mean, file).toBeLessThanOrEqual(500);
    }
  });

  it('coupons dropped on everyone redeem 0.5–15 % of those issued, claimed or targeted ones 5–60 % (assumption: no redemption rates are published, docs/sources.md#gaps-not-published; operators expect a mass drop to redeem in single digits)', () => {
    let mass = 0;
    let targeted = 0;
    for (const { file, id, m } of tacticsOfType('coupons')) {
      const t = checkConfig(load(file)).tactics.find((x) => x.id === id)!;
      const [lo, hi] = isMassDrop(t.params as Parameters<typeof isMassDrop>[0]) ? (mass++, [0.005, 0.15]) : (targeted++, [0.05, 0.6]);
      expect(m.redemptionRate!.mean, `${file} ${id}`).toBeGreaterThan(lo);
      expect(m.redemptionRate!.mean, `${file} ${id}`).toBeLessThan(hi);
    }
    expect(mass).toBeGreaterThan(2);
    expect(targeted).toBeGreaterThan(2);
  });

  it('3C buys rarely and supermarkets often: the repurchase ordering the whitepaper states holds', () => {
    const electronics = result('electronics-product-launch.json').star.R.repurchaseRate!.mean;
    const supermarket = result('supermarket-omnichannel-growth.json').star.R.repurchaseRate!.mean;
    const beauty = result('beauty-omnichannel-acquisition.json').star.R.repurchaseRate!.mean;
    expect(electronics).toBeLessThan(beauty);
    expect(beauty).toBeLessThan(supermarket);
  });

  it('every plan brings back more GMV than it costs, but not absurdly: incremental ROI (ΔGMV against doing nothing, same seeds, ÷ cost) 1–40', () => {
    for (const { file, r } of all()) {
      const s = load(file);
      if (s.tactics.length === 0) continue;
      const base = new Summary(checkConfig(doNothing(s)));
      for (const d of runDigests(checkConfig(doNothing(s)), 0, r.meta.runs)) base.add(d);
      const roi = (r.star.R.gmv!.mean - base.result().star.R.gmv!.mean) / r.star.R.cost!.mean;
      expect(roi, file).toBeGreaterThan(1);
      expect(roi, file).toBeLessThan(40);
    }
  });
});
