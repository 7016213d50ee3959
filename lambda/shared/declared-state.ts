/**
 * Whether two property sets declare the same state: deep equality of
 * everything but ServiceToken. File references carry content hashes, so equal
 * properties mean equal files.
 */
export function sameDeclaredState(a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  return deepEqual(declaredOf(a ?? {}), declaredOf(b ?? {}));
}

/** What a resource declares: its properties but the ServiceToken (the handler's ARN says nothing of the state). */
export function declaredOf(properties: Record<string, unknown>): Record<string, unknown> {
  const { ServiceToken: _token, ...declared } = properties;
  return declared;
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
