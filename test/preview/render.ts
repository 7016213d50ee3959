// Test helpers: synthesize an app into a temporary cloud assembly, write its
// previews with the real browser, and find where elements landed on the
// screenshot by asking the same browser for their boxes.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { readPng, Png } from './png';
import { WINDOW, findBrowser, runBrowser } from '../../src/preview/browser';
import { PAGE_CSP } from '../../src/preview/html';
import { PreviewResult, writePreviews } from '../../src/preview/write-previews';

/** The browser the tests render with, or undefined (the tests then skip, saying why). */
export const BROWSER = findBrowser();

/** Why browser tests skip, shown in their names. */
export const NO_BROWSER_REASON = 'SKIPPED: no Chromium on this machine and scripts/browser.sh could not install one';

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `cdk-cognito-login-${prefix}-`));
}

/** Synthesizes the app made by `createApp` and writes its previews; returns the result and the output folder. */
export async function previewApp(createApp: (props: { outdir: string }) => App, options: { browser?: string | false } = {}): Promise<PreviewResult> {
  const assembly = tempDir('assembly');
  createApp({ outdir: assembly }).synth();
  return writePreviews(assembly, tempDir('preview'), { browser: options.browser ?? BROWSER ?? false });
}

/** A box on the page, in CSS pixels = screenshot pixels. */
export interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** The page's screenshot and the boxes of its `data-preview` elements, by marker. */
export interface Rendered {
  readonly png: Png;
  readonly boxes: { readonly [marker: string]: Box[] };
}

/** The one page of `client` in `mode`. */
export function page(result: PreviewResult, client: string, mode: 'light' | 'dark') {
  const found = result.pages.find((p) => p.client === client && p.mode === mode);
  if (!found) throw new Error(`no preview of ${client} in ${mode} mode among ${result.pages.map((p) => `${p.client}.${p.mode}`).join(', ')}`);
  return found;
}

/**
 * Reads the page's PNG, and measures its elements in the same browser and
 * window: a copy of the HTML with a script that lists the boxes after load.
 */
export function rendered(result: PreviewResult, client: string, mode: 'light' | 'dark'): Promise<Rendered> {
  const found = page(result, client, mode);
  // Several tests look at the same page: measure it once.
  if (!measured.has(found.html)) {
    measured.set(found.html, measure(found.html, found.png!));
  }
  return measured.get(found.html)!;
}

const measured = new Map<string, Promise<Rendered>>();

async function measure(htmlFile: string, pngFile: string): Promise<Rendered> {
  const found = { html: htmlFile, png: pngFile };
  const probe = found.html.replace(/\.html$/, '.measure.html');
  // Chromium's --dump-dom window keeps room for browser UI that --screenshot's
  // does not, so its viewport is shorter: the probe pins the screenshot's height.
  const html = fs.readFileSync(found.html, 'utf8').replace(/100vh/g, `${WINDOW.height}px`);
  fs.writeFileSync(probe, allowingMeasure(html).replace('</body>', `${MEASURE_SCRIPT}</body>`));
  const dom = await runBrowser(BROWSER!, probe, '--dump-dom');
  fs.rmSync(probe);
  const json = /<pre id="preview-boxes">([\s\S]*?)<\/pre>/.exec(dom)?.[1];
  if (json === undefined) throw new Error(`the browser measured nothing in ${found.html}`);
  return { png: readPng(found.png!), boxes: JSON.parse(json.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')) };
}

/** The nonce of the measuring script: the page's policy allows no script, the probe's allows this one. */
const MEASURE_NONCE = 'preview-measure';

/** The page with its policy allowing the measuring script, and only it. */
export function allowingMeasure(html: string): string {
  const policy = PAGE_CSP.replace("script-src 'none'", `script-src 'nonce-${MEASURE_NONCE}'`);
  if (policy === PAGE_CSP || !html.includes(PAGE_CSP.replace(/'/g, '&#39;'))) throw new Error('the page has no policy with script-src \'none\' to change');
  return html.replace(PAGE_CSP.replace(/'/g, '&#39;'), policy.replace(/'/g, '&#39;'));
}

const MEASURE_SCRIPT = `<script nonce="${MEASURE_NONCE}">
window.addEventListener('load', () => {
  const boxes = {};
  for (const element of document.querySelectorAll('[data-preview]')) {
    const box = element.getBoundingClientRect();
    (boxes[element.dataset.preview] = boxes[element.dataset.preview] || []).push({ x: box.x, y: box.y, width: box.width, height: box.height });
  }
  const out = document.createElement('pre');
  out.id = 'preview-boxes';
  out.textContent = JSON.stringify(boxes);
  document.body.appendChild(out);
});
</script>`;

/** The one box of a marker. */
export function box(shown: Rendered, marker: string): Box {
  const boxes = shown.boxes[marker] ?? [];
  if (boxes.length !== 1) throw new Error(`expected one "${marker}", found ${boxes.length}`);
  return boxes[0];
}

/** The centre of a box. */
export function centre(b: Box): [number, number] {
  return [b.x + b.width / 2, b.y + b.height / 2];
}

/** A point inside a box, at its vertical centre but clear of a centred label: where a button shows its own color. */
export function fill(b: Box): [number, number] {
  return [b.x + 12, b.y + b.height / 2];
}
