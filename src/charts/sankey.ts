/**
 * A two-column Sankey of moves between tiers: the left column is where people moved from, the right where they moved
 * to; each link's thickness is proportional to its number of moves. A small layered layout (d3-sankey is not
 * needed for six nodes): nodes are stacked in tier order with gaps, links leave and enter their nodes in the order
 * of the other end, so they cross as little as the tier order allows. Link thickness sums to node height on both
 * sides (conservation), which the tests check.
 */
export interface SankeyNode {
  tier: number;
  side: 'from' | 'to';
  value: number;
  x: number;
  y: number;
  height: number;
}

export interface SankeyLink {
  from: number;
  to: number;
  value: number;
  /** Thickness in pixels. */
  width: number;
  /** Top of the link at its source node and at its target node. */
  y0: number;
  y1: number;
  path: string;
  forward: boolean;
}

export interface SankeyLayout {
  nodes: SankeyNode[];
  links: SankeyLink[];
  total: number;
  /** Pixels per person. */
  k: number;
}

export interface SankeyOptions {
  width: number;
  height: number;
  nodeWidth?: number;
  gap?: number;
  /** Horizontal room for labels on each side. */
  padLeft?: number;
  padRight?: number;
  padTop?: number;
  /** Links thinner than this share of all moves are left out (they would be invisible). */
  minShare?: number;
}

function bandPath(x0: number, y0: number, x1: number, y1: number, w: number): string {
  const xm = (x0 + x1) / 2;
  const f = (v: number) => Math.round(v * 100) / 100;
  return (
    `M${f(x0)},${f(y0)}C${f(xm)},${f(y0)} ${f(xm)},${f(y1)} ${f(x1)},${f(y1)}` +
    `L${f(x1)},${f(y1 + w)}C${f(xm)},${f(y1 + w)} ${f(xm)},${f(y0 + w)} ${f(x0)},${f(y0 + w)}Z`
  );
}

export function sankeyLayout(moves: ReadonlyArray<ReadonlyArray<number>>, o: SankeyOptions): SankeyLayout {
  const n = moves.length;
  const nodeWidth = o.nodeWidth ?? 12;
  const gap = o.gap ?? 10;
  const padTop = o.padTop ?? 4;
  const x0 = o.padLeft ?? 64;
  const x1 = o.width - (o.padRight ?? 64) - nodeWidth;
  let total = 0;
  const out = new Array<number>(n).fill(0);
  const inn = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const m = Math.max(0, moves[i]![j]!);
      out[i]! += m;
      inn[j]! += m;
      total += m;
    }
  const minValue = total * (o.minShare ?? 0);
  const usable = Math.max(1, o.height - padTop * 2 - gap * (n - 1));
  const k = total > 0 ? usable / total : 0;
  const column = (values: number[], side: 'from' | 'to', x: number): SankeyNode[] => {
    let y = padTop;
    return values.map((v, t) => {
      const node = { tier: t, side, value: v, x, y, height: v * k };
      y += v * k + gap;
      return node;
    });
  };
  const left = column(out, 'from', x0);
  const right = column(inn, 'to', x1);
  // Offsets within each node, filled in the order of the link's other end.
  const outOffset = left.map((nd) => nd.y);
  const inOffset = right.map((nd) => nd.y);
  const links: SankeyLink[] = [];
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const v = Math.max(0, moves[i]![j]!);
      if (v <= 0) continue;
      const w = v * k;
      const link = { from: i, to: j, value: v, width: w, y0: outOffset[i]!, y1: 0, path: '', forward: j > i };
      outOffset[i]! += w;
      links.push(link);
    }
  for (let j = 0; j < n; j++)
    for (const l of links.filter((l) => l.to === j).sort((a, b) => a.from - b.from)) {
      l.y1 = inOffset[j]!;
      inOffset[j]! += l.width;
    }
  for (const l of links) l.path = bandPath(x0 + nodeWidth, l.y0, x1, l.y1, l.width);
  return { nodes: [...left, ...right], links: links.filter((l) => l.value >= minValue), total, k };
}

/**
 * Label positions for stacked nodes: each label as close to its node's centre as it can be while keeping `minGap`
 * between neighbours and staying within [lo, hi] (thin nodes at the bottom would otherwise print on top of each other).
 */
export function spreadLabels(centres: readonly number[], minGap: number, lo: number, hi: number): number[] {
  const out = centres.map((c) => Math.max(lo, Math.min(hi, c)));
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i]!, out[i - 1]! + minGap);
  if (out.length && out[out.length - 1]! > hi) {
    out[out.length - 1] = hi;
    for (let i = out.length - 2; i >= 0; i--) out[i] = Math.min(out[i]!, out[i + 1]! - minGap);
  }
  return out;
}
