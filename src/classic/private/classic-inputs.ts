import { ClassInput, collectClassInputViolations, memberOf } from '../../private/class-inputs';
import { ViolationCollector } from '../../private/validate';
import { ClassicCustomizationOptions } from '../options';

const CLASSIC_CSS: ClassInput = {
  name: 'ClassicCss',
  member: '_resolve',
  factories: ['ClassicCss.fromString(css)', 'ClassicCss.fromFile(path)'],
};

const LOGO_IMAGE: ClassInput = {
  name: 'LogoImage',
  member: '_resolve',
  factories: ['LogoImage.fromFile(path)', 'LogoImage.fromBase64(data)'],
};

/**
 * The class-typed members of a classic customization (its css and logo);
 * `prop` as in collectBrandingStyleInputViolations. Returns whether both can be used.
 */
export function collectClassicInputViolations(
  violations: ViolationCollector, prop: string | undefined, options: ClassicCustomizationOptions | undefined,
): boolean {
  const css = collectClassInputViolations(violations, memberOf(prop, 'css'), options?.css, CLASSIC_CSS, false);
  const logo = collectClassInputViolations(violations, memberOf(prop, 'logo'), options?.logo, LOGO_IMAGE, false);
  return css && logo;
}
