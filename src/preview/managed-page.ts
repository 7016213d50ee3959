// A schematic of a client's managed login sign-in page, drawn from its
// Settings document (merged over Cognito's defaults, seed 001) and assets:
// where things are and what color they have. Fonts, exact sizes and spacing
// are this preview's own; AWS publishes no markup or stylesheet for the page.
import { PageAsset, ManagedPageStyle } from './assembly-styles';
import { PREVIEW_BAR_HEIGHT, escapeHtml, dataUri, previewDocument } from './html';
import { PageProvider } from './template-refs';
import { BrandingCategory } from '../branding/category';
import { isSlotShown } from '../branding/private/asset-slots';
import { COLOR_PATHS, SETTINGS_PATHS } from '../branding/private/settings-paths';
import { getPath, Json } from '../private/json-path';

/** The browser's color mode a page is previewed in. */
export type PreviewMode = 'light' | 'dark';

/** Flexbox placement of Cognito's START / CENTER / END. */
const PLACE: { readonly [location: string]: string } = { START: 'flex-start', CENTER: 'center', END: 'flex-end' };

/** What a provider type is called on its button. */
const PROVIDER_LABELS: { readonly [type: string]: string } = {
  Google: 'Google', Facebook: 'Facebook', LoginWithAmazon: 'Amazon', SignInWithApple: 'Apple',
};

/**
 * The mode the page really shows: a style whose color scheme is LIGHT or DARK
 * looks the same whatever the browser prefers; DYNAMIC follows the browser.
 */
export function shownMode(settings: Json, requested: PreviewMode): PreviewMode {
  const scheme = String(getPath(settings, SETTINGS_PATHS.colorSchemeMode) ?? 'LIGHT');
  return scheme === 'DYNAMIC' ? requested : scheme === 'DARK' ? 'dark' : 'light';
}

/** The managed login page of `style` as a browser in `requested` mode shows it, as an HTML document. */
export function managedLoginPage(style: ManagedPageStyle, requested: PreviewMode): string {
  const mode = shownMode(style.settings, requested);
  const page = new SettingsReader(style, mode);
  const notes = [...style.problems];
  if (mode !== requested) {
    notes.push(`colorSchemeMode ${page.text(SETTINGS_PATHS.colorSchemeMode)}: the page is ${mode} whatever the browser prefers`);
  }
  return previewDocument({
    stack: style.stack,
    client: style.client.name,
    what: `managed login, browser in ${requested} mode`,
    notes,
    favicon: page.favicon(),
  }, [pageCss(page)], pageBody(style, page));
}

/** Reads the merged Settings document and assets for one color mode. */
class SettingsReader {
  constructor(private readonly style: ManagedPageStyle, private readonly mode: PreviewMode) {}

  /** The value at a dotted path; `MODE` stands for lightMode or darkMode. */
  public value(path: string): unknown {
    return getPath(this.style.settings, path.replace('MODE', `${this.mode}Mode`));
  }

  public text(path: string, fallback = ''): string {
    const value = this.value(path);
    return value === undefined ? fallback : String(value);
  }

  /** A document color (8 hex digits RGBA) as CSS; transparent when the document has none. */
  public color(path: string): string {
    const value = this.value(path);
    return typeof value === 'string' && /^[0-9a-f]{8}$/i.test(value) ? `#${value.toLowerCase()}` : 'transparent';
  }

  public pixels(path: string, fallback: number): string {
    const value = Number(this.value(path));
    return `${Number.isFinite(value) ? value : fallback}px`;
  }

  public on(path: string): boolean {
    return this.value(path) === true;
  }

  public place(path: string, fallback = 'CENTER'): string {
    return PLACE[this.text(path, fallback)] ?? 'center';
  }

  /**
   * The asset shown in this mode for a category, when the document switches
   * its slot on: one of this mode, else a DYNAMIC one.
   */
  public asset(category: BrandingCategory, resourceId?: string): PageAsset | undefined {
    if (!isSlotShown(this.style.settings, category)) {
      return undefined;
    }
    const candidates = this.style.assets.filter((a) => a.category === category && (resourceId === undefined || a.resourceId === resourceId));
    return candidates.find((a) => a.colorMode === this.mode.toUpperCase()) ?? candidates.find((a) => a.colorMode === 'DYNAMIC');
  }

  /** A CSS background-image declaration for the category's asset, or nothing. */
  public backgroundImage(category: BrandingCategory): string {
    const asset = this.asset(category);
    return asset ? `background-image: url("${dataUri(asset.bytes)}"); background-size: cover; background-position: center;` : '';
  }

  /** The favicon: ICO or SVG, as the document's enabledTypes allow. */
  public favicon(): Buffer | undefined {
    return (this.asset(BrandingCategory.FAVICON_SVG) ?? this.asset(BrandingCategory.FAVICON_ICO))?.bytes;
  }
}

function pageCss(page: SettingsReader): string {
  const idp = 'components.idpButton.standard.MODE';
  return `
.page { box-sizing: border-box; display: flex; flex-direction: column; min-height: calc(100vh - ${PREVIEW_BAR_HEIGHT}px);
  background-color: ${page.color(COLOR_PATHS.pageBackground)};
  ${page.backgroundImage(BrandingCategory.PAGE_BACKGROUND)}
  color: ${page.color(COLOR_PATHS.bodyText)}; font-size: 14px; }
.page-header, .page-footer { box-sizing: border-box; display: flex; align-items: center; padding: 0 24px; }
.page-header { height: 64px; justify-content: ${page.place(SETTINGS_PATHS.headerLogoLocation, 'START')};
  background-color: ${page.color(COLOR_PATHS.headerBackground)};
  border-bottom: 1px solid ${page.color('components.pageHeader.MODE.borderColor')};
  ${page.backgroundImage(BrandingCategory.PAGE_HEADER_BACKGROUND)} }
.page-footer { height: 56px; justify-content: ${page.place(SETTINGS_PATHS.footerLogoLocation)};
  background-color: ${page.color(COLOR_PATHS.footerBackground)};
  border-top: 1px solid ${page.color('components.pageFooter.MODE.borderColor')};
  ${page.backgroundImage(BrandingCategory.PAGE_FOOTER_BACKGROUND)} }
.page-header img { max-height: 40px; max-width: 240px; }
.page-footer img { max-height: 32px; max-width: 200px; }
.page-main { flex: 1; display: flex; flex-direction: column; padding: 32px 48px;
  justify-content: ${page.place(SETTINGS_PATHS.formVerticalLocation)};
  align-items: ${page.place(SETTINGS_PATHS.formHorizontalLocation)}; }
.form-block { display: flex; flex-direction: column; width: 400px; gap: 16px; }
.form { box-sizing: border-box; width: 400px; padding: 32px; display: flex; flex-direction: column; gap: 12px;
  background-color: ${page.color(COLOR_PATHS.formBackground)};
  border: 1px solid ${page.color(COLOR_PATHS.formBorder)};
  border-radius: ${page.pixels('components.form.borderRadius', 8)};
  ${page.backgroundImage(BrandingCategory.FORM_BACKGROUND)} }
.form-logo { display: flex; justify-content: ${page.place(SETTINGS_PATHS.formLogoLocation)}; }
.form-logo img { max-height: 56px; max-width: 240px; }
.form h1 { margin: 0; font-size: 24px; color: ${page.color(COLOR_PATHS.headingText)}; }
.form .description { margin: 0; color: ${page.color('components.pageText.MODE.descriptionColor')}; }
.field { display: flex; flex-direction: column; gap: 4px; }
.field label { font-weight: 700; color: ${page.color(COLOR_PATHS.inputLabelText)}; }
.field input { box-sizing: border-box; height: 36px; padding: 0 12px; font: inherit;
  background-color: ${page.color('componentClasses.input.MODE.defaults.backgroundColor')};
  border: 2px solid ${page.color('componentClasses.input.MODE.defaults.borderColor')};
  border-radius: ${page.pixels('componentClasses.input.borderRadius', 8)}; }
.field input::placeholder { color: ${page.color('componentClasses.input.MODE.placeholderColor')}; }
.button { box-sizing: border-box; display: flex; align-items: center; justify-content: center; gap: 8px; width: 100%; height: 40px;
  font: inherit; font-weight: 700; border-radius: ${page.pixels('componentClasses.buttons.borderRadius', 8)}; }
.primary { border: none; background-color: ${page.color(COLOR_PATHS.primaryButtonBackground)};
  color: ${page.color(COLOR_PATHS.primaryButtonText)}; }
.secondary { border: 2px solid ${page.color('components.secondaryButton.MODE.defaults.borderColor')};
  background-color: ${page.color('components.secondaryButton.MODE.defaults.backgroundColor')};
  color: ${page.color('components.secondaryButton.MODE.defaults.textColor')}; }
.idp { border: 2px solid ${page.color(`${idp}.defaults.borderColor`)}; background-color: ${page.color(`${idp}.defaults.backgroundColor`)};
  color: ${page.color(`${idp}.defaults.textColor`)}; }
.idp img, .idp .glyph { width: 20px; height: 20px; }
.idp .glyph { display: inline-flex; align-items: center; justify-content: center; border-radius: 50%; font-size: 12px;
  border: 1px solid currentColor; }
.divider { display: flex; align-items: center; gap: 8px; color: ${page.color('components.pageText.MODE.descriptionColor')}; }
.divider::before, .divider::after { content: ""; flex: 1; border-top: 1px solid ${page.color('componentClasses.divider.MODE.borderColor')}; }
.link { color: ${page.color(COLOR_PATHS.linkText)}; }
`;
}

function pageBody(style: ManagedPageStyle, page: SettingsReader): string {
  const headerShown = page.on(SETTINGS_PATHS.pageHeaderShown);
  const footerShown = page.on(SETTINGS_PATHS.pageFooterShown);
  return [
    '<div class="page" data-preview="page">',
    headerShown ? `<header class="page-header" data-preview="header">${logo(page, BrandingCategory.PAGE_HEADER_LOGO, 'header-logo')}</header>` : '',
    `<main class="page-main">${formBlock(style, page)}</main>`,
    footerShown ? `<footer class="page-footer" data-preview="footer">${logo(page, BrandingCategory.PAGE_FOOTER_LOGO, 'footer-logo')}</footer>` : '',
    '</div>',
  ].join('\n');
}

function logo(page: SettingsReader, category: BrandingCategory, marker: string): string {
  const asset = page.asset(category);
  return asset ? `<img data-preview="${marker}" alt="${category}" src="${dataUri(asset.bytes)}">` : '';
}

/** The form, and its logo inside or outside it, above or below, as components.form.logo says. */
function formBlock(style: ManagedPageStyle, page: SettingsReader): string {
  const formLogo = logo(page, BrandingCategory.FORM_LOGO, 'form-logo');
  const logoRow = formLogo ? `<div class="form-logo">${formLogo}</div>` : '';
  const inside = page.text('components.form.logo.formInclusion', 'IN') !== 'OUT';
  const below = page.text('components.form.logo.position', 'TOP') === 'BOTTOM';
  const content = signInContent(style, page);
  const form = `<section class="form" data-preview="form">${inside && !below ? logoRow : ''}${content}${inside && below ? logoRow : ''}</section>`;
  return `<div class="form-block">${!inside && !below ? logoRow : ''}${form}${!inside && below ? logoRow : ''}</div>`;
}

/** Heading, then the sign-in methods in the order of categories.auth.authMethodOrder, then the links. */
function signInContent(style: ManagedPageStyle, page: SettingsReader): string {
  const order = ((page.value('categories.auth.authMethodOrder') as Array<Array<{ type?: string }>> | undefined)?.[0] ?? [])
    .map((method) => method.type);
  const sections: string[] = [];
  for (const method of order.length ? order : ['FEDERATED', 'USERNAME_PASSWORD']) {
    if (method === 'FEDERATED' && style.client.providers.length > 0) {
      sections.push(style.client.providers.map((provider) => idpButton(page, provider)).join('\n'));
    } else if (method === 'USERNAME_PASSWORD' && style.client.localUsers) {
      sections.push(usernamePassword());
    }
  }
  return [
    '<h1>Sign in</h1>',
    `<p class="description">to ${escapeHtml(style.client.name)}</p>`,
    sections.join('\n<div class="divider">or</div>\n'),
    style.signUp ? '<button class="button secondary" data-preview="secondary-button">Create an account</button>' : '',
  ].join('\n');
}

function usernamePassword(): string {
  return [
    '<div class="field"><label data-preview="label">Username</label><input data-preview="input" placeholder="Enter your username"></div>',
    '<div class="field"><label>Password</label><input type="password" placeholder="Enter your password"></div>',
    '<a class="link" data-preview="link" href="#">Forgot your password?</a>',
    '<button class="button primary" data-preview="primary-button">Sign in</button>',
  ].join('\n');
}

function idpButton(page: SettingsReader, provider: PageProvider): string {
  const label = PROVIDER_LABELS[provider.type] ?? provider.name;
  let icon = '';
  if (page.on('componentClasses.idpButtons.icons.enabled')) {
    const asset = page.asset(BrandingCategory.IDP_BUTTON_ICON, provider.name);
    icon = asset ? `<img alt="" src="${dataUri(asset.bytes)}">` : `<span class="glyph">${escapeHtml(label.charAt(0))}</span>`;
  }
  return `<button class="button idp" data-preview="idp-button">${icon}<span>Continue with ${escapeHtml(label)}</span></button>`;
}
