import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const src = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(name) ? [p] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

/** The folder under src/ an import resolves to ('' for packages). */
function folderOf(file: string, spec: string): string {
  if (!spec.startsWith('.')) return '';
  const target = relative(src, join(file, '..', spec));
  return target.split(/[\\/]/)[0]!;
}

const rules: Record<string, string[]> = {
  lib: ['lib'],
  sim: ['sim', 'lib'],
  scenario: ['scenario', 'sim', 'lib'],
  worker: ['worker', 'sim', 'lib'],
  cli: ['cli', 'planner', 'sim', 'scenario', 'lib'],
  planner: ['planner', 'scenario', 'sim', 'lib'],
  classroom: ['classroom', 'scenario', 'sim', 'lib'],
  charts: ['charts', 'lib', 'sim', 'i18n'],
  i18n: ['i18n', 'lib', 'sim'],
};

describe('architecture: arrows point one way (ui → charts, scenario, worker → sim → lib)', () => {
  for (const [folder, allowed] of Object.entries(rules)) {
    it(`src/${folder} imports only from ${allowed.join(', ')}`, () => {
      let dir: string;
      try {
        dir = join(src, folder);
        statSync(dir);
      } catch {
        return;
      }
      for (const f of files(dir)) {
        for (const spec of importsOf(f)) {
          const target = folderOf(f, spec);
          if (target === '') continue;
          expect(allowed, `${relative(src, f)} imports ${spec}`).toContain(target);
        }
      }
    });
  }

  it('code outside src/sim imports the engine only through its entry file, src/sim/index.ts', () => {
    for (const f of files(src)) {
      if (relative(src, f).startsWith('sim')) continue;
      for (const spec of importsOf(f)) {
        if (folderOf(f, spec) !== 'sim') continue;
        expect(['sim', 'sim/index'], `${relative(src, f)} imports ${spec}`).toContain(relative(src, join(f, '..', spec)).replace(/\\/g, '/'));
      }
    }
  });

  it('nothing outside src/ui imports ui', () => {
    for (const f of files(src)) {
      // src/main.ts is the app's entry: it mounts the UI.
      if (relative(src, f).startsWith('ui') || relative(src, f) === 'main.ts') continue;
      for (const spec of importsOf(f)) expect(folderOf(f, spec), `${relative(src, f)} imports ${spec}`).not.toBe('ui');
    }
  });

  it('the engine is pure: no DOM, clock, Math.random, comlink, d3-selection or svelte in src/sim', () => {
    for (const f of files(join(src, 'sim'))) {
      const text = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(text, relative(src, f)).not.toMatch(/Math\.random|Date\.now|new Date\(|performance\.now|\bdocument\.|\bwindow\.|localStorage/);
      for (const spec of importsOf(f)) expect(['comlink', 'svelte', 'd3', 'd3-selection'], `${relative(src, f)} imports ${spec}`).not.toContain(spec);
      for (const spec of importsOf(f)) if (!spec.startsWith('.')) expect(['seedrandom', 'simple-statistics']).toContain(spec);
    }
  });

  it('the calendar is layered: civil dates need nothing, the lunar calendar only civil dates, festivals only those two', () => {
    const allowed: Record<string, string[]> = {
      'civil-date.ts': [],
      'lunar-calendar.ts': ['./civil-date'],
      'festivals.ts': ['./civil-date', './lunar-calendar'],
    };
    for (const [file, deps] of Object.entries(allowed)) {
      for (const spec of importsOf(join(src, 'sim', file))) expect(deps, `sim/${file} imports ${spec}`).toContain(spec);
    }
  });

  it('only src/worker talks comlink', () => {
    for (const f of files(src)) {
      if (relative(src, f).startsWith('worker')) continue;
      expect(importsOf(f), relative(src, f)).not.toContain('comlink');
    }
  });
});

describe('architecture: the type check reads every indexed access as possibly missing', () => {
  // An index past the end gives undefined at run time; with this flag the type check makes every reader say what then.
  for (const name of ['tsconfig.json', 'tsconfig.node.json']) {
    it(`${name} turns on noUncheckedIndexedAccess`, () => {
      const config = JSON.parse(readFileSync(join(src, '..', name), 'utf8')) as { compilerOptions: Record<string, unknown> };
      expect(config.compilerOptions.noUncheckedIndexedAccess).toBe(true);
    });
  }
});
