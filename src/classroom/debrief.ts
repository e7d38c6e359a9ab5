import type { Text } from '../lib/text';
import type { ClassFile, HiddenValue } from './class-file';
import type { Verdict } from './log';

type Verified = Extract<Verdict, { status: 'verified' }>;

/**
 * Discussion prompts for the debrief, generated from the verified teams' results, in both languages. Each names the
 * teams and the figures behind it, so the trainer can point at the chart while asking.
 */
export function discussionPrompts(cls: ClassFile, verdicts: readonly Verdict[], hidden: readonly HiddenValue[]): Text[] {
  const teams = verdicts.filter((v): v is Verified => v.status === 'verified' && v.figures.length > 0);
  const out: Text[] = [];
  if (teams.length === 0) return out;
  const last = (t: Verified) => t.figures[t.figures.length - 1]!;
  const yuan = (x: number) => `¥${Math.round(x).toLocaleString('en-US')}`;
  const by = (f: (t: Verified) => number | null, dir: 1 | -1) =>
    teams
      .filter((t) => f(t) !== null && Number.isFinite(f(t)!))
      .sort((a, b) => dir * (f(b)! - f(a)!))[0];

  const gmvTop = by((t) => last(t).incrementalGmv, 1);
  const roiTop = by((t) => last(t).incrementalRoi, 1);
  if (gmvTop && roiTop && gmvTop !== roiTop) {
    const g = last(gmvTop);
    const r = last(roiTop);
    out.push({
      en: `${gmvTop.team} added the most GMV (${yuan(g.incrementalGmv)} incremental) but ${roiTop.team} earned more per yuan (incremental ROI ${r.incrementalRoi!.toFixed(2)} against ${g.incrementalRoi?.toFixed(2) ?? '–'}). Which would the brand's finance team choose, and why?`,
      zh: `${gmvTop.team} 带来的增量 GMV 最多(${yuan(g.incrementalGmv)}),但 ${roiTop.team} 每花一元赚得更多(增量 ROI ${r.incrementalRoi!.toFixed(2)},对比 ${g.incrementalRoi?.toFixed(2) ?? '–'})。品牌的财务会选哪一个?为什么?`,
    });
  }
  const cheap = by((t) => last(t).costPerNewBuyer, -1);
  const dear = by((t) => last(t).costPerNewBuyer, 1);
  if (cheap && dear && cheap !== dear) {
    const a = last(dear).costPerNewBuyer!;
    const b = last(cheap).costPerNewBuyer!;
    out.push({
      en: `${dear.team} paid ${yuan(a)} per truly new buyer, ${(a / b).toFixed(1)}× ${cheap.team}'s ${yuan(b)}. What did ${cheap.team}'s plan do that bought first orders more cheaply?`,
      zh: `${dear.team} 每获得一位全新买家花费 ${yuan(a)},是 ${cheap.team}(${yuan(b)})的 ${(a / b).toFixed(1)} 倍。${cheap.team} 的方案做对了什么,让首单更便宜?`,
    });
  }
  for (const t of teams) {
    const f = last(t);
    if (f.structureHealth < -0.5 && f.incrementalGmv > 0) {
      out.push({
        en: `${t.team} grew GMV, yet buyers' share of its crowd assets ended ${Math.abs(f.structureHealth).toFixed(1)} points below doing nothing. Were new people piling up in the lower tiers, or did buyers lapse?`,
        zh: `${t.team} 的 GMV 增长了,但资产中买家占比比"什么都不做"低 ${Math.abs(f.structureHealth).toFixed(1)} 个百分点。是新人堆在低层级,还是买家流失了?`,
      });
      break;
    }
  }
  if (cls.shock) {
    const r = cls.shock.round;
    const moves = teams
      .filter((t) => t.figures.length > r && r > 0)
      .map((t) => ({ t, change: t.figures[r]!.roundCost - t.figures[r - 1]!.roundCost }))
      .sort((a, b) => b.change - a.change);
    if (moves.length >= 2 && moves[0]!.change > 0 && moves.at(-1)!.change < 0) {
      const up = moves[0]!;
      const down = moves.at(-1)!;
      out.push({
        en: `When the shock hit in round ${r + 1}, ${up.t.team} spent ${yuan(up.change)} more than the round before and ${down.t.team} ${yuan(-down.change)} less. Who read the market better?`,
        zh: `第 ${r + 1} 轮冲击到来时,${up.t.team} 比上一轮多花了 ${yuan(up.change)},${down.t.team} 少花了 ${yuan(-down.change)}。谁对市场的判断更准?`,
      });
    }
  }
  const surprise = [...hidden].filter((h) => h.mode !== 0).sort((a, b) => Math.abs(b.value / b.mode - 1) - Math.abs(a.value / a.mode - 1))[0];
  if (surprise) {
    const pct = Math.round(100 * (surprise.value / surprise.mode - 1));
    out.push({
      en: `The market's hidden "${surprise.label.en}" was ${pct > 0 ? '+' : ''}${pct}% from the value you were shown. Which team's decisions show they noticed, and from which figure?`,
      zh: `市场隐藏的"${surprise.label.zh}"与你们看到的数值相差 ${pct > 0 ? '+' : ''}${pct}%。哪支队伍的决策显示他们察觉到了?是从哪个数字看出来的?`,
    });
  }
  const best = teams.slice().sort((a, b) => b.score - a.score)[0]!;
  const rationale = best.rationales.find((x) => x.trim() !== '');
  if (rationale) {
    out.push({
      en: `${best.team} (best score) wrote: "${rationale}". What did they see that others missed?`,
      zh: `得分最高的 ${best.team} 写道:「${rationale}」。他们看到了什么别人没看到的?`,
    });
  }
  return out;
}
