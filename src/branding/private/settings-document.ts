// Internal: checks and builds managed login Settings documents. Not exported
// from the package.
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BrandingCategory, BrandingColorMode } from '../category';
import { SLOT_SWITCHES } from './asset-slots';
import { DEFAULT_SETTINGS_DOCUMENT } from './default-settings';
import { COLOR_PATHS, SETTINGS_PATHS } from './settings-paths';
import { Json, setPath } from '../../private/json-path';
import { requireOneOf, ValidationError, ViolationCollector } from '../../private/validate';
import { BrandingModeColors, BrandingSettingsOptions, BrandingHorizontalLocation, BrandingVerticalLocation } from '../settings-options';

/** The top-level keys of Cognito's Settings document (seed 001). */
const TOP_LEVEL_KEYS = Object.keys(DEFAULT_SETTINGS_DOCUMENT);

/** Cognito writes colors as 8 hex digits, RGBA, without `#` (e.g. 0972d3ff). */
const DOCUMENT_COLOR = /^[0-9a-f]{8}$/i;

/** What the typed options accept: #RRGGBB, RRGGBB, #RRGGBBAA or RRGGBBAA. */
const OPTION_COLOR = /^#?([0-9a-f]{6}|[0-9a-f]{8})$/i;

/** Keys whose string values are colors in the document (`textColor`, `color`, ...). */
const COLOR_KEY = /color$/i;

/**
 * Refuses what Cognito would refuse late, at deployment, without naming the
 * file: a document that is not an object, an unknown top-level key, a color
 * that is not 8-digit hex, or a deploy-time token (the document is staged as
 * a file at synth, so a token cannot be resolved into it).
 *
 * @param prop the prop errors name, e.g. `settings`
 * @param source the file the document came from, for the message
 */
export function checkSettingsDocument(scope: IConstruct, prop: string, document: unknown, source?: string): Json {
  const from = source ? ` (in ${source})` : '';
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new ValidationError(scope, prop, document, `a JSON object, the Settings document${from}`);
  }
  // Every unknown key, token and bad color of the document in one error.
  const violations = new ViolationCollector(scope);
  for (const key of Object.keys(document)) {
    if (!TOP_LEVEL_KEYS.includes(key)) {
      violations.add(`${prop}.${key}`, key, `a top-level key of the Settings document: ${TOP_LEVEL_KEYS.join(', ')}${from}. `
        + 'BrandingSettings.fromFile also reads what `aws cognito-idp describe-managed-login-branding-by-client` prints, '
        + 'whole ({"ManagedLoginBranding": {"Settings": ..., "Assets": [...]}}) or saved with --query ManagedLoginBranding '
        + '({"Settings": ..., "Assets": [...]})');
    }
  }
  walk(document, prop, (value, at, key) => {
    if (typeof value === 'string' && Token.isUnresolved(value)) {
      violations.add(at, value, `a value known at synth; the Settings document is staged as a file${from}`);
    } else if (key !== undefined && COLOR_KEY.test(key) && (typeof value === 'string' || typeof value === 'number') && !DOCUMENT_COLOR.test(String(value))) {
      violations.add(at, value, `a color as 8 hex digits RGBA without "#", e.g. "0972d3ff"${from}`);
    }
  });
  violations.throwIfAny();
  return document as Json;
}

/** Visits every scalar of a JSON value with its path and the key that holds it. */
function walk(value: unknown, at: string, visit: (value: unknown, at: string, key?: string) => void, key?: string): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${at}[${i}]`, visit));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      walk(v, `${at}.${k}`, visit, k);
    }
  } else {
    visit(value, at, key);
  }
}

/** A deep copy of Cognito's default Settings document. */
export function defaultSettingsDocument(): Json {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS_DOCUMENT));
}

/** The switch that shows a category's asset, the innermost of its slot's switches. */
function slotSwitchPath(category: BrandingCategory): string {
  const switches = SLOT_SWITCHES[category];
  return switches[switches.length - 1].path;
}

/**
 * The typed options as the part of a Settings document they set, and
 * nothing else: what the user chose. `settingsOverDefaults` writes it over
 * Cognito's defaults; the declared assets never override what it holds.
 */
export function expandSettingsOptions(scope: IConstruct, prop: string, options: BrandingSettingsOptions): Json {
  const document: Json = {};
  // Every bad color and place of the options in one error.
  const violations = new ViolationCollector(scope);
  const modes: Array<[string, BrandingModeColors | undefined]> = [['lightMode', options.lightMode], ['darkMode', options.darkMode]];
  for (const [mode, colors] of modes) {
    for (const [name, value] of Object.entries(colors ?? {})) {
      const target = COLOR_PATHS[name as keyof BrandingModeColors];
      if (value === undefined) {
        continue;
      }
      if (target === undefined) {
        violations.add(`${prop}.${mode}.${name}`, value, `one of the colors ${Object.keys(COLOR_PATHS).join(', ')}`);
        continue;
      }
      const color = violations.check(() => normalizeColor(scope, `${prop}.${mode}.${name}`, value));
      if (color !== undefined) {
        setPath(document, target.replace('MODE', mode), color);
      }
    }
  }
  const place = (option: string, value: string | undefined, allowed: string[], target: string) => {
    if (value !== undefined && violations.check(() => requireOneOf(scope, `${prop}.${option}`, value, allowed)) !== undefined) {
      setPath(document, target, value);
    }
  };
  const horizontal = Object.values(BrandingHorizontalLocation) as string[];
  place('colorScheme', options.colorScheme, Object.values(BrandingColorMode), SETTINGS_PATHS.colorSchemeMode);
  place('formHorizontalLocation', options.formHorizontalLocation, horizontal, SETTINGS_PATHS.formHorizontalLocation);
  place('formVerticalLocation', options.formVerticalLocation, Object.values(BrandingVerticalLocation), SETTINGS_PATHS.formVerticalLocation);
  place('headerLogoLocation', options.headerLogoLocation, horizontal, SETTINGS_PATHS.headerLogoLocation);
  place('footerLogoLocation', options.footerLogoLocation, horizontal, SETTINGS_PATHS.footerLogoLocation);
  place('formLogoLocation', options.formLogoLocation, horizontal, SETTINGS_PATHS.formLogoLocation);
  // Placing a logo means showing it, whether or not its asset is declared here.
  const logos: Array<[string | undefined, BrandingCategory]> = [
    [options.headerLogoLocation, BrandingCategory.PAGE_HEADER_LOGO],
    [options.footerLogoLocation, BrandingCategory.PAGE_FOOTER_LOGO],
    [options.formLogoLocation, BrandingCategory.FORM_LOGO],
  ];
  for (const [location, category] of logos) {
    if (location !== undefined) {
      setPath(document, slotSwitchPath(category), true);
    }
  }
  const images: Array<[string, boolean | undefined, BrandingCategory]> = [
    ['pageBackgroundImage', options.pageBackgroundImage, BrandingCategory.PAGE_BACKGROUND],
    ['headerBackgroundImage', options.headerBackgroundImage, BrandingCategory.PAGE_HEADER_BACKGROUND],
    ['footerBackgroundImage', options.footerBackgroundImage, BrandingCategory.PAGE_FOOTER_BACKGROUND],
    ['formBackgroundImage', options.formBackgroundImage, BrandingCategory.FORM_BACKGROUND],
  ];
  for (const [option, shown, category] of images) {
    if (shown !== undefined && violations.check(() => requireOneOf(scope, `${prop}.${option}`, shown, [true, false])) !== undefined) {
      setPath(document, slotSwitchPath(category), shown);
    }
  }
  violations.throwIfAny();
  return document;
}

/** `chosen` written over a copy of Cognito's default document, member by member. */
export function settingsOverDefaults(chosen: Json): Json {
  return mergeOver(defaultSettingsDocument(), chosen);
}

function mergeOver(base: Json, over: Json): Json {
  for (const [key, value] of Object.entries(over)) {
    const current = base[key];
    base[key] = isObject(value) && isObject(current) ? mergeOver(current, value) : value;
  }
  return base;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A color given as #RRGGBB, RRGGBB, #RRGGBBAA or RRGGBBAA, written the way
 * Cognito stores it: 8 lowercase hex digits, `ff` alpha when none was given.
 */
export function normalizeColor(scope: IConstruct, prop: string, value: string): string {
  if (Token.isUnresolved(value)) {
    throw new ValidationError(scope, prop, value, 'a color known at synth; the Settings document is staged as a file');
  }
  if (typeof value !== 'string' || !OPTION_COLOR.test(value)) {
    throw new ValidationError(scope, prop, value, 'a hex color: #RRGGBB, RRGGBB or RRGGBBAA (e.g. "#0972d3" or "0972d3ff")');
  }
  const hex = value.replace(/^#/, '').toLowerCase();
  return hex.length === 6 ? `${hex}ff` : hex;
}
