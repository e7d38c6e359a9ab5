/**
 * Views in the URL's hash, so the browser's Back and Forward move between them and a reload opens the same view:
 * `#/library`, `#/editor`, `#/dashboard/S` (… `/T`, `/A`, `/R`, `/tactics`), `#/compare`, `#/planner`, `#/class`. Share links keep their own
 * hash (`#s=…`, share.ts): a hash that is not a route is left to them, and is never read as one.
 */
export const ROUTE_VIEWS = ['library', 'editor', 'dashboard', 'compare', 'planner', 'report', 'class'] as const;
export type RouteView = (typeof ROUTE_VIEWS)[number];
export const DASH_TABS = ['S', 'T', 'A', 'R', 'tactics'] as const;
export type DashTab = (typeof DASH_TABS)[number];

export interface Route {
  view: RouteView;
  /** The dashboard's tab; only with the dashboard. */
  tab?: DashTab;
}

/** The route a hash names, or null (no hash, a share link, a section anchor). */
export function parseRoute(hash: string): Route | null {
  const m = /^#?\/([a-z]+)(?:\/([A-Za-z]+))?\/?$/.exec(hash);
  if (!m) return null;
  const view = m[1] as RouteView;
  if (!(ROUTE_VIEWS as readonly string[]).includes(view)) return null;
  if (view !== 'dashboard') return m[2] === undefined ? { view } : null;
  if (m[2] === undefined) return { view };
  const tab = m[2] as DashTab;
  return (DASH_TABS as readonly string[]).includes(tab) ? { view, tab } : null;
}

/** The hash of a route: `#/editor`, `#/dashboard/R`. */
export function routeHash(route: Route): string {
  return route.view === 'dashboard' ? `#/dashboard/${route.tab ?? 'S'}` : `#/${route.view}`;
}

/** The history step from one route to the next: a new view is a new entry; a tab change replaces the entry. */
export function historyStep(from: Route | null, to: Route): 'push' | 'replace' | 'none' {
  if (from && routeHash(from) === routeHash(to)) return 'none';
  return from && from.view !== to.view ? 'push' : 'replace';
}
