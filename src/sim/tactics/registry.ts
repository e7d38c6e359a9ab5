import type { TacticDefinition } from './types';
import { ads } from './ads';

/** Every tactic the engine knows, by its `type` in scenario files. */
export const TACTICS: Readonly<Record<string, TacticDefinition>> = Object.freeze({
  [ads.type]: ads,
});

export function getTactic(type: string): TacticDefinition {
  const t = Object.prototype.hasOwnProperty.call(TACTICS, type) ? TACTICS[type] : undefined;
  if (!t) throw new RangeError(`unknown tactic type ${JSON.stringify(type)}`);
  return t;
}
