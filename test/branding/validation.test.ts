import { CfnParameter } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { poolStack, propertiesOf } from './stacks';
import { BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings, BrandingStyleOptions, ManagedLoginBranding } from '../../src';
import { ico, jpeg, png, svg, webp, writeTemp } from '../../standin/sample-images';

/** Builds a style on a fresh stack; the tests expect it to throw. */
function brand(style: BrandingStyleOptions): void {
  const { stack, pool, client } = poolStack();
  new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, ...style });
}

function asset(file: string, category = BrandingCategory.PAGE_BACKGROUND, colorMode = BrandingColorMode.LIGHT, resourceId?: string) {
  return BrandingAsset.fromFile(file, { category, colorMode, resourceId });
}

describe('ManagedLoginBranding refuses at synth what Cognito would refuse at deployment', () => {
  test('useCognitoProvidedValues together with settings', () => {
    // GIVEN
    const settings = BrandingSettings.fromOptions({});

    // WHEN / THEN
    expect(() => brand({ useCognitoProvidedValues: true, settings }))
      .toThrow(/^Stack\/Branding: useCognitoProvidedValues "true" is invalid: true only without settings and assets/);
  });

  test('useCognitoProvidedValues together with assets', () => {
    // GIVEN
    const assets = [asset(writeTemp('bg.png', png()))];

    // WHEN / THEN
    expect(() => brand({ useCognitoProvidedValues: true, assets })).toThrow(/useCognitoProvidedValues "true" is invalid/);
  });

  test('useCognitoProvidedValues false with nothing to use instead', () => {
    // WHEN / THEN
    expect(() => brand({ useCognitoProvidedValues: false })).toThrow(/useCognitoProvidedValues "false" is invalid: false only with settings or assets/);
  });

  test('more than 40 assets', () => {
    // GIVEN: 41 distinct slots (IDP_BUTTON_ICON with 41 resource ids)
    const file = writeTemp('icon.png', png());
    const assets = Array.from({ length: 41 }, (_, i) => asset(file, BrandingCategory.IDP_BUTTON_ICON, BrandingColorMode.LIGHT, `idp${i}`));

    // WHEN / THEN
    expect(() => brand({ assets })).toThrow(/assets "41 assets" is invalid: at most 40 assets per style/);
  });

  test('an asset over 1,000,000 bytes', () => {
    // GIVEN
    const file = writeTemp('huge.png', png(1_000_001));

    // WHEN / THEN
    expect(() => brand({ assets: [asset(file)] }))
      .toThrow(new RegExp(`assets\\[0\\] "${file}" is invalid: an asset of at most .*1000000 bytes.*1000001 bytes`));
  });

  test('two assets for the same category and color mode', () => {
    // GIVEN
    const first = writeTemp('a.png', png(100, 1));
    const second = writeTemp('b.png', png(100, 2));

    // WHEN / THEN
    expect(() => brand({ assets: [asset(first), asset(second)] }))
      .toThrow(new RegExp(`assets\\[1\\] "${second}" is invalid: one asset per category, color mode and resource id; assets\\[0\\]`));
  });

  test('the same category in two color modes, or for two identity providers, is fine', () => {
    // GIVEN
    const file = writeTemp('a.png', png());

    // WHEN / THEN
    expect(() => brand({
      assets: [
        asset(file, BrandingCategory.PAGE_BACKGROUND, BrandingColorMode.LIGHT),
        asset(file, BrandingCategory.PAGE_BACKGROUND, BrandingColorMode.DARK),
        asset(file, BrandingCategory.IDP_BUTTON_ICON, BrandingColorMode.LIGHT, 'Google'),
        asset(file, BrandingCategory.IDP_BUTTON_ICON, BrandingColorMode.LIGHT, 'Okta'),
      ],
    })).not.toThrow();
  });

  test.each([
    ['a script element', '<script>alert(1)</script>', /an SVG without <script> at line 3, the SVG element "script"; allowed SVG elements: svg, g/],
    ['an event attribute', '<rect onload="alert(1)" width="1" height="1"/>', /an SVG without the attribute onload="alert\(1\)" of <rect> at line 3: an event handler/],
    ['a javascript: URL', '<image href="javascript:alert(1)" width="1" height="1"/>', /an SVG without the attribute href="javascript:alert\(1\)" of <image> at line 3: a reference elsewhere/],
    ['dominant-baseline', '<text dominant-baseline="middle">A</text>', /an SVG without the attribute dominant-baseline="middle" of <text> at line 3: the dominant-baseline attribute, which Cognito rejects/],
  ])('an SVG with %s', (_, body, expected) => {
    // GIVEN
    const file = writeTemp('icon.svg', svg(body));

    // WHEN / THEN
    expect(() => brand({ assets: [asset(file, BrandingCategory.FAVICON_SVG, BrandingColorMode.DYNAMIC)] }))
      .toThrow(new RegExp(`assets\\[0\\] "${file}" is invalid: ${expected.source}`));
  });

  test('assets over 2 MB together are not refused: the handler splits them over requests', () => {
    // GIVEN three assets just under the per-asset limit, 2.7 MB in all (3.6 MB as base64 on the wire)
    const assets = [BrandingCategory.PAGE_BACKGROUND, BrandingCategory.FORM_BACKGROUND, BrandingCategory.PAGE_HEADER_BACKGROUND]
      .map((category, i) => asset(writeTemp(`big${i}.png`, png(900_000, i)), category));

    // WHEN / THEN
    expect(() => brand({ assets })).not.toThrow();
  });

  test('a Settings document too large for the one request that must carry it', () => {
    // GIVEN a document with one huge (unknown, so Cognito would refuse it anyway) member
    const settings = BrandingSettings.fromJson({ components: { padding: 'x'.repeat(2_000_000) } });

    // WHEN / THEN
    expect(() => brand({ settings })).toThrow(/settings ".*KiB.*" is invalid: a settings document that fits in one request of at most 2000000 bytes/);
  });

  test('a favicon ICO whose content is PNG, whatever the name says', () => {
    // GIVEN
    const file = writeTemp('favicon.ico', png());

    // WHEN / THEN
    expect(() => brand({ assets: [asset(file, BrandingCategory.FAVICON_ICO)] }))
      .toThrow(new RegExp(`assets\\[0\\] "${file}" is invalid: an image with ICO content for FAVICON_ICO; this one is PNG`));
  });

  test('a favicon SVG that is not SVG', () => {
    // GIVEN
    const file = writeTemp('favicon.svg', ico());

    // WHEN / THEN
    expect(() => brand({ assets: [asset(file, BrandingCategory.FAVICON_SVG)] })).toThrow(/an image with SVG content for FAVICON_SVG; this one is ICO/);
  });

  test('a file that is no image Cognito knows', () => {
    // GIVEN
    const file = writeTemp('logo.png', 'GIF89a not really');

    // WHEN / THEN
    expect(() => brand({ assets: [asset(file)] }))
      .toThrow(new RegExp(`assets\\[0\\] "${file}" is invalid: an image whose content is one of ICO, JPEG, PNG, SVG, WEBP`));
  });

  test('a missing file', () => {
    // WHEN / THEN
    expect(() => brand({ assets: [asset('/no/such/logo.png')] })).toThrow(/assets\[0\] "\/no\/such\/logo.png" is invalid: a readable file \(ENOENT\)/);
  });

  test('a resource id outside Cognito\'s pattern', () => {
    // GIVEN
    const file = writeTemp('icon.png', png());

    // WHEN / THEN
    expect(() => brand({ assets: [asset(file, BrandingCategory.IDP_BUTTON_ICON, BrandingColorMode.LIGHT, 'bad/id')] }))
      .toThrow(/assets\[0\].resourceId "bad\/id" is invalid: 1 to 40 letters, digits, spaces/);
  });

  test('a resource id only known at deploy time is not judged', () => {
    // GIVEN
    const { stack, pool, client } = poolStack();
    const resourceId = new CfnParameter(stack, 'IdpName').valueAsString;

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', {
      userPool: pool, client, assets: [asset(writeTemp('icon.png', png()), BrandingCategory.IDP_BUTTON_ICON, BrandingColorMode.LIGHT, resourceId)],
    });

    // THEN
    const [props] = propertiesOf(Template.fromStack(stack), 'Custom::CognitoManagedLoginBranding');
    expect(props.Assets[0].ResourceId).toEqual({ Ref: 'IdpName' });
  });

  test('every image type goes to a non-favicon category, its extension read from the content', () => {
    // GIVEN: names that lie about the content
    const { stack, pool, client } = poolStack();
    const files = [png(), jpeg(), ico(), webp(), svg()].map((bytes, i) => writeTemp(`image${i}.dat`, bytes));
    const categories = [BrandingCategory.PAGE_BACKGROUND, BrandingCategory.FORM_BACKGROUND, BrandingCategory.FORM_LOGO,
      BrandingCategory.PAGE_FOOTER_LOGO, BrandingCategory.EMAIL_GRAPHIC];

    // WHEN
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, assets: files.map((file, i) => asset(file, categories[i])) });

    // THEN
    const [props] = propertiesOf(Template.fromStack(stack), 'Custom::CognitoManagedLoginBranding');
    expect(props.Assets.map((a: any) => a.Extension)).toEqual(['PNG', 'JPEG', 'ICO', 'WEBP', 'SVG']);
  });
});

describe('every violation of a style in one error', () => {
  test('each bad asset of the list, and a duplicate slot, are reported together', () => {
    // GIVEN a GIF where an image is wanted, an ICO favicon that is a PNG, and two assets for one slot
    const gif = writeTemp('anim.gif', Buffer.from('GIF89a-not-allowed'));
    const notIco = writeTemp('favicon.ico', png());
    const first = writeTemp('one.png', png(300, 1));
    const second = writeTemp('two.png', png(300, 2));

    // WHEN / THEN
    expect(() => brand({
      assets: [
        asset(gif),
        BrandingAsset.fromFile(notIco, { category: BrandingCategory.FAVICON_ICO, colorMode: BrandingColorMode.LIGHT }),
        asset(first, BrandingCategory.FORM_LOGO),
        asset(second, BrandingCategory.FORM_LOGO),
      ],
    })).toThrow(new RegExp([
      '^Stack/Branding: 3 invalid values',
      '  - assets\\[0\\] ".*anim.gif" is invalid: an image whose content is one of ICO, JPEG, PNG, SVG, WEBP',
      '  - assets\\[1\\] ".*favicon.ico" is invalid: an image with ICO content for FAVICON_ICO; this one is PNG',
      '  - assets\\[3\\] ".*two.png" is invalid: one asset per category, color mode and resource id; assets\\[2\\]',
    ].join('\n')));
  });

  test('each bad color of a Settings document is reported together', () => {
    // GIVEN
    const settings = BrandingSettings.fromJson({
      components: { pageBackground: { lightMode: { color: '#ffffff' }, darkMode: { color: 'black' } } },
    });

    // WHEN / THEN
    expect(() => brand({ settings })).toThrow(new RegExp([
      '^Stack/Branding: 2 invalid values',
      '  - settings.components.pageBackground.lightMode.color "#ffffff" is invalid: a color as 8 hex digits.*',
      '  - settings.components.pageBackground.darkMode.color "black" is invalid: a color as 8 hex digits',
    ].join('\n')));
  });

  test('each bad color and place of the typed options is reported together', () => {
    // WHEN / THEN
    expect(() => brand({
      settings: BrandingSettings.fromOptions({
        lightMode: { primaryButtonBackground: 'orange', linkText: '#12345' },
        formHorizontalLocation: 'LEFT' as any,
      }),
    })).toThrow(/^Stack\/Branding: 3 invalid values\n {2}- settings.lightMode.primaryButtonBackground "orange".*\n {2}- settings.lightMode.linkText "#12345".*\n {2}- settings.formHorizontalLocation "LEFT" is invalid: one of "START", "CENTER", "END"/);
  });
});
