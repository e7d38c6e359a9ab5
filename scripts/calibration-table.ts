/**
 * `npm run calibration`: runs the calibration suite's figures (tests/calibration/figures.ts) and writes the table in
 * docs/calibration.md between its markers, so the document shows the model's current figure for each brand's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calibrationMarkdown, calibrationRows } from '../tests/calibration/table';

const path = join(process.cwd(), 'docs/calibration.md');
const doc = readFileSync(path, 'utf8');
const begin = '<!-- calibration table: npm run calibration -->';
const end = '<!-- end of calibration table -->';
const a = doc.indexOf(begin);
const b = doc.indexOf(end);
if (a < 0 || b < a) throw new Error(`docs/calibration.md needs the markers ${begin} … ${end}`);
const rows = calibrationRows();
writeFileSync(path, doc.slice(0, a + begin.length) + '\n' + calibrationMarkdown(rows) + '\n' + doc.slice(b));
for (const r of rows) console.log(`${r.figure.id.padEnd(34)} ${r.model === null ? '—' : r.model.toPrecision(3).padStart(10)}  ${r.ratio === null ? '' : r.ratio.toFixed(2)}  ${r.figure.verdict.kind}${r.within === null ? '' : r.within ? ' (within ×1.5)' : ' (outside ×1.5)'}`);
