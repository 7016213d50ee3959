import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * How an ownership record (claims.ts) is written into its SSM parameter.
 *
 * Plain JSON while it fits a standard parameter (4 KB), so a person can read
 * it in the console. A record that carries large declarations (a style of 40
 * assets, with previous owners' declarations) is deflated and base64-encoded,
 * and written with the Intelligent-Tiering tier, which SSM turns into an
 * advanced parameter (8 KB) only when the value needs it. Previous owners are
 * dropped, oldest first, until the record fits. (Parameter Store quotas:
 * https://docs.aws.amazon.com/general/latest/gr/ssm.html; tiers:
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/parameter-store-advanced-parameters.html)
 */

/** A custom resource that declared the target: its identity and, since records carry them, its declared properties. */
export interface OwnerEntry {
  /** `<StackId>|<LogicalResourceId>`. */
  readonly owner: string;
  /** The resource's properties without ServiceToken; absent in records written before declarations were kept. */
  readonly declared?: Record<string, unknown>;
}

export interface Claim extends OwnerEntry {
  /** Resources the target was taken over from, newest first, while they may still exist. */
  readonly previous: readonly OwnerEntry[];
}

export const STANDARD_VALUE_LIMIT = 4096;
export const ADVANCED_VALUE_LIMIT = 8192;

/** The value to write and its tier, or the record shortened (oldest previous owners left out) until it fits. */
export function encodeClaim(claim: Claim): { value: string; tier: 'Standard' | 'Intelligent-Tiering'; dropped: readonly OwnerEntry[] } {
  const previous = [...claim.previous];
  const dropped: OwnerEntry[] = [];
  for (;;) {
    const plain = JSON.stringify({ owner: claim.owner, ...(claim.declared ? { declared: claim.declared } : {}), previous });
    if (plain.length <= STANDARD_VALUE_LIMIT) {
      return { value: plain, tier: 'Standard', dropped };
    }
    const packed = JSON.stringify({ deflated: deflateRawSync(Buffer.from(plain, 'utf8')).toString('base64') });
    if (packed.length <= ADVANCED_VALUE_LIMIT || previous.length === 0) {
      // A record with no previous owner is one resource's own declaration, which the contract keeps far below this.
      return { value: packed, tier: 'Intelligent-Tiering', dropped };
    }
    dropped.push(previous.pop()!);
  }
}

/** The record a parameter holds, or undefined when it is none of ours. Reads every version ever written. */
export function decodeClaim(value: string | undefined): Claim | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value ?? '');
    const deflated = (parsed as { deflated?: unknown }).deflated;
    if (typeof deflated === 'string') {
      parsed = JSON.parse(inflateRawSync(Buffer.from(deflated, 'base64')).toString('utf8'));
    }
  } catch {
    return undefined;
  }
  const entry = ownerEntry(parsed);
  if (!entry) {
    return undefined;
  }
  const raw = (parsed as { previous?: unknown }).previous;
  // The first records held `previous` as one owner string.
  const previous = typeof raw === 'string' ? [{ owner: raw }] : Array.isArray(raw) ? raw.map(ownerEntry) : [];
  return { ...entry, previous: previous.filter((p): p is OwnerEntry => p !== undefined && p.owner !== entry.owner) };
}

function ownerEntry(value: unknown): OwnerEntry | undefined {
  if (typeof value === 'string' && value !== '') {
    return { owner: value };
  }
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const { owner, declared } = value as { owner?: unknown; declared?: unknown };
  if (typeof owner !== 'string' || owner === '') {
    return undefined;
  }
  const isObject = typeof declared === 'object' && declared !== null && !Array.isArray(declared);
  return isObject ? { owner, declared: declared as Record<string, unknown> } : { owner };
}
