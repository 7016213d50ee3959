import {
  BrandingAssetProperties,
  MANAGED_LOGIN_BRANDING_TYPE,
  S3FileRef,
} from '../../src/private/custom-resource-contract';
import { AssetLogEntry } from '../shared/log';
import { parseFileRef, parseFlag, requireObject, requireString } from '../shared/properties';

/** A branding style as the template declares it, checked and typed. */
export interface DeclaredStyle {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly useCognitoProvidedValues: boolean;
  readonly settings?: S3FileRef;
  readonly assets: readonly BrandingAssetProperties[];
}

const TYPE = MANAGED_LOGIN_BRANDING_TYPE;

export function parseStyle(properties: Record<string, unknown>): DeclaredStyle {
  const useCognitoProvidedValues = parseFlag(properties, 'UseCognitoProvidedValues', TYPE);
  const settings = properties.Settings === undefined ? undefined : parseFileRef(properties.Settings, 'Settings', TYPE);
  const rawAssets = properties.Assets ?? [];
  if (!Array.isArray(rawAssets)) {
    throw new Error(`${TYPE}: property Assets must be a list, got ${typeof rawAssets}`);
  }
  const assets = rawAssets.map((asset, i) => parseAsset(asset, `Assets[${i}]`));
  if (useCognitoProvidedValues && (settings || assets.length > 0)) {
    // Cognito refuses this combination; saying so here names the real cause.
    throw new Error(`${TYPE}: UseCognitoProvidedValues 'true' cannot be combined with Settings or Assets`);
  }
  return {
    userPoolId: requireString(properties, 'UserPoolId', TYPE),
    clientId: requireString(properties, 'ClientId', TYPE),
    useCognitoProvidedValues,
    settings,
    assets,
  };
}

function parseAsset(value: unknown, where: string): BrandingAssetProperties {
  const asset = requireObject(value, where, TYPE);
  const resourceId = asset.ResourceId === undefined ? undefined : requireString(asset, 'ResourceId', `${TYPE} ${where}`);
  return {
    ...parseFileRef(asset, where, TYPE),
    Category: requireString(asset, 'Category', `${TYPE} ${where}`),
    ColorMode: requireString(asset, 'ColorMode', `${TYPE} ${where}`),
    Extension: requireString(asset, 'Extension', `${TYPE} ${where}`),
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
