import { ClassInput, collectClassInputViolations, memberOf } from '../../private/class-inputs';
import { ViolationCollector } from '../../private/validate';
import { BrandingStyleOptions } from '../branding-style';

const BRANDING_SETTINGS: ClassInput = {
  name: 'BrandingSettings',
  member: '_resolve',
  factories: ['BrandingSettings.fromOptions({ lightMode, darkMode, ... })', 'BrandingSettings.fromFile(path)', 'BrandingSettings.fromJson(document)'],
};

const BRANDING_ASSET: ClassInput = {
  name: 'BrandingAsset',
  member: '_resolve',
  factories: ['BrandingAsset.fromFile(path, { category, colorMode })', 'BrandingAsset.fromBase64(data, { category, colorMode })'],
};

/**
 * The class-typed members of a managed login style (its settings and each of
 * its assets); `prop` names the style, undefined when the members are props
 * of their own. Returns whether all of them can be used.
 */
export function collectBrandingStyleInputViolations(
  violations: ViolationCollector, prop: string | undefined, style: BrandingStyleOptions | undefined,
): boolean {
  let usable = collectClassInputViolations(violations, memberOf(prop, 'settings'), style?.settings, BRANDING_SETTINGS, false);
  const assets: unknown = style?.assets;
  if (assets !== undefined && !Array.isArray(assets)) {
    violations.add(memberOf(prop, 'assets'), assets, `a list of BrandingAsset, each made with ${BRANDING_ASSET.factories.join(' or ')}`);
    return false;
  }
  (assets ?? []).forEach((asset: unknown, i: number) => {
    usable = collectClassInputViolations(violations, `${memberOf(prop, 'assets')}[${i}]`, asset, BRANDING_ASSET, true) && usable;
  });
  return usable;
}
