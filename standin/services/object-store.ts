import { createHash } from 'crypto';
import { ServiceError } from './service-error';

/** S3 as far as GetObject of staged asset files needs it; objects are registered by the runner (or a test). */
export class ObjectStore {
  private readonly buckets = new Map<string, Map<string, Buffer>>();

  put(bucket: string, key: string, bytes: Buffer): void {
    let objects = this.buckets.get(bucket);
    if (!objects) {
      objects = new Map();
      this.buckets.set(bucket, objects);
    }
    objects.set(key, bytes);
  }

  /** The object's bytes, or S3's NoSuchBucket / NoSuchKey (404). */
  get(bucket: string, key: string): { readonly bytes: Buffer; readonly etag: string } {
    const objects = this.buckets.get(bucket);
    if (!objects) {
      throw new ServiceError('NoSuchBucket', 'The specified bucket does not exist', 404);
    }
    const bytes = objects.get(key);
    if (!bytes) {
      throw new ServiceError('NoSuchKey', 'The specified key does not exist.', 404);
    }
    return { bytes, etag: `"${createHash('md5').update(bytes).digest('hex')}"` };
  }
}
