import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scenarioJson } from '../helpers';

const root = join(import.meta.dirname, '..', '..');
function sim(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/node-entry.mjs'), 'src/cli/main.ts', ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'star-cli-'));
  file = join(dir, 'scenario.json');
  writeFileSync(
    file,
    JSON.stringify(
      scenarioJson({
        days: 40,
        runs: 5,
        population: { agents: 3000, scale: 10, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true },
        tactics: [{ id: 'ads', type: 'ads', schedule: { weekly: ['sat', 'sun'] }, dailySpend: 1000 }],
      }),
    ),
  );
});

describe('command line', () => {
  it('prints a readable STAR summary and exits 0', () => {
    const r = sim(file, '--quiet');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^STAR summary · scenario test · seed 11 · 5 runs · 40 days/);
    expect(r.out).toMatch(/S {2}Scaling/);
    expect(r.out).toMatch(/R {2}Returning/);
    expect(r.err).toBe('');
  });

  it('gives byte-identical JSON whatever the number of workers, with flags overriding the file', () => {
    const one = sim(file, '--format', 'json', '--workers', '1', '--runs', '4', '--seed', '99', '--quiet');
    const two = sim(file, '--format', 'json', '--workers', '2', '--runs', '4', '--seed', '99', '--quiet');
    const three = sim(file, '--format', 'json', '--workers', '3', '--runs', '4', '--seed', '99', '--quiet');
    expect(one.code).toBe(0);
    expect(one.out).toBe(two.out);
    expect(one.out).toBe(three.out);
    const result = JSON.parse(one.out);
    expect(result.meta).toMatchObject({ scenarioId: 'test', seed: '99', runs: 4, days: 40, agents: 3000, scale: 10 });
    expect(result.daily.tiers.R5.mean).toHaveLength(41);
    expect(result.daily.gmv.p95).toHaveLength(40);
    expect(result.flows.moves).toHaveLength(6);
    expect(Object.keys(result.byCause)).toEqual(['baseline', 'decay', 'wordOfMouth', 'ads']);
  });

  it('different text seeds give different results; the same text seed gives the same bytes', () => {
    const run = (seed: string) => sim(file, '--format', 'json', '--runs', '2', '--days', '15', '--agents', '1000', '--seed', seed, '--quiet');
    const [a, again, b] = [run('spring'), run('spring'), run('autumn')];
    expect(a.code).toBe(0);
    expect(JSON.parse(a.out).meta.seed).toBe('spring');
    expect(JSON.parse(b.out).meta.seed).toBe('autumn');
    expect(again.out).toBe(a.out);
    expect(JSON.parse(b.out).daily.tiers).not.toEqual(JSON.parse(a.out).daily.tiers);
  });

  it('writes CSV to a file with --out', () => {
    const out = join(dir, 'figures.csv');
    const r = sim(file, '--format', 'csv', '--out', out, '--quiet', '--days', '20', '--agents', '1000');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('figure,mean,sd,p05,p50,p95');
    expect(csv).toMatch(/\nstar\.R\.gmv,\d/);
  });

  it('prints the mean-field projection with --mean-field', () => {
    const r = sim(file, '--mean-field');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Mean-field projection/);
  });

  it('compares two scenarios on the same seeds', () => {
    const b = join(dir, 'b.json');
    const s = JSON.parse(readFileSync(file, 'utf8'));
    s.tactics = [];
    writeFileSync(b, JSON.stringify(s));
    const r = sim(file, '--compare', b, '--quiet', '--runs', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Comparison · test vs test · 3 paired runs/);
  });

  it('compares a scenario with its do-nothing baseline', () => {
    const r = sim(file, '--baseline', '--quiet', '--runs', '3', '--format', 'json');
    expect(r.code).toBe(0);
    const c = JSON.parse(r.out);
    expect(c.reference).toBe('test--do-nothing');
    expect(c.figures['R.cost'].a.mean).toBe(0);
    expect(c.figures['R.cost'].diff.mean).toBeGreaterThan(0);
  });

  it('--contributions: each tactic’s Shapley value adds up to the plan’s incremental GMV; removal effects too', () => {
    const two = join(dir, 'two.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    spec.tactics.push({ id: 'content', type: 'content' });
    writeFileSync(two, JSON.stringify(spec));
    const r = sim(two, '--contributions', '--quiet', '--runs', '3', '--format', 'json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    const sh = out.contributions.shapley;
    expect(sh.method).toBe('exact');
    expect(sh.subsets).toBe(4);
    expect(sh.tactics.map((t: { id: string }) => t.id)).toEqual(['ads', 'content']);
    const sum = sh.tactics.reduce((s: number, t: { values: Record<string, { value: { mean: number } }> }) => s + t.values['R.gmv']!.value.mean, 0);
    const want = out.incremental.gmv.mean;
    expect(Math.abs(want)).toBeGreaterThan(0);
    expect(Math.abs(sum - want)).toBeLessThanOrEqual(1e-5 * Math.abs(want));
    expect(out.contributions.tactics.map((t: { id: string }) => t.id)).toEqual(['ads', 'content']);
    const table = sim(two, '--contributions', '--quiet', '--runs', '3');
    expect(table.out).toMatch(/Incremental value of each tactic \(Shapley/);
    expect(table.out).toMatch(/sum = the plan/);
    expect(table.out).toMatch(/Removal effect of each tactic/);
  });

  it.each([
    [[], /no scenario file given/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['FILE', '--runs', 'lots'], /--runs needs a whole number from 1 to 10000, got "lots"/],
    [['FILE', '--runs', '0'], /--runs must be from 1 to 10000, got 0/],
    [['FILE', '--format', 'xml'], /--format must be json, table or csv/],
    [['FILE', '--workers'], /--workers needs a value/],
    [['FILE', 'other.json'], /one scenario file expected, got 2/],
    [['FILE', '--mean-field', '--contributions'], /cannot be combined/],
    [['FILE', '--baseline', '--compare', 'x.json'], /cannot be combined/],
  ])('usage error %j exits 2 with a message and the usage', (args, message) => {
    const r = sim(...args.map((a) => (a === 'FILE' ? file : a)));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/usage: npm run sim/);
    expect(r.out).toBe('');
  });

  it('an invalid scenario exits 2 naming every bad field, without a stack trace', () => {
    const bad = join(dir, 'bad.json');
    const s = JSON.parse(readFileSync(file, 'utf8'));
    s.population.initial.R0 = 0.9;
    s.days = 0;
    writeFileSync(bad, JSON.stringify(s));
    const r = sim(bad);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/population\.initial: shares sum to 1\.4, expected 1/);
    expect(r.err).toMatch(/days: 0 is out of range/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('a missing file exits 2', () => {
    const r = sim(join(dir, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read scenario file .*nope\.json: no such file/);
  });

  it('a failure that is not the input’s fault exits 1 (output path is a directory)', () => {
    const r = sim(file, '--quiet', '--runs', '1', '--days', '5', '--out', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^internal error: .*EISDIR/);
  });

  it('--help prints the usage and exits 0', () => {
    const r = sim('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/usage: npm run sim/);
  });
});
