/**
 * `npm run presets:table`: runs every preset's plausibility checks and every industry's do-nothing market
 * (tests/scenario/plausibility.ts) and writes both tables into docs/presets.md between their markers;
 * tests/scenario/plausibility.test.ts checks that the tables are current.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedRunner } from '../tests/calibration/table';
import {
  INDUSTRY_MARKERS,
  industriesMarkdown,
  industryRows,
  PRESETS_MARKERS,
  presetFiles,
  presetRows,
  presetRun,
  presetsMarkdown,
  replaceBlock,
} from '../tests/scenario/plausibility';

const run = cachedRunner();
const rows = presetFiles().flatMap((f) => presetRows(presetRun(f, run)));
const industries = industryRows(run);
const path = join(process.cwd(), 'docs/presets.md');
let doc = readFileSync(path, 'utf8');
doc = replaceBlock(doc, ...PRESETS_MARKERS, presetsMarkdown(rows));
doc = replaceBlock(doc, ...INDUSTRY_MARKERS, industriesMarkdown(industries));
if (!process.argv.includes('--dry')) writeFileSync(path, doc);
for (const r of rows) {
  const v = !r.resolved ? 'noise' : r.inside ? (r.gap ? 'GAP CLOSED' : 'pass') : r.gap ? 'gap' : 'FAIL';
  console.log(`${r.file.replace(/\.json$/, '').padEnd(32)} ${r.check.id.padEnd(20)} ${(r.subject ?? '').padEnd(24)} ${r.value.toPrecision(3).padStart(9)}  [${r.range[0]}, ${r.range[1]}] base ${r.baseline?.toPrecision(3) ?? ''}  ${v}`);
}
for (const r of industries) console.log(r.industry.padEnd(12), r.figures.map((f) => `${f.key.replace('R.', '')} ${f.value.toPrecision(3)}${f.inside ? '' : ' OUT'}`).join('  '));
