/**
 * `npm run bench -- --browser`: the default preset in the app, in headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core; nothing is downloaded), the way a user runs it. It times the first run (the plan, its do-nothing
 * baseline and both noise-only twins: the preset draws its assumed parameters) and the same run again (the baseline
 * and its twin come from the cache, so only the plan and its twin run), from the click on Run to the run bar's
 * "done", and counts the runs the workers did (`__starDebug.work()`), so the figures say what they cover.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

// Page-side global used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const window: { __starDebug: { work(): { runsByWorker: number[] } } };

export async function benchBrowser(): Promise<void> {
  console.log(`\nIn the browser (headless Chromium, ${availableParallelism()} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);
  // The repository root is the working directory (npm scripts run there; this file is bundled elsewhere).
  const root = process.cwd();
  const configFile = join(root, 'vite.config.ts');
  const outDir = mkdtempSync(join(tmpdir(), 'star-bench-'));
  await build({ root, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ root, configFile, logLevel: 'error', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // The first visit opens the default preset in the editor, ready to run; ?debug installs __starDebug.
    await page.goto(`${server.resolvedUrls!.local[0]!}?debug=1`);
    await page.waitForSelector('[data-testid=editor-run]');
    const runs = async () => (await page.evaluate(() => window.__starDebug.work())).runsByWorker.reduce((a, b) => a + b, 0);
    for (const label of ['default preset, first run', 'default preset, again (baseline cached)']) {
      await page.click('[data-view=editor]');
      await page.waitForSelector('[data-testid=editor-run]');
      const before = await runs();
      const t0 = Date.now();
      await page.click('[data-testid=editor-run]');
      await page.waitForSelector('.runbar[data-status=done]', { timeout: 900_000 });
      const seconds = (Date.now() - t0) / 1000;
      const done = (await runs()) - before;
      console.log(`${label.padEnd(42)}${seconds.toFixed(1).padStart(8)} s  (${done} runs in the workers)`);
    }
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.httpServer.close(() => ok()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
