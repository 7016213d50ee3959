// The classic hosted-UI preview, checked on its pictures: the classic-pages
// example (Web shows the ALL customization: classic-login.css and logo.png;
// Partner its own CSS) and a customization with a logo and no CSS.
import * as fs from 'fs';
import * as path from 'path';
import { AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { decodePng, hex, near } from './png';
import { BROWSER, NO_BROWSER_REASON, box, fill, previewApp, rendered } from './render';
import { codeGrantClient, exampleApp, plainLoginPool } from '../../examples/app';
import { createApp } from '../../examples/classic-pages';
import { EXAMPLE_ASSETS } from '../../examples/house-style';
import { ClassicCss, ClassicLoginCustomization, LogoImage } from '../../src';
import { PreviewResult } from '../../src/preview/write-previews';

const describeWithBrowser = BROWSER ? describe : describe.skip;

// Each page is measured by launching Chromium once (about a second alone, a
// few seconds while the whole suite runs in parallel workers).
jest.setTimeout(60_000);

/** A classic pool whose one client has a logo and no CSS: Cognito's default stylesheet alone. */
function logoOnlyApp(props: AppProps) {
  const app = exampleApp(props);
  const stack = new Stack(app, 'LogoOnly', { env: { account: '123456789012', region: 'eu-west-1' } });
  const { userPool } = plainLoginPool(stack, 'acme-logo-only', cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI);
  codeGrantClient(userPool, 'Plain', 'https://plain.example.com/callback');
  new ClassicLoginCustomization(stack, 'Pages', { userPool, logo: LogoImage.fromFile(path.join(EXAMPLE_ASSETS, 'logo.png')) });
  return app;
}

describeWithBrowser(`classic hosted UI preview in Chromium${BROWSER ? '' : ` (${NO_BROWSER_REASON})`}`, () => {
  let example: PreviewResult;
  let logoOnly: PreviewResult;
  beforeAll(async () => {
    // GIVEN the classic-pages example and a customization without CSS, synthesized
    // WHEN their previews are written
    [example, logoOnly] = await Promise.all([previewApp(createApp), previewApp(logoOnlyApp)]);
  }, 120_000);

  test('THEN without CSS the submit button has Cognito\'s default color', async () => {
    const page = await rendered(logoOnly, 'Plain', 'light');
    expect(hex(page.png.pixel(...fill(box(page, 'submit-button'))))).toBe('#337ab7');
  });

  test('THEN the user\'s .submitButton-customizable { background-color } changes that button\'s pixels', async () => {
    const web = await rendered(example, 'Web', 'light');
    const partner = await rendered(example, 'Partner', 'light');
    expect(hex(web.png.pixel(...fill(box(web, 'submit-button'))))).toBe('#ff9900');
    expect(hex(partner.png.pixel(...fill(box(partner, 'submit-button'))))).toBe('#0972d3');
    // ...and the banner the CSS colors too.
    expect(hex(web.png.pixel(box(web, 'banner').x + 4, box(web, 'banner').y + 4))).toBe('#232f3e');
  });

  test('THEN the logo is drawn from the user\'s file', async () => {
    const page = await rendered(example, 'Web', 'light');
    const logo = box(page, 'logo');
    const file = decodePng(fs.readFileSync(path.join(EXAMPLE_ASSETS, 'logo.png')));
    // Opaque pixels of the file (a slightly noisy texture), sampled on a grid away from edges, land on the screenshot scaled into the logo's box.
    let compared = 0;
    for (let v = 0.1; v < 0.9; v += 0.1) {
      for (let u = 0.05; u < 0.95; u += 0.05) {
        const want = file.pixel(u * file.width, v * file.height);
        const around = [-2, 0, 2].flatMap((d) => [file.pixel(u * file.width + d, v * file.height), file.pixel(u * file.width, v * file.height + d)]);
        if (want.a < 255 || around.some((p) => p.a < 255 || !near(p, hex(want), 10))) continue;
        expect(near(page.png.pixel(logo.x + u * logo.width, logo.y + v * logo.height), hex(want), 16)).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  test('THEN the page shows the error message and password checks under their classes', async () => {
    const page = await rendered(example, 'Web', 'light');
    const error = box(page, 'error-message');
    // Cognito's default errorMessage-customizable border, #D64958.
    expect(hex(page.png.pixel(error.x + 1, error.y + error.height / 2))).toBe('#d64958');
  });
});

describe('classic hosted UI preview of CSS Cognito partly ignores', () => {
  test('the page carries the declarations Cognito applies, not those it ignores', async () => {
    // GIVEN a stylesheet with a property outside its class's list (a synth warning, deployed as is)
    const app = (props: AppProps) => {
      const created = exampleApp(props);
      const stack = new Stack(created, 'Ignored', { env: { account: '123456789012', region: 'eu-west-1' } });
      const { userPool } = plainLoginPool(stack, 'acme-ignored', cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI);
      codeGrantClient(userPool, 'Plain', 'https://plain.example.com/callback');
      new ClassicLoginCustomization(stack, 'Pages', {
        userPool, css: ClassicCss.fromString('.submitButton-customizable { background-color: #ff9900; border-radius: 12px; }'),
      });
      return created;
    };

    // WHEN its preview is written (HTML only)
    const result = await previewApp(app, { browser: false });

    // THEN: the page shows what Cognito's page will
    const html = fs.readFileSync(result.pages[0].html, 'utf8');
    expect(html).toContain('background-color: #ff9900;');
    expect(html).not.toContain('border-radius: 12px');
  });
});
