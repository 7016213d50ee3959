/**
 * The image formats Cognito takes, told by their bytes. Managed login assets
 * declare an `Extension` (AssetExtensionType in botocore's cognito-idp model:
 * ICO, JPEG, PNG, SVG, WEBP) and Cognito refuses bytes of another format; the
 * classic logo must be "a valid .jpeg or .png file" (InvalidParameterException
 * of SetUICustomization,
 * https://docs.aws.amazon.com/cognito/latest/developerguide/hosted-ui-classic-branding.html).
 * Each format is recognised by the start its own specification gives it.
 */
export type ImageExtension = 'ICO' | 'JPEG' | 'PNG' | 'SVG' | 'WEBP';

/** Whether `bytes` are of the format an asset's `Extension` names; false for a name that is none of the five. */
export function isOfFormat(extension: string, bytes: Buffer): boolean {
  const test = FORMAT_TESTS[extension as ImageExtension];
  return test !== undefined && test(bytes);
}

const FORMAT_TESTS: { readonly [extension in ImageExtension]: (bytes: Buffer) => boolean } = {
  // PNG signature, https://www.w3.org/TR/png-3/#5PNG-file-signature
  PNG: (bytes) => bytes.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  // SOI marker FF D8, then the next marker's FF (ITU-T T.81, B.1.1.3 and B.2.1), https://www.w3.org/Graphics/JPEG/itu-t81.pdf
  JPEG: (bytes) => bytes.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')),
  // ICONDIR: idReserved 0, idType 1 (icon), idCount at least 1, https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)
  ICO: (bytes) => bytes.length >= 6 && bytes.readUInt16LE(0) === 0 && bytes.readUInt16LE(2) === 1 && bytes.readUInt16LE(4) >= 1,
  // A RIFF container of form type WEBP, https://developers.google.com/speed/webp/docs/riff_container
  WEBP: (bytes) => bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP',
  SVG: (bytes) => rootElementName(bytes) === 'svg',
};

/** How much of a file the root element is looked for in: XML declarations, comments and doctypes are short. */
const XML_HEAD_BYTES = 4096;

/**
 * The name of an XML document's root element: what follows the byte-order
 * mark and the prolog (XML declaration, comments, processing instructions,
 * document type declaration; https://www.w3.org/TR/xml/#sec-prolog-dtd).
 * SVG is the XML document whose root is `svg`, https://www.w3.org/TR/SVG2/struct.html#SVGElement.
 */
function rootElementName(bytes: Buffer): string | undefined {
  let rest = bytes.subarray(0, XML_HEAD_BYTES).toString('utf8').replace(/^\uFEFF/, '');
  for (;;) {
    rest = rest.trimStart();
    const closer = rest.startsWith('<?') ? '?>' : rest.startsWith('<!--') ? '-->' : /^<!DOCTYPE/i.test(rest) ? '>' : undefined;
    if (closer === undefined) {
      break;
    }
    const at = rest.indexOf(closer);
    if (at < 0) {
      return undefined;
    }
    rest = rest.slice(at + closer.length);
  }
  return /^<([^\s>/]+)[\s>/]/.exec(rest)?.[1];
}
