/**
 * The contract between the constructs (src/) and the custom-resource handler
 * (lambda/): what every resource type declares (CustomResourceType), the
 * file references and the ownership records (claims) the types share. Each
 * type's own property shape and parser sit beside its constructs
 * (src/branding/private/branding-contract.ts,
 * src/classic/private/classic-contract.ts); lambda/registry.ts pairs each
 * type with its handler.
 *
 * It lives in src/ so that jsii compiles it with the constructs; the handler
 * imports the same files and esbuild bundles them, so both sides share one
 * vocabulary and a rename cannot drift. No aws-cdk-lib here: it would be
 * bundled into the handler.
 *
 * CloudFormation hands custom-resource properties to the handler with every
 * scalar turned into a string, so booleans travel as 'true' / 'false' and
 * nothing here is a number.
 */
import type { ParseOptions } from './property-parsing';

/**
 * A file staged as a CDK S3 asset. The template carries where it is and its
 * content hash, never its bytes; a new hash is what makes CloudFormation send
 * an Update when the file's content changes.
 */
export interface S3FileRef {
  readonly Bucket: string;
  readonly Key: string;
  readonly Hash: string;
}

/** The ClientId that addresses every client of the pool in SetUICustomization. */
export const ALL_CLIENTS = 'ALL';

/** What a claim parameter is about: a managed login style, a classic customization, or a pool's client registration (target ALL). */
export type ClaimKind = 'branding' | 'classic' | 'registration';

/** What every declared resource names: the pool and the client (or ALL) whose pages it styles, the key of its claim. */
export interface DeclaredTarget {
  readonly userPoolId: string;
  readonly clientId: string;
}

/**
 * One custom-resource type served by the stack's handler: its name, its
 * property contract and its own permissions. The handler provider grants a
 * stack's role the actions of the types its resources use, nothing more; the
 * handler dispatches on `resourceType` (lambda/registry.ts).
 */
export interface CustomResourceType<P extends DeclaredTarget> {
  /** The CloudFormation type, `Custom::...`. */
  readonly resourceType: string;
  /** Cognito actions the handler needs on the resource's user pool for this type (its ARN is the only resource). */
  readonly poolActions: readonly string[];
  /**
   * What its ownership records (claims) are about; SSM on the pool's records
   * of this kind comes with it. Undefined for a type whose targets are
   * objects of their own with ids Cognito generates (a CIMD policy): a
   * renamed construct makes a new object and deletes the old, and no record
   * is needed.
   */
  readonly claimKind?: ClaimKind;
  /**
   * The property contract: parses the properties strictly, refusing any
   * member or value the constructs never write, naming the property. The
   * constructs run it at synth (`{ synth: true }`) on what they write, the
   * handler at deploy time on what CloudFormation delivers.
   */
  parse(properties: Record<string, unknown>, options?: ParseOptions): P;
}

/** A type that keeps ownership records (claims) of its targets. */
export type ClaimedResourceType<P extends DeclaredTarget> = CustomResourceType<P> & { readonly claimKind: ClaimKind };

/** The path under which the handler keeps its ownership records (SSM Parameter Store). */
export const CLAIM_PARAMETER_ROOT = '/cdk-cognito-login';

/**
 * The SSM parameter that records which custom resource owns the style of one
 * target: `/cdk-cognito-login/<UserPoolId>/<kind>/<ClientId or ALL>`. The
 * provider grants the handler the path of its pools' records (claimPathOf),
 * and the handler reads and writes these names, so both build them here.
 *
 * Parameter names allow `[a-zA-Z0-9_.\-/]`; Cognito's ids are `[\w-]` and
 * `[\w+]`, so each other character (in practice only `+`) becomes `.` and
 * two hex digits per UTF-8 byte. A literal `.` is never in an id, so the
 * encoding is reversible. Unresolved tokens (a client created in the stack)
 * pass unchanged: Cognito generates client ids from letters and digits.
 */
export function claimParameterName(userPoolId: string, kind: ClaimKind, clientId: string): string {
  return `${claimPathOf(userPoolId, kind)}${encodeClaimSegment(clientId)}`;
}

/**
 * The path under which the records of one kind for one pool sit,
 * `/cdk-cognito-login/<UserPoolId>/<kind>/`: every claimParameterName of that
 * pool and kind starts with it, and nothing else does (a pool id is one
 * segment, and no other pool's id, encoded, is the same segment).
 */
export function claimPathOf(userPoolId: string, kind: ClaimKind): string {
  return `${CLAIM_PARAMETER_ROOT}/${encodeClaimSegment(userPoolId)}/${kind}/`;
}

/** A segment of a claim parameter name: see claimParameterName. */
export function encodeClaimSegment(id: string): string {
  if (id.includes('${Token[')) {
    return id;
  }
  return Array.from(Buffer.from(id, 'utf8'))
    .map((byte) => (/[A-Za-z0-9_-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `.${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}
