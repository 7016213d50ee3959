// Where each managed login asset shows, and the Settings switch that shows it.
//
// Cognito displays an asset only where the Settings document switches its
// slot on, and its default document (seed 001, DEFAULT_SETTINGS_DOCUMENT)
// switches most slots off: a header logo uploaded over the defaults is never
// seen. So a declared asset switches its slot on, unless the user's own
// document chose otherwise, which earns a warning instead.
import { IConstruct } from 'constructs';
import { getPath, Json, setPath } from '../../private/json-path';
import { warn } from '../../private/validate';
import { BrandingCategory, BrandingColorMode } from '../category';
import { DEFAULT_SETTINGS_DOCUMENT } from './default-settings';
import { SETTINGS_PATHS } from './settings-paths';

/** A boolean switch at a dotted path of the Settings document. */
interface FlagSwitch {
  readonly kind: 'flag';
  readonly path: string;
}

/** A list at a dotted path that must hold a value (the favicon's enabledTypes). */
interface ListSwitch {
  readonly kind: 'list';
  readonly path: string;
  readonly member: string;
}

type SlotSwitch = FlagSwitch | ListSwitch;

const flag = (path: string): FlagSwitch => ({ kind: 'flag', path });
const HEADER = flag(SETTINGS_PATHS.pageHeaderShown);
const FOOTER = flag(SETTINGS_PATHS.pageFooterShown);
const GRAPHICS = flag(SETTINGS_PATHS.formGraphicsShown);

/**
 * The switches each category needs on, outermost first (a header logo needs
 * the header itself shown). Paths are those of Cognito's default document
 * (seed 001); every category has at least one.
 */
export const SLOT_SWITCHES: { readonly [C in BrandingCategory]: readonly SlotSwitch[] } = {
  [BrandingCategory.FAVICON_ICO]: [{ kind: 'list', path: SETTINGS_PATHS.faviconTypes, member: 'ICO' }],
  [BrandingCategory.FAVICON_SVG]: [{ kind: 'list', path: SETTINGS_PATHS.faviconTypes, member: 'SVG' }],
  [BrandingCategory.EMAIL_GRAPHIC]: [GRAPHICS],
  [BrandingCategory.SMS_GRAPHIC]: [GRAPHICS],
  [BrandingCategory.AUTH_APP_GRAPHIC]: [GRAPHICS],
  [BrandingCategory.PASSWORD_GRAPHIC]: [GRAPHICS],
  [BrandingCategory.PASSKEY_GRAPHIC]: [GRAPHICS],
  [BrandingCategory.PAGE_HEADER_LOGO]: [HEADER, flag('components.pageHeader.logo.enabled')],
  [BrandingCategory.PAGE_HEADER_BACKGROUND]: [HEADER, flag('components.pageHeader.backgroundImage.enabled')],
  [BrandingCategory.PAGE_FOOTER_LOGO]: [FOOTER, flag('components.pageFooter.logo.enabled')],
  [BrandingCategory.PAGE_FOOTER_BACKGROUND]: [FOOTER, flag('components.pageFooter.backgroundImage.enabled')],
  [BrandingCategory.PAGE_BACKGROUND]: [flag('components.pageBackground.image.enabled')],
  [BrandingCategory.FORM_BACKGROUND]: [flag('components.form.backgroundImage.enabled')],
  [BrandingCategory.FORM_LOGO]: [flag('components.form.logo.enabled')],
  // Under componentClasses in seed 001 (not components, as some write it).
  [BrandingCategory.IDP_BUTTON_ICON]: [flag('componentClasses.idpButtons.icons.enabled')],
};

/** The color modes in which an asset of each mode shows, per colorSchemeMode. */
const SHOWN_IN: { readonly [scheme: string]: readonly string[] } = {
  LIGHT: [BrandingColorMode.LIGHT, BrandingColorMode.DYNAMIC],
  DARK: [BrandingColorMode.DARK, BrandingColorMode.DYNAMIC],
  DYNAMIC: [BrandingColorMode.LIGHT, BrandingColorMode.DARK, BrandingColorMode.DYNAMIC],
};

/** What of an asset the switches need: its slot. */
export interface DeclaredAsset {
  readonly category: BrandingCategory;
  readonly colorMode: BrandingColorMode;
}

/**
 * Switches on, in `document`, the slot of every declared asset, except where
 * `chosen` (what the user wrote themselves: their own document, or the typed
 * options they set) holds a value for that switch: a switch the user turned
 * off stays off, with a warning on `scope` naming the asset and the setting.
 * Also warns on an asset whose color mode the page's color scheme never shows.
 *
 * @returns the document with the switches set (a new object; inputs are not changed)
 */
export function showDeclaredAssets(scope: IConstruct, document: Json, chosen: Json, assets: readonly DeclaredAsset[]): Json {
  const result = JSON.parse(JSON.stringify(document));
  const warned = new Set<string>();
  const once = (key: string, message: string) => {
    if (!warned.has(key)) {
      warned.add(key);
      warn(scope, 'assetNotShown', message);
    }
  };
  for (const asset of assets) {
    for (const slotSwitch of SLOT_SWITCHES[asset.category]) {
      const own = getPath(chosen, slotSwitch.path);
      if (own === undefined) {
        switchOn(result, slotSwitch);
      } else if (!isOn(own, slotSwitch)) {
        once(`${asset.category}:${slotSwitch.path}`,
          `The ${asset.category} asset will not show: the settings set ${slotSwitch.path} to ${JSON.stringify(own)}. `
          + `Set it to ${slotSwitch.kind === 'flag' ? 'true' : `a list that includes "${slotSwitch.member}"`}, or leave it out `
          + 'and a declared asset switches its slot on.');
      }
    }
    const scheme = String(getPath(result, SETTINGS_PATHS.colorSchemeMode) ?? 'LIGHT');
    if (SHOWN_IN[scheme] && !SHOWN_IN[scheme].includes(asset.colorMode)) {
      once(`${asset.category}:${asset.colorMode}:scheme`,
        `The ${asset.category} ${asset.colorMode} asset will not show: the pages' color scheme `
        + `(${SETTINGS_PATHS.colorSchemeMode}) is ${scheme}. Choose colorScheme DYNAMIC (or ${asset.colorMode}), `
        + `or give the asset the color mode ${scheme === 'DARK' ? 'DARK' : 'LIGHT'} or DYNAMIC.`);
    }
  }
  return result;
}

/**
 * Whether Cognito shows an asset of `category` on pages styled by `document`
 * (a whole document, merged over the defaults): every switch of its slot is on.
 * The preview (src/preview) draws an asset only where this holds.
 */
export function isSlotShown(document: Json, category: BrandingCategory): boolean {
  return SLOT_SWITCHES[category].every((slotSwitch) => isOn(getPath(document, slotSwitch.path), slotSwitch));
}

function isOn(value: unknown, slotSwitch: SlotSwitch): boolean {
  return slotSwitch.kind === 'flag' ? value === true : Array.isArray(value) && value.includes(slotSwitch.member);
}

/**
 * Turns a switch on where it is in effect off. A partial document (the
 * user's own) takes Cognito's default for what it leaves out, so a switch
 * already on by default is left out rather than written.
 */
function switchOn(document: Json, slotSwitch: SlotSwitch): void {
  const current = getPath(document, slotSwitch.path) ?? getPath(DEFAULT_SETTINGS_DOCUMENT, slotSwitch.path);
  if (isOn(current, slotSwitch)) {
    return;
  }
  if (slotSwitch.kind === 'flag') {
    setPath(document, slotSwitch.path, true);
  } else {
    setPath(document, slotSwitch.path, [...(Array.isArray(current) ? current : []), slotSwitch.member]);
  }
}
