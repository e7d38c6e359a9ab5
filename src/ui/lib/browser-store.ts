import { MemoryStore, type KeyValueStore } from './storage';

/** The browser's localStorage when it is usable (private modes may refuse it), else memory for this session. */
export function browserStore(): KeyValueStore {
  try {
    const s = window.localStorage;
    const probe = '__star_probe__';
    s.setItem(probe, '1');
    s.removeItem(probe);
    return s;
  } catch {
    return new MemoryStore();
  }
}
