/**
 * Limits that protect the machine (and the browser tab) from a scenario file. They are part of the format and are
 * documented in scenarios/README.md; every error that hits one names it.
 */
export const LIMITS = {
  /** Size of a scenario file in bytes. */
  fileBytes: 2_000_000,
  /** Nesting depth of objects and arrays. */
  depth: 12,
  agents: 5_000_000,
  days: 3660,
  runs: 10_000,
  tactics: 32,
  /** Agent-days × runs a single request may simulate (about an hour on one core of a laptop). */
  work: 2e12,
} as const;
