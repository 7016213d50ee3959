import * as path from 'path';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingHorizontalLocation, BrandingSettings,
  BrandingStyleOptions, BrandingVerticalLocation,
} from '../src';

/** The image fixtures of the examples. */
export const EXAMPLE_ASSETS = path.join(__dirname, 'assets');

/** A branding asset from the examples' fixtures. */
export function exampleAsset(file: string, category: BrandingCategory, colorMode: BrandingColorMode): BrandingAsset {
  return BrandingAsset.fromFile(path.join(EXAMPLE_ASSETS, file), { category, colorMode });
}

/** The favicons every styled client of the examples shows. */
export function favicons(): BrandingAsset[] {
  return [
    exampleAsset('favicon.ico', BrandingCategory.FAVICON_ICO, BrandingColorMode.DYNAMIC),
    exampleAsset('favicon.svg', BrandingCategory.FAVICON_SVG, BrandingColorMode.DYNAMIC),
  ];
}

/**
 * The examples' house style: typed colors for light and dark mode merged over
 * Cognito's defaults, the form at the end of the page, a logo, light and dark
 * backgrounds and the favicons.
 */
export function houseStyle(): BrandingStyleOptions {
  return {
    settings: BrandingSettings.fromOptions({
      colorScheme: BrandingColorMode.DYNAMIC,
      lightMode: {
        primaryButtonBackground: '#ff9900',
        primaryButtonText: '#232f3e',
        primaryButtonHoverBackground: '#ec7211',
        linkText: '#0972d3',
      },
      darkMode: {
        primaryButtonBackground: '#ff9900',
        primaryButtonText: '#0f1b2a',
        formBackground: '#0f1b2a',
      },
      formHorizontalLocation: BrandingHorizontalLocation.END,
      formVerticalLocation: BrandingVerticalLocation.CENTER,
      headerLogoLocation: BrandingHorizontalLocation.START,
    }),
    assets: [
      exampleAsset('logo.png', BrandingCategory.PAGE_HEADER_LOGO, BrandingColorMode.DYNAMIC),
      exampleAsset('background-light.png', BrandingCategory.PAGE_BACKGROUND, BrandingColorMode.LIGHT),
      exampleAsset('background-dark.png', BrandingCategory.PAGE_BACKGROUND, BrandingColorMode.DARK),
      ...favicons(),
    ],
  };
}
