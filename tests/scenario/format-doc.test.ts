import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReference } from '../../src/scenario/format-doc';
import { TACTICS } from '../../src/sim/tactics/registry';
import { INDUSTRIES } from '../../src/scenario/industries';
import { isAssumption, SOURCES_DOC, type Source } from '../../src/lib/source';
import type { FieldSpec } from '../../src/lib/spec';
import { scheduleSpec } from '../../src/sim/schedule';

const readme = readFileSync(join(import.meta.dirname, '../../scenarios/README.md'), 'utf8');

describe('scenarios/README.md', () => {
  it('holds the current field reference (run `npm run docs:format` after changing the spec)', () => {
    expect(readme.slice(readme.indexOf('## Field reference') + '## Field reference\n\n'.length)).toBe(formatReference());
  });

  it('documents the public fields named by the format and every tactic', () => {
    for (const field of ['schemaVersion', 'population.initial', 'baseline.forward.R3', 'baseline.repeatModel', 'wordOfMouth.q', 'tactics']) {
      expect(readme).toContain(`\`${field}\``);
    }
    for (const type of Object.keys(TACTICS)) expect(readme).toContain(`#### \`${type}\``);
  });

  it('every tactic default and industry preset has a bilingual source: an assumption, or a figure citing docs/sources.md', () => {
    const checked: string[] = [];
    const walk = (name: string, spec: FieldSpec) => {
      // Schedules (and member days): their defaults are an example rhythm the user replaces, not a figure.
      if (spec.kind === 'object' && spec.fields === scheduleSpec.fields) return;
      if ('default' in spec && spec.default !== undefined) {
        checked.push(name);
        expectSource(name, spec.source);
      }
      if (spec.kind === 'object') for (const [k, f] of Object.entries(spec.fields)) walk(`${name}.${k}`, f);
      if (spec.kind === 'array') walk(`${name}[]`, spec.items);
    };
    for (const def of Object.values(TACTICS)) for (const [name, spec] of Object.entries(def.params)) walk(`${def.type}.${name}`, spec);
    for (const ind of Object.values(INDUSTRIES)) {
      expect(ind.sources.length, ind.id).toBeGreaterThan(0);
      ind.sources.forEach((s, i) => expectSource(`${ind.id}.sources[${i}]`, s));
    }
    expect(checked.length).toBeGreaterThan(100);
  });

  it('docs/sources.md anchors are unique and every one the code cites exists', () => {
    expect(new Set(ANCHORS).size).toBe(ANCHORS.length);
    expect(ANCHORS.length).toBeGreaterThan(30);
  });
});

const SOURCES_MD = readFileSync(join(import.meta.dirname, '../../docs/sources.md'), 'utf8');
/** Entries are `### <anchor>` headings whose text is the anchor itself. */
const ANCHORS = [...SOURCES_MD.matchAll(/^### ([a-z0-9][a-z0-9-]*)$/gm)].map((m) => m[1]!);

/** Latin words allowed in the Chinese text: brand, product and author names. */
const LATIN_NAMES = new Set(['V', 'GRASS', 'Meta', 'Robyn', 'Bass']);

function expectSource(name: string, s: Source | undefined): void {
  expect(s, `${name} has no source`).toBeDefined();
  const src = s!;
  expect(src.en.trim().length, `${name}: English source`).toBeGreaterThan(10);
  expect(src.zh.trim().length, `${name}: Chinese source`).toBeGreaterThan(4);
  // Speaks to an operator about brands and figures, not about files.
  for (const t of [src.en, src.zh]) expect(t, name).not.toMatch(/\.md\b|§|calibration|README/i);
  const latin = (src.zh.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !LATIN_NAMES.has(w));
  expect(latin, `${name}: English words in the Chinese source`).toEqual([]);
  if (isAssumption(src)) {
    expect(src.en, name).toMatch(/^Assumption: \S/);
    expect(src.zh, name).toMatch(/^假设:\S/);
  } else {
    expect(src.en, `${name}: a figure that is not an assumption must not say so`).not.toMatch(/^assumption/i);
    expect(src.refs?.length ?? 0, `${name}: a reported figure cites its docs/sources.md entries`).toBeGreaterThan(0);
  }
  for (const r of src.refs ?? []) expect(ANCHORS, `${name} cites ${SOURCES_DOC}#${r}`).toContain(r);
}
