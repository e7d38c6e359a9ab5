/** Regenerate the generated part of scenarios/README.md from the scenario spec. */
import { readFileSync, writeFileSync } from 'node:fs';
import { formatReference } from '../src/scenario/format-doc';

const file = 'scenarios/README.md';
const text = readFileSync(file, 'utf8');
const marker = '## Field reference';
const at = text.indexOf(marker);
if (at < 0) throw new Error(`${file} has no "${marker}" heading`);
writeFileSync(file, text.slice(0, at + marker.length) + '\n\n' + formatReference());
console.log(`updated ${file}`);
