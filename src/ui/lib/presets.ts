/// <reference types="vite/client" />
import { validateScenario } from '../../scenario/parse';
import type { ValidationError } from '../../scenario/validate';
import type { Scenario } from '../../scenario/types';

/** A preset scenario file from `scenarios/`, with its validation (a broken preset is shown, not hidden). */
export interface PresetEntry {
  id: string;
  file: string;
  /** The file's JSON as written (what "new from preset" copies). */
  raw: Record<string, unknown>;
  scenario: Scenario | null;
  errors: ValidationError[];
}

/** Every preset bundled with the app, in file-name order. New files in scenarios/ appear without code changes. */
export function loadPresets(files: Record<string, unknown> = import.meta.glob('/scenarios/*.json', { eager: true, import: 'default' })): PresetEntry[] {
  return Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, raw]) => {
      const file = path.split('/').pop()!;
      const v = validateScenario(raw);
      const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const id = typeof obj.id === 'string' ? obj.id : file.replace(/\.json$/, '');
      return { id, file, raw: obj, scenario: v.ok ? v.scenario : null, errors: v.ok ? [] : v.errors };
    });
}
