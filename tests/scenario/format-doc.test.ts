import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatReference } from '../../src/scenario/format-doc';
import { TACTICS } from '../../src/sim/tactics/registry';

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

  it('every tactic parameter with a default names its source (a figure or “assumption”)', () => {
    for (const def of Object.values(TACTICS)) {
      for (const [name, spec] of Object.entries(def.params)) {
        if (name === 'schedule' || !('default' in spec) || spec.default === undefined) continue;
        expect(spec.source, `${def.type}.${name}`).toBeTruthy();
      }
    }
  });
});
