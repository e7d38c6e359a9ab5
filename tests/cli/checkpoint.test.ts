import { describe, expect, it, beforeAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fnv64 } from '../../src/lib/hash';
import { scenarioJson } from '../helpers';

/**
 * `npm run sim -- FILE --stop-at D --save-state S` then `--resume S`: the same result JSON, byte for byte, as one
 * uninterrupted run — with the do-nothing baseline and the noise-only twins behind the incremental figures and the
 * uncertainty band, so every batch is saved and resumed — in the simple and the BG/NBD repeat models, with every
 * tactic type. The oracle is the uninterrupted command's own output.
 */

const root = join(import.meta.dirname, '..', '..');
function sim(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/node-entry.mjs'), 'src/cli/main.ts', ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tactics = [
  { id: 'ads', type: 'ads', schedule: { weekly: ['sat', 'sun'] }, dailySpend: 3000 },
  { id: 'content', type: 'content', schedule: { daily: true } },
  { id: 'groups', type: 'communityGroups', schedule: { daily: true }, groupBuy: { schedule: { everyDays: 10 } } },
  { id: 'guides', type: 'guides', schedule: { daily: true } },
  { id: 'live', type: 'livestream', schedule: { everyDays: 4 } },
  { id: 'members', type: 'membership', schedule: { daily: true } },
  { id: 'referral', type: 'referral', schedule: { everyDays: 3 } },
  { id: 'coupons', type: 'coupons', schedule: { everyDays: 7 } },
];

let dir: string;
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'star-checkpoint-'));
  const population = { agents: 1500, scale: 20, initial: { R0: 0.5, R1: 0.2, R2: 0.1, R3: 0.1, R4: 0.06, R5: 0.04 }, heterogeneity: true };
  for (const model of ['simple', 'bgnbd'] as const) {
    const json = scenarioJson({ days: 45, runs: 3, population, tactics, uncertainty: { assumptions: true } }) as Record<string, Record<string, unknown>>;
    if (model === 'bgnbd') json.baseline = { ...json.baseline, repeatModel: { kind: 'bgnbd', r: 0.6, alpha: 75, a: 1.2, b: 4 } };
    files[model] = join(dir, `${model}.json`);
    writeFileSync(files[model]!, JSON.stringify(json));
  }
});

describe('--stop-at, --save-state and --resume', () => {
  for (const model of ['simple', 'bgnbd'] as const) {
    it(`a resumed run prints the uninterrupted run's JSON byte for byte (${model} repeat model)`, () => {
      const whole = sim(files[model]!, '--format', 'json', '--quiet', '--workers', '2');
      expect(whole.code, whole.err).toBe(0);
      const state = join(dir, `${model}-state.json`);
      const stop = sim(files[model]!, '--stop-at', '19', '--save-state', state, '--workers', '2');
      expect(stop.code, stop.err).toBe(0);
      expect(stop.out).toBe('');
      expect(stop.err).toMatch(/saved the state after day 19 of 45 \(plan, baseline, plan \(noise only\), baseline \(noise only\); 3 runs each\)/);
      const resumed = sim(files[model]!, '--format', 'json', '--quiet', '--workers', '1', '--resume', state);
      expect(resumed.code, resumed.err).toBe(0);
      expect(resumed.out.length).toBeGreaterThan(10_000);
      expect(resumed.out === whole.out, 'resumed output differs from the uninterrupted output').toBe(true);
    });
  }

  it('really continues from the saved state: a re-hashed state with another run\'s GMV so far prints other figures', () => {
    const state = join(dir, 'simple-state.json');
    const { hash: _, ...o } = JSON.parse(readFileSync(state, 'utf8')) as { hash: string; batches: Array<{ runs: Array<{ record: { gmv: unknown } }> }> };
    const runs = o.batches[0]!.runs;
    runs[0]!.record.gmv = runs[1]!.record.gmv;
    const swapped = join(dir, 'swapped.json');
    writeFileSync(swapped, JSON.stringify({ ...o, hash: fnv64(JSON.stringify(o)) }));
    const whole = sim(files.simple!, '--format', 'json', '--quiet');
    const resumed = sim(files.simple!, '--format', 'json', '--quiet', '--resume', swapped);
    expect(resumed.code, resumed.err).toBe(0);
    expect(resumed.out).not.toBe(whole.out);
  });

  it('refuses a state edited by hand, from another seed or another scenario, with a message naming the field', () => {
    const state = join(dir, 'simple-state.json');
    const text = readFileSync(state, 'utf8');
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, text.replace('"daysDone":19,"batches"', '"daysDone":18,"batches"'));
    let r = sim(files.simple!, '--quiet', '--resume', edited);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/edited\.json cannot be resumed by this run:\n {2}hash: the content does not match its hash/);
    r = sim(files.simple!, '--quiet', '--resume', state, '--seed', '8');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ {2}seed: the state was saved with seed "\d+", this run has "8"/);
    r = sim(files.bgnbd!, '--quiet', '--resume', state);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ {2}batches\[0\]\.configHash: the plan was saved from another scenario or other parameters/);
  });

  it('usage: --stop-at needs --save-state, a day before the end, and no --compare', () => {
    expect(sim(files.simple!, '--stop-at', '5').err).toMatch(/--stop-at D and --save-state FILE go together/);
    expect(sim(files.simple!, '--stop-at', '45', '--save-state', join(dir, 'x.json')).err).toMatch(/--stop-at 45 must be before the end of the scenario's 45 days/);
    expect(sim(files.simple!, '--stop-at', '5', '--save-state', join(dir, 'x.json'), '--compare', files.bgnbd!).err).toMatch(/not with --mean-field, --contributions, --compare/);
    const batch = sim(join(root, 'batches', 'variants.json'), '--stop-at', '5', '--save-state', join(dir, 'x.json'));
    expect(batch.code).toBe(2);
    expect(batch.err).toMatch(/--stop-at, --save-state cannot be used with a batch file/);
  });
});
