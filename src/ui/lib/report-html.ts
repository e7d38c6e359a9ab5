/**
 * The report as one self-contained HTML file, the thing a consultant emails: the report's pages as drawn (charts are
 * inline SVG), the page's own CSS inlined, and the figures it shows as JSON in a `<script type="application/json">`.
 * It loads nothing: no script runs, no font, image or stylesheet is fetched, so it opens offline in any browser and
 * prints like the app's report.
 */

export const REPORT_DATA_ID = 'star-report-data';

/** JSON safe inside a `<script>` element: no `</script>` or `<!--` can end or comment it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Escape text for an HTML element or attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Every CSS rule the document has (its own stylesheets; the app has no cross-origin one). */
export function documentCss(doc: Document): string {
  const out: string[] = [];
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      for (const rule of Array.from(sheet.cssRules)) out.push(rule.cssText);
    } catch {
      // A stylesheet whose rules cannot be read (cross-origin) is left out.
    }
  }
  return out.join('\n');
}

/**
 * The file's text. `pages` is the report's element (its sheets); controls are removed from the copy (buttons, and
 * anything marked `.no-print`), and so are attributes that would load something (`src`, `href` other than anchors).
 */
export function reportHtml(pages: HTMLElement, opts: { title: string; lang: string; css: string; data: unknown }): string {
  const copy = pages.cloneNode(true) as HTMLElement;
  for (const el of Array.from(copy.querySelectorAll('button, .no-print, script, input, select'))) el.remove();
  for (const el of Array.from(copy.querySelectorAll('[src], link'))) el.remove();
  for (const el of Array.from(copy.querySelectorAll('[href]'))) if (!el.getAttribute('href')!.startsWith('#')) el.removeAttribute('href');
  return `<!doctype html>
<html lang="${escapeHtml(opts.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(opts.title)}</title>
<style>
${opts.css.replace(/<\/style/gi, '<\\/style')}
body { margin: 0; padding: 16px; background: #f4f6f9; }
@media print { body { padding: 0; background: #fff; } }
</style>
</head>
<body>
<main class="standalone-report">
${copy.outerHTML}
</main>
<script type="application/json" id="${REPORT_DATA_ID}">${scriptJson(opts.data)}</script>
</body>
</html>
`;
}
