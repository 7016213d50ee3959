import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Values longer than this are cut in error messages so one bad prop cannot flood a terminal. */
const MAX_VALUE_LENGTH = 80;

/** Prefix of every warning id this library emits, so users can acknowledge them by name. */
const WARNING_PREFIX = 'cdk-cognito-login';

/** One thing wrong with an input: which prop, the value it had, and what would have been accepted. */
export interface Violation {
  /** The prop as the user wrote it, with its place in lists: `callbackUrls[2]`, `assets[0].resourceId`. */
  readonly prop: string;
  /** The value given (cut when long). Never a secret; pass a description of it instead. */
  readonly value: unknown;
  /** What would have been accepted, e.g. `one of "LIGHT", "DARK"`. */
  readonly allowed: string;
}

/**
 * A synth-time validation error that names where it happened, what was wrong
 * and what would have been accepted:
 * `<construct path>: <prop> "<value>" is invalid: <allowed>`.
 *
 * With several violations (see ViolationCollector) the first line names the
 * construct and the count, and each violation follows on its own line:
 * ```
 * Stack/Classic: 2 invalid values
 *   - css "login.css" is invalid: ...; line 3, column 3: ...
 *   - logo "logo.gif" is invalid: a PNG or JPEG image; ...
 * ```
 *
 * Never pass a secret as `value`; pass a description of it instead (see
 * `private/secrets.ts`), since the message ends up in terminals and CI logs.
 */
export class ValidationError extends Error {
  /** Path of the construct the violations are about. */
  public readonly path: string;
  /** Every violation this error reports, in the order they were found; at least one. */
  public readonly violations: readonly Violation[];

  constructor(scope: IConstruct, prop: string, value: unknown, allowed: string);
  constructor(scope: IConstruct, violations: readonly Violation[]);
  constructor(scope: IConstruct, propOrViolations: string | readonly Violation[], value?: unknown, allowed?: string) {
    const violations: readonly Violation[] = typeof propOrViolations === 'string'
      ? [{ prop: propOrViolations, value, allowed: allowed! }]
      : propOrViolations;
    if (violations.length === 0) {
      throw new Error('ValidationError needs at least one violation');
    }
    const path = scope.node.path;
    super(violations.length === 1
      ? `${path}: ${describeViolation(violations[0])}`
      : `${path}: ${violations.length} invalid values\n${violations.map((v) => `  - ${describeViolation(v)}`).join('\n')}`);
    this.name = 'ValidationError';
    this.path = path;
    this.violations = violations;
    // Keeps `instanceof` working when the target is ES5 (jsii consumers may transpile).
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}

/** `<prop> "<value>" is invalid: <allowed>` */
function describeViolation(violation: Violation): string {
  return `${violation.prop} "${describeValue(violation.value)}" is invalid: ${violation.allowed}`;
}

/**
 * Gathers every violation of one construct's input and throws them as one
 * ValidationError, so a user fixes all of them after a single synth instead
 * of one synth per mistake. A single violation reads exactly as a plain
 * ValidationError; several read as a first line naming the construct path and
 * the count, then one line per violation (`<prop> "<value>" is invalid: <allowed>`).
 *
 * Check everything first, then call `throwIfAny()` before creating any child
 * construct or registering anything, so a construct that refuses its input
 * leaves nothing half-made behind.
 *
 * ```ts
 * const violations = new ViolationCollector(this);
 * colors.forEach((color, i) => {
 *   if (!HEX.test(color)) violations.add(`colors[${i}]`, color, '8-digit hex');
 * });
 * const assets = props.assets.map((a, i) => violations.check(() => a._resolve(this, `assets[${i}]`)));
 * violations.throwIfAny(); // one error listing every bad color and every asset's violations
 * ```
 */
export class ViolationCollector {
  private readonly found: Violation[] = [];

  /** @param scope the construct every violation is reported on (its path starts the message) */
  constructor(private readonly scope: IConstruct) {}

  /** Records a violation; unlike `new ValidationError` it does not stop the checks. */
  public add(prop: string, value: unknown, allowed: string): void {
    this.found.push({ prop, value, allowed });
  }

  /**
   * Runs a check that throws (`requireOneOf`, `readInputFile`, another
   * input's `_resolve`, ...) and records the violations of a ValidationError
   * it throws on the same construct instead of letting it stop the checks.
   * Returns the check's result, or undefined when it threw. Other errors, and
   * ValidationErrors about another construct, pass through unchanged.
   */
  public check<T>(check: () => T): T | undefined {
    try {
      return check();
    } catch (e) {
      if (e instanceof ValidationError && e.path === this.scope.node.path) {
        this.found.push(...e.violations);
        return undefined;
      }
      throw e;
    }
  }

  /** How many violations have been recorded so far. */
  public get count(): number {
    return this.found.length;
  }

  /** Every violation recorded so far, in order. */
  public get violations(): readonly Violation[] {
    return [...this.found];
  }

  /** Throws one ValidationError listing every recorded violation; does nothing when there are none. */
  public throwIfAny(): void {
    if (this.found.length > 0) {
      throw new ValidationError(this.scope, [...this.found]);
    }
  }
}

/**
 * How a value reads inside an error message: strings as-is, the rest as JSON,
 * line breaks as `\n` (so each violation of a ValidationError stays on its
 * own line), long ones cut.
 */
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
  text = text.replace(/\r?\n/g, '\\n');
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

/**
 * Whether a string known at synth starts or ends with white space (a space, a
 * tab, a line break, a no-break space): a value pasted from a console or a
 * document, which the eye does not see in a config file.
 */
export function hasSurroundingWhitespace(value: unknown): boolean {
  return typeof value === 'string' && !isUnresolved(value) && value !== value.trim();
}

/** What a value with white space around it is refused for, in every message that refuses one. */
export const NO_SURROUNDING_WHITESPACE = 'no white space before or after it';

/**
 * Refuses a string that is not an absolute `https://` URL with a host, or
 * that has white space around it (which the URL parser would drop, but
 * Cognito and the identity provider would not), skipping unresolved tokens.
 */
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
  if (hasSurroundingWhitespace(value)) {
    throw new ValidationError(scope, prop, value, `the URL with ${NO_SURROUNDING_WHITESPACE}`);
  }
}
