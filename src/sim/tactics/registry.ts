import type { TacticDefinition } from './types';
import { ads } from './ads';
import { communityGroups } from './community-groups';
import { content } from './content';
import { coupons } from './coupons';
import { guides } from './guides';
import { livestream } from './livestream';
import { membership } from './membership';
import { referral } from './referral';

/** Every tactic the engine knows, by its `type` in scenario files (the three named by the brief first). */
export const TACTICS: Readonly<Record<string, TacticDefinition>> = Object.freeze({
  [livestream.type]: livestream,
  [communityGroups.type]: communityGroups,
  [coupons.type]: coupons,
  [ads.type]: ads,
  [guides.type]: guides,
  [referral.type]: referral,
  [membership.type]: membership,
  [content.type]: content,
});

export function getTactic(type: string): TacticDefinition {
  const t = Object.prototype.hasOwnProperty.call(TACTICS, type) ? TACTICS[type] : undefined;
  if (!t) throw new RangeError(`unknown tactic type ${JSON.stringify(type)}`);
  return t;
}
