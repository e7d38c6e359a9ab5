import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { dismissToasts, fillField, openApp, shot, startApp, watchErrors, type App } from './harness';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const window: any;
declare const document: any;

/**
 * Runs do what the user expects (issue 11): a comparison started during a dashboard run waits its turn instead of
 * cancelling it, cancel leaves nothing that reads as running, a worker that cannot load is named as such (not as
 * out of memory) and the pool recovers, and progress moves within a long run. Every wait is on a state, with a
 * generous limit; nothing depends on how fast the machine is.
 */
const PRESET = 'beauty-omnichannel-acquisition';
/** Words that say something is under way, in the Chinese UI. */
const RUNNING_WORDS = /运行中|正在运行|正在估算|正在计算|排队中|约剩/;

let app: App;
let ctx: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp();
  ({ ctx, page, errors } = await openApp(app, { locale: 'zh-CN', lang: 'zh' }));
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await app?.close();
});

type Statuses = { runner: string; contrib: string; compare: string; runnerFailure: string | null; compareFailure: string | null };
const statuses = (p: Page = page): Promise<Statuses> => p.evaluate(() => window.__starDebug.statuses());

/** Open the editor on a fresh copy of the preset with this many runs and agents. */
async function setUp(p: Page, runs: number, agents: number) {
  await p.click('[data-view=editor]');
  await p.waitForSelector('#f-runs');
  await fillField(p, 'runs', String(runs));
  await fillField(p, 'population.agents', String(agents));
  await dismissToasts(p);
}

/** The run bar's progress text read back: runs done of total, and the days done in the runs in flight. */
async function progress(p: Page = page): Promise<{ done: number; total: number; days: number | null; daysTotal: number | null; eta: boolean; text: string }> {
  const text: string = (await p.evaluate(() => document.querySelector('[data-testid=progress-text]')?.textContent ?? '')).replace(/\s+/g, ' ');
  const runs = /(\d+) \/ (\d+) 次运行/.exec(text);
  const days = /已算 (\d+)\/(\d+) 天/.exec(text);
  return {
    done: runs ? Number(runs[1]) : -1,
    total: runs ? Number(runs[2]) : -1,
    days: days ? Number(days[1]) : null,
    daysTotal: days ? Number(days[2]) : null,
    eta: /约剩/.test(text),
    text,
  };
}

describe('runs do what the user expects', () => {
  it('a comparison started during a dashboard run waits in line and says so; the run is not cancelled; both finish', async () => {
    await page.click('[data-view=library]');
    await page.click(`[data-preset=${PRESET}] [data-action=new]`);
    // Long enough that the comparison is surely started while it runs: a dozen runs of a year per worker.
    const runs = 12 * (await page.evaluate(() => window.__starDebug.poolSize));
    await setUp(page, runs, 60000);
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=running]', { timeout: 60_000 });
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=run-compare]');
    expect(await page.locator('[data-candidate]:checked').count()).toBe(2);
    await page.fill('.settings input[type=number] >> nth=0', '2');
    await page.fill('.settings input[type=number] >> nth=1', '60');
    expect((await statuses()).runner).toBe('running');
    await page.click('[data-testid=run-compare]');
    // At once: the comparison is queued and says why; the dashboard run goes on.
    await page.waitForSelector('[data-testid=compare-queued]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid=compare-queued]')).toContain('排队中,等待当前运行完成');
    let s = await statuses();
    expect(s.compare).toBe('queued');
    expect(s.runner).toBe('running');
    await shot(page, 'run-control-compare-queued');
    await page.click('[data-lang=en]');
    expect(await page.textContent('[data-testid=compare-queued]')).toContain('Queued: waits for the current run');
    await page.click('[data-lang=zh]');
    // The comparison can be left, and its queued state is still true when coming back.
    await page.click('[data-view=dashboard]');
    await page.waitForSelector('.runbar');
    s = await statuses();
    if (s.runner === 'running') expect(s.compare).toBe('queued');
    // The dashboard run finishes in full: never cancelled.
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 240_000 });
    expect(await page.textContent('[data-testid=progress-text]')).toContain(`${runs} 次运行已完成`);
    expect(await page.locator('[data-testid=run-cancelled]').count()).toBe(0);
    // Then the comparison runs and finishes.
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=compare-summary]', { timeout: 240_000 });
    s = await statuses();
    expect(s).toMatchObject({ runner: 'done', compare: 'done' });
    expect(await page.locator('[data-testid=compare-queued]').count()).toBe(0);
  });

  it('a dashboard run started during a comparison waits in line and says so, then runs', async () => {
    await page.click('[data-view=compare]');
    await page.fill('.settings input[type=number] >> nth=0', String(8 * (await page.evaluate(() => window.__starDebug.poolSize))));
    await page.fill('.settings input[type=number] >> nth=1', '365');
    await page.click('[data-testid=run-compare]');
    await page.waitForSelector('[data-testid=compare-progress]', { timeout: 30_000 });
    await setUp(page, 2, 3000);
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('[data-testid=run-queued]', { timeout: 10_000 });
    expect(await page.textContent('[data-testid=run-queued]')).toContain('排队中');
    expect(await statuses()).toMatchObject({ runner: 'queued', compare: 'running' });
    await shot(page, 'run-control-run-queued');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 240_000 });
    expect((await statuses()).compare).toBe('done');
  });

  it('after Cancel nothing says it is running, and the message says the user cancelled', async () => {
    await setUp(page, 400, 200000);
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=running]', { timeout: 60_000 });
    await page.click('[data-testid=cancel]');
    await page.waitForSelector('.runbar[data-status=cancelled]', { timeout: 15_000 });
    expect((await statuses()).runner).toBe('cancelled');
    const message = await page.textContent('[data-testid=run-cancelled]');
    expect(message).toContain('你已取消这次运行');
    // Nothing on the page reads as under way: not the run bar, not the projection notice, not the header.
    const main: string = await page.evaluate(() => document.querySelector('main').innerText);
    expect(main).not.toMatch(RUNNING_WORDS);
    expect(main).not.toContain('蒙特卡洛运行中');
    expect(await page.locator('[data-testid=cancel]').count()).toBe(0);
    expect(await page.locator('[data-testid=run]').count()).toBe(1);
    expect(await page.locator('header .pulse').count()).toBe(0);
    await shot(page, 'run-control-cancelled');
    // A while later it is still so (no late message from a worker changes it).
    await page.waitForTimeout(1000);
    expect((await statuses()).runner).toBe('cancelled');
    expect(await page.evaluate(() => document.querySelector('main').innerText)).not.toMatch(RUNNING_WORDS);
    // The same in English.
    await page.click('[data-lang=en]');
    expect(await page.textContent('[data-testid=run-cancelled]')).toContain('You cancelled this run');
    expect(await page.evaluate(() => document.querySelector('main').innerText)).not.toMatch(/in progress|estimating|computing|queued|\bleft\b/i);
    await page.click('[data-lang=zh]');
  });

  it('progress moves within a long run: days done before the first run finishes, and a time-left estimate', async () => {
    await setUp(page, 2, 1000000);
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=running]', { timeout: 60_000 });
    // Sample the run bar until two different day counts have been seen while no run had finished.
    const seen = new Set<number>();
    let eta = false;
    const t0 = Date.now();
    while (Date.now() - t0 < 180_000) {
      const p = await progress();
      if (p.done > 0 || (await statuses()).runner !== 'running') break;
      if (p.days !== null) {
        seen.add(p.days);
        // Days of the runs in flight: a whole number of years (one per worker busy), never more done than that.
        expect(p.daysTotal! % 365).toBe(0);
        expect(p.days).toBeLessThanOrEqual(p.daysTotal!);
        if (p.eta) eta = true;
      }
      if (seen.size >= 2 && eta) break;
      await page.waitForTimeout(100);
    }
    expect([...seen].length, JSON.stringify([...seen])).toBeGreaterThanOrEqual(2);
    expect(eta).toBe(true);
    const p = await progress();
    expect(p.done).toBe(0);
    await shot(page, 'run-control-progress');
    await page.click('[data-testid=cancel]');
    await page.waitForSelector('.runbar[data-status=cancelled]', { timeout: 15_000 });
  });

  it('a worker that cannot load is named a load failure, not out of memory; the pool recovers', async () => {
    // A fresh page, so no worker has started yet; the network goes away after the page has loaded.
    const p2 = await ctx.newPage();
    const p2errors = watchErrors(p2);
    await p2.goto(app.url + '?debug=1#/editor');
    await p2.waitForSelector('[data-testid=editor-run]');
    await p2.click('[data-lang=zh]');
    await setUp(p2, 2, 3000);
    expect(await p2.evaluate(() => window.__starDebug.workerStates())).toEqual(expect.arrayContaining(['none']));
    // Offline, and the worker's script refused (the browser could otherwise serve it from its cache).
    await p2.route('**/*sim.worker*', (r) => r.abort('internetdisconnected'));
    await ctx.setOffline(true);
    await p2.click('[data-testid=editor-run]');
    await p2.waitForSelector('[data-testid=run-error]', { timeout: 60_000 });
    expect(await statuses(p2)).toMatchObject({ runner: 'failed', runnerFailure: 'load' });
    const text = await p2.textContent('[data-testid=run-error]');
    expect(text).toContain('没能加载');
    expect(text).not.toContain('内存不足');
    await shot(p2, 'run-control-load-failure');
    // Back online: the next run starts fresh workers and finishes.
    await ctx.setOffline(false);
    await p2.unroute('**/*sim.worker*');
    await p2.click('[data-testid=run]');
    await p2.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    expect(await statuses(p2)).toMatchObject({ runner: 'done', runnerFailure: null });
    // A crash (an uncaught error in a worker that had loaded) is named as one, not as out of memory.
    await setUp(p2, 40, 20000);
    await p2.click('[data-testid=editor-run]');
    await p2.waitForSelector('.runbar[data-status=running]', { timeout: 60_000 });
    expect(await p2.evaluate(() => window.__starDebug.crashWorker('Uncaught Error: boom'))).toBe(true);
    await p2.waitForSelector('[data-testid=run-error]', { timeout: 60_000 });
    expect(await statuses(p2)).toMatchObject({ runner: 'failed', runnerFailure: 'crash' });
    const crash = await p2.textContent('[data-testid=run-error]');
    expect(crash).toContain('意外停止');
    expect(crash).not.toContain('内存不足');
    // The pool threw its workers away; the next one started fails to load (the test hook gives it a script address
    // that does not exist): the comparison names it, and runs when asked again.
    const states: string[] = await p2.evaluate(() => window.__starDebug.workerStates());
    expect(states.every((x) => x === 'none'), states.join()).toBe(true);
    await p2.evaluate(() => window.__starDebug.breakWorkerLoads(1));
    await p2.click('[data-view=compare]');
    await p2.waitForSelector('[data-testid=run-compare]');
    await p2.fill('.settings input[type=number] >> nth=0', '2');
    await p2.fill('.settings input[type=number] >> nth=1', '30');
    await p2.click('[data-testid=run-compare]');
    await p2.waitForSelector('[data-testid=compare-error]', { timeout: 60_000 });
    expect(await statuses(p2)).toMatchObject({ compare: 'failed', compareFailure: 'load' });
    expect(await p2.textContent('[data-testid=compare-error]')).toContain('没能加载');
    await p2.click('[data-testid=run-compare]');
    await p2.waitForSelector('[data-testid=compare-summary]', { timeout: 120_000 });
    expect((await statuses(p2)).compare).toBe('done');
    // The page's own console errors from the refused script are expected; nothing else.
    expect(p2errors.filter((e) => !/sim\.worker|__missing__|net::ERR|Failed to load|MIME/i.test(e))).toEqual([]);
    await p2.close();
  });

  it('logged no unexpected errors', () => {
    expect(errors).toEqual([]);
  });
});
