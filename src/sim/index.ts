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
export { Rng } from './rng';
export { apportion } from './population';

// Tactics.
export { getTactic, TACTICS } from './tactics/registry';
export { type TacticDefinition } from './tactics/types';
export { responseCurve, type ResponseCurve } from './tactics/curve';
export { StateError } from './tactics/state';

// Running: one run, a batch of runs, checkpoints and state files.
export { createRun, simulateRun } from './model';
export { digestBuffers, runDigests } from './batch';
export { restoreRun, resumeRun, saveRun, simulateRunTo, stepDays, type RunSnapshot } from './checkpoint';
export { configHash, decodeStateFile, encodeStateFile } from './state-file';
export { RunOrder } from './run-order';

// Results: a run's record and digest, the figures, the summary across runs, comparisons and per-tactic values.
export { type RunRecord } from './recorder';
export { digestRun, figureKeys, type RunDigest } from './digest';
export { DAYS_PER_MONTH, FLOW_PAIRS } from './figures';
export { Summary } from './summary';
export { type SimulationResult } from './result';
export { meanCi90, round6, stat, type Band, type Stat } from './stats';
export { COMPARED_SERIES, compareSteps, compareSummaries, type Comparison, type PairedFigure } from './compare';
export { incrementalResult, withIncremental, type IncrementalFigure, type IncrementalResult } from './incremental';
export { noiseOnly, uncertaintyResult } from './uncertainty';
export { rankDrivers, type Driver } from './drivers';
export { tacticValues, type ContributionReport } from './contributions';
export { MEAN_FIELD_MAX_TACTICS, meanFieldFigures, planShapley, shapleySubsetCount, subsetConfig, type ShapleyFigure, type ShapleyReport } from './shapley';
export { definition, GLOSSARY, INTERVALS } from './glossary';
export { figuresCsv, flattenFigures, toCsv } from './flatten';
export { ledgerWindows } from './brand-figures';

// The mean-field projection.
export { runMeanField, type MeanFieldResult } from './meanfield';
