// SVG assets are checked on the parsed document: what a regular expression
// over the text missed (a namespace prefix, a character reference, an element
// that embeds HTML) is refused at synth, and what drawing programs write is not.
import * as fs from 'fs';
import * as path from 'path';
import { poolStack } from './stacks';
import { EXAMPLE_ASSETS } from '../../examples/house-style';
import { BrandingAsset, BrandingCategory, BrandingColorMode, ManagedLoginBranding } from '../../src';
import { findSvgHazards } from '../../src/branding/private/svg-hazards';
import { svg, writeTemp } from '../../standin/sample-images';

const LOGO = { category: BrandingCategory.FORM_LOGO, colorMode: BrandingColorMode.LIGHT };

/** Synthesizes a style whose form logo is `bytes`; returns the error message, or undefined when it is accepted. */
function synthError(bytes: Buffer | string): string | undefined {
  const { stack, pool, client } = poolStack();
  const file = writeTemp('logo.svg', bytes);
  try {
    new ManagedLoginBranding(stack, 'Branding', { userPool: pool, client, assets: [BrandingAsset.fromFile(file, LOGO)] });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** A logo as Inkscape saves it: editor namespaces and metadata, gradients in defs, styles, a clip path and a filter. */
const INKSCAPE_LOGO = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg
   width="120mm" height="40mm" viewBox="0 0 120 40" version="1.1" id="svg5"
   inkscape:version="1.3 (0e150ed6c4, 2023-07-21)" sodipodi:docname="logo.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview7" pagecolor="#ffffff" bordercolor="#666666" borderopacity="1.0"
     inkscape:pageshadow="2" inkscape:pageopacity="0.0" inkscape:document-units="mm" showgrid="false" />
  <defs id="defs2">
    <linearGradient inkscape:collect="always" id="linearGradient1">
      <stop style="stop-color:#ff9900;stop-opacity:1" offset="0" id="stop1" />
      <stop style="stop-color:#232f3e;stop-opacity:1" offset="1" id="stop2" />
    </linearGradient>
    <linearGradient xlink:href="#linearGradient1" id="linearGradient2" x1="0" y1="0" x2="120" y2="40" gradientUnits="userSpaceOnUse" />
    <clipPath id="clip1"><rect x="0" y="0" width="120" height="40" rx="4" /></clipPath>
    <filter style="color-interpolation-filters:sRGB" id="shadow" x="-0.1" y="-0.1" width="1.2" height="1.2">
      <feFlood flood-opacity="0.5" flood-color="rgb(0,0,0)" result="flood" />
      <feComposite in="flood" in2="SourceGraphic" operator="in" result="composite1" />
      <feGaussianBlur in="composite1" stdDeviation="1" result="blur" />
      <feOffset dx="1" dy="1" result="offset" />
      <feComposite in="SourceGraphic" in2="offset" operator="over" result="composite2" />
    </filter>
  </defs>
  <metadata id="metadata5">
    <rdf:RDF><cc:Work rdf:about=""><dc:format>image/svg+xml</dc:format>
      <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage" /><dc:title>Acme</dc:title></cc:Work></rdf:RDF>
  </metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1" clip-path="url(#clip1)">
    <rect style="fill:url(#linearGradient2);fill-opacity:1;stroke:none;filter:url(#shadow)" width="120" height="40" x="0" y="0" id="rect1" />
    <path d="m 10,30 10,-20 10,20 z" style="fill:#ffffff" id="path1" sodipodi:nodetypes="cccc" />
    <text xml:space="preserve" style="font-size:12px;font-family:sans-serif;fill:#ffffff" x="40" y="25" id="text1"><tspan sodipodi:role="line" id="tspan1" x="40" y="25">Acme</tspan></text>
    <use xlink:href="#path1" transform="translate(70,0)" id="use1" />
    <image width="4" height="4" x="110" y="2" xlink:href="data:image/png;base64,iVBORw0KGgo=" id="image1" />
  </g>
</svg>
`;

/** As Illustrator exports it: a DOCTYPE without internal subset, a style element with classes. */
const ILLUSTRATOR_LOGO = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 100 100" style="enable-background:new 0 0 100 100;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#FF9900;}
	.st1{fill:url(#SVGID_1_);}
</style>
<radialGradient id="SVGID_1_" cx="50" cy="50" r="40" gradientUnits="userSpaceOnUse">
	<stop  offset="0" style="stop-color:#FFFFFF"/>
	<stop  offset="1" style="stop-color:#232F3E"/>
</radialGradient>
<circle class="st1" cx="50" cy="50" r="40"/>
<polygon class="st0" points="50,20 60,50 50,80 40,50 "/>
</svg>
`;

describe('SVG assets that draw a picture are accepted', () => {
  test.each([
    ['an Inkscape logo (editor namespaces, metadata, gradients, a filter, local references)', INKSCAPE_LOGO],
    ['an Illustrator logo (DOCTYPE, <style> with url(#id))', ILLUSTRATOR_LOGO],
    ['the examples\' favicon', fs.readFileSync(path.join(EXAMPLE_ASSETS, 'favicon.svg'), 'utf8')],
  ])('GIVEN %s WHEN synthesized THEN no error', (_, text) => {
    expect(findSvgHazards(text)).toEqual([]);
    expect(synthError(text)).toBeUndefined();
  });
});

describe('SVG content that could run or load something is refused at synth, naming the element or attribute and what is allowed', () => {
  test.each([
    ['a prefixed script element', '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>',
      /assets\[0\] ".*logo\.svg" is invalid: an SVG without <svg:script> at line 3, the SVG element "script"; allowed SVG elements: svg, g, defs/],
    ['a javascript: link hidden by a character reference', '<a href="javascript&#58;alert(1)"><rect width="1" height="1"/></a>',
      /an SVG without <a> at line 3, the SVG element "a"; allowed SVG elements: .*\n.*an SVG without the attribute href="javascript:alert\(1\)" of <a> at line 3: a reference elsewhere; allowed: a #fragment of the file or a data:image\/png, jpeg, gif or webp URL/],
    ['a foreignObject embedding HTML', '<foreignObject width="10" height="10"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://phish.example"/></div></foreignObject>',
      /an SVG without <foreignObject> at line 3, the SVG element "foreignObject"; allowed SVG elements: .*\n.*an SVG without <div> at line 3, an element of XHTML; allowed: SVG elements/],
  ])('GIVEN %s WHEN synthesized THEN refused', (_, body, message) => {
    expect(synthError(svg(body))).toMatch(message);
  });

  test.each([
    ['an XHTML script under another prefix', '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>', '<h:script> at line 3, an element of XHTML'],
    ['an event handler attribute', '<g onclick = "x()"/>', 'the attribute onclick="x()" of <g> at line 3: an event handler; allowed: no on* attributes'],
    ['an event handler in a namespace', '<g xmlns:e="urn:e" e:onload="x()"/>', 'the attribute e:onload="x()" of <g> at line 3: an event handler'],
    ['a script URL split by a tab reference', '<image href="java&#9;script:alert(1)"/>', 'the attribute href="java\tscript:alert(1)" of <image> at line 3: a reference elsewhere'],
    ['a use of another file', '<use xlink:href="https://cdn.example/sprite.svg#logo" xmlns:xlink="http://www.w3.org/1999/xlink"/>',
      'the attribute xlink:href="https://cdn.example/sprite.svg#logo" of <use> at line 3: a reference elsewhere'],
    ['an image that is another SVG', '<image href="data:image/svg+xml;base64,PHN2Zy8+"/>', 'the attribute href="data:image/svg+xml;base64,PHN2Zy8+" of <image> at line 3: a reference elsewhere'],
    ['a url() to another site', '<rect fill="url(https://x.example/p.svg#a)"/>', 'url(https://x.example/p.svg#a) points elsewhere'],
    ['an @import in a style element', '<style>@import url(#a);</style>', 'the stylesheet of <style> at line 3: @import loads a stylesheet from elsewhere'],
    ['a CSS escape in a style attribute', '<rect style="fill: u\\72 l(https://x.example)"/>', 'a CSS escape (it could hide an import or a URL)'],
    ['an animation that can set an href', '<set attributeName="href" to="#a"/>', '<set> at line 3, the SVG element "set"'],
    ['dominant-baseline in a style', '<text style="dominant-baseline: central">A</text>', 'the dominant-baseline property, which Cognito rejects'],
    ['dominant-baseline as an attribute', '<text dominant-baseline="central">A</text>', 'the dominant-baseline attribute, which Cognito rejects'],
  ])('GIVEN %s THEN it is named', (_, body, hazard) => {
    expect(findSvgHazards(svg(body).toString())).toContainEqual(expect.stringContaining(hazard));
  });

  test('GIVEN entities declared in the DOCTYPE THEN refused: a browser would expand them, this check would not', () => {
    const text = '<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY js "javascript:">]>\n<svg xmlns="http://www.w3.org/2000/svg"><a href="&js;alert(1)"/></svg>';
    expect(findSvgHazards(text)).toContainEqual(expect.stringContaining('a DOCTYPE with an internal subset'));
  });

  test('GIVEN a stylesheet processing instruction THEN refused', () => {
    const text = '<?xml version="1.0"?>\n<?xml-stylesheet href="https://x.example/s.xsl" type="text/xsl"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>';
    expect(findSvgHazards(text)).toEqual([expect.stringContaining('the processing instruction <?xml-stylesheet?> at line 2')]);
  });

  test('GIVEN text that is not well-formed XML THEN refused as malformed', () => {
    expect(findSvgHazards('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>')).toEqual([
      expect.stringMatching(/^malformed XML \(.*\): the file must be well-formed XML$/),
    ]);
  });
});
