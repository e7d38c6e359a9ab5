import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant (`npm run mutants`): the in-process unit tests of the pure code. Left
// out: the browser tests, the command-line tests (they spawn a bundled copy of the engine, which mutants do not
// reach), the architecture and docs tests (they read source text, which Stryker instruments) and the UI tests.
// MUTANT_TESTS narrows the tests to a few files for a quick run on one module, e.g.
//   MUTANT_TESTS="tests/sim/stats.test.ts tests/sim/compare.test.ts" npm run mutants -- --mutate src/sim/stats.ts
const only = process.env.MUTANT_TESTS?.split(/[\s,]+/).filter(Boolean);

export default defineConfig({
  test: {
    include: only?.length ? only : ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/cli/cli.test.ts', 'tests/architecture.test.ts', 'tests/docs.test.ts', 'tests/ui/**', 'tests/i18n/**', 'tests/charts/**'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
  },
});
