import { joinPath } from '../../scenario/validate';

/**
 * JSON paths as the validator writes them (`tactics[1].schedule.weekly[0]`, `a["odd key"]`): parsed into segments
 * to read and write a draft, and written back with the validator's own `joinPath`, so an error's path and a field's
 * path are the same string.
 */
export type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i]!;
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      const end = path.indexOf(']', i);
      const inner = path.slice(i + 1, end < 0 ? path.length : end);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else {
        try {
          out.push(JSON.parse(inner) as string);
        } catch {
          out.push(inner);
        }
      }
      i = end < 0 ? path.length : end + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}

export function formatPath(segments: readonly Segment[]): string {
  return segments.reduce<string>((acc, s) => joinPath(acc, s), '');
}

/** The value at a path, or undefined when any step is missing. */
export function getAt(root: unknown, segments: readonly Segment[]): unknown {
  let v: unknown = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(v, s)) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/**
 * A copy of `root` with the value at `segments` replaced (copy on write: only the objects along the path are new, so
 * unchanged parts keep their identity). `undefined` removes the key (or the array item). Missing containers are
 * created as objects, or arrays when the next segment is a number.
 */
export function setAt(root: unknown, segments: readonly Segment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [Segment, ...Segment[]];
  const container: Record<string | number, unknown> | unknown[] =
    Array.isArray(root) ? root.slice() : root !== null && typeof root === 'object' ? { ...(root as object) } : typeof head === 'number' ? [] : {};
  const child = (container as Record<string | number, unknown>)[head];
  const next = setAt(child, rest, value);
  if (next === undefined && rest.length === 0) {
    if (Array.isArray(container) && typeof head === 'number') container.splice(head, 1);
    else delete (container as Record<string | number, unknown>)[head];
  } else {
    (container as Record<string | number, unknown>)[head] = next;
  }
  return container;
}

/** Does error path `p` lie at or under field path `base`? (`tactics[1]` covers `tactics[1].id`, not `tactics[10]`.) */
export function isUnder(p: string, base: string): boolean {
  if (base === '' || base === '(root)') return true;
  if (p === base) return true;
  if (!p.startsWith(base)) return false;
  const next = p[base.length];
  return next === '.' || next === '[';
}
