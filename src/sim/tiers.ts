/** The 5R crowd-asset tiers plus R0, the addressable pool not yet reached. */
export const TIERS = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5'] as const;
export const TIER_COUNT = 6;
export const R0 = 0;
export const R1 = 1;
export const R2 = 2;
export const R3 = 3;
export const R4 = 4;
export const R5 = 5;

