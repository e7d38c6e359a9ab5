import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { dismissToasts, fillField, openApp, ROOT, shot, startApp, type App } from './harness';

// Page-side globals used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const document: any;
declare const window: any;

/**
 * Leak test: every text a reader sees is in the language they chose. The test walks every view in Chinese — library,
 * editor with every tactic card and every collapsed section open, each dashboard tab after a small run, the tactics
 * tab with removal effects, Compare with a comparison done, validation messages and an import error — and collects
 * the visible text (text nodes, SVG labels included), the title / aria-label / placeholder / alt attributes and the
 * options of every select. It fails on any Latin word outside the allowlist below, naming the view and the element.
 * Then the same walk in English fails on any CJK character (the language switch's "中文" excepted).
 */

/**
 * Latin words a Chinese operator reads in Chinese material too, kept short on purpose:
 * - R0–R5, 5R and the STAR letters (S, T, A, R, STAR): Tencent's own names for the tiers and the outcomes.
 * - ROI, GMV, CPM, KOC, KOL: how Chinese marketing writes these figures (腾讯's whitepaper does too).
 * - CSV, SVG, PNG, JSON, PDF, HTML: names of export file formats, written that way on every Chinese download button; A4,
 *   the paper size, as Chinese print dialogs write it.
 * - Hill, Bass, Markov, Gamma, Beta, BG/NBD, Shapley: the names of the model's curves, distributions and methods, as Chinese textbooks
 *   write them (Monte Carlo is written 蒙特卡洛); single letters are the formulas' symbols (q, r, s, a, b, e^(−f),
 *   x0·Pᵗ after t days, i → j in the flow matrix).
 * - Ctrl, Shift, Enter, Z: the names printed on the keys, in keyboard shortcuts.
 * Text in Chinese quotes “…” is the reader's own input echoed back (a value typed, a file's name) and is left out.
 * - 3C: the Chinese retail term for computers, communications and consumer electronics (3C 电子).
 * - Brand and product names cited in sources as the brands write them: V·GRASS (维格娜丝), Meta's Robyn.
 * The language switch's "EN" is the name of the other language and is left out, as "中文" is in English.
 */
const ALLOWED = new Set([
  'STAR', 'S', 'T', 'A', 'R', 'R0', 'R1', 'R2', 'R3', 'R4', 'R5',
  'ROI', 'GMV', 'CPM', 'KOC', 'KOL',
  'CSV', 'SVG', 'PNG', 'JSON', 'PDF', 'HTML', 'A4',
  'Hill', 'Bass', 'Markov', 'Gamma', 'Beta', 'BG', 'NBD', 'Shapley',
  'q', 'r', 's', 'a', 'b', 'e', 'f', 'i', 'j', 'x0', 'N', 'P',
  'Ctrl', 'Shift', 'Enter',
  '3C', 'V', 'GRASS', 'Meta', 'Robyn',
  '5R', 't', 'Z',
]);
/** English names of the STAR outcomes, shown under their Chinese names on the cards (as the whitepaper does). */
const ALLOWED_PHRASES = ['Scaling', 'Triangulating', 'Activating', 'Returning'];

const CJK = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

interface Found {
  view: string;
  where: string;
  text: string;
}

/** Every visible text of the page, with where it was found (tag, class, data-path) to make a leak easy to trace. */
async function visibleTexts(page: Page): Promise<Array<{ where: string; text: string }>> {
  return page.evaluate(() => {
    const out: Array<{ where: string; text: string }> = [];
    const describe = (el: any) => {
      const p = el.closest('[data-path],[data-chart],[data-tab],[data-testid],[data-table],section,article,header');
      const tag = el.tagName.toLowerCase();
      const cls = typeof el.className === 'string' && el.className ? '.' + el.className.split(' ')[0] : '';
      const ctx = p ? ` in ${p.tagName.toLowerCase()}[${['data-path', 'data-chart', 'data-tab', 'data-testid', 'data-table', 'id'].map((a) => (p.getAttribute(a) ? `${a}=${p.getAttribute(a)}` : '')).filter(Boolean).join(' ')}]` : '';
      return tag + cls + ctx;
    };
    const visible = (el: any) => {
      if (!el || !el.getClientRects().length) return false;
      const cs = window.getComputedStyle(el);
      return cs.visibility !== 'hidden' && cs.display !== 'none';
    };
    const walk = document.createTreeWalker(document.body, 4);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').trim();
      if (!text || !el || el.closest('script,style,select,option,[data-ident],[data-lang]')) continue;
      // Screen-reader-only text counts: it is read aloud.
      if (!visible(el) && !el.closest('.sr-only')) continue;
      out.push({ where: describe(el), text });
    }
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder],[alt]')) {
      if (el.closest('[data-ident]')) continue;
      for (const a of ['title', 'aria-label', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v && v.trim()) out.push({ where: `${describe(el)} @${a}`, text: v.trim() });
      }
    }
    for (const sel of document.querySelectorAll('select')) {
      if (!visible(sel)) continue;
      for (const o of sel.options) if (o.text.trim()) out.push({ where: `${describe(sel)} option`, text: o.text.trim() });
    }
    return out;
  });
}

function latinLeaks(text: string): string[] {
  let t = text.replace(/“[^”]*”/g, ' ');
  for (const p of ALLOWED_PHRASES) t = t.split(p).join(' ');
  const words = t.match(/[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/g) ?? [];
  return words.filter((w) => !ALLOWED.has(w));
}

async function collect(page: Page, view: string, lang: 'zh' | 'en', found: Found[]) {
  for (const { where, text } of await visibleTexts(page)) {
    if (lang === 'zh') {
      if (latinLeaks(text).length) found.push({ view, where, text });
    } else if (text !== '中文' && CJK.test(text)) {
      found.push({ view, where, text });
    }
  }
}

/** Open everything that can be opened: <details>, collapsed toggles (advanced parameters, error lists). */
async function openEverything(page: Page) {
  for (let pass = 0; pass < 3; pass++) {
    const n: number = await page.evaluate(() => {
      let k = 0;
      for (const d of document.querySelectorAll('main details:not([open])')) {
        d.open = true;
        k++;
      }
      for (const b of document.querySelectorAll('main [aria-expanded=false]')) {
        if (b.getAttribute('role') === 'tab') continue;
        b.click();
        k++;
      }
      return k;
    });
    if (!n) break;
    await page.waitForTimeout(150);
  }
}

let app: App;
let ctx: BrowserContext;
let page: Page;
let errors: string[];
const PRESET = 'beauty-omnichannel-acquisition';

beforeAll(async () => {
  app = await startApp();
  ({ ctx, page, errors } = await openApp(app, { locale: 'zh-CN', ready: true }));
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await app?.close();
});

/** Walk every view in one language, collecting what leaks; screenshots at 1440 px on the way. */
async function walk(lang: 'zh' | 'en', firstTime: boolean): Promise<Found[]> {
  const found: Found[] = [];
  const name = (v: string) => `i18n-${lang}-1440-${v}`;
  await page.click(`[data-lang=${lang}]`);
  await dismissToasts(page);

  // Library.
  await page.click('[data-view=library]');
  await page.waitForSelector(`[data-preset=${PRESET}]`);
  await openEverything(page);
  await collect(page, 'library', lang, found);
  await shot(page, name('library'));

  // Editor: every preset with tactics of every type, every card and section open.
  {
    // Between them these presets use every tactic type, coupon kind and schedule form (weekly, windows, festivals).
    for (const preset of ['supermarket-omnichannel-growth', 'beauty-double11-peak', PRESET]) {
      await page.click('[data-view=library]');
      await page.click(`[data-preset=${preset}] [data-action=new]`);
      await page.waitForSelector('#f-population-agents');
      await dismissToasts(page);
      await openEverything(page);
      await collect(page, `editor (${preset})`, lang, found);
    }
  }
  await shot(page, name('editor'));
  await page.evaluate(() => document.querySelector('#tactic-0')?.scrollIntoView());
  await shot(page, name('editor-tactic'));

  // Validation messages: a word in a number field, a negative budget, an empty required id.
  await fillField(page, 'population.agents', 'abc');
  await fillField(page, 'tactics[0].dailySpend', '-5');
  await fillField(page, 'runs', '100000000');
  await page.waitForSelector('[data-error-path]');
  await openEverything(page);
  await collect(page, 'editor with errors', lang, found);
  await page.evaluate(() => document.querySelector('[data-error-path]')?.scrollIntoView({ block: 'center' }));
  await shot(page, name('editor-errors'));
  await fillField(page, 'population.agents', '3000');
  await fillField(page, 'tactics[0].dailySpend', '35000');
  await fillField(page, 'runs', '3');
  await page.waitForFunction(() => !document.querySelector('[data-error-path]'));

  // Dashboard after a small run, each tab.
  await page.click('[data-testid=editor-run]');
  await page.waitForSelector('.runbar[data-status=done]', { timeout: 120_000 });
  await collect(page, 'dashboard with run messages', lang, found);
  await dismissToasts(page);
  for (const tab of ['S', 'T', 'A', 'R']) {
    await page.click(`[data-tab=${tab}]`);
    await page.waitForSelector(`#panel-${tab} [data-chart] svg`);
    await page.waitForTimeout(200);
    await openEverything(page);
    await collect(page, `dashboard ${tab}`, lang, found);
    await shot(page, name(`dashboard-${tab}`), true);
  }
  await page.click('[data-tab=tactics]');
  if (await page.isEnabled('[data-testid=compute-removal]').catch(() => false)) {
    await page.click('[data-testid=compute-removal]');
    await page.waitForSelector('[data-table=removal] tbody tr', { timeout: 120_000 });
  }
  await page.waitForTimeout(200);
  await openEverything(page);
  await collect(page, 'dashboard tactics', lang, found);
  await shot(page, name('dashboard-tactics'), true);

  // Compare, with a comparison done (small: 3 runs, 90 days).
  await page.click('[data-view=compare]');
  await page.waitForSelector('[data-testid=run-compare]');
  if (firstTime) {
    await page.fill('.settings input[type=number] >> nth=0', '3');
    await page.fill('.settings input[type=number] >> nth=1', '90');
    await page.click('[data-testid=run-compare]');
  }
  await page.waitForSelector('[data-testid=compare-summary]', { timeout: 180_000 });
  await page.waitForTimeout(200);
  await openEverything(page);
  await collect(page, 'compare', lang, found);
  await shot(page, name('compare'), true);

  // The client report of the last run (and its appendix).
  await page.click('[data-view=report]');
  await page.waitForSelector('[data-testid=report-page] [data-report-chart=R] svg');
  // The appendix's assumptions (ranked by a tornado computed in a worker) are walked too.
  await page.waitForSelector('[data-testid=report-assumptions] tbody tr', { timeout: 120_000 });
  await page.waitForTimeout(200);
  await collect(page, 'report', lang, found);
  await shot(page, name('report'), true);
  // The comparison's report: its summary page and appendix.
  await page.click('[data-testid=report-of-comparison]');
  await page.waitForSelector('[data-testid=report-compare-page] [data-report-chart=cmp-r5] svg');
  await page.waitForTimeout(200);
  await collect(page, 'comparison report', lang, found);
  await shot(page, name('report-comparison'), true);
  await page.click('[data-testid=report-of-run]');

  // An import error (a message with a list of problems).
  await page.click('[data-view=library]');
  const dir = mkdtempSync(join(tmpdir(), 'star-leak-'));
  const bad = JSON.parse(readFileSync(join(ROOT, 'scenarios', `${PRESET}.json`), 'utf8'));
  bad.days = 'soon';
  bad.population.agents = -3;
  bad.tactics[0].dailySpend = 'lots';
  bad.tactics[1].schedule = {};
  bad.runs = 1e9;
  const file = join(dir, 'broken.json');
  writeFileSync(file, JSON.stringify(bad));
  await page.setInputFiles('[data-testid=import-input]', file);
  await page.waitForSelector('.toast.error');
  await collect(page, 'import error message', lang, found);
  await shot(page, name('import-error'));
  await dismissToasts(page);
  return found;
}

function report(found: Found[]): string {
  return found.map((f) => `[${f.view}] ${f.where}: ${JSON.stringify(f.text.length > 160 ? f.text.slice(0, 160) + '…' : f.text)}`).join('\n');
}

describe('no text in the other language', () => {
  it('Chinese UI: no Latin word outside the allowlist in any view', async () => {
    const found = await walk('zh', true);
    if (found.length) console.log(`Chinese UI leaks (${found.length}):\n${report(found)}`);
    expect(found.length, report(found)).toBe(0);
    expect(errors).toEqual([]);
  }, 600_000);

  it('English UI: no CJK character in any view (the language switch excepted)', async () => {
    const found = await walk('en', false);
    if (found.length) console.log(`English UI leaks (${found.length}):\n${report(found)}`);
    expect(found.length, report(found)).toBe(0);
    expect(errors).toEqual([]);
  }, 600_000);
});

describe('first visit follows the browser’s language', () => {
  for (const [locale, lang, title] of [
    ['en-US', 'en', 'Scenario library'],
    ['zh-CN', 'zh', '场景库'],
    ['zh-TW', 'zh', '场景库'],
    ['fr-FR', 'en', 'Scenario library'],
  ] as const) {
    it(`${locale} with no stored choice → ${lang}`, async () => {
      const c = await app.browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
      const p = await c.newPage();
      await p.goto(app.url);
      await p.waitForSelector('header nav');
      expect(await p.getAttribute('html', 'lang')).toMatch(lang === 'zh' ? /^zh/ : /^en/);
      await p.click('[data-view=library]');
      expect(await p.textContent('main h1')).toBe(title);
      // A stored choice wins over the browser's language.
      const other = lang === 'zh' ? 'en' : 'zh';
      await p.click(`[data-lang=${other}]`);
      await p.reload();
      await p.waitForSelector('header nav');
      await p.click('[data-view=library]');
      expect(await p.textContent('main h1')).toBe(other === 'zh' ? '场景库' : 'Scenario library');
      await c.close();
    });
  }
});
