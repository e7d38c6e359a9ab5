import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BrowserContext, Page } from 'playwright-core';
import { dismissToasts, fillField, LONG_TASK_OBSERVER, openApp, ROOT, shot, startApp, watchErrors, type App } from './harness';
import { validateScenario } from '../../src/scenario/parse';
import { encodeShare } from '../../src/ui/lib/share';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const window: any;
declare const document: any;
declare const performance: any;

const run = promisify(execFile);
const PRESET = 'beauty-omnichannel-acquisition';
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

let app: App;
let ctx: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp();
  ({ ctx, page, errors } = await openApp(app, { acceptDownloads: true, locale: 'zh-CN', initScript: LONG_TASK_OBSERVER }));
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await app?.close();
});


/** Every chart in the visible tab panel has drawn data; every table has numbers. */
async function expectChartsWithData(): Promise<number> {
  const report = await page.evaluate(() => {
    const out: Array<{ name: string; ok: boolean }> = [];
    for (const fig of document.querySelectorAll('[role=tabpanel] [data-chart]')) {
      const svg = fig.querySelector('svg');
      const paths = svg ? [...svg.querySelectorAll('path')].filter((p: any) => (p.getAttribute('d') ?? '').length > 20).length : 0;
      const rects = svg ? [...svg.querySelectorAll('rect')].filter((r: any) => Number(r.getAttribute('width')) > 0 && Number(r.getAttribute('height')) > 0).length : 0;
      out.push({ name: fig.getAttribute('data-chart'), ok: paths > 0 || rects >= 5 });
    }
    for (const tbl of document.querySelectorAll('[role=tabpanel] table')) {
      const nums = [...tbl.querySelectorAll('td.num')].filter((td: any) => /\d/.test(td.textContent)).length;
      out.push({ name: 'table', ok: nums > 0 });
    }
    return out;
  });
  for (const r of report) expect(r.ok, `${r.name} has data`).toBe(true);
  return report.length;
}

/** A number as the app writes it ("1,904万", "¥1.2亿", "12.3%", "−5%"), read back independently of its formatter. */
function readShown(text: string): { value: number; step: number } {
  const t = text.trim().replace(/\u2212/g, '-').replace(/[¥,\s]|人|people/g, '');
  const m = /^(-?\d+(?:\.(\d+))?)(万|亿|%|k|M|B)?$/.exec(t);
  if (!m) throw new Error(`not a number as shown: "${text}"`);
  const mul = { 万: 1e4, 亿: 1e8, '%': 0.01, k: 1e3, M: 1e6, B: 1e9 }[m[3] as string] ?? 1;
  const decimals = m[2]?.length ?? 0;
  return { value: Number(m[1]) * mul, step: 10 ** -decimals * mul };
}

function expectShown(text: string, expected: number, what: string) {
  const { value, step } = readShown(text);
  // Shown to its last digit: the difference is at most half of that digit's step.
  expect(Math.abs(value - expected), `${what}: "${text}" vs ${expected}`).toBeLessThanOrEqual(step / 2 + 1e-9 * Math.abs(expected));
}

describe('STAR Sandbox in the browser', () => {
  it('loads a preset, runs it in workers (projection first, the main thread working in pieces) and shows every STAR chart with data', async () => {
    // A first visit opens the default preset in the editor, ready to run.
    await page.waitForSelector('[data-testid=editor-run]');
    expect(await page.inputValue('#f-id')).toBe('beauty-omnichannel-acquisition');
    await page.click('[data-view=library]');
    await page.waitForSelector(`[data-preset=${PRESET}]`);
    expect(await page.textContent('main h1')).toBe('场景库');
    await page.click(`[data-preset=${PRESET}] [data-action=new]`);
    await page.waitForSelector('#f-population-agents');
    await fillField(page, 'population.agents', '30000');
    await fillField(page, 'runs', '8');
    // From the click on: switching to the dashboard is part of the run.
    const t0 = await page.evaluate(() => performance.now());
    const before = await page.evaluate(() => window.__starDebug.work());
    await page.click('[data-testid=editor-run]');
    // The mean-field projection is drawn at once, before the Monte Carlo runs finish.
    await page.waitForSelector('[data-chart=S-assets] svg path', { timeout: 10_000 });
    const statusWhenDrawn = await page.getAttribute('.runbar', 'data-status');
    expect(['projecting', 'running']).toContain(statusWhenDrawn);
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    // Checks that hold however busy the machine is (a time limit on main-thread tasks would not): every run was done
    // by a worker, the work was spread over all of them, and the summary was built in pieces with the event loop
    // given a turn between them. Long tasks are still recorded, as a diagnostic in test-artifacts/.
    const after = await page.evaluate(() => window.__starDebug.work());
    const byWorker: number[] = after.runsByWorker.map((n: number, i: number) => n - before.runsByWorker[i]);
    // 8 runs of the plan, then 8 of its do-nothing baseline (the plan's effect), then the noise-only twins of both
    // (the preset draws its assumed parameters; the twins give the simulation-noise band), all in the workers.
    expect(byWorker.reduce((a, b) => a + b, 0)).toBe(32);
    expect(await page.locator('[data-testid=uncertainty] tr[data-figure]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('[data-testid=drivers] li').count()).toBeGreaterThan(0);
    expect(byWorker.length).toBeGreaterThanOrEqual(2);
    for (const n of byWorker) expect(n, JSON.stringify(byWorker)).toBeGreaterThan(0);
    const pieces = after.pieces - before.pieces;
    expect(pieces).toBeGreaterThan(0);
    expect(after.yields - before.yields, JSON.stringify({ before, after })).toBeGreaterThanOrEqual(Math.floor(pieces / 16));
    const t1 = await page.evaluate(() => performance.now());
    const tasks: Array<{ start: number; duration: number }> = await page.evaluate(() => window.__longTasks);
    const during = tasks.filter((t) => t.start >= t0 && t.start <= t1);
    writeFileSync(join(ROOT, 'test-artifacts', 'long-tasks.json'), JSON.stringify(during, null, 2));
    expect(await page.textContent('[data-testid=progress-text]')).toContain('8 次运行已完成');

    let charts = 0;
    for (const tab of ['S', 'T', 'A', 'R']) {
      await page.click(`[data-tab=${tab}]`);
      await page.waitForSelector(`[role=tabpanel]#panel-${tab} [data-chart] svg`);
      charts += await expectChartsWithData();
    }
    expect(charts).toBeGreaterThanOrEqual(14);
    // Per-tactic values on request: Shapley values (one row per tactic and their sum) and removal effects, from
    // subsets of the tactics rerun on the same seeds.
    await page.click('[data-tab=tactics]');
    await page.click('[data-testid=compute-removal]');
    await page.waitForSelector('[data-table=shapley] tbody tr', { timeout: 240_000 });
    expect(await page.locator('[data-table=shapley] tbody tr').count()).toBe(6);
    expect(await page.locator('[data-table=removal] tbody tr').count()).toBe(5);
    expect(await page.textContent('[data-table=shapley] tr[data-row=sum]')).toContain('合计');
    expect(errors).toEqual([]);
  });

  it('edits a tactic and shows the validator’s message at the field; undo and redo', async () => {
    await page.click('[data-lang=zh]');
    await page.click('[data-view=editor]');
    await page.waitForSelector('#tactic-0');
    await fillField(page, 'tactics[0].dailySpend', '-5');
    const err = page.locator('[data-error-path="tactics[0].dailySpend"]');
    await err.waitFor();
    // The validator's message, wholly in Chinese (its English words stay for the command line).
    const preset = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${PRESET}.json`), 'utf8'));
    preset.tactics[0].dailySpend = -5;
    const expected = validateScenario(preset);
    const message = expected.ok ? '' : expected.errors.find((e) => e.path === 'tactics[0].dailySpend')!.message;
    expect(message).toMatch(/out of range/);
    const text = await err.textContent();
    expect(text).not.toContain(message);
    expect(text).toContain('超出范围');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    expect(await page.isDisabled('[data-testid=editor-run]')).toBe(true);
    await page.click('body');
    await page.keyboard.press('Control+z');
    await expect.poll(() => err.count()).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => err.count()).toBe(1);
    // Clearing a number the plan needs is a problem to fix, not a silent return to the default.
    await fillField(page, 'tactics[0].dailySpend', '');
    await expect.poll(() => err.textContent()).toContain('必填');
    expect(await page.isDisabled('[data-testid=editor-run]')).toBe(true);
    await fillField(page, 'tactics[0].dailySpend', '35000');
    await expect.poll(() => err.count()).toBe(0);
  });

  it('keeps the edited scenario after a reload', async () => {
    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForSelector('#f-tactics-0-dailySpend');
    expect(await page.inputValue('#f-tactics-0-dailySpend')).toBe('35000');
    expect(await page.inputValue('#f-runs')).toBe('8');
    await page.click('[data-view=library]');
    expect(await page.locator('[data-user]').count()).toBe(1);
  });

  it('switches language at any time, everywhere, and remembers it', async () => {
    await page.click('[data-lang=en]');
    expect(await page.textContent('main h1')).toBe('Scenario library');
    for (const view of ['library', 'editor', 'dashboard', 'compare']) {
      await page.click(`[data-view=${view}]`);
      await page.waitForTimeout(150);
      // Every visible text of the app, leaving out what people wrote (scenario descriptions, source citations): those may
      // hold Chinese terms on purpose, every label of the app must not.
      const lines: string[] = await page.evaluate(() => {
        const out: string[] = [];
        const walk = document.createTreeWalker(document.querySelector('main'), 4);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const el = n.parentElement;
          if (!el || el.closest('[data-user-text], details:not([open]), option') || !el.getClientRects().length) continue;
          if (n.textContent.trim()) out.push(n.textContent.trim());
        }
        return out;
      });
      // Allowed: the language switch and the per-language input tags ("中文" is the name of the language in its own
      // script), and Chinese terms glossed in brackets inside English text, e.g. "share coupons (社交立减金)".
      const cjk = lines.filter((l) => l !== '中文' && CJK.test(l.replace(/[(（][^()（）]*[)）]/g, '')));
      expect(cjk, `${view}: ${cjk.join(' | ')}`).toEqual([]);
    }
    await page.reload();
    await page.waitForSelector('header nav');
    expect(await page.textContent('[data-view=library]')).toContain('Library');
    await page.click('[data-lang=zh]');
    expect(await page.textContent('[data-view=library]')).toContain('场景库');
  });

  it('compares two scenarios on the same seeds: overlay, paired difference, Δ and P(better), summary', async () => {
    await page.click('[data-lang=zh]');
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=run-compare]');
    const checked = await page.locator('[data-candidate]:checked').count();
    expect(checked).toBe(2);
    await page.fill('.settings input[type=number] >> nth=0', '4');
    await page.fill('.settings input[type=number] >> nth=1', '120');
    await page.click('[data-testid=run-compare]');
    await page.waitForSelector('[data-testid=compare-summary]', { timeout: 120_000 });
    const summary = await page.textContent('[data-testid=compare-summary]');
    expect(summary).toMatch(/相比/);
    expect(summary).toMatch(/原因:增加了/);
    expect(await page.locator('[data-table=compare] tbody tr').count()).toBeGreaterThan(10);
    const strokes = await page.evaluate(() => new Set([...document.querySelectorAll('[data-chart^=compare-R5] path[stroke]')].map((p: any) => p.getAttribute('stroke'))).size);
    expect(strokes).toBeGreaterThanOrEqual(2);
    expect(await page.textContent('main')).toContain('相同的种子');
  });

  it('gives the same result bytes as the command line for the same scenario and seed; exports read back', async () => {
    await page.click('[data-lang=zh]');
    const dir = mkdtempSync(join(tmpdir(), 'star-cli-'));
    const preset = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${PRESET}.json`), 'utf8'));
    const small = { ...preset, id: 'e2e-cli', runs: 3, population: { ...preset.population, agents: 3000 } };
    const file = join(dir, 'e2e-cli.json');
    writeFileSync(file, JSON.stringify(small, null, 2));
    const cli = run(process.execPath, ['scripts/node-entry.mjs', 'src/cli/main.ts', file, '--format', 'json', '--runs', '3', '--agents', '3000', '--quiet'], { cwd: ROOT, maxBuffer: 64 << 20 });

    await page.click('[data-view=library]');
    await page.setInputFiles('[data-testid=import-input]', file);
    await page.waitForSelector('#f-population-agents');
    expect(await page.inputValue('#f-id')).toBe('e2e-cli');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 90_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
    const browserJson = readFileSync((await download.path())!, 'utf8');
    const { stdout } = await cli;
    expect(browserJson).toBe(stdout.trimEnd());

    // What the person reads on the dashboard's cards is the result's figure: each card's text, parsed on its own
    // (万/亿, %, ¥), equals the JSON's mean and interval to the shown precision; the T card is R5's share, not R4's.
    await page.click('[data-view=dashboard]');
    const res = JSON.parse(browserJson);
    const cardFigure = {
      S: res.star.S.assetsEnd,
      T: res.star.T.shareEnd.R5,
      A: res.star.R.conversion,
      R: res.star.R.gmv,
    } as Record<string, { mean: number; p05: number; p95: number }>;
    expect(res.star.T.shareEnd.R5.mean).not.toBeCloseTo(res.star.T.shareEnd.R4.mean, 3);
    for (const [key, fig] of Object.entries(cardFigure)) {
      const value = await page.textContent(`[data-key=${key}] .value`);
      const range = await page.textContent(`[data-key=${key}] .range`);
      expectShown(value!, fig.mean, `${key} card value`);
      const num = '¥?[\u2212-]?¥?[\\d.,]+(?:万|亿|%|k|M|B)?(?:人| people)?';
      const m = new RegExp(`(${num})\\s*–\\s*(${num})`).exec(range!);
      expect(m, `${key} card interval "${range}"`).not.toBeNull();
      expectShown(m![1]!, fig.p05, `${key} card p05`);
      expectShown(m![2]!, fig.p95, `${key} card p95`);
    }

    // The plan's effect leads, from the same result: incremental GMV and ROI as shown, counts in people.
    expect(res.incremental.baseline).toMatch(/--do-nothing$/);
    for (const [id, fig] of [['incremental.gmv', res.incremental.gmv], ['incremental.roi', res.incremental.roi], ['incremental.assets', res.incremental.assets]] as const) {
      expectShown((await page.textContent(`[data-inc="${id}"] .value`))!, fig.mean, `${id} value`);
    }
    expect(await page.textContent('[data-inc="incremental.assets"] .value')).toMatch(/人$/);
    // Its "?" opens the glossary at that figure.
    await page.click('[data-inc="incremental.roi"] .help');
    await page.waitForSelector('[data-testid=glossary] tr.focus[data-figure="incremental.roi"]');
    await page.keyboard.press('Escape');

    // The figures as CSV, a chart as SVG and PNG, and the scenario file itself (imported again, it is the same).
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    // (for a spreadsheet: a byte-order mark and headers in the reader's language; tests/e2e/report.test.ts reads it back)
    expect(readFileSync((await csv.path())!, 'utf8').split('\n')[0]).toBe('\ufeff指标,增量或总量,均值,标准差,第 5 百分位,中位数,第 95 百分位');
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart=S-assets] >> text=SVG')]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('人群资产总量');
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-chart=S-assets] >> text=PNG')]);
    expect(readFileSync((await png.path())!).subarray(1, 4).toString()).toBe('PNG');
    await page.click('[data-view=editor]');
    const [scen] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-scenario]')]);
    const exported = readFileSync((await scen.path())!, 'utf8');
    expect(JSON.parse(exported)).toEqual(small);
    // Dropped on the page, the same file is imported too (validated first).
    await page.click('[data-view=library]');
    const before = await page.locator('[data-user]').count();
    const drop = await page.evaluateHandle((text: string) => {
      const dt = new window.DataTransfer();
      dt.items.add(new window.File([text], 'dropped.json', { type: 'application/json' }));
      return dt;
    }, exported);
    await page.dispatchEvent('main', 'dragenter', { dataTransfer: drop });
    await page.dispatchEvent('main', 'drop', { dataTransfer: drop });
    await page.waitForSelector('#f-id', { state: 'attached' });
    await expect.poll(() => page.inputValue('#f-id')).toBe('e2e-cli');
    await page.click('[data-view=library]');
    expect(await page.locator('[data-user]').count()).toBe(before + 1);
    // A broken file is refused, naming the field.
    const broken = await page.evaluateHandle(() => {
      const dt = new window.DataTransfer();
      dt.items.add(new window.File(['{"schemaVersion":1,"id":"x","name":"x","days":"soon"}'], 'broken.json', { type: 'application/json' }));
      return dt;
    });
    await page.dispatchEvent('main', 'drop', { dataTransfer: broken });
    await page.waitForSelector('.toast.error');
    const toast = await page.textContent('.toast.error');
    expect(toast).toContain('broken.json');
    expect(toast).toContain('模拟天数:');
    await dismissToasts(page);
  });

  it('cancels a long run at once; nothing typed is lost', async () => {
    await page.click('[data-lang=zh]');
    await page.click('[data-view=editor]');
    await fillField(page, 'runs', '400');
    await fillField(page, 'population.agents', '200000');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=running]', { timeout: 30_000 });
    await page.waitForTimeout(800);
    await page.click('[data-testid=cancel]');
    // "At once" is checked as a fact, not a time (which a busy machine stretches): the workers are terminated, so
    // no run finishes after the cancel, and the progress stays where it stopped.
    await page.waitForSelector('.runbar[data-status=cancelled]', { timeout: 15_000 });
    const finished = async () => (await page.evaluate(() => window.__starDebug.work())).runsByWorker.reduce((a: number, b: number) => a + b, 0);
    const runsAtCancel = await finished();
    const progress = await page.textContent('[data-testid=progress-text]');
    await page.waitForTimeout(1200);
    expect(await page.textContent('[data-testid=progress-text]')).toBe(progress);
    expect(await finished()).toBe(runsAtCancel);
    await page.click('[data-view=editor]');
    expect(await page.inputValue('#f-runs')).toBe('400');
    expect(await page.inputValue('#f-population-agents')).toBe('200000');
  });

  it('reports a failed worker in plain words and the pool recovers', async () => {
    await page.click('[data-lang=zh]');
    await page.click('[data-view=editor]');
    await fillField(page, 'runs', '30');
    await fillField(page, 'population.agents', '40000');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=running]', { timeout: 30_000 });
    expect(await page.evaluate(() => window.__starDebug.crashWorker('Out of memory'))).toBe(true);
    await page.waitForSelector('[data-testid=run-error]', { timeout: 20_000 });
    expect(await page.textContent('[data-testid=run-error]')).toContain('内存不足');
    expect(await page.evaluate(() => window.__starDebug.failWorker('throw'))).toBe('deliberate failure (test)');
    await page.click('[data-view=editor]');
    await fillField(page, 'runs', '4');
    await fillField(page, 'population.agents', '3000');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 60_000 });
    expect(await page.evaluate(() => window.__starDebug.status())).toBe('done');
  });

  it('shares the scenario as a link that opens it elsewhere; a bad link names the problem', async () => {
    await page.click('[data-lang=zh]');
    await ctx.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('[data-view=editor]');
    await page.click('[data-testid=share]');
    await page.waitForTimeout(300);
    let url: string = await page.evaluate(() => window.navigator.clipboard.readText().catch(() => ''));
    if (!url.includes('#s=')) url = await page.inputValue('#share-url');
    expect(url).toContain('#s=');
    const other = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const p2 = await other.newPage();
    const p2errors = watchErrors(p2);
    await p2.goto(url);
    await p2.waitForSelector('#f-id', { state: 'attached', timeout: 15_000 }).catch(async (e) => {
      throw new Error(`${e}\nurl: ${url.slice(0, 120)}\nerrors: ${p2errors.join('\n')}\ntext: ${(await p2.textContent('body'))?.slice(0, 400)}`);
    });
    expect(await p2.inputValue('#f-id')).toBe('e2e-cli');
    expect(await p2.inputValue('#f-runs')).toBe('4');
    const bad = await encodeShare(JSON.stringify({ ...JSON.parse(readFileSync(join(ROOT, 'scenarios', `${PRESET}.json`), 'utf8')), days: -1 }));
    // Opening another link in the same tab (a hash change) validates it like a file: the error names the field.
    await p2.goto(app.url + '#s=' + bad);
    await p2.waitForSelector('.toast.error');
    expect(await p2.textContent('.toast.error')).toContain('模拟天数:');
    await other.close();
  });
});

describe('every view, in both languages, on a phone and a desktop', () => {
  it('saves screenshots of each view and nothing overflows the page sideways', async () => {
    const sizes = [
      { w: 390, h: 844 },
      { w: 1440, h: 900 },
    ];
    const saved: string[] = [];
    /** Scroll an element to just below the sticky header. */
    const scrollTo = (sel: string) =>
      page.evaluate((s: string) => {
        const el = document.querySelector(s);
        if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - document.querySelector('header').offsetHeight - 8);
      }, sel);
    const overflow = async () => {
      const over: number = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (over > 0) {
        // Name the widest elements, to say what sticks out.
        const wide: string[] = await page.evaluate(() =>
          [...document.querySelectorAll('main *')]
            .filter((el: any) => el.getBoundingClientRect().right > window.innerWidth + 1)
            .slice(0, 8)
            .map((el: any) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className} ${Math.round(el.getBoundingClientRect().right)}`),
        );
        console.log('overflow', over, wide);
      }
      return over;
    };
    // The preset at a realistic market size for the pictures: fewer agents, each standing for more people, so the
    // budgets and the 20-million-person market keep their proportions (a small market would be saturated at once).
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click('[data-view=library]');
    await page.click(`[data-preset=${PRESET}] [data-action=new]`);
    await page.waitForSelector('#f-population-agents');
    await fillField(page, 'population.agents', '20000');
    await fillField(page, 'population.scale', '1000');
    await fillField(page, 'runs', '4');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    // Messages from earlier steps would cover the views.
    await dismissToasts(page);
    for (const lang of ['zh', 'en']) {
      await page.click(`[data-lang=${lang}]`);
      for (const { w, h } of sizes) {
        await page.setViewportSize({ width: w, height: h });
        const name = (view: string) => `${lang}-${w}-${view}`;
        await page.click('[data-view=library]');
        await page.waitForTimeout(150);
        saved.push(await shot(page, name('library')));
        expect(await overflow(), name('library')).toBeLessThanOrEqual(0);
        await page.click('[data-view=editor]');
        await page.waitForSelector('#sec-basics');
        await page.waitForTimeout(150);
        saved.push(await shot(page, name('editor')));
        expect(await overflow(), name('editor')).toBeLessThanOrEqual(0);
        await scrollTo('#sec-tactics');
        await page.waitForTimeout(150);
        saved.push(await shot(page, name('editor-tactics')));
        await page.click('[data-view=dashboard]');
        for (const tab of ['S', 'T', 'A', 'R']) {
          await page.click(`[data-tab=${tab}]`);
          await page.waitForSelector(`#panel-${tab} [data-chart] svg`);
          await scrollTo('[role=tablist]');
          await page.waitForTimeout(200);
          saved.push(await shot(page, name(`dashboard-${tab}`)));
          expect(await overflow(), name(`dashboard-${tab}`)).toBeLessThanOrEqual(0);
        }
        await page.click('[data-view=compare]');
        await page.waitForSelector('[data-testid=compare-summary]');
        await scrollTo('[data-testid=compare-summary]');
        await page.waitForTimeout(200);
        saved.push(await shot(page, name('compare')));
        expect(await overflow(), name('compare')).toBeLessThanOrEqual(0);
      }
    }
    expect(saved.length).toBe(32);
    await page.click('[data-lang=zh]');
    expect(errors).toEqual([]);
  });
});
