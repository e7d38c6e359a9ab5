import * as Comlink from 'comlink';
import { digestBuffers, runDigests } from '../sim/batch';
import { runMeanField } from '../sim/meanfield';
import type { SimWorkerApi } from './protocol';

/** The object a simulation worker exposes. Pure engine calls; results transferred, not copied. */
export const simWorkerApi: SimWorkerApi = {
  async runDigests(config, from, to) {
    const digests = runDigests(config, from, to);
    return Comlink.transfer(digests, digests.flatMap(digestBuffers));
  },
  async meanField(config) {
    return runMeanField(config);
  },
  async fail(kind) {
    if (kind === 'oom') {
      const hog: ArrayBuffer[] = [];
      for (;;) hog.push(new ArrayBuffer(256 * 1024 * 1024));
    }
    throw new Error('deliberate failure (test)');
  },
};
