/**
 * Test sizes under StrykerJS (`STAR_MUTATION_RUN=1`, set by vitest.mutants.config.ts). A mutant is checked by every
 * test that runs its code, and one that survives pays for all of them; in the tactics and the engine's hot loop the
 * instrumented code runs several times slower, so the costliest tests run on fewer agents there. Their tolerances are
 * computed from the size (standard errors) or are exact, so a smaller size makes a test less sensitive: it can only
 * lower a mutation score, never raise it. `npm test` always runs the full size.
 */
export const UNDER_MUTATION = process.env.STAR_MUTATION_RUN === '1';

/**
 * Set by scripts/mutants-group.sh for the kernel-moves and kernel-records groups only: there the agents' loop itself is instrumented (every
 * statement of every agent's day counts its coverage), so the engine tests run on smaller markets still.
 */
export const HOT_LOOP_MUTATED = UNDER_MUTATION && process.env.STAR_MUTATION_HOT === '1';

/** `full` in `npm test`; `underMutation` under StrykerJS; `hotLoop` when the agents' loop is mutated (kernel-moves, kernel-records). */
export const sized = (full: number, underMutation: number, hotLoop: number = underMutation): number =>
  HOT_LOOP_MUTATED ? hotLoop : UNDER_MUTATION ? underMutation : full;
