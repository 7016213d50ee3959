// The managed login preview, checked on its pictures: branded-login's house
// style (Web: DYNAMIC scheme, #ff9900 buttons, background images, form at END)
// and its partner style (Partner: LIGHT, #0972d3 buttons, page #f2f8fd, form at CENTER).
import * as fs from 'fs';
import * as path from 'path';
import { Pixel, decodePng, hex, near } from './png';
import { BROWSER, NO_BROWSER_REASON, box, centre, fill, previewApp, rendered } from './render';
import { createApp } from '../../examples/branded-login';
import { EXAMPLE_ASSETS } from '../../examples/house-style';
import { WINDOW } from '../../src/preview/browser';
import { PreviewResult } from '../../src/preview/write-previews';

const describeWithBrowser = BROWSER ? describe : describe.skip;

// Each page is measured by launching Chromium once (about a second alone, a
// few seconds while the whole suite runs in parallel workers).
jest.setTimeout(60_000);

describeWithBrowser(`managed login preview in Chromium${BROWSER ? '' : ` (${NO_BROWSER_REASON})`}`, () => {
  let result: PreviewResult;
  beforeAll(async () => {
    // GIVEN the branded-login example, synthesized
    // WHEN its previews are written
    result = await previewApp(createApp);
  }, 120_000);

  test.each([['light'], ['dark']] as const)('THEN the primary button (beside its label) is the declared #ff9900 in %s mode', async (mode) => {
    const page = await rendered(result, 'Web', mode);
    const [x, y] = fill(box(page, 'primary-button'));
    expect(hex(page.png.pixel(x, y))).toBe('#ff9900');
  });

  test('THEN the partner style\'s own button color and declared page background color show', async () => {
    const page = await rendered(result, 'Partner', 'light');
    const [x, y] = fill(box(page, 'primary-button'));
    expect(hex(page.png.pixel(x, y))).toBe('#0972d3');
    // The page left of the centred form, half way down.
    expect(hex(page.png.pixel(24, WINDOW.height / 2))).toBe('#f2f8fd');
  });

  test.each([['light', 'background-light.png'], ['dark', 'background-dark.png']] as const)(
    'THEN the %s background image shows behind the page', async (mode, file) => {
      const page = await rendered(result, 'Web', mode);
      const pixel = page.png.pixel(24, WINDOW.height / 2);
      // Not the page color of the Settings (white in light, 0f1b2a in dark) but a color of the image.
      expect(hex(pixel)).not.toBe(mode === 'light' ? '#ffffff' : '#0f1b2a');
      expect(withinColorsOf(fs.readFileSync(path.join(EXAMPLE_ASSETS, file)), pixel)).toBe(true);
    });

  test('THEN formLocation END puts the form at the right, CENTER in the middle, both vertically centred', async () => {
    const web = await rendered(result, 'Web', 'light');
    const partner = await rendered(result, 'Partner', 'light');
    const end = box(web, 'form');
    const middle = box(partner, 'form');
    const main = { top: box(web, 'header').y + box(web, 'header').height, bottom: box(web, 'footer').y };
    expect(WINDOW.width - (end.x + end.width)).toBeLessThanOrEqual(64);
    expect(Math.abs(centre(middle)[0] - WINDOW.width / 2)).toBeLessThanOrEqual(2);
    expect(Math.abs(centre(end)[1] - (main.top + main.bottom) / 2)).toBeLessThanOrEqual(2);
    // The pictures agree: form color inside the form, page (image) color left of it.
    expect(hex(web.png.pixel(end.x + 8, centre(end)[1]))).toBe('#ffffff');
    expect(hex(web.png.pixel(end.x - 24, centre(end)[1]))).not.toBe('#ffffff');
    expect(hex(partner.png.pixel(middle.x - 24, centre(middle)[1]))).toBe('#f2f8fd');
  });

  test('THEN the header logo is drawn in the header, the partner\'s logo in its form', async () => {
    const web = await rendered(result, 'Web', 'light');
    const partner = await rendered(result, 'Partner', 'light');
    expect(web.boxes['header-logo']).toHaveLength(1);
    expect(web.boxes['form-logo']).toBeUndefined();
    expect(partner.boxes['form-logo']).toHaveLength(1);
    expect(partner.boxes['header-logo']).toBeUndefined();
  });
});

/** Whether a pixel's color lies within the range of the image's colors, channel by channel. */
function withinColorsOf(image: Buffer, pixel: Pixel): boolean {
  const png = decodePng(image);
  const low = [255, 255, 255];
  const high = [0, 0, 0];
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const p = png.pixel(x, y);
      [p.r, p.g, p.b].forEach((c, i) => { low[i] = Math.min(low[i], c); high[i] = Math.max(high[i], c); });
    }
  }
  return [pixel.r, pixel.g, pixel.b].every((c, i) => c >= low[i] - 2 && c <= high[i] + 2) && !near(pixel, '#000000', 0);
}
