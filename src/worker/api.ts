import * as Comlink from 'comlink';
import { digestBuffers, runDigests } from '../sim';
import { runMeanField } from '../sim';
import type { SimWorkerApi, WorkerNotice } from './protocol';

/**
 * The object a simulation worker exposes. Pure engine calls; results transferred, not copied. `notify` posts a
 * notice to the page (progress within a run), `now` is the worker's clock for throttling them: the engine itself has
 * no clock, it only says which day it has finished.
 */
export function createSimWorkerApi(notify: (n: WorkerNotice) => void, now: () => number): SimWorkerApi {
  return {
    async runDigests(config, from, to, reportEveryMs) {
      let last = now();
      const onDay =
        reportEveryMs === undefined
          ? undefined
          : (run: number, daysDone: number) => {
              const t = now();
              if (t - last < reportEveryMs) return;
              last = t;
              notify({ star: 'progress', run, daysDone });
            };
      const digests = runDigests(config, from, to, undefined, onDay);
      return Comlink.transfer(digests, digests.flatMap(digestBuffers));
    },
    async meanField(config) {
      return runMeanField(config);
    },
    async fail() {
      throw new Error('deliberate failure (test)');
    },
  };
}
