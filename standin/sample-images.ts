// Images built in memory, of each format Cognito takes: real signatures so content
// sniffing (the library's and the stand-in's) sees what a real file would show, padded to any size wanted.
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Bytes after a signature, varied by `seed` so two images differ in content. */
function padded(head: number[] | Buffer, size: number, seed: number): Buffer {
  const bytes = Buffer.alloc(Math.max(size, head.length));
  Buffer.from(head).copy(bytes);
  for (let i = head.length; i < bytes.length; i++) {
    bytes[i] = (i * 31 + seed * 7) % 256;
  }
  return bytes;
}

export function png(size = 256, seed = 1): Buffer {
  return padded(PNG_SIGNATURE, size, seed);
}

export function jpeg(size = 256, seed = 1): Buffer {
  return padded([0xff, 0xd8, 0xff, 0xe0], size, seed);
}

/** ICONDIR: reserved 0, type 1, one image. */
export function ico(size = 256, seed = 1): Buffer {
  return padded([0, 0, 1, 0, 1, 0], size, seed);
}

export function webp(size = 256, seed = 1): Buffer {
  return padded(Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBPVP8 ')]), size, seed);
}

export function svg(body = '<circle cx="5" cy="5" r="4"/>'): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- logo -->\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${body}</svg>\n`);
}

/** Writes bytes to a new temp directory and returns the file's path. */
export function writeTemp(name: string, bytes: Buffer | string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cognito-login-test-')), name);
  writeFileSync(file, bytes);
  return file;
}
