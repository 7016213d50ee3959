import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

/** A CDK asset hash: 64 lowercase hex characters (SHA-256), in S3 keys, paths and properties. */
const ASSET_HASH = /[0-9a-f]{64}/g;

/** Stands in for every asset hash, so a rebuilt Lambda bundle or image does not churn snapshots. */
export const MASKED_ASSET_HASH = '<asset-hash>';

/** A copy of any JSON value with every asset hash replaced by MASKED_ASSET_HASH. */
export function maskAssetHashes<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(ASSET_HASH, MASKED_ASSET_HASH));
}

/** The stack's template, ready for `toMatchSnapshot()`. */
export function templateSnapshot(stack: Stack): Record<string, unknown> {
  return maskAssetHashes(Template.fromStack(stack).toJSON());
}
