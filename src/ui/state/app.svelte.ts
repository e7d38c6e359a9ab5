import { getContext, setContext } from 'svelte';
import { parseScenarioText, validateScenario } from '../../scenario/parse';
import type { ValidationError } from '../../scenario/validate';
import type { Scenario } from '../../scenario/types';
import { doNothing } from '../../scenario/variants';
import { errorText } from '../../i18n/errors';
import { pathLabel } from '../lib/path-label';
import { decodeShare, encodeShare, shareDataFromHash, shareUrl } from '../lib/share';
import { KEYS, type KeyValueStore } from '../lib/storage';
import { CompareState, type Candidate } from './compare.svelte';
import { Draft } from './draft.svelte';
import { I18n } from './i18n.svelte';
import { Library } from './library.svelte';
import { PoolJobs, type PoolLike } from './pool';
import { Runner } from './runner.svelte';
import { Toasts } from './toasts.svelte';
import type { PresetEntry } from '../lib/presets';
import type { DashTab } from '../lib/route';
import { memoryResults, type ResultsStore, type SavedRun } from '../lib/results-db';
import { encodeResults, MAX_LINK_CHARS, readResults, resultsDataFromHash, resultsJson, resultsUrl, RESULTS_FORMAT, type ReadResults, type SharedResult } from '../lib/result-share';

export type View = 'library' | 'editor' | 'dashboard' | 'compare' | 'planner' | 'report' | 'class';
export const VIEWS: readonly View[] = ['library', 'editor', 'dashboard', 'compare', 'planner', 'report', 'class'];

/** The preset a first visit opens. */
export const DEFAULT_PRESET = 'beauty-omnichannel-acquisition';

/**
 * Everything the app holds, wired together: language, library, the open draft, the runner, the comparison and
 * messages. Components get it from context (`useApp()`); only this layer talks to the worker pool.
 */
export class AppState {
  readonly i18n: I18n;
  readonly toasts = new Toasts();
  readonly library: Library;
  readonly draft: Draft;
  readonly runner: Runner;
  readonly compare: CompareState;
  /** The pool's line: one job at a time (the dashboard's run, the comparison, a planner tool's Monte Carlo). */
  readonly poolJobs = new PoolJobs();
  view = $state<View>('library');
  /** The dashboard's open tab (in the URL with the view: `#/dashboard/R`). */
  dashTab = $state<DashTab>('S');
  /** Set by Run in the editor: the dashboard moves focus to the result once it is drawn. */
  focusResultPending = false;
  /** The saved runs of the scenario whose result is shown, newest first; and the id of the one shown. */
  runHistory = $state.raw<SavedRun[]>([]);
  shownRunId = $state<number | null>(null);
  /** A result received with a link or a file, shown read-only by the report (never run, saved or edited here). */
  shared = $state.raw<SharedResult | null>(null);
  /** The last comparison came from storage (saved then), not from a comparison run in this page. */
  comparisonSavedAt = $state<string | null>(null);
  /** When the comparison shown was made (saved), for its report. */
  comparisonMadeAt = $state<string | null>(null);

  constructor(
    readonly store: KeyValueStore,
    readonly pool: PoolLike,
    presets?: PresetEntry[],
    readonly results: ResultsStore = memoryResults(),
  ) {
    this.i18n = new I18n(store);
    this.library = new Library(store, presets);
    this.draft = new Draft(this.library, store, {
      onFork: () => this.toasts.show('info', this.i18n.t('editor.forked')),
      lang: () => this.i18n.lang,
    });
    const jobs = this.poolJobs;
    this.runner = new Runner(pool, jobs);
    this.runner.onDone = (what) => void this.saveRun(what);
    // One cache of summaries by compiled config: Compare reuses what the dashboard has run (no work done twice).
    this.compare = new CompareState(pool, jobs, store, this.runner.baselines);
    this.compare.onDone = () => void this.saveComparison();
    const v = store.getItem(KEYS.view);
    if (v && (VIEWS as readonly string[]).includes(v)) this.view = v as View;
    const restored = this.draft.restore();
    if (!restored && this.view !== 'library' && this.view !== 'compare' && this.view !== 'report') this.view = 'library';
    // A first visit opens the default preset, ready to run: the README's first command lands on a real plan.
    if (v === null && !restored && this.library.preset(DEFAULT_PRESET)) this.openPreset(DEFAULT_PRESET);
  }

  show(view: View): void {
    this.view = view;
    try {
      this.store.setItem(KEYS.view, view);
    } catch {
      // Not remembering the view is harmless.
    }
  }

  openPreset(id: string): void {
    const p = this.library.preset(id);
    if (!p) return;
    this.draft.open({ kind: 'preset', id }, structuredClone(p.raw));
    this.show('editor');
  }

  openUser(key: string): void {
    const u = this.library.get(key);
    if (!u) return;
    this.draft.open({ kind: 'user', key }, u.value);
    this.show('editor');
  }

  newFromPreset(id: string): void {
    const p = this.library.preset(id);
    if (!p) return;
    const copy = this.library.copyOf(p.raw, this.i18n.lang);
    const key = this.library.add(copy, id);
    this.toasts.show('success', this.i18n.t('library.created', { name: this.i18n.text(copy.name) }));
    this.openUser(key);
  }

  duplicateUser(key: string): void {
    const u = this.library.get(key);
    if (!u) return;
    const copy = this.library.copyOf(u.value, this.i18n.lang);
    this.library.add(copy, u.origin);
  }

  deleteUser(key: string): void {
    const u = this.library.get(key);
    if (!u) return;
    this.library.remove(key);
    if (this.draft.source?.kind === 'user' && this.draft.source.key === key) this.draft.close();
    this.toasts.show('info', this.i18n.t('library.deleted', { name: this.i18n.text(u.value.name) || u.value.id as string }));
  }

  /**
   * Validation errors as lines for a message: "where: what" in the reader's language, the place named with the
   * editor's labels (from `value`, the scenario as written), at most 12, then how many more there are.
   */
  errorLines(errors: ValidationError[], value: unknown = this.draft.value): string[] {
    const lang = this.i18n.lang;
    const lines = errors.slice(0, 12).map((e) => `${pathLabel(e.path, value, lang)}: ${errorText(e.message, lang)}`);
    if (errors.length > 12) lines.push(this.i18n.t('io.more', { n: errors.length - 12 }));
    return lines;
  }

  /** Import a scenario file's text: validated first; errors name the field. Returns the new key, or null. */
  importText(text: string, fileName: string): string | null {
    // A results file is opened read-only in the report instead.
    if (text.length < 2_000 ? text.includes(RESULTS_FORMAT) : text.slice(0, 200).includes(RESULTS_FORMAT)) {
      void this.openResultsText(text, fileName);
      return null;
    }
    const r = parseScenarioText(text);
    if (!r.ok) {
      this.toasts.show('error', this.i18n.t('io.importFailed', { file: fileName }), [this.i18n.t('io.problems', { n: r.errors.length }), ...this.errorLines(r.errors, jsonOrNull(text))]);
      return null;
    }
    // Keep the file as written (not the defaults-filled copy), so exporting it again gives the same file.
    const value = JSON.parse(text) as Record<string, unknown>;
    const key = this.library.add(value, null);
    this.toasts.show('success', this.i18n.t('io.importOk', { name: this.i18n.text(value.name) }));
    this.openUser(key);
    return key;
  }

  /** The open draft as a file's text (2-space JSON, as the presets are written). */
  draftText(): string | null {
    return this.draft.value ? JSON.stringify(this.draft.value, null, 2) + '\n' : null;
  }

  async shareLink(base: string): Promise<string | null> {
    const v = this.draft.value;
    if (!v) return null;
    return shareUrl(base, await encodeShare(JSON.stringify(v)));
  }

  /** The shown result (or the one received) as a results link's data and a file's text; null when there is none. */
  currentResults(): SharedResult | null {
    if (this.shared) return this.shared;
    const r = this.runner;
    if (!r.scenario || !r.result || r.partial || r.status !== 'done') return null;
    const savedAt = r.restoredAt ?? this.runHistory.find((h) => h.id === this.shownRunId)?.savedAt ?? new Date().toISOString();
    return { scenario: JSON.parse(r.scenarioJson) as Scenario, result: r.result, contributions: r.contributions, savedAt };
  }

  /** A link that carries the result (null when there is none; 'tooLong' when it is too large for a link). */
  async resultsLink(base: string): Promise<string | 'tooLong' | null> {
    const s = this.currentResults();
    if (!s) return null;
    const data = await encodeResults(s);
    return data.length > MAX_LINK_CHARS ? 'tooLong' : resultsUrl(base, data);
  }

  /** The results file's text, or null. */
  async resultsFileText(): Promise<string | null> {
    const s = this.currentResults();
    return s ? resultsJson(s) : null;
  }

  /** Show a read result, or say why it was refused, each problem with the field it is about. */
  private showResults(r: ReadResults, source: string | null): boolean {
    if (r.ok) {
      this.shared = r.shared;
      this.toasts.show('success', this.i18n.t('io.resultsOpened'));
      this.show('report');
      return true;
    }
    const lang = this.i18n.lang;
    const what = r.kind === 'broken' ? 'io.resultsBroken' : r.kind === 'tampered' ? 'io.resultsTampered' : 'io.resultsInvalid';
    const lines = r.errors.slice(0, 12).map((e) => `${e.path}: ${errorText(e.message, lang)}`);
    this.toasts.show('error', source ? `${this.i18n.t(what)} (“${source}”)` : this.i18n.t(what), r.errors.length ? [this.i18n.t('io.problems', { n: r.errors.length }), ...lines] : undefined);
    return false;
  }

  /** Open a results file's text read-only. */
  async openResultsText(text: string, fileName: string): Promise<boolean> {
    return this.showResults(await readResults({ text }), fileName);
  }

  /** Stop showing a received result. */
  closeShared(): void {
    this.shared = null;
  }

  /** Open a scenario carried by a link (`#s=…`), or results (`#r=…`). Returns true when the hash held one. */
  async openFromHash(hash: string): Promise<boolean> {
    const results = resultsDataFromHash(hash);
    if (results !== null) {
      this.showResults(await readResults({ data: results }), null);
      return true;
    }
    const data = shareDataFromHash(hash);
    if (data === null) return false;
    let text: string;
    try {
      text = await decodeShare(data);
    } catch {
      this.toasts.show('error', this.i18n.t('io.linkBroken'));
      return true;
    }
    const r = parseScenarioText(text);
    if (!r.ok) {
      this.toasts.show('error', this.i18n.t('io.linkInvalid'), [this.i18n.t('io.problems', { n: r.errors.length }), ...this.errorLines(r.errors, jsonOrNull(text))]);
      return true;
    }
    const value = JSON.parse(text) as Record<string, unknown>;
    const key = this.library.findSame(value) ?? this.library.add(value, null);
    this.toasts.show('success', this.i18n.t('io.linkOpened'));
    this.openUser(key);
    return true;
  }

  /** Run the open draft (validate → compile → pool), showing the dashboard. */
  runDraft(): void {
    const v = this.draft.validation;
    if (!v) return;
    if (!v.ok) {
      this.toasts.show('error', this.i18n.t('run.invalid', { n: v.errors.length }), this.errorLines(v.errors));
      this.show('editor');
      return;
    }
    void this.runner.run(v.scenario);
    // Leaving a large editor and drawing the dashboard is the heaviest DOM work of a run: do it in its own task, after
    // the run has started, so neither task blocks the page for long.
    setTimeout(() => this.show('dashboard'), 0);
  }

  /** Everything that can be compared, with stable ids. */
  candidates(): Candidate[] {
    const out: Candidate[] = [];
    for (const p of this.library.presets) out.push({ id: `preset:${p.id}`, name: p.raw.name ?? p.id, group: 'preset', scenario: p.scenario });
    for (const u of this.library.user) {
      const v = validateScenario(u.value);
      out.push({ id: `user:${u.key}`, name: u.value.name ?? u.value.id, group: 'mine', scenario: v.ok ? v.scenario : null });
    }
    for (const c of [...out]) {
      const base: Scenario | null = c.scenario;
      out.push({
        id: `baseline:${c.id}`,
        name: base ? doNothing(base).name : c.name,
        group: 'baseline',
        scenario: base ? doNothing(base) : null,
      });
    }
    return out;
  }

  /** The comparison's first selection: the open scenario and its do-nothing baseline as the reference. */
  defaultComparison(): void {
    if (this.compare.selected.length > 0) return;
    const src = this.draft.source;
    const id = src ? (src.kind === 'preset' ? `preset:${src.id}` : `user:${src.key}`) : this.library.presets[0] ? `preset:${this.library.presets[0].id}` : null;
    if (!id) return;
    this.compare.toggle(`baseline:${id}`);
    this.compare.toggle(id);
    this.compare.setReference(`baseline:${id}`);
    const c = this.candidates().find((x) => x.id === id);
    if (c?.scenario) this.compare.adoptSettings(c.scenario);
  }

  /** Save the runner's result (a new run), or add its per-tactic values to the saved run they belong to. */
  async saveRun(what: 'run' | 'contributions'): Promise<void> {
    const r = this.runner;
    const scenario = r.scenario;
    const result = r.result;
    if (!scenario || !result) return;
    try {
      if (what === 'contributions') {
        if (this.shownRunId !== null && r.contributions) await this.results.setContributions(this.shownRunId, r.contributions);
      } else {
        // The scenario from its JSON: what was run may share objects with the editor's reactive draft, which storage
        // cannot copy.
        const saved = { key: scenario.id, scenario: JSON.parse(r.scenarioJson) as Scenario, scenarioJson: r.scenarioJson, result, contributions: r.contributions, savedAt: new Date().toISOString() };
        this.shownRunId = await this.results.saveRun(saved);
      }
      this.runHistory = await this.results.history(scenario.id);
    } catch {
      // Storage refused (quota, private mode): the result stays on screen for this session.
    }
  }

  /**
   * Show the newest saved run of a scenario (by its id) unless a job is under way or it is shown already: after a
   * reload, or when another scenario is opened. Returns true when one was shown.
   */
  async showSaved(key: string): Promise<boolean> {
    let runs: SavedRun[];
    try {
      runs = await this.results.history(key);
    } catch {
      return false;
    }
    const newest = runs[0];
    if (!newest || this.runner.busy || (this.runner.scenario?.id === key && this.runner.result && !this.runner.restoredAt)) return false;
    this.runHistory = runs;
    this.openSavedRun(newest);
    return true;
  }

  /** Reopen one saved run (from the history). */
  openSavedRun(run: SavedRun): void {
    if (this.runner.busy) return;
    this.runner.restore(run);
    this.shownRunId = run.id ?? null;
  }

  async saveComparison(): Promise<void> {
    const o = this.compare.outcome;
    if (!o) return;
    try {
      const plain = <T,>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
      const outcome = { ...o, entries: o.entries.map((e) => ({ ...e, name: plain(e.name), scenario: plain(e.scenario) })) };
      const savedAt = new Date().toISOString();
      this.comparisonMadeAt = savedAt;
      this.comparisonSavedAt = null;
      await this.results.saveComparison({ outcome, savedAt });
    } catch {
      // As for runs: kept for this session only.
    }
  }

  /** Show the last saved comparison when none has been run in this page. */
  async restoreComparison(): Promise<void> {
    try {
      const saved = await this.results.lastComparison();
      if (!saved || this.compare.outcome || this.compare.busy) return;
      this.compare.outcome = saved.outcome;
      this.compare.status = 'done';
      this.comparisonSavedAt = saved.savedAt;
      this.comparisonMadeAt = saved.savedAt;
    } catch {
      // Nothing saved that can be read.
    }
  }

  flush(): void {
    this.draft.flush();
    this.library.flush();
  }
}

const KEY = Symbol('star-app');

export function provideApp(app: AppState): void {
  setContext(KEY, app);
}

export function useApp(): AppState {
  return getContext<AppState>(KEY);
}

/** A file's JSON when it parses (to name its tactics in error messages), else null. */
function jsonOrNull(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
