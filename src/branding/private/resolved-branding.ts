// Internal shapes and limits shared by the branding files. Not exported from
// the package: index.ts re-exports only the public files.
import { ImageType } from '../../private/file-type';
import { BrandingCategory, BrandingColorMode } from '../category';

/** Largest asset Cognito accepts (API_AssetType: Bytes, 1,000,000 bytes). */
export const MAX_ASSET_BYTES = 1_000_000;

/** Most assets one style holds (API_ManagedLoginBrandingType: Assets, 0..40). */
export const MAX_ASSETS = 40;

/** A checked asset, ready to stage. */
export interface ResolvedBrandingAsset {
  readonly category: BrandingCategory;
  readonly colorMode: BrandingColorMode;
  readonly resourceId?: string;
  readonly type: ImageType;
  readonly bytes: Buffer;
  /** Set when the bytes are a file on disk, which is staged as is. */
  readonly filePath?: string;
  /** Prop and value that name this asset in an error. */
  readonly prop: string;
  readonly value: string;
}

/** A checked Settings document and the assets its source carried. */
export interface ResolvedSettings {
  readonly document: { readonly [key: string]: any };
  /**
   * The part of the document the user wrote: their own document, or the
   * typed options they set. A declared asset switches its slot on only where
   * this says nothing about the switch.
   */
  readonly chosen: { readonly [key: string]: any };
  /** Assets of a describe output; empty for other sources. */
  readonly assets: ResolvedBrandingAsset[];
}
