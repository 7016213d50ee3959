// PLACEHOLDER written by the lead so other parts compile; the branding owner replaces it.
import { BrandingAsset } from './asset';
import { BrandingSettings } from './settings';

/** What a managed login branding style holds. */
export interface BrandingStyleOptions {
  /** @default - none */
  readonly settings?: BrandingSettings;
  /** @default - none */
  readonly assets?: BrandingAsset[];
  /** @default - true when neither settings nor assets is given */
  readonly useCognitoProvidedValues?: boolean;
}
