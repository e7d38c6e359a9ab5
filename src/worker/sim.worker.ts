/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { simWorkerApi } from './api';

Comlink.expose(simWorkerApi);
