import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Aws, Stack } from 'aws-cdk-lib';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';
import { S3FileRef } from './custom-resource-contract';

/** A file staged as a CDK S3 asset: how the handler finds it and what IAM must allow. */
export interface StagedFile {
  /** Bucket, key and content hash for the custom resource's properties. */
  readonly ref: S3FileRef;
  /**
   * `arn:<partition>:s3:::<bucket>/*`: the objects of the asset bucket the
   * file is staged to. Not the one object: when a rolled-back rename or move,
   * or the deletion of a second app's style, applies an earlier owner's
   * declaration again, the handler reads files another stack staged to the
   * same bootstrap bucket (lambda/shared/claims.ts), which no template of
   * this stack names.
   */
  readonly bucketObjectsArn: string;
}

/**
 * The files one custom resource stages: each reference goes into the
 * resource's properties, and the list is what its handler is allowed to read.
 */
export class StagedFiles {
  public readonly files: StagedFile[] = [];

  /** Records a staged file and returns its reference for the properties. */
  public add(file: StagedFile): S3FileRef {
    this.files.push(file);
    return file.ref;
  }
}

/**
 * Stages a file on disk as an S3 asset. The template gets bucket, key and the
 * content hash; the bytes travel through the CDK asset pipeline, so a 1 MB
 * image costs the template nothing and a changed file changes the Hash.
 */
export function stageFile(scope: Construct, id: string, filePath: string): StagedFile {
  const stack = Stack.of(scope);
  let staged = stagedByStack.get(stack);
  if (!staged) {
    staged = new Map();
    stagedByStack.set(stack, staged);
  }
  const key = path.resolve(filePath);
  const known = staged.get(key);
  if (known) {
    return known;
  }
  const asset = new s3_assets.Asset(scope, id, { path: filePath });
  const file: StagedFile = {
    ref: { Bucket: asset.s3BucketName, Key: asset.s3ObjectKey, Hash: asset.assetHash },
    bucketObjectsArn: `arn:${Aws.PARTITION}:s3:::${asset.s3BucketName}/*`,
  };
  staged.set(key, file);
  return file;
}

/**
 * The files each stack has staged, by absolute path: a logo or a Settings
 * document shared by many clients' styles is one asset construct, not one
 * per style. The reference is the same either way (the bucket and key are
 * the stack synthesizer's, the hash the content's), so the template is too;
 * only the construct tree has fewer nodes, and synth less to build.
 */
const stagedByStack = new WeakMap<Stack, Map<string, StagedFile>>();

/**
 * Stages bytes produced at synth (a Settings JSON, an image decoded from a
 * describe output). They are written once to a file named by their content
 * hash, so synthesizing twice yields the same asset and the template never
 * carries the bytes themselves.
 */
export function stageBytes(scope: Construct, id: string, bytes: Buffer, extension: string): StagedFile {
  return stageFile(scope, id, writeContentAddressed(bytes, extension));
}

/** Directory under the OS temp dir that holds bytes staged at synth. */
const STAGING_DIR = path.join(os.tmpdir(), 'cdk-cognito-login-staging');

/**
 * Files this process found or wrote whole, with the size and modification
 * time they had then: the same bytes staged for every client (one Settings
 * document shared by all) are read back and compared once, not per client.
 */
const verified = new Map<string, { size: number; mtimeMs: number }>();

function writeContentAddressed(bytes: Buffer, extension: string): string {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const target = path.join(STAGING_DIR, `${digest}${extension}`);
  const known = verified.get(target);
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (stat && known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) {
    return target;
  }
  if (stat && fs.readFileSync(target).equals(bytes)) {
    verified.set(target, { size: stat.size, mtimeMs: stat.mtimeMs });
    return target;
  }
  fs.mkdirSync(STAGING_DIR, { recursive: true });
  // Write aside and rename: parallel synths (jest workers) never see a half-written file.
  const partial = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  fs.writeFileSync(partial, bytes);
  fs.renameSync(partial, target);
  const written = fs.statSync(target);
  verified.set(target, { size: written.size, mtimeMs: written.mtimeMs });
  return target;
}
