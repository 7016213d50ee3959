// Reads a cloud assembly and writes the preview of every client's login
// pages: <out>/<stack>/<client>.<mode>.html, its .png when a browser is
// available, and <out>/index.html, a gallery of them all.
import * as fs from 'fs';
import * as path from 'path';
import { readAssembly } from './assembly';
import { PageStyle, findPageStyles } from './assembly-styles';
import { findBrowser, sandboxUnavailable, screenshot, BROWSER_ENV } from './browser';
import { classicLoginPage } from './classic-page';
import { galleryPage } from './gallery';
import { PreviewMode, managedLoginPage } from './managed-page';

export type { PreviewMode } from './managed-page';

/** Both modes, the default of `writePreviews`. */
export const ALL_MODES: readonly PreviewMode[] = ['light', 'dark'];

/** How browsers run at once when none is given: a page takes about a second each. */
const DEFAULT_CONCURRENCY = 4;

export interface PreviewOptions {
  /** The browser color modes to preview; default both. */
  readonly modes?: readonly PreviewMode[];
  /**
   * A Chromium or Chrome executable; `false` writes HTML only. Default: the
   * one $CDK_COGNITO_LOGIN_BROWSER names, else `chromium` (or Chrome) on PATH.
   */
  readonly browser?: string | false;
  /** How many browsers render at once; default 4. */
  readonly concurrency?: number;
}

/** One preview page written. */
export interface PreviewPage {
  readonly stack: string;
  readonly client: string;
  readonly kind: 'managed login' | 'classic hosted UI';
  readonly mode: PreviewMode;
  /** Path of the HTML file. */
  readonly html: string;
  /** Path of the PNG, when a browser rendered one. */
  readonly png?: string;
  /** What of the style could not be read from the assembly. */
  readonly problems: readonly string[];
}

export interface PreviewResult {
  /** The gallery of every page. */
  readonly index: string;
  readonly pages: readonly PreviewPage[];
  /** The browser that rendered the PNGs, if any. */
  readonly browser?: string;
  /** Set when no PNG was made: one line that says why. */
  readonly noBrowser?: string;
  /** Set when the browser ran without its sandbox: one line that says why. */
  readonly noSandbox?: string;
}

/** Writes the previews of every client style in the assembly at `assemblyDir` into `outDir`. */
export async function writePreviews(assemblyDir: string, outDir: string, options: PreviewOptions = {}): Promise<PreviewResult> {
  const modes = options.modes ?? ALL_MODES;
  const stacks = readAssembly(assemblyDir);
  const pages: Array<PreviewPage & { readonly source: string }> = [];
  for (const stack of stacks) {
    const styles = findPageStyles(stack);
    const names = fileNames(styles);
    const stackDir = path.join(outDir, safeName(stack.name));
    for (const [i, style] of styles.entries()) {
      fs.mkdirSync(stackDir, { recursive: true });
      for (const mode of modes) {
        const html = path.join(stackDir, `${names[i]}.${mode}.html`);
        const source = style.kind === 'managed' ? managedLoginPage(style, mode) : classicLoginPage(style);
        fs.writeFileSync(html, source);
        pages.push({
          stack: stack.name,
          client: style.client.name,
          kind: style.kind === 'managed' ? 'managed login' : 'classic hosted UI',
          mode,
          html,
          problems: style.problems,
          source,
        });
      }
    }
  }
  const browser = options.browser === false ? undefined : findBrowser(options.browser);
  const rendered = browser ? await renderAll(browser, pages, options.concurrency ?? DEFAULT_CONCURRENCY) : pages;
  const index = path.join(outDir, 'index.html');
  fs.mkdirSync(outDir, { recursive: true });
  const result: PreviewResult = {
    index,
    pages: rendered.map(({ source, ...page }) => page),
    browser,
    noBrowser: browser ? undefined : (options.browser === false
      ? 'PNGs not requested: wrote HTML only.'
      : `No Chromium found (install Debian's chromium package, or set ${BROWSER_ENV}): wrote HTML only, no PNG.`),
    noSandbox: browser && sandboxUnavailable() ? `Chromium ran without its sandbox: ${sandboxUnavailable()}.` : undefined,
  };
  fs.writeFileSync(index, galleryPage(assemblyDir, outDir, result));
  return result;
}

/**
 * Screenshots every page, a few browsers at a time. Pages whose HTML is the
 * same (a classic page in light and dark mode) are rendered once and copied.
 */
async function renderAll<P extends PreviewPage & { readonly source: string }>(browser: string, pages: P[], concurrency: number): Promise<P[]> {
  const firstWith = new Map<string, P>();
  const unique = pages.filter((page) => !firstWith.has(page.source) && firstWith.set(page.source, page));
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const page = unique[next++];
      await screenshot(browser, page.html, pngOf(page.html));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return pages.map((page) => {
    const png = pngOf(page.html);
    const original = pngOf(firstWith.get(page.source)!.html);
    if (original !== png) {
      fs.copyFileSync(original, png);
    }
    return { ...page, png };
  });
}

function pngOf(htmlFile: string): string {
  return htmlFile.replace(/\.html$/, '.png');
}

/** A file name of each style's client, unique within its stack (a second client of that name gets its resource's id). */
function fileNames(styles: PageStyle[]): string[] {
  const taken = new Set<string>();
  return styles.map((style) => {
    let name = safeName(style.client.name);
    if (taken.has(name)) {
      name = safeName(`${style.client.name}-${style.source.split(' ').pop()}`);
    }
    taken.add(name);
    return name;
  });
}

/** A name safe as a file name on every system. */
function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^[.-]+/, '') || 'unnamed';
}
