import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatPath, getAt, isUnder, parsePath, setAt } from '../../src/ui/lib/json-path';
import { UndoHistory } from '../../src/ui/lib/history';
import { Debounced, MemoryStore, readJson, writeJson } from '../../src/ui/lib/storage';
import { decodeShare, encodeShare, shareDataFromHash, shareUrl } from '../../src/ui/lib/share';
import { validateScenario } from '../../src/scenario/parse';
import { scenarioJson } from '../helpers';

describe('JSON paths', () => {
  it('parse and format the validator’s own paths', () => {
    for (const p of ['tactics[1].schedule.weekly[0]', 'population.initial', 'a["odd key"].b', 'baseline.forward.R2']) expect(formatPath(parsePath(p))).toBe(p);
    expect(parsePath('tactics[12].id')).toEqual(['tactics', 12, 'id']);
  });

  it('every error path of an invalid scenario points at a value or a missing key in it', () => {
    const bad = scenarioJson({ days: -1, population: { agents: 'many' }, tactics: [{ id: 'x', type: 'ads', schedule: { weekly: ['sunday'] } }] });
    const r = validateScenario(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    for (const e of r.errors) {
      const segs = parsePath(e.path);
      const parent = getAt(bad, segs.slice(0, -1));
      expect(parent, e.path).toBeTypeOf('object');
    }
  });

  it('set copies only along the path and removes with undefined', () => {
    const root = { a: { b: [1, 2, 3] }, c: { d: 1 } };
    const next = setAt(root, ['a', 'b', 1], 9) as typeof root;
    expect(next.a.b).toEqual([1, 9, 3]);
    expect(root.a.b).toEqual([1, 2, 3]);
    expect(next.c).toBe(root.c);
    expect(setAt(root, ['c', 'd'], undefined)).toEqual({ a: { b: [1, 2, 3] }, c: {} });
    expect(setAt(root, ['a', 'b', 0], undefined)).toEqual({ a: { b: [2, 3] }, c: { d: 1 } });
    expect(setAt({}, ['x', 0, 'y'], 1)).toEqual({ x: [{ y: 1 }] });
  });

  it('knows which errors lie under a field', () => {
    expect(isUnder('tactics[1].id', 'tactics[1]')).toBe(true);
    expect(isUnder('tactics[10].id', 'tactics[1]')).toBe(false);
    expect(isUnder('population', 'population.initial')).toBe(false);
  });
});

describe('undo history', () => {
  it('undoes and redoes, and a new edit clears redo', () => {
    const h = new UndoHistory<number>();
    h.record(1, null, 0);
    h.record(2, null, 10);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBe(1);
    expect(h.undo(1)).toBeNull();
    expect(h.redo(1)).toBe(2);
    h.record(2, null, 20);
    expect(h.canRedo).toBe(false);
  });

  it('merges quick edits of one field into one step', () => {
    const h = new UndoHistory<string>(100, 500);
    h.record('', 'name', 0);
    h.record('a', 'name', 100);
    h.record('ab', 'name', 200);
    h.record('abc', 'other', 300);
    expect(h.depth).toBe(2);
    expect(h.undo('abcd')).toBe('abc');
    expect(h.undo('abc')).toBe('');
  });

  it('keeps at most `limit` steps', () => {
    const h = new UndoHistory<number>(3);
    for (let k = 0; k < 10; k++) h.record(k);
    expect(h.depth).toBe(3);
  });
});

describe('storage', () => {
  afterEach(() => vi.useRealTimers());

  it('reads damaged JSON as the fallback and reports a failed write', () => {
    const s = new MemoryStore();
    s.setItem('k', '{oops');
    expect(readJson(s, 'k', 7)).toBe(7);
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(writeJson(full, 'k', 1)).toBe(false);
  });

  it('debounces saves and flushes at once', () => {
    vi.useFakeTimers();
    let saves = 0;
    const d = new Debounced(() => saves++, 300);
    d.schedule();
    d.schedule();
    vi.advanceTimersByTime(299);
    expect(saves).toBe(0);
    vi.advanceTimersByTime(1);
    expect(saves).toBe(1);
    d.schedule();
    d.flush();
    expect(saves).toBe(2);
    d.flush();
    expect(saves).toBe(2);
  });
});

describe('share links', () => {
  it('carry the scenario compressed in the hash and read back exactly', async () => {
    const json = JSON.stringify(scenarioJson({ name: { en: 'Plan', zh: '方案 · 直播' } }));
    const data = await encodeShare(json);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(data.length).toBeLessThan(json.length);
    const url = shareUrl('https://example.org/app/#old', data);
    expect(url).toBe(`https://example.org/app/#s=${data}`);
    expect(await decodeShare(shareDataFromHash(new URL(url).hash)!)).toBe(json);
  });

  it('reject damaged data', async () => {
    await expect(decodeShare('not base64!')).rejects.toThrow();
    await expect(decodeShare('AAAA')).rejects.toThrow();
    expect(shareDataFromHash('#x=1')).toBeNull();
  });
});
