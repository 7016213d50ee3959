import * as fs from 'fs';
import { IConstruct } from 'constructs';
import { ValidationError } from './validate';

/**
 * Reads an input file given to a factory (`fromFile`). Factories only record
 * the path; reading happens when a construct uses it, so a missing file is
 * reported with the construct path and the prop it was given as.
 */
export function readInputFile(scope: IConstruct, prop: string, filePath: string): Buffer {
  try {
    return readUnlessUnchanged(filePath);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ValidationError(scope, prop, filePath, `a readable file (${reason})`);
  }
}

/**
 * The bytes of files already read in this process, by path, with the size
 * and modification time they had: a style shared by every client reads each
 * of its images once per synth rather than once per client. A file changed
 * since (another size or mtime) is read again.
 */
const readFiles = new Map<string, { size: number; mtimeMs: number; bytes: Buffer }>();

function readUnlessUnchanged(filePath: string): Buffer {
  const stat = fs.statSync(filePath);
  const known = readFiles.get(filePath);
  if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
    return known.bytes;
  }
  const bytes = fs.readFileSync(filePath);
  readFiles.set(filePath, { size: stat.size, mtimeMs: stat.mtimeMs, bytes });
  return bytes;
}

/** Bytes as a human reads them in an error message. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)` : `${bytes} bytes`;
}
