import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

/**
 * The repository stands alone: what a clone holds (README.md, docs/, scenarios/, src/) never points at files outside
 * it — the domain notes it was built from are summarised in docs/domain.md and docs/sources.md — and every link and
 * every anchor it names exists.
 */
const root = join(import.meta.dirname, '..');
const SCOPE = ['README.md', 'docs', 'scenarios', 'src'];

function walk(p: string): string[] {
  if (statSync(p).isDirectory()) return readdirSync(p).flatMap((n) => walk(join(p, n)));
  return /\.(md|json|ts|svelte|css|html)$/.test(p) ? [p] : [];
}

const files = SCOPE.flatMap((s) => walk(join(root, s)));
const rel = (f: string) => relative(root, f).replace(/\\/g, '/');
const allMd = ['README.md', 'docs', 'scenarios', 'src', 'tests', 'scripts']
  .filter((s) => existsSync(join(root, s)))
  .flatMap((s) => walk(join(root, s)))
  .filter((f) => f.endsWith('.md'))
  .map(rel);

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf(mdFile: string): Set<string> {
  const text = readFileSync(mdFile, 'utf8');
  return new Set(
    [...text.matchAll(/^#{1,6} +(.+?) *$/gm)].map((m) =>
      m[1]!
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, '')
        .replace(/\s/g, '-'),
    ),
  );
}

const SOURCES = join(root, 'docs/sources.md');

describe('the repository stands alone', () => {
  it('scans the documents and the code', () => {
    expect(files.map(rel)).toContain('README.md');
    expect(files.map(rel)).toContain('docs/sources.md');
    expect(files.length).toBeGreaterThan(50);
  });

  it('nothing mentions the domain folder outside the repository (../shared)', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      expect(/\.\.\/shared|shared\/(domain|seeds)/.test(text), `${rel(f)} mentions ../shared`).toBe(false);
    }
  });

  it('every markdown link to a file points at a file in the repository, and every anchor exists', () => {
    let links = 0;
    for (const f of files.filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const target = m[1]!;
        if (/^(https?:|mailto:)/.test(target)) continue;
        const [path, anchor] = target.split('#') as [string, string | undefined];
        const file = path === '' ? f : join(dirname(f), path);
        links++;
        expect(existsSync(file), `${rel(f)} links to ${target}`).toBe(true);
        if (anchor && file.endsWith('.md')) expect([...anchorsOf(file)], `${rel(f)} links to ${target}`).toContain(anchor);
      }
    }
    expect(links).toBeGreaterThan(50);
  });

  it('every markdown file named in a document or in the code exists in the repository', () => {
    const known = new Set(allMd.map((p) => basename(p)));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/[\w./-]*[\w-]+\.md\b/g)) {
        const name = m[0];
        const ok = existsSync(join(dirname(f), name)) || existsSync(join(root, name)) || (!name.includes('/') && known.has(name));
        expect(ok, `${rel(f)} names ${name}, which is not in the repository`).toBe(true);
      }
    }
  });

  it('every docs/sources.md anchor a preset cites exists', () => {
    const anchors = anchorsOf(SOURCES);
    let cited = 0;
    for (const f of files.filter((x) => rel(x).startsWith('scenarios/') && x.endsWith('.json'))) {
      const value = JSON.parse(readFileSync(f, 'utf8')) as { sources?: unknown[] };
      for (const s of value.sources ?? []) {
        const texts = typeof s === 'string' ? [s] : Object.values(s as Record<string, string>);
        for (const t of texts) {
          const at = t.indexOf('docs/sources.md');
          if (at < 0) continue;
          for (const a of t.slice(at).matchAll(/#([a-z0-9][a-z0-9-]*)/g)) {
            cited++;
            expect([...anchors], `${rel(f)} cites docs/sources.md#${a[1]}`).toContain(a[1]);
          }
        }
      }
    }
    expect(cited).toBeGreaterThan(10);
  });
});
