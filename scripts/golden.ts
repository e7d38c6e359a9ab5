/**
 * `npm run golden:update`: refresh the golden summaries of the presets (tests/golden/*.json) on purpose, after a
 * change that is meant to move them. The test that compares them never updates them itself.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScenarioText, formatErrors } from '../src/scenario/parse';
import { checkConfig, goldenSummary } from '../src/scenario/presets';
import { runDigests } from '../src/sim/batch';
import { Summary } from '../src/sim/summary';

for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json')).sort()) {
  const r = parseScenarioText(readFileSync(join('scenarios', file), 'utf8'));
  if (!r.ok) throw new Error(`${file}: ${formatErrors(r.errors)}`);
  const cfg = checkConfig(r.scenario);
  const s = new Summary(cfg);
  for (const d of runDigests(cfg, 0, cfg.runs)) s.add(d);
  writeFileSync(join('tests/golden', file), JSON.stringify(goldenSummary(s.result()), null, 2) + '\n');
  console.log(`updated tests/golden/${file}`);
}
