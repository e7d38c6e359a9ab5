import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dismissToasts, fillField, openApp, ROOT, shot, startApp, type App } from './harness';
import { encodeShare } from '../../src/ui/lib/share';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const window: any;
declare const document: any;
declare const location: any;
declare const getComputedStyle: any;

/**
 * Phones, keyboard and history (issue 11): the editor's height at 390 px, Run within reach, tables that keep their key
 * columns on a phone, Run by Ctrl+Enter and by a skip link, focus on the result, arrow keys in the dashboard's tabs,
 * views in the URL (Back, Forward, reload), and screenshots of every view at 390 and 1440 px in both languages.
 */
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };
/**
 * The editor of the default preset (5 tactics) at 390 px was 21 500 px tall in Chinese (23 200 px in English) with
 * every parameter open. With the key levers on each card and the rest behind "More parameters" it measures about
 * 9 300 px in Chinese and 10 100 px in English (longer words wrap more). The bound leaves ~15 % over English for text changes, and fails as soon as the
 * disclosures stop closing (the tactic cards alone were 15 400 px).
 */
const EDITOR_MAX_HEIGHT = 12_000;

let app: App;
let ctx: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  app = await startApp();
  ({ ctx, page, errors } = await openApp(app, { viewport: DESKTOP, lang: 'zh' }));
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await app?.close();
});

const active = () => page.evaluate(() => {
  const el = document.activeElement;
  return { testid: el?.getAttribute('data-testid') ?? null, id: el?.id ?? '', tag: el?.tagName.toLowerCase() ?? '', text: (el?.textContent ?? '').trim().slice(0, 40) };
});

/** Tab from the top of a freshly loaded page until `done` holds; the number of presses. */
async function tabsUntil(done: (a: Awaited<ReturnType<typeof active>>) => boolean, limit = 80): Promise<number> {
  for (let n = 1; n <= limit; n++) {
    await page.keyboard.press('Tab');
    if (done(await active())) return n;
  }
  return Infinity;
}

/** Whether an element's box lies inside the viewport's width (and, with `vertical`, its height too). */
async function inViewport(selector: string, vertical = false): Promise<boolean> {
  return page.evaluate(
    ([sel, v]: [string, boolean]) => {
      const el = document.querySelector(sel);
      if (!el) return false;
      const r = el.getBoundingClientRect();
      const inX = r.width > 0 && r.left >= -0.5 && r.right <= window.innerWidth + 0.5;
      return v ? inX && r.top >= -0.5 && r.bottom <= window.innerHeight + 0.5 && r.height > 0 : inX;
    },
    [selector, vertical] as [string, boolean],
  );
}

describe('keyboard', () => {
  it('the skip link is the first Tab stop and takes focus to Run (it took 31 Tabs before)', async () => {
    await page.goto(app.url + '?debug=1');
    await page.waitForSelector('[data-testid=editor-run]');
    await page.keyboard.press('Tab');
    const first = await active();
    expect(first.testid).toBe('skip-run');
    expect(first.text).toBe('跳到运行');
    expect(await inViewport('[data-testid=skip-run]', true)).toBe(true);
    await shot(page, 'pk-zh-1440-skip-link');
    await page.keyboard.press('Enter');
    expect((await active()).testid).toBe('editor-run');
    // Without the skip link, Tab alone still gets there (through the header, the library at the side and the toolbar).
    await page.goto(app.url + '?debug=1');
    await page.waitForSelector('[data-testid=editor-run]');
    const plain = await tabsUntil((a) => a.testid === 'editor-run');
    console.log(`Tab stops to Run: 1 Tab + Enter with the skip link; ${plain} Tabs without it`);
    expect(plain).toBeLessThan(Infinity);
  });

  it('Ctrl+Enter runs from inside a field, and focus lands on the result', async () => {
    await fillField(page, 'population.agents', '3000');
    await fillField(page, 'runs', '4');
    await dismissToasts(page);
    await page.focus('#f-runs');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    expect(await page.evaluate(() => location.hash)).toBe('#/dashboard/S');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'result', null, { timeout: 10_000 });
    expect(await inViewport('[data-testid=result]')).toBe(true);
    // The same from the Run button itself.
    await page.click('[data-view=editor]');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'result', null, { timeout: 10_000 });
    // And from the dashboard's own Run button, which turns into Cancel while it runs.
    await page.click('[data-testid=run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'result', null, { timeout: 10_000 });
  });

  it('arrow keys, Home and End move the selected tab; only the selected tab is a Tab stop', async () => {
    const selected = () => page.evaluate(() => ({
      sel: document.querySelector('[role=tab][aria-selected=true]')?.getAttribute('data-tab'),
      focus: document.activeElement?.getAttribute('data-tab'),
      stops: [...document.querySelectorAll('[role=tab]')].filter((b: any) => b.tabIndex === 0).length,
    }));
    await page.focus('#tab-S');
    expect(await selected()).toEqual({ sel: 'S', focus: 'S', stops: 1 });
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toEqual({ sel: 'T', focus: 'T', stops: 1 });
    expect(await page.getAttribute('[role=tabpanel]', 'id')).toBe('panel-T');
    await page.keyboard.press('End');
    expect(await selected()).toEqual({ sel: 'tactics', focus: 'tactics', stops: 1 });
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toEqual({ sel: 'S', focus: 'S', stops: 1 });
    await page.keyboard.press('ArrowLeft');
    expect((await selected()).sel).toBe('tactics');
    await page.keyboard.press('Home');
    expect(await selected()).toEqual({ sel: 'S', focus: 'S', stops: 1 });
    // The tab is in the URL, replacing the entry (Back goes to the previous view, not through every tab).
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => location.hash)).toBe('#/dashboard/A');
  });

  it('views are in the URL: Back and Forward move between them and a reload keeps the view', async () => {
    const hash = () => page.evaluate(() => location.hash);
    const view = () => page.getAttribute('[data-view][aria-current=page]', 'data-view');
    await page.click('[data-view=library]');
    expect(await hash()).toBe('#/library');
    await page.click('[data-view=editor]');
    expect(await hash()).toBe('#/editor');
    await page.click('[data-view=dashboard]');
    await page.click('[data-tab=R]');
    expect(await hash()).toBe('#/dashboard/R');
    await page.click('[data-view=compare]');
    expect(await hash()).toBe('#/compare');
    await page.goBack();
    expect(await view()).toBe('dashboard');
    expect(await page.getAttribute('[data-tab=R]', 'aria-selected')).toBe('true');
    await page.goBack();
    expect(await view()).toBe('editor');
    await page.waitForSelector('#sec-basics');
    await page.goBack();
    expect(await view()).toBe('library');
    await page.goForward();
    await page.goForward();
    expect(await view()).toBe('dashboard');
    expect(await hash()).toBe('#/dashboard/R');
    await page.reload();
    await page.waitForSelector('.runbar');
    expect(await view()).toBe('dashboard');
    // Results are not kept over a reload: the dashboard offers to run again, on the same tab.
    expect(await hash()).toBe('#/dashboard/R');
    await page.click('[data-view=compare]');
    await page.reload();
    await page.waitForSelector('[data-testid=run-compare]');
    expect(await view()).toBe('compare');
    // Section links in the editor scroll without touching the URL.
    await page.click('[data-view=editor]');
    await page.click('.section-nav a[href="#sec-tactics"]');
    expect(await hash()).toBe('#/editor');
  });

  it('share links still open (#s=…), then the URL names the view', async () => {
    const other = await app.browser.newContext({ viewport: DESKTOP });
    const p2 = await other.newPage();
    const scenario = { ...JSON.parse(readFileSync(join(ROOT, 'scenarios', 'teaching-coupons.json'), 'utf8')), id: 'shared-by-link' };
    await p2.goto(`${app.url}#s=${await encodeShare(JSON.stringify(scenario))}`);
    await p2.waitForFunction(() => location.hash === '#/editor', null, { timeout: 10_000 });
    expect(await p2.inputValue('#f-id')).toBe('shared-by-link');
    await other.close();
  });
});

describe('phones (390 px)', () => {
  it(`the editor is below ${EDITOR_MAX_HEIGHT} px and Run stays on screen at the bottom`, async () => {
    await page.setViewportSize(PHONE);
    for (const lang of ['zh', 'en']) {
      await page.click(`[data-lang=${lang}]`);
      await page.click('[data-view=editor]');
      await page.waitForSelector('#sec-tactics');
      await page.waitForTimeout(200);
      const height: number = await page.evaluate(() => document.documentElement.scrollHeight);
      console.log(`editor at 390 px (${lang}): ${height} px`);
      expect(height).toBeLessThan(EDITOR_MAX_HEIGHT);
      // Every tactic shows 3–5 levers, and "More parameters" holds the rest, closed.
      const cards = await page.evaluate(() => [...document.querySelectorAll('.tactic')].map((c: any) => ({
        shown: [...c.querySelectorAll('.body input, .body select')].length,
        closed: !c.querySelector('[data-testid=more-params]').open,
      })));
      expect(cards.length).toBeGreaterThan(0);
      for (const c of cards) {
        expect(c.closed).toBe(true);
        expect(c.shown).toBeGreaterThanOrEqual(3);
      }
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(100);
      expect(await inViewport('[data-testid=editor-run]', true)).toBe(true);
      const onTop = await page.evaluate(() => {
        const r = document.querySelector('[data-testid=editor-run]').getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !!hit?.closest('[data-testid=editor-run]');
      });
      expect(onTop).toBe(true);
    }
    await page.click('[data-lang=zh]');
    // "More parameters" opens from the keyboard.
    await page.focus('#tactic-0 [data-testid=more-params] > summary');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.querySelector('#tactic-0 [data-testid=more-params]').open)).toBe(true);
    await page.keyboard.press('Enter');
    await page.setViewportSize(DESKTOP);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await inViewport('[data-testid=editor-run]', true)).toBe(true);
  });

  it('the comparison shows Δ and P(better), and the attribution GMV, cost and ROI, within the width of a phone', async () => {
    await page.setViewportSize(DESKTOP);
    await page.click('[data-view=compare]');
    await page.waitForSelector('[data-testid=run-compare]');
    await page.fill('.settings input[type=number] >> nth=0', '4');
    await page.fill('.settings input[type=number] >> nth=1', '60');
    await page.click('[data-testid=run-compare]');
    await page.waitForSelector('[data-testid=compare-summary]', { timeout: 120_000 });
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(200);
    for (const col of ['delta', 'pbetter']) {
      expect(await inViewport(`[data-table=compare] tbody tr:first-child td[data-col=${col}]`), col).toBe(true);
    }
    const labels: string[] = await page.evaluate(() =>
      [...document.querySelectorAll('[data-table=compare] tbody tr:first-child td[data-label]')].map((td: any) => getComputedStyle(td, '::before').content),
    );
    expect(labels.join(' ')).toContain('更优概率');
    // The reload above cleared the dashboard's result: run again (from a phone, with the floating Run).
    await page.click('[data-view=editor]');
    await page.click('[data-testid=editor-run]');
    await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
    await page.click('[data-tab=tactics]');
    await page.waitForSelector('[data-table=contributions]');
    for (const col of ['orders', 'gmv', 'cost']) {
      expect(await inViewport(`[data-table=contributions] tbody tr:first-child td[data-col=${col}]`), col).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize(DESKTOP);
  });
});

describe('every view at 390 and 1440 px, in Chinese and English', () => {
  it('saves a screenshot of each', async () => {
    const saved: string[] = [];
    const top = (sel: string) =>
      page.evaluate((s: string) => {
        const el = document.querySelector(s);
        // Below the sticky header, and below the editor's toolbar where it sticks too (wide screens).
        const bar = document.querySelector('.toolbar');
        const covered = document.querySelector('header').offsetHeight + (bar && getComputedStyle(bar).position === 'sticky' ? bar.offsetHeight : 0);
        if (el) window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - covered - 8);
      }, sel);
    await dismissToasts(page);
    for (const lang of ['zh', 'en']) {
      await page.click(`[data-lang=${lang}]`);
      for (const size of [PHONE, DESKTOP]) {
        await page.setViewportSize(size);
        const name = (v: string) => `pk-${lang}-${size.width}-${v}`;
        await page.click('[data-view=library]');
        await page.waitForTimeout(150);
        saved.push(await shot(page, name('library')));
        await page.click('[data-view=editor]');
        await page.waitForSelector('#sec-basics');
        await page.waitForTimeout(150);
        saved.push(await shot(page, name('editor')));
        await top('#tactic-0');
        await page.waitForTimeout(150);
        saved.push(await shot(page, name('editor-tactic')));
        await page.click('[data-view=dashboard]');
        for (const tab of ['S', 'T', 'A', 'R', 'tactics']) {
          await page.click(`[data-tab=${tab}]`);
          await page.waitForSelector(tab === 'tactics' ? '[data-table=contributions]' : `#panel-${tab} [data-chart] svg`);
          await top('[role=tablist]');
          await page.waitForTimeout(200);
          saved.push(await shot(page, name(`dashboard-${tab}`)));
        }
        await page.click('[data-view=compare]');
        await page.waitForSelector('[data-table=compare]');
        await top('[data-table=compare]');
        await page.waitForTimeout(200);
        saved.push(await shot(page, name('compare')));
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), name('compare')).toBeLessThanOrEqual(0);
      }
    }
    expect(saved.length).toBe(2 * 2 * 9);
    await page.click('[data-lang=zh]');
    expect(errors).toEqual([]);
  });
});
