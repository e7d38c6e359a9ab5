import { describe, expect, it } from 'vitest';
import { figuresCsv, flattenFigures } from '../../src/sim/results/flatten';
import type { SimulationResult } from '../../src/sim/results/result';

/** The CSV export's rows, from a made-up result whose rows are written out by hand. */
const st = (mean: number) => ({ mean, sd: 1, p05: mean - 1, p50: mean, p95: mean + 1 });
const result = {
  totals: { gmv: st(100), roi: null },
  star: { S: { assetsEnd: st(5) }, T: { count: { R5: st(7) } }, label: 'not a figure', list: [st(1)], partial: { mean: 3 } },
  byCause: { 'ads,1': { moves: st(2), movesMatrix: [1, 2], dailyCost: [3] } },
} as unknown as SimulationResult;

describe('flattenFigures and figuresCsv', () => {
  it('lists every figure by its dotted path: totals, then STAR, then each cause without its matrices', () => {
    expect(flattenFigures(result).map(([k, s]) => [k, s?.mean ?? null])).toEqual([
      ['totals.gmv', 100],
      ['totals.roi', null],
      ['star.S.assetsEnd', 5],
      ['star.T.count.R5', 7],
      ['byCause.ads,1.moves', 2],
    ]);
  });

  it('writes one CSV row per figure, blank for a figure with no value, quoting a name with a comma', () => {
    expect(figuresCsv(result)).toBe(
      [
        'figure,mean,sd,p05,p50,p95',
        'totals.gmv,100,1,99,100,101',
        'totals.roi,,,,,',
        'star.S.assetsEnd,5,1,4,5,6',
        'star.T.count.R5,7,1,6,7,8',
        '"byCause.ads,1.moves",2,1,1,2,3',
      ].join('\n') + '\n',
    );
  });
});
