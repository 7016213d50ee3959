import * as fs from 'fs';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { poolStack, propertiesOf } from './stacks';
import { BrandingAsset, BrandingCategory, BrandingColorMode, BrandingSettings, ManagedLoginBranding } from '../../src';
import * as settingsDocument from '../../src/branding/private/settings-document';
import { png, writeTemp } from '../../standin/sample-images';

// fs's own members cannot be spied on; a module of its own that counts the reads can.
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});

const BRANDING = 'Custom::CognitoManagedLoginBranding';
const CLIENTS = 5;

/** One style given to `CLIENTS` clients of a pool, as CognitoLogin gives its pages' style to every client. */
function brandEveryClient(settings: BrandingSettings, logoFile: string) {
  const { stack, pool } = poolStack();
  for (let i = 0; i < CLIENTS; i++) {
    const client = new cognito.UserPoolClient(stack, `Client${i}`, { userPool: pool });
    new ManagedLoginBranding(stack, `Branding${i}`, {
      userPool: pool,
      client,
      settings,
      assets: [BrandingAsset.fromFile(logoFile, { category: BrandingCategory.PAGE_HEADER_LOGO, colorMode: BrandingColorMode.LIGHT })],
    });
  }
  return stack;
}

describe('a style shared by many clients (synth cost, issue 20)', () => {
  afterEach(() => jest.restoreAllMocks());

  test('reads each image file once, not once per client', () => {
    // GIVEN
    const logoFile = writeTemp('logo.png', png(2048, 41));
    const reads = fs.readFileSync as jest.Mock;
    reads.mockClear();

    // WHEN
    brandEveryClient(BrandingSettings.fromOptions({ lightMode: { pageBackground: '#fafafa' } }), logoFile);

    // THEN
    expect(reads.mock.calls.filter(([file]) => file === logoFile)).toHaveLength(1);
  });

  test('reads an image file again once it has changed, and stages the new bytes', () => {
    // GIVEN
    const logoFile = writeTemp('logo.png', png(2048, 42));
    const settings = BrandingSettings.fromOptions({});
    const before = Template.fromStack(brandEveryClient(settings, logoFile));

    // WHEN
    fs.writeFileSync(logoFile, png(4096, 43));
    const after = Template.fromStack(brandEveryClient(settings, logoFile));

    // THEN
    const hashes = (t: Template) => new Set(propertiesOf(t, BRANDING).map((p) => p.Assets[0].Hash));
    expect(hashes(before).size).toBe(1);
    expect(hashes(after).size).toBe(1);
    expect([...hashes(after)]).not.toEqual([...hashes(before)]);
  });

  test('reads back the settings document it staged once, not once per client', () => {
    // GIVEN
    const logoFile = writeTemp('logo.png', png(2048, 46));
    const reads = fs.readFileSync as jest.Mock;
    reads.mockClear();

    // WHEN
    brandEveryClient(BrandingSettings.fromOptions({ lightMode: { pageBackground: '#0a0b0c' } }), logoFile);

    // THEN
    const stagedReads = reads.mock.calls.filter(([file]) => String(file).includes('cdk-cognito-login-staging'));
    expect(stagedReads.length).toBeLessThanOrEqual(1);
  });

  test('stages each file once per stack, not once per client, with the same references in every style', () => {
    // GIVEN
    const logoFile = writeTemp('logo.png', png(2048, 47));

    // WHEN
    const stack = brandEveryClient(BrandingSettings.fromOptions({ lightMode: { pageBackground: '#fbfbfb' } }), logoFile);

    // THEN one asset construct for the logo and one for the settings document, and every style names both
    expect(stack.node.findAll().filter((node) => node instanceof s3_assets.Asset)).toHaveLength(2);
    const styles = propertiesOf(Template.fromStack(stack), BRANDING);
    expect(styles).toHaveLength(CLIENTS);
    expect(new Set(styles.map((p) => JSON.stringify([p.Settings, p.Assets[0].Bucket, p.Assets[0].Key, p.Assets[0].Hash]))).size).toBe(1);
  });

  test('builds the settings document of typed options once, not once per client', () => {
    // GIVEN
    const logoFile = writeTemp('logo.png', png(2048, 44));
    const builds = jest.spyOn(settingsDocument, 'expandSettingsOptions');

    // WHEN
    brandEveryClient(BrandingSettings.fromOptions({ lightMode: { pageBackground: '#fafafa' } }), logoFile);

    // THEN
    expect(builds).toHaveBeenCalledTimes(1);
  });

  test('builds the document again when an option changed after it was first used, and stages the new document', () => {
    // GIVEN
    const logoFile = writeTemp('logo.png', png(2048, 45));
    const options: { lightMode: { pageBackground: string } } = { lightMode: { pageBackground: '#fafafa' } };
    const settings = BrandingSettings.fromOptions(options);
    const before = Template.fromStack(brandEveryClient(settings, logoFile));

    // WHEN
    options.lightMode.pageBackground = '#101010';
    const after = Template.fromStack(brandEveryClient(settings, logoFile));

    // THEN
    const settingsHash = (t: Template) => propertiesOf(t, BRANDING)[0].Settings.Hash;
    expect(settingsHash(after)).not.toEqual(settingsHash(before));
  });
});
