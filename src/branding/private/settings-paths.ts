// Internal: where things are in a managed login Settings document, for every
// file that reads or writes one (the constructs, the asset slots, the preview).
// Paths follow Cognito's default document (seed 001, default-settings.ts).
import { BrandingModeColors } from '../settings-options';

/** Paths of the document's page-wide choices, in getPath/setPath's dotted form. */
export const SETTINGS_PATHS = {
  colorSchemeMode: 'categories.global.colorSchemeMode',
  pageHeaderShown: 'categories.global.pageHeader.enabled',
  pageFooterShown: 'categories.global.pageFooter.enabled',
  formGraphicsShown: 'categories.form.displayGraphics',
  faviconTypes: 'components.favicon.enabledTypes',
  formHorizontalLocation: 'categories.form.location.horizontal',
  formVerticalLocation: 'categories.form.location.vertical',
  headerLogoLocation: 'components.pageHeader.logo.location',
  footerLogoLocation: 'components.pageFooter.logo.location',
  formLogoLocation: 'components.form.logo.location',
} as const;

/**
 * Where each typed color goes in the document; `MODE` stands for `lightMode`
 * or `darkMode`. Paths follow Cognito's default document (seed 001).
 */
export const COLOR_PATHS: { readonly [K in keyof Required<BrandingModeColors>]: string } = {
  primaryButtonBackground: 'components.primaryButton.MODE.defaults.backgroundColor',
  primaryButtonText: 'components.primaryButton.MODE.defaults.textColor',
  primaryButtonHoverBackground: 'components.primaryButton.MODE.hover.backgroundColor',
  primaryButtonHoverText: 'components.primaryButton.MODE.hover.textColor',
  pageBackground: 'components.pageBackground.MODE.color',
  formBackground: 'components.form.MODE.backgroundColor',
  formBorder: 'components.form.MODE.borderColor',
  inputLabelText: 'componentClasses.inputLabel.MODE.textColor',
  linkText: 'componentClasses.link.MODE.defaults.textColor',
  linkHoverText: 'componentClasses.link.MODE.hover.textColor',
  headingText: 'components.pageText.MODE.headingColor',
  bodyText: 'components.pageText.MODE.bodyColor',
  headerBackground: 'components.pageHeader.MODE.background.color',
  footerBackground: 'components.pageFooter.MODE.background.color',
};
