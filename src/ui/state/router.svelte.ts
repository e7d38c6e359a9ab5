import { historyStep, parseRoute, routeHash, type Route } from '../lib/route';
import { shareDataFromHash } from '../lib/share';
import { resultsDataFromHash } from '../lib/result-share';
import type { AppState } from './app.svelte';

/** The route of what the app shows now. */
export function currentRoute(app: AppState): Route {
  return app.view === 'dashboard' ? { view: 'dashboard', tab: app.dashTab } : { view: app.view };
}

/** Show what a route names (the tab first, so the dashboard opens on it). */
export function applyRoute(app: AppState, route: Route): void {
  if (route.tab) app.dashTab = route.tab;
  if (app.view !== route.view) app.show(route.view);
}

/**
 * Keep the view in the URL: a route in the address when the page opens wins over the remembered view; each new view
 * adds a history entry (a tab change replaces it), so Back and Forward move between views; a route reached by Back,
 * Forward or typed in the address is shown. A share link's hash (`#s=…`) is left alone until App has opened it.
 */
export function installRouter(app: AppState, win: Window = window): () => void {
  const initial = parseRoute(win.location.hash);
  if (initial) applyRoute(app, initial);
  const follow = () => {
    const r = parseRoute(win.location.hash);
    if (r) applyRoute(app, r);
  };
  const stop = $effect.root(() => {
    $effect(() => {
      const to = currentRoute(app);
      const hash = win.location.hash;
      const from = parseRoute(hash);
      if (!from && (shareDataFromHash(hash) !== null || resultsDataFromHash(hash) !== null)) return;
      const step = historyStep(from, to);
      if (step === 'none') return;
      const url = win.location.pathname + win.location.search + routeHash(to);
      if (step === 'push') win.history.pushState(null, '', url);
      else win.history.replaceState(null, '', url);
    });
  });
  win.addEventListener('popstate', follow);
  win.addEventListener('hashchange', follow);
  return () => {
    stop();
    win.removeEventListener('popstate', follow);
    win.removeEventListener('hashchange', follow);
  };
}
