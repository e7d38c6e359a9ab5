import type { EngineConfig } from '../config';
import { FIRST_TACTIC_CAUSE } from '../config';
import { createPopulation } from './population';
import type { RunRecord } from '../results/recorder';
import { Rng, runKey } from './rng';
import { configForRun } from '../assumptions';
import { RunState } from './run-state';
import { stepMoves } from './moves';
import { getTactic } from '../tactics/registry';
import type { ChannelId, ChannelOpener, RunEnv } from '../tactics/types';

/**
 * The tactics that open each private-domain channel (their declared `opens`), in scenario order: tactics interact
 * through the channel (pre-heat, coupons sent in groups), not through each other's types.
 */
export function channelOpeners(config: EngineConfig): Map<ChannelId, ChannelOpener[]> {
  const map = new Map<ChannelId, ChannelOpener[]>();
  config.tactics.forEach((t, k) => {
    const opening = getTactic(t.type).opens;
    if (!opening) return;
    const list = map.get(opening.channel) ?? [];
    list.push({ cause: FIRST_TACTIC_CAUSE + k, params: t.params, opening });
    map.set(opening.channel, list);
  });
  return map;
}

/** Create the state of run `run`: population, streams and tactic runtimes, before day 0. */
export function createRun(scenarioConfig: EngineConfig, run: number): RunState {
  // This run's draws of the assumed parameters (none when assumption uncertainty is off).
  const config = configForRun(scenarioConfig, run);
  const key = runKey(config.seed, run);
  const cv = config.orderValue.mean > 0 ? config.orderValue.sd / config.orderValue.mean : 0;
  const pop = createPopulation(
    {
      agents: config.agents,
      initialCounts: config.initialCounts,
      heterogeneity: config.heterogeneity,
      repeatModel: config.repeatModel,
      orderValueCv: cv,
    },
    new Rng(`${key}/agents`),
  );
  const s = new RunState(config, run, pop, key);
  const openers = channelOpeners(config);
  s.setTactics(
    config.tactics.map((t, k) => {
      const env: RunEnv = { cause: FIRST_TACTIC_CAUSE + k, engine: config, openers, agents: pop.n, rng: s.tacticRng(t.id) };
      return getTactic(t.type).create(t, env);
    }),
  );
  s.rec.tiers(0, pop.counts);
  return s;
}

/** Advance a run by one day (calendar → moves → purchases → costs → record). */
export function stepDay(s: RunState, day: number): void {
  s.beginDay(day);
  stepMoves(s);
  s.endDay();
}

/**
 * Run `run` of a scenario from start to end. Pure: the same config and run index give the same record. `onDay` (if
 * given) hears the number of days done after each day, so a caller can report progress within a long run; it sees
 * nothing of the state and cannot change the record.
 */
export function simulateRun(config: EngineConfig, run: number, onDay?: (daysDone: number) => void): RunRecord {
  const s = createRun(config, run);
  for (let day = 0; day < config.days; day++) {
    stepDay(s, day);
    onDay?.(day + 1);
  }
  return finishRun(s);
}

/** Close a run: count buyers and repeaters from the per-agent order counters. */
export function finishRun(s: RunState): RunRecord {
  const orders = s.pop.orders;
  let buyers = 0;
  let repeaters = 0;
  for (let i = 0; i < orders.length; i++) {
    const o = orders[i]!;
    if (o > 0) buyers++;
    if (o > 1) repeaters++;
  }
  s.rec.rec.buyers = buyers;
  s.rec.rec.repeaters = repeaters;
  const metrics: number[] = [];
  s.config.tactics.forEach((t, k) => {
    const declared = getTactic(t.type).metrics.length;
    const values = s.tactics[k]!.report?.(s) ?? [];
    if (values.length !== declared) throw new Error(`tactic ${t.id} reported ${values.length} metrics, declared ${declared}`);
    metrics.push(...values);
  });
  s.rec.rec.tacticMetrics = Float64Array.from(metrics);
  s.rec.rec.ledgerWindows = s.ledger.windowTally;
  s.rec.rec.ledgerChannels = s.ledger.channelTally;
  return s.rec.rec;
}
