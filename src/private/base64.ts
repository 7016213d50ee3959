import { IConstruct } from 'constructs';
import { isUnresolved, ValidationError } from './validate';

/** What fromBase64 takes, as error messages say it. */
export const STRICT_BASE64 = 'strict base64 (RFC 4648 section 4: A-Z, a-z, 0-9, "+" and "/", padded with "=" to a multiple of 4 characters; '
  + 'no spaces, line breaks, data: prefix or URL-safe "-" and "_")';

/** How base64 input reads in an error message: its size, not its (long, unreadable) text. */
export function describeBase64(data: string): string {
  return isUnresolved(data) ? data : `base64 data, ${data.length} characters`;
}

/**
 * Decodes base64 given to a `fromBase64` factory, refusing anything but
 * strict base64: Node's own decoder skips characters it does not know and
 * would turn a typo into a silently different image.
 */
export function decodeBase64(scope: IConstruct, prop: string, data: string): Buffer {
  const value = describeBase64(data);
  if (isUnresolved(data)) {
    throw new ValidationError(scope, prop, value, 'base64 known at synth; the bytes are staged as a file');
  }
  const problem = typeof data === 'string' ? strictBase64Problem(data) : `${STRICT_BASE64} of at least one byte`;
  if (problem !== undefined) {
    throw new ValidationError(scope, prop, value, problem);
  }
  return Buffer.from(data, 'base64');
}

/**
 * Why `data` is not strict base64 of at least one byte, in the words of
 * STRICT_BASE64; undefined when it is. The one reading of base64 that users
 * give (fromBase64) or export (a describe output's asset Bytes).
 */
export function strictBase64Problem(data: string): string | undefined {
  if (data.length === 0) {
    return `${STRICT_BASE64} of at least one byte`;
  }
  const body = data.replace(/={1,2}$/, '');
  const bad = body.search(/[^A-Za-z0-9+/]/);
  if (bad >= 0) {
    return `${STRICT_BASE64}; character ${bad + 1} is ${JSON.stringify(body.charAt(bad))}`;
  }
  if (data.length % 4 !== 0) {
    return `${STRICT_BASE64}; the length, ${data.length}, is not a multiple of 4`;
  }
  // Unused bits after the last byte must be zero, or two texts would decode to the same bytes.
  if (Buffer.from(data, 'base64').toString('base64') !== data) {
    return `${STRICT_BASE64}; the last character has bits set that no byte uses`;
  }
  return undefined;
}
