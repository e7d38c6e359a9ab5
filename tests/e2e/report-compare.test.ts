import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { csvParse } from 'd3';
import { dismissToasts, fillField, openApp, ROOT, shot, startApp, type App, type Opened } from './harness';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const document: any;
declare const window: any;

/**
 * The comparison report printed by Chromium (page.pdf): one A4-landscape page that holds the summary (the plans, the
 * headline paired differences with both intervals named, the key curves, the narrative and the method), then the
 * appendix (every figure, what differs, the other curves, the assumptions), in both languages. Page text by poppler's
 * pdftotext, pages as images by pdftoppm in test-artifacts/report-compare/ for a person to look at.
 */
const OUT = join(ROOT, 'test-artifacts', 'report-compare');
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

function pdfPages(file: string): number {
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
}
const pdfText = (file: string, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file, '-'], { encoding: 'utf8' });

/** Pixels that are not white within `band` pixels of a PPM page's edges (the print margin). */
function inkInMargin(file: string, band: number): number {
  const buf = readFileSync(file);
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  const [w, h, px] = [Number(head[1]), Number(head[2]), buf.subarray(head[0].length)];
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

/**
 * Inked pixels in rows y0..y1 of a PPM page: the summary page's method line sits at the foot of its 190 mm sheet, so
 * ink there (at 60 dpi, 186–199 mm from the top) shows the page was printed at full size, not shrunk to fit something
 * wider than the page.
 */
function inkInRows(file: string, y0: number, y1: number): number {
  const buf = readFileSync(file);
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(buf.subarray(0, 40).toString('latin1'))!;
  const [w, px] = [Number(head[1]), buf.subarray(head[0].length)];
  let ink = 0;
  for (let y = y0; y <= y1; y++) for (let x = 0; x < w; x++) if (px[(y * w + x) * 3]! < 200) ink++;
  return ink;
}

/** What the first page must say, and what it must not (the appendix's and the app's own words). */
const WORDS = {
  zh: {
    title: '方案对比',
    headline: '关键指标:方案 − 参照的成对差值',
    ci: '均值的 90% 置信区间',
    spread: '结果分布:各次运行差值的第 5–95 百分位',
    story: '结论',
    verdict: '对比',
    leaders: '按均值:GMV 最高的是',
    charts: '关键曲线',
    method: '模型版本',
    appendix: '附录 · ',
    table: 'STAR 指标并列',
    assumptions: '假设与设置',
    curves: '其余曲线',
    nav: '场景库',
    print: '打印',
  },
  en: {
    title: 'Comparison of plans',
    headline: 'Headline figures: plan − reference',
    ci: 'mean’s 90% CI',
    spread: 'Spread: 5th–95th percentile of the runs’ differences',
    story: 'What this says',
    verdict: 'against',
    leaders: 'By the means: the highest GMV is',
    charts: 'Key curves',
    method: 'Model version',
    appendix: 'Appendix · ',
    table: 'STAR figures side by side',
    assumptions: 'Assumptions and settings',
    curves: 'Other curves',
    nav: 'Library',
    print: 'Print / Save',
  },
};

describe('the comparison report', () => {
  it('is made from a comparison of the scenario just run and its do-nothing baseline', async () => {
    await page.waitForSelector('#f-population-agents');
    await fillField(page, 'population.agents', '2000');
    await fillField(page, 'runs', '6');
    await fillField(page, 'days', '90');
    await dismissToasts(page);
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 180_000 });
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=run-compare]');
    expect(await page.locator('[data-candidate]:checked').count()).toBe(2);
    await page.click('[data-testid=run-compare]');
    await page.waitForSelector('[data-testid=compare-summary]', { timeout: 180_000 });
    await page.click('[data-testid=compare-report]');
    await page.waitForSelector('[data-testid=report-compare-page] [data-report-chart=cmp-r5] svg path');
  }, 400_000);

  it('its full table saves a CSV that names the plans and the figures in Chinese, never by id or key', async () => {
    const button = page.locator('[data-testid=report-compare-appendix] .card .head button');
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const bytes = readFileSync((await file.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvParse(new TextDecoder('utf-8').decode(bytes));
    const names = await page.locator('[data-testid=report-compare-page] .names li [data-user-text]').allInnerTexts();
    expect(rows.columns[0]).toBe('指标');
    expect(rows.columns).toContain(`${names[0]}(均值)`);
    expect(rows.columns).toContain(`${names[1]}(差值均值)`);
    expect(rows.map((r) => r['指标'])).toContain('期末资产');
    // No scenario id (preset:…, user:…, baseline:…) in a header, no figure key (S.assetsEnd) in a cell.
    for (const c of rows.columns) expect(c).not.toMatch(/^(preset|user|baseline)[:-]|[STAR]\.[a-zA-Z]/);
    for (const r of rows) expect(r['指标']).not.toMatch(/^[STAR]\.[a-zA-Z]/);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`prints one A4-landscape summary page and a three-page appendix (${lang}), nothing overflowing`, async () => {
      const w = WORDS[lang];
      await page.click(`[data-lang=${lang}]`);
      await page.waitForSelector('[data-report-chart=cmp-diff-cumulativeCost] svg path');
      await shot(page, `report-compare-${lang}-1440`, true);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.waitForTimeout(200);
      await shot(page, `report-compare-${lang}-390`);
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.waitForTimeout(200);
      const pdf = join(OUT, `report-compare-${lang}.pdf`);
      await page.emulateMedia({ media: 'print' });
      try {
        // The summary page's content fits its box: nothing clipped below or spilling to the right.
        const fit = await page.evaluate(() => {
          const el = document.querySelector('[data-testid=report-compare-page]');
          const box = el.getBoundingClientRect();
          const outside = [...el.querySelectorAll('*')].map((x: any) => x.getBoundingClientRect()).filter((r: any) => r.width > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1));
          return { scroll: [el.scrollHeight, el.clientHeight, el.scrollWidth, el.clientWidth], outside: outside.length };
        });
        expect(fit.scroll[0]).toBeLessThanOrEqual(fit.scroll[1] + 1);
        expect(fit.scroll[2]).toBeLessThanOrEqual(fit.scroll[3] + 1);
        expect(fit.outside).toBe(0);
        writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
      } finally {
        await page.emulateMedia({ media: null });
      }
      // The summary; then the appendix: every figure, what differs with the other curves, the assumptions and method.
      const n = pdfPages(pdf);
      expect(n).toBe(4);
      const first = pdfText(pdf, 1);
      for (const word of [w.title, w.headline, w.ci, w.spread, w.story, w.verdict, w.leaders, w.charts, w.method]) expect(first, word).toContain(word);
      expect(first).not.toContain(w.appendix);
      expect(first).not.toContain(w.table);
      const [p2, p3, p4] = [pdfText(pdf, 2), pdfText(pdf, 3), pdfText(pdf, 4)];
      for (const p of [p2, p3, p4]) expect(p).toContain(w.appendix);
      expect(p2).toContain(w.table);
      expect(p3).toContain(w.curves);
      expect(p4).toContain(w.assumptions);
      // With six runs the two strongest drivers of the paired ΔGMV get a PRCC, so the assumptions table has two rows.
      expect(await page.locator('[data-testid=report-compare-assumptions] tbody tr').count()).toBe(2);
      const rest = p2 + p3 + p4;
      expect(first + rest).not.toContain(w.nav);
      expect(first + rest).not.toContain(w.print);
      // A4 landscape at 60 dpi (702 × 496), nothing inked in the 10 mm margins.
      execFileSync('pdftoppm', ['-r', '60', pdf, join(OUT, `report-compare-${lang}`)]);
      const pages = readdirSync(OUT).filter((f) => f.startsWith(`report-compare-${lang}-`) && f.endsWith('.ppm'));
      expect(pages.length).toBe(n);
      for (const p of pages) expect(inkInMargin(join(OUT, p), 20), p).toBe(0);
      expect(inkInRows(join(OUT, `report-compare-${lang}-1.ppm`), 440, 471)).toBeGreaterThan(0);
      execFileSync('pdftoppm', ['-r', '110', '-png', pdf, join(OUT, `report-compare-${lang}`)]);
    }, 120_000);
  }

  it('with four plans the summary page still holds every plan and fits its sheet', async () => {
    await page.click('[data-lang=zh]');
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=run-compare]');
    for (const id of ['preset:teaching-coupons', 'preset:teaching-livestream']) await page.check(`[data-candidate="${id}"]`);
    expect(await page.locator('[data-candidate]:checked').count()).toBe(4);
    await page.click('[data-testid=run-compare]');
    await page.waitForFunction(() => (window as any).__starDebug.compareStatus() === 'done', undefined, { timeout: 300_000 });
    await page.click('[data-testid=compare-report]');
    await page.waitForSelector('[data-testid=report-compare-page] [data-report-chart=cmp-r5] svg path');
    expect(await page.locator('[data-testid=report-compare-page] .names li').count()).toBe(4);
    await shot(page, 'report-compare-4-zh-1440', true);
    const pdf = join(OUT, 'report-compare-4-zh.pdf');
    await page.emulateMedia({ media: 'print' });
    try {
      const fit = await page.evaluate(() => {
        const el = document.querySelector('[data-testid=report-compare-page]');
        const box = el.getBoundingClientRect();
        const outside = [...el.querySelectorAll('*')].map((x: any) => x.getBoundingClientRect()).filter((r: any) => r.width > 0 && (r.bottom > box.bottom + 1 || r.right > box.right + 1));
        return { scroll: [el.scrollHeight, el.clientHeight, el.scrollWidth, el.clientWidth], outside: outside.length };
      });
      expect(fit.scroll[0]).toBeLessThanOrEqual(fit.scroll[1] + 1);
      expect(fit.scroll[2]).toBeLessThanOrEqual(fit.scroll[3] + 1);
      expect(fit.outside).toBe(0);
      writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    } finally {
      await page.emulateMedia({ media: null });
    }
    const first = pdfText(pdf, 1);
    // Three verdicts (each plan against the reference), the leaders and the method, all on the first page.
    expect(first.match(/”对比“/g)?.length).toBe(3);
    for (const word of ['按均值:GMV 最高的是', '模型版本']) expect(first).toContain(word);
    expect(first).not.toContain('附录 · ');
    execFileSync('pdftoppm', ['-r', '60', pdf, join(OUT, 'report-compare-4-zh')]);
    for (const p of readdirSync(OUT).filter((f) => f.startsWith('report-compare-4-zh-') && f.endsWith('.ppm'))) expect(inkInMargin(join(OUT, p), 20), p).toBe(0);
    expect(inkInRows(join(OUT, 'report-compare-4-zh-1.ppm'), 440, 471)).toBeGreaterThan(0);
    execFileSync('pdftoppm', ['-r', '110', '-png', pdf, join(OUT, 'report-compare-4-zh')]);
  }, 400_000);

  it('logs no error', () => {
    expect(opened.errors).toEqual([]);
  });
});
