import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fillField, openApp, startApp, type App } from './harness';

// Page-side global used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const window: any;

/**
 * No work done twice, in the browser: Compare reuses the summaries the dashboard has just run when the compiled
 * scenario, seed, runs and horizon are unchanged, and the dashboard reuses its own unchanged plan. The oracle is the pool's own count of runs finished by each worker
 * (`__starDebug.work().runsByWorker`), not timings.
 */

const PRESET = 'beauty-omnichannel-acquisition';

let app: App;
let ctx: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp();
  ({ ctx, page, errors } = await openApp(app, { locale: 'zh-CN' }));
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await app?.close();
});

async function runsDone(): Promise<number> {
  const w = await page.evaluate(() => window.__starDebug.work());
  return (w.runsByWorker as number[]).reduce((a, b) => a + b, 0);
}

describe('Compare in the browser', () => {
  it('runs nothing again for the scenario just run on the dashboard and its do-nothing baseline', async () => {
    await page.click('[data-view=library]');
    await page.waitForSelector(`[data-preset=${PRESET}] [data-action=new]`);
    await page.click(`[data-preset=${PRESET}] [data-action=new]`);
    await page.waitForSelector('#f-population-agents');
    await fillField(page, 'population.agents', '3000');
    await fillField(page, 'runs', '3');
    await fillField(page, 'days', '60');
    const start = await runsDone();
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    // The plan, its do-nothing baseline and both noise-only twins (the preset draws assumed parameters): 4 × 3 runs.
    const afterDashboard = await runsDone();
    expect(afterDashboard - start).toBe(12);

    // Compare opens with the scenario just run and its baseline, on that scenario's seed, runs and horizon.
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=run-compare]');
    expect(await page.locator('[data-candidate]:checked').count()).toBe(2);
    await page.click('[data-testid=run-compare]');
    await page.waitForSelector('[data-testid=compare-summary]', { timeout: 120_000 });
    expect(await runsDone()).toBe(afterDashboard);

    // Other runs: both scenarios run (and their twins); the same settings once more: nothing runs.
    await page.fill('.settings input[type=number] >> nth=0', '2');
    await page.click('[data-testid=run-compare]');
    await page.waitForFunction(() => window.__starDebug.compareStatus() === 'done', undefined, { timeout: 120_000 });
    const afterSecond = await runsDone();
    expect(afterSecond - afterDashboard).toBe(8);
    await page.click('[data-testid=run-compare]');
    await page.waitForFunction(() => window.__starDebug.compareStatus() === 'done', undefined, { timeout: 120_000 });
    await page.waitForSelector('[data-testid=compare-summary]');
    expect(await runsDone()).toBe(afterSecond);
    expect(errors).toEqual([]);
  });

  it('the dashboard runs nothing again for its unchanged plan: running the same draft again reuses its runs', async () => {
    const before = await runsDone();
    const shown = await page.evaluate(() => window.__starDebug.resultJson());
    expect(shown).not.toBeNull();
    await page.click('[data-view=editor]');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    expect(await runsDone()).toBe(before);
    expect(await page.evaluate(() => window.__starDebug.resultJson())).toBe(shown);
    expect(errors).toEqual([]);
  });
});
