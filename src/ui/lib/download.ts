import type { Lang } from '../../i18n/index';
import { humanCsv } from './figures-csv';

/** Save a text or blob as a file through the browser's download (no server involved). */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** A safe file name from a scenario id or title. */
export function fileName(base: string, ext: string): string {
  const clean = base.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'star-sandbox';
  return `${clean}.${ext}`;
}

/** Save a CSV for a spreadsheet: UTF-8 with a byte-order mark, its header row in the reader's language. */
export function downloadCsv(csv: string, filename: string, lang: Lang): void {
  downloadText(humanCsv(csv, lang), filename, 'text/csv;charset=utf-8');
}
