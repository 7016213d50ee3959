// index.html: every previewed client side by side, grouped by stack, each a
// picture (the PNG, or the HTML page itself scaled down when there is none)
// that links to its HTML page.
import * as path from 'path';
import { WINDOW } from './browser';
import { cspMeta, escapeHtml } from './html';
import type { PreviewResult } from './write-previews';

/**
 * The gallery's Content-Security-Policy: as a page's (html.ts PAGE_CSP), but
 * its pictures and frames are the preview's own files beside it.
 */
export const GALLERY_CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src 'self' file: data:; "
  + "frame-src 'self' file:; base-uri 'none'; form-action 'none'";

/** How much smaller than the rendered window a card shows a page. */
const SCALE = 0.3;

export function galleryPage(assemblyDir: string, outDir: string, result: PreviewResult): string {
  const link = (file: string) => escapeHtml(path.relative(outDir, file).split(path.sep).join('/'));
  const width = Math.round(WINDOW.width * SCALE);
  const height = Math.round(WINDOW.height * SCALE);
  const stacks = [...new Set(result.pages.map((page) => page.stack))];
  const sections = stacks.map((stack) => {
    const cards = result.pages.filter((page) => page.stack === stack).map((page) => {
      const picture = page.png
        ? `<img src="${link(page.png)}" width="${width}" height="${height}" alt="">`
        // sandbox: a framed page runs no script even in a browser that ignored its policy.
        : `<iframe sandbox src="${link(page.html)}" style="width:${WINDOW.width}px;height:${WINDOW.height}px;transform:scale(${SCALE});transform-origin:0 0" `
          + 'tabindex="-1"></iframe>';
      const problems = page.problems.map((p) => `<div class="problem">${escapeHtml(p)}</div>`).join('');
      return `<a class="card" href="${link(page.html)}"><div class="picture" style="width:${width}px;height:${height}px">${picture}</div>`
        + `<div class="caption"><b>${escapeHtml(page.client)}</b> · ${escapeHtml(page.kind)} · ${page.mode}</div>${problems}</a>`;
    });
    return `<h2>${escapeHtml(stack)}</h2><div class="cards">${cards.join('\n')}</div>`;
  });
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">${cspMeta(GALLERY_CSP)}<title>Login page previews</title>
<style>
body { margin: 24px; font-family: Arial, sans-serif; color: #16191f; background: #f2f3f3; }
.cards { display: flex; flex-wrap: wrap; gap: 16px; }
.card { display: block; padding: 8px; background: #ffffff; border: 1px solid #d5dbdb; border-radius: 8px; color: inherit; text-decoration: none; }
.picture { overflow: hidden; border: 1px solid #eaeded; }
.picture iframe { border: 0; pointer-events: none; }
.caption { margin-top: 6px; font-size: 13px; }
.problem { font-size: 12px; color: #d91515; }
.note { color: #545b64; }
</style></head><body>
<h1>Login page previews</h1>
<p class="note">Previews of layout and colors from the cloud assembly ${escapeHtml(assemblyDir)}, not copies of AWS's pages:
fonts, exact spacing and what AWS changes later differ. ${result.noBrowser ? escapeHtml(result.noBrowser) : ''}</p>
${sections.length ? sections.join('\n') : '<p>No login page styles in this assembly.</p>'}
</body></html>
`;
}
