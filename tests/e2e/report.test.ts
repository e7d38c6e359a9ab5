import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { csvParse } from 'd3';
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { dismissToasts, fillField, openApp, ROOT, shot, startApp, watchErrors, type App, type Opened } from './harness';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const document: any;
declare const window: any;
declare const navigator: any;

/**
 * Issue 12 in the browser: results that survive a reload (stale once the scenario changes), and the client report
 * printed to PDF by Chromium — its page count in both languages, nothing outside the page, and the pages rendered to
 * PNG (poppler's pdftoppm) for a person to look at, in test-artifacts/report/.
 */
const OUT = join(ROOT, 'test-artifacts', 'report');
let app: App;
let opened: Opened;
let page: Page;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  app = await startApp();
  opened = await openApp(app, { lang: 'zh', acceptDownloads: true });
  page = opened.page;
});

afterAll(async () => {
  await app?.close();
});

const text = (sel: string) => page.locator(sel).first().innerText();

/** The report's headline figures. */
const REPORT_IDS = ['incremental.gmv', 'incremental.margin', 'incremental.r5', 'incremental.assets', 'incremental.cost', 'incremental.roi'];

/** Each headline figure's value and ranges as shown (the report's ids only, from the dashboard's fuller block). */
async function headline(p: Page, within: string, onlyReport: boolean): Promise<Record<string, string[]>> {
  const all = await p.$$eval(`${within} [data-inc]`, (els: any[]) =>
    Object.fromEntries(els.map((e) => [e.getAttribute('data-inc'), [...e.querySelectorAll('.value, .range')].map((x: any) => x.textContent.trim())])),
  );
  return onlyReport ? Object.fromEntries(REPORT_IDS.filter((id) => id in all).map((id) => [id, all[id]!])) : all;
}

/** A results link's data as JSON, and back (base64url of deflate-raw, as the app writes it). */
function decode(data: string): any {
  return JSON.parse(inflateRawSync(Buffer.from(data, 'base64url')).toString('utf8'));
}
function encode(value: unknown): string {
  return deflateRawSync(Buffer.from(JSON.stringify(value))).toString('base64url');
}

/** The pages of a PDF, by poppler's pdfinfo. */
function pdfPages(file: string): number {
  const m = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(m![1]);
}

/** A binary PPM (P6) as width, height and RGB bytes. */
function readPpm(file: string): { w: number; h: number; px: Buffer } {
  const buf = readFileSync(file);
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  return { w: Number(head[1]), h: Number(head[2]), px: buf.subarray(head[0].length) };
}

/** Pixels that are not white within `band` pixels of the page's edges (the print margin). */
function inkInMargin(file: string, band: number): number {
  const { w, h, px } = readPpm(file);
  let ink = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (x >= band && x < w - band && y >= band && y < h - band) continue;
      const o = (y * w + x) * 3;
      if (px[o]! < 235 || px[o + 1]! < 235 || px[o + 2]! < 235) ink++;
    }
  }
  return ink;
}

describe('results persist', () => {
  it('a run is there after a reload, marked stale once the scenario changes, and current again once it is undone', async () => {
    await page.waitForSelector('#f-population-agents');
    await fillField(page, 'population.agents', '3000');
    await fillField(page, 'runs', '6');
    await dismissToasts(page);
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    await page.waitForSelector('[data-inc="incremental.gmv"]');
    const before = await text('[data-testid=incremental]');
    expect(before).toMatch(/¥/);
    // Saved as soon as the run is done; give IndexedDB's transaction a moment to commit.
    await page.waitForSelector('[data-testid=run-history]', { state: 'attached', timeout: 5000 }).catch(() => undefined);
    await page.waitForTimeout(500);

    await page.reload();
    await page.waitForSelector('[data-testid=run-restored]', { timeout: 20_000 });
    expect(await text('[data-testid=incremental]')).toBe(before);
    expect(await page.locator('[data-testid=run-stale]').count()).toBe(0);

    // Change the scenario: the saved result is now stale.
    await page.click('[data-view=editor]');
    await fillField(page, 'runs', '7');
    await page.click('[data-view=dashboard]');
    await page.waitForSelector('[data-testid=run-stale]');
    // Change it back: the same scenario as run, no longer stale.
    await page.click('[data-view=editor]');
    await fillField(page, 'runs', '6');
    await page.click('[data-view=dashboard]');
    await page.waitForSelector('[data-testid=run-restored]');
    expect(await page.locator('[data-testid=run-stale]').count()).toBe(0);
  });
});

describe('exports that carry their context', () => {
  it('the all-figures CSV has a byte-order mark and Chinese headers that a CSV reader reads back; its numbers are the JSON’s', async () => {
    await page.click('[data-view=dashboard]');
    await page.waitForSelector('[data-testid=export-csv]:not([disabled])');
    const [csvFile] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-csv]')]);
    const [jsonFile] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-json]')]);
    const bytes = readFileSync((await csvFile.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvParse(new TextDecoder('utf-8').decode(bytes));
    expect(rows.columns).toEqual(['指标', '增量或总量', '均值', '标准差', '第 5 百分位', '中位数', '第 95 百分位']);
    const json = JSON.parse(readFileSync((await jsonFile.path())!, 'utf8'));
    expect(rows[0]!['指标']).toBe('增量 GMV');
    expect(Number(rows[0]!['均值'])).toBe(json.incremental.gmv.mean);
    // The machine keys stay in the JSON.
    expect(Object.keys(json.incremental)).toContain('gmv');
  });

  it('an exported chart carries the scenario, seed, runs and date in its footer', async () => {
    await page.click('[data-tab=S]');
    const card = page.locator('[data-chart=S-assets]');
    await card.locator('svg').first().waitFor();
    const [svgFile] = await Promise.all([page.waitForEvent('download'), card.locator('.exports button').first().click()]);
    const svg = readFileSync((await svgFile.path())!, 'utf8');
    const footer = /<text[^>]*data-footer=""[^>]*>([^<]*)<\/text>/.exec(svg)?.[1] ?? '';
    const name = await page.locator('.runbar h1').innerText();
    expect(footer).toContain(name);
    expect(footer).toMatch(/种子 20260101 · 6 次运行 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  });
});

describe('the client report', () => {
  it('has per-tactic values once computed on the dashboard', async () => {
    // A fresh run (a saved result cannot be split by tactic: its runs are not kept).
    await page.click('[data-testid=run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    // Both runs of this scenario are kept, the new one shown; the earlier one can be reopened.
    await page.waitForSelector('[data-testid=run-history]');
    expect(await page.locator('[data-testid=run-history] tbody tr').count()).toBe(2);
    await page.click('[data-tab=tactics]');
    await page.click('[data-testid=compute-removal]');
    await page.waitForSelector('[data-table=shapley] tbody tr', { timeout: 240_000 });
    await page.click('[data-view=report]');
    await page.waitForSelector('[data-testid=report-tactics] tbody tr');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`prints to one A4 landscape page and a one-page appendix (${lang}), nothing overflowing`, async () => {
      await page.click(`[data-lang=${lang}]`);
      await page.click('[data-view=report]');
      await page.waitForSelector('[data-report-chart=R] svg path');
      // The appendix's assumptions are ranked by a tornado computed in a worker: print once they are there.
      await page.waitForSelector('[data-testid=report-assumptions] tbody tr', { timeout: 120_000 });
      await shot(page, `report-${lang}-1440`, true);
      // On a phone the page keeps its printed width and scrolls sideways (the toolbar wraps above it).
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(200);
      await shot(page, `report-${lang}-390`);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.waitForTimeout(200);
      const pdf = join(OUT, `report-${lang}.pdf`);
      await page.emulateMedia({ media: 'print' });
      try {
        // Nothing clipped or spilling: the first page's content fits its box, in height and in width.
        const fit = await page.evaluate(() => {
          const el = document.querySelector('[data-testid=report-page]');
          const inner = [...el.querySelectorAll('*')].map((x: any) => x.getBoundingClientRect());
          const box = el.getBoundingClientRect();
          return {
            scroll: [el.scrollHeight, el.clientHeight, el.scrollWidth, el.clientWidth],
            outside: inner.filter((r: any) => r.width > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1)).length,
          };
        });
        // (190 mm is 718.1 px: the scroll height is rounded up, the client height down.)
        expect(fit.scroll[0]).toBeLessThanOrEqual(fit.scroll[1] + 1);
        expect(fit.scroll[2]).toBeLessThanOrEqual(fit.scroll[3] + 1);
        expect(fit.outside).toBe(0);
        writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      } finally {
        await page.emulateMedia({ media: null });
      }
      expect(pdfPages(pdf)).toBe(2);
      // The first page is the report, the second the appendix; no button or navigation is printed.
      const page1 = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
      const page2 = execFileSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], { encoding: 'utf8' });
      const words = lang === 'zh' ? { head: '方案效果', story: '结论', appendix: '附录', nav: '场景库', print: '打印' } : { head: 'The plan’s effect', story: 'What this says', appendix: 'Appendix', nav: 'Library', print: 'Print / Save' };
      expect(page1).toContain(words.head);
      expect(page1).toContain(words.story);
      expect(page1).not.toContain(words.appendix);
      expect(page2).toContain(words.appendix);
      expect(page1 + page2).not.toContain(words.nav);
      expect(page1 + page2).not.toContain(words.print);
      // Rendered to images (A4 landscape at 60 dpi: 702 × 496): nothing inked in the 10 mm margins (24 px at 60 dpi).
      execFileSync('pdftoppm', ['-r', '60', pdf, join(OUT, `report-${lang}`)]);
      const pages = readdirSync(OUT).filter((f) => f.startsWith(`report-${lang}-`) && f.endsWith('.ppm')).sort();
      expect(pages.length).toBe(2);
      for (const p of pages) {
        const { w, h } = readPpm(join(OUT, p));
        expect(Math.abs(w - 702)).toBeLessThanOrEqual(1);
        expect(Math.abs(h - 496)).toBeLessThanOrEqual(1);
        expect(inkInMargin(join(OUT, p), 20), p).toBe(0);
      }
      execFileSync('pdftoppm', ['-r', '110', '-png', pdf, join(OUT, `report-${lang}`)]);
    });
  }

  it('the HTML report opens with the network off, loads nothing and shows the dashboard’s headline figures', async () => {
    await page.click('[data-lang=zh]');
    await page.click('[data-view=dashboard]');
    await page.waitForSelector('[data-testid=result] [data-testid=incremental] [data-inc]');
    const dash = await headline(page, '[data-testid=result] [data-testid=incremental]', true);
    expect(Object.keys(dash).length).toBe(REPORT_IDS.length);
    await page.click('[data-view=report]');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=report-html]')]);
    const file = join(OUT, 'report.html');
    await dl.saveAs(file);
    const ctx = await app.browser.newContext({ offline: true, viewport: { width: 1440, height: 900 } });
    const requests: string[] = [];
    ctx.on('request', (r) => requests.push(r.url()));
    const p = await ctx.newPage();
    const errors = watchErrors(p);
    await p.goto(pathToFileURL(file).href);
    const html = await headline(p, '[data-testid=report-headline]', false);
    expect(Object.keys(html).sort()).toEqual([...REPORT_IDS].sort());
    for (const id of REPORT_IDS) expect(html[id], id).toEqual(dash[id]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(await p.locator('button, script:not([type="application/json"])').count()).toBe(0);
    const data = JSON.parse((await p.locator('#star-report-data').textContent())!);
    const json = JSON.parse((await page.evaluate(() => (window as any).__starDebug.resultJson())) as string);
    expect(data.incremental.gmv.mean).toBe(json.incremental.gmv.mean);
    await p.screenshot({ path: join(OUT, 'report-html-offline.png'), fullPage: true });
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('a results link opens read-only in a fresh browser profile; a changed, damaged or inconsistent one is refused', async () => {
    const dash = await headline(page, '[data-testid=report-headline]', false);
    await page.click('[data-testid=results-link]');
    const url = await page.inputValue('[data-testid=results-url]');
    expect(url).toMatch(/#r=[A-Za-z0-9_-]+$/);

    const open = async (link: string) => {
      const ctx = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const p = await ctx.newPage();
      const errors = watchErrors(p);
      await p.goto(link);
      return { ctx, p, errors };
    };
    const fresh = await open(url);
    await fresh.p.waitForSelector('[data-testid=report-readonly]');
    expect(await headline(fresh.p, '[data-testid=report-headline]', false)).toEqual(dash);
    // Nothing was run to show it, and nothing was added to the library.
    expect(await fresh.p.evaluate(() => (window as any).__starDebug.status())).toBe('idle');
    await shot(fresh.p, 'report-readonly-zh-1440', true);
    expect(fresh.errors).toEqual([]);
    await fresh.ctx.close();

    // Changed: one number of the result, the digests left as they were.
    const payload = decode(url.split('#r=')[1]!);
    const changed = structuredClone(payload);
    changed.result.incremental.gmv.mean *= 2;
    const tampered = await open(url.split('#')[0] + '#r=' + encode(changed));
    const alert1 = await tampered.p.locator('.toast.error').first().innerText();
    expect(alert1).toContain('已拒绝:这些结果在保存之后被改动过');
    expect(alert1).toContain('result:');
    expect(alert1).not.toContain('scenario:');
    expect(await tampered.p.locator('[data-testid=report-readonly]').count()).toBe(0);
    await tampered.ctx.close();

    // Damaged: cut short.
    const damaged = await open(url.slice(0, url.length - 40));
    expect(await damaged.p.locator('.toast.error').first().innerText()).toContain('结果链接已损坏');
    await damaged.ctx.close();

    // Consistent digests but a result from another seed: refused, the field named.
    const other = structuredClone(payload);
    other.result.meta.seed = 'another';
    other.digests.result = createHash('sha256').update(JSON.stringify(other.result)).digest('hex');
    const wrong = await open(url.split('#')[0] + '#r=' + encode(other));
    const alert2 = await wrong.p.locator('.toast.error').first().innerText();
    expect(alert2).toContain('已拒绝:这不是有效的结果');
    expect(alert2).toContain('result.meta.seed: 与场景的种子不一致(场景为 20260101)');
    await wrong.ctx.close();
  });

  it('reports on a comparison too: its headline differences and narrative on the first page, the rest in the appendix (report-compare.test.ts prints it in both languages)', async () => {
    await page.click('[data-lang=zh]');
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=run-compare]');
    await page.fill('.settings input[type=number] >> nth=0', '3');
    await page.fill('.settings input[type=number] >> nth=1', '90');
    await page.click('[data-testid=run-compare]');
    await page.waitForSelector('[data-testid=compare-summary]', { timeout: 180_000 });
    await page.click('[data-testid=compare-report]');
    await page.waitForSelector('[data-testid=report-compare-page] [data-testid=report-compare-story]');
    await shot(page, 'report-comparison-zh-1440', true);
    const pdf = join(OUT, 'report-comparison-zh.pdf');
    await page.emulateMedia({ media: 'print' });
    try {
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-'], { encoding: 'utf8' });
    const last = execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), '-layout', pdf, '-'], { encoding: 'utf8' });
    expect(first).toContain('方案对比');
    expect(first).toContain('关键指标');
    expect(first).toContain('结论');
    expect(first).not.toContain('附录 · ');
    expect(last).toContain('附录');
    expect(first + last).not.toContain('场景库');
    execFileSync('pdftoppm', ['-r', '60', pdf, join(OUT, 'report-comparison-zh')]);
    for (const p of readdirSync(OUT).filter((f) => f.startsWith('report-comparison-zh-') && f.endsWith('.ppm'))) expect(inkInMargin(join(OUT, p), 20), p).toBe(0);
    execFileSync('pdftoppm', ['-r', '110', '-png', pdf, join(OUT, 'report-comparison-zh')]);
    // Back to the plan's report.
    await page.click('[data-testid=report-of-run]');
    await page.waitForSelector('[data-testid=report-page]');
  });

  it('works offline after the first visit: the service worker serves the app and its workers, and a run finishes', async () => {
    const ctx = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const p = await ctx.newPage();
    const errors = watchErrors(p);
    await p.goto(app.url);
    await p.waitForSelector('[data-testid=editor-run]');
    // The worker installed (everything precached) and active.
    const state = await p.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      const w = r.active;
      if (w.state !== 'activated') await new Promise((ok) => w.addEventListener('statechange', () => w.state === 'activated' && ok(null)));
      return w.state;
    });
    expect(state).toBe('activated');
    await ctx.setOffline(true);
    await p.reload();
    await p.waitForSelector('[data-testid=editor-run]');
    await fillField(p, 'population.agents', '2000');
    await fillField(p, 'runs', '2');
    await p.click('[data-testid=editor-run]');
    await p.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    expect(await p.locator('[data-testid=incremental] [data-inc="incremental.gmv"]').count()).toBe(1);
    expect(errors).toEqual([]);
    await ctx.close();
  });

  it('the built app opened from disk says how to open it, in both languages', async () => {
    const ctx = await app.browser.newContext();
    const p = await ctx.newPage();
    await p.goto(pathToFileURL(join(app.outDir, 'index.html')).href);
    const notice = await p.locator('#file-notice').innerText();
    expect(notice).toContain('npm run preview');
    expect(notice).toContain('需要通过网址打开');
    expect(notice).toContain('must be opened from a web address');
    await ctx.close();
  });

  it('logs no error', () => {
    expect(opened.errors).toEqual([]);
  });
});
