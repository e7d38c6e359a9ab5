import type { FieldSpec, ObjectSpec } from '../lib/spec';
import { parseIsoDate } from '../sim';

export interface ValidationError {
  /** JSON path of the offending value, e.g. `tactics[1].schedule.weekly[0]`. */
  path: string;
  message: string;
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return base ? `${base}.${key}` : key;
  return `${base}[${JSON.stringify(key)}]`;
}

/** What a wrong value is, for a message: 'the string "abc"', 'an array', '-3'. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return `${value}`;
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function fmtNum(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en-US').replace(/,/g, ' ') : String(x);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Validate `value` against `spec`, reporting every problem (not only the first) with its JSON path, and return a
 * clean copy with defaults filled in. The copy is built field by field from the spec into fresh objects, so keys such
 * as `__proto__` or `constructor` in the input are reported as unknown and can never reach a prototype.
 */
export function validateValue(value: unknown, spec: FieldSpec, path: string, errors: ValidationError[]): unknown {
  const report = (p: string, message: string) => errors.push({ path: p || '(root)', message });
  switch (spec.kind) {
    case 'number': {
      // An empty text (a field the user cleared in the editor) is a missing value, not a number and not the default:
      // filling in the default would change the plan without saying so.
      if (typeof value === 'string' && value.trim() === '') {
        report(path, 'is required');
        return undefined;
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        report(path, `expected a number, got ${describe(value)}`);
        return undefined;
      }
      if (spec.integer && !Number.isInteger(value)) {
        report(path, `expected a whole number, got ${value}`);
        return undefined;
      }
      if (value < spec.min || (spec.exclusiveMin && value === spec.min) || value > spec.max) {
        const lo = spec.exclusiveMin ? `greater than ${fmtNum(spec.min)}` : `at least ${fmtNum(spec.min)}`;
        report(path, `${fmtNum(value)} is out of range: expected ${lo} and at most ${fmtNum(spec.max)}`);
        return undefined;
      }
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') {
        report(path, `expected true or false, got ${describe(value)}`);
        return undefined;
      }
      return value;
    case 'string': {
      if (typeof value !== 'string') {
        report(path, `expected a string, got ${describe(value)}`);
        return undefined;
      }
      if (value.length < (spec.minLength ?? 0)) {
        report(path, `expected at least ${spec.minLength} characters`);
        return undefined;
      }
      if (value.length > spec.maxLength) {
        report(path, `is ${value.length} characters long; the limit is ${spec.maxLength}`);
        return undefined;
      }
      if (spec.pattern && !spec.pattern.test(value)) {
        report(path, `${describe(value)} is not allowed: expected ${spec.patternHint ?? spec.pattern.source}`);
        return undefined;
      }
      return value;
    }
    case 'enum':
      if (typeof value !== 'string' || !spec.values.includes(value)) {
        report(path, `expected one of ${spec.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(value)}`);
        return undefined;
      }
      return value;
    case 'date':
      if (typeof value !== 'string' || parseIsoDate(value) === null) {
        report(path, `expected a date as YYYY-MM-DD, got ${describe(value)}`);
        return undefined;
      }
      return value;
    case 'text': {
      if (typeof value === 'string') {
        if (value.length > spec.maxLength) {
          report(path, `is ${value.length} characters long; the limit is ${spec.maxLength}`);
          return undefined;
        }
        return value;
      }
      if (isPlainObject(value)) {
        const out: Record<string, string> = {};
        for (const key of Object.keys(value)) {
          const v = value[key];
          if (key !== 'en' && key !== 'zh') {
            report(joinPath(path, key), 'unknown field: a text has only "en" and "zh"');
          } else if (typeof v !== 'string') {
            report(joinPath(path, key), `expected a string, got ${describe(v)}`);
          } else if (v.length > spec.maxLength) {
            report(joinPath(path, key), `is ${v.length} characters long; the limit is ${spec.maxLength}`);
          } else {
            out[key] = v;
          }
        }
        if (out.en === undefined && out.zh === undefined) {
          report(path, 'a text needs "en" or "zh"');
          return undefined;
        }
        return out;
      }
      report(path, `expected a string or { "en": …, "zh": … }, got ${describe(value)}`);
      return undefined;
    }
    case 'array': {
      if (!Array.isArray(value)) {
        report(path, `expected an array, got ${describe(value)}`);
        return undefined;
      }
      if (value.length > spec.maxItems) {
        report(path, `has ${value.length} items; the limit is ${spec.maxItems}`);
        return undefined;
      }
      if (value.length < (spec.minItems ?? 0)) {
        report(path, `expected at least ${spec.minItems} item${spec.minItems === 1 ? '' : 's'}`);
        return undefined;
      }
      const out = value.map((item, i) => validateValue(item, spec.items, joinPath(path, i), errors));
      if (spec.unique) {
        const seen = new Set<string>();
        value.forEach((item, i) => {
          const key = JSON.stringify(item);
          if (seen.has(key)) report(joinPath(path, i), `${describe(item)} appears more than once`);
          seen.add(key);
        });
      }
      return out;
    }
    case 'object':
      return validateObject(value, spec, path, errors);
    case 'union': {
      if (!isPlainObject(value)) {
        report(path, `expected an object, got ${describe(value)}`);
        return undefined;
      }
      const tag = value[spec.discriminator];
      const names = Object.keys(spec.variants);
      if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(spec.variants, tag)) {
        report(
          joinPath(path, spec.discriminator),
          `expected one of ${names.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(tag)}`,
        );
        return undefined;
      }
      return validateObject(value, spec.variants[tag]!, path, errors, spec.discriminator);
    }
    case 'custom':
      return spec.validate(value, path, report);
  }
}

function validateObject(
  value: unknown,
  spec: ObjectSpec,
  path: string,
  errors: ValidationError[],
  discriminator?: string,
): Record<string, unknown> | undefined {
  const report = (p: string, message: string) => errors.push({ path: p || '(root)', message });
  if (!isPlainObject(value)) {
    report(path, `expected an object, got ${describe(value)}`);
    return undefined;
  }
  const before = errors.length;
  const out: Record<string, unknown> = {};
  const known = Object.prototype.hasOwnProperty.bind(spec.fields);
  for (const key of Object.keys(value)) {
    if (key === discriminator) continue;
    if (!known(key)) {
      const suggestion = closest(key, Object.keys(spec.fields));
      report(joinPath(path, key), `unknown field${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`);
    }
  }
  if (discriminator) out[discriminator] = value[discriminator];
  for (const [key, fieldSpec] of Object.entries(spec.fields)) {
    const p = joinPath(path, key);
    if (!Object.prototype.hasOwnProperty.call(value, key) || value[key] === undefined) {
      if ('default' in fieldSpec && fieldSpec.default !== undefined) {
        out[key] = structuredClone(fieldSpec.default);
      } else if (!fieldSpec.optional) {
        report(p, 'is required');
      }
      continue;
    }
    const v = validateValue(value[key], fieldSpec, p, errors);
    if (v !== undefined) out[key] = v;
  }
  if (errors.length === before && spec.check) spec.check(out, (p, m) => report(appendPath(path, p), m));
  return errors.length === before ? out : undefined;
}

/** Append a relative path such as `forward.R2` or `[3].to` written by a cross-field check. */
function appendPath(base: string, rel: string): string {
  if (!rel) return base;
  if (rel.startsWith('[') || !base) return base + rel;
  return `${base}.${rel}`;
}

/** The known name closest to a typo (edit distance ≤ 2), to suggest it in the error. */
function closest(key: string, names: string[]): string | null {
  let best: string | null = null;
  let bestD = 3;
  for (const n of names) {
    const d = editDistance(key.toLowerCase(), n.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = n;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
