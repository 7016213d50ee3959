import { awsCall, Invocation } from './invocation';
import { log } from './log';
import { GetObjectCommand } from './sdk';
import type { S3FileRef } from '../../src/private/custom-resource-contract';

/**
 * Reads a staged file's bytes. Only where it is, its hash and its size are
 * logged, never its content.
 */
export async function readBytes(invocation: Invocation, ref: S3FileRef): Promise<Uint8Array> {
  const location = `s3://${ref.Bucket}/${ref.Key}`;
  const bytes = await awsCall(invocation, `GetObject ${location}`, async (options) => {
    const response = await invocation.s3.send(new GetObjectCommand({ Bucket: ref.Bucket, Key: ref.Key }), options);
    if (!response.Body) {
      throw new Error('the response had no body');
    }
    return response.Body.transformToByteArray();
  });
  log('read file', { bucket: ref.Bucket, key: ref.Key, hash: ref.Hash, sizeBytes: bytes.byteLength });
  return bytes;
}

/** Reads a staged text file (CSS) as UTF-8. */
export async function readText(invocation: Invocation, ref: S3FileRef): Promise<string> {
  return new TextDecoder('utf-8').decode(await readBytes(invocation, ref));
}

/** Reads a staged JSON file that must hold an object (a Settings document). */
export async function readJsonObject(invocation: Invocation, ref: S3FileRef): Promise<Record<string, unknown>> {
  const text = await readText(invocation, ref);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message can quote the document; say where it broke, not what it holds.
    throw new Error(`s3://${ref.Bucket}/${ref.Key} is not valid JSON (${text.length} characters)`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`s3://${ref.Bucket}/${ref.Key} must hold a JSON object, found ${Array.isArray(parsed) ? 'an array' : parsed === null ? 'null' : typeof parsed}`);
  }
  return parsed as Record<string, unknown>;
}
