#!/bin/sh
# StrykerJS over one group of files, with the test files that test them (docs/testing.md § Mutation testing).
#   sh scripts/mutants-group.sh scenario|results|summary|model|meanfield|rng|calendar|state|tactics-live|tactics-social|tactics-base|kernel-day|kernel-moves|kernel-records [more stryker options]
# Each group keeps its own incremental file (reports/stryker-incremental-<group>.json) and report
# (reports/mutation/<group>.json, .html), so groups can be rerun one at a time and only changed mutants are retested.
# Narrowing the tests only lowers a score (a mutant the other tests would kill counts as survived), never raises it:
# it keeps a group to minutes where every mutant against every unit test takes hours on two cores.
# Tests are listed quick and pointed first: vitest.mutants.config.ts runs them in this order, and StrykerJS stops at a
# mutant's first failing test.
set -e
group=$1
[ -n "$group" ] || { echo "usage: sh scripts/mutants-group.sh scenario|results|summary|model|meanfield|rng|calendar|state|tactics-live|tactics-social|tactics-base|kernel-day|kernel-moves|kernel-records [stryker options]"; exit 2; }
shift
# The tactics are measured in three groups, so that each finishes in a sitting, all with the tactics' tests. Not
# reference-day.test.ts: the reference day calls the same tactic code as the engine (only the agents' moves are its own),
# so it cannot tell a mutated tactic from a correct one, and it would cost every surviving mutant 80 engine runs.
tactic_tests='tests/sim/tactic-base-math.test.ts tests/sim/tactic-social-math.test.ts tests/sim/tactic-live-math.test.ts tests/sim/tactic-states.test.ts tests/sim/tactic-live.test.ts tests/sim/tactic-params.test.ts tests/sim/order-again.test.ts tests/sim/guides-selection.test.ts tests/sim/content-readership.test.ts tests/sim/channels.test.ts tests/sim/tactics.test.ts tests/sim/engine-paths.test.ts tests/sim/invariants.test.ts'
# The agents' loop's engine tests (kernel-moves, kernel-records), after each group's own exact tests.
engine_tests='tests/sim/invariants.test.ts tests/sim/order-again.test.ts tests/sim/engine-paths.test.ts tests/sim/determinism.test.ts'
case "$group" in
  scenario)
    mutate='src/scenario/**/*.ts,src/lib/**/*.ts'
    tests='tests/scenario/validation.test.ts tests/scenario/validate-values.test.ts tests/scenario/validate-kinds.test.ts tests/scenario/schema-rules.test.ts tests/scenario/parse.test.ts tests/scenario/compile.test.ts tests/scenario/assumption-ranges.test.ts tests/scenario/demand-index.test.ts tests/scenario/golden.test.ts tests/scenario/format-doc.test.ts tests/scenario/apply-industry.test.ts tests/scenario/plausible.test.ts tests/scenario/market.test.ts tests/lib/lib.test.ts tests/sim/compare.test.ts tests/sim/seeds.test.ts tests/sim/assumptions.test.ts tests/sim/uncertainty.test.ts' ;;
  results)
    mutate='src/sim/results/stats.ts,src/sim/results/compare.ts,src/sim/results/run-order.ts,src/sim/results/flatten.ts,src/sim/results/uncertainty.ts,src/sim/results/drivers.ts,src/sim/assumptions.ts,src/sim/results/incremental.ts,src/sim/batch.ts'
    tests='tests/sim/stats.test.ts tests/sim/flatten.test.ts tests/sim/incremental.test.ts tests/sim/assumption-paths.test.ts tests/sim/rank-drivers.test.ts tests/sim/compare.test.ts tests/sim/digest.test.ts tests/sim/drivers.test.ts tests/sim/assumptions.test.ts tests/sim/uncertainty.test.ts tests/sim/glossary.test.ts tests/sim/determinism.test.ts tests/cli/aggregation.test.ts tests/cli/format.test.ts tests/worker/progress.test.ts' ;;
  summary)
    mutate='src/sim/results/summary.ts,src/sim/results/digest.ts,src/sim/results/figures.ts,src/sim/results/glossary.ts,src/sim/results/result.ts,src/sim/results/recorder.ts'
    tests='tests/sim/figure-values.test.ts tests/sim/summary-result.test.ts tests/sim/digest.test.ts tests/sim/figures.test.ts tests/sim/figure-keys.test.ts tests/sim/invariants.test.ts tests/sim/glossary.test.ts tests/sim/compare.test.ts tests/sim/determinism.test.ts tests/cli/aggregation.test.ts tests/worker/progress.test.ts' ;;
  model)
    mutate='src/sim/results/shapley.ts,src/sim/results/contributions.ts,src/sim/response.ts,src/sim/projection/bgnbd.ts'
    tests='tests/sim/contributions.test.ts tests/sim/response.test.ts tests/sim/oracle-bass.test.ts tests/sim/oracle-bgnbd.test.ts tests/sim/shapley.test.ts tests/sim/tactics.test.ts' ;;
  meanfield)
    mutate='src/sim/projection/meanfield.ts,src/sim/projection/meanfield-day.ts'
    tests='tests/sim/meanfield.test.ts tests/worker/boundary.test.ts' ;;
  rng)
    mutate='src/sim/step/rng.ts'
    tests='tests/sim/rng.test.ts tests/sim/seeds.test.ts' ;;
  calendar)
    mutate='src/sim/schedule.ts,src/sim/civil-date.ts,src/sim/lunar-calendar.ts,src/sim/festivals.ts'
    tests='tests/sim/calendar.test.ts tests/sim/schedule.test.ts tests/scenario/validation.test.ts tests/scenario/compile.test.ts tests/sim/order-ledger.test.ts' ;;
  state)
    mutate='src/sim/results/order-ledger.ts,src/sim/checkpoint.ts,src/sim/state-file.ts,src/sim/results/brand-figures.ts'
    tests='tests/sim/checkpoint-refusals.test.ts tests/sim/state-file.test.ts tests/sim/glossary.test.ts tests/sim/order-ledger.test.ts tests/sim/checkpoint.test.ts' ;;
  tactics-live)
    mutate='src/sim/tactics/livestream.ts,src/sim/tactics/coupons.ts'
    tests=$tactic_tests ;;
  tactics-social)
    mutate='src/sim/tactics/community-groups.ts,src/sim/tactics/guides.ts,src/sim/tactics/referral.ts'
    tests=$tactic_tests ;;
  tactics-base)
    mutate='src/sim/tactics/ads.ts,src/sim/tactics/content.ts,src/sim/tactics/membership.ts,src/sim/tactics/common.ts,src/sim/tactics/curve.ts,src/sim/tactics/registry.ts,src/sim/tactics/state.ts,src/sim/tactics/types.ts'
    tests=$tactic_tests ;;
  kernel-day)
    # The engine's day and its once-a-day or once-a-run code: stepping a day, compiling the config, creating the
    # population, the day's tier sources, member sets. Not instrumented in the agents' loop, so the engine tests stay
    # quick enough to run for every mutant.
    mutate='src/sim/step/model.ts,src/sim/config.ts,src/sim/tiers.ts,src/sim/step/population.ts,src/sim/step/sources.ts,src/sim/step/member-set.ts'
    tests='tests/sim/day-sources.test.ts tests/sim/member-set.test.ts tests/sim/population.test.ts tests/sim/finish-run.test.ts tests/sim/invariants.test.ts tests/sim/determinism.test.ts tests/sim/order-again.test.ts tests/sim/channels.test.ts tests/sim/engine-paths.test.ts tests/sim/oracle-bass.test.ts tests/sim/oracle-markov.test.ts tests/sim/oracle-bgnbd.test.ts tests/sim/reference-day.test.ts' ;;
  kernel-moves)
    # The agents' loop, in two groups so that each finishes in a sitting: each agent's moves and purchases every day
    # (kernel-moves: moves.ts), and what the loop reads and writes per agent (kernel-records: the tactics' per-agent
    # marks, marks.ts; orders and moves as they are recorded, run-state.ts). The reference day is the moves' second
    # implementation, compared bit for bit over random scenarios that use every path of the loop (homogeneous and
    # heterogeneous, simple and BG/NBD repeat buying, word of mouth, every tactic, a probe using every kind of source
    # and mark), so it goes first for the moves; it shares marks.ts and run-state.ts with the fast engine, so their own
    # pointed tests go first for the records. Instrumented, this loop runs about ten times slower (every statement of
    # every agent's day counts its coverage), so STAR_MUTATION_HOT shrinks the engine tests' markets further
    # (tests/mutation-size.ts), and the statistical oracles (Bass, Markov, BG/NBD: 50 s a surviving mutant between
    # them) are left to the kernel-day group: the paths they exercise are the reference day's too. Leaving them out
    # can only lower the score.
    export STAR_MUTATION_HOT=1
    mutate='src/sim/step/moves.ts'
    tests="tests/sim/moves-math.test.ts tests/sim/reference-day.test.ts $engine_tests" ;;
  kernel-records)
    export STAR_MUTATION_HOT=1
    mutate='src/sim/step/marks.ts,src/sim/step/run-state.ts'
    tests="tests/sim/marks.test.ts tests/sim/run-state.test.ts tests/sim/reference-day.test.ts $engine_tests" ;;
  *) echo "unknown group: $group"; exit 2 ;;
esac
mkdir -p reports/mutation
MUTANT_TESTS="$tests" npx stryker run --concurrency 1 --timeoutMS 15000 --mutate "$mutate" \
  --incrementalFile "reports/stryker-incremental-$group.json" --reporters json,html,clear-text,progress "$@"
cp reports/mutation/mutation.json "reports/mutation/$group.json"
cp reports/mutation/index.html "reports/mutation/$group.html"
