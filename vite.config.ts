import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { VitePWA } from 'vite-plugin-pwa';

/** The model version a report names: the package's version. */
const version = (JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }).version;

// The app, its web workers (ES modules) and the tests share one config: vitest reads the `test` block.
// Two test projects: `unit` (engine, scenario, command line, UI logic) and `e2e` (headless Chromium). `npm test` runs
// them one after the other, so the browser never competes for the CPU with the simulation-heavy unit files.
export default defineConfig({
  plugins: [
    svelte(),
    // Offline after the first visit: a service worker (Workbox, generated at build time) precaches the app, its web
    // workers and the bundled presets, and updates itself when a new build is deployed.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'STAR 沙盘 · STAR Sandbox',
        short_name: 'STAR 沙盘',
        description: 'STAR 沙盘:模拟 5R 人群资产在运营方案下的流转,推演 STAR 效果并对比方案。',
        lang: 'zh-CN',
        theme_color: '#14213a',
        background_color: '#f4f6f9',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: { globPatterns: ['**/*.{js,css,html,svg,json,woff2}'], maximumFileSizeToCacheInBytes: 8 * 1024 * 1024 },
    }),
  ],
  define: { __APP_VERSION__: JSON.stringify(version) },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { port: 5173 },
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**'], environment: 'node' } },
      // One file at a time: the browser tests start a server and Chromium, and share nothing with each other.
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', fileParallelism: false } },
    ],
  },
});
