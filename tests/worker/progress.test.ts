import { describe, expect, it } from 'vitest';
import { config } from '../helpers';
import { runDigests } from '../../src/sim/batch';
import { createSimWorkerApi } from '../../src/worker/api';
import { WorkerClient } from '../../src/worker/client';
import type { WorkerNotice } from '../../src/worker/protocol';
import { failureKind } from '../../src/ui/state/pool';
import type { RunDigest } from '../../src/sim/results/digest';

const c = config({ days: 30, runs: 3, tactics: [{ id: 'live', type: 'livestream' }] });

/** Digests as bytes, to compare runs with and without progress reports. */
function bytes(ds: RunDigest[]): string {
  return JSON.stringify(ds, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v));
}

describe('progress within a run', () => {
  it('the engine tells each day done, in order, and the digests are the same with or without listening', () => {
    const heard: Array<[number, number]> = [];
    const withDays = runDigests(c, 0, 3, undefined, (run, d) => heard.push([run, d]));
    expect(bytes(withDays)).toBe(bytes(runDigests(c, 0, 3)));
    expect(heard).toHaveLength(3 * 30);
    expect(heard.slice(0, 3)).toEqual([
      [0, 1],
      [0, 2],
      [0, 3],
    ]);
    expect(heard.at(-1)).toEqual([2, 30]);
  });

  it('the worker throttles the reports by its own clock, and its digests are the command line’s', async () => {
    const notices: WorkerNotice[] = [];
    let t = 0;
    // Every look at the clock moves it on 100 ms: a report at most every 250 ms is one every third day.
    const api = createSimWorkerApi((n) => notices.push(n), () => (t += 100));
    const digests = await api.runDigests(c, 0, 3, 250);
    expect(bytes(digests)).toBe(bytes(runDigests(c, 0, 3)));
    expect(notices.length).toBe(30);
    expect(notices.every((n) => n.star === 'progress')).toBe(true);
    const first = notices[0] as Extract<WorkerNotice, { star: 'progress' }>;
    expect(first).toEqual({ star: 'progress', run: 0, daysDone: 3 });
    notices.length = 0;
    await api.runDigests(c, 0, 1);
    expect(notices).toEqual([]);
  });
});

/** A stand-in for a browser Worker: records what it is sent; the test plays the worker's side. */
class FakeWorker extends EventTarget {
  sent: unknown[] = [];
  terminated = false;
  postMessage(m: unknown): void {
    this.sent.push(m);
  }
  terminate(): void {
    this.terminated = true;
  }
  notice(n: WorkerNotice): void {
    this.dispatchEvent(new MessageEvent('message', { data: n }));
  }
  fail(message?: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), message === undefined ? {} : { message }));
  }
}

function client() {
  const started: FakeWorker[] = [];
  const wc = new WorkerClient(() => {
    const w = new FakeWorker();
    started.push(w);
    return w;
  });
  return { wc, started };
}

describe('a worker’s failures, named for what they are', () => {
  it('an error before the worker said it was ready is a failure to load (not out of memory), and the next call starts a fresh worker', async () => {
    const { wc, started } = client();
    const call = wc.call((api) => api.meanField(c));
    expect(wc.state).toBe('loading');
    started[0]!.fail(); // what a module worker whose script cannot be fetched fires: an error event with no message
    const e = await call.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).name).toBe('WorkerLoadError');
    expect(failureKind(e).kind).toBe('load');
    expect(started[0]!.terminated).toBe(true);
    expect(wc.state).toBe('none');
    void wc.call((api) => api.meanField(c)).catch(() => {});
    expect(started).toHaveLength(2);
    started[1]!.notice({ star: 'ready' });
    expect(wc.state).toBe('ready');
    wc.terminate();
  });

  it('an error after the worker was ready is a crash, or out of memory when it says so', async () => {
    for (const [message, kind] of [
      ['Uncaught Error: boom', 'crash'],
      [undefined, 'crash'],
      ['Out of memory', 'oom'],
    ] as const) {
      const { wc, started } = client();
      const call = wc.call((api) => api.meanField(c));
      started[0]!.notice({ star: 'ready' });
      started[0]!.fail(message);
      const e = await call.catch((x: unknown) => x);
      expect((e as Error).name, String(message)).toBe('WorkerCrashError');
      expect(failureKind(e).kind, String(message)).toBe(kind);
    }
  });

  it('progress notices reach whoever listens to the call in hand; comlink never sees them', async () => {
    const { wc, started } = client();
    const heard: Array<[number, number]> = [];
    wc.onProgress = (run, d) => heard.push([run, d]);
    const call = wc.call((api) => api.meanField(c)).catch((x: unknown) => x);
    started[0]!.notice({ star: 'ready' });
    started[0]!.notice({ star: 'progress', run: 4, daysDone: 120 });
    expect(heard).toEqual([[4, 120]]);
    wc.terminate();
    expect(((await call) as Error).name).toBe('CancelledError');
  });
});
