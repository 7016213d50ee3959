// The frame every preview page shares: a self-contained HTML document (images
// inline as data URIs, so a page can be mailed or opened from anywhere) under
// a bar that says it is a preview and of what. What the page embeds comes
// from a cloud assembly, which anyone can write (an L1 resource's CSS is not
// checked at synth): it is made inert where it is embedded, and the page's
// Content-Security-Policy runs no script whatever got in.
import { detectImageType } from '../private/file-type';

/** Height of the preview's own bar above the page, in CSS pixels. */
export const PREVIEW_BAR_HEIGHT = 32;

const MIME_TYPES: { readonly [type: string]: string } = {
  PNG: 'image/png', JPEG: 'image/jpeg', ICO: 'image/x-icon', WEBP: 'image/webp', SVG: 'image/svg+xml',
};

/**
 * The Content-Security-Policy of every preview page (CSP Level 3,
 * w3.org/TR/CSP3): no script at all, styles only from the page itself,
 * images only inline (the page's own data: URIs; a url() to the network in
 * a user's CSS loads nothing), no plugins, frames, fonts, forms or base URL.
 */
export const PAGE_CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** The `<meta>` that sets a policy: first in `<head>`, so it covers everything after it. */
export function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">`;
}

/**
 * A `<style>` element holding `css` that cannot end early. Its text is raw
 * (HTML escapes are not decoded there), and the element ends at the first
 * `</style` (HTML Living Standard, "script data and raw text"), so a
 * stylesheet holding `</style><script>` would close it and start markup.
 * Every `<` is written as the CSS escape `\3c ` instead (CSS Syntax Level 3,
 * "consume an escaped code point"): the same character wherever CSS reads
 * escapes (strings, identifiers, url()), plain text in a comment, and never
 * the start of a tag. Keeping the CSS inline keeps each page one
 * self-contained file, which a separate stylesheet file would not.
 */
export function styleElement(css: string): string {
  return `<style>\n${css.replace(/</g, '\\3c ')}\n</style>`;
}

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** An image as a data URI, its type told by its content (as Cognito does), not by a file name. */
export function dataUri(bytes: Buffer): string {
  const mime = MIME_TYPES[detectImageType(bytes) ?? 'PNG'];
  return `data:${mime};base64,${bytes.toString('base64')}`;
}

/** What a preview page is of, for its bar and title. */
export interface PageCaption {
  readonly stack: string;
  readonly client: string;
  /** e.g. "managed login, dark mode". */
  readonly what: string;
  /** Notes shown in the bar: problems reading the style, what the mode means for it. */
  readonly notes: readonly string[];
  /** The page's favicon, when the style has one. */
  readonly favicon?: Buffer;
}

/**
 * A whole HTML document: `<head>` with the page's own styles, then the
 * preview bar and the page's body. `css` comes in order, later entries win.
 */
export function previewDocument(caption: PageCaption, css: readonly string[], body: string): string {
  const title = `${caption.stack} / ${caption.client}: ${caption.what}`;
  const icon = caption.favicon ? dataUri(caption.favicon) : undefined;
  const notes = caption.notes.map((note) => `<span class="preview-note">${escapeHtml(note)}</span>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    cspMeta(PAGE_CSP),
    `<title>Preview: ${escapeHtml(title)}</title>`,
    icon ? `<link rel="icon" href="${icon}">` : '',
    styleElement(FRAME_CSS),
    ...css.map(styleElement),
    '</head><body>',
    '<div class="preview-bar" data-preview="preview-bar">',
    icon ? `<img class="preview-favicon" alt="favicon" src="${icon}">` : '',
    `<strong>Preview of layout and colors, not a copy of AWS's page</strong><span>${escapeHtml(title)}</span>${notes}`,
    '</div>',
    body,
    '</body></html>',
  ].join('\n');
}

/** The bar's look; the page below is each renderer's own. */
const FRAME_CSS = `
html, body { margin: 0; padding: 0; }
body { font-family: "Amazon Ember", "Helvetica Neue", Arial, sans-serif; }
.preview-bar { box-sizing: border-box; height: ${PREVIEW_BAR_HEIGHT}px; padding: 0 12px; display: flex; gap: 12px; align-items: center;
  overflow: hidden; white-space: nowrap; font: 12px/1 Arial, sans-serif; color: #ffffff; background: #414d5c; }
.preview-favicon { width: 16px; height: 16px; }
.preview-note { color: #ffe38a; }
`;
