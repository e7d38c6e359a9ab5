#!/usr/bin/env node
/**
 * Runs a TypeScript entry point of the project in Node as one bundled ES module (with its worker thread bundled
 * beside it): `node scripts/node-entry.mjs src/cli/main.ts [args…]`.
 *
 * Why not tsx: tsx compiles each file to CommonJS, where every imported constant becomes a getter call; in the
 * engine's per-agent loops that cost 10–25 % of the time (measured with --cpu-prof). A bundle keeps constants as
 * plain bindings — the same code the browser runs — and starts faster.
 */
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/node-entry.mjs <entry.ts> [args…]\n');
  process.exit(2);
}
// Inside node_modules so the bundle resolves the project's packages; one folder per run (runs may be concurrent).
const cache = join(root, 'node_modules', '.cache', 'star-sandbox');
mkdirSync(cache, { recursive: true });
const out = mkdtempSync(join(cache, 'run-'));
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
await build({
  entryPoints: { main: resolve(root, entry), 'node-worker': join(root, 'src/cli/node-worker.ts') },
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'error',
});
process.argv = [process.argv[0], resolve(root, entry), ...args];
await import(pathToFileURL(join(out, 'main.mjs')).href);
