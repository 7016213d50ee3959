// A declared asset must show: Cognito displays an asset only where the
// Settings document switches its slot on, and its defaults switch most off.
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { poolStack, propertiesOf, stagedBytes } from './stacks';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingHorizontalLocation, BrandingSettings, BrandingStyleOptions,
  ManagedLoginBranding,
} from '../../src';
import { DEFAULT_SETTINGS_DOCUMENT } from '../../src/branding/private/default-settings';
import { getPath } from '../../src/private/json-path';
import { ico, png, svg, writeTemp } from '../../standin/sample-images';

const BRANDING = 'Custom::CognitoManagedLoginBranding';

/** Synthesizes a style; returns its staged Settings document and the stack's warnings. */
function synth(style: BrandingStyleOptions): { document: any; warnings: string[] } {
  const { app, stack, pool, client } = poolStack();
  new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, ...style });
  const template = Template.fromStack(stack);
  const [props] = propertiesOf(template, BRANDING);
  const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('will not show'))
    .map((w) => String(w.entry.data));
  return { document: JSON.parse(stagedBytes(app, props.Settings.Key).toString()), warnings };
}

function asset(category: BrandingCategory, colorMode = BrandingColorMode.LIGHT): BrandingAsset {
  const bytes = category === BrandingCategory.FAVICON_ICO ? ico(300) : category === BrandingCategory.FAVICON_SVG ? svg() : png(300);
  const extension = category === BrandingCategory.FAVICON_ICO ? 'ico' : category === BrandingCategory.FAVICON_SVG ? 'svg' : 'png';
  return BrandingAsset.fromFile(writeTemp(`${category}.${extension}`, bytes), { category, colorMode });
}

/**
 * Each category and the switch that shows it, as mapped from Cognito's default
 * Settings document (seed 001): `off` is its value there.
 */
const SWITCHES: Array<[BrandingCategory, string, unknown, (value: unknown) => boolean]> = [
  [BrandingCategory.PAGE_HEADER_LOGO, 'components.pageHeader.logo.enabled', false, (v) => v === true],
  [BrandingCategory.PAGE_HEADER_BACKGROUND, 'components.pageHeader.backgroundImage.enabled', false, (v) => v === true],
  [BrandingCategory.PAGE_FOOTER_LOGO, 'components.pageFooter.logo.enabled', true, (v) => v === true],
  [BrandingCategory.PAGE_FOOTER_BACKGROUND, 'components.pageFooter.backgroundImage.enabled', false, (v) => v === true],
  [BrandingCategory.PAGE_BACKGROUND, 'components.pageBackground.image.enabled', true, (v) => v === true],
  [BrandingCategory.FORM_BACKGROUND, 'components.form.backgroundImage.enabled', false, (v) => v === true],
  [BrandingCategory.FORM_LOGO, 'components.form.logo.enabled', false, (v) => v === true],
  [BrandingCategory.IDP_BUTTON_ICON, 'componentClasses.idpButtons.icons.enabled', true, (v) => v === true],
  [BrandingCategory.FAVICON_ICO, 'components.favicon.enabledTypes', ['ICO', 'SVG'], (v) => Array.isArray(v) && v.includes('ICO')],
  [BrandingCategory.FAVICON_SVG, 'components.favicon.enabledTypes', ['ICO', 'SVG'], (v) => Array.isArray(v) && v.includes('SVG')],
  [BrandingCategory.EMAIL_GRAPHIC, 'categories.form.displayGraphics', true, (v) => v === true],
  [BrandingCategory.SMS_GRAPHIC, 'categories.form.displayGraphics', true, (v) => v === true],
  [BrandingCategory.AUTH_APP_GRAPHIC, 'categories.form.displayGraphics', true, (v) => v === true],
  [BrandingCategory.PASSWORD_GRAPHIC, 'categories.form.displayGraphics', true, (v) => v === true],
  [BrandingCategory.PASSKEY_GRAPHIC, 'categories.form.displayGraphics', true, (v) => v === true],
];

describe('a declared asset switches its slot on', () => {
  test('every category has a switch in the table, at its value in Cognito\'s default document', () => {
    expect(SWITCHES.map(([category]) => category).sort()).toEqual(Object.values(BrandingCategory).sort());
    for (const [, path, defaultValue] of SWITCHES) {
      expect(getPath(DEFAULT_SETTINGS_DOCUMENT, path)).toEqual(defaultValue);
    }
  });

  test.each(SWITCHES)('%s: %s over typed options', (category, path, _default, isOn) => {
    // GIVEN typed options that say nothing of the slot
    const settings = BrandingSettings.fromOptions({ lightMode: { primaryButtonBackground: '#ff9900' } });

    // WHEN
    const { document, warnings } = synth({ settings, assets: [asset(category)] });

    // THEN the slot shows, and nothing is warned about
    expect(isOn(getPath(document, path))).toBe(true);
    expect(warnings).toEqual([]);
  });

  test.each(SWITCHES)('%s: %s with assets only (Cognito\'s default document)', (category, path, _default, isOn) => {
    // WHEN
    const { document } = synth({ assets: [asset(category)] });

    // THEN
    expect(isOn(getPath(document, path))).toBe(true);
  });

  test('the header and footer sections are switched on with their logo or background', () => {
    // GIVEN a document that hides the header and says nothing of the footer
    const settings = BrandingSettings.fromJson({ categories: { global: { pageHeader: { enabled: false } } } });

    // WHEN
    const { document, warnings } = synth({
      settings,
      assets: [asset(BrandingCategory.PAGE_HEADER_LOGO), asset(BrandingCategory.PAGE_FOOTER_BACKGROUND)],
    });

    // THEN the user's choice stands and is warned about; the footer background shows
    expect(getPath(document, 'categories.global.pageHeader.enabled')).toBe(false);
    expect(getPath(document, 'components.pageFooter.backgroundImage.enabled')).toBe(true);
    expect(warnings).toEqual([
      expect.stringContaining('The PAGE_HEADER_LOGO asset will not show: the settings set categories.global.pageHeader.enabled to false'),
    ]);
  });

  test('a switch the user\'s own document turns off stays off, with a warning naming the slot and the setting', () => {
    // GIVEN
    const settings = BrandingSettings.fromJson({ components: { form: { logo: { enabled: false } } } });

    // WHEN
    const { document, warnings } = synth({ settings, assets: [asset(BrandingCategory.FORM_LOGO)] });

    // THEN
    expect(getPath(document, 'components.form.logo.enabled')).toBe(false);
    expect(warnings).toEqual([expect.stringContaining(
      'The FORM_LOGO asset will not show: the settings set components.form.logo.enabled to false. Set it to true',
    )]);
  });

  test('a partial document of the user gains only the switches that are off by default', () => {
    // GIVEN
    const settings = BrandingSettings.fromJson({ components: { pageBackground: { lightMode: { color: '101010ff' } } } });

    // WHEN
    const { document } = synth({
      settings,
      assets: [asset(BrandingCategory.PAGE_HEADER_LOGO), asset(BrandingCategory.PAGE_FOOTER_LOGO), asset(BrandingCategory.FAVICON_ICO)],
    });

    // THEN the footer logo and the ICO favicon are on by default: nothing is written for them
    expect(document).toEqual({
      components: {
        pageBackground: { lightMode: { color: '101010ff' } },
        pageHeader: { logo: { enabled: true } },
      },
    });
  });

  test('a typed option that hides a declared image wins, with a warning', () => {
    // GIVEN
    const settings = BrandingSettings.fromOptions({ pageBackgroundImage: false });

    // WHEN
    const { document, warnings } = synth({ settings, assets: [asset(BrandingCategory.PAGE_BACKGROUND)] });

    // THEN
    expect(getPath(document, 'components.pageBackground.image.enabled')).toBe(false);
    expect(warnings).toEqual([expect.stringContaining('The PAGE_BACKGROUND asset will not show')]);
  });

  test('the typed options place and show the form logo and the background images', () => {
    // WHEN
    const { document } = synth({
      settings: BrandingSettings.fromOptions({
        formLogoLocation: BrandingHorizontalLocation.START,
        headerBackgroundImage: true,
        footerBackgroundImage: true,
        formBackgroundImage: true,
      }),
    });

    // THEN
    expect(getPath(document, 'components.form.logo')).toEqual(expect.objectContaining({ enabled: true, location: 'START' }));
    expect(getPath(document, 'components.pageHeader.backgroundImage.enabled')).toBe(true);
    expect(getPath(document, 'components.pageFooter.backgroundImage.enabled')).toBe(true);
    expect(getPath(document, 'components.form.backgroundImage.enabled')).toBe(true);
  });

  test('a dark asset on light-only pages is warned about', () => {
    // WHEN
    const { warnings } = synth({ assets: [asset(BrandingCategory.PAGE_HEADER_LOGO, BrandingColorMode.DARK)] });

    // THEN
    expect(warnings).toEqual([expect.stringContaining(
      'The PAGE_HEADER_LOGO DARK asset will not show: the pages\' color scheme (categories.global.colorSchemeMode) is LIGHT',
    )]);
  });
});
