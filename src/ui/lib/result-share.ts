import { parseScenarioText } from '../../scenario/parse';
import type { Scenario } from '../../scenario/types';
import { describe, type ValidationError } from '../../scenario/validate';
import type { ContributionReport } from '../../sim';
import type { SimulationResult } from '../../sim';
import { decodeShare, encodeShare } from './share';

/**
 * Results that travel: a results link (`#r=…`, deflate-raw + base64url like a scenario link) or a results file carries
 * the scenario as it ran, its result and per-tactic values, so the recipient sees the report read-only without
 * rerunning. Opening one validates it like a scenario file — every problem named by its JSON path — and checks each
 * part against the SHA-256 digest written when it was saved, so a changed link or file is refused and the message says
 * which part was changed. (A digest catches edits and damage; it is not a signature against someone who recomputes it.)
 */
export const RESULTS_FORMAT = 'star-sandbox-results';
export const RESULTS_VERSION = 1;
export const RESULTS_PARAM = 'r';
/** Longer results go in a file: a link of this many characters is about as long as mail and chat carry. */
export const MAX_LINK_CHARS = 400_000;
/** A results file or decoded link larger than this is refused before it is parsed. */
export const MAX_RESULTS_BYTES = 20_000_000;

/** The parts each carry their own digest, so a refusal can say which one was changed. */
export const PARTS = ['scenario', 'result', 'contributions', 'savedAt'] as const;
type Part = (typeof PARTS)[number];

export interface ResultsPayload {
  format: typeof RESULTS_FORMAT;
  version: typeof RESULTS_VERSION;
  scenario: Scenario;
  result: SimulationResult;
  contributions: ContributionReport | null;
  /** When the result was made, ISO 8601. */
  savedAt: string;
  /** SHA-256 (hex) of each part's JSON. */
  digests: Record<Part, string>;
}

export type SharedResult = Omit<ResultsPayload, 'format' | 'version' | 'digests'>;

async function sha256(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function digestsOf(parts: SharedResult): Promise<Record<Part, string>> {
  const out = {} as Record<Part, string>;
  for (const p of PARTS) out[p] = await sha256(JSON.stringify(parts[p]));
  return out;
}

/** The payload's JSON text (a results file's content). */
export async function resultsJson(shared: SharedResult): Promise<string> {
  const payload: ResultsPayload = { format: RESULTS_FORMAT, version: RESULTS_VERSION, ...shared, digests: await digestsOf(shared) };
  return JSON.stringify(payload);
}

/** The data of a results link (to put after `#r=`). */
export async function encodeResults(shared: SharedResult): Promise<string> {
  return encodeShare(await resultsJson(shared));
}

/** A results link's data in a location hash, or null. */
export function resultsDataFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get(RESULTS_PARAM);
}

export function resultsUrl(base: string, data: string): string {
  return `${base.split('#')[0]}#${RESULTS_PARAM}=${data}`;
}

export type ReadResults = { ok: true; shared: SharedResult } | { ok: false; kind: 'broken' | 'invalid' | 'tampered'; errors: ValidationError[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The parts of a result the report reads, each checked for its type (path, what it must be). */
function checkResult(result: unknown, scenario: Scenario, errors: ValidationError[]): void {
  const at = (path: string): unknown => path.split('.').reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), result);
  const need = (path: string, kind: 'object' | 'number' | 'array' | 'string') => {
    const v = at(path);
    const full = `result.${path}`;
    const ok = kind === 'array' ? Array.isArray(v) : kind === 'object' ? isObject(v) : typeof v === kind && (kind !== 'number' || Number.isFinite(v));
    if (v === undefined) errors.push({ path: full, message: 'is required' });
    else if (!ok) errors.push({ path: full, message: `expected ${kind === 'object' ? 'an object' : kind === 'array' ? 'an array' : `a ${kind}`}, got ${describe(v)}` });
    return ok;
  };
  if (!isObject(result)) {
    errors.push({ path: 'result', message: result === undefined ? 'is required' : `expected an object, got ${describe(result)}` });
    return;
  }
  if (need('meta.runs', 'number') && at('meta.runs') !== scenario.runs) errors.push({ path: 'result.meta.runs', message: `does not match the scenario's runs (${scenario.runs})` });
  if (need('meta.seed', 'string') && at('meta.seed') !== String(scenario.seed)) errors.push({ path: 'result.meta.seed', message: `does not match the scenario's seed (${String(scenario.seed)})` });
  if (need('meta.days', 'number') && at('meta.days') !== scenario.days) errors.push({ path: 'result.meta.days', message: `does not match the scenario's days (${scenario.days})` });
  need('meta.causes', 'array');
  for (const k of ['assets', 'cumulativeGmv', 'cumulativeCost']) for (const s of ['mean', 'p05', 'p95']) need(`daily.${k}.${s}`, 'array');
  need('daily.tiers.R5.mean', 'array');
  need('weekly.flowRates', 'object');
  need('star', 'object');
  if (scenario.tactics.length > 0 && need('incremental', 'object')) {
    for (const f of ['gmv', 'r5', 'assets', 'cost', 'roi']) {
      const v = at(`incremental.${f}`);
      if (v === null) continue;
      for (const s of ['mean', 'p05', 'p95']) need(`incremental.${f}.${s}`, 'number');
    }
  }
}

/**
 * Read a results link's data or a results file's text: the refusal says what is wrong, each problem with its path —
 * a damaged link, a part changed since it was saved, or a value that is not what the report needs.
 */
export async function readResults(input: { data: string } | { text: string }): Promise<ReadResults> {
  let text: string;
  if ('data' in input) {
    try {
      text = await decodeShare(input.data, MAX_RESULTS_BYTES);
    } catch {
      return { ok: false, kind: 'broken', errors: [] };
    }
  } else {
    text = input.text;
    if (new TextEncoder().encode(text).length > MAX_RESULTS_BYTES) return { ok: false, kind: 'invalid', errors: [{ path: '(file)', message: `is ${text.length} bytes; the file size limit is ${MAX_RESULTS_BYTES} bytes` }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, kind: 'data' in input ? 'broken' : 'invalid', errors: [{ path: '(file)', message: 'is not valid JSON' }] };
  }
  const errors: ValidationError[] = [];
  if (!isObject(value)) return { ok: false, kind: 'invalid', errors: [{ path: '(root)', message: `expected an object, got ${describe(value)}` }] };
  if (value.format !== RESULTS_FORMAT) errors.push({ path: 'format', message: `expected one of "${RESULTS_FORMAT}", got ${describe(value.format)}` });
  if (typeof value.version === 'number' && value.version > RESULTS_VERSION) errors.push({ path: 'version', message: `${value.version} is newer than this app understands` });
  else if (value.version !== RESULTS_VERSION) errors.push({ path: 'version', message: `expected one of ${RESULTS_VERSION}, got ${describe(value.version)}` });
  if (errors.length) return { ok: false, kind: 'invalid', errors };
  // Changed since it was saved? Each part against its digest, before anything else is believed.
  const digests = value.digests;
  if (!isObject(digests)) return { ok: false, kind: 'tampered', errors: [{ path: 'digests', message: value.digests === undefined ? 'is required' : `expected an object, got ${describe(digests)}` }] };
  for (const p of PARTS) {
    if (typeof digests[p] !== 'string' || digests[p] !== (await sha256(JSON.stringify(value[p] ?? null)))) errors.push({ path: p, message: 'was changed after the results were saved' });
  }
  if (errors.length) return { ok: false, kind: 'tampered', errors };
  // Then the content, as a scenario file would be (paths under "scenario."), and the result's parts the report reads.
  const parsed = parseScenarioText(JSON.stringify(value.scenario ?? null));
  if (!parsed.ok) return { ok: false, kind: 'invalid', errors: parsed.errors.map((e) => ({ path: e.path === '(root)' ? 'scenario' : `scenario.${e.path}`.replace('scenario.[', 'scenario['), message: e.message })) };
  checkResult(value.result, parsed.scenario, errors);
  if (typeof value.savedAt !== 'string' || Number.isNaN(Date.parse(value.savedAt))) errors.push({ path: 'savedAt', message: `expected a date, got ${describe(value.savedAt)}` });
  if (value.contributions !== null && !isObject(value.contributions)) errors.push({ path: 'contributions', message: `expected an object, got ${describe(value.contributions)}` });
  if (errors.length) return { ok: false, kind: 'invalid', errors };
  return {
    ok: true,
    shared: { scenario: parsed.scenario, result: value.result as SimulationResult, contributions: (value.contributions as ContributionReport | null) ?? null, savedAt: value.savedAt as string },
  };
}
