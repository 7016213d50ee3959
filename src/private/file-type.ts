/**
 * Image types told apart by content, never by file name: Cognito rejects an
 * asset whose bytes do not match its declared extension (a FAVICON_ICO with
 * PNG bytes, a classic logo that is "not a valid .jpeg or .png file").
 */
export type ImageType = 'PNG' | 'JPEG' | 'ICO' | 'WEBP' | 'SVG';

/** Every type detectImageType can return, in the order error messages list them. */
export const IMAGE_TYPES: readonly ImageType[] = ['ICO', 'JPEG', 'PNG', 'SVG', 'WEBP'];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** How far into a file the SVG root is looked for; prologs and comments are short. */
const SVG_SNIFF_BYTES = 4096;

/** The type of an image from its first bytes, or undefined when it is none of the five. */
export function detectImageType(bytes: Buffer): ImageType | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) {
    return 'PNG';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return 'JPEG';
  }
  // ICONDIR: reserved 0, type 1 (icon), then at least one image.
  if (bytes.length >= 6 && bytes.readUInt16LE(0) === 0 && bytes.readUInt16LE(2) === 1 && bytes.readUInt16LE(4) > 0) {
    return 'ICO';
  }
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    return 'WEBP';
  }
  if (isSvg(bytes)) {
    return 'SVG';
  }
  return undefined;
}

/**
 * True for text whose root element is `<svg`, after an optional byte-order
 * mark, XML declaration, comments, processing instructions and DOCTYPE.
 */
function isSvg(bytes: Buffer): boolean {
  let text = bytes.subarray(0, SVG_SNIFF_BYTES).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  const prolog = /^\s*(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)/i;
  let match = prolog.exec(text);
  while (match) {
    text = text.slice(match[0].length);
    match = prolog.exec(text);
  }
  return /^\s*<svg[\s>/]/.test(text);
}

function startsWith(bytes: Buffer, prefix: Buffer): boolean {
  return bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);
}
