/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createSimWorkerApi } from './api';
import type { WorkerNotice } from './protocol';

const notify = (n: WorkerNotice) => self.postMessage(n);
Comlink.expose(createSimWorkerApi(notify, () => performance.now()));
// The script loaded and runs: from now on an error is a crash, not a failure to load.
notify({ star: 'ready' });
