/** Worker thread of the command-line pool: receives a config once, then run indices; answers with run digests. */
import { parentPort } from 'node:worker_threads';
import type { EngineConfig } from '../sim/config';
import { digestBuffers, runDigests } from '../sim/batch';

let config: EngineConfig | null = null;

parentPort!.on('message', (msg: { config?: EngineConfig; run?: number }) => {
  try {
    if (msg.config) {
      config = msg.config;
      return;
    }
    if (config === null || msg.run === undefined) throw new Error('worker got a run before its scenario');
    const [digest] = runDigests(config, msg.run, msg.run + 1);
    parentPort!.postMessage({ run: msg.run, digest }, digestBuffers(digest!));
  } catch (e) {
    parentPort!.postMessage({ run: msg.run, error: e instanceof Error ? e.stack ?? e.message : String(e) });
  }
});
