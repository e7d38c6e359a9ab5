import { describe, expect, it } from 'vitest';
import { points } from '../../src/ui/lib/points';
import { signed } from '../../src/i18n/numbers';

describe('differences of rates in percentage points', () => {
  it('5.0 % → 6.2 % is 1.2 percentage points, not 1.2 % (a relative change)', () => {
    expect(points(0.062 - 0.05, 'en')).toBe('1.2 pp');
    expect(points(0.062 - 0.05, 'zh')).toBe('1.2 个百分点');
    expect(signed(-0.0035, (x) => points(x, 'en'))).toBe('−0.35 pp');
    expect(points(NaN, 'zh')).toBe('—');
  });
});
