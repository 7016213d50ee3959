import type { AssetType } from '@aws-sdk/client-cognito-identity-provider';
import { DeclaredStyle } from '../../src/branding/private/branding-contract';
import { Invocation } from '../shared/invocation';
import { log } from '../shared/log';
import { readBytes, readJsonObject } from '../shared/s3-files';

/** The request members that carry a style's look: what Create and Update send alike. */
export interface StyleContent {
  readonly UseCognitoProvidedValues?: boolean;
  readonly Settings?: Record<string, unknown>;
  readonly Assets?: AssetType[];
}

/**
 * Loads the declared settings and asset files from S3 into request members.
 *
 * Asset bytes go to the SDK as the raw Uint8Array read from S3: the SDK
 * base64-encodes blobs itself, and encoding them here as well would make
 * Cognito see base64 text instead of an image and reject it.
 */
export async function loadContent(invocation: Invocation, style: DeclaredStyle): Promise<StyleContent> {
  if (style.useCognitoProvidedValues) {
    // Cognito wants this flag alone: no Settings, no Assets.
    return { UseCognitoProvidedValues: true };
  }
  const [settings, assets] = await Promise.all([
    style.settings ? readJsonObject(invocation, style.settings) : Promise.resolve(undefined),
    Promise.all(style.assets.map(async (asset): Promise<AssetType> => {
      const bytes = await readBytes(invocation, asset);
      return {
        Category: asset.Category as AssetType['Category'],
        ColorMode: asset.ColorMode as AssetType['ColorMode'],
        Extension: asset.Extension as AssetType['Extension'],
        Bytes: bytes,
        ...(asset.ResourceId === undefined ? {} : { ResourceId: asset.ResourceId }),
      };
    })),
  ]);
  log('loaded style content', {
    hash: style.settings?.Hash,
    assets: style.assets.map((a, i) => ({
      category: a.Category,
      colorMode: a.ColorMode,
      resourceId: a.ResourceId,
      hash: a.Hash,
      sizeBytes: assets[i].Bytes?.byteLength,
    })),
  });
  return {
    ...(settings === undefined ? {} : { Settings: settings }),
    ...(assets.length === 0 ? {} : { Assets: assets }),
  };
}
