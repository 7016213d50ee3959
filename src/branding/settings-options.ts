import { BrandingColorMode } from './category';

/** A horizontal place on the page: form, header logo or footer logo. */
export enum BrandingHorizontalLocation {
  /** At the start (left in left-to-right languages). */
  START = 'START',
  /** In the middle. */
  CENTER = 'CENTER',
  /** At the end (right in left-to-right languages). */
  END = 'END',
}

/** A vertical place of the sign-in form on the page. */
export enum BrandingVerticalLocation {
  /** At the top. */
  TOP = 'TOP',
  /** In the middle. */
  CENTER = 'CENTER',
  /** At the bottom. */
  BOTTOM = 'BOTTOM',
}

/**
 * Colors of one display mode (light or dark). Each color is hex: `#RRGGBB`,
 * `RRGGBB`, or `RRGGBBAA` with alpha (case-insensitive); six digits mean
 * fully opaque. Each one left out keeps Cognito's default.
 */
export interface BrandingModeColors {
  /** Background of the primary (submit) button. @default - Cognito's default */
  readonly primaryButtonBackground?: string;
  /** Text of the primary button. @default - Cognito's default */
  readonly primaryButtonText?: string;
  /** Background of the primary button under the pointer. @default - Cognito's default */
  readonly primaryButtonHoverBackground?: string;
  /** Text of the primary button under the pointer. @default - Cognito's default */
  readonly primaryButtonHoverText?: string;
  /** Background color of the page. @default - Cognito's default */
  readonly pageBackground?: string;
  /** Background of the sign-in form. @default - Cognito's default */
  readonly formBackground?: string;
  /** Border of the sign-in form. @default - Cognito's default */
  readonly formBorder?: string;
  /** Text of input labels. @default - Cognito's default */
  readonly inputLabelText?: string;
  /** Text of links. @default - Cognito's default */
  readonly linkText?: string;
  /** Text of links under the pointer. @default - Cognito's default */
  readonly linkHoverText?: string;
  /** Text of page headings. @default - Cognito's default */
  readonly headingText?: string;
  /** Text of the page body. @default - Cognito's default */
  readonly bodyText?: string;
  /** Background of the page header. @default - Cognito's default */
  readonly headerBackground?: string;
  /** Background of the page footer. @default - Cognito's default */
  readonly footerBackground?: string;
}

/**
 * The common knobs of a managed login style, typed. They expand to a
 * Settings document merged over Cognito's defaults; for anything else, edit
 * a style in the Cognito console, export it and use `BrandingSettings.fromFile`.
 *
 * Every declared asset shows without a knob: its slot's switch is turned on
 * (Cognito's defaults hide the header logo, the form logo and the header,
 * footer and form background images). A knob set here wins over that.
 */
export interface BrandingSettingsOptions {
  /**
   * Which display modes the pages offer: LIGHT, DARK, or DYNAMIC (follow the
   * browser's preference).
   * @default - Cognito's default (LIGHT)
   */
  readonly colorScheme?: BrandingColorMode;
  /** Colors of light mode. @default - Cognito's defaults */
  readonly lightMode?: BrandingModeColors;
  /** Colors of dark mode. @default - Cognito's defaults */
  readonly darkMode?: BrandingModeColors;
  /** Where the sign-in form sits across the page. @default - Cognito's default (CENTER) */
  readonly formHorizontalLocation?: BrandingHorizontalLocation;
  /** Where the sign-in form sits down the page. @default - Cognito's default (CENTER) */
  readonly formVerticalLocation?: BrandingVerticalLocation;
  /**
   * Shows the PAGE_HEADER_LOGO asset in the page header, at this place.
   * @default - Cognito's default (no header logo)
   */
  readonly headerLogoLocation?: BrandingHorizontalLocation;
  /**
   * Shows the PAGE_FOOTER_LOGO asset in the page footer, at this place.
   * @default - Cognito's default (footer logo in the CENTER)
   */
  readonly footerLogoLocation?: BrandingHorizontalLocation;
  /**
   * Shows the FORM_LOGO asset on the sign-in form, at this place.
   * @default - Cognito's default place (CENTER), shown when a FORM_LOGO asset is declared
   */
  readonly formLogoLocation?: BrandingHorizontalLocation;
  /**
   * Whether the PAGE_BACKGROUND image shows. `false` hides a declared one (with a synth warning).
   * @default - shown when a PAGE_BACKGROUND asset is declared; else Cognito's default
   */
  readonly pageBackgroundImage?: boolean;
  /**
   * Whether the PAGE_HEADER_BACKGROUND image shows. `false` hides a declared one (with a synth warning).
   * @default - shown when a PAGE_HEADER_BACKGROUND asset is declared; else Cognito's default (hidden)
   */
  readonly headerBackgroundImage?: boolean;
  /**
   * Whether the PAGE_FOOTER_BACKGROUND image shows. `false` hides a declared one (with a synth warning).
   * @default - shown when a PAGE_FOOTER_BACKGROUND asset is declared; else Cognito's default (hidden)
   */
  readonly footerBackgroundImage?: boolean;
  /**
   * Whether the FORM_BACKGROUND image shows. `false` hides a declared one (with a synth warning).
   * @default - shown when a FORM_BACKGROUND asset is declared; else Cognito's default (hidden)
   */
  readonly formBackgroundImage?: boolean;
}
