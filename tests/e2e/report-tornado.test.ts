import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { tornadoRanking } from '../../src/planner/tornado';
import { dismissToasts, fillField, openApp, shot, startApp, type App, type Opened } from './harness';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const document: any;

/**
 * Issue 13, "the same ranking feeds the report's 'assumptions that matter most'": the report ranks them by the
 * tornado of ΔGMV — computed on the mean field when none is saved, and the Planner's saved tornado (with its Monte
 * Carlo step) once there is one for this very scenario — and says which.
 */
let app: App;
let opened: Opened;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  opened = await openApp(app, { lang: 'zh', acceptDownloads: true });
  page = opened.page;
  page.setDefaultTimeout(60_000);
}, 180_000);

afterAll(async () => {
  await app?.close();
});

const reportRows = () => page.$$eval('[data-testid=report-assumptions] tbody tr', (rs: any[]) => rs.map((r) => r.getAttribute('data-path')));
const method = () => page.locator('[data-testid=report-assumptions-method]').getAttribute('data-method');

async function toReport() {
  await dismissToasts(page);
  await page.click('[data-view=report]');
  await page.waitForSelector('[data-testid=report-assumptions] tbody tr', { timeout: 120_000 });
}

describe('the report’s assumptions that matter most', () => {
  let computed: string[] = [];

  it('are ranked by a tornado computed on the mean field when the Planner has none', async () => {
    await page.waitForSelector('#f-population-agents');
    await fillField(page, 'population.agents', '3000');
    await fillField(page, 'runs', '4');
    await dismissToasts(page);
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    await toReport();
    expect(await method()).toBe('tornado-mf');
    computed = await reportRows();
    expect(computed).toHaveLength(5);
    const note = await page.locator('[data-testid=report-assumptions-method]').innerText();
    expect(note).toMatch(/龙卷风图/);
    expect(note).toMatch(/均场/);
    // The narrative names the tornado's first two.
    expect(await page.locator('[data-testid=report-story]').innerText()).toMatch(/随假设.+和.+变化最大/);
    await page.locator('[data-testid=report-appendix]').scrollIntoViewIfNeeded();
    await shot(page, 'report-tornado-zh-1440');
  }, 240_000);

  it('follow the Planner’s saved tornado of this scenario, Monte Carlo order first, once there is one', async () => {
    await dismissToasts(page);
    await page.click('[data-view=planner]');
    await page.click('[data-tool=tornado]');
    await page.fill('[data-testid=planner-runs]', '4');
    await page.fill('[data-testid=planner-agents]', '1000');
    await page.fill('[data-testid=tornado-top]', '2');
    await page.click('[data-testid=planner-run]');
    await page.waitForSelector('[data-testid=tornado-mc] tbody tr', { timeout: 180_000 });
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('[data-planner-card=tornado] [data-export=json]')]);
    const saved = JSON.parse(readFileSync((await d.path())!, 'utf8'));
    const expected = tornadoRanking(saved.result).map((b) => b.path);
    // The report computed the same mean-field order the Planner's tornado has.
    expect(computed).toEqual(saved.result.meanField.bars.slice(0, 5).map((b: { path: string }) => b.path));
    await page.waitForTimeout(500); // IndexedDB's transaction commits
    await toReport();
    expect(await method()).toBe('tornado-mc');
    expect(await reportRows()).toEqual(expected.slice(0, 5));
    expect(await page.locator('[data-testid=report-assumptions] thead th').count()).toBeGreaterThanOrEqual(5);
    await page.locator('[data-testid=report-appendix]').scrollIntoViewIfNeeded();
    await shot(page, 'report-tornado-mc-zh-1440');
    await page.click('[data-lang=en]');
    expect(await page.locator('[data-testid=report-assumptions-method]').innerText()).toMatch(/Ranked by the Planner’s tornado of ΔGMV.+first 2 assumptions are ranked by Monte Carlo/);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('[data-testid=report-appendix]').scrollIntoViewIfNeeded();
    await shot(page, 'report-tornado-mc-en-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await shot(page, 'report-tornado-mc-en-1440');
    await page.click('[data-lang=zh]');
  }, 300_000);

  it('logs no error', () => {
    expect(opened.errors).toEqual([]);
  });
});
