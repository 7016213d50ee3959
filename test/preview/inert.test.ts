// The preview draws what a cloud assembly holds, and anyone can write one: a
// classic stylesheet that closes its <style> element and opens a <script>
// (in a staged CSS file, or in an L1 customization, which has no synth check)
// must end up as inert text, under a policy that runs no script. Pages are read with parse5, the HTML standard's parsing
// algorithm, so the test sees the elements a browser would build.
import * as fs from 'fs';
import * as path from 'path';
import { App, AppProps, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { DefaultTreeAdapterMap, parse } from 'parse5';
import { BROWSER, NO_BROWSER_REASON, previewApp, tempDir } from './render';
import { codeGrantClient, exampleApp, plainLoginPool } from '../../examples/app';
import { ClassicCss, ClassicLoginCustomization } from '../../src';
import { runBrowser } from '../../src/preview/browser';
import { GALLERY_CSP } from '../../src/preview/gallery';
import { PAGE_CSP } from '../../src/preview/html';
import { PreviewResult, writePreviews } from '../../src/preview/write-previews';

jest.setTimeout(60_000);

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** What a script in the stylesheet would do if it ran. */
const SCRIPT_TITLE = 'script ran';
const ESCAPE = `</style><script>document.title = '${SCRIPT_TITLE}'</script><style>`;

/** A classic customization of the library, its stylesheet staged as a file of the assembly. */
function classicCssApp(props: AppProps): App {
  const app = exampleApp(props);
  const stack = new Stack(app, 'Classic', { env: { account: '123456789012', region: 'eu-west-1' } });
  const { userPool } = plainLoginPool(stack, 'acme-inert', cognito.ManagedLoginVersion.CLASSIC_HOSTED_UI);
  codeGrantClient(userPool, 'Web', 'https://app.example.com/callback');
  new ClassicLoginCustomization(stack, 'Pages', {
    userPool,
    css: ClassicCss.fromString('.submitButton-customizable { background-color: #ff9900; }'),
  });
  return app;
}

/**
 * The previews of classicCssApp after its staged stylesheet got the markup in
 * a comment, as in an assembly from before synth refused that, or written by
 * hand: the preview reads assemblies, not apps.
 */
async function previewStagedCss(): Promise<PreviewResult> {
  const assembly = tempDir('assembly');
  classicCssApp({ outdir: assembly }).synth();
  const [staged] = fs.readdirSync(assembly).filter((file) => file.endsWith('.css'));
  fs.writeFileSync(path.join(assembly, staged), `/* ${ESCAPE} */\n${fs.readFileSync(path.join(assembly, staged), 'utf8')}`);
  return writePreviews(assembly, tempDir('preview'), { browser: false });
}

/** aws-cdk-lib's own L1, whose CSS no check of this library sees. */
function l1App(props: AppProps): App {
  const app = new App(props);
  const stack = new Stack(app, 'L1Classic');
  const userPool = new cognito.UserPool(stack, 'Pool');
  userPool.addClient('Shop', { userPoolClientName: 'Shop' });
  new cognito.CfnUserPoolUICustomizationAttachment(stack, 'Pages', {
    userPoolId: userPool.userPoolId,
    clientId: 'ALL',
    css: `.submitButton-customizable { background-color: #ff9900; }${ESCAPE}`,
  });
  return app;
}

function elements(node: Node, found: Element[] = []): Element[] {
  if ('tagName' in node) found.push(node);
  for (const child of 'childNodes' in node ? node.childNodes : []) elements(child, found);
  // A <template>'s content is a fragment of its own.
  if ('content' in node && node.content) elements(node.content, found);
  return found;
}

const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value;
const text = (element: Element) => element.childNodes.map((c) => ('value' in c ? c.value : '')).join('');

/** The elements of an HTML document as a browser's parser builds them. */
function parsePage(file: string): Element[] {
  return elements(parse(fs.readFileSync(file, 'utf8')));
}

/** The policy the page's first <meta http-equiv> sets, if any. */
function policyOf(page: Element[]): string | undefined {
  const meta = page.find((e) => e.tagName === 'meta' && attr(e, 'http-equiv')?.toLowerCase() === 'content-security-policy');
  return meta && attr(meta, 'content');
}

describe.each([
  ['a ClassicLoginCustomization whose staged CSS holds </style><script> in a comment', previewStagedCss, 'Web'],
  ['a CfnUserPoolUICustomizationAttachment whose CSS holds </style><script>', () => previewApp(l1App, { browser: false }), 'Shop'],
])('GIVEN %s', (_, preview, client) => {
  let result: PreviewResult;
  beforeAll(async () => {
    // WHEN its previews are written (HTML only: the browser checks are below)
    result = await preview();
  });

  test('THEN the page has no script element, a policy that allows none, and the CSS inside its <style> element', () => {
    const page = parsePage(result.pages.find((p) => p.client === client)!.html);
    expect(page.filter((e) => e.tagName === 'script')).toEqual([]);
    expect(policyOf(page)).toBe(PAGE_CSP);
    expect(PAGE_CSP).toContain("script-src 'none'");
    const users = page.filter((e) => e.tagName === 'style').map(text).find((css) => css.includes('.submitButton-customizable { background-color: #ff9900; }'));
    // The whole stylesheet stayed in one element, its `<` written as a CSS escape.
    expect(users).toContain("\\3c /style>\\3c script>document.title = 'script ran'\\3c /script>\\3c style>");
  });

  test('THEN the gallery has a policy that allows no script, and frames its pages sandboxed', () => {
    const gallery = parsePage(result.index);
    expect(gallery.filter((e) => e.tagName === 'script')).toEqual([]);
    expect(policyOf(gallery)).toBe(GALLERY_CSP);
    expect(GALLERY_CSP).toContain("script-src 'none'");
    const frames = gallery.filter((e) => e.tagName === 'iframe');
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.every((frame) => attr(frame, 'sandbox') === '')).toBe(true);
  });
});

(BROWSER ? describe : describe.skip)(`in Chromium${BROWSER ? '' : ` (${NO_BROWSER_REASON})`}`, () => {
  test('GIVEN the L1 page, and a copy of it with a script that got past the escaping WHEN Chromium loads them THEN neither script runs', async () => {
    const result = await previewApp(l1App, { browser: false });
    const html = result.pages[0].html;
    const injected = `${tempDir('inert')}/injected.html`;
    fs.writeFileSync(injected, fs.readFileSync(html, 'utf8').replace('</body>', `<script>document.title = '${SCRIPT_TITLE}'</script></body>`));

    for (const file of [html, injected]) {
      const dom = elements(parse(await runBrowser(BROWSER!, file, '--dump-dom')));
      expect(text(dom.find((e) => e.tagName === 'title')!)).toMatch(/^Preview: L1Classic \/ Shop: classic hosted UI/);
    }
  });
});
