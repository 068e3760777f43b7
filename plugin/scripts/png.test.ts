import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, ICON_SIZE } from './generate-icon';
import { crc32, encodePng } from './png';

function chunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const found = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const typeAndData = png.subarray(offset + 4, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    found.push({
      type: typeAndData.subarray(0, 4).toString('ascii'),
      data: typeAndData.subarray(4),
      crcOk: crc === crc32(typeAndData),
    });
    offset += 12 + length;
  }
  return found;
}

describe('encodePng', () => {
  it('writes a valid RGBA PNG', () => {
    const png = encodePng(2, 1, new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const parts = chunks(png);
    expect(parts.map((part) => part.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(parts.every((part) => part.crcOk)).toBe(true);
    const header = parts[0]?.data as Buffer;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([2, 1, 8, 6]);
    expect(inflateSync(parts[1]?.data as Buffer)).toEqual(Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 128]));
  });

  it('checks the pixel data length', () => {
    expect(() => encodePng(2, 2, new Uint8Array(4))).toThrow('Expected 16 bytes');
  });

  it('matches the well-known CRC-32 check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });
});

describe('drawIcon', () => {
  it('draws an opaque centre and transparent corners', () => {
    const pixels = drawIcon();
    const alpha = (x: number, y: number) => pixels[(y * ICON_SIZE + x) * 4 + 3];
    expect(ICON_SIZE).toBeGreaterThanOrEqual(56);
    expect(alpha(ICON_SIZE / 2, ICON_SIZE / 2)).toBe(255);
    expect(alpha(0, 0)).toBe(0);
  });
});
