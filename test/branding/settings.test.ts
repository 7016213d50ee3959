import { Token } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { poolStack, propertiesOf, stagedBytes } from './stacks';
import {
  BrandingAsset, BrandingCategory, BrandingColorMode, BrandingHorizontalLocation, BrandingSettings, BrandingStyleOptions,
  BrandingVerticalLocation, ManagedLoginBranding,
} from '../../src';
import { DEFAULT_SETTINGS_DOCUMENT } from '../../src/branding/private/default-settings';
import { settingsOverDefaults } from '../../src/branding/private/settings-document';
import { ico, png, writeTemp } from '../../standin/sample-images';

const BRANDING = 'Custom::CognitoManagedLoginBranding';

/** Synthesizes a style and returns its resource properties and staged Settings document. */
function synth(style: BrandingStyleOptions): { props: any; document: any; bytesOf: (key: string) => Buffer } {
  const { app, stack, pool, client } = poolStack();
  new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, ...style });
  const [props] = propertiesOf(Template.fromStack(stack), BRANDING);
  const bytesOf = (key: string) => stagedBytes(app, key);
  return { props, document: JSON.parse(bytesOf(props.Settings.Key).toString()), bytesOf };
}

function brand(style: BrandingStyleOptions): void {
  const { stack, pool, client } = poolStack();
  new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, ...style });
}

/** A describe-managed-login-branding-by-client output as the AWS CLI prints it. */
function describeOutput(branding: any): string {
  return JSON.stringify({
    ManagedLoginBranding: {
      ManagedLoginBrandingId: 'ef1bb4d9-a28f-4dc6-94c6-49a605de6a6a',
      UserPoolId: 'eu-west-1_EXAMPLE',
      UseCognitoProvidedValues: false,
      CreationDate: 1732667944.313,
      ...branding,
    },
  }, null, 2);
}

describe('BrandingSettings.fromOptions', () => {
  test('merges the typed knobs over Cognito\'s defaults and normalizes colors', () => {
    // GIVEN
    const settings = BrandingSettings.fromOptions({
      colorScheme: BrandingColorMode.DYNAMIC,
      lightMode: { primaryButtonBackground: '#FF9900', primaryButtonText: '000000', primaryButtonHoverBackground: 'CC7A0080', formBorder: '#aabbccdd' },
      darkMode: { pageBackground: '#0A0A0A', linkText: 'ffcc00', inputLabelText: 'EEEEEE' },
      formHorizontalLocation: BrandingHorizontalLocation.START,
      formVerticalLocation: BrandingVerticalLocation.TOP,
      headerLogoLocation: BrandingHorizontalLocation.END,
    });

    // WHEN
    const { document } = synth({ settings });

    // THEN
    const { components, componentClasses, categories } = document;
    expect(components.primaryButton.lightMode.defaults).toEqual({ backgroundColor: 'ff9900ff', textColor: '000000ff' });
    expect(components.primaryButton.lightMode.hover).toEqual({ backgroundColor: 'cc7a0080', textColor: 'ffffffff' });
    expect(components.form.lightMode).toEqual({ backgroundColor: 'ffffffff', borderColor: 'aabbccdd' });
    expect(components.pageBackground.darkMode.color).toBe('0a0a0aff');
    expect(componentClasses.link.darkMode.defaults.textColor).toBe('ffcc00ff');
    expect(componentClasses.inputLabel.darkMode.textColor).toBe('eeeeeeff');
    expect(categories.global.colorSchemeMode).toBe('DYNAMIC');
    expect(categories.form.location).toEqual({ horizontal: 'START', vertical: 'TOP' });
    expect(components.pageHeader.logo).toEqual({ enabled: true, location: 'END' });
    // Everything not set keeps Cognito's default.
    expect(components.primaryButton.darkMode).toEqual(DEFAULT_SETTINGS_DOCUMENT.components.primaryButton.darkMode);
    expect(components.secondaryButton).toEqual(DEFAULT_SETTINGS_DOCUMENT.components.secondaryButton);
    expect(components.pageFooter.logo).toEqual({ enabled: true, location: 'CENTER' });
    expect(categories.auth).toEqual(DEFAULT_SETTINGS_DOCUMENT.categories.auth);
  });

  test('no options give exactly Cognito\'s default document', () => {
    // WHEN
    const { document } = synth({ settings: BrandingSettings.fromOptions({}) });

    // THEN
    expect(document).toEqual(JSON.parse(JSON.stringify(DEFAULT_SETTINGS_DOCUMENT)));
  });

  test.each(['blue', '#fff', '12345', '#1234567', 'gggggg', 'rgb(0,0,0)'])('refuses the color %s, naming the option', (color) => {
    // GIVEN
    const settings = BrandingSettings.fromOptions({ darkMode: { formBackground: color } });

    // WHEN / THEN
    expect(() => brand({ settings })).toThrow(
      `Stack/Branding: settings.darkMode.formBackground "${color}" is invalid: a hex color: #RRGGBB, RRGGBB or RRGGBBAA`);
  });

  test('refuses a deploy-time token as a color, since the document is staged at synth', () => {
    // GIVEN
    const settings = BrandingSettings.fromOptions({ lightMode: { linkText: Token.asString({ Ref: 'Color' }) } });

    // WHEN / THEN
    expect(() => brand({ settings })).toThrow(/settings.lightMode.linkText ".*" is invalid: a color known at synth/);
  });

  test('refuses a location outside the enum', () => {
    // GIVEN
    const settings = BrandingSettings.fromOptions({ formVerticalLocation: 'MIDDLE' as BrandingVerticalLocation });

    // WHEN / THEN
    expect(() => brand({ settings })).toThrow(/settings.formVerticalLocation "MIDDLE" is invalid: one of "TOP", "CENTER", "BOTTOM"/);
  });
});

describe('BrandingSettings.fromJson', () => {
  test('stages a partial document as given, not merged over Cognito\'s defaults as fromOptions is', () => {
    // GIVEN a document that sets one color, and the same color as a typed option
    const json = { components: { pageBackground: { lightMode: { color: 'ABCDEF12' } } } };
    const typed = BrandingSettings.fromOptions({ lightMode: { pageBackground: '#ABCDEF12' } });

    // WHEN each styles a client
    const { document } = synth({ settings: BrandingSettings.fromJson(json) });
    const { document: merged } = synth({ settings: typed });

    // THEN the partial document is staged alone, for Cognito to fill in the options it leaves out,
    // while fromOptions stages the whole document, its color over Cognito's defaults
    expect(document).toEqual(json);
    expect(merged).toEqual(settingsOverDefaults({ components: { pageBackground: { lightMode: { color: 'abcdef12' } } } }));
    expect(Object.keys(merged).sort()).toEqual(Object.keys(DEFAULT_SETTINGS_DOCUMENT).sort());
  });

  test.each([
    ['a list', [1, 2]],
    ['a string', 'components'],
    ['null', null],
  ])('refuses %s', (_, value) => {
    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromJson(value) })).toThrow(/settings ".*" is invalid: a JSON object, the Settings document/);
  });

  test('refuses an unknown top-level key', () => {
    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromJson({ components: {}, theme: {} }) }))
      .toThrow('settings.theme "theme" is invalid: a top-level key of the Settings document: categories, componentClasses, components');
  });

  test('refuses a color that is not 8-digit hex, naming where it is', () => {
    // GIVEN
    const json = { componentClasses: { link: { lightMode: { defaults: { textColor: '#0972d3' } } } } };

    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromJson(json) }))
      .toThrow('settings.componentClasses.link.lightMode.defaults.textColor "#0972d3" is invalid: a color as 8 hex digits RGBA');
  });

  test('refuses a deploy-time token, which cannot be staged into a file', () => {
    // GIVEN
    const json = { components: { favicon: { enabledTypes: [Token.asString({ Ref: 'Param' })] } } };

    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromJson(json) })).toThrow(/settings.components.favicon.enabledTypes\[0\] ".*" is invalid: a value known at synth/);
  });
});

describe('BrandingSettings.fromFile', () => {
  test('reads a Settings document', () => {
    // GIVEN
    const file = writeTemp('settings.json', JSON.stringify(DEFAULT_SETTINGS_DOCUMENT));

    // WHEN
    const { document, props } = synth({ settings: BrandingSettings.fromFile(file) });

    // THEN
    expect(document).toEqual(JSON.parse(JSON.stringify(DEFAULT_SETTINGS_DOCUMENT)));
    expect(props.Assets).toBeUndefined();
  });

  test('turns a describe output into settings and assets', () => {
    // GIVEN
    const footer = png(2_000, 3);
    const favicon = ico(500);
    const file = writeTemp('exported.json', describeOutput({
      Settings: { components: { pageBackground: { darkMode: { color: '101010ff' } } } },
      Assets: [
        { Bytes: footer.toString('base64'), Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' },
        { Bytes: favicon.toString('base64'), Category: 'FAVICON_ICO', ColorMode: 'DYNAMIC', Extension: 'ICO', ResourceId: 'site' },
      ],
    }));

    // WHEN
    const { document, props, bytesOf } = synth({ settings: BrandingSettings.fromFile(file) });

    // THEN
    expect(document).toEqual({ components: { pageBackground: { darkMode: { color: '101010ff' } } } });
    expect(props.Assets).toEqual([
      expect.objectContaining({ Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }),
      expect.objectContaining({ Category: 'FAVICON_ICO', ColorMode: 'DYNAMIC', Extension: 'ICO', ResourceId: 'site' }),
    ]);
    expect(bytesOf(props.Assets[0].Key).equals(footer)).toBe(true);
    expect(bytesOf(props.Assets[1].Key).equals(favicon)).toBe(true);
    expect(props.Assets[0].Key).toMatch(/\.png$/);
  });

  test('reads the ManagedLoginBranding object alone, as saved with --query ManagedLoginBranding', () => {
    // GIVEN
    const footer = png(2_000, 4);
    const inner = JSON.parse(describeOutput({
      Settings: { components: { pageBackground: { lightMode: { color: '202020ff' } } } },
      Assets: [{ Bytes: footer.toString('base64'), Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }],
    })).ManagedLoginBranding;
    const file = writeTemp('queried.json', JSON.stringify(inner));

    // WHEN
    const { document, props, bytesOf } = synth({ settings: BrandingSettings.fromFile(file) });

    // THEN
    expect(document).toEqual({ components: { pageBackground: { lightMode: { color: '202020ff' } } } });
    expect(props.Assets).toEqual([expect.objectContaining({ Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' })]);
    expect(bytesOf(props.Assets[0].Key).equals(footer)).toBe(true);
  });

  test('an unknown top-level key names the shapes fromFile accepts', () => {
    // GIVEN a describe output with a typo in its outer key
    const file = writeTemp('typo.json', JSON.stringify({ ManagedLoginBrandings: {} }));

    // THEN
    expect(() => brand({ settings: BrandingSettings.fromFile(file) })).toThrow(
      /settings.ManagedLoginBrandings "ManagedLoginBrandings" is invalid: a top-level key of the Settings document: categories, componentClasses, components \(in .*typo.json\)\. BrandingSettings.fromFile also reads what `aws cognito-idp describe-managed-login-branding-by-client` prints, whole .* or saved with --query ManagedLoginBranding/,
    );
  });

  test('a describe output without Settings uses Cognito\'s default document', () => {
    // GIVEN
    const file = writeTemp('exported.json', describeOutput({ Assets: [] }));

    // WHEN
    const { document } = synth({ settings: BrandingSettings.fromFile(file) });

    // THEN
    expect(document).toEqual(JSON.parse(JSON.stringify(DEFAULT_SETTINGS_DOCUMENT)));
  });

  test('an asset given beside the settings replaces the exported one of the same slot', () => {
    // GIVEN
    const exported = png(300, 1);
    const replacement = png(300, 2);
    const file = writeTemp('exported.json', describeOutput({
      Settings: {},
      Assets: [
        { Bytes: exported.toString('base64'), Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' },
        { Bytes: exported.toString('base64'), Category: 'PAGE_FOOTER_LOGO', ColorMode: 'DARK', Extension: 'PNG' },
      ],
    }));
    const logo = BrandingAsset.fromFile(writeTemp('new.png', replacement), {
      category: BrandingCategory.PAGE_FOOTER_LOGO, colorMode: BrandingColorMode.LIGHT,
    });

    // WHEN
    const { props, bytesOf } = synth({ settings: BrandingSettings.fromFile(file), assets: [logo] });

    // THEN
    expect(props.Assets.map((a: any) => a.ColorMode)).toEqual(['DARK', 'LIGHT']);
    expect(bytesOf(props.Assets[1].Key).equals(replacement)).toBe(true);
  });

  test('refuses an exported asset whose Extension does not match its bytes', () => {
    // GIVEN
    const file = writeTemp('exported.json', describeOutput({
      Assets: [{ Bytes: png().toString('base64'), Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'JPEG' }],
    }));

    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromFile(file) })).toThrow(
      `settings.ManagedLoginBranding.Assets[0].Extension "JPEG" is invalid: the type of the bytes, which are PNG (in ${file})`);
  });

  test('refuses an exported asset whose Bytes are not base64', () => {
    // GIVEN: the API reference's placeholder, as pasted from the docs
    const file = writeTemp('exported.json', describeOutput({
      Assets: [{ Bytes: '[encoded image file]', Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'JPEG' }],
    }));

    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromFile(file) }))
      .toThrow(`settings.ManagedLoginBranding.Assets[0].Bytes "[encoded image file]" is invalid: the image as base64 (in ${file})`);
  });

  test.each([
    ['unpadded', png().toString('base64').replace(/=+$/, '').slice(0, -1)],
    ['with bits no byte uses', png().toString('base64').replace(/(.)(=*)$/, (_m, last: string, pad: string) => `${last === 'A' ? 'B' : 'A'}${pad}`)],
  ])('reads an exported asset\'s Bytes as strictly as fromBase64: refuses base64 %s', (_case, bytes) => {
    // GIVEN: Bytes that Node's decoder would read, into different bytes than were meant
    const file = writeTemp('exported.json', describeOutput({
      Assets: [{ Bytes: bytes, Category: 'PAGE_FOOTER_LOGO', ColorMode: 'LIGHT', Extension: 'PNG' }],
    }));

    // WHEN / THEN: the message shortens the value
    expect(() => brand({ settings: BrandingSettings.fromFile(file) }))
      .toThrow(`settings.ManagedLoginBranding.Assets[0].Bytes "${bytes.slice(0, 40)}`);
    expect(() => brand({ settings: BrandingSettings.fromFile(file) }))
      .toThrow(`..." is invalid: the image as base64 (in ${file})`);
  });

  test('refuses an exported asset of an unknown category', () => {
    // GIVEN
    const file = writeTemp('exported.json', describeOutput({
      Assets: [{ Bytes: png().toString('base64'), Category: 'BANNER', ColorMode: 'LIGHT', Extension: 'PNG' }],
    }));

    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromFile(file) }))
      .toThrow(/settings.ManagedLoginBranding.Assets\[0\].category "BANNER" is invalid: one of "FAVICON_ICO"/);
  });

  test('refuses a bad color in an exported Settings document, naming the file', () => {
    // GIVEN
    const file = writeTemp('exported.json', describeOutput({ Settings: { components: { form: { lightMode: { borderColor: 'red' } } } } }));

    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromFile(file) })).toThrow(
      `settings.ManagedLoginBranding.Settings.components.form.lightMode.borderColor "red" is invalid: a color as 8 hex digits RGBA without "#", e.g. "0972d3ff" (in ${file})`);
  });

  test('refuses a file that is not JSON, naming it', () => {
    // GIVEN
    const file = writeTemp('settings.json', '{ "components": ');

    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromFile(file) })).toThrow(new RegExp(`settings "${file}" is invalid: a JSON file \\(`));
  });

  test('refuses a missing file', () => {
    // WHEN / THEN
    expect(() => brand({ settings: BrandingSettings.fromFile('/no/such/settings.json') }))
      .toThrow('settings "/no/such/settings.json" is invalid: a readable file (ENOENT)');
  });
});
