/**
 * Shareable links: the scenario's JSON, compressed with deflate-raw and written in base64url, in the URL's hash
 * (`#s=…`), so the link carries the whole scenario and nothing is sent to a server. Opening a link validates it like
 * an imported file.
 */
export const SHARE_PARAM = 's';

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close()).catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    // A hostile link could inflate to gigabytes: stop early (the scenario size limit is far below this).
    if (size > limit) {
      await reader.cancel();
      throw new Error('too large');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export async function encodeShare(json: string): Promise<string> {
  const bytes = new TextEncoder().encode(json);
  return toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
}

/** The JSON text of a shared scenario; throws when the data is damaged or too large. */
export async function decodeShare(data: string, maxBytes = 2_000_000): Promise<string> {
  const bytes = await pipe(fromBase64Url(data), new DecompressionStream('deflate-raw'), maxBytes);
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The share data in a location hash (`#s=…`), or null. */
export function shareDataFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  return params.get(SHARE_PARAM);
}

export function shareUrl(base: string, data: string): string {
  return `${base.split('#')[0]}#${SHARE_PARAM}=${data}`;
}
