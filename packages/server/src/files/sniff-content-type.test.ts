import { describe, expect, it } from 'vitest';
import { sniffContentType } from './sniff-content-type.js';
import { decodeBase64Upload } from './base64.js';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffContentType', () => {
  it.each([
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['application/pdf', bytes('%PDF-1.7\n')],
    ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['image/webp', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0])],
  ])('recognises %s by its magic bytes', (type, data) => {
    expect(sniffContentType(data)).toBe(type);
  });

  it.each([
    ['HTML', bytes('<!doctype html><script>')],
    ['a PDF header after junk (polyglot)', bytes('<html>%PDF-1.4')],
    ['an executable', bytes('MZ', [0x90, 0, 3, 0])],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e])],
    ['nothing', bytes('')],
  ])('refuses %s', (_name, data) => {
    expect(sniffContentType(data)).toBeUndefined();
  });
});

describe('decodeBase64Upload', () => {
  it('decodes raw base64 and data URLs, keeping the declared type', () => {
    expect(decodeBase64Upload('aGk=')).toEqual({ bytes: Buffer.from('hi'), declaredType: undefined });
    expect(decodeBase64Upload('data:image/png;base64,aGk=')).toEqual({ bytes: Buffer.from('hi'), declaredType: 'image/png' });
  });
  it.each(['aGk', 'aG*=', 'data:image/png;base64,', ''])('refuses malformed %j', (input) => {
    expect(decodeBase64Upload(input)).toBeUndefined();
  });
});
