import { IConstruct } from 'constructs';
import { BrandingCategory, BrandingColorMode } from './category';
import { RESOURCE_ID_PATTERN } from './private/branding-contract';
import { MAX_ASSET_BYTES, ResolvedBrandingAsset } from './private/resolved-branding';
import { decodeBase64, describeBase64 } from '../private/base64';
import { findSvgHazards } from './private/svg-hazards';
import { detectImageType, IMAGE_TYPES, ImageType } from '../private/file-type';
import { formatBytes, readInputFile } from '../private/input-files';
import { isUnresolved, requireOneOf, ViolationCollector } from '../private/validate';

/** Options of a managed login branding asset. */
export interface BrandingAssetOptions {
  /** Where the asset appears. */
  readonly category: BrandingCategory;
  /** The display mode the asset is for. */
  readonly colorMode: BrandingColorMode;
  /**
   * Which item of the category the asset is for, e.g. the identity provider
   * of an IDP_BUTTON_ICON. 1 to 40 letters, digits, spaces, `_` or `-`.
   * @default - none
   */
  readonly resourceId?: string;
}

/** How many of an SVG's problems an error lists: enough to fix a file, not a flood from a crafted one. */
const MAX_SVG_HAZARDS = 10;

/** The file types a category takes; the favicons take one each, the rest any. */
function typesFor(category: BrandingCategory): readonly ImageType[] {
  switch (category) {
    case BrandingCategory.FAVICON_ICO: return ['ICO'];
    case BrandingCategory.FAVICON_SVG: return ['SVG'];
    default: return IMAGE_TYPES;
  }
}

/** Where an asset's bytes come from, and how errors should name it. */
interface AssetSource {
  /** Set when the bytes are a file on disk: it is staged as is. */
  readonly filePath?: string;
  /** Set when the bytes were produced at synth (decoded from a describe output). */
  readonly bytes?: Buffer;
  /** Set when the bytes were given as base64 text (fromBase64): decoded and checked when used. */
  readonly base64?: string;
  /** The Extension the source declared, checked against the content. */
  readonly declaredType?: string;
  /** The prop errors name (when not the one the asset was given as). */
  readonly prop?: string;
  /** The value errors show: the file path, the describe output file, or a description of the base64 text. */
  readonly value: string;
}

/**
 * An image of a managed login branding style: a logo, a background, a
 * favicon, a graphic or an identity provider's icon. Its bytes travel as an S3
 * asset, never inside the template.
 *
 * @exampleMetadata fixture=stack
 * @example
 * const headerLogo = BrandingAsset.fromFile('logo.png', {
 *   category: BrandingCategory.PAGE_HEADER_LOGO,
 *   colorMode: BrandingColorMode.LIGHT,
 * });
 * const favicon = BrandingAsset.fromFile('favicon.ico', {
 *   category: BrandingCategory.FAVICON_ICO,
 *   colorMode: BrandingColorMode.LIGHT,
 * });
 */
export class BrandingAsset {
  /**
   * An image file. Its type (PNG, JPEG, ICO, WEBP or SVG) is read from the
   * content, not the name; FAVICON_ICO needs an ICO file and FAVICON_SVG an
   * SVG file, the other categories take any of the five.
   *
   * @param filePath path of the image file
   * @param options category, color mode and resource id of the asset
   */
  public static fromFile(filePath: string, options: BrandingAssetOptions): BrandingAsset {
    return new BrandingAsset(options, { filePath, value: filePath });
  }

  /**
   * An image given as base64 text, for apps that generate or download their
   * images. Same checks as fromFile: the type is read from the decoded
   * content. Only strict base64 is taken (RFC 4648 section 4: `A-Z`, `a-z`,
   * `0-9`, `+`, `/`, padded with `=`; no line breaks, spaces or data: prefix).
   * The bytes are staged as a file named by their content hash, never put in
   * the template. In TypeScript: `BrandingAsset.fromBase64(bytes.toString('base64'), options)`.
   *
   * @param data the image, base64-encoded
   * @param options category, color mode and resource id of the asset
   */
  public static fromBase64(data: string, options: BrandingAssetOptions): BrandingAsset {
    return new BrandingAsset(options, { base64: data, value: describeBase64(data) });
  }

  /**
   * Bytes produced at synth, e.g. decoded from a describe output.
   * @internal
   */
  public static _fromBytes(bytes: Buffer, declaredType: string, options: BrandingAssetOptions, prop: string, value: string): BrandingAsset {
    return new BrandingAsset(options, { bytes, declaredType, prop, value });
  }

  /** Where the asset appears. */
  public readonly category: BrandingCategory;
  /** The display mode the asset is for. */
  public readonly colorMode: BrandingColorMode;
  /**
   * Which item of the category the asset is for.
   * @default - none
   */
  public readonly resourceId?: string;

  private constructor(options: BrandingAssetOptions, private readonly source: AssetSource) {
    this.category = options.category;
    this.colorMode = options.colorMode;
    this.resourceId = options.resourceId;
  }

  /**
   * Reads and checks the asset for the construct `scope`, which got it as
   * `prop`; every violation of the asset is reported in one error.
   * @internal
   */
  public _resolve(scope: IConstruct, prop: string): ResolvedBrandingAsset {
    const at = this.source.prop ?? prop;
    const value = this.source.value;
    const violations = new ViolationCollector(scope);
    violations.check(() => requireOneOf(scope, `${at}.category`, this.category, Object.values(BrandingCategory)));
    violations.check(() => requireOneOf(scope, `${at}.colorMode`, this.colorMode, Object.values(BrandingColorMode)));
    if (this.resourceId !== undefined && !isUnresolved(this.resourceId) && !RESOURCE_ID_PATTERN.test(this.resourceId)) {
      violations.add(`${at}.resourceId`, this.resourceId, '1 to 40 letters, digits, spaces, "_" or "-"');
    }

    const bytes = this.source.bytes
      ?? (this.source.base64 !== undefined
        ? violations.check(() => decodeBase64(scope, at, this.source.base64!))
        : violations.check(() => readInputFile(scope, at, this.source.filePath!)));
    if (bytes === undefined) {
      violations.throwIfAny();
      throw new Error('unreachable: no bytes and no violation');
    }
    if (bytes.length > MAX_ASSET_BYTES) {
      violations.add(at, value, `an asset of at most ${formatBytes(MAX_ASSET_BYTES)}; this one is ${formatBytes(bytes.length)}`);
    }
    const type = detectImageType(bytes);
    if (type === undefined) {
      violations.add(at, value, `an image whose content is one of ${IMAGE_TYPES.join(', ')}`);
    } else {
      if (this.source.declaredType !== undefined && this.source.declaredType !== type) {
        violations.add(`${at}.Extension`, this.source.declaredType, `the type of the bytes, which are ${type} (in ${value})`);
      }
      const allowed = typesFor(this.category);
      if (!allowed.includes(type)) {
        violations.add(at, value, `an image with ${allowed.join(', ')} content for ${this.category}; this one is ${type}`);
      }
      if (type === 'SVG') {
        const hazards = findSvgHazards(bytes.toString('utf8'));
        for (const hazard of hazards.slice(0, MAX_SVG_HAZARDS)) {
          violations.add(at, value, `an SVG without ${hazard}`);
        }
        if (hazards.length > MAX_SVG_HAZARDS) {
          violations.add(at, value, `an SVG without the ${hazards.length - MAX_SVG_HAZARDS} more things like the above in it`);
        }
      }
    }
    violations.throwIfAny();
    return {
      category: this.category,
      colorMode: this.colorMode,
      resourceId: this.resourceId,
      type: type!,
      bytes,
      filePath: this.source.filePath,
      prop: at,
      value,
    };
  }
}
