/**
 * The engine's public entry: everything the app, the command line, the workers, the planner, the classroom and the
 * scenario code use from src/sim, and nothing else (tests/architecture.test.ts checks that code outside src/sim
 * imports the engine only from here). Inside src/sim, modules import each other directly.
 */

// The scenario as the engine reads it, tiers, dates and schedules.
export { BUILTIN_CAUSES, FIRST_TACTIC_CAUSE, type EngineConfig } from './config';
export { R4, R5, TIER_COUNT, TIERS } from './tiers';
export { civilFromDays, isoWeekOf, parseIsoDate } from './civil-date';
export { FESTIVALS, festivalWindowsBetween, type FestivalId } from './festivals';
export { festivalsInRange, resolveSchedule, scheduleSpec, type Schedule } from './schedule';
export { triangular, type AssumptionRange } from './assumptions';
export { Rng } from './step/rng';
export { apportion } from './step/population';

// Tactics.
export { getTactic, TACTICS } from './tactics/registry';
export { type TacticDefinition } from './tactics/types';
export { responseCurve, type ResponseCurve } from './tactics/curve';
export { StateError } from './tactics/state';

// Running: one run, a batch of runs, checkpoints and state files.
export { createRun, simulateRun } from './step/model';
export { digestBuffers, runDigests } from './batch';
export { restoreRun, resumeRun, saveRun, simulateRunTo, stepDays, type RunSnapshot } from './checkpoint';
export { configHash, decodeStateFile, encodeStateFile } from './state-file';
export { RunOrder } from './results/run-order';

// Results: a run's record and digest, the figures, the summary across runs, comparisons and per-tactic values.
export { type RunRecord } from './results/recorder';
export { digestRun, figureKeys, type RunDigest } from './results/digest';
export { DAYS_PER_MONTH, FLOW_PAIRS } from './results/figures';
export { Summary } from './results/summary';
export { type SimulationResult } from './results/result';
export { meanCi90, round6, stat, type Band, type Stat } from './results/stats';
export { COMPARED_SERIES, compareSteps, compareSummaries, type Comparison, type PairedFigure } from './results/compare';
export { incrementalResult, withIncremental, type IncrementalFigure, type IncrementalResult } from './results/incremental';
export { noiseOnly, uncertaintyResult } from './results/uncertainty';
export { rankDrivers, type Driver } from './results/drivers';
export { tacticValues, type ContributionReport } from './results/contributions';
export { MEAN_FIELD_MAX_TACTICS, meanFieldFigures, planShapley, shapleySubsetCount, subsetConfig, type ShapleyFigure, type ShapleyReport } from './results/shapley';
export { definition, GLOSSARY, INTERVALS } from './results/glossary';
export { figuresCsv, flattenFigures, toCsv } from './results/flatten';
export { ledgerWindows } from './results/brand-figures';

// The mean-field projection.
export { runMeanField, type MeanFieldResult } from './projection/meanfield';
