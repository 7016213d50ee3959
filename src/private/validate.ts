import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Values longer than this are cut in error messages so one bad prop cannot flood a terminal. */
const MAX_VALUE_LENGTH = 80;

/** Prefix of every warning id this library emits, so users can acknowledge them by name. */
const WARNING_PREFIX = 'cdk-cognito-login';

/**
 * A synth-time validation error that names where it happened, what was wrong
 * and what would have been accepted:
 * `<construct path>: <prop> "<value>" is invalid: <allowed>`.
 *
 * Never pass a secret as `value`; pass a description of it instead (see
 * `private/secrets.ts`), since the message ends up in terminals and CI logs.
 */
export class ValidationError extends Error {
  constructor(scope: IConstruct, prop: string, value: unknown, allowed: string) {
    super(`${scope.node.path}: ${prop} "${describeValue(value)}" is invalid: ${allowed}`);
    this.name = 'ValidationError';
    // Keeps `instanceof` working when the target is ES5 (jsii consumers may transpile).
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}

/** How a value reads inside an error message: strings as-is, the rest as JSON, long ones cut. */
export function describeValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = value;
  } else if (value === undefined) {
    text = 'undefined';
  } else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 3)}...` : text;
}

/**
 * True when the value (or any string, number or list inside it) is a CDK token
 * whose real value is only known at deploy time. Such values are never judged.
 */
export function isUnresolved(value: unknown): boolean {
  if (value === undefined || value === null) {
    return false;
  }
  return Token.isUnresolved(value);
}

/**
 * Adds an acknowledgeable synth warning. `id` is short (e.g. `noCallbackUrls`);
 * the library prefix is added so `Annotations.acknowledgeWarning` can target it.
 */
export function warn(scope: IConstruct, id: string, message: string): void {
  Annotations.of(scope).addWarningV2(`${WARNING_PREFIX}:${id}`, message);
}

/**
 * Refuses a value that is not one of `allowed`, skipping unresolved tokens.
 * Returns the value so it can be used inline.
 */
export function requireOneOf<T>(scope: IConstruct, prop: string, value: T, allowed: readonly T[]): T {
  if (!isUnresolved(value) && !allowed.includes(value)) {
    throw new ValidationError(scope, prop, value, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value;
}

/** Refuses a list with the same entry twice; `prop` names the list. */
export function requireUnique(scope: IConstruct, prop: string, values: readonly string[]): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (isUnresolved(value)) {
      continue;
    }
    if (seen.has(value)) {
      throw new ValidationError(scope, prop, value, 'each entry must be unique');
    }
    seen.add(value);
  }
}

/** Refuses a string that is not an absolute `https://` URL with a host, skipping unresolved tokens. */
export function requireHttpsUrl(scope: IConstruct, prop: string, value: string): void {
  if (isUnresolved(value)) {
    return;
  }
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== 'https:' || url.hostname === '') {
    throw new ValidationError(scope, prop, value, 'an absolute https:// URL');
  }
}
