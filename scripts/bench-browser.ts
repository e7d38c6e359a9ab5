/**
 * `npm run bench -- --browser`: the default preset in the app, in headless Chromium (Debian's /usr/bin/chromium via
 * playwright-core; nothing is downloaded), the way a user runs it. From the click on Run, it times:
 * - the first run: until the plan's own result shows (its mean-field projection and its own runs, the first batch)
 *   and until everything is done (the plan, its do-nothing baseline and both noise-only twins: the preset draws its
 *   assumed parameters);
 * - the plan again with its do-nothing baseline and the baseline's twin cached, as after an edit of a tactic (the
 *   plan's own summary and twin are forgotten through `__starDebug.forgetPlanRuns()`; an unchanged plan would come
 *   from the cache and run nothing): the plan's own runs are issue 10's target (at most 3 s on a 2-core machine);
 * - the per-tactic values (Shapley values and removal effects) after it, and their ratio to the plan's own time
 *   (target at most 3×).
 * Each line counts the runs the workers did (`__starDebug.work()`), so the figures say what they cover.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const window: { __starDebug: { work(): { runsByWorker: number[] }; forgetPlanRuns(): number } };
declare const document: { querySelector(s: string): { getAttribute(a: string): string | null } | null };

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
    // The plan's own result is shown once its batch (the first) is done: the run bar moves to a later stage, or is done.
    // (At least one run must have finished since the click, so the previous run's "done" does not count.)
    const planShown = (before: number) =>
      page.waitForFunction(
        (before) => {
          if (window.__starDebug.work().runsByWorker.reduce((a, b) => a + b, 0) <= before) return false;
          const bar = document.querySelector('.runbar');
          const stage = document.querySelector('[data-testid=run-stage]');
          return bar?.getAttribute('data-status') === 'done' || (stage !== null && stage.getAttribute('data-stage') !== 'plan');
        },
        before,
        { polling: 50, timeout: 900_000 },
      );
    const line = (label: string, seconds: number, done: number, extra = '') =>
      console.log(`${label.padEnd(58)}${seconds.toFixed(1).padStart(8)} s  (${done} runs in the workers)${extra}`);
    let planOwn = 0;
    for (const pass of ['first', 'baseline cached'] as const) {
      if (pass === 'baseline cached') await page.evaluate(() => window.__starDebug.forgetPlanRuns());
      await page.click('[data-view=editor]');
      await page.waitForSelector('[data-testid=editor-run]');
      const before = await runs();
      const t0 = Date.now();
      await page.click('[data-testid=editor-run]');
      await planShown(before);
      const own = (Date.now() - t0) / 1000;
      const ownRuns = (await runs()) - before;
      await page.waitForSelector('.runbar[data-status=done]', { timeout: 900_000 });
      const all = (Date.now() - t0) / 1000;
      const label = pass === 'first' ? 'default preset, first run' : 'default preset, again, baseline cached';
      line(`${label}: the plan's own result`, own, ownRuns);
      line(`${label}: everything`, all, (await runs()) - before);
      planOwn = own;
    }
    await page.click('[data-view=dashboard]');
    await page.click('[data-tab=tactics]');
    const before = await runs();
    const t0 = Date.now();
    await page.click('[data-testid=compute-removal]');
    await page.waitForSelector('[data-table=shapley] tbody tr', { timeout: 1_800_000 });
    const contrib = (Date.now() - t0) / 1000;
    line('per-tactic values (Shapley and removal effects)', contrib, (await runs()) - before, `  ${(contrib / planOwn).toFixed(1)}× the plan's own result`);
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.httpServer.close(() => ok()));
    rmSync(outDir, { recursive: true, force: true });
  }
}
