import { loadPresets, type PresetEntry } from '../lib/presets';
import { Debounced, KEYS, readJson, writeJson, type KeyValueStore } from '../lib/storage';

/** One of the user's scenarios, stored as the JSON they edit (it may be invalid while they work on it). */
export interface UserScenario {
  key: string;
  value: Record<string, unknown>;
  updatedAt: number;
  /** The preset it started from, if any. */
  origin: string | null;
}

/** Make an id unique among `taken`: `x`, `x-2`, `x-3`… (within the 64-character limit). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const stem = base.slice(0, 58);
  if (!taken.has(stem)) return stem;
  for (let k = 2; ; k++) {
    const id = `${stem}-${k}`;
    if (!taken.has(id)) return id;
  }
}

/** A scenario name with a suffix in each language it has. */
export function suffixName(name: unknown, suffix: { en: string; zh: string }, lang: 'en' | 'zh'): unknown {
  if (typeof name === 'string') return name + suffix[lang];
  if (name && typeof name === 'object') {
    const o = { ...(name as Record<string, unknown>) };
    if (typeof o.en === 'string') o.en += suffix.en;
    if (typeof o.zh === 'string') o.zh += suffix.zh;
    return o;
  }
  return name;
}

/**
 * The scenario library: the bundled presets (read-only) and the user's own scenarios, saved in the browser on every
 * change (debounced; flushed when the page is hidden).
 */
export class Library {
  readonly presets: PresetEntry[];
  user = $state.raw<UserScenario[]>([]);
  /** The last save failed (storage full): the UI says so. */
  saveFailed = $state(false);
  private readonly saver: Debounced;
  private counter = 0;

  constructor(
    private readonly store: KeyValueStore,
    presets: PresetEntry[] = loadPresets(),
    private readonly now: () => number = () => Date.now(),
  ) {
    this.presets = presets;
    const saved = readJson<unknown>(store, KEYS.scenarios, []);
    this.user = Array.isArray(saved)
      ? saved.filter((u): u is UserScenario => !!u && typeof u === 'object' && typeof (u as UserScenario).key === 'string' && !!(u as UserScenario).value && typeof (u as UserScenario).value === 'object')
      : [];
    this.saver = new Debounced(() => this.save(), 300);
  }

  preset(id: string): PresetEntry | undefined {
    return this.presets.find((p) => p.id === id);
  }

  get(key: string): UserScenario | undefined {
    return this.user.find((u) => u.key === key);
  }

  /** Ids in use by the user's scenarios and the presets. */
  takenIds(): Set<string> {
    const ids = new Set<string>(this.presets.map((p) => p.id));
    for (const u of this.user) if (typeof u.value.id === 'string') ids.add(u.value.id);
    return ids;
  }

  add(value: Record<string, unknown>, origin: string | null = null): string {
    const key = `u${this.now().toString(36)}${(this.counter++).toString(36)}`;
    this.user = [{ key, value, updatedAt: this.now(), origin }, ...this.user];
    this.saver.schedule();
    return key;
  }

  update(key: string, value: Record<string, unknown>): void {
    this.user = this.user.map((u) => (u.key === key ? { ...u, value, updatedAt: this.now() } : u));
    this.saver.schedule();
  }

  remove(key: string): void {
    this.user = this.user.filter((u) => u.key !== key);
    this.saver.schedule();
  }

  /** A copy of a preset (or of one of the user's scenarios) with a fresh id and a name marked as a copy. */
  copyOf(value: Record<string, unknown>, lang: 'en' | 'zh'): Record<string, unknown> {
    const copy = structuredClone(value);
    const base = typeof copy.id === 'string' ? `${copy.id}-copy` : 'scenario';
    copy.id = uniqueId(base, this.takenIds());
    copy.name = suffixName(copy.name, { en: ' (copy)', zh: '(副本)' }, lang);
    return copy;
  }

  /** The key of a user scenario with exactly this JSON, to avoid duplicates when the same link is opened twice. */
  findSame(value: unknown): string | null {
    const json = JSON.stringify(value);
    return this.user.find((u) => JSON.stringify(u.value) === json)?.key ?? null;
  }

  flush(): void {
    this.saver.flush();
  }

  private save(): void {
    this.saveFailed = !writeJson(this.store, KEYS.scenarios, this.user);
  }
}
