import type { S3FileRef } from './custom-resource-contract';

/**
 * Reading custom-resource properties strictly, on both sides of the
 * src/lambda boundary: each resource type's contract (its `parse`) is built
 * from these, the constructs run it on what they are about to write at
 * synth, and the handler runs it on what CloudFormation delivers. At deploy
 * time every scalar is a string, and ServiceToken (the provider's address,
 * not declared state) is added.
 *
 * Plain TypeScript without aws-cdk-lib: the handler bundle includes this file.
 */

/** How strictly ids are read: at synth an id may still be a CDK token (a pool made in the same stack). */
export interface ParseOptions {
  /**
   * True when the constructs check properties at synth: a value holding an
   * unresolved token passes the id patterns, which only a deployed value can meet.
   * @default false
   */
  readonly synth?: boolean;
}

/** Whether `value` is an unresolved CDK token (its string form), accepted in place of an id at synth only. */
export function isSynthToken(value: string, options: ParseOptions): boolean {
  return options.synth === true && value.includes('${Token[');
}

/** A required string property, refused with a message naming it. */
export function requireString(properties: Record<string, unknown>, name: string, resourceType: string): string {
  const value = properties[name];
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${resourceType}: property ${name} is required and must be a non-empty string, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** An object-valued property, refused with a message naming it. */
export function requireObject(value: unknown, where: string, resourceType: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${resourceType}: property ${where} must be an object, got ${JSON.stringify(value)}`);
  }
  return value as Record<string, unknown>;
}

/**
 * Refuses any member outside `allowed`: the constructs never write one, so
 * it means a template written by hand or by another tool, whose intent the
 * handler cannot know. Refused before any write.
 */
export function requireOnlyKnown(value: Record<string, unknown>, allowed: readonly string[], where: string, resourceType: string): void {
  const unknown = Object.keys(value).filter((name) => !allowed.includes(name) && value[name] !== undefined);
  if (unknown.length > 0) {
    throw new Error(`${resourceType}: ${where}unknown propert${unknown.length === 1 ? 'y' : 'ies'} ${unknown.join(', ')}; allowed: ${allowed.join(', ')}`);
  }
}

/** The members of a file reference. */
export const FILE_REF_MEMBERS = ['Bucket', 'Key', 'Hash'] as const;

/**
 * A staged file reference: Bucket, Key and Hash. `extra` names the other
 * members the reference may carry (an asset's Category, say).
 */
export function parseFileRef(value: unknown, where: string, resourceType: string, extra: readonly string[] = []): S3FileRef {
  const ref = requireObject(value, where, resourceType);
  requireOnlyKnown(ref, [...FILE_REF_MEMBERS, ...extra], `property ${where}: `, resourceType);
  const context = `${resourceType} ${where}`;
  return {
    Bucket: requireString(ref, 'Bucket', context),
    Key: requireString(ref, 'Key', context),
    Hash: requireString(ref, 'Hash', context),
  };
}

/** One of `allowed`, refused naming the property and the value. */
export function requireOneOf<T extends string>(properties: Record<string, unknown>, name: string, allowed: readonly T[], resourceType: string): T {
  const value = requireString(properties, name, resourceType);
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`${resourceType}: property ${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

/** A 'true' / 'false' flag (CloudFormation's rendering of a boolean); absent is false. */
export function parseFlag(properties: Record<string, unknown>, name: string, resourceType: string): boolean {
  const value = properties[name];
  if (value === undefined || value === 'false' || value === false) {
    return false;
  }
  if (value === 'true' || value === true) {
    return true;
  }
  throw new Error(`${resourceType}: property ${name} must be 'true' or 'false', got ${JSON.stringify(value)}`);
}

/**
 * The ids that name a styled target, checked against Cognito's own patterns
 * (botocore's UserPoolIdType and ClientIdType): they become part of the
 * claim parameter's name, and anything else would be a template the
 * constructs never wrote.
 */
const USER_POOL_ID = /^[\w-]+_[0-9a-zA-Z]+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;

export function requireUserPoolId(properties: Record<string, unknown>, resourceType: string, options: ParseOptions = {}): string {
  const value = requireString(properties, 'UserPoolId', resourceType);
  if (!isSynthToken(value, options) && (value.length > 55 || !USER_POOL_ID.test(value))) {
    throw new Error(`${resourceType}: property UserPoolId must be a user pool id like eu-west-1_AbCdEf123, got ${JSON.stringify(value)}`);
  }
  return value;
}

export function requireClientId(properties: Record<string, unknown>, resourceType: string, options: ParseOptions = {}): string {
  const value = requireString(properties, 'ClientId', resourceType);
  if (!isSynthToken(value, options) && !CLIENT_ID.test(value)) {
    throw new Error(`${resourceType}: property ClientId must be an app client id (1 to 128 letters, digits, '_' or '+'), got ${JSON.stringify(value)}`);
  }
  return value;
}
