import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * End-to-end harness: builds the app with Vite's own API into a temporary folder, serves it with `vite preview` on a
 * free port, and drives Debian's Chromium (installed by .ci/run) through playwright-core — no browser is downloaded.
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SHOTS = join(ROOT, 'test-artifacts', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface App {
  url: string;
  /** The built app's folder (what `npm run build` puts in dist/). */
  outDir: string;
  browser: Browser;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => ok(port));
    });
  });
}

export async function startApp(): Promise<App> {
  const outDir = mkdtempSync(join(tmpdir(), 'star-e2e-'));
  const configFile = join(ROOT, 'vite.config.ts');
  await build({ root: ROOT, configFile, logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server: PreviewServer = await preview({ root: ROOT, configFile, logLevel: 'error', build: { outDir }, preview: { port, strictPort: true, host: '127.0.0.1' } });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  mkdirSync(SHOTS, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}/`,
    outDir,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((ok) => server.httpServer.close(() => ok()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Collect main-thread long tasks (PerformanceObserver 'longtask') from the start of every page. */
export const LONG_TASK_OBSERVER = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}
`;

export async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Errors in the page's console or uncaught exceptions: any of them fails the test that checks. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

// Page-side global used inside page.evaluate callbacks (this file is type-checked without DOM types).
declare const document: any;

/** A browser context with one page on the app, and the errors that page logs (see watchErrors). */
export interface Opened {
  ctx: BrowserContext;
  page: Page;
  errors: string[];
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** The browser's language (Accept-Language, navigator.language); the browser's default when left out. */
  locale?: string;
  acceptDownloads?: boolean;
  /** A script run at the start of every page of the context (e.g. LONG_TASK_OBSERVER). */
  initScript?: string;
  /** Wait until the editor's Run button is there. */
  ready?: boolean;
  /** Then choose this language with the header's switch. */
  lang?: 'zh' | 'en';
  /**
   * The app's service worker (offline use) is blocked unless allowed: with it, scripts come from its cache, so a test
   * that makes a worker's script fail to load would not see the failure. tests/e2e/report.test.ts tests it.
   */
  serviceWorkers?: 'allow' | 'block';
}

/** Open the app (with ?debug=1) in a new context and page, 1440 × 900 unless told otherwise. */
export async function openApp(app: App, opts: OpenOptions = {}): Promise<Opened> {
  const { viewport = { width: 1440, height: 900 }, locale, acceptDownloads, initScript, ready, lang, serviceWorkers = 'block' } = opts;
  const ctx = await app.browser.newContext({ viewport, serviceWorkers, ...(locale ? { locale } : {}), ...(acceptDownloads ? { acceptDownloads } : {}) });
  if (initScript) await ctx.addInitScript(initScript);
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(app.url + '?debug=1');
  if (ready || lang) await page.waitForSelector('[data-testid=editor-run]');
  if (lang) await page.click(`[data-lang=${lang}]`);
  return { ctx, page, errors };
}

/** Fill a field of the editor by its path (ids come from the field path). */
export async function fillField(page: Page, path: string, value: string): Promise<void> {
  const id = 'f-' + path.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
  await page.fill(`#${id}`, value);
}

/** Close every message (some close themselves: clicking them one by one could wait for a vanished button). */
export async function dismissToasts(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('.toast button').forEach((b: any) => b.click()));
}
