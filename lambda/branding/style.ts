import { BrandingCategory, BrandingColorMode } from '../../src/branding/category';
import {
  BrandingAssetProperties,
  MANAGED_LOGIN_BRANDING_TYPE,
  S3FileRef,
} from '../../src/private/custom-resource-contract';
import { IMAGE_TYPES } from '../../src/private/file-type';
import { AssetLogEntry } from '../shared/log';
import { parseFileRef, parseFlag, requireObject, requireOneOf, requireOnlyKnown, requireString } from '../shared/properties';
import { requireClientId, requireUserPoolId } from '../shared/target-ids';

/**
 * A branding style as the template declares it, checked and typed. Custom
 * styles always carry Settings (the constructs send Cognito's default
 * document when the app gives none); Cognito-provided values carry neither
 * Settings nor Assets.
 */
export interface DeclaredStyle {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly useCognitoProvidedValues: boolean;
  readonly settings?: S3FileRef;
  readonly assets: readonly BrandingAssetProperties[];
}

const TYPE = MANAGED_LOGIN_BRANDING_TYPE;
const PROPERTIES = ['ServiceToken', 'UserPoolId', 'ClientId', 'UseCognitoProvidedValues', 'Settings', 'Assets'];
const ASSET_MEMBERS = ['Category', 'ColorMode', 'Extension', 'ResourceId'];
/** API_AssetType: ResourceId. */
const RESOURCE_ID = /^[\w\- ]{1,40}$/;
/** API_ManagedLoginBrandingType: Assets, 0..40. */
const MAX_ASSETS = 40;

/**
 * Parses the properties strictly: everything the constructs never write is
 * refused here, before any call, naming the property and the value. A
 * combination Cognito would refuse only after the handler had already
 * deleted something (custom mode without Settings, say) must never start.
 */
export function parseStyle(properties: Record<string, unknown>): DeclaredStyle {
  requireOnlyKnown(properties, PROPERTIES, '', TYPE);
  const userPoolId = requireUserPoolId(properties, TYPE);
  const clientId = requireClientId(properties, TYPE);
  requireOneOf(properties, 'UseCognitoProvidedValues', ['true', 'false'], TYPE);
  const useCognitoProvidedValues = parseFlag(properties, 'UseCognitoProvidedValues', TYPE);
  const settings = properties.Settings === undefined ? undefined : parseFileRef(properties.Settings, 'Settings', TYPE);
  const rawAssets = properties.Assets ?? [];
  if (!Array.isArray(rawAssets)) {
    throw new Error(`${TYPE}: property Assets must be a list, got ${JSON.stringify(rawAssets)}`);
  }
  const assets = rawAssets.map((asset, i) => parseAsset(asset, `Assets[${i}]`));
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

function parseAsset(value: unknown, where: string): BrandingAssetProperties {
  const asset = requireObject(value, where, TYPE);
  const ref = parseFileRef(asset, where, TYPE, ASSET_MEMBERS);
  const context = `${TYPE} ${where}`;
  const resourceId = asset.ResourceId === undefined ? undefined : requireString(asset, 'ResourceId', context);
  if (resourceId !== undefined && !RESOURCE_ID.test(resourceId)) {
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

/** Slots present in `before` and absent from `after`, sorted. */
export function lostSlots(
  before: ReadonlyArray<Parameters<typeof assetSlot>[0]>,
  after: ReadonlyArray<Parameters<typeof assetSlot>[0]>,
): string[] {
  const kept = new Set(after.map(assetSlot));
  return [...new Set(before.map(assetSlot))].filter((slot) => !kept.has(slot)).sort();
}

/** What the log may say about the declared assets: slots, hashes, never bytes. */
export function describeAssets(style: DeclaredStyle): AssetLogEntry[] {
  return style.assets.map((a) => ({ category: a.Category, colorMode: a.ColorMode, resourceId: a.ResourceId, hash: a.Hash }));
}
