import type { S3FileRef } from '../../src/private/custom-resource-contract';

/**
 * Reading custom-resource properties. CloudFormation delivers every scalar as
 * a string and adds ServiceToken, which is the provider's address rather than
 * part of the declared state.
 */

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
 * Whether two property sets declare the same state: deep equality of
 * everything but ServiceToken. File references carry content hashes, so equal
 * properties mean equal files.
 */
export function sameDeclaredState(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  const { ServiceToken: _a, ...restA } = a ?? {};
  const { ServiceToken: _b, ...restB } = b ?? {};
  return deepEqual(restA, restB);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) {
    return false;
  }
  return keysA.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
