import { ViolationCollector } from './validate';
import { BrandingStyleOptions } from '../branding/branding-style';
import { ClassicCustomizationOptions } from '../classic/options';
import { LoginPages } from '../pages/login-pages';

/**
 * One of this library's classes that props take. Only its factories make
 * one; plain JavaScript (or a jsii language whose typing lets it through)
 * can pass a plain object or a string instead, which used to fail with a
 * JavaScript error such as `props.domain._bind is not a function`.
 */
export interface ClassInput {
  /** The class, as messages name it. */
  readonly name: string;
  /**
   * A member every instance has and the library reads or calls. Values are
   * recognised by it rather than by `instanceof`, so an instance made by
   * another copy of this library (two versions in node_modules) still works
   * as it does today.
   */
  readonly member: string;
  /** How users make one, as messages list them. */
  readonly factories: readonly string[];
}

export const LOGIN_DOMAIN: ClassInput = {
  name: 'LoginDomain',
  member: '_bind',
  factories: ['LoginDomain.cognitoPrefix(prefix)', 'LoginDomain.custom({ domainName, certificate })', 'LoginDomain.of({ cognitoPrefix, customDomain })'],
};

export const LOGIN_PAGES: ClassInput = {
  name: 'LoginPages',
  member: 'managedLoginVersion',
  factories: ['LoginPages.managedLogin({ branding, perClient })', 'LoginPages.classic({ css, logo, perClient })'],
};

export const LOGIN_PROVIDER: ClassInput = {
  name: 'LoginProvider',
  member: '_bind',
  factories: ['LoginProvider.google(...)', 'LoginProvider.facebook(...)', 'LoginProvider.amazon(...)', 'LoginProvider.apple(...)',
    'LoginProvider.oidc(...)', 'LoginProvider.saml(...)'],
};

export const ACCOUNT_LINKING: ClassInput = {
  name: 'AccountLinking',
  member: 'verifiedEmailOptions',
  factories: ['AccountLinking.byVerifiedEmail({ providers, trustedEmailProviders, createNativeUser })'],
};

export const BRANDING_SETTINGS: ClassInput = {
  name: 'BrandingSettings',
  member: '_resolve',
  factories: ['BrandingSettings.fromOptions({ lightMode, darkMode, ... })', 'BrandingSettings.fromFile(path)', 'BrandingSettings.fromJson(document)'],
};

export const BRANDING_ASSET: ClassInput = {
  name: 'BrandingAsset',
  member: '_resolve',
  factories: ['BrandingAsset.fromFile(path, { category, colorMode })', 'BrandingAsset.fromBase64(data, { category, colorMode })'],
};

export const CLASSIC_CSS: ClassInput = {
  name: 'ClassicCss',
  member: '_resolve',
  factories: ['ClassicCss.fromString(css)', 'ClassicCss.fromFile(path)'],
};

export const LOGO_IMAGE: ClassInput = {
  name: 'LogoImage',
  member: '_resolve',
  factories: ['LogoImage.fromFile(path)', 'LogoImage.fromBase64(data)'],
};

/**
 * Records a violation when `value` was not made by one of the class's
 * factories, naming the prop, the value and the factories to call. Returns
 * whether the value can be used (an optional one left out can).
 *
 * @param required whether leaving the prop out is a violation too
 */
export function collectClassInputViolations(
  violations: ViolationCollector, prop: string, value: unknown, input: ClassInput, required: boolean,
): boolean {
  if (value === undefined && !required) {
    return true;
  }
  if (isInstance(value, input)) {
    return true;
  }
  const factories = input.factories.length === 1
    ? input.factories[0]
    : `${input.factories.slice(0, -1).join(', ')} or ${input.factories[input.factories.length - 1]}`;
  violations.add(prop, value, `${withArticle(input.name)}, made with ${factories}; got ${kindOf(value)}`);
  return false;
}

/**
 * The class-typed members of a managed login style (its settings and each of
 * its assets); `prop` names the style, undefined when the members are props
 * of their own. Returns whether all of them can be used.
 */
export function collectBrandingStyleInputViolations(
  violations: ViolationCollector, prop: string | undefined, style: BrandingStyleOptions | undefined,
): boolean {
  let usable = collectClassInputViolations(violations, member(prop, 'settings'), style?.settings, BRANDING_SETTINGS, false);
  const assets: unknown = style?.assets;
  if (assets !== undefined && !Array.isArray(assets)) {
    violations.add(member(prop, 'assets'), assets, `a list of BrandingAsset, each made with ${BRANDING_ASSET.factories.join(' or ')}`);
    return false;
  }
  (assets ?? []).forEach((asset: unknown, i: number) => {
    usable = collectClassInputViolations(violations, `${member(prop, 'assets')}[${i}]`, asset, BRANDING_ASSET, true) && usable;
  });
  return usable;
}

/**
 * The class-typed members of a classic customization (its css and logo);
 * `prop` as in collectBrandingStyleInputViolations. Returns whether both can be used.
 */
export function collectClassicInputViolations(
  violations: ViolationCollector, prop: string | undefined, options: ClassicCustomizationOptions | undefined,
): boolean {
  const css = collectClassInputViolations(violations, member(prop, 'css'), options?.css, CLASSIC_CSS, false);
  const logo = collectClassInputViolations(violations, member(prop, 'logo'), options?.logo, LOGO_IMAGE, false);
  return css && logo;
}

/** The pages of a login and every class-typed member of their styles, the pool-wide ones and each perClient entry. */
export function collectPagesInputViolations(violations: ViolationCollector, prop: string, pages: LoginPages | undefined): void {
  if (!collectClassInputViolations(violations, prop, pages, LOGIN_PAGES, false) || pages === undefined) {
    return;
  }
  const managed = pages.managedLoginOptions;
  if (managed !== undefined) {
    collectBrandingStyleInputViolations(violations, `${prop}.branding`, managed.branding);
    for (const [id, style] of Object.entries(managed.perClient ?? {})) {
      collectBrandingStyleInputViolations(violations, `${prop}.perClient.${id}`, style);
    }
  }
  const classic = pages.classicOptions;
  if (classic !== undefined) {
    collectClassicInputViolations(violations, prop, classic);
    for (const [id, options] of Object.entries(classic.perClient ?? {})) {
      collectClassicInputViolations(violations, `${prop}.perClient.${id}`, options);
    }
  }
}

function member(prop: string | undefined, name: string): string {
  return prop === undefined ? name : `${prop}.${name}`;
}

function isInstance(value: unknown, input: ClassInput): boolean {
  return (typeof value === 'object' || typeof value === 'function') && value !== null
    && (value as { [member: string]: unknown })[input.member] !== undefined;
}

/** What was given instead, in words: `a plain object`, `a string`, `nothing`, `a BrandingSettings`. */
function kindOf(value: unknown): string {
  if (value === undefined || value === null) {
    return 'nothing';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value !== 'object') {
    return withArticle(typeof value);
  }
  const prototype = Object.getPrototypeOf(value);
  const name = prototype?.constructor?.name;
  return prototype === Object.prototype || prototype === null || !name ? 'a plain object' : withArticle(name);
}

function withArticle(name: string): string {
  return `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}
