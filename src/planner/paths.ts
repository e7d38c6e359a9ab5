import { validateScenario } from '../scenario/parse';
import type { ValidationError } from '../scenario/validate';
import type { Scenario } from '../scenario/types';

/**
 * Numeric fields of a scenario addressed by JSON path, as the validator writes them (`tactics[0].dailySpend`,
 * `baseline.forward.R1`, `population.agents`), or with a tactic's id in the brackets (`tactics[moments-ads].dailySpend`,
 * the form assumption paths use). Every change is validated again as a whole scenario, so a value out of a field's
 * range is reported with the field's path, as in a scenario file.
 */
export type PathStep = string | number;

const STEP = /^(?:\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\[([^\]"]+)\])/;

/** Split a JSON path into steps; a bracketed text is kept as text (a tactic id). Throws a RangeError when malformed. */
export function parsePath(path: string): PathStep[] {
  const out: PathStep[] = [];
  let rest = path;
  while (rest.length > 0) {
    const m = STEP.exec(rest);
    if (!m || (out.length === 0 && rest.startsWith('.'))) throw new RangeError(`"${path}" is not a JSON path (expected names joined by dots, with [index] or [tactic-id])`);
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(m[3]) as string);
    else out.push(m[4]!);
    rest = rest.slice(m[0].length);
  }
  if (out.length === 0) throw new RangeError('an empty path names no field');
  return out;
}

/** The path with tactic ids turned into indices, as the validator writes it. */
function resolve(s: Scenario, steps: PathStep[], path: string): { steps: PathStep[]; error?: string } {
  const out: PathStep[] = [];
  let node: unknown = s;
  for (let k = 0; k < steps.length; k++) {
    let step = steps[k]!;
    const where = out.length ? joinSteps(out) : '(root)';
    if (Array.isArray(node)) {
      if (typeof step === 'string') {
        // A tactic (or any array of objects with ids) addressed by its id.
        const i = node.findIndex((x) => x && typeof x === 'object' && (x as { id?: unknown }).id === step);
        if (i < 0) return { steps: out, error: `"${path}": ${where} has no item with id "${step}"` };
        step = i;
      } else if (step >= node.length) return { steps: out, error: `"${path}": ${where} has ${node.length} item${node.length === 1 ? '' : 's'}, so [${step}] does not exist` };
      out.push(step);
      node = node[step];
      continue;
    }
    if (!node || typeof node !== 'object' || typeof step === 'number') return { steps: out, error: `"${path}": ${where} is not an object with a field ${JSON.stringify(step)}` };
    if (!Object.prototype.hasOwnProperty.call(node, step)) {
      const names = Object.keys(node as object).join(', ');
      return { steps: out, error: `"${path}": ${where} has no field "${step}" (it has ${names})` };
    }
    out.push(step);
    node = (node as Record<string, unknown>)[step];
  }
  if (typeof node !== 'number') return { steps: out, error: `"${path}" is not a number in the scenario (it holds ${node === null ? 'null' : Array.isArray(node) ? 'an array' : typeof node})` };
  return { steps: out };
}

export function joinSteps(steps: PathStep[]): string {
  return steps.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The value at a path, or an error naming what is missing. */
export function readNumber(s: Scenario, path: string): { ok: true; value: number; path: string } | { ok: false; message: string } {
  let steps: PathStep[];
  try {
    steps = parsePath(path);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  const r = resolve(s, steps, path);
  if (r.error) return { ok: false, message: r.error };
  let node: unknown = s;
  for (const st of r.steps) node = (node as Record<string | number, unknown>)[st];
  return { ok: true, value: node as number, path: joinSteps(r.steps) };
}

/**
 * A copy of the scenario with numbers set at the given paths, validated again. Errors carry the scenario's own path
 * (e.g. `tactics[0].dailySpend: -5 is out of range: …`).
 */
export function withValues(s: Scenario, changes: ReadonlyArray<readonly [string, number]>): { ok: true; scenario: Scenario } | { ok: false; errors: ValidationError[] } {
  const copy = structuredClone(s) as unknown as Record<string | number, unknown>;
  const errors: ValidationError[] = [];
  for (const [path, value] of changes) {
    const r = readNumber(s, path);
    if (!r.ok) {
      errors.push({ path, message: r.message });
      continue;
    }
    const steps = parsePath(r.path);
    let node = copy;
    for (const st of steps.slice(0, -1)) node = node[st] as Record<string | number, unknown>;
    node[steps[steps.length - 1]!] = value;
  }
  if (errors.length) return { ok: false, errors };
  const v = validateScenario(copy);
  return v.ok ? { ok: true, scenario: v.scenario } : { ok: false, errors: v.errors };
}

/** `withValues` that throws on an invalid change (for values already validated). */
export function setValues(s: Scenario, changes: ReadonlyArray<readonly [string, number]>): Scenario {
  const r = withValues(s, changes);
  if (!r.ok) throw new RangeError(r.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return r.scenario;
}
