import { FONT_FAMILY, INK, MUTED } from './palette';

/**
 * Export of a chart as a standalone SVG or a PNG (at 2× for sharp slides). Charts draw with presentation attributes,
 * not stylesheet classes, so a clone of the <svg> renders the same outside the page; the chart's title is added on top
 * so an exported file says what it shows, and a footer below it (scenario, seed, runs, date) says where it comes from.
 */
export function serializeSvg(svg: SVGSVGElement, title?: string, footer?: string): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const width = Math.ceil(Number(svg.getAttribute('width')) || box.width);
  const innerH = Math.ceil(Number(svg.getAttribute('height')) || box.height);
  const titleH = title ? 30 : 0;
  const footH = footer ? 22 : 0;
  const height = innerH + titleH + footH + 8;
  const NS = 'http://www.w3.org/2000/svg';
  const out = document.createElementNS(NS, 'svg');
  out.setAttribute('xmlns', NS);
  out.setAttribute('width', String(width + 16));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${width + 16} ${height}`);
  // The page's font for the chart's language (Latin first in English, CJK first in Chinese).
  out.setAttribute('font-family', getComputedStyle(svg).fontFamily || FONT_FAMILY);
  const bg = document.createElementNS(NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  out.appendChild(bg);
  if (title) {
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', '8');
    t.setAttribute('y', '20');
    t.setAttribute('font-size', '14');
    t.setAttribute('font-weight', '600');
    t.setAttribute('fill', INK);
    t.textContent = title;
    out.appendChild(t);
  }
  const g = document.createElementNS(NS, 'g');
  g.setAttribute('transform', `translate(8,${titleH})`);
  for (const child of Array.from(svg.childNodes)) g.appendChild(child.cloneNode(true));
  // Interaction layers (transparent hit areas) carry no picture: drop them.
  for (const el of Array.from(g.querySelectorAll('rect[fill="transparent"]'))) el.remove();
  out.appendChild(g);
  if (footer) {
    const f = document.createElementNS(NS, 'text');
    f.setAttribute('x', '8');
    f.setAttribute('y', String(titleH + innerH + 18));
    f.setAttribute('font-size', '11');
    f.setAttribute('fill', MUTED);
    f.setAttribute('data-footer', '');
    f.textContent = footer;
    out.appendChild(f);
  }
  const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(out);
  return { text, width: width + 16, height };
}

export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const img = new Image();
  img.width = width;
  img.height = height;
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svgText);
  await img.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(scale, scale);
  ctx.drawImage(img, 0, 0, width, height);
  return new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}
