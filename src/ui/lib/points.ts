import { percent } from '../../i18n/numbers';
import type { Lang } from '../../lib/text';

/**
 * A difference of two rates in percentage points: 5.0 % → 6.2 % is "1.2 个百分点" / "1.2 pp", never "1.2%" (which
 * reads as a relative change). Same digits as `percent`, without the sign (callers add it with `signed`).
 */
export function points(x: number, lang: Lang): string {
  const p = percent(x);
  if (p === '—') return p;
  return p.slice(0, -1) + (lang === 'zh' ? ' 个百分点' : ' pp');
}
