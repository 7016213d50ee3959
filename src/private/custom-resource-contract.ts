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
