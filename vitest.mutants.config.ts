import { defineConfig } from 'vitest/config';

// The tests StrykerJS runs against each mutant (`npm run mutants`): the in-process unit tests of the pure code. Left
// out: the browser tests, the command-line tests (they spawn a bundled copy of the engine, which mutants do not
// reach) and the architecture test (it reads source text, which Stryker instruments).
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/cli/**', 'tests/architecture.test.ts', 'tests/ui/**', 'tests/i18n/**', 'tests/charts/**'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
  },
});
