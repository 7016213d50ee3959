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
    return fs.readFileSync(filePath);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new ValidationError(scope, prop, filePath, `a readable file (${reason})`);
  }
}

/** Bytes as a human reads them in an error message. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB (${bytes} bytes)` : `${bytes} bytes`;
}
