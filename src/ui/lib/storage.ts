/**
 * The browser's storage behind a small interface (so state classes are tested with a Map), with JSON reading that
 * never throws: a damaged or missing entry reads as the fallback. Writes report failure (a full quota) instead of
 * throwing, so the app can tell the user without losing the state in memory.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const STORAGE_PREFIX = 'star-sandbox:v1:';

export const KEYS = {
  lang: STORAGE_PREFIX + 'lang',
  scenarios: STORAGE_PREFIX + 'scenarios',
  draft: STORAGE_PREFIX + 'draft',
  view: STORAGE_PREFIX + 'view',
  compare: STORAGE_PREFIX + 'compare',
} as const;

export function readJson<T>(store: KeyValueStore, key: string, fallback: T): T {
  try {
    const text = store.getItem(key);
    return text === null ? fallback : (JSON.parse(text) as T);
  } catch {
    return fallback;
  }
}

export function writeJson(store: KeyValueStore, key: string, value: unknown): boolean {
  try {
    store.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

/** A store in memory (tests, and the fallback when the browser refuses storage). */
export class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, string>();
  getItem(key: string): string | null {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.data.set(key, value);
  }
  removeItem(key: string): void {
    this.data.delete(key);
  }
}

/**
 * Runs `save` at most once per `delayMs` after the last `schedule()` (debounce), and at once on `flush()` — called
 * when the page is hidden or closed, so the last keystrokes are not lost.
 */
export class Debounced {
  private timer: ReturnType<typeof setTimeout> | null = null;
  constructor(
    private readonly save: () => void,
    private readonly delayMs = 400,
  ) {}
  schedule(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, this.delayMs);
  }
  get pending(): boolean {
    return this.timer !== null;
  }
  flush(): void {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    this.save();
  }
}
