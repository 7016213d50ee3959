import { ViolationCollector } from './validate';

/**
 * One of this library's classes that props take. Only its factories make
 * one; plain JavaScript (or a jsii language whose typing lets it through)
 * can pass a plain object or a string instead, which used to fail with a
 * JavaScript error such as `props.domain._bind is not a function`.
 */
export interface ClassInput {
  /** The class, as messages name it. */
  readonly name: string;
  /**
   * A member every instance has and the library reads or calls. Values are
   * recognised by it rather than by `instanceof`, so an instance made by
   * another copy of this library (two versions in node_modules) still works
   * as it does today.
   */
  readonly member: string;
  /** How users make one, as messages list them. */
  readonly factories: readonly string[];
}

/**
 * Records a violation when `value` was not made by one of the class's
 * factories, naming the prop, the value and the factories to call. Returns
 * whether the value can be used (an optional one left out can).
 *
 * @param required whether leaving the prop out is a violation too
 */
export function collectClassInputViolations(
  violations: ViolationCollector, prop: string, value: unknown, input: ClassInput, required: boolean,
): boolean {
  if (value === undefined && !required) {
    return true;
  }
  if (isInstance(value, input)) {
    return true;
  }
  const factories = input.factories.length === 1
    ? input.factories[0]
    : `${input.factories.slice(0, -1).join(', ')} or ${input.factories[input.factories.length - 1]}`;
  violations.add(prop, value, `${withArticle(input.name)}, made with ${factories}; got ${kindOf(value)}`);
  return false;
}

/** `name` as a member of `prop`, or alone when the members are props of their own (`prop` undefined). */
export function memberOf(prop: string | undefined, name: string): string {
  return prop === undefined ? name : `${prop}.${name}`;
}

function isInstance(value: unknown, input: ClassInput): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
    && (value as { [member: string]: unknown })[input.member] !== undefined;
}

/** What was given instead, in words: `a plain object`, `a string`, `nothing`, `a BrandingSettings`. */
function kindOf(value: unknown): string {
  if (value === undefined || value === null) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value !== 'object') {
    return withArticle(typeof value);
  }
  const prototype = Object.getPrototypeOf(value);
  const name = prototype?.constructor?.name;
  return prototype === Object.prototype || prototype === null || !name ? 'a plain object' : withArticle(name);
}

function withArticle(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}
