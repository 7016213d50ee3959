// What an SVG asset may hold, checked at synth on the parsed document (not
// its text), so that a prefix (`<svg:script>`), a character reference
// (`javascript&#58;`) or an element of another vocabulary (`<foreignObject>`,
// an XHTML `<script>`) cannot slip past. A login page shows the asset as a
// picture: what the picture needs is allowed, nothing else.
import { DOMParser } from '@xmldom/xmldom';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * The namespaces whose elements a browser acts on, besides SVG: elements of
 * any other namespace (Inkscape's, Sodipodi's, RDF and Dublin Core metadata,
 * Adobe's) are data a viewer ignores ("Foreign namespaces and private data",
 * SVG 1.1 section 23.5), so they may stay; these may not.
 */
const ACTIVE_NAMESPACES: { readonly [namespace: string]: string } = {
  'http://www.w3.org/1999/xhtml': 'XHTML',
  'http://www.w3.org/1998/Math/MathML': 'MathML',
  'http://www.w3.org/1999/XSL/Transform': 'XSLT',
};

/**
 * The SVG elements allowed: the subset of the SVG 2 element index
 * (w3.org/TR/SVG2/eltindex.html) and the Filter Effects Module's primitives
 * that draws a still picture. Left out: `script`; `foreignObject` (it embeds
 * HTML); `a` (a link, where a javascript: URL would go; a picture on a login
 * page links nowhere); the animation elements `animate`, `animateMotion`,
 * `animateTransform`, `set` and `mpath` (they can set any attribute, an href
 * to script among them); `switch` (it only chooses between the above and
 * foreignObject); `view`; and the SVG 1.1 font and glyph elements SVG 2 dropped.
 */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  // Structure and description
  'svg', 'g', 'defs', 'symbol', 'use', 'desc', 'title', 'metadata', 'style',
  // Shapes, text and embedded raster images
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath', 'image',
  // Paint servers, clipping, masking, markers
  'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker',
  // Filter effects (w3.org/TR/filter-effects-1)
  'filter', 'feBlend', 'feColorMatrix', 'feComponentTransfer', 'feComposite', 'feConvolveMatrix', 'feDiffuseLighting',
  'feDisplacementMap', 'feDistantLight', 'feDropShadow', 'feFlood', 'feFuncA', 'feFuncB', 'feFuncG', 'feFuncR',
  'feGaussianBlur', 'feImage', 'feMerge', 'feMergeNode', 'feMorphology', 'feOffset', 'fePointLight',
  'feSpecularLighting', 'feSpotLight', 'feTile', 'feTurbulence',
]);

/**
 * Where a reference (`href`, `xlink:href`, CSS `url()`) may point: a fragment
 * of the file itself (`#gradient1`), or a raster image inside it. Never a
 * file elsewhere, another SVG (its content would not be checked) or a script URL.
 */
const ALLOWED_REFERENCE = /^(#|data:image\/(png|jpeg|gif|webp)[;,])/i;
const REFERENCES_ALLOWED = 'a #fragment of the file or a data:image/png, jpeg, gif or webp URL';

/** Reported rejected by Cognito (lgallard/terraform-aws-cognito-user-pool PR 238). */
const COGNITO_REJECTS = /dominant-baseline/i;

/** A node as far as the walk reads it. */
interface XmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly localName?: string | null;
  readonly namespaceURI?: string | null;
  readonly lineNumber?: number;
  readonly nodeValue?: string | null;
  readonly textContent?: string | null;
  readonly childNodes: { readonly length: number; readonly [index: number]: XmlNode };
  readonly attributes?: { readonly length: number; readonly [index: number]: XmlAttribute };
}

interface XmlAttribute {
  readonly name: string;
  readonly localName: string;
  readonly namespaceURI: string | null;
  readonly value: string;
}

const ELEMENT_NODE = 1;
const PROCESSING_INSTRUCTION_NODE = 7;

/**
 * What in an SVG text is not allowed, each as a phrase that follows "an SVG
 * without": the element or attribute, its line, and what is allowed. Empty
 * when nothing is. Values are read as the parser decoded them (entities and
 * character references resolved, namespace prefixes resolved to namespaces).
 */
export function findSvgHazards(svg: string): string[] {
  const hazards: string[] = [];
  const malformed = (message: string) => `malformed XML (${message.split('\n')[0].trim()}): the file must be well-formed XML`;
  let document: XmlNode & { readonly doctype?: { readonly internalSubset?: string } | null };
  try {
    document = new DOMParser({
      onError: (level: string, message: string) => {
        if (level !== 'warning') hazards.push(malformed(message));
      },
    }).parseFromString(svg, 'image/svg+xml') as unknown as typeof document;
  } catch (error) {
    const message = malformed((error as Error).message);
    return hazards.includes(message) ? hazards : [...hazards, message];
  }
  if (document.doctype?.internalSubset?.trim()) {
    // Entities it declares would be expanded by a browser, not by this check.
    hazards.push('a DOCTYPE with an internal subset ([...] with <!ENTITY> declarations); allowed: no DOCTYPE, or one without [...]');
  }
  const pending: XmlNode[] = [document];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.nodeType === PROCESSING_INSTRUCTION_NODE && node.nodeName !== 'xml') {
      hazards.push(`the processing instruction <?${node.nodeName}?>${at(node)}: it can apply a stylesheet or transformation from elsewhere; allowed: none but <?xml ...?>`);
    }
    if (node.nodeType === ELEMENT_NODE) {
      hazards.push(...elementHazards(node));
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) {
      pending.push(node.childNodes[i]);
    }
  }
  return hazards;
}

/** What is wrong with one element and its attributes (not its children). */
function elementHazards(element: XmlNode): string[] {
  const hazards: string[] = [];
  const shown = `<${element.nodeName}>${at(element)}`;
  const namespace = element.namespaceURI ?? '';
  const name = element.localName ?? element.nodeName;
  if (ACTIVE_NAMESPACES[namespace] !== undefined) {
    hazards.push(`${shown}, an element of ${ACTIVE_NAMESPACES[namespace]}; allowed: SVG elements (${[...SVG_ELEMENTS].join(', ')}), and elements of namespaces no browser acts on, such as an editor's metadata`);
  } else if ((namespace === SVG_NS || namespace === '') && !SVG_ELEMENTS.has(name)) {
    // No namespace is how an SVG without xmlns reads: checked as SVG, the stricter reading.
    hazards.push(`${shown}, the SVG element "${name}"; allowed SVG elements: ${[...SVG_ELEMENTS].join(', ')}`);
  }
  for (let i = 0; i < (element.attributes?.length ?? 0); i++) {
    const attribute = element.attributes![i];
    if (attribute.namespaceURI !== XMLNS_NS) {
      hazards.push(...attributeHazards(attribute, shown));
    }
  }
  if (name === 'style' && (namespace === SVG_NS || namespace === '')) {
    const css = element.textContent ?? '';
    const where = `the stylesheet of ${shown}`;
    hazards.push(...styleHazards(css, where), ...valueHazards(css, where));
  }
  return hazards;
}

function attributeHazards(attribute: XmlAttribute, element: string): string[] {
  const where = `the attribute ${attribute.name}="${cut(attribute.value)}" of ${element}`;
  const hazards: string[] = [];
  if (/^on/i.test(attribute.localName)) {
    hazards.push(`${where}: an event handler; allowed: no on* attributes`);
  }
  if (COGNITO_REJECTS.test(attribute.localName)) {
    hazards.push(`${where}: the dominant-baseline attribute, which Cognito rejects`);
  }
  if (attribute.localName === 'href' && (attribute.namespaceURI === null || attribute.namespaceURI === XLINK_NS)
    && !ALLOWED_REFERENCE.test(attribute.value.trim())) {
    // A script URL in it is one of these: said once.
    hazards.push(`${where}: a reference elsewhere; allowed: ${REFERENCES_ALLOWED}`);
  } else {
    hazards.push(...valueHazards(attribute.value, where));
  }
  if (attribute.localName === 'style') {
    hazards.push(...styleHazards(attribute.value, where));
  }
  return hazards;
}

/** Checks every attribute value: script URLs and CSS `url()` references. */
function valueHazards(value: string, where: string): string[] {
  const hazards: string[] = [];
  // A browser drops tabs and line breaks inside a URL (WHATWG URL standard), so `java&#9;script:` is a script URL too.
  if (/javascript:/i.test(value.replace(/[\s\u0000-\u001f]+/g, ''))) {
    hazards.push(`${where}: a javascript: URL; allowed: ${REFERENCES_ALLOWED}`);
  }
  for (const match of value.matchAll(/url\(\s*(['"]?)(.*?)\1\s*\)/gi)) {
    if (!ALLOWED_REFERENCE.test(match[2].trim())) {
      hazards.push(`${where}: url(${cut(match[2])}) points elsewhere; allowed: ${REFERENCES_ALLOWED}`);
    }
  }
  return hazards;
}

/** A `<style>` element's text or a `style` attribute, as CSS: no import, no escape that could hide one, nothing Cognito rejects. */
function styleHazards(css: string, where: string): string[] {
  const hazards: string[] = [];
  if (/@import/i.test(css)) {
    hazards.push(`${where}: @import loads a stylesheet from elsewhere; allowed: rules of this file only`);
  }
  if (css.includes('\\')) {
    hazards.push(`${where}: a CSS escape (it could hide an import or a URL); allowed: CSS without backslashes`);
  }
  if (COGNITO_REJECTS.test(css)) {
    hazards.push(`${where}: the dominant-baseline property, which Cognito rejects`);
  }
  return hazards;
}

function at(node: XmlNode): string {
  return node.lineNumber ? ` at line ${node.lineNumber}` : '';
}

/** A value short enough for an error message. */
function cut(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
