import type { ManagedLoginBrandingType } from '@aws-sdk/client-cognito-identity-provider';
import { assetSlot, DeclaredStyle } from '../../src/branding/private/branding-contract';
import { sameDeclaredState } from '../shared/declared-state';
import { AssetLogEntry } from '../shared/log';

/*
 * The handler's view of a declared style beyond parsing (which is the
 * contract's, src/branding/private/branding-contract.ts): slots an update
 * loses, whether two live styles look the same, and what the log may say
 * about the assets.
 */

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

/**
 * Whether two described styles hold the same look: the same mode, Settings
 * and asset slots with the same bytes. Used to leave a style alone that a
 * failed create never changed.
 */
export function sameLiveStyle(a: ManagedLoginBrandingType, b: ManagedLoginBrandingType): boolean {
  if ((a.UseCognitoProvidedValues === true) !== (b.UseCognitoProvidedValues === true)) {
    return false;
  }
  if (!sameDeclaredState({ Settings: a.Settings }, { Settings: b.Settings })) {
    return false;
  }
  const bytesBySlot = (style: ManagedLoginBrandingType) => new Map((style.Assets ?? []).map((asset) => [
    assetSlot(asset), `${asset.Extension}:${Buffer.from(asset.Bytes ?? new Uint8Array()).toString('base64')}`,
  ]));
  const [slotsA, slotsB] = [bytesBySlot(a), bytesBySlot(b)];
  return slotsA.size === slotsB.size && [...slotsA].every(([slot, bytes]) => slotsB.get(slot) === bytes);
}
