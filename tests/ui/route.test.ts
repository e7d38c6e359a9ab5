import { describe, expect, it } from 'vitest';
import { historyStep, parseRoute, routeHash } from '../../src/ui/lib/route';
import { encodeShare, shareDataFromHash } from '../../src/ui/lib/share';

describe('views in the URL', () => {
  it('reads and writes every view and dashboard tab', () => {
    for (const view of ['library', 'editor', 'compare'] as const) {
      expect(routeHash({ view })).toBe(`#/${view}`);
      expect(parseRoute(`#/${view}`)).toEqual({ view });
    }
    for (const tab of ['S', 'T', 'A', 'R', 'tactics'] as const) {
      expect(routeHash({ view: 'dashboard', tab })).toBe(`#/dashboard/${tab}`);
      expect(parseRoute(`#/dashboard/${tab}`)).toEqual({ view: 'dashboard', tab });
    }
    expect(parseRoute('#/dashboard')).toEqual({ view: 'dashboard' });
    expect(routeHash({ view: 'dashboard' })).toBe('#/dashboard/S');
  });

  it('leaves other hashes alone: share links, anchors, unknown views and tabs', async () => {
    const share = `#s=${await encodeShare('{"id":"x"}')}`;
    expect(parseRoute(share)).toBeNull();
    expect(shareDataFromHash(share)).not.toBeNull();
    // A route is never read as a share link.
    expect(shareDataFromHash('#/dashboard/R')).toBeNull();
    for (const h of ['', '#', '#main', '#sec-tactics', '#/settings', '#/dashboard/X', '#/editor/S', '#/dashboard/R/extra']) expect(parseRoute(h), h).toBeNull();
  });

  it('a new view is a new history entry; a tab change or the first route replaces the entry', () => {
    expect(historyStep({ view: 'editor' }, { view: 'dashboard', tab: 'S' })).toBe('push');
    expect(historyStep({ view: 'dashboard', tab: 'S' }, { view: 'dashboard', tab: 'R' })).toBe('replace');
    expect(historyStep(null, { view: 'library' })).toBe('replace');
    expect(historyStep({ view: 'dashboard' }, { view: 'dashboard', tab: 'S' })).toBe('none');
    expect(historyStep({ view: 'compare' }, { view: 'compare' })).toBe('none');
  });
});
