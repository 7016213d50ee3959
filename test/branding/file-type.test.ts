import { detectImageType } from '../../src/private/file-type';
import { ico, jpeg, png, svg, webp } from '../../standin/sample-images';

describe('detectImageType', () => {
  test.each([
    ['PNG', png()],
    ['JPEG', jpeg()],
    ['ICO', ico()],
    ['WEBP', webp()],
    ['SVG', svg()],
  ])('recognizes %s by its content', (type, bytes) => {
    // WHEN / THEN
    expect(detectImageType(bytes)).toBe(type);
  });

  test.each([
    ['a bare svg root', '<svg width="1" height="1"/>'],
    ['a byte-order mark and a DOCTYPE', '\ufeff<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd">\n<svg></svg>'],
    ['several comments and a processing instruction', '<?xml version="1.0"?><!-- a --><?xml-stylesheet href="s.css"?>\n<!-- b --><svg\nviewBox="0 0 1 1"></svg>'],
  ])('recognizes SVG with %s', (_, text) => {
    // WHEN / THEN
    expect(detectImageType(Buffer.from(text))).toBe('SVG');
  });

  test.each([
    ['GIF', Buffer.from('GIF89a....')],
    ['HTML', Buffer.from('<html><svg></svg></html>')],
    ['an svg-like element name', Buffer.from('<svgfoo/>')],
    ['a RIFF that is not WEBP', Buffer.from('RIFF\0\0\0\0WAVEfmt ')],
    ['an ICONDIR with no image', Buffer.from([0, 0, 1, 0, 0, 0])],
    ['a cursor (type 2)', Buffer.from([0, 0, 2, 0, 1, 0])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_, bytes) => {
    // WHEN / THEN
    expect(detectImageType(bytes)).toBeUndefined();
  });
});
