import { assetSlot, DeclaredStyle } from '../../src/branding/private/branding-contract';
import { AssetLogEntry } from '../shared/log';

/*
 * The handler's view of a declared style beyond parsing (which is the
 * contract's, src/branding/private/branding-contract.ts): slots an update
 * loses, and what the log may say about the assets.
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
