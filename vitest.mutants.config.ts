import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// The tests StrykerJS runs against each mutant (`npm run mutants`): the in-process unit tests of the pure code. Left
// out: the browser tests, the command-line tests (they spawn a bundled copy of the engine, which mutants do not
// reach), the architecture and docs tests (they read source text, which Stryker instruments) and the UI tests.
// Also left out, because each runs every preset at full size (seconds to half a minute per mutant that survives them)
// and they check presets and plausibility rather than code paths the smaller tests miss; `npm test` still runs them:
//   tests/scenario/presets.test.ts     every preset runs and matches its golden summary
//   tests/scenario/plausibility.test.ts every preset, its baseline and each tactic's removal against plausibility ranges
//   tests/sim/shapley-presets.test.ts  Shapley values agree with the removal effects on every preset (2ⁿ subsets)
// Measured on 2 cores (vitest, this config, no mutants): 80 s with them, about 40 s without.
// MUTANT_TESTS narrows the tests to a few files for a quick run on one module, e.g.
//   MUTANT_TESTS="tests/sim/stats.test.ts tests/sim/compare.test.ts" npm run mutants -- --mutate src/sim/results/stats.ts
const only = process.env.MUTANT_TESTS?.split(/[\s,]+/).filter(Boolean);

/**
 * With MUTANT_TESTS, files run in the order listed (scripts/mutants-group.sh lists each group's quick, pointed tests
 * first). StrykerJS stops at a mutant's first failing test, so a mutant a quick test kills never waits for the slow
 * ones; vitest's own order runs the slowest file first.
 */
class ListedOrder extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    if (!only?.length) return super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = only.findIndex((p) => f.moduleId.endsWith(p.replace(/^\.\//, '')));
      return i < 0 ? only.length : i;
    };
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: only?.length ? only : ['tests/**/*.test.ts'],
    exclude: [
      'tests/e2e/**',
      'tests/cli/cli.test.ts',
      'tests/architecture.test.ts',
      'tests/docs.test.ts',
      'tests/ui/**',
      'tests/i18n/**',
      'tests/charts/**',
      'tests/scenario/presets.test.ts',
      'tests/scenario/plausibility.test.ts',
      'tests/sim/shapley-presets.test.ts',
    ],
    // Tells tests that spawn the command line (tests/cli/aggregation.test.ts) to skip it: the child process runs an
    // unmutated engine, so it cannot kill a mutant.
    env: { STAR_MUTATION_RUN: '1' },
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
    sequence: { sequencer: ListedOrder },
  },
});
