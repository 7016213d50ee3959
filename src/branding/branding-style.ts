import { BrandingAsset } from './asset';
import { BrandingSettings } from './settings';

/** What a managed login branding style holds. */
export interface BrandingStyleOptions {
  /**
   * The Settings document: colors, layout, components. When assets are given
   * without settings, Cognito's default document is sent with them (Cognito
   * refuses a style with neither settings nor its own defaults).
   * @default - none
   */
  readonly settings?: BrandingSettings;
  /**
   * Images of the style. One per category, color mode and resource id; an
   * asset here replaces the one of the same slot carried by `settings`
   * (`BrandingSettings.fromFile` of a describe output), so an exported style
   * can take a new logo without editing the export.
   * @default - none (plus any assets carried by settings.fromFile of a describe output)
   */
  readonly assets?: BrandingAsset[];
  /**
   * Use Cognito's default style. Refused together with settings or assets.
   * @default - true when neither settings nor assets is given
   */
  readonly useCognitoProvidedValues?: boolean;
}
