/**
 * The members of an object that are not `undefined`: a member given as
 * `undefined` counts as not given, as it does when a jsii language omits it,
 * so spreading the result never overwrites a default with `undefined`.
 */
export function definedMembers<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
