/**
 * FNV-1a over a text's UTF-16 code units, in two 32-bit lanes with different odd multipliers (an even one would
 * shift the early characters out of its lane): a stable 16-hex-digit fingerprint, the same on every machine and visit. Not cryptographic: it tells a file edited by hand or by accident from the one
 * that was written, not a forgery by someone who recomputes it.
 */
export function fnv64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
