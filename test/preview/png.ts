// A small PNG decoder for the preview tests: 8-bit, non-interlaced
// grey/RGB/grey+alpha/RGBA images, which is what Chromium's screenshots and
// the examples' images are. Enough to read pixels, without a dependency.
import * as fs from 'fs';
import * as zlib from 'zlib';

export interface Pixel { readonly r: number; readonly g: number; readonly b: number; readonly a: number }

export interface Png {
  readonly width: number;
  readonly height: number;
  pixel(x: number, y: number): Pixel;
}

const CHANNELS: { readonly [colorType: number]: number } = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function readPng(file: string): Png {
  return decodePng(fs.readFileSync(file));
}

export function decodePng(bytes: Buffer): Png {
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = 0;
  const data: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      colorType = body[9];
      if (body[8] !== 8 || body[12] !== 0 || CHANNELS[colorType] === undefined) {
        throw new Error(`unsupported PNG: bit depth ${body[8]}, color type ${colorType}, interlace ${body[12]}`);
      }
    } else if (type === 'IDAT') {
      data.push(body);
    }
    offset += 12 + length;
  }
  const channels = CHANNELS[colorType];
  const stride = width * channels;
  const raw = zlib.inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const left = x >= channels ? pixels[y * stride + x - channels] : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const upLeft = x >= channels && y > 0 ? pixels[(y - 1) * stride + x - channels] : 0;
      pixels[y * stride + x] = (value + predict(filter, left, up, upLeft)) % 256;
    }
  }
  return {
    width,
    height,
    pixel(x: number, y: number): Pixel {
      const at = Math.round(y) * stride + Math.round(x) * channels;
      const p = [...pixels.subarray(at, at + channels)];
      if (channels <= 2) {
        return { r: p[0], g: p[0], b: p[0], a: channels === 2 ? p[1] : 255 };
      }
      return { r: p[0], g: p[1], b: p[2], a: channels === 4 ? p[3] : 255 };
    },
  };
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0: return 0;
    case 1: return left;
    case 2: return up;
    case 3: return Math.floor((left + up) / 2);
    case 4: {
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      return pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
    }
    default: throw new Error(`bad PNG filter ${filter}`);
  }
}

/** A pixel as #rrggbb. */
export function hex(pixel: Pixel): string {
  return `#${[pixel.r, pixel.g, pixel.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Whether two pixels' colors differ by at most `tolerance` in every channel. */
export function near(pixel: Pixel, color: string, tolerance = 2): boolean {
  const want = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return [pixel.r, pixel.g, pixel.b].every((c, i) => Math.abs(c - want[i]) <= tolerance);
}
