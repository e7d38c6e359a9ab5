/**
 * `npm run golden:update`: show how the golden summaries of the presets (tests/golden/*.json) would change, figure
 * by figure; `npm run golden:update -- --write` saves them, on purpose, after a change that is meant to move them.
 * The test that compares them never updates them itself. Put the printed changes in the commit message.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText, formatErrors } from '../src/scenario/parse';
import { checkConfig, formatGoldenChange, goldenDiff, goldenSummary } from '../src/scenario/golden';
import { runDigests } from '../src/sim/batch';
import { Summary } from '../src/sim/results/summary';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--write');
if (unknown.length) {
  console.error(`golden:update: unknown argument ${unknown.join(' ')} (the only option is --write)`);
  process.exit(2);
}
const write = args.includes('--write');
let changed = 0;
for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort()) {
  const r = parseScenarioText(readFileSync(join('scenarios', file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${formatErrors(r.errors)}`);
  const cfg = checkConfig(r.scenario);
  const s = new Summary(cfg);
  for (const d of runDigests(cfg, 0, cfg.runs)) s.add(d);
  const fresh = goldenSummary(s.result());
  const path = join('tests/golden', file);
  const old = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  const diff = goldenDiff(old, fresh);
  if (diff.length === 0) continue;
  changed++;
  console.log(`${file}: ${diff.length} figure(s) change`);
  for (const c of diff) console.log(`  ${formatGoldenChange(c)}`);
  if (write) writeFileSync(path, JSON.stringify(fresh, null, 2) + '\n');
}
if (changed === 0) console.log('every golden summary is current');
else if (write) console.log(`wrote ${changed} golden file(s)`);
else {
  console.log(`\n${changed} golden file(s) would change; nothing written. Rerun with --write to save them on purpose.`);
  process.exit(1);
}
