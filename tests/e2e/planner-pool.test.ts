import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { dismissToasts, openApp, startApp, type App } from './harness';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const window: any;

/**
 * The planner's Monte Carlo runs on the app's worker pool (the dashboard's): the tornado's Monte Carlo step and the
 * goal-seek give the same bytes with one worker and with two, and with two both workers take runs.
 */
let app: App;

beforeAll(async () => {
  app = await startApp();
}, 180_000);

afterAll(async () => {
  await app?.close();
});

async function exported(page: Page, card: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-planner-card=${card}] [data-export=json]`)]);
  return readFileSync((await d.path())!, 'utf8');
}

async function runTools(workers: number): Promise<{ tornado: string; goal: string; runsByWorker: number[] }> {
  const { ctx, page, errors } = await openApp(app, { lang: 'zh', acceptDownloads: true, ready: true });
  page.setDefaultTimeout(120_000);
  await page.goto(app.url + `?debug=1&workers=${workers}`);
  await page.waitForSelector('[data-testid=editor-run]');
  expect(await page.evaluate(() => window.__starDebug.poolSize)).toBe(workers);
  await dismissToasts(page);
  await page.click('[data-view=planner]');
  await page.fill('[data-testid=planner-runs]', '6');
  await page.fill('[data-testid=planner-agents]', '1000');
  await page.click('[data-tool=tornado]');
  await page.fill('[data-testid=tornado-top]', '2');
  await page.click('[data-testid=planner-run]');
  await page.waitForSelector('[data-testid=tornado-mc] tbody tr', { timeout: 180_000 });
  const tornado = await exported(page, 'tornado');
  await page.click('[data-tool=goalSeek]');
  await page.selectOption('[data-testid=goal-figure]', 'incremental.gmv');
  await page.fill('[data-testid=goal-target]', '300000000');
  await page.fill('[data-testid=goal-probability]', '0.5');
  await page.fill('[data-testid=goal-min]', '0');
  await page.click('[data-testid=planner-run]');
  await page.waitForSelector('[data-testid=goal-answer]', { timeout: 180_000 });
  const goal = await exported(page, 'goal-seek');
  const runsByWorker: number[] = await page.evaluate(() => window.__starDebug.work().runsByWorker);
  expect(errors).toEqual([]);
  await ctx.close();
  return { tornado, goal, runsByWorker };
}

describe('the planner on the worker pool', () => {
  it('gives the same tornado and goal-seek with one worker and with two, and uses both', async () => {
    const one = await runTools(1);
    const two = await runTools(2);
    // Every Monte Carlo run went through the pool: 6 runs per job, on both workers when there are two.
    expect(one.runsByWorker).toHaveLength(1);
    expect(one.runsByWorker[0]! % 6).toBe(0);
    expect(one.runsByWorker[0]!).toBeGreaterThan(6 * 6);
    expect(two.runsByWorker.every((n) => n > 0)).toBe(true);
    expect(two.runsByWorker.reduce((a, b) => a + b, 0)).toBe(one.runsByWorker[0]);
    // Real numbers, not empty runs: every Monte Carlo bar has its swing, every try of the goal-seek its probability.
    const tornado = JSON.parse(one.tornado).result;
    expect(tornado.monteCarlo.bars).toHaveLength(2);
    for (const b of tornado.monteCarlo.bars) expect(b.swing.n).toBe(6);
    const goal = JSON.parse(one.goal).result;
    expect(goal.evaluations.length).toBeGreaterThan(2);
    for (const e of goal.evaluations) expect(Number.isFinite(e.p)).toBe(true);
    expect(two.tornado).toBe(one.tornado);
    expect(two.goal).toBe(one.goal);
  }, 600_000);
});
