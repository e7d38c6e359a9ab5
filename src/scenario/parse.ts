import type { ValidationError } from './validate';
import { validateValue } from './validate';
import { scenarioSpec } from './schema';
import { LIMITS } from './limits';
import type { Scenario } from './types';

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] };

/** Nesting depth of a JSON text, counted outside strings, without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92) i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 || ch === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

/**
 * Parse and validate a scenario file's text: size and nesting limits first (so a hostile file cannot exhaust memory
 * or the stack), then JSON syntax with a line and column, then the schema with every error at once.
 */
export function parseScenarioText(text: string): ParseResult {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > LIMITS.fileBytes) {
    return { ok: false, errors: [{ path: '(file)', message: `is ${bytes} bytes; the file size limit is ${LIMITS.fileBytes} bytes` }] };
  }
  const depth = jsonDepth(text);
  if (depth > LIMITS.depth) {
    return { ok: false, errors: [{ path: '(file)', message: `nests ${depth} levels deep; the nesting limit is ${LIMITS.depth}` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    const where = m ? ` at ${lineColumn(text, Number(m[1]))}` : '';
    return { ok: false, errors: [{ path: '(file)', message: `is not valid JSON${where}: ${msg}` }] };
  }
  return validateScenario(value);
}

/** Validate an already parsed value (from a file, a link or the editor). */
export function validateScenario(value: unknown): ParseResult {
  const errors: ValidationError[] = [];
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const v = (value as Record<string, unknown>).schemaVersion;
    if (typeof v === 'number' && v > 1) {
      return {
        ok: false,
        errors: [{ path: 'schemaVersion', message: `${v} is newer than this app understands (1): update STAR Sandbox` }],
      };
    }
  }
  const out = validateValue(value, scenarioSpec, '', errors);
  if (errors.length > 0 || out === undefined) return { ok: false, errors };
  return { ok: true, scenario: out as Scenario };
}

export function formatErrors(errors: ValidationError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
