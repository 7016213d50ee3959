/**
 * The contract of Custom::CognitoManagedLoginBranding: its properties on the
 * wire, their parser, and its registry entry (permissions included). The
 * constructs (managed-login-branding.ts) and the handler (lambda/branding)
 * both use this file. No aws-cdk-lib here: the handler bundle includes it.
 */
import { MAX_ASSETS } from './resolved-branding';
import { ClaimedResourceType, DeclaredTarget, S3FileRef } from '../../private/custom-resource-contract';
import { IMAGE_TYPES } from '../../private/file-type';
import {
  isSynthToken, ParseOptions, parseFileRef, parseFlag, requireClientId, requireObject, requireOneOf, requireOnlyKnown, requireString,
  requireUserPoolId,
} from '../../private/property-parsing';
import { BrandingCategory, BrandingColorMode } from '../category';

/** Resource type of a managed login branding style (one per app client). */
export const MANAGED_LOGIN_BRANDING_TYPE = 'Custom::CognitoManagedLoginBranding';

/** Attribute the branding resource returns (Fn::GetAtt). */
export const BRANDING_ID_ATTRIBUTE = 'ManagedLoginBrandingId';

/**
 * Create/UpdateManagedLoginBranding refuse a request body over 2 MB
 * ("If your request is larger than 2MB, separate it into multiple requests").
 * The body is JSON with every asset's bytes in base64, and AWS does not say
 * whether 2 MB means 2,000,000 or 2,097,152 bytes, so the smaller is kept.
 * The handler splits a style over several requests under it; the constructs
 * refuse only what no split can carry (a Settings document over it).
 */
export const MAX_BRANDING_REQUEST_BYTES = 2_000_000;

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

/**
 * A branding style as the template declares it, checked and typed. Custom
 * styles always carry Settings (the constructs send Cognito's default
 * document when the app gives none); Cognito-provided values carry neither
 * Settings nor Assets.
 */
export interface DeclaredStyle extends DeclaredTarget {
  readonly useCognitoProvidedValues: boolean;
  readonly settings?: S3FileRef;
  readonly assets: readonly BrandingAssetProperties[];
}

const TYPE = MANAGED_LOGIN_BRANDING_TYPE;
const PROPERTIES = ['ServiceToken', 'UserPoolId', 'ClientId', 'UseCognitoProvidedValues', 'Settings', 'Assets'];
const ASSET_MEMBERS = ['Category', 'ColorMode', 'Extension', 'ResourceId'];
/** API_AssetType: ResourceId is 1..40 of `[\w\- ]`. BrandingAsset checks it at synth, the parser at deploy. */
export const RESOURCE_ID_PATTERN = /^[\w\- ]{1,40}$/;

/**
 * Parses the properties strictly: everything the constructs never write is
 * refused, before any call, naming the property and the value. A
 * combination Cognito would refuse only after the handler had already
 * deleted something (custom mode without Settings, say) must never start.
 */
export function parseStyle(properties: Record<string, unknown>, options: ParseOptions = {}): DeclaredStyle {
  requireOnlyKnown(properties, PROPERTIES, '', TYPE);
  const userPoolId = requireUserPoolId(properties, TYPE, options);
  const clientId = requireClientId(properties, TYPE, options);
  requireOneOf(properties, 'UseCognitoProvidedValues', ['true', 'false'], TYPE);
  const useCognitoProvidedValues = parseFlag(properties, 'UseCognitoProvidedValues', TYPE);
  const settings = properties.Settings === undefined ? undefined : parseFileRef(properties.Settings, 'Settings', TYPE);
  const rawAssets = properties.Assets ?? [];
  if (!Array.isArray(rawAssets)) {
    throw new Error(`${TYPE}: property Assets must be a list, got ${JSON.stringify(rawAssets)}`);
  }
  const assets = rawAssets.map((asset, i) => parseAsset(asset, `Assets[${i}]`, options));
  if (useCognitoProvidedValues && (settings || assets.length > 0)) {
    // Cognito refuses this combination; saying so here names the real cause.
    throw new Error(`${TYPE}: UseCognitoProvidedValues 'true' cannot be combined with Settings or Assets`);
  }
  if (!useCognitoProvidedValues && !settings) {
    throw new Error(`${TYPE}: UseCognitoProvidedValues 'false' needs Settings (a custom style always has a Settings document)`);
  }
  if (assets.length > MAX_ASSETS) {
    throw new Error(`${TYPE}: property Assets has ${assets.length} items; a style holds at most ${MAX_ASSETS}`);
  }
  const seen = new Map<string, number>();
  assets.forEach((asset, i) => {
    const first = seen.get(assetSlot(asset));
    if (first !== undefined) {
      throw new Error(`${TYPE}: property Assets[${i}] repeats the slot ${assetSlot(asset)} of Assets[${first}]`);
    }
    seen.set(assetSlot(asset), i);
  });
  return { userPoolId, clientId, useCognitoProvidedValues, settings, assets };
}

function parseAsset(value: unknown, where: string, options: ParseOptions): BrandingAssetProperties {
  const asset = requireObject(value, where, TYPE);
  const ref = parseFileRef(asset, where, TYPE, ASSET_MEMBERS);
  const context = `${TYPE} ${where}`;
  const resourceId = asset.ResourceId === undefined ? undefined : requireString(asset, 'ResourceId', context);
  if (resourceId !== undefined && !isSynthToken(resourceId, options) && !RESOURCE_ID_PATTERN.test(resourceId)) {
    throw new Error(`${context}: property ResourceId must be 1 to 40 letters, digits, '_', '-' or spaces, got ${JSON.stringify(resourceId)}`);
  }
  return {
    ...ref,
    Category: requireOneOf(asset, 'Category', Object.values(BrandingCategory), context),
    ColorMode: requireOneOf(asset, 'ColorMode', Object.values(BrandingColorMode), context),
    Extension: requireOneOf(asset, 'Extension', IMAGE_TYPES, context),
    ...(resourceId === undefined ? {} : { ResourceId: resourceId }),
  };
}

/**
 * The identity of an asset slot in a style. UpdateManagedLoginBranding adds an
 * asset whose slot is new and replaces one whose slot exists, so slots are
 * what an update can never take away. ResourceId is part of the slot (IDP
 * button icons share category and color mode and differ by it); counting it
 * can only make us recreate more often, never leave a stale asset behind.
 */
export function assetSlot(asset: { readonly Category?: string; readonly ColorMode?: string; readonly ResourceId?: string }): string {
  return [asset.Category, asset.ColorMode, asset.ResourceId].filter((part) => part !== undefined && part !== '').join('/');
}

/** The registry entry of managed login branding styles (lambda/registry.ts pairs it with lambda/branding). */
export const MANAGED_LOGIN_BRANDING: ClaimedResourceType<DeclaredStyle> = {
  resourceType: MANAGED_LOGIN_BRANDING_TYPE,
  poolActions: [
    'cognito-idp:CreateManagedLoginBranding',
    'cognito-idp:UpdateManagedLoginBranding',
    'cognito-idp:DeleteManagedLoginBranding',
    'cognito-idp:DescribeManagedLoginBrandingByClient',
  ],
  claimKind: 'branding',
  parse: parseStyle,
};
