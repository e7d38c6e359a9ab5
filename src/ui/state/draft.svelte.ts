import { validateScenario, type ParseResult } from '../../scenario/parse';
import type { ValidationError } from '../../scenario/validate';
import { UndoHistory } from '../lib/history';
import { formatPath, isUnder, parsePath, setAt, type Segment } from '../lib/json-path';
import { Debounced, KEYS, readJson, writeJson, type KeyValueStore } from '../lib/storage';
import type { Library } from './library.svelte';

export type DraftSource = { kind: 'preset'; id: string } | { kind: 'user'; key: string };

interface SavedDraft {
  source: DraftSource;
  value: Record<string, unknown>;
}

/**
 * The scenario being edited. The editor edits this draft — plain JSON that may be invalid while the user types — and
 * the validator's errors are derived from it on every change, matched to fields by path. Run takes a snapshot of the
 * validated scenario. Every edit is undoable and saved in the browser at once (debounced); editing a preset saves a
 * copy in My scenarios, so presets never change and nothing typed is lost.
 */
export class Draft {
  source = $state.raw<DraftSource | null>(null);
  value = $state.raw<Record<string, unknown> | null>(null);
  /** Increments on every change (edits, undo, redo, open). */
  revision = $state(0);
  canUndo = $state(false);
  canRedo = $state(false);
  saveFailed = $state(false);

  validation: ParseResult | null = $derived(this.value === null ? null : validateScenario(this.value));
  errors: ValidationError[] = $derived(this.validation && !this.validation.ok ? this.validation.errors : []);

  private readonly history = new UndoHistory<Record<string, unknown>>();
  private readonly saver: Debounced;

  constructor(
    private readonly library: Library,
    private readonly store: KeyValueStore,
    private readonly hooks: { onFork?: (key: string) => void; lang?: () => 'en' | 'zh' } = {},
    private readonly now: () => number = () => Date.now(),
  ) {
    this.saver = new Debounced(() => this.save(), 300);
  }

  /** Reopen what was being edited before a reload. */
  restore(): boolean {
    const saved = readJson<SavedDraft | null>(this.store, KEYS.draft, null);
    if (!saved || !saved.source || !saved.value || typeof saved.value !== 'object') return false;
    if (saved.source.kind === 'user') {
      // The library holds the latest copy of a user scenario; a deleted one is not brought back.
      const entry = this.library.get(saved.source.key);
      if (!entry) return false;
      this.open(saved.source, entry.value);
      return true;
    }
    if (!this.library.preset(saved.source.id)) return false;
    this.open(saved.source, saved.value);
    return true;
  }

  open(source: DraftSource, value: Record<string, unknown>): void {
    this.source = source;
    this.value = value;
    this.history.clear();
    this.sync();
    this.save();
  }

  close(): void {
    this.source = null;
    this.value = null;
    this.history.clear();
    this.sync();
    this.store.removeItem(KEYS.draft);
  }

  /** Set the value at a path (`undefined` removes it). Edits to the same path in quick succession undo together. */
  set(path: string | readonly Segment[], v: unknown): void {
    if (this.value === null) return;
    const segs = typeof path === 'string' ? parsePath(path) : path;
    let next = setAt(this.value, segs, v) as Record<string, unknown>;
    // The market is fixed by the scenario: a new number of agents changes only the sample, so the people per agent
    // follow, keeping agents × scale (fewer agents means more noise, not a smaller market).
    const pop = this.value.population as { agents?: unknown; scale?: unknown } | undefined;
    if (formatPath(segs) === 'population.agents' && typeof v === 'number' && v > 0 && typeof pop?.agents === 'number' && pop.agents > 0 && typeof pop.scale === 'number') {
      next = setAt(next, parsePath('population.scale'), Number(((pop.agents * pop.scale) / v).toPrecision(12))) as Record<string, unknown>;
    }
    this.commit(next, formatPath(segs));
  }

  /** Replace the whole draft by a function of it (reordering, duplicating, applying presets): one undo step. */
  update(f: (v: Record<string, unknown>) => Record<string, unknown>): void {
    if (this.value === null) return;
    this.commit(f(structuredClone(this.value)), null);
  }

  undo(): void {
    if (this.value === null) return;
    const prev = this.history.undo(this.value);
    if (prev) this.apply(prev);
  }

  redo(): void {
    if (this.value === null) return;
    const next = this.history.redo(this.value);
    if (next) this.apply(next);
  }

  /** Errors reported exactly at this path. */
  errorsAt(path: string): ValidationError[] {
    return this.errors.filter((e) => e.path === path || (path === '' && e.path === '(root)'));
  }

  /** Errors at or below this path (for section and card badges). */
  errorsUnder(path: string): ValidationError[] {
    return this.errors.filter((e) => isUnder(e.path, path));
  }

  flush(): void {
    this.saver.flush();
    this.library.flush();
  }

  private commit(next: Record<string, unknown>, key: string | null): void {
    this.history.record(this.value!, key, this.now());
    this.apply(next);
  }

  private apply(next: Record<string, unknown>): void {
    this.value = next;
    const src = this.source;
    if (src?.kind === 'preset') {
      // First edit of a preset: keep the preset as it is and continue on a copy in My scenarios.
      const copy = this.forkOf(next, src.id);
      this.value = copy;
      const key = this.library.add(copy, src.id);
      this.source = { kind: 'user', key };
      this.hooks.onFork?.(key);
    } else if (src?.kind === 'user') {
      this.library.update(src.key, next);
    }
    this.sync();
    this.saver.schedule();
  }

  /** The edited preset as a new scenario: a fresh id and a name marked as a copy, unless the user changed them. */
  private forkOf(next: Record<string, unknown>, presetId: string): Record<string, unknown> {
    const preset = this.library.preset(presetId)?.raw ?? {};
    const marked = this.library.copyOf(next, this.hooks.lang?.() ?? 'zh');
    const copy = structuredClone(next);
    if (copy.id === preset.id) copy.id = marked.id;
    if (JSON.stringify(copy.name) === JSON.stringify(preset.name)) copy.name = marked.name;
    return copy;
  }

  private sync(): void {
    this.revision++;
    this.canUndo = this.history.canUndo;
    this.canRedo = this.history.canRedo;
  }

  private save(): void {
    if (this.source === null || this.value === null) return;
    this.saveFailed = !writeJson(this.store, KEYS.draft, { source: this.source, value: this.value } satisfies SavedDraft);
  }
}
