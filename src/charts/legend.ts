/**
 * Layout of a legend drawn inside an SVG (so exported charts keep it): items flow left to right and wrap to a new
 * row when the next one does not fit. Text widths are estimated (CJK characters are about one em wide, Latin about
 * 0.58 em), which is close enough for the system fonts we use and needs no DOM.
 */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x2e80) w += fontSize;
    else if (/[A-Z0-9%¥]/.test(ch)) w += fontSize * 0.64;
    else if (ch === ' ' || ch === '.' || ch === ',' || ch === ':' || ch === '|' || ch === 'i' || ch === 'l') w += fontSize * 0.3;
    else w += fontSize * 0.55;
  }
  return w;
}

export interface LegendItemLayout {
  x: number;
  y: number;
  width: number;
}

export function legendLayout(labels: readonly string[], width: number, fontSize = 11, swatch = 16, gapX = 14, rowHeight = 16): { items: LegendItemLayout[]; height: number } {
  const items: LegendItemLayout[] = [];
  let x = 0;
  let y = 0;
  for (const label of labels) {
    // An item never takes more than the whole width (its label is cut to fit, see fitText).
    const w = Math.min(width, swatch + 5 + textWidth(label, fontSize));
    if (x > 0 && x + w > width) {
      x = 0;
      y += rowHeight;
    }
    items.push({ x, y, width: w });
    x += w + gapX;
  }
  return { items, height: labels.length ? y + rowHeight : 0 };
}

/** A label cut to fit `maxWidth` pixels, with an ellipsis (legend items longer than the chart is wide). */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  let t = text;
  while (t.length > 1 && textWidth(t + '…', fontSize) > maxWidth) t = t.slice(0, -1);
  return t.trimEnd() + '…';
}
