// Strict base64 decoding for JSON uploads. Node's Buffer.from(…, 'base64')
// silently skips invalid characters, which would let garbage through; here
// anything that is not canonical base64 is refused.

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DATA_URL = /^data:([a-z0-9.+-]+\/[a-z0-9.+-]+)?(?:;[a-z0-9=.-]+)*;base64,/i;

export interface DecodedUpload {
  bytes: Buffer;
  /** The type a data URL declared (untrusted: only compared with the sniffed type). */
  declaredType: string | undefined;
}

/** Decodes raw base64 or a `data:<type>;base64,` URL; `undefined` when malformed. */
export function decodeBase64Upload(input: string): DecodedUpload | undefined {
  let payload = input;
  let declaredType: string | undefined;
  const dataUrl = DATA_URL.exec(input);
  if (dataUrl) {
    declaredType = dataUrl[1]?.toLowerCase();
    payload = input.slice(dataUrl[0].length);
  }
  if (payload.length === 0 || payload.length % 4 !== 0 || !BASE64.test(payload)) return undefined;
  return { bytes: Buffer.from(payload, 'base64'), declaredType };
}

/** Decoded size of a base64 payload of `length` characters, before decoding it. */
export function decodedLength(length: number): number {
  return Math.floor((length * 3) / 4);
}
