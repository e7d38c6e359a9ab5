import type { Source } from './source';
import type { Text } from './text';
import type { Unit } from './units';

/**
 * A small declarative schema for the scenario format and tactic parameters. One spec drives three things:
 * validation with JSON-path errors (validate.ts), the field reference in scenarios/README.md (a test checks they
 * agree), and the editor's labels, units, ranges, defaults and sources in the app.
 */
interface Base {
  /** One-line explanation. */
  doc: Text;
  /** Short label for the editor; the field name is used when absent. */
  label?: Text;
  /** May be left out; `default` (when given) is filled in. */
  optional?: boolean;
  /** Where the default comes from, in both languages: a reported figure citing docs/sources.md, or an assumption. */
  source?: Source;
  /**
   * One of the 3–5 levers an operator reaches for first (a tactic's budget, cadence, price, cost). The editor shows
   * key fields on the card and the rest under "More parameters"; validation and files ignore the flag.
   */
  key?: boolean;
}

/**
 * How far a number taken from an assumption (or from one brand's anecdote) could plausibly be from its default: the
 * range runs draw it from when assumption uncertainty is on (src/sim/assumptions.ts), with the reason for the range in
 * both languages. Inside the field's min and max, around the default. `relative`: low and high multiply the value in
 * use (for fields whose value comes from an industry preset rather than a default).
 */
export interface Plausible {
  low: number;
  high: number;
  reason: Text;
  relative?: boolean;
}

export interface NumberSpec extends Base {
  kind: 'number';
  unit: Unit;
  min: number;
  max: number;
  /** The minimum itself is not allowed (e.g. scale > 0). */
  exclusiveMin?: boolean;
  integer?: boolean;
  default?: number;
  /** The plausible range of an assumed value; runs draw from it (docs/model.md § Uncertainty). */
  plausible?: Plausible;
  /**
   * The brand decides this number (a budget, a cadence, a discount, a price): it is the plan, not an uncertain fact
   * about customers or the market, so it has no plausible range and is never drawn.
   */
  decision?: boolean;
}

export interface BooleanSpec extends Base {
  kind: 'boolean';
  default?: boolean;
}

export interface StringSpec extends Base {
  kind: 'string';
  minLength?: number;
  maxLength: number;
  pattern?: RegExp;
  /** Said in the error when the pattern does not match, e.g. "letters, digits, - and _". */
  patternHint?: string;
  default?: string;
}

export interface EnumSpec extends Base {
  kind: 'enum';
  values: readonly string[];
  default?: string;
}

export interface DateSpec extends Base {
  kind: 'date';
  default?: string;
}

/** Plain text or a text per language ({ en, zh }). */
export interface TextSpec extends Base {
  kind: 'text';
  maxLength: number;
  default?: string;
}

export interface ArraySpec extends Base {
  kind: 'array';
  items: FieldSpec;
  minItems?: number;
  maxItems: number;
  /** Items must be distinct (compared as JSON). */
  unique?: boolean;
  default?: unknown[];
}

export interface ObjectSpec extends Base {
  kind: 'object';
  fields: Record<string, FieldSpec>;
  /** Cross-field rules, run after the fields are valid. */
  check?: (value: Record<string, unknown>, report: (path: string, message: string) => void) => void;
  default?: Record<string, unknown>;
}

/** An object whose shape is chosen by a discriminating field (e.g. repeatModel.kind, tactics[i].type). */
export interface UnionSpec extends Base {
  kind: 'union';
  discriminator: string;
  variants: Record<string, ObjectSpec>;
  default?: Record<string, unknown>;
}

/** A value with its own validation (seeds, schedules). Returns the cleaned value; reports errors. */
export interface CustomSpec extends Base {
  kind: 'custom';
  /** How the value looks, for docs and errors. */
  expected: string;
  validate: (value: unknown, path: string, report: (path: string, message: string) => void) => unknown;
  default?: unknown;
}

export type FieldSpec =
  | NumberSpec
  | BooleanSpec
  | StringSpec
  | EnumSpec
  | DateSpec
  | TextSpec
  | ArraySpec
  | ObjectSpec
  | UnionSpec
  | CustomSpec;

export function hasDefault(spec: FieldSpec): boolean {
  return 'default' in spec && spec.default !== undefined;
}
