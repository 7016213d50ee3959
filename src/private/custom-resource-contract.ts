/**
 * The contract between the constructs (src/) and the custom-resource handler
 * (lambda/): resource type names and the shape of their properties.
 *
 * It lives in src/ so that jsii compiles it with the constructs; the handler
 * imports the same file and esbuild bundles it, so both sides share one
 * vocabulary and a rename cannot drift.
 *
 * CloudFormation hands custom-resource properties to the handler with every
 * scalar turned into a string, so booleans travel as 'true' / 'false' and
 * nothing here is a number.
 */

/** Resource type of a managed login branding style (one per app client). */
export const MANAGED_LOGIN_BRANDING_TYPE = 'Custom::CognitoManagedLoginBranding';

/** Resource type of a classic hosted-UI customization (CSS and logo). */
export const CLASSIC_CUSTOMIZATION_TYPE = 'Custom::CognitoClassicLoginCustomization';

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

/** One managed login branding asset (API_AssetType), bytes in S3. */
export interface BrandingAssetProperties extends S3FileRef {
  readonly Category: string;
  readonly ColorMode: string;
  readonly Extension: string;
  readonly ResourceId?: string;
}

/** Properties of Custom::CognitoManagedLoginBranding. */
export interface ManagedLoginBrandingProperties {
  readonly UserPoolId: string;
  readonly ClientId: string;
  /** 'true' to use Cognito's defaults; then Settings and Assets are absent. */
  readonly UseCognitoProvidedValues: 'true' | 'false';
  /** The Settings JSON document, staged as a file. */
  readonly Settings?: S3FileRef;
  readonly Assets?: BrandingAssetProperties[];
}

/** Properties of Custom::CognitoClassicLoginCustomization. */
export interface ClassicCustomizationProperties {
  readonly UserPoolId: string;
  /** An app client id, or 'ALL' for the pool-wide default. */
  readonly ClientId: string;
  readonly Css?: S3FileRef;
  readonly Logo?: S3FileRef;
}

/** Attribute the branding resource returns (Fn::GetAtt). */
export const BRANDING_ID_ATTRIBUTE = 'ManagedLoginBrandingId';

/** The ClientId that addresses every client of the pool in SetUICustomization. */
export const ALL_CLIENTS = 'ALL';

/**
 * Create/UpdateManagedLoginBranding refuse a request body over 2 MB
 * ("If your request is larger than 2MB, separate it into multiple requests").
 * The body is JSON with every asset's bytes in base64, and AWS does not say
 * whether 2 MB means 2,000,000 or 2,097,152 bytes, so the smaller is kept.
 * The handler splits a style over several requests under it; the constructs
 * refuse only what no split can carry (a Settings document over it).
 */
export const MAX_BRANDING_REQUEST_BYTES = 2_000_000;

/** What a claim parameter is about: a managed login style, or a classic customization. */
export type ClaimKind = 'branding' | 'classic';

/** The path under which the handler keeps its ownership records (SSM Parameter Store). */
export const CLAIM_PARAMETER_ROOT = '/cdk-cognito-login';

/**
 * The SSM parameter that records which custom resource owns the style of one
 * target: `/cdk-cognito-login/<UserPoolId>/<kind>/<ClientId or ALL>`. The
 * provider grants the handler exactly these names, and the handler reads and
 * writes them, so both build them here.
 *
 * Parameter names allow `[a-zA-Z0-9_.\-/]`; Cognito's ids are `[\w-]` and
 * `[\w+]`, so each other character (in practice only `+`) becomes `.` and
 * two hex digits per UTF-8 byte. A literal `.` is never in an id, so the
 * encoding is reversible. Unresolved tokens (a client created in the stack)
 * pass unchanged: Cognito generates client ids from letters and digits.
 */
export function claimParameterName(userPoolId: string, kind: ClaimKind, clientId: string): string {
  return `${CLAIM_PARAMETER_ROOT}/${encodeClaimSegment(userPoolId)}/${kind}/${encodeClaimSegment(clientId)}`;
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
