/**
 * Worker thread of the command-line pool: receives a config once, then run indices; answers with run digests. With
 * `stopAt` it runs only that many days and answers with the run's saved state; with `snapshot` it resumes a saved run
 * to the end (checkpoint.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { EngineConfig } from '../sim';
import { digestBuffers, runDigests } from '../sim';
import { resumeRun, simulateRunTo, type RunSnapshot } from '../sim';
import { digestRun } from '../sim';

let config: EngineConfig | null = null;

parentPort!.on('message', (msg: { config?: EngineConfig; run?: number; stopAt?: number; snapshot?: RunSnapshot }) => {
  try {
    if (msg.config) {
      config = msg.config;
      return;
    }
    if (config === null || msg.run === undefined) throw new Error('worker got a run before its scenario');
    if (msg.stopAt !== undefined) {
      parentPort!.postMessage({ run: msg.run, snapshot: simulateRunTo(config, msg.run, msg.stopAt) });
      return;
    }
    const [digest] = msg.snapshot ? [digestRun(resumeRun(config, msg.snapshot), config)] : runDigests(config, msg.run, msg.run + 1);
    parentPort!.postMessage({ run: msg.run, digest }, digestBuffers(digest!));
  } catch (e) {
    parentPort!.postMessage({ run: msg.run, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
